import { formatDateTime } from '../casework/case-format.ts';
import { describeEvidenceSize, EVIDENCE_TYPES } from '../../domain/evidence/evidence.ts';
import type { EvidenceRow } from './evidence.repository.ts';

/** A file of evidence in words, for the case page; the template escapes every value. */
export function evidenceInWords(row: EvidenceRow, caseHref: string) {
  return {
    href: `${caseHref}/evidence/${row.evidenceId}`,
    fileName: row.fileName,
    what: `${EVIDENCE_TYPES[row.mediaType]}, ${describeEvidenceSize(row.sizeBytes)}`,
    description: row.description,
    added: `Added by ${row.uploadedByName}, ${formatDateTime(row.uploadedAt.toISOString())}`,
  };
}
