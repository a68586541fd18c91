/**
 * A deliberately naive working-day calendar for checking the real one: day-by-day loops over JS Dates,
 * with holidays asked of date-holidays directly, plus the one-off holidays proclaimed since date-holidays
 * 3.37.0 was published (which PutRight takes from the gov.uk list). It shares no code with
 * src/domain/calendar.
 */
import Holidays from 'date-holidays';
import type { Jurisdiction } from '../../../../src/domain/calendar/index.ts';

const REGION: Record<Jurisdiction, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const MS_PER_DAY = 86_400_000;

/** Proclaimed after date-holidays 3.37.0: Scotland's extra bank holiday (Royal Proclamation, 4 Feb 2026). */
export const PROCLAIMED_SINCE_LIBRARY: Readonly<Record<Jurisdiction, readonly string[]>> = {
  'england-and-wales': [],
  scotland: ['2026-06-15'],
  'northern-ireland': [],
};
const sources = new Map<Jurisdiction, Holidays>();
const holidayDates = new Map<string, Set<string>>();

/** All 'public' dates date-holidays lists for the year, weekend originals included (weekends are off anyway). */
export function referencePublicHolidays(jurisdiction: Jurisdiction, year: number): Set<string> {
  const key = `${jurisdiction}:${year}`;
  let dates = holidayDates.get(key);
  if (dates === undefined) {
    let source = sources.get(jurisdiction);
    if (source === undefined) {
      source = new Holidays('GB', REGION[jurisdiction]);
      sources.set(jurisdiction, source);
    }
    dates = new Set(
      source
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayDates.set(key, dates);
  }
  return dates;
}

export function referenceAddDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function referenceDayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export class ReferenceCalendar {
  private readonly closures: ReadonlySet<string>;

  constructor(
    private readonly jurisdiction: Jurisdiction,
    closureDays: readonly string[] = [],
  ) {
    this.closures = new Set(closureDays);
  }

  isWorkingDay(date: string): boolean {
    const dow = referenceDayOfWeek(date);
    if (dow === 0 || dow === 6) return false;
    if (this.closures.has(date)) return false;
    if (PROCLAIMED_SINCE_LIBRARY[this.jurisdiction].includes(date)) return false;
    return !referencePublicHolidays(this.jurisdiction, Number(date.slice(0, 4))).has(date);
  }

  addWorkingDays(date: string, n: number): string {
    const step = n >= 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      current = referenceAddDays(current, step);
      if (this.isWorkingDay(current)) remaining--;
    }
    return current;
  }

  workingDaysBetween(from: string, to: string): number {
    // `0 - x` rather than `-x`: strict assertions tell -0 from 0.
    if (to < from) return 0 - this.workingDaysBetween(to, from);
    let count = 0;
    for (let d = referenceAddDays(from, 1); d <= to; d = referenceAddDays(d, 1)) {
      if (this.isWorkingDay(d)) count++;
    }
    return count;
  }
}
