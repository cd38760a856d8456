// What each dashboard card shows: its metric, chart, series and headline figures (definitions in
// docs/metrics.md; the short version is in the messages, `metric.<name>` and `def.<name>`). A column or
// figure is labelled `col.<its name>` unless another label is given.
import type { AdminKey } from './messages.js';

export type Figure = 'int' | 'pct' | 'ms' | 'num';

interface Labelled {
  label: AdminKey;
}

export interface CardSpec {
  /** The insights metric: GET /api/admin/insights/{metric} (clusters: the learning loop's topics). */
  metric: CardMetric;
  title: AdminKey;
  definition: AdminKey;
  kind: 'line' | 'bar' | 'hbar';
  /** The column naming each row (x axis, or y for horizontal bars). */
  category: string;
  series: Array<Labelled & { column: string }>;
  percent?: boolean;
  summary: Array<Labelled & { key: string; figure: Figure }>;
  /** Show at most this many rows (the biggest, as the server sorts them). */
  limit?: number;
  wide?: boolean;
}

/** The names with both a title (`metric.<name>`) and a definition (`def.<name>`) in the messages. */
type Named<Prefix extends string> = AdminKey extends infer K
  ? K extends `${Prefix}${infer Name}`
    ? Name
    : never
  : never;
type CardMetric = Extract<Named<'metric.'>, Named<'def.'>>;
/** Names whose own label `col.<name>` exists. */
type Column = Named<'col.'>;

const own = (name: Column) => `col.${name}` as AdminKey;
/** A chart series: a row column, labelled `col.<column>` (lineAs: otherwise). */
const lineAs = (column: string, label: AdminKey) => ({ column, label });
const line = (column: Column) => lineAs(column, own(column));
/** A headline figure: a summary key shown as `figure`, labelled `col.<key>` (figAs: otherwise). */
const figAs = (key: string, figure: Figure, label: AdminKey) => ({ key, figure, label });
const fig = (key: Column, figure: Figure) => figAs(key, figure, own(key));

function card(
  metric: CardMetric,
  kind: CardSpec['kind'],
  category: string,
  rest: Omit<CardSpec, 'metric' | 'title' | 'definition' | 'kind' | 'category'>,
): CardSpec {
  return {
    metric,
    title: `metric.${metric}` as AdminKey,
    definition: `def.${metric}` as AdminKey,
    kind,
    category,
    ...rest,
  };
}

export const CARDS: CardSpec[] = [
  card('volume', 'line', 'day', {
    series: [line('conversations'), line('messages')],
    summary: [fig('conversations', 'int'), fig('messages', 'int')],
    wide: true,
  }),
  card('kb-categories', 'hbar', 'category', {
    series: [line('hits')],
    summary: [fig('answers', 'int')],
    limit: 12,
  }),
  card('kb-entries', 'hbar', 'title', {
    series: [line('hits')],
    summary: [fig('entries', 'int')],
    limit: 10,
  }),
  card('clusters', 'hbar', 'example', {
    series: [lineAs('size', 'col.questions')],
    summary: [fig('openQuestions', 'int'), fig('clusters', 'int')],
    limit: 10,
  }),
  card('self-service', 'line', 'day', {
    series: [line('rate')],
    percent: true,
    summary: [fig('rate', 'pct'), fig('settled', 'int'), fig('pending', 'int')],
  }),
  card('handoffs', 'hbar', 'reason', {
    series: [line('rate')],
    percent: true,
    summary: [figAs('rate', 'pct', 'col.handoffRate'), fig('handedOff', 'int')],
  }),
  card('clarify', 'line', 'day', {
    series: [line('clarifyRate')],
    percent: true,
    summary: [fig('clarifyRate', 'pct'), fig('answerRate', 'pct'), fig('decisions', 'int')],
  }),
  card('first-response', 'bar', 'bucket', {
    series: [line('firstResponses'), line('agentResponses')],
    summary: [
      figAs('firstP50Ms', 'ms', 'col.firstP50'),
      figAs('agentP50Ms', 'ms', 'col.agentP50'),
      figAs('agentP90Ms', 'ms', 'col.agentP90'),
    ],
  }),
  card('queue-wait', 'bar', 'bucket', {
    series: [line('handoffs')],
    summary: [figAs('p50Ms', 'ms', 'col.p50'), figAs('p90Ms', 'ms', 'col.p90'), fig('waiting', 'int')],
  }),
  card('abandonment', 'bar', 'day', {
    series: [line('decided'), line('abandoned')],
    summary: [
      figAs('rate', 'pct', 'col.abandonRate'),
      figAs('abandonedAfterP50Ms', 'ms', 'col.abandonAfter'),
    ],
  }),
  card('csat', 'bar', 'score', {
    series: [lineAs('count', 'col.ratings')],
    summary: [
      fig('average', 'num'),
      figAs('satisfiedShare', 'pct', 'col.satisfied'),
      figAs('count', 'int', 'col.ratings'),
    ],
  }),
  card('care', 'line', 'day', {
    series: [lineAs('share', 'col.careShare')],
    percent: true,
    summary: [figAs('share', 'pct', 'col.careShare'), figAs('care', 'int', 'col.careConversations')],
  }),
];
