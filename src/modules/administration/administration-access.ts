import { auditActor, requireAllowed, type StaffPrincipal } from '../staff/staff-principal.ts';

/**
 * Defence in depth behind the pages' role check: only roles allowed to administer change the
 * organisation's set-up. Returns the audit actor for the change.
 */
export function requireAdministration(principal: StaffPrincipal): string {
  requireAllowed(principal, 'administer', 'Only administrators can change how the service is set up');
  return auditActor(principal);
}
