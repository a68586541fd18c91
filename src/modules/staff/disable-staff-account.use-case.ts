import { InvalidInputError } from '../../platform/errors.ts';
import type { StaffDeps } from './deps.ts';
import { auditActor, requireAdministrator, staffActor, type StaffPrincipal } from './staff-principal.ts';
import { accountOr404 } from './staff-accounts.ts';
import { auditStaff, revokeSessionsOf, updateAccount } from './staff.repository.ts';

/** An administrator disables an account: it can no longer sign in, and its sessions end now. */
export async function disableStaffAccount(
  deps: StaffDeps,
  principal: StaffPrincipal,
  staffId: string,
): Promise<{ name: string }> {
  const { organisationId } = principal;
  requireAdministrator(staffActor(principal), organisationId);
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const account = await accountOr404(tx, organisationId, staffId, { forUpdate: true });
    if (account.staffId === principal.staffId) {
      throw new InvalidInputError('You cannot disable your own account');
    }
    if (account.disabledAt) return { name: account.name };
    const now = deps.clock.now();
    await updateAccount(tx, organisationId, staffId, { disabledAt: now, updatedAt: now });
    const sessionsEnded = await revokeSessionsOf(tx, organisationId, staffId, now);
    await auditStaff(tx, {
      organisationId,
      at: now,
      actor: auditActor(principal),
      action: 'staff-account-disabled',
      details: { staffId, sessionsEnded },
    });
    return { name: account.name };
  });
}
