import type { IsoDate } from '../../domain/calendar/index.ts';

const LONG = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const WITH_WEEKDAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "23 December 2026" (GOV.UK style). */
export function dateInWords(date: IsoDate): string {
  return LONG.format(new Date(`${date}T12:00:00Z`));
}

/** "Wednesday 23 December 2026". */
export function dayInWords(date: IsoDate): string {
  return WITH_WEEKDAY.format(new Date(`${date}T12:00:00Z`)).replace(',', '');
}
