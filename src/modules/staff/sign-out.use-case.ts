import type { StaffDeps } from './deps.ts';
import { parseSessionCookie } from './session-tokens.ts';
import { auditStaff, revokeSession } from './staff.repository.ts';

/** Ends the session in the cookie, if there is one: the cookie is worthless from now on. */
export async function signOut(deps: StaffDeps, cookieValue: string | undefined): Promise<void> {
  const cookie = parseSessionCookie(cookieValue);
  if (!cookie) return;
  const { organisationId, sessionId } = cookie;
  await deps.db.forOrganisation(organisationId, async (tx) => {
    const now = deps.clock.now();
    const revoked = await revokeSession(tx, organisationId, sessionId, now);
    if (!revoked) return;
    await auditStaff(tx, {
      organisationId,
      at: now,
      actor: `staff:${revoked.staffId}`,
      action: 'staff-signed-out',
      details: { staffId: revoked.staffId },
    });
  });
}
