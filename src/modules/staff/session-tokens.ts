import { createHash, randomBytes } from 'node:crypto';

/**
 * The session cookie holds `<organisation id>.<token>`: the token is 256 random bits, and only its
 * SHA-256 is stored (as the session id). The organisation id lets the session be read as that
 * organisation's tenant, under row-level security, without a privileged look-up on every request.
 */
const COOKIE_PATTERN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export interface NewSessionToken {
  sessionId: string;
  cookieValue: string;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSessionToken(organisationId: string): NewSessionToken {
  const token = randomBytes(32).toString('base64url');
  return { sessionId: sessionIdOf(token), cookieValue: `${organisationId}.${token}` };
}

export function parseSessionCookie(
  value: string | undefined,
): { organisationId: string; sessionId: string } | null {
  const match = COOKIE_PATTERN.exec(value ?? '');
  if (!match?.[1] || !match[2]) return null;
  return { organisationId: match[1], sessionId: sessionIdOf(match[2]) };
}
