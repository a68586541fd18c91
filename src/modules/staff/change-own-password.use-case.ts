import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import type { StaffDeps } from './deps.ts';
import { hashPassword, newPasswordSchema, passwordMatches, PASSWORD_MAX_LENGTH } from './passwords.ts';
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from './security-policy.ts';
import { auditActor, type StaffPrincipal } from './staff-principal.ts';
import { accountOr404 } from './staff-accounts.ts';
import { auditStaff, revokeSessionsOf, updateAccount } from './staff.repository.ts';

export const WRONG_CURRENT_PASSWORD = 'Your current password is not correct';

/** The form's rules; the new password may not be the member of staff's own e-mail address. */
export const changePasswordSchema = (email: string) =>
  z
    .object({
      currentPassword: z
        .string()
        .min(1, 'Enter your current password')
        .max(PASSWORD_MAX_LENGTH, WRONG_CURRENT_PASSWORD),
      newPassword: z.string(),
      confirmPassword: z.string(),
    })
    .superRefine((input, ctx) => {
      // All three fields are strings, so this always runs: every problem at once, in the form's order.
      const rules = newPasswordSchema(email).safeParse(input.newPassword);
      if (input.newPassword === '') {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Enter a new password' });
      } else if (!rules.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['newPassword'],
          message: rules.error.issues[0]?.message ?? '',
        });
      } else if (input.currentPassword !== '' && input.newPassword === input.currentPassword) {
        ctx.addIssue({
          code: 'custom',
          path: ['newPassword'],
          message: 'Your new password must be different from your current password',
        });
      }
      if (input.confirmPassword === '') {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Confirm your new password' });
      } else if (input.newPassword !== '' && input.confirmPassword !== input.newPassword) {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmPassword'],
          message: 'The passwords do not match: enter the same new password twice',
        });
      }
    });
export type ChangePasswordInput = z.input<ReturnType<typeof changePasswordSchema>>;

/**
 * A member of staff changes their own password (and must, after a reset). The current password is
 * checked, and wrong guesses count towards the same lock-out as sign-in: at the fifth, the account
 * locks and every session ends. Other sessions end when the password changes.
 */
export async function changeOwnPassword(
  deps: StaffDeps,
  principal: StaffPrincipal,
  raw: ChangePasswordInput,
): Promise<void> {
  const input = changePasswordSchema(principal.email).parse(raw);
  const { organisationId, staffId } = principal;
  const newHash = await hashPassword(input.newPassword);
  const wrong = await deps.db.forOrganisation(organisationId, async (tx) => {
    const account = await accountOr404(tx, organisationId, staffId, { forUpdate: true });
    const now = deps.clock.now();
    if (!(await passwordMatches(account.passwordHash, input.currentPassword))) {
      const failedAttempts = account.failedAttempts + 1;
      const locks = failedAttempts >= LOCKOUT_THRESHOLD;
      await updateAccount(tx, organisationId, staffId, {
        failedAttempts,
        lockedUntil: locks ? new Date(now.getTime() + LOCKOUT_MS) : account.lockedUntil,
        updatedAt: now,
      });
      await auditStaff(tx, {
        organisationId,
        at: now,
        actor: auditActor(principal),
        action: 'staff-password-change-failed',
        details: { staffId, failedAttempts },
      });
      if (locks) {
        const sessionsEnded = await revokeSessionsOf(tx, organisationId, staffId, now);
        await auditStaff(tx, {
          organisationId,
          at: now,
          actor: auditActor(principal),
          action: 'staff-account-locked',
          details: {
            staffId,
            lockedUntil: new Date(now.getTime() + LOCKOUT_MS).toISOString(),
            sessionsEnded,
          },
        });
      }
      return true;
    }
    await updateAccount(tx, organisationId, staffId, {
      passwordHash: newHash,
      mustChangePassword: false,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    const sessionsEnded = await revokeSessionsOf(tx, organisationId, staffId, now, principal.sessionId);
    await auditStaff(tx, {
      organisationId,
      at: now,
      actor: auditActor(principal),
      action: 'staff-password-changed',
      details: { staffId, otherSessionsEnded: sessionsEnded },
    });
    return false;
  });
  if (wrong) throw new InvalidInputError(WRONG_CURRENT_PASSWORD, 'currentPassword');
}
