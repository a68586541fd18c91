import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import type { StaffMember } from '../../domain/complaint/command-schemas.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { listAccounts } from '../staff/staff.repository.ts';

/** Whoever may do casework (acknowledge, define, respond) can be given a case to handle. */
const CASEWORK_ROLES: readonly string[] = rolesAllowedTo('acknowledge');

/** The organisation's active staff who can handle a complaint, by name; their id is the staff id. */
export async function assignableStaff(tx: Transaction, organisationId: string): Promise<StaffMember[]> {
  const accounts = await listAccounts(tx, organisationId);
  return accounts
    .filter((a) => a.disabledAt === null && CASEWORK_ROLES.includes(a.role))
    .map((a) => ({ id: a.staffId, name: a.name }));
}
