import { may, type Action } from '../../domain/access/permissions.ts';
import type { StaffMember, StaffRef } from '../../domain/complaint/command-schemas.ts';
import type { CommandName } from '../../domain/complaint/decide.ts';
import type { Via } from '../../domain/complaint/events.ts';
import { ROLE_NAMES, type Role } from '../../domain/access/permissions.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { ForbiddenError, InvalidInputError } from '../../platform/errors.ts';
import { findAccount, findAccountByEmail } from '../staff/staff.repository.ts';

/**
 * Who is acting on a case. A member of staff signed in to the pages is already known; an
 * integration sending a command with an API key names the staff account it acts for, which is
 * looked up (it must exist, be active and have a role that may take the action) in the same
 * transaction as the change.
 */
export type CaseActor =
  { kind: 'staff'; member: StaffMember; role: Role } | { kind: 'integration'; ref: StaffRef; via: Via };

export interface ResolvedActor {
  member: StaffMember;
  role: Role;
  via?: Via;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const describeRef = (ref: StaffRef) => ('staffId' in ref ? `with id ${ref.staffId}` : `for ${ref.email}`);

/** An active staff account of the organisation, or null. */
export async function findActiveStaff(
  tx: Transaction,
  organisationId: string,
  ref: StaffRef,
): Promise<{ member: StaffMember; role: Role } | null> {
  const account =
    'staffId' in ref
      ? UUID.test(ref.staffId)
        ? await findAccount(tx, organisationId, ref.staffId)
        : null
      : await findAccountByEmail(tx, organisationId, ref.email);
  if (!account || account.disabledAt !== null) return null;
  return { member: { id: account.staffId, name: account.name }, role: account.role };
}

/** A staff reference in a command's input, as the member it names; a clear error on the field if not. */
export async function resolveStaffRef(
  tx: Transaction,
  organisationId: string,
  ref: StaffRef,
  field: string,
): Promise<{ member: StaffMember; role: Role }> {
  const found = await findActiveStaff(tx, organisationId, ref);
  if (!found) {
    throw new InvalidInputError(
      `There is no active staff account ${describeRef(ref)} in your organisation`,
      field,
    );
  }
  return found;
}

/** The acting member of staff, checked against the permission table for the action. */
export async function resolveActor(
  tx: Transaction,
  organisationId: string,
  actor: CaseActor,
  action: CommandName | Action,
): Promise<ResolvedActor> {
  const resolved =
    actor.kind === 'staff'
      ? { member: actor.member, role: actor.role }
      : { ...(await resolveStaffRef(tx, organisationId, actor.ref, 'actor')), via: actor.via };
  if (!may(resolved.role, action)) {
    throw new ForbiddenError(
      `${resolved.member.name} (${ROLE_NAMES[resolved.role]}) may not ${action.replace(/-/g, ' ')}`,
    );
  }
  return resolved;
}

/** Who may be given a stage to handle: someone whose role can send that stage's response. */
export function mayHandle(role: Role, stage: 1 | 2): boolean {
  return may(role, stage === 1 ? 'respond' : 'final-response');
}

/** A handler named in a command: an active account whose role can answer the stage. */
export async function resolveHandler(
  tx: Transaction,
  organisationId: string,
  ref: StaffRef,
  stage: 1 | 2,
): Promise<StaffMember> {
  const { member, role } = await resolveStaffRef(tx, organisationId, ref, 'handler');
  if (!mayHandle(role, stage)) {
    throw new InvalidInputError(
      `${member.name} cannot handle stage ${stage}: as ${ROLE_NAMES[role].toLowerCase()} they cannot send the ${stage === 1 ? 'stage 1' : 'final'} response`,
      'handler',
    );
  }
  return member;
}
