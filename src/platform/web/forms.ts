import { ZodError } from 'zod';
import { InvalidInputError } from '../errors.ts';
import type { UploadedFile } from './page-route.ts';

/** A submitted form: each field's first value (a repeated field gives an array; we take one). */
export type FormValues = Record<string, string>;

/**
 * The submitted values. Text PostgreSQL cannot store (NUL, lone surrogates) never gets here: the
 * server's request-input check refuses it with a 400 first.
 */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[name] = first;
  }
  return values;
}

/** The files a multipart form sent (the web layer's `onFile` gives each its name, bytes and cut-off). */
export function uploadedFiles(body: unknown): Record<string, UploadedFile> {
  const files: Record<string, UploadedFile> = {};
  if (typeof body !== 'object' || body === null) return files;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const file = value as Partial<UploadedFile> | null;
    if (file && Buffer.isBuffer(file.data) && typeof file.fileName === 'string') {
      files[name] = { fileName: file.fileName, data: file.data, truncated: file.truncated === true };
    }
  }
  return files;
}

/**
 * What a GOV.UK form shows when its answers are wrong: the error summary's list (each linking to
 * its field) and each field's own message. Only the first problem with each field is shown.
 */
export interface FormErrors {
  summary: { text: string; href: string }[];
  fields: Record<string, { text: string }>;
}

/**
 * Turns a validation error into form errors, or returns null for any other error (which the caller
 * rethrows). `fieldIds` maps a field to the id its error links to when that differs from its name.
 */
export function formErrorsFrom(error: unknown, fieldIds: Record<string, string> = {}): FormErrors | null {
  const problems: { field: string; message: string }[] = [];
  if (error instanceof ZodError) {
    for (const issue of error.issues) {
      problems.push({ field: issue.path.map(String).join('.') || 'form', message: issue.message });
    }
  } else if (error instanceof InvalidInputError) {
    problems.push({ field: error.field ?? 'form', message: error.message });
  } else {
    return null;
  }
  const errors: FormErrors = { summary: [], fields: {} };
  for (const { field, message } of problems) {
    if (errors.fields[field]) continue;
    errors.fields[field] = { text: message };
    errors.summary.push({ text: message, href: `#${fieldIds[field] ?? field}` });
  }
  return errors;
}

/** Form errors for one field. */
export function fieldError(field: string, message: string, fieldId = field): FormErrors {
  return { summary: [{ text: message, href: `#${fieldId}` }], fields: { [field]: { text: message } } };
}
