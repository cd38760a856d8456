// Checks a transcript (see transcript.ts for the byte forms): structure, every message's hash, the chain
// links and seq run, the chain head, and the Ed25519 signature. It reports every problem it finds, with
// the message it concerns, rather than stopping at the first, so people see what was changed.
//
// An intact file proves only that whoever holds the key behind `fingerprint` signed it: the origin is
// proved by comparing that fingerprint with the one the business publishes (GET /api/v1/keys/transcript),
// or by verifying with that published key (`keyPem`).
import { verify, type KeyObject } from 'node:crypto';
import { ed25519PublicKey, fingerprintOf } from './signing-key.js';
import {
  genesisHash,
  messageHash,
  signedBytes,
  TRANSCRIPT_FORMAT,
  type TranscriptDocument,
  type TranscriptMessage,
} from './transcript.js';

export type ProblemCode =
  | 'malformed'
  | 'unknown_format'
  | 'bad_time'
  | 'hash_mismatch'
  | 'chain_broken'
  | 'sequence'
  | 'head_mismatch'
  | 'bad_key'
  | 'key_mismatch'
  | 'fingerprint_mismatch'
  | 'bad_signature';

export interface VerifyProblem {
  code: ProblemCode;
  message: string;
  messageZh: string;
  /** 0-based position in messages[] when the problem concerns one message. */
  index?: number;
  seq?: number;
}

export interface VerifyResult {
  intact: boolean;
  problems: VerifyProblem[];
  /** Fingerprint of the key the signature was checked with (null when there was none to check). */
  fingerprint: string | null;
  keySource: 'embedded' | 'given';
  messageCount: number;
}

const SENDERS = new Set(['customer', 'bot', 'agent', 'system']);
const HEX64 = /^[0-9a-f]{64}$/;

const isCanonicalTime = (time: string) => {
  const ms = Date.parse(time);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === time;
};
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function validMessage(m: unknown): m is TranscriptMessage {
  if (!isObject(m)) return false;
  return (
    Number.isInteger(m.seq) &&
    isString(m.id) &&
    isString(m.time) &&
    isString(m.sender) &&
    SENDERS.has(m.sender) &&
    isString(m.text) &&
    isString(m.prevHash) &&
    isString(m.hash) &&
    (m.senderName === undefined || isString(m.senderName))
  );
}

function validDocument(d: unknown): d is TranscriptDocument {
  if (!isObject(d) || !isObject(d.conversation) || !isObject(d.chain) || !isObject(d.signature)) return false;
  const { conversation, chain, signature } = d;
  return (
    isString(conversation.id) &&
    Array.isArray(d.messages) &&
    d.messages.every(validMessage) &&
    isString(chain.genesis) &&
    isString(chain.head) &&
    Number.isInteger(chain.length) &&
    isString(signature.publicKey) &&
    isString(signature.value) &&
    isString(signature.keyFingerprint)
  );
}

