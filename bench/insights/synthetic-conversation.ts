// One realistic synthetic conversation, as the services would have stored it: a greeting, customer
// questions drawn from the demo KB, bot answers/clarifications with their decision meta, and for a share
// of chats a handoff (with its record: queue wait, abandonment or an agent), an agent's replies, a
// resolution and maybe a rating. Seeded, so the same seed gives the same store.
import { randomUUID } from 'node:crypto';
import type { KbEntry } from '../../src/engine/types.js';
import type { ConversationRecord, MessageRecord, NewRating } from '../../src/storage/ports.js';
import type { HandoffRecord } from '../../src/storage/routing-ports.js';
import { logNormal, weighted, type Rng } from '../queue/prng.js';

export interface SyntheticConversation {
  conversation: ConversationRecord;
  messages: MessageRecord[];
  handoffs: HandoffRecord[];
  rating: NewRating | null;
}

export interface Shape {
  /** Messages this conversation should have (at least 4). */
  length: number;
  startedAt: number;
}

const HANDOFF_SHARE = 0.22;
const ABANDON_SHARE = 0.12;
const CARE_SHARE = 0.08;
const CHANNELS = { web: 60, app: 30, wechat: 10 } as const;
const CUSTOMERS = { external: 55, phone: 15, anonymous: 30 } as const;
const DECISIONS = { answer: 80, clarify: 20 } as const;
const REASONS = {
  'customer-request': 40,
  button: 20,
  'low-confidence': 12,
  'out-of-scope': 8,
  'repeated-misses': 6,
  anger: 6,
  complaint: 5,
  'care-mode': 3,
} as const;
const SCORES = { '5': 50, '4': 25, '3': 10, '2': 7, '1': 8 } as const;
const OPENERS = ['', '', '', '你好，', '请问', '在吗？', '麻烦问下，'];
const ANGRY = ['气死我了，', '太过分了！', '无语了，'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '小红',
  '建国',
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];

