import { ROLE_NAMES, ROLES, type Role } from '../../domain/access/permissions.ts';

/** The roles a member of staff can hold: the access rules' own list (domain/access), not a copy. */
export const STAFF_ROLES = ROLES;
export type StaffRole = Role;

export function roleInWords(role: StaffRole): string {
  return ROLE_NAMES[role];
}

export function isStaffRole(value: string): value is StaffRole {
  return (ROLES as readonly string[]).includes(value);
}
