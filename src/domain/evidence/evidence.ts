/**
 * What may be attached to a case as evidence: photos and documents people bring, checked by what the
 * file is (its content), never by what its name says.
 */

/** The types accepted, read from the content, with the words staff see. */
export const EVIDENCE_TYPES = {
  'image/jpeg': 'JPEG photo',
  'image/png': 'PNG image',
  'image/heic': 'HEIC photo',
  'image/webp': 'WebP image',
  'application/pdf': 'PDF document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

/** 20 MB: a phone photo or a scanned letter, not a video. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** Files per case: enough for a case file, not a dumping ground. */
export const MAX_EVIDENCE_PER_CASE = 100;

export const isEvidenceType = (mediaType: string | undefined): mediaType is EvidenceType =>
  mediaType !== undefined && Object.hasOwn(EVIDENCE_TYPES, mediaType);

/** The extension a file of this type is saved with when downloaded. */
const EXTENSIONS: Record<EvidenceType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/**
 * The name to show and download a file under: the uploaded name without any folder, control
 * characters or characters file systems refuse, at most 100 characters, and with the extension of
 * what the file really is (a PDF named photo.jpg is downloaded as photo.pdf).
 */
export function evidenceFileName(uploaded: string, mediaType: EvidenceType): string {
  const base = (uploaded.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 100);
  return `${base || 'evidence'}.${EXTENSIONS[mediaType]}`;
}

export function describeEvidenceSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
