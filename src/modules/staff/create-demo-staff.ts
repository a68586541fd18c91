import type { StaffDeps } from './deps.ts';
import { createStaffAccount } from './create-staff-account.use-case.ts';
import { generateTemporaryPassword } from './passwords.ts';
import { roleInWords, type StaffRole } from './staff-roles.ts';

/** One sign-in per role for the demo landlord, and a second handler (`.test` addresses get no mail). */
const DEMO_STAFF: readonly { role: StaffRole; name: string; mailbox: string }[] = [
  { role: 'front-line', name: 'Jordan Hughes', mailbox: 'frontline' },
  { role: 'handler', name: 'Tom Okafor', mailbox: 'handler' },
  { role: 'complaints-officer', name: 'Priya Shah', mailbox: 'officer' },
  { role: 'senior-lead', name: 'Gareth Lewis', mailbox: 'senior' },
  { role: 'board-member', name: 'Helen Marsh', mailbox: 'board' },
  { role: 'administrator', name: 'Sam Patel', mailbox: 'admin' },
  { role: 'handler', name: 'Aisha Begum', mailbox: 'handler2' },
];

/** The first demo landlord's addresses; another demo on the same server gets its own domain. */
export const DEMO_EMAIL_DOMAIN = 'demo.putright.test';

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
export async function createDemoStaff(
  deps: StaffDeps,
  organisationId: string,
  emailDomain: string = DEMO_EMAIL_DOMAIN,
): Promise<DemoSignIn[]> {
  const signIns: DemoSignIn[] = [];
  for (const { mailbox, ...person } of DEMO_STAFF) {
    const password = generateTemporaryPassword();
    const email = `${mailbox}@${emailDomain}`;
    const account = await createStaffAccount(
      deps,
      { kind: 'system', name: 'demo' },
      organisationId,
      { ...person, email, temporaryPassword: password },
      { mustChangePassword: false },
    );
    signIns.push({
      ...person,
      email,
      roleInWords: roleInWords(person.role),
      password,
      staffId: account.staffId,
    });
  }
  return signIns;
}
