// Captures every question the bot could not answer, as a bus listener (DESIGN convention 7): the
// conversation service only decides and stores; this reads its stored decisions after commit.
// Captured, with the bot's scores and KB version:
// - a handoff because the engine was unsure or the question out of scope ('low-confidence',
//   'out-of-scope'), or after misses in a row ('repeated-misses');
// - a clarification the customer rejected ('clarify-rejected': the question that was clarified);
// - a 👎 on an answer ('thumbs-down': the question answered);
// - a rephrase right after an answer ('rephrase', rule in learning/rephrase.ts).
// It also records every answer shown, the denominator of each entry's 👍/👎 rate. Every write is
// idempotent, so several instances on one Redis bus may all see the same event.
import { detectRephrase } from '../learning/rephrase.js';
import type { BusEvent } from '../realtime/event-bus.js';
import type { MessageRecord, ScoredCandidateRecord, UnansweredReason } from '../storage/ports.js';
import type { ServiceContext } from './context.js';

const HANDOFF_CAPTURED = new Set(['low-confidence', 'out-of-scope', 'repeated-misses']);
/** How far back the listener looks for the clarified question and the answer before a follow-up. */
const LOOK_BACK = 8;

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

function rankedOf(meta: Record<string, unknown> | null): ScoredCandidateRecord[] {
  const ranked = Array.isArray(meta?.ranked) ? (meta.ranked as Array<Record<string, unknown>>) : [];
  return ranked
    .filter((r) => typeof r?.entryId === 'string')
    .map((r) => ({ entryId: r.entryId as string, confidence: num(r.confidence) ?? 0 }));
}

interface Window {
  earlier: MessageRecord[];
  byId: Map<string, MessageRecord>;
}

/**
 * The question an answer answered: normally the message it replies to; but when that message picked an
 * option of a clarification ("1", or a title), the question is the one that was clarified.
 */
function askedFor(answer: MessageRecord, w: Window): MessageRecord | null {
  const reply = answer.inReplyTo ? w.byId.get(answer.inReplyTo) : undefined;
  if (!reply || reply.sender !== 'customer') return null;
  const before = w.earlier.find((m) => m.seq === reply.seq - 1);
  const offered = Array.isArray(before?.meta?.candidates) ? (before.meta.candidates as unknown[]) : [];
  const picked =
    before?.sender === 'bot' && before.meta?.decision === 'clarify' && offered.includes(answer.meta?.entryId);
  const engineAgrees =
    answer.meta?.engineReason === 'confident' && rankedOf(answer.meta)[0]?.entryId === answer.meta?.entryId;
  if (picked && !engineAgrees && before?.inReplyTo) return w.byId.get(before.inReplyTo) ?? reply;
  return reply;
}

export function createUnansweredCapture(
  ctx: Pick<ServiceContext, 'storage' | 'newId'>,
  onError: (err: unknown) => void,
) {
  const { storage, newId } = ctx;
  const inFlight = new Set<Promise<void>>();

  async function capture(
    question: MessageRecord,
    reason: UnansweredReason,
    decidedBy: MessageRecord,
    extra: { answeredEntryId?: string | null; detail?: Record<string, unknown> | null; at: number },
  ) {
    await storage.unanswered.add({
      id: newId(),
      conversationId: question.conversationId,
      messageId: question.id,
      reason,
      text: question.text,
      kbVersion: num(decidedBy.meta?.kbVersion),
      ranked: rankedOf(decidedBy.meta),
      answeredEntryId: extra.answeredEntryId ?? null,
      detail: extra.detail ?? null,
      createdAt: extra.at,
    });
  }

  /** The messages before `seq` (a few: enough for the clarified question and the answer before it). */
  async function windowBefore(conversationId: string, seq: number): Promise<Window> {
    const rows = await storage.messages.listAfter(
      conversationId,
      Math.max(0, seq - LOOK_BACK - 1),
      LOOK_BACK,
    );
    const earlier = rows.filter((m) => m.seq < seq);
    return { earlier, byId: new Map(earlier.map((m) => [m.id, m])) };
  }

  async function onBotMessage(bot: MessageRecord) {
    const meta = bot.meta;
    const decision = str(meta?.decision);
    if (!meta || !decision || !bot.inReplyTo) return;
    const entryId = str(meta.entryId);
    if (decision === 'answer' && entryId) {
      await storage.answerFeedback.recordAnswer({
        messageId: bot.id,
        conversationId: bot.conversationId,
        entryId,
        kbVersion: num(meta.kbVersion),
        createdAt: bot.createdAt,
      });
    }
    const w = await windowBefore(bot.conversationId, bot.seq);
    const { earlier, byId } = w;
    const question = byId.get(bot.inReplyTo);
    if (!question || question.sender !== 'customer') return;

    const handoffReason = str(meta.handoffReason);
    if (decision === 'handoff' && handoffReason && HANDOFF_CAPTURED.has(handoffReason)) {
      await capture(question, handoffReason as UnansweredReason, bot, { at: bot.createdAt });
    }
    if (decision === 'handoff' && handoffReason === 'clarify-rejected') {
      const clarify = [...earlier]
        .reverse()
        .find((m) => m.sender === 'bot' && m.meta?.decision === 'clarify');
      const clarified = clarify?.inReplyTo ? byId.get(clarify.inReplyTo) : undefined;
      if (clarify && clarified) {
        const offered = Array.isArray(clarify.meta?.candidates) ? clarify.meta.candidates : [];
        await capture(clarified, 'clarify-rejected', clarify, {
          at: bot.createdAt,
          detail: { offered, rejection: question.text },
        });
      }
    }

    // The follow-up `question` came right after an answer: was it the same question again?
    const answer = earlier.find((m) => m.seq === question.seq - 1);
    const answeredEntryId =
      answer?.sender === 'bot' && answer.meta?.decision === 'answer' ? str(answer.meta.entryId) : null;
    const asked = answer && answeredEntryId ? askedFor(answer, w) : null;
    if (!answer || !answeredEntryId || !asked) return;
    const rephrase = detectRephrase({
      question: asked.text,
      answeredEntryId,
      answeredAt: answer.createdAt,
      followUp: question.text,
      followUpAt: question.createdAt,
      followUpTop: rankedOf(meta)[0]?.entryId ?? null,
      followUpEngineReason: str(meta.engineReason),
    });
    if (rephrase) {
      await capture(asked, 'rephrase', answer, {
        at: question.createdAt,
        answeredEntryId,
        detail: { followUp: question.text, ...rephrase },
      });
    }
  }

  async function onFeedback(event: Extract<BusEvent, { type: 'answer-feedback' }>) {
    if (event.helpful) return;
    const bot = await storage.messages.get(event.conversationId, event.messageId);
    const question = bot ? askedFor(bot, await windowBefore(bot.conversationId, bot.seq)) : null;
    if (!bot || !question) return;
    const vote = await storage.answerFeedback.get(bot.id);
    await capture(question, 'thumbs-down', bot, {
      at: vote?.updatedAt ?? bot.createdAt,
      answeredEntryId: str(bot.meta?.entryId),
      detail: vote?.comment ? { comment: vote.comment } : null,
    });
  }

  function track(work: Promise<void>) {
    const p = work.catch(onError).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  return {
    listener(event: BusEvent): void {
      if (event.type === 'message' && event.message.sender === 'bot') track(onBotMessage(event.message));
      else if (event.type === 'answer-feedback') track(onFeedback(event));
    },
    /** Resolves once every capture started so far has finished (shutdown and tests). */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type UnansweredCapture = ReturnType<typeof createUnansweredCapture>;
