/**
 * The roles a member of staff can hold. What each role may do with a case is decided by the access
 * rules (domain/access, which lists the same roles with the same names: when it lands, this file
 * should re-export them); here a role only names who someone is, and `administrator` manages staff
 * accounts.
 */
export const STAFF_ROLES = [
  'front-line',
  'handler',
  'complaints-officer',
  'senior-lead',
  'board-member',
  'administrator',
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

const IN_WORDS: Record<StaffRole, string> = {
  'front-line': 'Front-line staff',
  handler: 'Complaint handler',
  'complaints-officer': 'Complaints officer',
  'senior-lead': 'Senior lead or director',
  'board-member': 'Board member or Member Responsible for Complaints',
  administrator: 'Administrator',
};

export function roleInWords(role: StaffRole): string {
  return IN_WORDS[role];
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
