/**
 * Working-day calendars: Monday to Friday, minus the jurisdiction's bank holidays, minus the landlord's
 * closure days.
 *
 * Deadlines are computed for whole caseloads, so each calendar precomputes tables over the supported
 * range once and answers every query in O(1), with no day-by-day loops:
 * - `working[i]`: 1 when day FIRST_DAY + i is a working day;
 * - `cumulative[i]`: working days in FIRST_DAY ..= FIRST_DAY + i, so a count over (from, to] is a
 *   difference of two entries;
 * - `nth[k]`: epoch day of the k-th (0-based) working day, so "n working days after d" is one lookup.
 */
import {
  FIRST_SUPPORTED_DATE,
  JURISDICTIONS,
  LAST_SUPPORTED_DATE,
  bankHolidayEpochDays,
  bankHolidaysIn,
  installBankHolidayList,
  isJurisdiction,
} from './bank-holidays.ts';
import type { BankHolidayList } from './gov-uk-bank-holidays.ts';
import type { BankHoliday, Jurisdiction } from './bank-holidays.ts';
import { dayOfWeekOfEpochDay, fromEpochDay, isIsoDate, toEpochDay } from './iso-date.ts';
import type { IsoDate } from './iso-date.ts';

export interface WorkingDayCalendar {
  readonly jurisdiction: Jurisdiction;
  /** The landlord's closure days: validated, deduplicated and sorted. */
  readonly closureDays: readonly IsoDate[];
  isWorkingDay(date: IsoDate): boolean;
  /**
   * n >= 0: the date n working days after `date` (n = 0 returns `date` itself, working or not).
   * n < 0: the |n|-th working day strictly before `date`.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Number of working days d with from < d <= to (negative when to < from: minus the count with to < d <= from). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Observed bank holidays of the jurisdiction in `year` (weekdays only; closure days not included), sorted. */
  bankHolidays(year: number): readonly BankHoliday[];
  /** Epoch-day (days since 1970-01-01) variants of the above, for hot loops. */
  isWorkingEpochDay(day: number): boolean;
  addWorkingEpochDays(day: number, n: number): number;
  workingEpochDaysBetween(from: number, to: number): number;
}

const FIRST_DAY = toEpochDay(FIRST_SUPPORTED_DATE);
const LAST_DAY = toEpochDay(LAST_SUPPORTED_DATE);
const DAY_COUNT = LAST_DAY - FIRST_DAY + 1;
const RANGE_TEXT = `${FIRST_SUPPORTED_DATE}..${LAST_SUPPORTED_DATE}`;

function describeDay(day: number): string {
  try {
    return fromEpochDay(day);
  } catch {
    return `epoch day ${day}`;
  }
}

function outOfRange(day: number): RangeError {
  return new RangeError(`Date ${describeDay(day)} is outside the supported calendar range ${RANGE_TEXT}`);
}

/** Table index of an epoch day; throws for non-integers and days outside the supported range. */
function indexOf(day: number): number {
  const i = day - FIRST_DAY;
  if (!(i >= 0 && i < DAY_COUNT) || !Number.isInteger(i)) throw outOfRange(day);
  return i;
}

interface Tables {
  readonly working: Uint8Array;
  readonly cumulative: Int32Array;
  readonly nth: Int32Array;
}

function tablesFrom(working: Uint8Array): Tables {
  const cumulative = new Int32Array(DAY_COUNT);
  let count = 0;
  for (let i = 0; i < DAY_COUNT; i++) {
    count += working[i] ?? 0;
    cumulative[i] = count;
  }
  const nth = new Int32Array(count);
  for (let i = 0, k = 0; i < DAY_COUNT; i++) {
    if (working[i] === 1) nth[k++] = FIRST_DAY + i;
  }
  return { working, cumulative, nth };
}

const flagsByJurisdiction = new Map<Jurisdiction, Uint8Array>();

/** Weekdays that are not bank holidays of the jurisdiction; computed once, never mutated. */
function jurisdictionWorkingFlags(jurisdiction: Jurisdiction): Uint8Array {
  let working = flagsByJurisdiction.get(jurisdiction);
  if (working === undefined) {
    working = new Uint8Array(DAY_COUNT);
    for (let i = 0; i < DAY_COUNT; i++) {
      const dow = dayOfWeekOfEpochDay(FIRST_DAY + i);
      working[i] = dow === 0 || dow === 6 ? 0 : 1;
    }
    for (const day of bankHolidayEpochDays(jurisdiction)) working[indexOf(day)] = 0;
    flagsByJurisdiction.set(jurisdiction, working);
  }
  return working;
}

