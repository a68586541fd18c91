import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordMatches, spendPasswordCheckTime } from './passwords.ts';
import type { StaffDeps } from './deps.ts';
import {
  emailSchema,
  isLocked,
  LOCKOUT_MS,
  LOCKOUT_THRESHOLD,
  SESSION_ABSOLUTE_MS,
  SIGN_IN_FAILED,
} from './security-policy.ts';
import { newSessionToken } from './session-tokens.ts';
import {
  auditStaff,
  deleteSessionsEndedBefore,
  findAccount,
  findAccountKeysByEmail,
  insertSession,
  updateAccount,
} from './staff.repository.ts';

export const signInSchema = z.object({
  email: emailSchema('Enter your email address'),
  // No password is longer than this, so a longer one is simply wrong: never hash megabytes.
  password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH, SIGN_IN_FAILED),
});
export type SignInInput = z.input<typeof signInSchema>;

export type SignInRefusal = 'unknown-email' | 'wrong-password' | 'locked' | 'disabled';

export type SignInResult =
  | {
      ok: true;
      organisationId: string;
      staffId: string;
      /** Goes in the session cookie; never stored. */
      cookieValue: string;
      expiresAt: Date;
      mustChangePassword: boolean;
    }
  /** `reason` is for the log only: the person signing in always sees SIGN_IN_FAILED. */
  | { ok: false; reason: SignInRefusal };

/**
 * Signs a member of staff in. Every failure costs one argon2 verification (an unknown address is
 * checked against a dummy hash) and gives the same answer, so neither timing nor wording tells
 * which addresses exist, which accounts are locked or disabled. The account row is locked while its
 * password is checked, so parallel guesses are counted one by one.
 */
export async function signIn(deps: StaffDeps, raw: SignInInput): Promise<SignInResult> {
  const input = signInSchema.parse(raw);
  // The organisation is not known yet: this is the one privileged read.
  const keys = await deps.db.privileged((tx) => findAccountKeysByEmail(tx, input.email));
  if (!keys) {
    await spendPasswordCheckTime(input.password);
    return { ok: false, reason: 'unknown-email' };
  }
  const { organisationId, staffId } = keys;
  return deps.db.forOrganisation(organisationId, async (tx): Promise<SignInResult> => {
    const account = await findAccount(tx, organisationId, staffId, { forUpdate: true });
    if (!account) {
      await spendPasswordCheckTime(input.password);
      return { ok: false, reason: 'unknown-email' };
    }
    const matches = await passwordMatches(account.passwordHash, input.password);
    const now = deps.clock.now();
    const actor = `staff:${staffId}`;
    const refuse = async (reason: 'locked' | 'disabled'): Promise<SignInResult> => {
      await auditStaff(tx, {
        organisationId,
        at: now,
        actor,
        action: 'staff-sign-in-refused',
        details: { staffId, reason },
      });
      return { ok: false, reason };
    };
    if (account.disabledAt) return refuse('disabled');
    if (isLocked(account.lockedUntil, now)) return refuse('locked');

    if (!matches) {
      // A lock-out that has run its course starts the count again.
      const failedAttempts = (account.lockedUntil ? 0 : account.failedAttempts) + 1;
      const locks = failedAttempts >= LOCKOUT_THRESHOLD;
      const lockedUntil = locks ? new Date(now.getTime() + LOCKOUT_MS) : null;
      await updateAccount(tx, organisationId, staffId, { failedAttempts, lockedUntil, updatedAt: now });
      await auditStaff(tx, {
        organisationId,
        at: now,
        actor,
        action: 'staff-sign-in-failed',
        details: { staffId, failedAttempts },
      });
      if (lockedUntil) {
        await auditStaff(tx, {
          organisationId,
          at: now,
          actor,
          action: 'staff-account-locked',
          details: { staffId, lockedUntil: lockedUntil.toISOString() },
        });
      }
      return { ok: false, reason: 'wrong-password' };
    }

    const token = newSessionToken(organisationId);
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    await updateAccount(tx, organisationId, staffId, {
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await deleteSessionsEndedBefore(tx, organisationId, staffId, new Date(now.getTime() - 7 * 86_400_000));
    await insertSession(tx, {
      organisationId,
      sessionId: token.sessionId,
      staffId,
      createdAt: now,
      expiresAt,
    });
    await auditStaff(tx, { organisationId, at: now, actor, action: 'staff-signed-in', details: { staffId } });
    return {
      ok: true,
      organisationId,
      staffId,
      cookieValue: token.cookieValue,
      expiresAt,
      mustChangePassword: account.mustChangePassword,
    };
  });
}
