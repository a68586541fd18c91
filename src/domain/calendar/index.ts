/**
 * UK working-day calendars. Timestamps are stored in UTC; every date rule works on the Europe/London
 * calendar date (`londonDateOf`), and "within N working days of X" is `addWorkingDays(londonDateOf(X), N)`.
 */
export type { IsoDate } from './iso-date.ts';
export {
  addCalendarDays,
  addCalendarMonths,
  compareIsoDates,
  fromEpochDay,
  isIsoDate,
  toEpochDay,
} from './iso-date.ts';
export { instantOfLondon, londonDateOf, londonWallClock } from './london-time.ts';
export { INSTANT_INPUT_PATTERN, isInstantInput, parseInstant } from './instant.ts';
export type { BankHoliday, Jurisdiction } from './bank-holidays.ts';
export { FIRST_SUPPORTED_DATE, JURISDICTIONS, LAST_SUPPORTED_DATE, isJurisdiction } from './bank-holidays.ts';
export type { WorkingDayCalendar } from './working-day-calendar.ts';
export { calendarFor, useBankHolidayList } from './working-day-calendar.ts';
export type { BankHolidayEvent, BankHolidayList } from './gov-uk-bank-holidays.ts';
export {
  BankHolidayListError,
  parseBankHolidayList,
  parseBankHolidayListText,
  toGovUkFormat,
  yearsCovered,
} from './gov-uk-bank-holidays.ts';
export { SHIPPED_BANK_HOLIDAY_LIST, bankHolidayListInUse, bankHolidaySourceOf } from './bank-holidays.ts';
export { dateInWords, dateTimeInWords, dayInWords, londonDateInWords } from './dates-in-words.ts';
