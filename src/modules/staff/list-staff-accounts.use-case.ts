import type { StaffDeps } from './deps.ts';
import { requireAdministrator, staffActor, type StaffPrincipal } from './staff-principal.ts';
import { accountOr404, presentAccount, type StaffAccountView } from './staff-accounts.ts';
import { listAccounts } from './staff.repository.ts';

/** Every account in the administrator's organisation, by name. */
export async function listStaffAccounts(
  deps: StaffDeps,
  principal: StaffPrincipal,
): Promise<StaffAccountView[]> {
  requireAdministrator(staffActor(principal), principal.organisationId);
  const rows = await deps.db.forOrganisation(principal.organisationId, (tx) =>
    listAccounts(tx, principal.organisationId),
  );
  const now = deps.clock.now();
  return rows.map((row) => presentAccount(row, now));
}

/** One account of the administrator's organisation; another organisation's id is not found. */
export async function getStaffAccount(
  deps: StaffDeps,
  principal: StaffPrincipal,
  staffId: string,
): Promise<StaffAccountView> {
  requireAdministrator(staffActor(principal), principal.organisationId);
  const row = await deps.db.forOrganisation(principal.organisationId, (tx) =>
    accountOr404(tx, principal.organisationId, staffId),
  );
  return presentAccount(row, deps.clock.now());
}
