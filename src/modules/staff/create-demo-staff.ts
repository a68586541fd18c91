import type { StaffDeps } from './deps.ts';
import { createStaffAccount } from './create-staff-account.use-case.ts';
import { generateTemporaryPassword } from './passwords.ts';
import { roleInWords, type StaffRole } from './staff-roles.ts';

/** One sign-in per role for the demo landlord (`.test` addresses can never receive mail). */
const DEMO_STAFF: readonly { role: StaffRole; name: string; email: string }[] = [
  { role: 'front-line', name: 'Jordan Hughes', email: 'frontline@demo.putright.test' },
  { role: 'handler', name: 'Tom Okafor', email: 'handler@demo.putright.test' },
  { role: 'complaints-officer', name: 'Priya Shah', email: 'officer@demo.putright.test' },
  { role: 'senior-lead', name: 'Gareth Lewis', email: 'senior@demo.putright.test' },
  { role: 'board-member', name: 'Helen Marsh', email: 'board@demo.putright.test' },
  { role: 'administrator', name: 'Sam Patel', email: 'admin@demo.putright.test' },
];

export interface DemoSignIn {
  role: StaffRole;
  roleInWords: string;
  name: string;
  email: string;
  password: string;
  staffId: string;
}

/**
 * Creates the demo landlord's staff, one per role, each with a random password that does not have
 * to be changed. The passwords are returned so that a local demo can print them; a real
 * organisation's accounts are made by an administrator, or by `putright staff create`.
 */
export async function createDemoStaff(deps: StaffDeps, organisationId: string): Promise<DemoSignIn[]> {
  const signIns: DemoSignIn[] = [];
  for (const person of DEMO_STAFF) {
    const password = generateTemporaryPassword();
    const account = await createStaffAccount(
      deps,
      { kind: 'system', name: 'demo' },
      organisationId,
      { ...person, temporaryPassword: password },
      { mustChangePassword: false },
    );
    signIns.push({ ...person, roleInWords: roleInWords(person.role), password, staffId: account.staffId });
  }
  return signIns;
}
