/**
 * A command the rules do not allow. The message is written for a member of staff: it says what is
 * wrong and, where there is one, what to do instead.
 */
export class CommandRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The input field the refusal is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CommandRefused';
  }
}

export function refuse(code: string, message: string, field?: string): never {
  throw new CommandRefused(code, message, field);
}
