import { ZodError } from 'zod';
import { isIsoDate } from '../../domain/calendar/index.ts';
import { InvalidInputError } from '../errors.ts';
import type { FormValues } from './forms.ts';

/** Submitted answers (a form's, or a query string's). */
type Answers = Readonly<Record<string, string | undefined>>;

/**
 * The GOV.UK date input: three boxes named `${name}-day`, `${name}-month` and `${name}-year`, drawn by
 * the `dateInput` macro (views/partials/date-input.njk), whose error links to `${name}-day`.
 */
const DATE_PARTS = ['day', 'month', 'year'] as const;

const boxesOf = (values: Answers, name: string) =>
  DATE_PARTS.map((part) => (values[`${name}-${part}`] ?? '').trim());

/**
 * The boxes as YYYY-MM-DD when all three are numbers; otherwise the text as typed ("31-x-2026"), so
 * that the schema refuses it; undefined when all are empty (so an optional date stays absent).
 */
export function dateFromInput(values: Answers, name: string): string | undefined {
  const [day = '', month = '', year = ''] = boxesOf(values, name);
  if (!day && !month && !year) return undefined;
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) {
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return `${day}-${month}-${year}`;
}

/** A date's boxes, filled in the way people type a date (no leading zeros). */
export function dateInputValues(name: string, iso: string): FormValues {
  const [year = '', month = '', day = ''] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year,
  };
}

/** The error summary link of each date input: its day box. */
export const dateInputIds = (names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.map((name) => [name, `${name}-day`]));

// The schemas' words for a date they could not read: "Enter X", "Enter X as a date in the format
// YYYY-MM-DD", "Enter X as a real date" (isoDateInput, z.iso.date), with X what the date is.
const UNREADABLE = /^Enter (.+?)(?: as a date in the format YYYY-MM-DD| as a real date)?$/;

/**
 * A schema's message about a date input's answer, said the way the Design System asks for the boxes
 * as typed: "X must include a month" when a box is empty, "Enter X as a real date" when the date
 * does not exist. Other messages (a date out of range, say) are the schema's own.
 */
export function dateInputMessage(values: Answers, name: string, message: string): string {
  const what = UNREADABLE.exec(message)?.[1];
  if (what === undefined) return message;
  const boxes = boxesOf(values, name);
  const missing = DATE_PARTS.filter((_, i) => boxes[i] === '');
  if (missing.length === DATE_PARTS.length) return `Enter ${what}`;
  if (missing.length > 0) {
    return `${what.charAt(0).toUpperCase()}${what.slice(1)} must include a ${missing.join(' and ')}`;
  }
  const date = dateFromInput(values, name);
  return date !== undefined && isIsoDate(date) ? message : `Enter ${what} as a real date`;
}

/**
 * The error with its messages about the named date inputs reworded by `dateInputMessage`, for the
 * page to show; any other error is returned as it is.
 */
export function withDateInputMessages(error: unknown, values: Answers, names: readonly string[]): unknown {
  const reword = (field: string, message: string) =>
    names.includes(field) ? dateInputMessage(values, field, message) : message;
  if (error instanceof ZodError) {
    return new ZodError(
      error.issues.map((issue) => ({
        ...issue,
        message: reword(issue.path.map(String).join('.'), issue.message),
      })),
    );
  }
  if (error instanceof InvalidInputError && error.field !== undefined) {
    const message = reword(error.field, error.message);
    return message === error.message ? error : new InvalidInputError(message, error.field);
  }
  return error;
}
