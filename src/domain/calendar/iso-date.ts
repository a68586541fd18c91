/**
 * Calendar dates as 'YYYY-MM-DD' strings and as epoch days (days since 1970-01-01).
 *
 * An IsoDate is a local calendar date with no time or zone: the time zone question is settled once, in
 * london-time.ts, and everything after that is plain proleptic Gregorian arithmetic. Conversions use
 * Howard Hinnant's days-from-civil algorithms rather than `Date`, so they are allocation-free and cannot
 * be skewed by the host's time zone.
 */

/** A local (Europe/London) calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** Epoch day of 0000-01-01 and 9999-12-31: the years a four-digit IsoDate can express. */
const MIN_EPOCH_DAY = -719528;
const MAX_EPOCH_DAY = 2932896;

const CHAR_0 = 48;
const CHAR_DASH = 45;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(value: string, index: number): number {
  const d = value.charCodeAt(index) - CHAR_0;
  // NaN (index past the end) fails both comparisons, so it is rejected too.
  return d >= 0 && d <= 9 ? d : -1;
}

/** Parses 'YYYY-MM-DD' into [year, month, day], or returns undefined when it is not a real date. */
function parse(value: string): [number, number, number] | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== CHAR_DASH || value.charCodeAt(7) !== CHAR_DASH) {
    return undefined;
  }
  const y0 = digit(value, 0);
  const y1 = digit(value, 1);
  const y2 = digit(value, 2);
  const y3 = digit(value, 3);
  const m0 = digit(value, 5);
  const m1 = digit(value, 6);
  const d0 = digit(value, 8);
  const d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

function parseOrThrow(value: string): [number, number, number] {
  const parts = typeof value === 'string' ? parse(value) : undefined;
  if (parts === undefined) {
    throw new RangeError(`Not a valid calendar date (expected YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return parts;
}

/** Strict: exactly 'YYYY-MM-DD', zero-padded, and a date that exists (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return typeof value === 'string' && parse(value) !== undefined;
}

/** Epoch day of a proleptic Gregorian date; the month and day must already be valid. */
export function epochDayOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function toEpochDay(date: IsoDate): number {
  const [year, month, day] = parseOrThrow(date);
  return epochDayOfCivil(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function format(year: number, month: number, day: number): IsoDate {
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} cannot be written as a YYYY-MM-DD date`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function fromEpochDay(day: number): IsoDate {
  if (!Number.isInteger(day) || day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) {
    throw new RangeError(`Epoch day ${day} is not an integer between ${MIN_EPOCH_DAY} and ${MAX_EPOCH_DAY}`);
  }
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // Months counted from March, so the leap day is the last day of the "year".
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return format(year, month, dayOfMonth);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeekOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  requireInteger(days, 'Number of days');
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar months; a day that does not exist in the target month clamps to its last day (31 Aug + 6 = 28/29 Feb). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  requireInteger(months, 'Number of months');
  const [year, month, day] = parseOrThrow(date);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  if (newYear < 0 || newYear > 9999)
    throw new RangeError(`${date} + ${months} months is outside years 0000-9999`);
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Negative when a is earlier than b, 0 when equal, positive when later (the difference in days). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toEpochDay(a) - toEpochDay(b);
}
