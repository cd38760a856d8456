// openStorage's choice of adapter from the URL, and its refusals.
import { describe, expect, it } from 'vitest';
import { openStorage } from './open-storage.js';

describe('openStorage', () => {
  it('refuses an unknown URL scheme with a clear error that does not echo the URL', async () => {
    const attempt = openStorage({ databaseUrl: 'mysql://root:secret@db/zhida', dataDir: '/nonexistent' });
    await expect(attempt).rejects.toThrow('unsupported database URL scheme "mysql"');
    await expect(attempt).rejects.not.toThrow('secret');
  });

  it('refuses a URL without a scheme', async () => {
    await expect(openStorage({ databaseUrl: 'zhida.db', dataDir: '/nonexistent' })).rejects.toThrow(
      '"(none)"',
    );
  });

  it('refuses a PostgreSQL schema name that is not a plain identifier', async () => {
    await expect(
      openStorage({ databaseUrl: 'postgres://127.0.0.1:1/x', dataDir: '/nonexistent', pgSchema: 'a"; drop' }),
    ).rejects.toThrow('invalid PostgreSQL schema name');
  });
});
