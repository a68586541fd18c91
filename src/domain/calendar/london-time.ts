/**
 * From a stored UTC instant to the Europe/London calendar date that every working-day rule uses.
 *
 * The time zone rules come from the platform's tz database via Intl, never from a hand-written BST
 * rule. Intl formatting costs several microseconds, so the UTC offset is cached per UTC day: a day whose
 * offset is the same at its first and last millisecond cannot contain a change (London changes at most
 * twice a year), and for it the local date is plain arithmetic. Days that contain a change are resolved
 * with Intl for every instant.
 */
import { epochDayOfCivil, fromEpochDay } from './iso-date.ts';
import type { IsoDate } from './iso-date.ts';
import { parseTimestamp } from './instant.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

let formatter: Intl.DateTimeFormat | undefined;

function londonFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return formatter;
}

/** London's UTC offset in minutes at an instant, read from the tz database. */
function offsetMinutesAt(ms: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of londonFormatter().formatToParts(ms)) {
    const value = Number(part.value);
    if (part.type === 'year') year = value;
    else if (part.type === 'month') month = value;
    else if (part.type === 'day') day = value;
    else if (part.type === 'hour') hour = value;
    else if (part.type === 'minute') minute = value;
    else if (part.type === 'second') second = value;
  }
  const wallClockMs =
    epochDayOfCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return Math.round((wallClockMs - Math.floor(ms / 1000) * 1000) / MS_PER_MINUTE);
}

/** UTC epoch day -> London offset in minutes for the whole day, or NaN when the offset changes that day. */
const offsetByUtcDay = new Map<number, number>();
const OFFSET_CACHE_LIMIT = 100_000;

function offsetMinutesFor(ms: number): number {
  const utcDay = Math.floor(ms / MS_PER_DAY);
  let offset = offsetByUtcDay.get(utcDay);
  if (offset === undefined) {
    const atStart = offsetMinutesAt(utcDay * MS_PER_DAY);
    const atEnd = offsetMinutesAt((utcDay + 1) * MS_PER_DAY - 1);
    offset = atStart === atEnd ? atStart : Number.NaN;
    if (offsetByUtcDay.size >= OFFSET_CACHE_LIMIT) offsetByUtcDay.clear();
    offsetByUtcDay.set(utcDay, offset);
  }
  return Number.isNaN(offset) ? offsetMinutesAt(ms) : offset;
}

/**
 * The Europe/London calendar date of a UTC instant: a `Date`, or a timestamp string with an explicit
 * zone ('2026-06-30T23:30:00Z', '2026-07-01T00:30:00+01:00', Postgres' '2026-06-30 23:30:00+00').
 */
export function londonDateOf(instant: Date | string): IsoDate {
  const ms = typeof instant === 'string' ? parseTimestamp(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date passed to londonDateOf');
  return fromEpochDay(Math.floor((ms + offsetMinutesFor(ms) * MS_PER_MINUTE) / MS_PER_DAY));
}

/** An instant's London date (YYYY-MM-DD) and time on the 24-hour clock (HH:MM). */
export function londonWallClock(instant: Date): { date: IsoDate; time: string } {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date passed to londonWallClock');
  const wallClock = ms + offsetMinutesFor(ms) * MS_PER_MINUTE;
  const minutes = Math.floor((wallClock - Math.floor(wallClock / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: fromEpochDay(Math.floor(wallClock / MS_PER_DAY)),
    time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
  };
}

/**
 * The instant at which London's clocks showed this date and time (HH:MM). The offset is read at the
 * time taken as UTC and then again where that points: in the hour skipped in spring the result is an
 * hour later (01:30 is 02:30 BST), and in the hour repeated in autumn it is the second, GMT, one
 * (01:30 is 01:30Z, not 00:30Z).
 */
export function instantOfLondon(date: IsoDate, time: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  const wallClock = epochDayOfCivil(y, m, d) * MS_PER_DAY + (h * 60 + min) * MS_PER_MINUTE;
  const firstGuess = wallClock - offsetMinutesFor(wallClock) * MS_PER_MINUTE;
  return new Date(wallClock - offsetMinutesFor(firstGuess) * MS_PER_MINUTE);
}