export function syntheticConversation(rng: Rng, kb: readonly KbEntry[], shape: Shape): SyntheticConversation {
  const id = randomUUID();
  let t = shape.startedAt;
  const messages: MessageRecord[] = [];
  const push = (m: Omit<MessageRecord, 'id' | 'conversationId' | 'seq' | 'createdAt'>, gapMs: number) => {
    t += Math.round(gapMs);
    const message = { id: randomUUID(), conversationId: id, seq: messages.length + 1, createdAt: t, ...m };
    messages.push(message);
    return message;
  };
  const bot = (text: string, meta: Record<string, unknown> | null, inReplyTo: string | null, gap = 300) =>
    push({ sender: 'bot', authorId: null, text, clientMessageId: null, inReplyTo, meta }, gap);
  const customer = (angry: boolean) => {
    const entry = pick(rng, kb);
    const text = `${angry ? pick(rng, ANGRY) : pick(rng, OPENERS)}${pick(rng, entry.questions)}`;
    return {
      entry,
      message: push(
        {
          sender: 'customer',
          authorId: null,
          text,
          clientMessageId: randomUUID(),
          inReplyTo: null,
          meta: null,
        },
        logNormal(rng, 25_000, 0.8),
      ),
    };
  };

  const care = rng.next() < CARE_SHARE;
  const angry = rng.next() < 0.05;
  const handedOff = rng.next() < HANDOFF_SHARE;
  bot('您好，我是悦购商城智能客服，请问有什么可以帮您？', { kind: 'greeting' }, null, 0);
  // Bot turns before the handoff (or all turns for a bot-only chat), two messages each.
  const botTurns = handedOff
    ? 1 + Math.floor(rng.next() * 2)
    : Math.max(1, Math.floor((shape.length - 1) / 2));
  for (let turn = 0; turn < botTurns; turn++) {
    const { entry, message } = customer(angry && turn === 0);
    if (weighted(rng, DECISIONS) === 'answer') {
      bot(
        entry.answer,
        { decision: 'answer', entryId: entry.id, candidates: [], confidence: 0.9, kbVersion: 1 },
        message.id,
      );
    } else {
      const other = pick(rng, kb);
      bot(
        `您想问的是以下哪个问题？1. ${entry.title} 2. ${other.title}`,
        { decision: 'clarify', candidates: [entry.id, other.id], confidence: 0.4, kbVersion: 1 },
        message.id,
      );
    }
  }

  const handoffs: HandoffRecord[] = [];
  let status: ConversationRecord['status'] = 'bot';
  let assignedAgentId: string | null = null;
  let rating: NewRating | null = null;
  if (handedOff) {
    const reason = care && rng.next() < 0.5 ? 'care-mode' : weighted(rng, REASONS);
    const { message } = customer(reason === 'anger');
    bot(
      '正在为您转接人工客服，请稍候。',
      { decision: 'handoff', handoffReason: reason, kbVersion: 1 },
      message.id,
    );
    const queuedAt = t;
    const record: HandoffRecord = {
      id: randomUUID(),
      conversationId: id,
      reason,
      priority: care ? 'care' : 'normal',
      skillGroup: null,
      requestedAt: queuedAt,
      queuedAt,
      assignedAt: null,
      agentId: null,
      endedAt: null,
      outcome: null,
    };
    handoffs.push(record);
    if (rng.next() < ABANDON_SHARE) {
      t += Math.round(logNormal(rng, 120_000, 0.7));
      Object.assign(record, { endedAt: t, outcome: 'abandoned' });
      bot('您已退出排队，有问题可以继续问我。', { event: 'left-queue' }, null, 0);
    } else {
      t += Math.round(logNormal(rng, 45_000, 1.0));
      assignedAgentId = `agent-${1 + Math.floor(rng.next() * 20)}`;
      Object.assign(record, { assignedAt: t, agentId: assignedAgentId, outcome: 'assigned' });
      push(
        {
          sender: 'system',
          authorId: null,
          text: '客服已接入',
          clientMessageId: null,
          inReplyTo: null,
          meta: { event: 'assigned', agentId: assignedAgentId },
        },
        0,
      );
      const agent = (gap: number) =>
        push(
          {
            sender: 'agent',
            authorId: assignedAgentId,
            text: '您好，我来帮您处理这个问题。',
            clientMessageId: randomUUID(),
            inReplyTo: null,
            meta: { agentName: '客服' },
          },
          gap,
        );
      agent(logNormal(rng, 20_000, 0.6));
      while (messages.length < shape.length - 1) {
        if (messages[messages.length - 1].sender === 'agent') customer(false);
        else agent(logNormal(rng, 30_000, 0.6));
      }
      push(
        {
          sender: 'system',
          authorId: null,
          text: '本次服务已结束',
          clientMessageId: null,
          inReplyTo: null,
          meta: { event: 'resolved' },
        },
        10_000,
      );
      Object.assign(record, { endedAt: t, outcome: 'resolved' });
      status = 'resolved';
    }
  }
  if (rng.next() < (status === 'resolved' ? 0.35 : 0.08)) {
    rating = {
      id: randomUUID(),
      conversationId: id,
      score: Number(weighted(rng, SCORES)) as NewRating['score'],
      comment: null,
      createdAt: t + 5_000,
    };
  }

  const kind = weighted(rng, CUSTOMERS);
  const name = `${pick(rng, [...SURNAMES])}${pick(rng, GIVEN)}`;
  const conversation: ConversationRecord = {
    id,
    tokenHash: '0'.repeat(64),
    status,
    locale: 'zh-CN',
    care,
    customer:
      kind === 'external'
        ? { externalId: `u-${Math.floor(rng.next() * 15_000)}`, name }
        : kind === 'phone'
          ? { phone: `139${String(Math.floor(rng.next() * 5_000)).padStart(8, '0')}`, name }
          : {},
    assignedAgentId,
    handoffReason: handoffs[0]?.reason ?? null,
    queuedAt: handoffs[0]?.queuedAt ?? null,
    botMisses: 0,
    pendingClarify: null,
    priority: 'normal',
    skillGroup: null,
    frontOfQueue: false,
    assignedAt: handoffs[0]?.assignedAt ?? null,
    channel: weighted(rng, CHANNELS),
    lastSeq: messages.length,
    createdAt: shape.startedAt,
    updatedAt: t,
  };
  return { conversation, messages, handoffs, rating };
}
