import type { Clock } from '../complaints/case-context.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { UnauthorisedError } from '../../platform/errors.ts';
import { parseApiKey, secretMatches } from './api-keys.ts';
import { findActiveApiKey, recordApiKeyUse } from './organisation.repository.ts';

export interface ApiPrincipal {
  organisationId: string;
  apiKeyId: string;
  apiKeyName: string;
}

const INVALID =
  'The API key is missing, malformed, revoked or wrong. Send it as "Authorization: Bearer pr_…"';

/**
 * A key's last use is kept to the minute: recording every request would make each API call a write
 * to the same row (contended, and WAL for nothing), so a use is written only when the one stored is a
 * minute old or more. Administrators see it on the API keys page.
 */
export const LAST_USE_RECORDED_EVERY_MS = 60_000;

/** Keys are looked up before any organisation is known, so this is one of the few privileged reads. */
export async function authenticateApiKey(
  deps: { db: DatabaseHandle; clock: Clock },
  header: string | undefined,
): Promise<ApiPrincipal> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) throw new UnauthorisedError(INVALID);
  const row = await deps.db.privileged((tx) => findActiveApiKey(tx, parsed.apiKeyId));
  if (!row || !secretMatches(parsed.secret, row.secretHash)) throw new UnauthorisedError(INVALID);
  const now = deps.clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USE_RECORDED_EVERY_MS) {
    await deps.db.privileged((tx) => recordApiKeyUse(tx, parsed.apiKeyId, now, LAST_USE_RECORDED_EVERY_MS));
  }
  return { organisationId: row.organisationId, apiKeyId: parsed.apiKeyId, apiKeyName: row.name };
}
