/** Errors only the web layer raises (the shared ones, ForbiddenError included, are in ../errors.ts). */

/** Too many attempts from one address (sign-in throttling). */
export class TooManyRequestsError extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts');
    this.name = 'TooManyRequestsError';
  }
}
