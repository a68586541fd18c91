import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import type { Transaction } from '../../platform/db/database.ts';
import type { StaffDeps } from './deps.ts';
import { isLocked } from './security-policy.ts';
import { roleInWords, type StaffRole } from './staff-roles.ts';
import { findAccount, findAccountKeysByEmail, type StaffAccountRow } from './staff.repository.ts';

/** What an administrator sees of an account: never its password hash. */
export interface StaffAccountView {
  staffId: string;
  name: string;
  email: string;
  role: StaffRole;
  roleInWords: string;
  status: 'active' | 'disabled' | 'locked' | 'must-change-password';
  statusInWords: string;
  disabled: boolean;
}

const STATUS_IN_WORDS: Record<StaffAccountView['status'], string> = {
  active: 'Active',
  disabled: 'Disabled',
  locked: 'Locked',
  'must-change-password': 'Must change password',
};

export function presentAccount(row: StaffAccountRow, now: Date): StaffAccountView {
  const status: StaffAccountView['status'] = row.disabledAt
    ? 'disabled'
    : isLocked(row.lockedUntil, now)
      ? 'locked'
      : row.mustChangePassword
        ? 'must-change-password'
        : 'active';
  return {
    staffId: row.staffId,
    name: row.name,
    email: row.email,
    role: row.role,
    roleInWords: roleInWords(row.role),
    status,
    statusInWords: STATUS_IN_WORDS[status],
    disabled: row.disabledAt !== null,
  };
}

/** An account of this organisation, or 404: another organisation's account is never there. */
export async function accountOr404(
  tx: Transaction,
  organisationId: string,
  staffId: string,
  options: { forUpdate?: boolean } = {},
): Promise<StaffAccountRow> {
  const account = await findAccount(tx, organisationId, staffId, options);
  if (!account) throw new NotFoundError('There is no such staff account');
  return account;
}

export const EMAIL_TAKEN = 'This email address is already used by another account';

/**
 * E-mail addresses are unique across organisations (sign-in finds the organisation from the
 * address), so this check is privileged: under row-level security another organisation's accounts
 * are invisible.
 */
export async function assertEmailFree(deps: StaffDeps, email: string): Promise<void> {
  const existing = await deps.db.privileged((tx) => findAccountKeysByEmail(tx, email));
  if (existing) throw new InvalidInputError(EMAIL_TAKEN, 'email');
}
