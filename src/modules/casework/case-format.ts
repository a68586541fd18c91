import { dateInWords, dateTimeInWords } from '../../domain/calendar/dates-in-words.ts';

/** Dates and times as staff read them: "23 December 2026", "23 December 2026 at 10:30am" (London). */

/** A calendar date (YYYY-MM-DD), or nothing. */
export function formatDate(isoDate: string | null | undefined): string {
  return isoDate ? dateInWords(isoDate) : '';
}

/** An instant, in London time, or nothing. */
export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dateTimeInWords(instant) : '';
}

/** "being investigated at stage 1" → "Being investigated at stage 1". */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "phone" → "Phone", "in-person" → "In person". */
export function codeInWords(code: string): string {
  return sentence(code.replace(/-/g, ' '));
}

export function pounds(pence: number | undefined): string {
  return pence === undefined ? '' : `£${(pence / 100).toFixed(2)}`;
}
