// Topics of unanswered questions for the admin, and the two-click actions on a topic: make it a new KB
// entry, add its questions as phrasings of an existing entry, add them as must-not-answer examples (not
// the business's topic), or dismiss it. Either way its questions are marked resolved, so the topic
// leaves the list.
// Topics are computed on demand from the newest MAX_TOPIC_QUESTIONS open questions (average linkage:
// ~1.3 s for 3,000 questions on a loaded 2-core machine, BENCHMARKS.md) and cached until a question
// arrives or is resolved, the KB changes, or CACHE_MS pass (the trend's "today" moves). The insights
// dashboard's chart asks for a smaller sample (DASHBOARD_TOPIC_QUESTIONS, the newest open questions of
// its range) so that it answers within the dashboard's 300 ms even uncached.
import { normalizeText } from '../engine/index.js';
import { NEGATIVES_LIMITS } from '../engine/kb-validation.js';
import type { KbEntry } from '../engine/types.js';
import { AppError, reasonedError } from '../errors.js';
import { summarizeTopics, type TopicSummary } from '../learning/topic-summary.js';
import type { UnansweredRecord, UnansweredResolution, UserRecord } from '../storage/ports.js';
import type { ServiceContext } from './context.js';
import type { KnowledgeBaseService } from './knowledge-base.js';

export const MAX_TOPIC_QUESTIONS = 3000;
/**
 * The newest open questions of the range the dashboard's "top unanswered clusters" chart clusters:
 * enough for its top topics, and quick (O(n²): ~0.1 s for 600 on a loaded 2-core machine).
 */
export const DASHBOARD_TOPIC_QUESTIONS = 600;
const CACHE_MS = 60_000;
/** The KB file allows at most this many example questions per entry (admin entry schema). */
const MAX_QUESTIONS_PER_ENTRY = 500;

export interface TopicList {
  computedAt: number;
  /** Open questions clustered (the newest MAX_TOPIC_QUESTIONS, or the newest `sample` asked for). */
  questions: number;
  /** Open questions in all. */
  openQuestions: number;
  clusteringMs: number;
  topics: TopicSummary[];
}

/** Only the questions asked in [from, to), in conversations of `channel` (the insights dashboard's filters). */
export interface TopicScope {
  from: number;
  to: number;
  channel?: string;
}

