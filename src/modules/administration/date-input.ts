import { isIsoDate, type IsoDate } from '../../domain/calendar/index.ts';
import { formErrorsFrom, type FormErrors, type FormValues } from '../../platform/web/forms.ts';
import { InvalidInputError } from '../../platform/errors.ts';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The three boxes of a GOV.UK date input, with the answers kept and the wrong boxes marked. */
export function dateInputItems(form: FormValues, name: string, hasError: boolean) {
  return (['day', 'month', 'year'] as const).map((part) => ({
    name: part,
    label: capitalise(part),
    value: form[`${name}-${part}`] ?? '',
    classes: `govuk-input--width-${part === 'year' ? '4' : '2'}${hasError ? ' govuk-input--error' : ''}`,
  }));
}

/**
 * Reads a GOV.UK date input (`name-day`, `name-month`, `name-year`) as an ISO date, or throws
 * InvalidInputError (for the field `name`) with the Design System's wording. Pages link the error to
 * the day box: `formErrorsFrom(error, { [name]: `${name}-day` })`.
 */
export function readDateInput(form: FormValues, name: string, what: string): IsoDate {
  const parts = (['day', 'month', 'year'] as const).map((p) => (form[`${name}-${p}`] ?? '').trim());
  const [day = '', month = '', year = ''] = parts;
  const field = name;
  if (parts.every((p) => p === '')) throw new InvalidInputError(`Enter ${what}`, field);
  const missing = (['day', 'month', 'year'] as const).filter((_, i) => parts[i] === '');
  if (missing.length > 0)
    throw new InvalidInputError(`${capitalise(what)} must include a ${missing.join(' and ')}`, field);
  if (!parts.every((p) => /^\d+$/.test(p)) || year.length !== 4) {
    throw new InvalidInputError(`${capitalise(what)} must be a real date`, field);
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isIsoDate(iso)) throw new InvalidInputError(`${capitalise(what)} must be a real date`, field);
  return iso;
}

/**
 * Runs a form's use case with a date read from a date input, so that a wrong date and wrong
 * other answers are all reported together: when the date cannot be read the use case still checks
 * the rest (with an empty date it refuses, so nothing is saved), and the date's own message wins.
 */
export async function withDateInput<T>(
  form: FormValues,
  name: string,
  what: string,
  work: (date: IsoDate) => Promise<T>,
): Promise<T> {
  let date: IsoDate = ''; // an empty date: the use case refuses it, and checks the rest
  let dateError: InvalidInputError | null = null;
  try {
    date = readDateInput(form, name, what);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    dateError = error;
  }
  try {
    const result = await work(date);
    if (dateError) throw dateError;
    return result;
  } catch (error) {
    if (!dateError || error === dateError) throw error;
    throw new FormProblems(dateError, error);
  }
}

/** A date's problem together with the use case's problems with the other answers. */
export class FormProblems extends Error {
  constructor(
    readonly dateError: InvalidInputError,
    readonly rest: unknown,
  ) {
    super(dateError.message);
    this.name = 'FormProblems';
  }
}

/** Form errors for a form run through `withDateInput`; null for errors that are not about the answers. */
export function dateFormErrors(error: unknown, name: string): FormErrors | null {
  const ids = { [name]: `${name}-day` };
  if (!(error instanceof FormProblems)) return formErrorsFrom(error, ids);
  const dateErrors = formErrorsFrom(error.dateError, ids);
  const rest = formErrorsFrom(error.rest, ids);
  if (!rest) throw error.rest;
  if (!dateErrors) return rest;
  const fields = { ...rest.fields, ...dateErrors.fields };
  // In the form's order: the date's message takes the place of the use case's message for it.
  const dateEntry = dateErrors.summary[0];
  const inPlace = rest.summary.map((s) => (dateEntry && s.href === dateEntry.href ? dateEntry : s));
  const summary = !dateEntry || inPlace.includes(dateEntry) ? inPlace : [dateEntry, ...inPlace];
  return { fields, summary };
}
