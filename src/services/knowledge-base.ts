// KB administration: every change is validated whole and stored as a new version of the draft. The live
// bot keeps answering from the published version until a publish (kb-publishing.ts) retrains it.
import { randomUUID } from 'node:crypto';
import { cleanNegatives, validateKnowledgeBase } from '../engine/kb-validation.js';
import type { KbEntry, KnowledgeBase } from '../engine/types.js';
import { withStatus } from '../domain/kb-diff.js';
import { entryRevision, matchesRevision, negativesRevision } from '../domain/kb-revision.js';
import { AppError, reasonedError } from '../errors.js';
import type { Storage } from '../storage/ports.js';
import type { ServiceContext } from './context.js';
import { kbAt } from './kb-document.js';
import { answerUrlErrors } from './rich-answer.js';

/**
 * Replaces the whole KB; a file with any bad entry is refused whole with a per-entry error list. The
 * "must not answer" examples are replaced when the file has the field, kept otherwise (a file of the
 * DESIGN contract, or a CSV/Excel table, has no place for them).
 */
export async function importKnowledgeBase(
  storage: Storage,
  input: unknown,
  author: string,
  note: string | null,
  now: number,
) {
  const result = validateKnowledgeBase(input);
  const errors = result.ok ? answerUrlErrors(result.kb.entries) : result.errors;
  if (!result.ok || errors.length > 0)
    throw new AppError('INVALID_KB', `the knowledge base has ${errors.length} error(s)`, errors);
  const { name, locale, entries, negatives } = result.kb;
  const meta = { name, locale, ...(negatives ? { negatives: cleanNegatives(negatives) } : {}) };
  const version = await storage.kb.replaceAll(meta, entries, author, note, now);
  // negatives: how many must-not-answer examples the file set, or null when it kept the stored ones.
  return { version, entries: entries.length, negatives: meta.negatives?.length ?? null };
}

/** The KB file of DESIGN.md, as stored now (with `negatives` when there are any). */
export async function exportKnowledgeBase(storage: Storage): Promise<KnowledgeBase> {
  const [meta, negatives, entries] = await Promise.all([
    storage.kb.meta(),
    storage.kb.negatives(),
    storage.kb.listEntries(),
  ]);
  return kbAt(
    meta,
    entries.map(({ updatedAt: _updatedAt, ...entry }) => entry),
    negatives,
  );
}

/** The KB file of a version: its content with the KB's current name and locale (null: no such version). */
export async function exportKnowledgeBaseVersion(
  storage: Storage,
  version: number,
): Promise<KnowledgeBase | null> {
  const [meta, content] = await Promise.all([storage.kb.meta(), storage.kb.contentAt(version)]);
  return content && kbAt(meta, content.entries, content.negatives);
}

export function createKnowledgeBase(ctx: ServiceContext, onError: (err: unknown) => void) {
  const { storage, clock, bus } = ctx;

  const changed = (version: number) => {
    void bus.publish({ type: 'kb-changed', version }).catch(onError);
    return version;
  };

  function validEntry(entry: KbEntry): KbEntry {
    const result = validateKnowledgeBase({ name: 'entry', locale: 'zh-CN', entries: [entry] });
    const errors = result.ok ? answerUrlErrors(result.kb.entries) : result.errors;
    if (!result.ok || errors.length > 0) throw new AppError('INVALID_KB', 'the entry is not valid', errors);
    return result.kb.entries[0];
  }

  async function list() {
    const [meta, negatives, version, publishedVersion, entries] = await Promise.all([
      storage.kb.meta(),
      storage.kb.negatives(),
      storage.kb.currentVersion(),
      storage.kb.publishedVersion(),
      storage.kb.listEntries(),
    ]);
    // Each entry says whether the live bot answers with it as it is now (published) or not yet (draft),
    // and carries its revision, which an edit sends back (If-Match) to be refused if it is stale.
    const { entries: listed, pendingRemovals } = withStatus(
      entries,
      (await storage.kb.snapshot(publishedVersion)) ?? [],
    );
    return {
      ...meta,
      negatives,
      negativesRevision: negativesRevision(negatives),
      version,
      publishedVersion,
      entries: listed.map((e) => ({ ...e, revision: entryRevision(e) })),
      pendingRemovals,
    };
  }

  /**
   * Refuses an edit of an entry that is gone, or (with If-Match) one made on a copy someone changed
   * since: the details carry the current entry, so the editor can show it. Checked, then written (not in
   * one transaction): two saves within the same few milliseconds can both pass.
   */
  async function ensureCurrent(id: string, ifMatch: string | undefined): Promise<void> {
    const stored = await storage.kb.getEntry(id);
    if (!stored) throw reasonedError('NOT_FOUND', 'entry.not-found', { id });
    const { updatedAt: _updatedAt, ...entry } = stored;
    const revision = entryRevision(entry);
    if (!matchesRevision(ifMatch, revision))
      throw reasonedError('PRECONDITION_FAILED', 'entry.changed-meanwhile', { id }, { entry, revision });
  }

  async function create(input: Omit<KbEntry, 'id'> & { id?: string }, author: string) {
    const entry = validEntry({ ...input, id: input.id ?? `entry-${randomUUID().slice(0, 8)}` });
    if (await storage.kb.getEntry(entry.id))
      throw new AppError('CONFLICT', `an entry with id "${entry.id}" exists`);
    const version = changed(await storage.kb.upsertEntry(entry, author, clock()));
    return { entry, version, revision: entryRevision(entry) };
  }

  async function update(id: string, input: Omit<KbEntry, 'id'>, author: string, ifMatch?: string) {
    await ensureCurrent(id, ifMatch);
    const entry = validEntry({ ...input, id });
    const version = changed(await storage.kb.upsertEntry(entry, author, clock()));
    return { entry, version, revision: entryRevision(entry) };
  }

  async function remove(id: string, author: string, ifMatch?: string) {
    await ensureCurrent(id, ifMatch);
    const version = await storage.kb.deleteEntry(id, author, clock());
    if (version === false) throw reasonedError('NOT_FOUND', 'entry.not-found', { id });
    return { version: changed(version) };
  }

  /**
   * Replaces the "must not answer" examples: a new draft version, unless the same examples are already
   * stored (in any order: the order means nothing to the engine, and a version would show no change).
   * "The same" is what the revision says: it is a digest of the set, not of the list.
   */
  async function setNegatives(list: string[], author: string, ifMatch?: string) {
    const negatives = cleanNegatives(list);
    const stored = await storage.kb.negatives();
    const storedRevision = negativesRevision(stored);
    if (!matchesRevision(ifMatch, storedRevision))
      throw reasonedError(
        'PRECONDITION_FAILED',
        'negatives.changed-meanwhile',
        {},
        { negatives: stored, revision: storedRevision },
      );
    const revision = negativesRevision(negatives);
    const version =
      revision === storedRevision ? false : await storage.kb.setNegatives(negatives, author, clock());
    return version === false
      ? {
          negatives: stored,
          revision: storedRevision,
          version: await storage.kb.currentVersion(),
          changed: false,
        }
      : { negatives, revision, version: changed(version), changed: true };
  }

  async function importFile(input: unknown, author: string, note: string | null) {
    const result = await importKnowledgeBase(storage, input, author, note, clock());
    changed(result.version);
    return result;
  }

  return {
    list,
    create,
    update,
    remove,
    setNegatives,
    importFile,
    exportFile: () => exportKnowledgeBase(storage),
    exportVersion: (version: number) => exportKnowledgeBaseVersion(storage, version),
  };
}

export type KnowledgeBaseService = ReturnType<typeof createKnowledgeBase>;
