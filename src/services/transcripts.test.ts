import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../storage/open-storage.js';
import { signingKeyFromPem } from '../evidence/signing-key.js';
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

describe('transcript key with ZHIDA_KEY_PASSPHRASE', () => {
  const PASS = 'correct horse battery';

  it('is stored encrypted when made, and opens only with the passphrase', async () => {
    const storage = await openStorage({ dataDir: mkdtempSync(path.join(dir, 'sealed-')) });
    const made = await loadTranscriptKey(storage, 1, PASS);
    const stored = (await storage.keys.get('transcript'))!;
    expect(stored.privateKeyPem).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect((await loadTranscriptKey(storage, 2, PASS)).fingerprint).toBe(made.fingerprint);
    await expect(loadTranscriptKey(storage, 3)).rejects.toThrow('stored encrypted: set ZHIDA_KEY_PASSPHRASE');
    await expect(loadTranscriptKey(storage, 3, 'another passphrase')).rejects.toThrow(
      'ZHIDA_KEY_PASSPHRASE does not open the stored transcript key',
    );
    await storage.close();
  });

  it('encrypts a key stored before the passphrase was set, in place: the same key, the same fingerprint', async () => {
    const storage = await openStorage({ dataDir: mkdtempSync(path.join(dir, 'later-')) });
    const plain = await loadTranscriptKey(storage, 1);
    const before = (await storage.keys.get('transcript'))!;
    expect(before.privateKeyPem).toContain('BEGIN PRIVATE KEY');

    const sealed = await loadTranscriptKey(storage, 2, PASS);
    expect(sealed.fingerprint).toBe(plain.fingerprint);
    const after = (await storage.keys.get('transcript'))!;
    expect(after.privateKeyPem).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(after).toMatchObject({ fingerprint: before.fingerprint, publicKeyPem: before.publicKeyPem });
    // The plaintext is gone from the database; the passphrase opens what replaced it.
    expect(after.privateKeyPem).not.toContain(before.privateKeyPem.split('\n')[1]);
    expect(signingKeyFromPem(after, PASS).fingerprint).toBe(plain.fingerprint);
    await storage.close();
  });
});
