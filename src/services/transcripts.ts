// Signed conversation transcripts: the server's Ed25519 key (made on first start, kept in the database so
// that every instance signs with one key) and the transcript of a stored conversation.
import { AppError } from '../errors.js';
import {
  encryptPrivateKeyPem,
  generateSigningKeyPair,
  isEncryptedPem,
  signingKeyFromPem,
  type SigningKey,
} from '../evidence/signing-key.js';
import { buildTranscript, type TranscriptDocument } from '../evidence/transcript.js';
import { verifyTranscript } from '../evidence/verify-transcript.js';
import type { MessageRecord, Storage } from '../storage/ports.js';
import type { ServiceContext } from './context.js';

const KEY_ID = 'transcript';
const PAGE = 1000;

/**
 * The stored transcript key, or a new one stored now (whichever instance stores first wins). With a
 * passphrase, a new key is stored encrypted, and a key stored before the passphrase was set is encrypted
 * in place (the same key: its fingerprint, which customers compare, does not change).
 */
export async function loadTranscriptKey(
  storage: Pick<Storage, 'keys'>,
  now: number,
  passphrase?: string,
): Promise<SigningKey> {
  const existing = await storage.keys.get(KEY_ID);
  if (existing) {
    if (passphrase && !isEncryptedPem(existing.privateKeyPem)) {
      const sealed = encryptPrivateKeyPem(existing.privateKeyPem, passphrase);
      // Another instance may have sealed it first (with another salt): then read theirs.
      if (!(await storage.keys.replacePrivateKey(KEY_ID, existing.privateKeyPem, sealed)))
        return signingKeyFromPem((await storage.keys.get(KEY_ID)) ?? existing, passphrase);
      return signingKeyFromPem({ privateKeyPem: sealed }, passphrase);
    }
    return signingKeyFromPem(existing, passphrase);
  }
  const pair = generateSigningKeyPair(passphrase);
  const stored = await storage.keys.getOrCreate({
    id: KEY_ID,
    algorithm: 'ed25519',
    ...pair,
    createdAt: now,
  });
  return signingKeyFromPem(stored, passphrase);
}

export function createTranscripts(ctx: Pick<ServiceContext, 'storage' | 'clock'>, key: SigningKey) {
  const { storage, clock } = ctx;

  async function allMessages(conversationId: string): Promise<MessageRecord[]> {
    const all: MessageRecord[] = [];
    for (;;) {
      const page = await storage.messages.listAfter(conversationId, all.at(-1)?.seq ?? 0, PAGE);
      all.push(...page);
      if (page.length < PAGE) return all;
    }
  }

  /** The signed transcript of a conversation as stored now (open or closed). */
  async function forConversation(conversationId: string): Promise<TranscriptDocument> {
    const conversation = await storage.conversations.get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
    const [messages, meta] = await Promise.all([allMessages(conversationId), storage.kb.meta()]);
    return buildTranscript(
      {
        conversation,
        issuerName: meta.name || 'Zhida 智达客服',
        messages: messages.map((m) => ({
          id: m.id,
          seq: m.seq,
          createdAt: m.createdAt,
          sender: m.sender,
          senderName:
            m.sender === 'agent' && typeof m.meta?.agentName === 'string' ? m.meta.agentName : undefined,
          text: m.text,
        })),
        now: clock(),
      },
      key,
    );
  }

  return {
    forConversation,
    verify: (document: unknown, keyPem?: string) => verifyTranscript(document, { keyPem }),
    publicKey: () => ({
      algorithm: 'ed25519' as const,
      publicKeyPem: key.publicKeyPem,
      fingerprint: key.fingerprint,
    }),
  };
}

export type Transcripts = ReturnType<typeof createTranscripts>;
