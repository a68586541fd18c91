import { and, asc, desc, eq, isNull, lte, or } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { apiKeys, auditLog, closureDays, organisations, policyVersions } from '../../platform/db/schema.ts';
import { policySchema, type Policy } from '../../domain/policy/policy-schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';

export interface OrganisationRow {
  organisationId: string;
  name: string;
  referencePrefix: string;
}

export async function insertOrganisation(tx: Transaction, org: OrganisationRow): Promise<void> {
  await tx.insert(organisations).values(org);
}

export async function findOrganisation(
  tx: Transaction,
  organisationId: string,
): Promise<OrganisationRow | null> {
  const rows = await tx
    .select({
      organisationId: organisations.organisationId,
      name: organisations.name,
      referencePrefix: organisations.referencePrefix,
    })
    .from(organisations)
    .where(eq(organisations.organisationId, organisationId));
  return rows[0] ?? null;
}

export async function insertPolicyVersion(
  tx: Transaction,
  organisationId: string,
  policyVersionId: string,
  policy: Policy,
): Promise<void> {
  await tx.insert(policyVersions).values({
    organisationId,
    policyVersionId,
    policyKey: policy.key,
    version: policy.version,
    effectiveFrom: policy.effectiveFrom,
    document: policy,
  });
}

/** The policy in force on a date: the latest effective on or before it, else the earliest there is. */
export async function policyInForce(
  tx: Transaction,
  organisationId: string,
  on: IsoDate,
): Promise<Policy | null> {
  const columns = { document: policyVersions.document };
  const inForce = await tx
    .select(columns)
    .from(policyVersions)
    .where(and(eq(policyVersions.organisationId, organisationId), lte(policyVersions.effectiveFrom, on)))
    .orderBy(desc(policyVersions.effectiveFrom), desc(policyVersions.createdAt))
    .limit(1);
  const row =
    inForce[0] ??
    (
      await tx
        .select(columns)
        .from(policyVersions)
        .where(eq(policyVersions.organisationId, organisationId))
        .orderBy(asc(policyVersions.effectiveFrom))
        .limit(1)
    )[0];
  return row ? policySchema.parse(row.document) : null;
}

export async function policyVersion(
  tx: Transaction,
  organisationId: string,
  key: string,
  version: number,
): Promise<Policy | null> {
  const rows = await tx
    .select({ document: policyVersions.document })
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.organisationId, organisationId),
        eq(policyVersions.policyKey, key),
        eq(policyVersions.version, version),
      ),
    );
  return rows[0] ? policySchema.parse(rows[0].document) : null;
}

export async function listClosureDays(tx: Transaction, organisationId: string): Promise<IsoDate[]> {
  const rows = await tx
    .select({ day: closureDays.day })
    .from(closureDays)
    .where(eq(closureDays.organisationId, organisationId))
    .orderBy(asc(closureDays.day));
  return rows.map((r) => r.day);
}

export async function insertApiKey(
  tx: Transaction,
  key: {
    organisationId: string;
    apiKeyId: string;
    name: string;
    secretHash: string;
    createdBy: string;
    createdAt?: Date;
  },
): Promise<void> {
  await tx.insert(apiKeys).values(key);
}

export async function findActiveApiKey(
  tx: Transaction,
  apiKeyId: string,
): Promise<{ organisationId: string; secretHash: string; name: string; lastUsedAt: Date | null } | null> {
  const rows = await tx
    .select({
      organisationId: apiKeys.organisationId,
      secretHash: apiKeys.secretHash,
      name: apiKeys.name,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.apiKeyId, apiKeyId), isNull(apiKeys.revokedAt)));
  return rows[0] ?? null;
}

/**
 * Records that a key was used at `now`, unless it was already recorded within `interval` before:
 * the condition is in the UPDATE, so concurrent requests write at most once. Returns whether it wrote.
 */
export async function recordApiKeyUse(
  tx: Transaction,
  apiKeyId: string,
  now: Date,
  intervalMs: number,
): Promise<boolean> {
  const since = new Date(now.getTime() - intervalMs);
  const updated = await tx
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiKeys.apiKeyId, apiKeyId), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, since))),
    )
    .returning({ apiKeyId: apiKeys.apiKeyId });
  return updated.length > 0;
}

export async function audit(
  tx: Transaction,
  entry: { organisationId: string; actor: string; action: string; details: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

export interface ClosureDay {
  day: IsoDate;
  description: string;
}

export async function listClosureDayEntries(tx: Transaction, organisationId: string): Promise<ClosureDay[]> {
  return tx
    .select({ day: closureDays.day, description: closureDays.description })
    .from(closureDays)
    .where(eq(closureDays.organisationId, organisationId))
    .orderBy(asc(closureDays.day));
}

export async function insertClosureDay(
  tx: Transaction,
  organisationId: string,
  closure: ClosureDay,
): Promise<void> {
  await tx.insert(closureDays).values({ organisationId, ...closure });
}

/** Returns whether there was such a day. */
export async function deleteClosureDay(
  tx: Transaction,
  organisationId: string,
  day: IsoDate,
): Promise<boolean> {
  const deleted = await tx
    .delete(closureDays)
    .where(and(eq(closureDays.organisationId, organisationId), eq(closureDays.day, day)))
    .returning({ day: closureDays.day });
  return deleted.length > 0;
}

export interface PolicyVersionSummary {
  key: string;
  version: number;
  name: string;
  effectiveFrom: IsoDate;
  createdAt: Date;
}

/** Every version the organisation has had, newest first. */
export async function listPolicyVersions(
  tx: Transaction,
  organisationId: string,
): Promise<PolicyVersionSummary[]> {
  const rows = await tx
    .select({
      key: policyVersions.policyKey,
      version: policyVersions.version,
      effectiveFrom: policyVersions.effectiveFrom,
      document: policyVersions.document,
      createdAt: policyVersions.createdAt,
    })
    .from(policyVersions)
    .where(eq(policyVersions.organisationId, organisationId))
    .orderBy(desc(policyVersions.effectiveFrom), desc(policyVersions.createdAt));
  return rows.map(({ document, ...row }) => ({ ...row, name: (document as { name: string }).name }));
}

/** The highest version number used for a policy key (0 when there is none). */
export async function latestVersionNumber(
  tx: Transaction,
  organisationId: string,
  key: string,
): Promise<number> {
  const rows = await tx
    .select({ version: policyVersions.version })
    .from(policyVersions)
    .where(and(eq(policyVersions.organisationId, organisationId), eq(policyVersions.policyKey, key)))
    .orderBy(desc(policyVersions.version))
    .limit(1);
  return rows[0]?.version ?? 0;
}
