import { ZodError } from 'zod';
import { CommandRefused } from '../../domain/complaint/refusal.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { dateInputMessage } from '../../platform/web/date-input.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import type { ActionForm, ReadForm } from './case-actions.ts';

/** The schema's words for a timestamp typed wrongly, for a form that asks only for its date. */
const TIMESTAMP_FORMAT = / as a date and time, for example .*$/;

function messageFor(
  problem: { message: string; fromSchema: boolean },
  field: string,
  form: ActionForm,
  read: ReadForm,
  isDate: boolean,
): string {
  const { message } = problem;
  const chosen = form.choiceMessages?.[field];
  if (problem.fromSchema && chosen) return chosen;
  if (message.startsWith('Invalid input')) {
    const key = Object.keys(form.missing ?? {}).find((k) => field === k || field.endsWith(`-${k}`));
    return (key && form.missing?.[key]) ?? 'Check this answer';
  }
  if (!isDate) return message;
  return dateInputMessage(read.values ?? {}, field, message.replace(TIMESTAMP_FORMAT, ' as a real date'));
}

/**
 * Turns what went wrong with a case action (the schema's issues, or the rules' refusal) into the
 * GOV.UK error summary and field messages of its form, or null for any other error. Input paths such
 * as `decisions.0.reasons` are mapped to the form's own fields; `ids` gives each field's element id.
 */
export function actionFormErrors(
  error: unknown,
  form: ActionForm,
  read: ReadForm,
  ids: Record<string, string>,
): FormErrors | null {
  const problems: { path: string | undefined; message: string; fromSchema: boolean }[] = [];
  if (error instanceof ZodError) {
    for (const issue of error.issues)
      problems.push({ path: issue.path.map(String).join('.'), message: issue.message, fromSchema: true });
  } else if (error instanceof CommandRefused || error instanceof InvalidInputError) {
    problems.push({ path: error.field, message: error.message, fromSchema: false });
  } else {
    return null;
  }
  const firstId = Object.values(ids)[0] ?? 'case-action';
  const errors: FormErrors = { summary: [], fields: {} };
  for (const problem of problems) {
    const { path } = problem;
    const mapped = path ? (read.fieldOf?.(path) ?? path.split('.')[0] ?? '') : '';
    const field = mapped in ids ? mapped : 'form';
    const message = messageFor(problem, field, form, read, ids[field] === `${field}-day`);
    const text = path && read.reword ? read.reword(path, message) : message;
    if (errors.fields[field]) continue;
    errors.fields[field] = { text };
    errors.summary.push({ text, href: `#${ids[field] ?? firstId}` });
  }
  return errors;
}
