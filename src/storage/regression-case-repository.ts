// The KB's regression cases, kept in the order they were added (position), so a CASES.jsonl export
// lists them as they were imported.
import type { Insertable, Selectable } from 'kysely';
import type { RegressionCase, RegressionCaseRepository } from './kb-lifecycle-ports.js';
import type { KbRegressionCasesTable } from './kb-lifecycle-schema.js';
import { atomically, conflictAs, type Db, type Executor } from './executor.js';

/** Rows per INSERT: far below both databases' bound-parameter limits at 8 columns a row. */
const INSERT_BATCH = 500;

export function regressionCaseRepository(db: Executor): RegressionCaseRepository {
  return {
    async list() {
      const rows = await db().selectFrom('kb_regression_cases').selectAll().orderBy('position').execute();
      return rows.map(toCase);
    },

    async get(id) {
      const row = await db()
        .selectFrom('kb_regression_cases')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toCase(row) : null;
    },

    add: (cases) => atomically(db(), (trx) => insertAfterLast(trx, cases)),

    async update(id, patch, now) {
      const set: Partial<Insertable<KbRegressionCasesTable>> = { updated_at: now };
      if (patch.text !== undefined) set.text = patch.text;
      if (patch.expectedEntryId !== undefined) set.expected_entry_id = patch.expectedEntryId;
      if (patch.note !== undefined) set.note = patch.note;
      const row = await db()
        .updateTable('kb_regression_cases')
        .set(set)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toCase(row) : null;
    },

    async delete(id) {
      const { numDeletedRows } = await db()
        .deleteFrom('kb_regression_cases')
        .where('id', '=', id)
        .executeTakeFirst();
      return numDeletedRows > 0n;
    },

    replaceAll: (cases) =>
      atomically(db(), async (trx) => {
        await trx.deleteFrom('kb_regression_cases').execute();
        await insertAfterLast(trx, cases);
      }),
  };
}

async function insertAfterLast(trx: Db, cases: RegressionCase[]): Promise<void> {
  const last = await trx
    .selectFrom('kb_regression_cases')
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  const start = (last?.p ?? -1) + 1;
  const rows = cases.map((c, i) => toRow(c, start + i));
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    await conflictAs('duplicate regression case id', () =>
      trx.insertInto('kb_regression_cases').values(batch).execute(),
    );
  }
}

const toRow = (c: RegressionCase, position: number): Insertable<KbRegressionCasesTable> => ({
  id: c.id,
  position,
  text: c.text,
  expected_entry_id: c.expectedEntryId,
  note: c.note,
  created_by: c.createdBy,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

const toCase = (r: Selectable<KbRegressionCasesTable>): RegressionCase => ({
  id: r.id,
  text: r.text,
  expectedEntryId: r.expected_entry_id,
  note: r.note,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
