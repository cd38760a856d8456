// Topics of unanswered questions for the admin, and the two-click actions on a topic: make it a new KB
// entry, or add its questions as phrasings of an existing entry (or dismiss it). Either way its questions
// are marked resolved, so the topic leaves the list.
// Topics are computed on demand from the newest MAX_TOPIC_QUESTIONS open questions (average linkage:
// ~1.3 s for 3,000 questions on a loaded 2-core machine, BENCHMARKS.md) and cached until a question
// arrives or is resolved, the KB changes, or CACHE_MS pass (the trend's "today" moves).
import { normalizeText } from '../engine/index.js';
import type { KbEntry } from '../engine/types.js';
import { AppError } from '../errors.js';
import { summarizeTopics, type TopicSummary } from '../learning/topic-summary.js';
import type { UnansweredRecord, UnansweredResolution, UserRecord } from '../storage/ports.js';
import type { ServiceContext } from './context.js';
import type { KnowledgeBaseService } from './knowledge-base.js';

export const MAX_TOPIC_QUESTIONS = 3000;
const CACHE_MS = 60_000;
/** The KB file allows at most this many example questions per entry (admin entry schema). */
const MAX_QUESTIONS_PER_ENTRY = 500;

export interface TopicList {
  computedAt: number;
  /** Open questions clustered (the newest MAX_TOPIC_QUESTIONS). */
  questions: number;
  /** Open questions in all. */
  openQuestions: number;
  clusteringMs: number;
  topics: TopicSummary[];
}

/** Publishing the draft so the bot answers at once (kb-publishing.ts), when the admin asks for it. */
export type PublishDraft = (author: string) => Promise<{ published: boolean; liveVersion: number }>;

export interface TopicEntryInput {
  title: string;
  answer: string;
  category?: string;
  tags?: string[];
  /** The example questions to use; default: the topic's distinct questions. */
  questions?: string[];
  /** Publish the KB right away (the regression cases still guard it). */
  publish?: boolean;
}

/** Distinct by normalized text, first spelling kept, existing ones excluded. */
function distinctQuestions(texts: readonly string[], existing: readonly string[] = []): string[] {
  const seen = new Set(existing.map(normalizeText));
  const out: string[] = [];
  for (const t of texts) {
    const text = t.trim().slice(0, 1000);
    const key = normalizeText(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

export function createLearningTopics(
  ctx: Pick<ServiceContext, 'storage' | 'clock'>,
  kb: Pick<KnowledgeBaseService, 'create' | 'update'>,
  publishDraft: PublishDraft | null,
) {
  const { storage, clock } = ctx;
  let cache: {
    key: string;
    tz: number;
    at: number;
    list: TopicList;
    questions: Map<string, UnansweredRecord>;
  } | null = null;

  /** `tzOffsetMinutes` null: any day boundaries will do (topic ids and members do not depend on them). */
  async function compute(tzOffsetMinutes: number | null) {
    const [open, openQuestions, version, entries] = await Promise.all([
      storage.unanswered.list({ open: true, limit: MAX_TOPIC_QUESTIONS }),
      storage.unanswered.count({ open: true }),
      storage.kb.currentVersion(),
      storage.kb.listEntries(),
    ]);
    const now = clock();
    const tz = tzOffsetMinutes ?? cache?.tz ?? 0;
    const key = `${openQuestions}:${open[0]?.id ?? ''}:${version}`;
    if (cache && cache.key === key && cache.tz === tz && now - cache.at < CACHE_MS) return cache;
    const started = performance.now();
    const topics = summarizeTopics({ questions: open, entries, now, tzOffsetMinutes: tz });
    const list: TopicList = {
      computedAt: now,
      questions: open.length,
      openQuestions,
      clusteringMs: Math.round(performance.now() - started),
      topics,
    };
    cache = { key, tz, at: now, list, questions: new Map(open.map((q) => [q.id, q])) };
    return cache;
  }

  async function topics(options: {
    minSize: number;
    limit: number;
    tzOffsetMinutes: number;
  }): Promise<TopicList> {
    const { list } = await compute(options.tzOffsetMinutes);
    return { ...list, topics: list.topics.filter((t) => t.size >= options.minSize).slice(0, options.limit) };
  }

  async function find(topicId: string) {
    const { list, questions } = await compute(null);
    const topic = list.topics.find((t) => t.id === topicId);
    if (!topic)
      throw new AppError(
        'NOT_FOUND',
        'no such open topic (it may have been resolved or regrouped: reload the list)',
      );
    return { topic, texts: topic.questionIds.map((id) => questions.get(id)?.text ?? '') };
  }

  async function resolve(topic: TopicSummary, resolution: UnansweredResolution) {
    const resolved = await storage.unanswered.resolve(topic.questionIds, resolution, clock());
    cache = null;
    return resolved;
  }

  async function publishIfAsked(publish: boolean | undefined, author: string) {
    if (!publish || !publishDraft) return null;
    try {
      return await publishDraft(author);
    } catch (err) {
      // The entry is saved in the draft either way; a publish the regression cases block waits for the admin.
      if (err instanceof AppError && (err.code === 'PUBLISH_BLOCKED' || err.code === 'INVALID_STATE')) {
        return { published: false, liveVersion: null, reason: err.message };
      }
      throw err;
    }
  }

  async function createEntry(topicId: string, input: TopicEntryInput, user: UserRecord) {
    const { topic, texts } = await find(topicId);
    const questions = distinctQuestions(input.questions ?? texts).slice(0, MAX_QUESTIONS_PER_ENTRY);
    if (questions.length === 0) throw new AppError('BAD_REQUEST', 'the entry needs at least one question');
    const { entry, version } = await kb.create(
      { title: input.title, answer: input.answer, category: input.category, tags: input.tags, questions },
      user.username,
    );
    const resolved = await resolve(topic, { action: 'new-entry', entryId: entry.id, by: user.username });
    return { entry, version, resolved, publish: await publishIfAsked(input.publish, user.username) };
  }

  async function addToEntry(
    topicId: string,
    input: { entryId: string; questions?: string[]; publish?: boolean },
    user: UserRecord,
  ) {
    const { topic, texts } = await find(topicId);
    const stored = await storage.kb.getEntry(input.entryId);
    if (!stored) throw new AppError('NOT_FOUND', `no entry with id "${input.entryId}"`);
    const { id: _id, updatedAt: _updatedAt, ...entry } = stored;
    const added = distinctQuestions(input.questions ?? texts, entry.questions).slice(
      0,
      Math.max(0, MAX_QUESTIONS_PER_ENTRY - entry.questions.length),
    );
    let result: { entry: KbEntry; version: number | null } = { entry: stored, version: null };
    // Nothing new (every phrasing already there): no empty KB version, but the topic is still resolved.
    if (added.length > 0)
      result = await kb.update(
        input.entryId,
        { ...entry, questions: [...entry.questions, ...added] },
        user.username,
      );
    const resolved = await resolve(topic, { action: 'phrasing', entryId: input.entryId, by: user.username });
    return { ...result, added, resolved, publish: await publishIfAsked(input.publish, user.username) };
  }

  async function dismiss(topicId: string, user: UserRecord) {
    const { topic } = await find(topicId);
    return { resolved: await resolve(topic, { action: 'dismissed', entryId: null, by: user.username }) };
  }

  return {
    topics,
    createEntry,
    addToEntry,
    dismiss,
    questions: (filter: Parameters<typeof storage.unanswered.list>[0]) => storage.unanswered.list(filter),
  };
}

export type LearningTopics = ReturnType<typeof createLearningTopics>;
