import type { StaffDeps } from './deps.ts';
import { SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from './security-policy.ts';
import { parseSessionCookie } from './session-tokens.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { findSessionWithStaff, touchSession } from './staff.repository.ts';

/**
 * The member of staff a session cookie signs in, or null when the cookie is missing, malformed,
 * unknown, revoked, idle for more than 30 minutes, past its 12 hours, or the account is disabled.
 * A live session's idle clock restarts (sliding expiry). Runs as the cookie's organisation, under
 * row-level security: a cookie naming another organisation finds nothing.
 */
export async function resolveSession(
  deps: StaffDeps,
  cookieValue: string | undefined,
): Promise<StaffPrincipal | null> {
  const cookie = parseSessionCookie(cookieValue);
  if (!cookie) return null;
  const { organisationId, sessionId } = cookie;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const row = await findSessionWithStaff(tx, organisationId, sessionId);
    if (!row || row.revokedAt || row.disabledAt) return null;
    const now = deps.clock.now().getTime();
    const idle = now - row.lastSeenAt.getTime();
    if (now >= row.expiresAt.getTime() || idle > SESSION_IDLE_MS) return null;
    if (idle >= SESSION_TOUCH_INTERVAL_MS) await touchSession(tx, organisationId, sessionId, new Date(now));
    return {
      organisationId,
      organisationName: row.organisationName,
      staffId: row.staffId,
      sessionId,
      name: row.name,
      email: row.email,
      role: row.role,
      mustChangePassword: row.mustChangePassword,
    };
  });
}
