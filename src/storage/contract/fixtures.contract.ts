// Shared helpers of the storage contract suite: a storage per describe block, and record factories.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { NewConversation, NewMessage, Storage, UserRecord } from '../ports.js';

/** Must return a fresh, empty storage on every call. */
export type OpenStorage = () => Promise<Storage>;

/** Opens a fresh storage for the enclosing describe block and closes it afterwards. */
export function useStorage(open: OpenStorage): () => Storage {
  let storage: Storage | undefined;
  beforeAll(async () => {
    storage = await open();
  });
  afterAll(async () => {
    await storage?.close();
  });
  return () => {
    if (!storage) throw new Error('storage is not open yet');
    return storage;
  };
}

export const uid = (prefix: string): string => `${prefix}-${randomUUID()}`;

export const T0 = 1_767_225_600_000; // 2026-01-01, a realistic epoch-ms time (beyond 32 bits)

export function newConversation(overrides: Partial<NewConversation> = {}): NewConversation {
  return {
    id: uid('conv'),
    tokenHash: 'a'.repeat(64),
    status: 'bot',
    locale: 'zh-CN',
    care: false,
    customer: {},
    assignedAgentId: null,
    handoffReason: null,
    queuedAt: null,
    botMisses: 0,
    pendingClarify: null,
    priority: 'normal',
    skillGroup: null,
    frontOfQueue: false,
    assignedAt: null,
    channel: 'web',
    createdAt: T0,
    ...overrides,
  };
}

export function newMessage(conversationId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id: uid('msg'),
    conversationId,
    sender: 'customer',
    authorId: null,
    text: '退款多久能到账？',
    clientMessageId: null,
    inReplyTo: null,
    meta: null,
    createdAt: T0,
    ...overrides,
  };
}

export function newUser(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: uid('user'),
    username: uid('agent'),
    displayName: '客服小王',
    role: 'agent',
    passwordHash: 'scrypt$salt$hash',
    createdAt: T0,
    ...overrides,
  };
}
