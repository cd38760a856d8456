// The versioned knowledge base. Every write runs under the lock of the single kb_meta row, so writers
// queue up and each version's snapshot contains every earlier write; the snapshot (all entries as JSON,
// and the "must not answer" examples beside it) lets any version be restored later with replaceAll.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { KbEntry } from '../engine/types.js';
import type { KbRepository, KbVersionContent, StoredKbEntry } from './ports.js';
import type { KbEntriesTable } from './schema.js';
import { atomically, conflictAs, type Db, type Executor } from './executor.js';

/** Rows per INSERT: far below SQLite's and PostgreSQL's bound-parameter limits at 8 columns a row. */
const INSERT_BATCH = 500;

export function kbRepository(db: Executor): KbRepository {
  return {
    async currentVersion() {
      return (await readMeta(db())).version;
    },

    async meta() {
      const { name, locale } = await readMeta(db());
      return { name, locale };
    },

    async listEntries() {
      return (await selectEntries(db())).map(toStored);
    },

    async getEntry(id) {
      const row = await db().selectFrom('kb_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toStored(row) : null;
    },

    upsertEntry: (entry, author, now) =>
      atomically(db(), async (trx) => {
        const version = await lockVersion(trx);
        const existing = await trx
          .selectFrom('kb_entries')
          .select('position')
          .where('id', '=', entry.id)
          .executeTakeFirst();
        if (existing) {
          await trx
            .updateTable('kb_entries')
            .set(toRow(entry, existing.position, now))
            .where('id', '=', entry.id)
            .execute();
        } else {
          const last = await trx
            .selectFrom('kb_entries')
            .select((eb) => eb.fn.max('position').as('p'))
            .executeTakeFirst();
          await trx
            .insertInto('kb_entries')
            .values(toRow(entry, (last?.p ?? -1) + 1, now))
            .execute();
        }
        return recordVersion(trx, version + 1, author, null, now);
      }),

    deleteEntry: (id, author, now) =>
      atomically(db(), async (trx) => {
        const version = await lockVersion(trx);
        const { numDeletedRows } = await trx.deleteFrom('kb_entries').where('id', '=', id).executeTakeFirst();
        return numDeletedRows > 0n ? recordVersion(trx, version + 1, author, null, now) : false;
      }),

    replaceAll: (meta, entries, author, note, now) =>
      atomically(db(), async (trx) => {
        const version = await lockVersion(trx);
        await trx.deleteFrom('kb_entries').execute();
        const rows = entries.map((e, i) => toRow(e, i, now));
        for (let i = 0; i < rows.length; i += INSERT_BATCH) {
          const batch = rows.slice(i, i + INSERT_BATCH);
          await conflictAs('duplicate knowledge-base entry id', () =>
            trx.insertInto('kb_entries').values(batch).execute(),
          );
        }
        await trx
          .updateTable('kb_meta')
          .set({
            name: meta.name,
            locale: meta.locale,
            ...(meta.negatives === undefined ? {} : { negatives: JSON.stringify(meta.negatives) }),
          })
          .where('id', '=', 1)
          .execute();
        return recordVersion(trx, version + 1, author, note, now);
      }),

    async negatives() {
      return JSON.parse((await readMeta(db())).negatives) as string[];
    },

    setNegatives: (negatives, author, now) =>
      atomically(db(), async (trx) => {
        const version = await lockVersion(trx);
        const next = JSON.stringify(negatives);
        const { numUpdatedRows } = await trx
          .updateTable('kb_meta')
          .set({ negatives: next })
          .where('id', '=', 1)
          .where('negatives', '!=', next)
          .executeTakeFirst();
        return numUpdatedRows > 0n ? recordVersion(trx, version + 1, author, null, now) : false;
      }),

    contentAt: (version) => contentAt(db(), version),

    async listVersions(limit) {
      const rows = await db()
        .selectFrom('kb_versions')
        .select(['version', 'created_at', 'author', 'note', 'entry_count', 'published_at', 'published_by'])
        .orderBy('version', 'desc')
        .limit(Math.max(0, limit))
        .execute();
      return rows.map((r) => ({
        version: r.version,
        createdAt: r.created_at,
        author: r.author,
        note: r.note,
        entryCount: r.entry_count,
        publishedAt: r.published_at,
        publishedBy: r.published_by,
      }));
    },

    async snapshot(version) {
      return (await contentAt(db(), version))?.entries ?? null;
    },

    async publishedVersion() {
      return (await readMeta(db())).published_version;
    },

    publish: (version, author, now) =>
      atomically(db(), async (trx) => {
        if (!Number.isInteger(version) || version < 1) return false;
        // One conditional write decides, so two concurrent publishes cannot move the live version back.
        const { numUpdatedRows } = await trx
          .updateTable('kb_meta')
          .set({ published_version: version })
          .where('id', '=', 1)
          .where('published_version', '<=', version)
          .where('version', '>=', version)
          .executeTakeFirst();
        if (numUpdatedRows === 0n) return false;
        await trx
          .updateTable('kb_versions')
          .set({ published_at: now, published_by: author })
          .where('version', '=', version)
          .where('published_at', 'is', null)
          .execute();
        return true;
      }),
  };
}

/** A version's entries and must-not-answer examples (version 0: the KB before its first write, empty). */
async function contentAt(db: Db, version: number): Promise<KbVersionContent | null> {
  if (version === 0) return { entries: [], negatives: [] };
  const row = await db
    .selectFrom('kb_versions')
    .select(['snapshot', 'negatives'])
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  return {
    entries: JSON.parse(row.snapshot) as KbEntry[],
    negatives: row.negatives === null ? [] : (JSON.parse(row.negatives) as string[]),
  };
}

const readMeta = (db: Db) =>
  db.selectFrom('kb_meta').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

/** A write that changes nothing but locks the kb_meta row until the transaction ends. */
async function lockVersion(trx: Db): Promise<number> {
  const row = await trx
    .updateTable('kb_meta')
    .set({ version: sql`version` })
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

async function recordVersion(
  trx: Db,
  version: number,
  author: string | null,
  note: string | null,
  now: number,
): Promise<number> {
  const entries = (await selectEntries(trx)).map(toEntry);
  const { negatives } = await readMeta(trx);
  await trx
    .insertInto('kb_versions')
    .values({
      version,
      created_at: now,
      author,
      note,
      entry_count: entries.length,
      snapshot: JSON.stringify(entries),
      negatives,
    })
    .execute();
  await trx.updateTable('kb_meta').set({ version }).where('id', '=', 1).execute();
  return version;
}

const selectEntries = (db: Db) => db.selectFrom('kb_entries').selectAll().orderBy('position').execute();

function toRow(e: KbEntry, position: number, now: number): Insertable<KbEntriesTable> {
  return {
    id: e.id,
    position,
    title: e.title,
    category: e.category ?? null,
    questions: JSON.stringify(e.questions),
    answer: e.answer,
    tags: e.tags === undefined ? null : JSON.stringify(e.tags),
    updated_at: now,
  };
}

/** The entry exactly as the KB file has it: its key order, optional fields absent rather than null. */
function toEntry(r: Selectable<KbEntriesTable>): KbEntry {
  return {
    id: r.id,
    title: r.title,
    ...(r.category === null ? {} : { category: r.category }),
    questions: JSON.parse(r.questions) as string[],
    answer: r.answer,
    ...(r.tags === null ? {} : { tags: JSON.parse(r.tags) as string[] }),
  };
}

const toStored = (r: Selectable<KbEntriesTable>): StoredKbEntry => ({
  ...toEntry(r),
  updatedAt: r.updated_at,
});
