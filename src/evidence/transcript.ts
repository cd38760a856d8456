// The tamper-evident transcript (format "zhida-transcript/1"): a conversation's messages, each carrying
// the hash of the one before it, and the whole document signed with the server's Ed25519 key.
//
// Byte forms (all text is UTF-8; SHA-256 digests are written as 64 lowercase hex digits):
// - genesis   = SHA-256( JSON.stringify(["zhida-transcript/1", "genesis", conversation.id]) )
// - message i: hash = SHA-256( JSON.stringify(["zhida-transcript/1", prevHash, id, seq, time, sender, text]) )
//   where prevHash is the previous message's hash (the genesis for the first), seq the integer 1, 2, 3 …
//   and time the ISO-8601 UTC string with milliseconds exactly as written in the document
//   ("2026-01-01T08:00:00.000Z"). JSON.stringify of an array of strings and an integer is fully specified
//   by ECMAScript (no whitespace; only '"', '\', control characters and lone surrogates escaped).
// - signature = Ed25519 over the canonical JSON (RFC 8785, see canonical-json.ts) of the whole document
//   with its "signature" member removed, base64-encoded.
// So a changed id, seq, time, sender or text breaks that message's hash; a deleted, inserted or moved
// message breaks the next prevHash (and the seq run); a message cut off the end breaks chain.head; and
// any other change (names, metadata, a recomputed chain) breaks the signature.
import { createHash, sign } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { SigningKey } from './signing-key.js';

export const TRANSCRIPT_FORMAT = 'zhida-transcript/1';

export type TranscriptSender = 'customer' | 'bot' | 'agent' | 'system';

export interface TranscriptMessage {
  seq: number;
  id: string;
  time: string;
  sender: TranscriptSender;
  /** The agent's display name for agent messages (signed, not part of the chain). */
  senderName?: string;
  text: string;
  prevHash: string;
  hash: string;
}

export interface TranscriptDocument {
  format: typeof TRANSCRIPT_FORMAT;
  conversation: { id: string; locale: string; status: string; startedAt: string };
  issuer: { name: string; software: string };
  generatedAt: string;
  messages: TranscriptMessage[];
  chain: { algorithm: 'sha256'; genesis: string; head: string; length: number };
  signature: { algorithm: 'ed25519'; keyFingerprint: string; publicKey: string; value: string };
}

export type UnsignedTranscript = Omit<TranscriptDocument, 'signature'>;

export interface TranscriptInput {
  conversation: { id: string; locale: string; status: string; createdAt: number };
  issuerName: string;
  messages: Array<{
    id: string;
    seq: number;
    createdAt: number;
    sender: TranscriptSender;
    senderName?: string;
    text: string;
  }>;
  now: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const genesisHash = (conversationId: string): string =>
  sha256(JSON.stringify([TRANSCRIPT_FORMAT, 'genesis', conversationId]));

export function messageHash(
  prevHash: string,
  m: Pick<TranscriptMessage, 'id' | 'seq' | 'time' | 'sender' | 'text'>,
): string {
  return sha256(JSON.stringify([TRANSCRIPT_FORMAT, prevHash, m.id, m.seq, m.time, m.sender, m.text]));
}

/** The exact bytes the signature covers. */
export function signedBytes(document: UnsignedTranscript | TranscriptDocument): Buffer {
  const { signature: _signature, ...unsigned } = document as TranscriptDocument;
  return Buffer.from(canonicalJson(unsigned), 'utf8');
}

export function buildTranscript(input: TranscriptInput, key: SigningKey): TranscriptDocument {
  const genesis = genesisHash(input.conversation.id);
  let prevHash = genesis;
  const messages = input.messages.map((m): TranscriptMessage => {
    const body = {
      seq: m.seq,
      id: m.id,
      time: new Date(m.createdAt).toISOString(),
      sender: m.sender,
      text: m.text,
    };
    const hash = messageHash(prevHash, body);
    const message: TranscriptMessage = {
      ...body,
      ...(m.senderName ? { senderName: m.senderName } : {}),
      prevHash,
      hash,
    };
    prevHash = hash;
    return message;
  });
  const unsigned: UnsignedTranscript = {
    format: TRANSCRIPT_FORMAT,
    conversation: {
      id: input.conversation.id,
      locale: input.conversation.locale,
      status: input.conversation.status,
      startedAt: new Date(input.conversation.createdAt).toISOString(),
    },
    issuer: { name: input.issuerName, software: 'Zhida 智达客服' },
    generatedAt: new Date(input.now).toISOString(),
    messages,
    chain: { algorithm: 'sha256', genesis, head: prevHash, length: messages.length },
  };
  return {
    ...unsigned,
    signature: {
      algorithm: 'ed25519',
      keyFingerprint: key.fingerprint,
      publicKey: key.publicKeyPem,
      value: sign(null, signedBytes(unsigned), key.privateKey).toString('base64'),
    },
  };
}
