// Shared JSON schemas: they validate input and generate the OpenAPI document at /docs.
export const messageSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    seq: { type: 'integer' },
    sender: { type: 'string', enum: ['customer', 'bot', 'agent', 'system'] },
    text: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    clientMessageId: { type: 'string' },
    decision: { type: 'string', enum: ['answer', 'clarify', 'handoff'] },
    entryId: { type: 'string' },
    candidates: { type: 'array', items: { type: 'string' } },
    choices: {
      type: 'array',
      items: { type: 'object', properties: { entryId: { type: 'string' }, title: { type: 'string' } } },
    },
    agentName: { type: 'string' },
    actions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { type: { type: 'string' }, label: { type: 'string' }, labelEn: { type: 'string' } },
      },
    },
  },
} as const;

export const customerConversationSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    status: { type: 'string', enum: ['bot', 'queued', 'assigned', 'resolved', 'closed'] },
    queuePosition: { type: 'integer' },
    estimatedWaitSeconds: { type: ['integer', 'null'] },
    agentsAvailable: { type: 'boolean' },
    withinHours: { type: 'boolean' },
    updatedAt: { type: 'string', format: 'date-time' },
    agent: { type: 'object', properties: { displayName: { type: 'string' } } },
  },
} as const;

export const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['id'],
} as const;

/** Text a person types: not blank, and bounded (the engine copes with 10,000 characters). */
export const textField = { type: 'string', minLength: 1, maxLength: 10_000, pattern: '\\S' } as const;
export const clientMessageIdField = { type: 'string', minLength: 1, maxLength: 100 } as const;
