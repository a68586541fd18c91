import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { findOrganisation } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from './deps.ts';
import { hashPassword, isSameAsEmail, passwordLengthSchema, SAME_AS_EMAIL } from './passwords.ts';
import { emailSchema } from './security-policy.ts';
import { auditActor, requireAdministrator, type StaffActor } from './staff-principal.ts';
import { STAFF_ROLES, type StaffRole } from './staff-roles.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { assertEmailFree, EMAIL_TAKEN } from './staff-accounts.ts';
import { auditStaff, insertAccount } from './staff.repository.ts';

const TEMPORARY_TOO_SHORT = 'Enter a temporary password that is 12 characters or more';

export const createStaffAccountSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the person’s full name')
      .max(200, 'Enter a name that is 200 characters or fewer'),
    email: emailSchema('Enter their email address'),
    role: z.enum(STAFF_ROLES, { error: 'Select a role' }),
    // Checked field by field, so that every problem shows at once.
    temporaryPassword: passwordLengthSchema('Enter a temporary password', TEMPORARY_TOO_SHORT),
  })
  .refine((input) => !isSameAsEmail(input.temporaryPassword, input.email), {
    path: ['temporaryPassword'],
    message: SAME_AS_EMAIL,
  });
/** As submitted: every field a string (the schema checks the role is one of the roles). */
export type CreateStaffAccountInput = Record<keyof z.input<typeof createStaffAccountSchema>, string>;

export interface CreatedStaffAccount {
  staffId: string;
  organisationId: string;
  email: string;
  name: string;
  role: StaffRole;
}

/**
 * An administrator (or the command line) creates an account with a temporary password, which its
 * owner must change when they first sign in.
 */
export async function createStaffAccount(
  deps: StaffDeps,
  actor: StaffActor,
  organisationId: string,
  raw: CreateStaffAccountInput,
  options: { mustChangePassword?: boolean } = {},
): Promise<CreatedStaffAccount> {
  requireAdministrator(actor, organisationId);
  if (!z.uuid().safeParse(organisationId).success) {
    throw new InvalidInputError('The organisation id must be a uuid', 'organisationId');
  }
  const input = createStaffAccountSchema.parse(raw);
  await assertEmailFree(deps, input.email);
  const staffId = randomUUID();
  const passwordHash = await hashPassword(input.temporaryPassword);
  const now = deps.clock.now();
  try {
    await deps.db.forOrganisation(organisationId, async (tx) => {
      if (!(await findOrganisation(tx, organisationId))) {
        throw new NotFoundError(`There is no organisation with id ${organisationId}`);
      }
      await insertAccount(tx, {
        organisationId,
        staffId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? true,
        now,
      });
      await auditStaff(tx, {
        organisationId,
        at: now,
        actor: auditActor(actor),
        action: 'staff-account-created',
        details: { staffId, email: input.email, name: input.name, role: input.role },
      });
    });
  } catch (error) {
    // Two administrators taking the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw new InvalidInputError(EMAIL_TAKEN, 'email');
    throw error;
  }
  return { staffId, organisationId, email: input.email, name: input.name, role: input.role };
}
