/** The few typed errors use cases throw; mapped to HTTP in one place (platform/http/problem.ts). */

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class UnauthorisedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthorisedError';
  }
}

/** Signed in (or authenticated), but not allowed to do this. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Someone else changed the case since it was read: reload and try again. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Input that passed the schema but not a check that needs the database (e.g. an unknown preset). */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
