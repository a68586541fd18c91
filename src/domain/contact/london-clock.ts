import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';

/**
 * Staff enter the time a contact came in as London wall-clock time; it is stored in UTC. The offset
 * comes from the tz database via Intl (never a hand-written BST rule).
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant's London date (YYYY-MM-DD) and time (HH:MM). */
export function londonWallClock(instant: Date): { date: IsoDate; time: string } {
  const p: Record<string, string> = {};
  for (const part of parts.formatToParts(instant)) p[part.type] = part.value;
  return {
    date: `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''}`,
    time: `${p.hour ?? ''}:${p.minute ?? ''}`,
  };
}

/**
 * The instant at which London's clocks showed this date and time. In the hour that is skipped in
 * spring the result is an hour later (01:30 is 02:30 BST); in the repeated autumn hour it is the
 * second, GMT, occurrence (01:30 is 01:30Z, not 00:30Z): the fixed-point search settles there.
 */
export function instantOfLondon(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const shown = londonWallClock(new Date(guess));
    const [sy, sm, sd] = shown.date.split('-').map(Number) as [number, number, number];
    const [sh, smin] = shown.time.split(':').map(Number) as [number, number];
    guess += asUtc - Date.UTC(sy, sm - 1, sd, sh, smin);
  }
  return new Date(guess);
}

/** A date from the GOV.UK date input's three boxes, or null when they do not make a real date. */
export function dateFromParts(day: string, month: string, year: string): IsoDate | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) {
    return null;
  }
  const iso = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
