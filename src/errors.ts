// One catalogue of error codes (DESIGN convention 5, after Fastify's lib/errors.js): code → HTTP status.
// Boundaries throw AppError with a code; anything else that escapes is a bug and becomes 500. An error an
// admin reads may also name its reason (error-texts.ts): its English text is the message, and the admin
// console shows the reason's Chinese text first.
import { errorText, type ErrorParams, type ErrorReason } from './error-texts.js';

export const ERROR_CATALOGUE = {
  BAD_REQUEST: 400,
  INVALID_KB: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  /** A KB publish would break regression cases that pass on the live version (send confirm to force). */
  PUBLISH_BLOCKED: 409,
  /** An edit sent with If-Match on a copy another admin has changed since (details: the current one). */
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** The text's key in error-texts.ts and its placeholders' values, when it has one. */
    readonly reason?: { key: ErrorReason; params: ErrorParams },
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_CATALOGUE[this.code];
  }
}

/** An AppError whose message is the English text of `reason`, which the admin console can show in Chinese. */
export function reasonedError(
  code: ErrorCode,
  key: ErrorReason,
  params: ErrorParams = {},
  details?: unknown,
): AppError {
  return new AppError(code, errorText(key, params), details, { key, params });
}

/** One problem of a refused file (a row, line or entry), with its reason for the admin console. */
export function problem<T extends object>(
  where: T,
  key: ErrorReason,
  params: ErrorParams = {},
): T & { message: string; reason: ErrorReason; params: ErrorParams } {
  return { ...where, message: errorText(key, params), reason: key, params };
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
