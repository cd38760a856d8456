// JSON schemas of the KB lifecycle routes (versions, diff, publish, rollback, regression cases, files):
// they validate input and document the responses at /docs. Objects stay open (additionalProperties)
// so a response schema documents without silently dropping fields.
import { errorSchema } from './error-handler.js';

export const tags = ['admin: knowledge base'];
export const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};

const open = (properties: Record<string, unknown>, required: string[] = []) =>
  ({ type: 'object', additionalProperties: true, properties, required }) as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;
const counts = open({
  added: { type: 'integer' },
  removed: { type: 'integer' },
  changed: { type: 'integer' },
});

export const versionParams = {
  type: 'object',
  properties: { version: { type: 'integer', minimum: 1 } },
  required: ['version'],
} as const;

export const caseIdParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['id'],
} as const;

export const historyResponse = open({
  version: { type: 'integer', description: 'the latest (draft) version' },
  liveVersion: { type: 'integer', description: 'the version the bot answers from (0 = none)' },
  versions: {
    type: 'array',
    items: open({
      version: { type: 'integer' },
      createdAt: { type: 'integer' },
      author: nullableString,
      note: nullableString,
      entryCount: { type: 'integer' },
      publishedAt: nullableInt,
      publishedBy: nullableString,
      live: { type: 'boolean' },
      changes: counts,
      negatives: open({
        added: { type: 'integer', description: 'must-not-answer examples added against the version before' },
        removed: {
          type: 'integer',
          description: 'must-not-answer examples removed against the version before',
        },
      }),
    }),
  },
});

export const diffResponse = open({
  from: { type: 'integer' },
  to: { type: 'integer' },
  counts,
  added: { type: 'array', items: anyObject },
  removed: { type: 'array', items: anyObject },
  changed: {
    type: 'array',
    items: open({
      id: { type: 'string' },
      fields: {
        type: 'array',
        items: { type: 'string', enum: ['title', 'category', 'questions', 'answer', 'tags'] },
      },
      questionsAdded: { type: 'array', items: { type: 'string' } },
      questionsRemoved: { type: 'array', items: { type: 'string' } },
      before: anyObject,
      after: anyObject,
    }),
  },
  unchanged: { type: 'integer' },
  negatives: open({
    added: { type: 'array', items: { type: 'string' } },
    removed: { type: 'array', items: { type: 'string' } },
  }),
});

const caseOutcome = open({
  pass: { type: 'boolean' },
  verdict: { type: 'string', enum: ['right', 'wrong-answer', 'no-answer'] },
  decision: { type: 'string', enum: ['answer', 'clarify', 'handoff'] },
  entryId: nullableString,
  candidates: { type: 'array', items: { type: 'string' } },
  confidence: { type: 'number' },
});
const caseResult = open({
  id: { type: 'string' },
  text: { type: 'string' },
  expectedEntryId: nullableString,
  candidate: caseOutcome,
  live: { anyOf: [caseOutcome, { type: 'null' }] },
});
const runFigures = open({
  passed: { type: 'integer' },
  failed: { type: 'integer' },
  accuracy: { type: ['number', 'null'] },
  summary: anyObject,
});

export const reportSchema = open({
  candidateVersion: { type: 'integer' },
  liveVersion: { type: 'integer' },
  cases: { type: 'integer' },
  candidate: runFigures,
  live: { anyOf: [runFigures, { type: 'null' }] },
  wrong: { type: 'array', items: caseResult },
  broken: { type: 'array', items: caseResult },
  fixed: { type: 'array', items: caseResult },
  changes: counts,
});

export const publishBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { type: 'integer', minimum: 1, description: 'default: the latest (draft) version' },
    dryRun: {
      type: 'boolean',
      default: false,
      description: 'run the regression cases and report; change nothing',
    },
    confirm: {
      type: 'boolean',
      default: false,
      description: 'publish even if it breaks cases that pass on the live version',
    },
  },
} as const;

export const publishResponse = open({
  published: { type: 'boolean' },
  version: { type: 'integer' },
  liveVersion: { type: 'integer' },
  report: reportSchema,
});

export const rollbackBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    publish: {
      type: 'boolean',
      default: false,
      description: 'also publish the new version (after the regression run)',
    },
    confirm: { type: 'boolean', default: false },
  },
} as const;

export const rollbackResponse = open({
  version: { type: 'integer', description: 'the new version the rollback made' },
  rolledBackTo: { type: 'integer' },
  published: { type: 'boolean' },
  liveVersion: { type: 'integer' },
  report: { anyOf: [reportSchema, { type: 'null' }] },
});

export const caseSchema = open({
  id: { type: 'string' },
  text: { type: 'string' },
  expectedEntryId: nullableString,
  note: nullableString,
  createdBy: nullableString,
  createdAt: { type: 'integer' },
  updatedAt: { type: 'integer' },
});

const caseText = { type: 'string', minLength: 1, maxLength: 1000 } as const;
const expected = {
  type: ['string', 'null'],
  minLength: 1,
  maxLength: 100,
  description: 'entry id, or null: must not be answered',
} as const;
const note = { type: ['string', 'null'], maxLength: 1000 } as const;

export const caseCreateBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^/?#]+$' },
    text: caseText,
    expectedEntryId: expected,
    note,
  },
  required: ['text', 'expectedEntryId'],
} as const;

export const casePatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { text: caseText, expectedEntryId: expected, note },
} as const;
