// Revisions of what an admin edits (an entry, the list of "must not answer" examples): a short digest
// of the content, sent back with an edit (If-Match) so that an edit made on a stale copy is refused
// instead of silently overwriting another admin's change. Content, not time: a change that is undone
// leaves nothing to lose, and every storage adapter yields the same digest.
import { createHash } from 'node:crypto';
import type { KbEntry } from '../engine/types.js';

const digest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);

/** The revision of an entry's content (the fields of the KB file; storage's own fields do not count). */
export function entryRevision(entry: KbEntry): string {
  const { id, title, category, questions, answer, tags } = entry;
  return digest([id, title, category ?? null, questions, answer, tags ?? []]);
}

/** The revision of a set of examples: their order means nothing to the engine, so it does not count. */
export function negativesRevision(negatives: readonly string[]): string {
  return digest([...new Set(negatives)].sort());
}

/**
 * Whether an If-Match header value allows an edit of content at `current`: no header allows it (an API
 * client that does not track revisions edits the latest), `*` allows it, otherwise one of the listed
 * entity tags (quoted or not, weak or strong) must be the current revision.
 */
export function matchesRevision(ifMatch: string | undefined, current: string): boolean {
  if (ifMatch === undefined || ifMatch.trim() === '') return true;
  return ifMatch.split(',').some((tag) => {
    const t = tag
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
    return t === '*' || t === current;
  });
}
