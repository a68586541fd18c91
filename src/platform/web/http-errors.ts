/**
 * Errors the web layer turns into GOV.UK error pages (alongside the shared ones in ../errors.ts).
 * ForbiddenError is thrown by use cases too; when the API needs it, it belongs in ../errors.ts.
 */

/** Signed in, but this member of staff may not do this. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Too many attempts from one address (sign-in throttling). */
export class TooManyRequestsError extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts');
    this.name = 'TooManyRequestsError';
  }
}
