// Server keys: inserted once per purpose ("on conflict do nothing"), so concurrent first starts of several
// instances on one database all end up reading the same key.
import type { Selectable } from 'kysely';
import type { KeyRecord, KeyRepository } from './ports.js';
import type { ServerKeysTable } from './evidence-schema.js';
import type { Executor } from './executor.js';

export function keyRepository(db: Executor): KeyRepository {
  const get = async (id: string) => {
    const row = await db().selectFrom('server_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  };
  return {
    get,
    async getOrCreate(k) {
      await db()
        .insertInto('server_keys')
        .values({
          id: k.id,
          algorithm: k.algorithm,
          public_key: k.publicKeyPem,
          private_key: k.privateKeyPem,
          fingerprint: k.fingerprint,
          created_at: k.createdAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const stored = await get(k.id);
      if (!stored) throw new Error(`server key ${k.id} vanished right after it was stored`);
      return stored;
    },
    async replacePrivateKey(id, from, to) {
      const result = await db()
        .updateTable('server_keys')
        .set({ private_key: to })
        .where('id', '=', id)
        .where('private_key', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

function toRecord(r: Selectable<ServerKeysTable>): KeyRecord {
  return {
    id: r.id,
    algorithm: r.algorithm,
    publicKeyPem: r.public_key,
    privateKeyPem: r.private_key,
    fingerprint: r.fingerprint,
    createdAt: r.created_at,
  };
}
