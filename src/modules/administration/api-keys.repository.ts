import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { apiKeys } from '../../platform/db/schema.ts';

export interface ApiKeyRow {
  apiKeyId: string;
  name: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const columns = {
  apiKeyId: apiKeys.apiKeyId,
  name: apiKeys.name,
  createdAt: apiKeys.createdAt,
  createdBy: apiKeys.createdBy,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** The organisation's keys, never their hashes: active first, then newest first. */
export async function listApiKeys(tx: Transaction, organisationId: string): Promise<ApiKeyRow[]> {
  const rows = await tx
    .select(columns)
    .from(apiKeys)
    .where(eq(apiKeys.organisationId, organisationId))
    .orderBy(desc(apiKeys.createdAt));
  return [...rows.filter((r) => !r.revokedAt), ...rows.filter((r) => r.revokedAt)];
}

export async function findApiKey(
  tx: Transaction,
  organisationId: string,
  apiKeyId: string,
): Promise<ApiKeyRow | null> {
  const rows = await tx
    .select(columns)
    .from(apiKeys)
    .where(and(eq(apiKeys.organisationId, organisationId), eq(apiKeys.apiKeyId, apiKeyId)));
  return rows[0] ?? null;
}

/** Sets revoked_at on an active key; returns whether it did (false if already revoked). */
export async function revokeApiKey(
  tx: Transaction,
  organisationId: string,
  apiKeyId: string,
  at: Date,
): Promise<boolean> {
  const updated = await tx
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(
      and(
        eq(apiKeys.organisationId, organisationId),
        eq(apiKeys.apiKeyId, apiKeyId),
        isNull(apiKeys.revokedAt),
      ),
    )
    .returning({ apiKeyId: apiKeys.apiKeyId });
  return updated.length > 0;
}
