import { may, type Action } from '../../domain/access/permissions.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { StaffRole } from './staff-roles.ts';

/** The signed-in member of staff, resolved from the session cookie on every request. */
export interface StaffPrincipal {
  organisationId: string;
  organisationName: string;
  staffId: string;
  /** The session's id (the SHA-256 of the cookie's token): sign-out and password changes use it. */
  sessionId: string;
  name: string;
  email: string;
  role: StaffRole;
  mustChangePassword: boolean;
}

/** Who is changing staff accounts: an administrator through the web, or the command line. */
export type StaffActor = { kind: 'staff'; principal: StaffPrincipal } | { kind: 'system'; name: string };

export const staffActor = (principal: StaffPrincipal): StaffActor => ({ kind: 'staff', principal });

/** How the actor appears in the audit log. */
export function auditActor(actor: StaffActor | StaffPrincipal): string {
  if ('kind' in actor) return actor.kind === 'system' ? actor.name : `staff:${actor.principal.staffId}`;
  return `staff:${actor.staffId}`;
}

/** Defence in depth behind the pages' role checks: the same permission table, in the use case. */
export function requireAllowed(principal: StaffPrincipal, action: Action, refusal: string): void {
  if (!may(principal.role, action)) throw new ForbiddenError(refusal);
}

/** Only administrators manage staff accounts, and only in their own organisation. */
export function requireAdministrator(actor: StaffActor, organisationId: string): void {
  if (actor.kind === 'system') return;
  const refusal = 'Only administrators can manage staff accounts';
  requireAllowed(actor.principal, 'administer', refusal);
  if (actor.principal.organisationId !== organisationId) throw new ForbiddenError(refusal);
}
