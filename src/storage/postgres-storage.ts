// PostgreSQL connection details: a pg Pool, bigint times read back as numbers, and every connection
// pinned to one schema (tests run each in their own).
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Opens a pool whose connections use `schema` (default public). A schema named explicitly is created if
 * missing; public is left alone, as creating it needs rights a production role may not have.
 */
export async function openPostgres(url: string, schema?: string): Promise<Kysely<Database>> {
  const searchPath = schema ?? 'public';
  if (!SCHEMA_NAME.test(searchPath)) {
    throw new Error(`invalid PostgreSQL schema name "${searchPath}": use lower-case letters, digits and _`);
  }
  // Epoch-ms times are bigint columns, which pg returns (like counts) as strings: parse them as numbers,
  // exact up to 2^53, far beyond any time stored.
  const pool = new pg.Pool({
    connectionString: url,
    types: {
      getTypeParser: (oid, format) =>
        oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format),
    },
  });
  // An idle connection that drops (e.g. a server restart) is discarded by the pool and replaced on the
  // next query; without a listener its 'error' event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(`set search_path to "${searchPath}"`));
      },
    }),
  });
  if (schema !== undefined) {
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return db;
}
