import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import type { StaffDeps } from './deps.ts';
import { hashPassword, newPasswordSchema } from './passwords.ts';
import { auditActor, requireAdministrator, staffActor, type StaffPrincipal } from './staff-principal.ts';
import { accountOr404 } from './staff-accounts.ts';
import { auditStaff, revokeSessionsOf, updateAccount } from './staff.repository.ts';

export const resetPasswordSchema = z.object({
  temporaryPassword: z.string().min(1, 'Enter a temporary password'),
});
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/**
 * An administrator gives someone a temporary password (they forgot theirs, or were locked out):
 * it unlocks the account, ends its sessions, and must be changed at the next sign-in.
 */
export async function resetStaffPassword(
  deps: StaffDeps,
  principal: StaffPrincipal,
  staffId: string,
  raw: ResetPasswordInput,
): Promise<{ name: string }> {
  const { organisationId } = principal;
  requireAdministrator(staffActor(principal), organisationId);
  const input = resetPasswordSchema.parse(raw);
  const account = await deps.db.forOrganisation(organisationId, (tx) =>
    accountOr404(tx, organisationId, staffId),
  );
  if (account.staffId === principal.staffId) {
    throw new InvalidInputError(
      'Use ‘Change your password’ to change your own password',
      'temporaryPassword',
    );
  }
  const checked = newPasswordSchema(
    account.email,
    'Enter a temporary password that is 12 characters or more',
  ).safeParse(input.temporaryPassword);
  if (!checked.success) {
    throw new InvalidInputError(
      checked.error.issues[0]?.message ?? 'Enter a temporary password',
      'temporaryPassword',
    );
  }
  const passwordHash = await hashPassword(input.temporaryPassword);
  return deps.db.forOrganisation(organisationId, async (tx) => {
    await accountOr404(tx, organisationId, staffId, { forUpdate: true });
    const now = deps.clock.now();
    await updateAccount(tx, organisationId, staffId, {
      passwordHash,
      mustChangePassword: true,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    const sessionsEnded = await revokeSessionsOf(tx, organisationId, staffId, now);
    await auditStaff(tx, {
      organisationId,
      at: now,
      actor: auditActor(principal),
      action: 'staff-password-reset',
      details: { staffId, sessionsEnded },
    });
    return { name: account.name };
  });
}
