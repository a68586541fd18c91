import type { DatabaseHandle } from '../../platform/db/database.ts';
import { UnauthorisedError } from '../../platform/errors.ts';
import { parseApiKey, secretMatches } from './api-keys.ts';
import { findActiveApiKey } from './organisation.repository.ts';

export interface ApiPrincipal {
  organisationId: string;
  apiKeyId: string;
  apiKeyName: string;
}

const INVALID =
  'The API key is missing, malformed, revoked or wrong. Send it as "Authorization: Bearer pr_…"';

/** Keys are looked up before any organisation is known, so this is one of the few privileged reads. */
export async function authenticateApiKey(
  db: DatabaseHandle,
  header: string | undefined,
): Promise<ApiPrincipal> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) throw new UnauthorisedError(INVALID);
  const row = await db.privileged((tx) => findActiveApiKey(tx, parsed.apiKeyId));
  if (!row || !secretMatches(parsed.secret, row.secretHash)) throw new UnauthorisedError(INVALID);
  return { organisationId: row.organisationId, apiKeyId: parsed.apiKeyId, apiKeyName: row.name };
}
