import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import {
  evidenceFileName,
  isEvidenceType,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_PER_CASE,
} from '../../domain/evidence/evidence.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { loadCaseState } from '../complaints/complaint.repository.ts';
import { audit } from '../organisations/organisation.repository.ts';
import { auditActor, requireAllowed, type StaffPrincipal } from '../staff/staff-principal.ts';
import type { EvidenceDeps } from './deps.ts';
import { countEvidenceForCase, insertEvidence } from './evidence.repository.ts';

/** A file as it arrived: its name, its bytes, and whether it was cut off at the size limit. */
export interface Upload {
  fileName: string;
  data: Buffer;
  truncated: boolean;
}

const NOT_ACCEPTED = 'The file must be a photo (JPEG, PNG, HEIC or WebP), a PDF or a Word document';

const descriptionSchema = z
  .string()
  .trim()
  .max(500, 'The description must be 500 characters or fewer')
  .optional();

/**
 * Attaches a document or photo to a case. Its type is read from its content (file-type), so a
 * program renamed photo.jpg is refused; its size and the case's number of files are limited. The
 * file is written before its row, inside the transaction, and removed again if the transaction
 * fails, so a row never names a missing file. Audited without the file's name or words.
 */
export async function addEvidence(
  deps: EvidenceDeps,
  principal: StaffPrincipal,
  reference: string,
  upload: Upload | null,
  rawDescription: unknown,
): Promise<{ evidenceId: string; fileName: string }> {
  requireAllowed(principal, 'view-cases', 'Only staff who work on cases can add evidence');
  const description = descriptionSchema.safeParse(rawDescription);
  if (!upload || (upload.data.length === 0 && !upload.truncated)) {
    throw new InvalidInputError('Choose a file to upload', 'file');
  }
  if (upload.truncated || upload.data.length > MAX_EVIDENCE_BYTES) {
    throw new InvalidInputError(
      `The file must be smaller than ${String(MAX_EVIDENCE_BYTES / 1024 / 1024)} MB`,
      'file',
    );
  }
  const mediaType = (await fileTypeFromBuffer(upload.data))?.mime;
  if (!isEvidenceType(mediaType)) throw new InvalidInputError(NOT_ACCEPTED, 'file');
  if (!description.success) throw description.error;

  const organisationId = principal.organisationId;
  const evidenceId = randomUUID();
  const fileName = evidenceFileName(upload.fileName, mediaType);
  try {
    await deps.db.forOrganisation(organisationId, async (tx) => {
      const state = await loadCaseState(tx, organisationId, reference);
      if (!state) throw new NotFoundError(`There is no complaint ${reference}`);
      if ((await countEvidenceForCase(tx, organisationId, state.caseId)) >= MAX_EVIDENCE_PER_CASE) {
        throw new InvalidInputError(
          `A case can have at most ${String(MAX_EVIDENCE_PER_CASE)} files: this one has that many already`,
          'file',
        );
      }
      await deps.files.put(organisationId, evidenceId, upload.data);
      await insertEvidence(tx, {
        organisationId,
        evidenceId,
        caseId: state.caseId,
        fileName,
        mediaType,
        sizeBytes: upload.data.length,
        sha256: createHash('sha256').update(upload.data).digest('hex'),
        description: description.data ?? '',
        uploadedById: principal.staffId,
        uploadedByName: principal.name,
        uploadedAt: deps.clock.now(),
      });
      await audit(tx, {
        organisationId,
        actor: auditActor(principal),
        action: 'evidence.added',
        details: { caseReference: state.reference, evidenceId, mediaType, sizeBytes: upload.data.length },
      });
    });
  } catch (error) {
    await deps.files.remove(organisationId, evidenceId);
    throw error;
  }
  return { evidenceId, fileName };
}
