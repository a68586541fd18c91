/**
 * Observed bank holidays per UK jurisdiction: from the gov.uk list for the years it covers, and from
 * date-holidays for the others.
 *
 * The list in use starts as the snapshot shipped with PutRight (gov-uk-bank-holidays.json) and is
 * replaced with `installBankHolidayList` when a newer one is imported; the working-day calendars
 * rebuild from it (see `useBankHolidayList` in working-day-calendar.ts, which callers use).
 *
 * date-holidays also returns observances (Mother's Day, Easter Sunday) and, for a holiday that falls on
 * a weekend, both the weekend original and its weekday substitute. Only 'public' days that fall Monday
 * to Friday are days off, so that is all we keep; the same goes for the list's events.
 */
import Holidays from 'date-holidays';
import shippedList from './gov-uk-bank-holidays.json' with { type: 'json' };
import {
  eventName,
  parseBankHolidayList,
  yearsCovered,
  type BankHolidayList,
} from './gov-uk-bank-holidays.ts';
import { dayOfWeekOfEpochDay, isIsoDate, toEpochDay } from './iso-date.ts';
import type { IsoDate } from './iso-date.ts';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, type Jurisdiction } from './jurisdiction.ts';

export type { Jurisdiction } from './jurisdiction.ts';
export { FIRST_SUPPORTED_YEAR, JURISDICTIONS, LAST_SUPPORTED_YEAR, isJurisdiction } from './jurisdiction.ts';

export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

/** date-holidays' GB subdivision codes. Wales shares England's bank holidays. */
const REGION: Readonly<Record<Jurisdiction, string>> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

export const FIRST_SUPPORTED_DATE: IsoDate = `${FIRST_SUPPORTED_YEAR}-01-01`;
export const LAST_SUPPORTED_DATE: IsoDate = `${LAST_SUPPORTED_YEAR}-12-31`;

/**
 * UK-wide changes proclaimed before 2013 that date-holidays 3.37.0 gets wrong. Removing a date it does
 * not list is a no-op and additions are deduplicated, so an upstream fix cannot double-count a day.
 */
const CORRECTIONS: readonly { readonly remove?: IsoDate; readonly add?: BankHoliday }[] = [
  // 50th anniversary of VE Day: the early May bank holiday moved to Monday 8 May.
  { remove: '1995-05-01', add: { date: '1995-05-08', name: 'Early May bank holiday (VE day)' } },
  { add: { date: '1999-12-31', name: 'Millennium celebrations' } },
  // Golden Jubilee: the spring bank holiday moved to Tuesday 4 June, with Monday 3 June added.
  { remove: '2002-05-27', add: { date: '2002-06-03', name: 'Queen’s Golden Jubilee' } },
  { add: { date: '2002-06-04', name: 'Spring bank holiday' } },
  { add: { date: '2011-04-29', name: 'Royal wedding' } },
  // Diamond Jubilee: the spring bank holiday moved to Monday 4 June (date-holidays has the 5 June extra day).
  { remove: '2012-05-28', add: { date: '2012-06-04', name: 'Spring bank holiday' } },
];

function isWeekday(date: IsoDate): boolean {
  const dow = dayOfWeekOfEpochDay(toEpochDay(date));
  return dow !== 0 && dow !== 6;
}

/** The snapshot of the gov.uk list shipped with PutRight (see gov-uk-bank-holidays.md). */
export const SHIPPED_BANK_HOLIDAY_LIST: BankHolidayList = parseBankHolidayList(shippedList);

let listInUse: BankHolidayList = SHIPPED_BANK_HOLIDAY_LIST;

/** The gov.uk list the calendars use for the years it covers. */
export function bankHolidayListInUse(): BankHolidayList {
  return listInUse;
}

/** Where a year's bank holidays come from: the gov.uk list when it covers the year, else date-holidays. */
export function bankHolidaySourceOf(jurisdiction: Jurisdiction, year: number): 'list' | 'date-holidays' {
  return yearsCovered(listInUse, jurisdiction).includes(year) ? 'list' : 'date-holidays';
}

const holidaysByJurisdiction = new Map<Jurisdiction, readonly BankHoliday[]>();
const byYearCache = new Map<string, readonly BankHoliday[]>();

/**
 * Makes `list` (or, given null, the shipped snapshot) the list in use and forgets every holiday list
 * built from the previous one. Calendars cache tables built from these lists: call
 * `useBankHolidayList` (working-day-calendar.ts), which clears those too.
 */
