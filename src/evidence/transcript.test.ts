import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { escalationGuide } from './escalation-routes.js';
import { transcriptHtml } from './transcript-html.js';
import { formatFingerprint, generateSigningKeyPair, signingKeyFromPem } from './signing-key.js';
import {
  buildTranscript,
  messageHash,
  signedBytes,
  type TranscriptDocument,
  type TranscriptInput,
} from './transcript.js';
import { verifyTranscript, type ProblemCode } from './verify-transcript.js';

const T = 1_767_225_600_000;
const pair = generateSigningKeyPair();
const key = signingKeyFromPem(pair);

const input: TranscriptInput = {
  conversation: { id: 'conv-1', locale: 'zh-CN', status: 'closed', createdAt: T },
  issuerName: '悦购商城',
  messages: [
    { id: 'm1', seq: 1, createdAt: T, sender: 'bot', text: '您好，我是智能客服' },
    { id: 'm2', seq: 2, createdAt: T + 1000, sender: 'customer', text: '我的退款还没到账 "急" \n 😀' },
    {
      id: 'm3',
      seq: 3,
      createdAt: T + 2000,
      sender: 'agent',
      senderName: '客服小悦',
      text: '已为您加急处理',
    },
    { id: 'm4', seq: 4, createdAt: T + 3000, sender: 'customer', text: '好的，谢谢' },
  ],
  now: T + 10_000,
};

const fresh = (): TranscriptDocument => structuredClone(buildTranscript(input, key));
const codes = (doc: unknown, keyPem?: string) =>
  verifyTranscript(doc, { keyPem }).problems.map((p) => p.code);
/** Re-signs a changed document with another key, as a forger would. */
function forge(doc: TranscriptDocument): TranscriptDocument {
  const other = signingKeyFromPem(generateSigningKeyPair());
  const value = sign(null, signedBytes(doc), other.privateKey).toString('base64');
  return {
    ...doc,
    signature: {
      algorithm: 'ed25519',
      keyFingerprint: other.fingerprint,
      publicKey: other.publicKeyPem,
      value,
    },
  };
}

