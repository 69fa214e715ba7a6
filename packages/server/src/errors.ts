/**
 * The one error type of the server (STYLE.md §6). Services throw it; the HTTP error handler
 * maps `code` to a status through {@link httpStatusOf}; the CLI prints `message` and exits 1.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'import_invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'csrf_rejected'
  | 'setup_done'
  | 'internal';

const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  import_invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  csrf_rejected: 403,
  setup_done: 409,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const httpStatusOf = (code: ErrorCode): number => HTTP_STATUS[code];

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
