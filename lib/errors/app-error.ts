// The one error type of the domain. Messages are for people: say what went wrong and what to do next.
export const APP_ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'TOO_LARGE',
  'UNSUPPORTED_MEDIA',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

const HTTP_STATUS: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra machine-readable facts (file name, field, limit …). */
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

/** What a person sees for any other error (a 500): nothing internal; the real error goes to the server log. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on the server; it has been logged.';

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
