import { z } from 'zod';

/** Sessions end after 30 minutes without a request, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most once a minute, so idle expiry is measured to the minute. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** Five wrong passwords in a row lock the account for 15 minutes. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60_000;

/** The one message for every failed sign-in: it never says which of the two was wrong, or why. */
export const SIGN_IN_FAILED = 'Enter a correct email address and password';

export const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';

/** An e-mail address, trimmed and lower-cased (addresses are unique whatever their case). */
export function emailSchema(emptyMessage: string) {
  return z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(254, 'Enter an email address that is 254 characters or fewer')
    .pipe(z.email(EMAIL_FORMAT))
    .transform((email) => email.toLowerCase());
}

/** Whether the account's lock-out is in force at `now`. */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
