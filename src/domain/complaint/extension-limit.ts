import type { IsoDate, WorkingDayCalendar } from '../calendar/index.ts';

/**
 * The latest response date an extension may set without a good reason: the policy's cap, counted in
 * working days from the deadline the policy first set (null when the policy sets no cap). `decide`
 * refuses any date more than `capWorkingDays` working days after `originalDue` without a good reason,
 * so this date is allowed and the next working day is not.
 */
export function latestExtensionWithoutGoodReason(
  originalDue: IsoDate,
  capWorkingDays: number | null,
  calendar: WorkingDayCalendar,
): IsoDate | null {
  return capWorkingDays === null ? null : calendar.addWorkingDays(originalDue, capWorkingDays);
}