export function installBankHolidayList(list: BankHolidayList | null): void {
  listInUse = list ?? SHIPPED_BANK_HOLIDAY_LIST;
  holidaysByJurisdiction.clear();
  byYearCache.clear();
}

const fromLibraryByJurisdiction = new Map<Jurisdiction, ReadonlyMap<IsoDate, string>>();

/** date-holidays' observed weekday holidays over the supported range, corrected; built once. */
function fromLibrary(jurisdiction: Jurisdiction): ReadonlyMap<IsoDate, string> {
  let holidays = fromLibraryByJurisdiction.get(jurisdiction);
  if (holidays === undefined) {
    holidays = extractFromLibrary(jurisdiction);
    fromLibraryByJurisdiction.set(jurisdiction, holidays);
  }
  return holidays;
}

function extractFromLibrary(jurisdiction: Jurisdiction): ReadonlyMap<IsoDate, string> {
  const source = new Holidays('GB', REGION[jurisdiction]);
  const names = new Map<IsoDate, string[]>();
  const add = (date: IsoDate, name: string): void => {
    const existing = names.get(date);
    if (existing === undefined) names.set(date, [name]);
    else if (!existing.includes(name)) existing.push(name);
  };
  for (let year = FIRST_SUPPORTED_YEAR; year <= LAST_SUPPORTED_YEAR; year++) {
    for (const holiday of source.getHolidays(year, 'en')) {
      // `date` is the local date and time, 'YYYY-MM-DD hh:mm:ss'.
      const date = holiday.date.slice(0, 10);
      if (holiday.type !== 'public' || !isIsoDate(date) || !isWeekday(date)) continue;
      add(date, holiday.name);
    }
  }
  for (const { remove, add: addition } of CORRECTIONS) {
    if (remove !== undefined) names.delete(remove);
    if (addition !== undefined) add(addition.date, addition.name);
  }
  return new Map([...names].map(([date, dayNames]) => [date, dayNames.join(' / ')]));
}

/** The list's years for the jurisdiction, and date-holidays' for the rest. */
function extract(jurisdiction: Jurisdiction): readonly BankHoliday[] {
  const covered = new Set(yearsCovered(listInUse, jurisdiction));
  const names = new Map<IsoDate, string[]>();
  for (const [date, name] of fromLibrary(jurisdiction)) {
    if (!covered.has(Number(date.slice(0, 4)))) names.set(date, [name]);
  }
  for (const event of listInUse.divisions[jurisdiction]) {
    if (!isWeekday(event.date)) continue;
    const existing = names.get(event.date);
    const name = eventName(event);
    if (existing === undefined) names.set(event.date, [name]);
    else if (!existing.includes(name)) existing.push(name);
  }
  const first = toEpochDay(FIRST_SUPPORTED_DATE);
  const last = toEpochDay(LAST_SUPPORTED_DATE);
  const list: BankHoliday[] = [];
  for (const [date, dayNames] of names) {
    const day = toEpochDay(date);
    if (day >= first && day <= last) list.push(Object.freeze({ date, name: dayNames.join(' / ') }));
  }
  // Same-length ISO dates sort correctly as strings.
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return Object.freeze(list);
}

/** Every observed bank holiday of the jurisdiction in the supported range, sorted. Built once, then cached. */
export function allBankHolidays(jurisdiction: Jurisdiction): readonly BankHoliday[] {
  let list = holidaysByJurisdiction.get(jurisdiction);
  if (list === undefined) {
    list = extract(jurisdiction);
    holidaysByJurisdiction.set(jurisdiction, list);
  }
  return list;
}

/** Observed bank holidays of one year (weekdays only), sorted by date. */
export function bankHolidaysIn(jurisdiction: Jurisdiction, year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `Year ${year} is outside the supported calendar range ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}`,
    );
  }
  const key = `${jurisdiction}:${year}`;
  let list = byYearCache.get(key);
  if (list === undefined) {
    const prefix = `${year}-`;
    list = Object.freeze(allBankHolidays(jurisdiction).filter((h) => h.date.startsWith(prefix)));
    byYearCache.set(key, list);
  }
  return list;
}

/** Epoch days of every observed bank holiday, for building working-day tables. */
export function bankHolidayEpochDays(jurisdiction: Jurisdiction): number[] {
  return allBankHolidays(jurisdiction).map((h) => toEpochDay(h.date));
}