/** Lists computed for different scopes kept at once (the learning tab's and a dashboard's or two). */
const CACHED_SCOPES = 8;

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
  kb: Pick<KnowledgeBaseService, 'create' | 'update' | 'setNegatives'>,
  publishDraft: PublishDraft | null,
) {
  const { storage, clock } = ctx;
  interface Cached {
    key: string;
    tz: number;
    at: number;
    list: TopicList;
    questions: Map<string, UnansweredRecord>;
  }
  /** By scope ('' for all open questions), oldest first. */
  const cache = new Map<string, Cached>();

  /**
   * `tzOffsetMinutes` null: any day boundaries will do (topic ids and members do not depend on them).
   * Without a scope: all open questions.
   */
  async function compute(
    tzOffsetMinutes: number | null,
    scope?: TopicScope,
    sample = MAX_TOPIC_QUESTIONS,
  ): Promise<Cached> {
    const filter = scope ? { since: scope.from, until: scope.to, channel: scope.channel } : {};
    const limit = Math.max(1, Math.min(MAX_TOPIC_QUESTIONS, Math.floor(sample)));
    // The admin's topic actions (find) read the '' scope, always computed from MAX_TOPIC_QUESTIONS.
    const scopeKey = scope ? `${scope.from}|${scope.to}|${scope.channel ?? ''}|${limit}` : '';
    const [open, openQuestions, version, entries] = await Promise.all([
      storage.unanswered.list({ open: true, limit: scope ? limit : MAX_TOPIC_QUESTIONS, ...filter }),
      storage.unanswered.count({ open: true, ...filter }),
      storage.kb.currentVersion(),
      storage.kb.listEntries(),
    ]);
    const now = clock();
    const cached = cache.get(scopeKey);
    const tz = tzOffsetMinutes ?? cached?.tz ?? 0;
    const key = `${openQuestions}:${open[0]?.id ?? ''}:${version}`;
    if (cached && cached.key === key && cached.tz === tz && now - cached.at < CACHE_MS) return cached;
    const started = performance.now();
    const topics = summarizeTopics({ questions: open, entries, now, tzOffsetMinutes: tz });
    const list: TopicList = {
      computedAt: now,
      questions: open.length,
      openQuestions,
      clusteringMs: Math.round(performance.now() - started),
      topics,
    };
    const fresh = { key, tz, at: now, list, questions: new Map(open.map((q) => [q.id, q])) };
    cache.delete(scopeKey);
    cache.set(scopeKey, fresh);
    if (cache.size > CACHED_SCOPES) cache.delete(cache.keys().next().value as string);
    return fresh;
  }

  async function topics(options: {
    minSize: number;
    limit: number;
    tzOffsetMinutes: number;
    scope?: TopicScope;
    /** With a scope: cluster only its newest `sample` open questions (default MAX_TOPIC_QUESTIONS). */
    sample?: number;
  }): Promise<TopicList> {
    const { list } = await compute(options.tzOffsetMinutes, options.scope, options.sample);
    return { ...list, topics: list.topics.filter((t) => t.size >= options.minSize).slice(0, options.limit) };
  }

  async function find(topicId: string) {
    const { list, questions } = await compute(null);
    const topic = list.topics.find((t) => t.id === topicId);
    if (!topic) throw reasonedError('NOT_FOUND', 'topic.gone');
    return { topic, texts: topic.questionIds.map((id) => questions.get(id)?.text ?? '') };
  }

  async function resolve(topic: TopicSummary, resolution: UnansweredResolution) {
    const resolved = await storage.unanswered.resolve(topic.questionIds, resolution, clock());
    cache.clear();
    return resolved;
  }

  async function publishIfAsked(publish: boolean | undefined, author: string) {
    if (!publish || !publishDraft) return null;
    try {
      return await publishDraft(author);
    } catch (err) {
      // The entry is saved in the draft either way; a publish the regression cases block waits for the admin.
      if (err instanceof AppError && (err.code === 'PUBLISH_BLOCKED' || err.code === 'INVALID_STATE')) {
        // reasonKey/params: the reason's text in the admin's language (error-texts.ts).
        return {
          published: false,
          liveVersion: null,
          reason: err.message,
          ...(err.reason ? { reasonKey: err.reason.key, params: err.reason.params } : {}),
        };
      }
      throw err;
    }
  }

  async function createEntry(topicId: string, input: TopicEntryInput, user: UserRecord) {
    const { topic, texts } = await find(topicId);
    const questions = distinctQuestions(input.questions ?? texts).slice(0, MAX_QUESTIONS_PER_ENTRY);
    if (questions.length === 0) throw reasonedError('BAD_REQUEST', 'topic.no-questions');
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
    if (!stored) throw reasonedError('NOT_FOUND', 'entry.not-found', { id: input.entryId });
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

  /**
   * Not the business's topic (weather, another shop's orders…): its questions join the KB's
   * must-not-answer examples, so the bot hands off such messages even after the KB grows words they share.
   */
  async function markOutOfScope(topicId: string, input: { publish?: boolean }, user: UserRecord) {
    const { topic, texts } = await find(topicId);
    const existing = await storage.kb.negatives();
    const added = distinctQuestions(
      texts.map((t) => t.replace(/\s+/g, ' ')), // one line each
      existing,
    ).slice(0, Math.max(0, NEGATIVES_LIMITS.count - existing.length));
    const version =
      added.length > 0 ? (await kb.setNegatives([...existing, ...added], user.username)).version : null;
    const resolved = await resolve(topic, { action: 'out-of-scope', entryId: null, by: user.username });
    return { added, version, resolved, publish: await publishIfAsked(input.publish, user.username) };
  }

  async function dismiss(topicId: string, user: UserRecord) {
    const { topic } = await find(topicId);
    return { resolved: await resolve(topic, { action: 'dismissed', entryId: null, by: user.username }) };
  }

  return {
    topics,
    createEntry,
    addToEntry,
    markOutOfScope,
    dismiss,
    questions: (filter: Parameters<typeof storage.unanswered.list>[0]) => storage.unanswered.list(filter),
  };
}

export type LearningTopics = ReturnType<typeof createLearningTopics>;