function createCalendar(
  jurisdiction: Jurisdiction,
  closureDays: readonly IsoDate[],
  tables: Tables,
): WorkingDayCalendar {
  const { working, cumulative, nth } = tables;

  const isWorkingEpochDay = (day: number): boolean => working[indexOf(day)] === 1;

  const addWorkingEpochDays = (day: number, n: number): number => {
    const i = indexOf(day);
    if (!Number.isSafeInteger(n)) throw new RangeError(`Number of working days must be an integer, got ${n}`);
    if (n === 0) return day;
    // Working days up to and including `day`, then step along the list of working days.
    const upToDay = cumulative[i] ?? 0;
    const k = n > 0 ? upToDay + n - 1 : upToDay - (working[i] ?? 0) + n;
    const result = k >= 0 && k < nth.length ? nth[k] : undefined;
    if (result === undefined) {
      throw new RangeError(
        `${describeDay(day)} ${n > 0 ? '+' : '-'} ${Math.abs(n)} working days falls outside the supported calendar range ${RANGE_TEXT}`,
      );
    }
    return result;
  };

  const workingEpochDaysBetween = (from: number, to: number): number => {
    const i = indexOf(from);
    const j = indexOf(to);
    return (cumulative[j] ?? 0) - (cumulative[i] ?? 0);
  };

  return Object.freeze({
    jurisdiction,
    closureDays,
    isWorkingDay: (date: IsoDate) => isWorkingEpochDay(toEpochDay(date)),
    addWorkingDays: (date: IsoDate, n: number) => fromEpochDay(addWorkingEpochDays(toEpochDay(date), n)),
    workingDaysBetween: (from: IsoDate, to: IsoDate) =>
      workingEpochDaysBetween(toEpochDay(from), toEpochDay(to)),
    bankHolidays: (year: number) => bankHolidaysIn(jurisdiction, year),
    isWorkingEpochDay,
    addWorkingEpochDays,
    workingEpochDaysBetween,
  });
}

const NO_CLOSURES: readonly IsoDate[] = Object.freeze([]);

/**
 * Builds a calendar's tables without caching them. Prefer `calendarFor`; this exists so the build can be
 * timed. `closureDays` must already be valid, deduplicated and sorted.
 */
export function buildWorkingDayCalendar(
  jurisdiction: Jurisdiction,
  closureDays: readonly IsoDate[] = NO_CLOSURES,
): WorkingDayCalendar {
  const working = jurisdictionWorkingFlags(jurisdiction).slice();
  for (const date of closureDays) working[indexOf(toEpochDay(date))] = 0;
  return createCalendar(jurisdiction, closureDays, tablesFrom(working));
}

const baseCalendars = new Map<Jurisdiction, WorkingDayCalendar>();

function baseCalendar(jurisdiction: Jurisdiction): WorkingDayCalendar {
  let calendar = baseCalendars.get(jurisdiction);
  if (calendar === undefined) {
    calendar = buildWorkingDayCalendar(jurisdiction);
    baseCalendars.set(jurisdiction, calendar);
  }
  return calendar;
}

/**
 * Calendars with closure days are cached too, but boundedly (each holds ~300 KB of tables); the least
 * recently used is dropped first. Rebuilding one from the jurisdiction's cached flags takes under 1 ms.
 */
const closureCalendars = new Map<string, WorkingDayCalendar>();
const CLOSURE_CACHE_LIMIT = 64;

function normaliseClosureDays(closureDays: readonly IsoDate[]): readonly IsoDate[] {
  for (const date of closureDays) {
    if (!isIsoDate(date)) throw new RangeError(`Closure day is not a valid date: ${JSON.stringify(date)}`);
    if (date < FIRST_SUPPORTED_DATE || date > LAST_SUPPORTED_DATE) {
      throw new RangeError(`Closure day ${date} is outside the supported calendar range ${RANGE_TEXT}`);
    }
  }
  return Object.freeze([...new Set(closureDays)].sort());
}

/**
 * The working-day calendar of a jurisdiction plus a landlord's closure days. Built on first use and
 * cached per (jurisdiction, closure days); the order and repetition of closure days do not matter.
 */
export function calendarFor(
  jurisdiction: Jurisdiction,
  closureDays: readonly IsoDate[] = NO_CLOSURES,
): WorkingDayCalendar {
  if (!isJurisdiction(jurisdiction)) {
    throw new TypeError(
      `Unknown jurisdiction ${JSON.stringify(jurisdiction)}; expected one of ${JURISDICTIONS.join(', ')}`,
    );
  }
  if (closureDays.length === 0) return baseCalendar(jurisdiction);
  const closures = normaliseClosureDays(closureDays);
  const key = `${jurisdiction}|${closures.join(',')}`;
  let calendar = closureCalendars.get(key);
  if (calendar === undefined) {
    calendar = buildWorkingDayCalendar(jurisdiction, closures);
    if (closureCalendars.size >= CLOSURE_CACHE_LIMIT) {
      const oldest = closureCalendars.keys().next();
      if (oldest.done !== true) closureCalendars.delete(oldest.value);
    }
  } else {
    // Re-insert so the Map's insertion order tracks recency.
    closureCalendars.delete(key);
  }
  closureCalendars.set(key, calendar);
  return calendar;
}

/**
 * Makes `list` the gov.uk bank holiday list for the years it covers (null: the shipped snapshot), and
 * drops every cached calendar so that the next `calendarFor` builds from it. Calendars already handed
 * out keep the days they were built with.
 */
export function useBankHolidayList(list: BankHolidayList | null): void {
  installBankHolidayList(list);
  flagsByJurisdiction.clear();
  baseCalendars.clear();
  closureCalendars.clear();
}
