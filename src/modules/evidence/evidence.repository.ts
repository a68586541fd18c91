import { and, asc, count, eq } from 'drizzle-orm';
import type { EvidenceType } from '../../domain/evidence/evidence.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { caseEvidence } from '../../platform/db/schema.ts';

export interface EvidenceRow {
  evidenceId: string;
  caseId: string;
  fileName: string;
  mediaType: EvidenceType;
  sizeBytes: number;
  sha256: string;
  description: string;
  uploadedByName: string;
  uploadedAt: Date;
}

const columns = {
  evidenceId: caseEvidence.evidenceId,
  caseId: caseEvidence.caseId,
  fileName: caseEvidence.fileName,
  mediaType: caseEvidence.mediaType,
  sizeBytes: caseEvidence.sizeBytes,
  sha256: caseEvidence.sha256,
  description: caseEvidence.description,
  uploadedByName: caseEvidence.uploadedByName,
  uploadedAt: caseEvidence.uploadedAt,
};

const typed = (r: Omit<EvidenceRow, 'mediaType'> & { mediaType: string }): EvidenceRow => ({
  ...r,
  mediaType: r.mediaType as EvidenceType,
});

export async function insertEvidence(
  tx: Transaction,
  row: Omit<EvidenceRow, 'uploadedAt'> & { organisationId: string; uploadedById: string; uploadedAt: Date },
): Promise<void> {
  await tx.insert(caseEvidence).values(row);
}

export async function countEvidenceForCase(tx: Transaction, organisationId: string, caseId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(caseEvidence)
    .where(and(eq(caseEvidence.organisationId, organisationId), eq(caseEvidence.caseId, caseId)));
  return row?.n ?? 0;
}

/** A case's evidence, in the order it arrived. */
export async function listEvidenceForCase(
  tx: Transaction,
  organisationId: string,
  caseId: string,
): Promise<EvidenceRow[]> {
  const rows = await tx
    .select(columns)
    .from(caseEvidence)
    .where(and(eq(caseEvidence.organisationId, organisationId), eq(caseEvidence.caseId, caseId)))
    .orderBy(asc(caseEvidence.uploadedAt), asc(caseEvidence.evidenceId));
  return rows.map(typed);
}

export async function findEvidence(
  tx: Transaction,
  organisationId: string,
  caseId: string,
  evidenceId: string,
): Promise<EvidenceRow | null> {
  const [row] = await tx
    .select(columns)
    .from(caseEvidence)
    .where(
      and(
        eq(caseEvidence.organisationId, organisationId),
        eq(caseEvidence.caseId, caseId),
        eq(caseEvidence.evidenceId, evidenceId),
      ),
    );
  return row ? typed(row) : null;
}
