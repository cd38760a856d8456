// What an admin sees of each topic (pure): size, trend per day, representative questions, why they were
// unanswered, what the engine guessed, and the nearest existing KB entry with its similarity.
import type { SparseVector } from '../engine/vectorizer.js';
import type { KbEntry } from '../engine/types.js';
import type { UnansweredReason, UnansweredRecord } from '../storage/learning-ports.js';
import { clusterTexts, vectorOf, type ClusterOptions } from './topic-clustering.js';

export const TREND_DAYS = 14;
const DAY_MS = 86_400_000;
const EXAMPLES = 5;

export interface TopicSummary {
  /** Stable while the topic's oldest question stays in it: "cluster-" + that question's id. */
  id: string;
  size: number;
  conversations: number;
  /** Questions per day for the last TREND_DAYS days, oldest first (today last). */
  trend: number[];
  firstAt: number;
  lastAt: number;
  /** The most central distinct questions first. */
  examples: string[];
  reasons: Partial<Record<UnansweredReason, number>>;
  /** The entry the engine ranked first most often, with the share of questions where it did. */
  engineTop: { entryId: string; share: number } | null;
  /** The KB entry closest to the topic (cosine of TF-IDF centroids, 0..1). */
  nearestEntry: { entryId: string; title: string; similarity: number } | null;
  /** Every question of the topic, newest first. */
  questionIds: string[];
}

export interface TopicInput {
  questions: readonly UnansweredRecord[];
  entries: readonly KbEntry[];
  now: number;
  /** Minutes east of UTC for day boundaries (480 for China). */
  tzOffsetMinutes: number;
  options?: Partial<ClusterOptions>;
}

type Dense = Map<number, number>;

function addInto(sum: Dense, v: SparseVector, weight = 1): void {
  for (let k = 0; k < v.ids.length; k++) sum.set(v.ids[k], (sum.get(v.ids[k]) ?? 0) + weight * v.vals[k]);
}

function unit(sum: Dense): Dense {
  let n = 0;
  for (const x of sum.values()) n += x * x;
  const scale = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (const [k, x] of sum) sum.set(k, x * scale);
  return sum;
}

function dot(a: Dense, v: SparseVector): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) s += (a.get(v.ids[k]) ?? 0) * v.vals[k];
  return s;
}

/** Clusters the questions and summarises each topic, biggest first (then most recent). */
export function summarizeTopics(input: TopicInput): TopicSummary[] {
  const { questions, entries, now, tzOffsetMinutes } = input;
  if (questions.length === 0) return [];
  const { assign, vectors, vectorizer } = clusterTexts(
    questions.map((q) => q.text),
    input.options,
    entries.flatMap((e) => e.questions),
  );
  const members = new Map<number, number[]>();
  assign.forEach((c, i) => members.set(c, [...(members.get(c) ?? []), i]));

  // Entry centroids in the topics' vocabulary, indexed by feature for a fast nearest-entry search.
  const byFeature = new Map<number, { entry: number; w: number }[]>();
  entries.forEach((e, entry) => {
    const sum: Dense = new Map();
    for (const q of [e.title, ...e.questions]) addInto(sum, vectorOf(vectorizer, q, input.options?.features));
    for (const [f, w] of unit(sum)) byFeature.set(f, [...(byFeature.get(f) ?? []), { entry, w }]);
  });

  const offset = tzOffsetMinutes * 60_000;
  const today = Math.floor((now + offset) / DAY_MS);
  const topics: TopicSummary[] = [];
  for (const indices of members.values()) {
    const centroid: Dense = new Map();
    for (const i of indices) addInto(centroid, vectors[i]);
    unit(centroid);

    const trend = new Array<number>(TREND_DAYS).fill(0);
    const reasons: TopicSummary['reasons'] = {};
    const tops = new Map<string, number>();
    const conversations = new Set<string>();
    for (const i of indices) {
      const q = questions[i];
      const ago = today - Math.floor((q.createdAt + offset) / DAY_MS);
      if (ago >= 0 && ago < TREND_DAYS) trend[TREND_DAYS - 1 - ago]++;
      reasons[q.reason] = (reasons[q.reason] ?? 0) + 1;
      const top = q.ranked[0]?.entryId;
      if (top) tops.set(top, (tops.get(top) ?? 0) + 1);
      conversations.add(q.conversationId);
    }

    const central = [...indices].sort((a, b) => dot(centroid, vectors[b]) - dot(centroid, vectors[a]));
    const examples: string[] = [];
    for (const i of central) {
      const text = questions[i].text.trim();
      if (!examples.includes(text)) examples.push(text);
      if (examples.length === EXAMPLES) break;
    }

    const scores = new Map<number, number>();
    for (const [f, x] of centroid)
      for (const { entry, w } of byFeature.get(f) ?? []) scores.set(entry, (scores.get(entry) ?? 0) + x * w);
    let nearest: TopicSummary['nearestEntry'] = null;
    for (const [entry, s] of scores) {
      if (!nearest || s > nearest.similarity)
        nearest = { entryId: entries[entry].id, title: entries[entry].title, similarity: s };
    }
    if (nearest) nearest.similarity = Math.round(Math.min(1, nearest.similarity) * 1000) / 1000;

    let engineTop: TopicSummary['engineTop'] = null;
    for (const [entryId, n] of tops)
      if (!engineTop || n / indices.length > engineTop.share)
        engineTop = { entryId, share: n / indices.length };

    const byTime = [...indices].sort((a, b) => questions[b].createdAt - questions[a].createdAt);
    const oldest = byTime[byTime.length - 1];
    topics.push({
      id: `cluster-${questions[oldest].id}`,
      size: indices.length,
      conversations: conversations.size,
      trend,
      firstAt: questions[oldest].createdAt,
      lastAt: questions[byTime[0]].createdAt,
      examples,
      reasons,
      engineTop,
      nearestEntry: nearest,
      questionIds: byTime.map((i) => questions[i].id),
    });
  }
  return topics.sort((a, b) => b.size - a.size || b.lastAt - a.lastAt);
}
