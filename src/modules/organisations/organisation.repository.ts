import { and, asc, desc, eq, isNull, lte } from 'drizzle-orm';
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
  key: { organisationId: string; apiKeyId: string; name: string; secretHash: string },
): Promise<void> {
  await tx.insert(apiKeys).values(key);
}

export async function findActiveApiKey(
  tx: Transaction,
  apiKeyId: string,
): Promise<{ organisationId: string; secretHash: string; name: string } | null> {
  const rows = await tx
    .select({ organisationId: apiKeys.organisationId, secretHash: apiKeys.secretHash, name: apiKeys.name })
    .from(apiKeys)
    .where(and(eq(apiKeys.apiKeyId, apiKeyId), isNull(apiKeys.revokedAt)));
  return rows[0] ?? null;
}

export async function audit(
  tx: Transaction,
  entry: { organisationId: string; actor: string; action: string; details: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
