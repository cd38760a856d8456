// Every error leaves as {"error": {"code", "message"}} with the catalogue's status (DESIGN: customer API).
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERROR_CATALOGUE, type ErrorCode } from '../errors.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'BAD_REQUEST',
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const { code, message, details, reason } = error;
      // reason/params (when set): the key of the message's text in error-texts.ts, for the admin console.
      return reply
        .status(error.status)
        .send({ error: { code, message, details, reason: reason?.key, params: reason?.params } });
    }
    if (error.validation) {
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: error.message } });
    }
    const code = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (code) return reply.status(ERROR_CATALOGUE[code]).send({ error: { code, message: error.message } });
    if (error.statusCode === 429)
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: 'too many requests; slow down' } });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'BAD_REQUEST', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` },
    }),
  );
}

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {},
        reason: { type: 'string' },
        params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
      },
      required: ['code', 'message'],
    },
  },
} as const;
