// One catalogue of error codes (DESIGN convention 5, after Fastify's lib/errors.js): code → HTTP status.
// Boundaries throw AppError with a code; anything else that escapes is a bug and becomes 500.

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
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_CATALOGUE[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