export function verifyTranscript(input: unknown, options: { keyPem?: string } = {}): VerifyResult {
  const problems: VerifyProblem[] = [];
  const add = (code: ProblemCode, message: string, messageZh: string, at?: { index: number; seq?: number }) =>
    problems.push({ code, message, messageZh, ...at });
  const keySource = options.keyPem ? 'given' : 'embedded';

  if (!validDocument(input)) {
    add(
      'malformed',
      'not a Zhida transcript: required fields are missing or of the wrong type',
      '不是智达对话记录文件：缺少必需字段或字段类型不对',
    );
    return { intact: false, problems, fingerprint: null, keySource, messageCount: 0 };
  }
  const doc = input;
  if (doc.format !== TRANSCRIPT_FORMAT) {
    add(
      'unknown_format',
      `unknown format "${String(doc.format)}" (expected ${TRANSCRIPT_FORMAT})`,
      `未知的文件格式“${String(doc.format)}”`,
    );
  }

  // The chain: each message must match its own hash and link to the one before it.
  const genesis = genesisHash(doc.conversation.id);
  if (doc.chain.genesis !== genesis) {
    add(
      'chain_broken',
      'the chain does not start from this conversation (id or genesis changed)',
      '哈希链的起点与本对话不符（对话编号或起点被改动）',
    );
  }
  let expectedPrev = genesis;
  doc.messages.forEach((m, index) => {
    const at = { index, seq: m.seq };
    const label = `message #${index + 1} (seq ${m.seq})`;
    const labelZh = `第 ${index + 1} 条消息（序号 ${m.seq}）`;
    if (!isCanonicalTime(m.time)) {
      add(
        'bad_time',
        `${label}: time "${m.time}" is not an ISO-8601 UTC time`,
        `${labelZh}：时间“${m.time}”格式不正确`,
        at,
      );
    }
    if (m.seq !== index + 1) {
      add(
        'sequence',
        `${label}: expected seq ${index + 1} — a message was deleted, inserted or moved`,
        `${labelZh}：序号应为 ${index + 1}——有消息被删除、插入或调换了顺序`,
        at,
      );
    }
    if (m.prevHash !== expectedPrev) {
      add(
        'chain_broken',
        `${label}: does not link to the message before it — a message was deleted, inserted or moved`,
        `${labelZh}：与前一条消息的哈希不相连——有消息被删除、插入或调换了顺序`,
        at,
      );
    }
    if (!HEX64.test(m.hash) || messageHash(m.prevHash, m) !== m.hash) {
      add(
        'hash_mismatch',
        `${label}: its id, seq, time, sender or text was changed`,
        `${labelZh}：编号、序号、时间、发送方或内容被改动过`,
        at,
      );
    }
    expectedPrev = m.hash;
  });
  if (doc.chain.head !== expectedPrev || doc.chain.length !== doc.messages.length) {
    add(
      'head_mismatch',
      `the chain ends at ${doc.chain.length} message(s) with another hash — messages were removed or added at the end`,
      `哈希链的结尾与消息不符——末尾有消息被删除或添加`,
    );
  }

  // The key: the embedded one (whose fingerprint must be its own), or the one given, which must match it.
  let key: KeyObject | null = null;
  let embedded: KeyObject | null = null;
  try {
    embedded = ed25519PublicKey(doc.signature.publicKey);
    if (fingerprintOf(embedded) !== doc.signature.keyFingerprint) {
      add(
        'fingerprint_mismatch',
        'the fingerprint written in the file is not that of its public key',
        '文件中写的指纹与其公钥不符',
      );
    }
  } catch {
    add(
      'bad_key',
      'the public key in the file is not a valid Ed25519 key',
      '文件中的公钥不是有效的 Ed25519 公钥',
    );
  }
  if (options.keyPem) {
    try {
      key = ed25519PublicKey(options.keyPem);
      if (embedded && fingerprintOf(embedded) !== fingerprintOf(key)) {
        add(
          'key_mismatch',
          'the file was signed with another key than the one given',
          '文件不是用所提供的公钥对应的私钥签名的',
        );
      }
    } catch {
      add(
        'bad_key',
        'the key given is not a valid Ed25519 public key',
        '所提供的公钥不是有效的 Ed25519 公钥',
      );
    }
  } else {
    key = embedded;
  }
  if (key) {
    const signature = Buffer.from(doc.signature.value, 'base64');
    if (doc.signature.algorithm !== 'ed25519' || !verify(null, signedBytes(doc), key, signature)) {
      add(
        'bad_signature',
        'the signature does not match the content: the file was changed after it was signed',
        '签名与内容不符：文件在签名后被改动过',
      );
    }
  }
  return {
    intact: problems.length === 0,
    problems,
    fingerprint: key ? fingerprintOf(key) : null,
    keySource,
    messageCount: doc.messages.length,
  };
}
