import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, signingKeyFromPem } from '../evidence/signing-key.js';
import { buildTranscript, type TranscriptDocument } from '../evidence/transcript.js';
import { main } from './main.js';
import { runVerify } from './verify-command.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zhida-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = signingKeyFromPem(generateSigningKeyPair());
const T = 1_767_225_600_000;
const doc = buildTranscript(
  {
    conversation: { id: 'c1', locale: 'zh-CN', status: 'closed', createdAt: T },
    issuerName: '悦购商城',
    messages: [
      { id: 'm1', seq: 1, createdAt: T, sender: 'customer', text: '我要退货' },
      { id: 'm2', seq: 2, createdAt: T + 1000, sender: 'agent', senderName: '小悦', text: '好的，已登记' },
    ],
    now: T + 5000,
  },
  key,
);

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runVerify(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('zhida verify', () => {
  it('passes an intact file, printing the fingerprint and how to check it', async () => {
    const { code, out } = await run([write('ok.json', doc)]);
    expect(code).toBe(0);
    expect(out).toContain('INTACT');
    expect(out).toContain(key.fingerprint.slice(0, 4) + ' ' + key.fingerprint.slice(4, 8));
    expect(out).toContain('/api/v1/keys/transcript');
    const withKey = await run([write('ok2.json', doc), '--key', write('key.pem', key.publicKeyPem)]);
    expect(withKey.code).toBe(0);
    expect(withKey.out).toContain('--key');
  });

  it('exits non-zero and names the problem when a message was altered or deleted', async () => {
    const altered: TranscriptDocument = structuredClone(doc);
    altered.messages[1].text = '好的，全额赔偿';
    const r1 = await run([write('altered.json', altered)]);
    expect(r1.code).toBe(1);
    expect(r1.out).toContain('NOT INTACT');
    expect(r1.out).toContain('[hash_mismatch]');
    const deleted: TranscriptDocument = structuredClone(doc);
    deleted.messages.shift();
    const r2 = await run([write('deleted.json', deleted), '--json']);
    expect(r2.code).toBe(1);
    expect(JSON.parse(r2.out).problems.map((p: { code: string }) => p.code)).toContain('chain_broken');
  });

  it('exits non-zero for a file signed with another key than the one given', async () => {
    const other = generateSigningKeyPair();
    const r = await run([write('ok3.json', doc), `--key=${write('other.pem', other.publicKeyPem)}`]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[key_mismatch]');
  });

  it('exits 2 on bad usage or an unreadable file', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['a.json', 'b.json'])).code).toBe(2);
    expect((await run([path.join(dir, 'missing.json')])).code).toBe(2);
    expect((await run([write('bad.json', '{not json')])).code).toBe(2);
  });

  it('is wired into the zhida command', async () => {
    expect(await main(['verify', write('ok4.json', doc)])).toBe(0);
  });
});
