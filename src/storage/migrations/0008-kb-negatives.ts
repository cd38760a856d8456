// The KB's "must not answer" examples: messages the business says no entry answers (the engine learns
// from them where to stop answering). The draft's list lives on the kb_meta row; each version keeps the
// list it had, so publishing, exporting and rolling back a version carry it along. Versions made before
// this migration had none. Safe to run again after an interrupted start-up.
import type { Kysely, Migration } from 'kysely';
import type { Storage } from '../ports.js';
import { columns } from './0004-kb-lifecycle.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against no fixed schema
type AnyDb = Kysely<any>;

export function kbNegativesMigration(kind: Storage['kind']): Migration {
  return {
    async up(db: AnyDb) {
      if (!(await columns(db, kind, 'kb_meta')).has('negatives'))
        await db.schema
          .alterTable('kb_meta')
          .addColumn('negatives', 'text', (c) => c.notNull().defaultTo('[]'))
          .execute();
      if (!(await columns(db, kind, 'kb_versions')).has('negatives'))
        await db.schema.alterTable('kb_versions').addColumn('negatives', 'text').execute();
    },
  };
}
