/** Dates and times as staff read them: "23 December 2026", "23 December 2026 at 10:30am" (London). */

const DATE = new Intl.DateTimeFormat('en-GB', {
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

/** A calendar date (YYYY-MM-DD), which has no time zone. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  return DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant, in London time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const at = new Date(instant);
  return `${LONDON_DATE.format(at)} at ${LONDON_TIME.format(at).replace(' ', '').toLowerCase()}`;
}

/** "phone" → "Phone", "in-person" → "In person". */
export function codeInWords(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function pounds(pence: number | undefined): string {
  return pence === undefined ? '' : `£${(pence / 100).toFixed(2)}`;
}
