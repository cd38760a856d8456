import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../storage/open-storage.js';
import { loadTranscriptKey } from './transcripts.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zhida-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('transcript key', () => {
  it('is made on the first start, kept in the database, and the same after a restart', async () => {
    const first = await openStorage({ dataDir: dir });
    const made = await loadTranscriptKey(first, 1);
    expect(await loadTranscriptKey(first, 2)).toMatchObject({ fingerprint: made.fingerprint });
    await first.close();
    const again = await openStorage({ dataDir: dir });
    const reloaded = await loadTranscriptKey(again, 3);
    expect(reloaded.fingerprint).toBe(made.fingerprint);
    expect(reloaded.publicKeyPem).toBe(made.publicKeyPem);
    expect((await again.keys.get('transcript'))?.createdAt).toBe(1);
    await again.close();
  });
});