describe('canonical JSON', () => {
  it('sorts members by code unit, drops undefined, and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], é: 'é', Z: undefined, c: { y: 2, x: 1.5 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"x":1.5,"y":2},"é":"é"}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe('transcript', () => {
  it('chains every message to the one before and signs the whole; a valid file passes', () => {
    const doc = fresh();
    expect(doc.messages[0].prevHash).toBe(doc.chain.genesis);
    for (let i = 1; i < doc.messages.length; i++)
      expect(doc.messages[i].prevHash).toBe(doc.messages[i - 1].hash);
    expect(doc.chain).toMatchObject({ head: doc.messages[3].hash, length: 4 });
    expect(doc.messages[1].time).toBe('2026-01-01T00:00:01.000Z');
    expect(doc.messages[2].senderName).toBe('客服小悦');
    // The byte form is the documented one.
    const m = doc.messages[1];
    expect(m.hash).toBe(messageHash(m.prevHash, m));
    const result = verifyTranscript(JSON.parse(JSON.stringify(doc)));
    expect(result).toEqual({
      intact: true,
      problems: [],
      fingerprint: key.fingerprint,
      keySource: 'embedded',
      messageCount: 4,
    });
    expect(verifyTranscript(doc, { keyPem: key.publicKeyPem }).intact).toBe(true);
  });

  it('verifies an empty conversation too', () => {
    expect(verifyTranscript(buildTranscript({ ...input, messages: [] }, key)).intact).toBe(true);
  });

  const alterations: Array<[string, (d: TranscriptDocument) => void, ProblemCode[]]> = [
    [
      'an altered text',
      (d) => (d.messages[1].text = '我的退款已经到账了'),
      ['hash_mismatch', 'bad_signature'],
    ],
    [
      'an altered time',
      (d) => (d.messages[2].time = '2026-01-02T00:00:02.000Z'),
      ['hash_mismatch', 'bad_signature'],
    ],
    ['an altered sender', (d) => (d.messages[2].sender = 'customer'), ['hash_mismatch', 'bad_signature']],
    ['an altered id', (d) => (d.messages[0].id = 'mX'), ['hash_mismatch', 'bad_signature']],
    ['an altered seq', (d) => (d.messages[3].seq = 7), ['sequence', 'hash_mismatch', 'bad_signature']],
    [
      'a message deleted',
      (d) => d.messages.splice(1, 1),
      ['sequence', 'chain_broken', 'head_mismatch', 'bad_signature'],
    ],
    [
      'the first message deleted',
      (d) => d.messages.shift(),
      ['sequence', 'chain_broken', 'head_mismatch', 'bad_signature'],
    ],
    ['the last message deleted', (d) => d.messages.pop(), ['head_mismatch', 'bad_signature']],
    [
      'an inserted message',
      (d) => d.messages.splice(2, 0, { ...d.messages[1], id: 'fake', text: '你们答应全额赔偿' }),
      ['sequence', 'chain_broken', 'hash_mismatch', 'head_mismatch', 'bad_signature'],
    ],
    [
      'messages reordered',
      (d) => d.messages.reverse(),
      ['sequence', 'chain_broken', 'head_mismatch', 'bad_signature'],
    ],
    [
      'two middle messages swapped',
      (d) => ([d.messages[1], d.messages[2]] = [d.messages[2], d.messages[1]]),
      ['sequence', 'chain_broken', 'bad_signature'],
    ],
    ['an altered agent name', (d) => (d.messages[2].senderName = '经理'), ['bad_signature']],
    ['an altered business name', (d) => (d.issuer.name = '别家商城'), ['bad_signature']],
    ['an altered conversation id', (d) => (d.conversation.id = 'conv-2'), ['chain_broken', 'bad_signature']],
    [
      'an altered signature',
      (d) => (d.signature.value = Buffer.alloc(64).toString('base64')),
      ['bad_signature'],
    ],
    [
      'an altered fingerprint',
      (d) => (d.signature.keyFingerprint = 'f'.repeat(64)),
      ['fingerprint_mismatch'],
    ],
    [
      'a time in another format',
      (d) => (d.messages[0].time = '2026-01-01 00:00:00'),
      ['bad_time', 'hash_mismatch', 'bad_signature'],
    ],
  ];
  for (const [what, alter, expected] of alterations) {
    it(`catches ${what}`, () => {
      const doc = fresh();
      alter(doc);
      const result = verifyTranscript(doc);
      expect(result.intact).toBe(false);
      expect([...new Set(result.problems.map((p) => p.code))].sort()).toEqual([...expected].sort());
      for (const p of result.problems) expect(p.messageZh).toBeTruthy();
    });
  }

  it('catches a text edit even when the forger recomputes the whole chain (the signature fails)', () => {
    const doc = fresh();
    doc.messages[1].text = '改过的内容';
    let prev = doc.chain.genesis;
    for (const m of doc.messages) {
      m.prevHash = prev;
      m.hash = messageHash(prev, m);
      prev = m.hash;
    }
    doc.chain.head = prev;
    expect(codes(doc)).toEqual(['bad_signature']);
  });

  it('a file re-signed with another key is intact only by its own key: the fingerprint shows it', () => {
    const doc = fresh();
    doc.messages[1].text = '改过的内容';
    doc.messages[1].hash = messageHash(doc.messages[1].prevHash, doc.messages[1]);
    const forged = forge(doc);
    const own = verifyTranscript(forged);
    expect(own.fingerprint).not.toBe(key.fingerprint);
    expect(codes(forged, key.publicKeyPem)).toEqual(
      expect.arrayContaining(['key_mismatch', 'bad_signature']),
    );
  });

  it('reports a malformed or foreign file without throwing', () => {
    expect(codes(null)).toEqual(['malformed']);
    expect(codes({ hello: 'world' })).toEqual(['malformed']);
    const doc = fresh() as unknown as { messages: Array<Record<string, unknown>> };
    doc.messages[0].seq = '1';
    expect(codes(doc)).toEqual(['malformed']);
    const bad = fresh();
    bad.signature.publicKey = 'not a key';
    expect(codes(bad)).toEqual(['bad_key']);
    expect(codes(fresh(), 'not a key')).toEqual(['bad_key']);
  });
});

describe('transcript HTML', () => {
  it('is self-contained, escapes text, shows Beijing times and the fingerprint', () => {
    const doc = fresh();
    doc.messages[1].text = '<script>alert(1)</script> & 退款';
    const html = transcriptHtml(doc);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 退款');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain('2026-01-01 08:00:01'); // 00:00:01Z in Asia/Shanghai
    expect(html).toContain(formatFingerprint(key.fingerprint));
    expect(html).toContain('客服小悦');
    expect(html).toContain('zhida verify');
  });
});

describe('escalation routes', () => {
  it('has the same five steps in Chinese and English, and picks by locale', () => {
    const zh = escalationGuide('zh-CN');
    const en = escalationGuide('en-US');
    expect(zh.locale).toBe('zh-CN');
    expect(en.locale).toBe('en');
    expect(escalationGuide(undefined)).toBe(zh);
    expect(escalationGuide('zh-TW')).toBe(zh);
    expect(zh.steps.map((s) => s.id)).toEqual([
      'negotiate',
      'consumer-association',
      'regulator-12315',
      'arbitration',
      'court',
    ]);
    expect(en.steps.map((s) => s.id)).toEqual(zh.steps.map((s) => s.id));
    expect(en.evidence).toHaveLength(zh.evidence.length);
    expect(zh.steps.find((s) => s.id === 'regulator-12315')?.contact?.phone).toBe('12315');
  });
});
