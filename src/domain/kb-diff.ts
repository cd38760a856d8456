// What changed between two KB versions, entry by entry: pure, so history, publish previews and the
// per-entry draft/published status all read one definition of "changed".
import type { KbEntry } from '../engine/types.js';

export type EntryField = 'title' | 'category' | 'questions' | 'answer' | 'tags';

const FIELDS: readonly EntryField[] = ['title', 'category', 'questions', 'answer', 'tags'];

export interface EntryChange {
  id: string;
  /** The fields whose value differs (questions: also a mere reordering). */
  fields: EntryField[];
  questionsAdded: string[];
  questionsRemoved: string[];
  before: KbEntry;
  after: KbEntry;
}

export interface KbDiff {
  added: KbEntry[];
  removed: KbEntry[];
  changed: EntryChange[];
  unchanged: number;
}

export interface KbDiffCounts {
  added: number;
  removed: number;
  changed: number;
}

// An absent optional field and an empty one read the same to a customer, but the KB file keeps the
// difference, so a diff reports it too: JSON of the value, undefined included.
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function changedFields(before: KbEntry, after: KbEntry): EntryField[] {
  return FIELDS.filter((f) => !same(before[f], after[f]));
}

export function diffKb(from: readonly KbEntry[], to: readonly KbEntry[]): KbDiff {
  const old = new Map(from.map((e) => [e.id, e]));
  const ids = new Set(to.map((e) => e.id));
  const diff: KbDiff = { added: [], removed: from.filter((e) => !ids.has(e.id)), changed: [], unchanged: 0 };
  for (const after of to) {
    const before = old.get(after.id);
    if (!before) {
      diff.added.push(after);
      continue;
    }
    const fields = changedFields(before, after);
    if (fields.length === 0) {
      diff.unchanged++;
      continue;
    }
    const was = new Set(before.questions);
    const now = new Set(after.questions);
    diff.changed.push({
      id: after.id,
      fields,
      questionsAdded: after.questions.filter((q) => !was.has(q)),
      questionsRemoved: before.questions.filter((q) => !now.has(q)),
      before,
      after,
    });
  }
  return diff;
}

/** What changed in the "must not answer" examples between two versions. */
export interface NegativesDiff {
  added: string[];
  removed: string[];
}

export function diffNegatives(from: readonly string[], to: readonly string[]): NegativesDiff {
  const was = new Set(from);
  const now = new Set(to);
  return { added: to.filter((q) => !was.has(q)), removed: from.filter((q) => !now.has(q)) };
}

export const countDiff = (d: KbDiff): KbDiffCounts => ({
  added: d.added.length,
  removed: d.removed.length,
  changed: d.changed.length,
});

/** 'published': the live bot answers with exactly this entry; 'draft': new or edited since publishing. */
export type EntryStatus = 'published' | 'draft';

/** The draft's entries with their status, and the ids still live that the draft has deleted. */
export function withStatus<T extends KbEntry>(
  draft: readonly T[],
  live: readonly KbEntry[],
): { entries: (T & { status: EntryStatus })[]; pendingRemovals: string[] } {
  const liveById = new Map(live.map((e) => [e.id, e]));
  const inDraft = new Set(draft.map((e) => e.id));
  return {
    entries: draft.map((e) => {
      const published = liveById.get(e.id);
      const status: EntryStatus =
        published && changedFields(published, e).length === 0 ? 'published' : 'draft';
      return { ...e, status };
    }),
    pendingRemovals: live.filter((e) => !inDraft.has(e.id)).map((e) => e.id),
  };
}
