import type { Readable } from 'node:stream';
import type { EvidenceType } from '../../domain/evidence/evidence.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { loadCaseState } from '../complaints/complaint.repository.ts';
import { requireAllowed, type StaffPrincipal } from '../staff/staff-principal.ts';
import type { EvidenceDeps } from './deps.ts';
import { findEvidence } from './evidence.repository.ts';

/**
 * One file of a case's evidence, for the roles that may see the case: another organisation's, or a
 * file not on this case, is not found (row-level security and the case in the key).
 */
export async function downloadEvidence(
  deps: EvidenceDeps,
  principal: StaffPrincipal,
  reference: string,
  evidenceId: string,
): Promise<{ fileName: string; mediaType: EvidenceType; body: Readable }> {
  requireAllowed(principal, 'view-cases', 'Only staff who work on cases can see evidence');
  const organisationId = principal.organisationId;
  const row = await deps.db.forOrganisation(organisationId, async (tx) => {
    const state = await loadCaseState(tx, organisationId, reference);
    return state ? findEvidence(tx, organisationId, state.caseId, evidenceId) : null;
  });
  const body = row ? await deps.files.open(organisationId, row.evidenceId) : null;
  if (!row || !body) throw new NotFoundError('There is no such file on this case');
  return { fileName: row.fileName, mediaType: row.mediaType, body };
}
