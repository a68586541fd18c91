/**
 * Dates and times as staff read them (GOV.UK style): "23 December 2026", "Wednesday 23 December
 * 2026", "23 December 2026 at 10:30am". Calendar dates (YYYY-MM-DD) have no time zone; instants are
 * shown in London time, the time every date rule works in.
 */

const CALENDAR_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const CALENDAR_DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

const noon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

/** A calendar date: "23 December 2026". */
export function dateInWords(isoDate: string): string {
  return CALENDAR_DATE.format(noon(isoDate));
}

/** A calendar date with its weekday: "Wednesday 23 December 2026". */
export function dayInWords(isoDate: string): string {
  return CALENDAR_DAY.format(noon(isoDate)).replace(',', '');
}

/** The London date of an instant: "23 December 2026". */
export function londonDateInWords(instant: Date | string): string {
  return LONDON_DATE.format(new Date(instant));
}

/** An instant in London time: "23 December 2026 at 10:30am". */
export function dateTimeInWords(instant: Date | string): string {
  const time = LONDON_TIME.format(new Date(instant)).replace(' ', '').toLowerCase();
  return `${londonDateInWords(instant)} at ${time}`;
}
