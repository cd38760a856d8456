// Fills a store with synthetic conversations in one transaction, with multi-row inserts, and writes their
// insight projections with the same pure projector the live listener uses (so the dashboard reads what
// production would have built). Used by `npm run gen:data` and `npm run bench:insights`.
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { projectConversation } from '../../src/insights/conversation-projection.js';
import type { KbEntry } from '../../src/engine/types.js';
import { kyselyStorage } from '../../src/storage/kysely-storage.js';
import type { Storage } from '../../src/storage/ports.js';
import { handoffRow } from '../../src/storage/handoff-repository.js';
import { messageRow } from '../../src/storage/message-repository.js';
import type { Database } from '../../src/storage/schema.js';
import { logNormal, mulberry32 } from '../queue/prng.js';
import { syntheticConversation, type SyntheticConversation } from './synthetic-conversation.js';
import { unansweredQuestions } from './unanswered-questions.js';

export interface FillOptions {
  conversations: number;
  messages: number;
  /** Conversations start within the last `days` days before `now`. */
  days: number;
  now: number;
  seed: number;
}

export interface FillResult {
  conversations: number;
  messages: number;
  handoffs: number;
  ratings: number;
  /** Open unanswered questions (the learning loop's, for the "top unanswered clusters" chart). */
  unanswered: number;
  seconds: number;
  /** Where the time went: generating records, inserting them, projecting and writing projections. */
  phases: { generate: number; insert: number; project: number };
}

const BATCH = 1000;
const DAY_MS = 86_400_000;
/** Relative traffic per local hour (+08:00): quiet at night, busy 10:00–22:00. */
const HOURLY = [2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 9, 9, 10, 10, 9, 9, 10, 11, 12, 11, 8, 4];
const KB_FILE = new URL('../../src/demo/demo-kb.json', import.meta.url);

function startTime(rng: () => number, options: FillOptions): number {
  const total = HOURLY.reduce((a, b) => a + b, 0);
  let r = rng() * total;
  let hour = 0;
  while (r >= HOURLY[hour]) r -= HOURLY[hour++];
  const day = Math.floor(rng() * options.days);
  const localMidnight = Math.floor((options.now + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000;
  const t = localMidnight - day * DAY_MS + hour * 3_600_000 + Math.floor(rng() * 3_600_000);
  return Math.min(t, options.now - 3_600_000);
}

/** Message counts per conversation summing to `total` exactly (each at least 4). */
function lengths(rng: () => number, count: number, total: number): number[] {
  const raw = Array.from({ length: count }, () => logNormal({ next: rng }, total / count, 0.6));
  const scale = total / raw.reduce((a, b) => a + b, 0);
  const out = raw.map((x) => Math.max(4, Math.round(x * scale)));
  let diff = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % count) {
    if (diff > 0) {
      out[i] += 1;
      diff -= 1;
    } else if (out[i] > 4) {
      out[i] -= 1;
      diff += 1;
    }
  }
  return out;
}

export async function fillStore(
  db: Kysely<Database>,
  kind: Storage['kind'],
  options: FillOptions,
  log: (line: string) => void,
): Promise<FillResult> {
  const started = performance.now();
  const kbFile = JSON.parse(await readFile(KB_FILE, 'utf8')) as {
    name: string;
    locale: string;
    entries: KbEntry[];
  };
  const rng = mulberry32(options.seed);
  const next = () => rng.next();
  const sizes = lengths(next, options.conversations, options.messages);
  const result = { conversations: 0, messages: 0, handoffs: 0, ratings: 0, unanswered: 0 };
  // A stream of its own, so that adding the unanswered questions left the rest of the store unchanged.
  const questionRng = mulberry32(options.seed + 0x5eed);
  const phases = { generate: 0, insert: 0, project: 0 };
  const timed = async <T>(phase: keyof typeof phases, work: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] += (performance.now() - t) / 1000;
    }
  };

  await db.transaction().execute(async (trx) => {
    const storage = kyselyStorage(kind, trx);
    if ((await storage.kb.currentVersion()) === 0) {
      await storage.kb.replaceAll(
        { name: kbFile.name, locale: kbFile.locale },
        kbFile.entries,
        'gen:data',
        'synthetic data',
        options.now,
      );
    }
    const categories = new Map(kbFile.entries.map((e) => [e.id, e.category ?? null]));
    let deficit = 0;
    for (let first = 0; first < options.conversations; first += BATCH) {
      const batch = await timed('generate', () => {
        const made: SyntheticConversation[] = [];
        for (let i = first; i < Math.min(options.conversations, first + BATCH); i++) {
          const wanted = sizes[i] + deficit;
          const one = syntheticConversation(rng, kbFile.entries, {
            length: Math.max(4, wanted),
            startedAt: startTime(next, options),
          });
          // Abandoned chats end early: the next ones make up the difference, so the total stays exact.
          deficit = wanted - one.messages.length;
          made.push(one);
        }
        return { made, unanswered: unansweredQuestions(questionRng, kbFile.entries, made) };
      });
      await timed('insert', async () => {
        await insertBatch(trx, batch.made);
        // Through the product's own port, as the capture stores them.
        for (const q of batch.unanswered) if (await storage.unanswered.add(q)) result.unanswered += 1;
      });
      await timed('project', () =>
        storage.insights.saveProjections(
          batch.made.map((c) => projectConversation(c, (id) => categories.get(id))),
        ),
      );
      for (const c of batch.made) {
        result.conversations += 1;
        result.messages += c.messages.length;
        result.handoffs += c.handoffs.length;
        result.ratings += c.rating ? 1 : 0;
      }
      if ((first / BATCH) % 10 === 9)
        log(`  ${result.conversations} conversations, ${result.messages} messages`);
    }
  });
  return { ...result, seconds: (performance.now() - started) / 1000, phases };
}

async function insertBatch(trx: Kysely<Database>, batch: SyntheticConversation[]): Promise<void> {
  await trx
    .insertInto('conversations')
    .values(
      batch.map(({ conversation: c }) => ({
        id: c.id,
        token_hash: c.tokenHash,
        status: c.status,
        locale: c.locale,
        care: c.care ? 1 : 0,
        customer: JSON.stringify(c.customer),
        assigned_agent_id: c.assignedAgentId,
        handoff_reason: c.handoffReason,
        queued_at: c.queuedAt,
        bot_misses: 0,
        pending_clarify: null,
        priority: c.priority,
        skill_group: null,
        front_of_queue: 0,
        assigned_at: c.assignedAt,
        channel: c.channel,
        last_seq: c.lastSeq,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      })),
    )
    .execute();
  const messages = batch.flatMap((c) => c.messages.map((m) => messageRow(m, m.seq)));
  for (let i = 0; i < messages.length; i += BATCH)
    await trx
      .insertInto('messages')
      .values(messages.slice(i, i + BATCH))
      .execute();
  const handoffs = batch.flatMap((c) => c.handoffs);
  if (handoffs.length > 0) {
    await trx.insertInto('handoffs').values(handoffs.map(handoffRow)).execute();
  }
  const ratings = batch.flatMap((c) => (c.rating ? [c.rating] : []));
  if (ratings.length > 0) {
    await trx
      .insertInto('ratings')
      .values(
        ratings.map((r) => ({
          id: r.id,
          conversation_id: r.conversationId,
          score: r.score,
          comment: r.comment,
          created_at: r.createdAt,
          superseded_at: null,
        })),
      )
      .execute();
  }
}
