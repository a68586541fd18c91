import type { StaffDeps } from './deps.ts';
import { auditActor, requireAdministrator, staffActor, type StaffPrincipal } from './staff-principal.ts';
import { accountOr404 } from './staff-accounts.ts';
import { auditStaff, updateAccount } from './staff.repository.ts';

/**
 * An administrator re-enables a disabled account: it can sign in again with its existing password
 * (the password itself is unchanged; reset it too if it may be known to someone else).
 */
export async function enableStaffAccount(
  deps: StaffDeps,
  principal: StaffPrincipal,
  staffId: string,
): Promise<{ name: string }> {
  const { organisationId } = principal;
  requireAdministrator(staffActor(principal), organisationId);
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const account = await accountOr404(tx, organisationId, staffId, { forUpdate: true });
    if (!account.disabledAt) return { name: account.name };
    const now = deps.clock.now();
    await updateAccount(tx, organisationId, staffId, { disabledAt: null, updatedAt: now });
    await auditStaff(tx, {
      organisationId,
      at: now,
      actor: auditActor(principal),
      action: 'staff-account-enabled',
      details: { staffId },
    });
    return { name: account.name };
  });
}
