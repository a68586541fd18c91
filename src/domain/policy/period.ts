import {
  addCalendarDays,
  addCalendarMonths,
  type IsoDate,
  type WorkingDayCalendar,
} from '../calendar/index.ts';
import type { Period } from './policy-schema.ts';

/** The last day of a period that starts on `from` (day 0), in the period's own unit. */
export function addPeriod(calendar: WorkingDayCalendar, from: IsoDate, period: Period): IsoDate {
  switch (period.unit) {
    case 'working-days':
      return calendar.addWorkingDays(from, period.value);
    case 'calendar-days':
      return addCalendarDays(from, period.value);
    case 'months':
      return addCalendarMonths(from, period.value);
  }
}

export function describePeriod(period: Period): string {
  const unit = { 'working-days': 'working day', 'calendar-days': 'calendar day', months: 'month' }[
    period.unit
  ];
  return `${period.value} ${unit}${period.value === 1 ? '' : 's'}`;
}
