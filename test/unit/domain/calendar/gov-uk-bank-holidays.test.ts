import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  BankHolidayListError,
  JURISDICTIONS,
  SHIPPED_BANK_HOLIDAY_LIST,
  bankHolidayListInUse,
  bankHolidaySourceOf,
  calendarFor,
  parseBankHolidayList,
  parseBankHolidayListText,
  toGovUkFormat,
  useBankHolidayList,
  yearsCovered,
} from '../../../../src/domain/calendar/index.ts';
import type { Jurisdiction } from '../../../../src/domain/calendar/index.ts';
import { referencePublicHolidays } from './reference-calendar.ts';

const event = (date: string, title = 'A bank holiday', notes = '') => ({ title, date, notes, bunting: true });

/** A gov.uk document; each division's events default to one day in 2026. */
function document(events: Partial<Record<Jurisdiction, ReturnType<typeof event>[]>> = {}) {
  return Object.fromEntries(
    JURISDICTIONS.map((division) => [
      division,
      { division, events: events[division] ?? [event('2026-12-25', 'Christmas Day')] },
    ]),
  );
}

const shippedDates = (division: Jurisdiction) =>
  new Set(SHIPPED_BANK_HOLIDAY_LIST.divisions[division].map((e) => e.date));

void describe('the shipped gov.uk snapshot', () => {
  void it('covers 2019 to 2027 in every division', () => {
    for (const division of JURISDICTIONS) {
      assert.deepEqual(
        yearsCovered(SHIPPED_BANK_HOLIDAY_LIST, division),
        [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027],
      );
    }
  });

  void it('has the one-off holidays of 2020, 2022 and 2023 in every division, and not the days they replaced', () => {
    for (const division of JURISDICTIONS) {
      const dates = shippedDates(division);
      for (const date of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
        assert.ok(dates.has(date), `${division} ${date}`);
      }
      assert.ok(!dates.has('2020-05-04') && !dates.has('2022-05-30'), division);
    }
  });

  void it('has Scotland’s extra bank holiday on Monday 15 June 2026, in Scotland only', () => {
    assert.ok(shippedDates('scotland').has('2026-06-15'));
    assert.ok(!shippedDates('england-and-wales').has('2026-06-15'));
    assert.ok(!shippedDates('northern-ireland').has('2026-06-15'));
  });

  void it('marks substitute days the gov.uk way, and lists no weekend days', () => {
    const boxing2020 = SHIPPED_BANK_HOLIDAY_LIST.divisions['england-and-wales'].find(
      (e) => e.date === '2020-12-28',
    );
    assert.deepEqual(boxing2020, {
      title: 'Boxing Day',
      date: '2020-12-28',
      notes: 'Substitute day',
      bunting: true,
    });
    for (const division of JURISDICTIONS) {
      for (const e of SHIPPED_BANK_HOLIDAY_LIST.divisions[division]) {
        assert.ok(![0, 6].includes(new Date(`${e.date}T00:00:00Z`).getUTCDay()), `${division} ${e.date}`);
      }
    }
    const scotland = shippedDates('scotland');
    assert.ok(scotland.has('2026-01-02') && scotland.has('2026-11-30') && scotland.has('2026-08-03'));
    const ni = shippedDates('northern-ireland');
    assert.ok(ni.has('2026-03-17') && ni.has('2026-07-13'));
  });

  void it('round-trips through the gov.uk format', () => {
    assert.deepEqual(
      parseBankHolidayList(toGovUkFormat(SHIPPED_BANK_HOLIDAY_LIST)),
      SHIPPED_BANK_HOLIDAY_LIST,
    );
  });
});

void describe('parsing a gov.uk bank holiday list', () => {
  const refused = (input: unknown, message: RegExp) => {
    assert.throws(
      () => (typeof input === 'string' ? parseBankHolidayListText(input) : parseBankHolidayList(input)),
      (error: unknown) => error instanceof BankHolidayListError && message.test(error.message),
    );
  };

  void it('accepts the published format, sorting events by date and ignoring extra fields', () => {
    const doc = document({ scotland: [event('2026-12-25'), { ...event('2026-06-15'), extra: 1 } as never] });
    const list = parseBankHolidayListText(JSON.stringify({ ...doc, wales: 'ignored' }));
    assert.deepEqual(
      list.divisions.scotland.map((e) => e.date),
      ['2026-06-15', '2026-12-25'],
    );
  });

  void it('refuses what is not a list, saying what is wrong and where', () => {
    refused('{"england-and-wales": ', /^The bank holiday list is not JSON/);
    refused('<html>Service unavailable</html>', /not JSON/);
    refused([], /must be an object with the divisions england-and-wales, scotland and northern-ireland/);
    const { scotland: _, ...noScotland } = document();
    refused(noScotland, /not in the gov\.uk format: scotland is missing/);
    refused(
      document({ 'northern-ireland': [event('2026-02-30')] }),
      /northern-ireland\.events\[0\]\.date "2026-02-30" is not a real date/,
    );
    refused(
      document({ scotland: [event('15/06/2026')] }),
      /scotland\.events\[0\]\.date "15\/06\/2026" is not a real date/,
    );
    refused(document({ scotland: [] }), /scotland\.events has no events/);
    refused(document({ scotland: [event('2100-01-01')] }), /outside the supported years 1990-2099/);
    refused(
      document({ scotland: [{ date: '2026-06-15' } as never] }),
      /scotland\.events\[0\]\.title has no title/,
    );
    refused(
      { ...document(), scotland: { division: 'england-and-wales', events: [event('2026-01-01')] } },
      /scotland\.division must be "scotland"/,
    );
  });

  void it('covers the years in which a division has at least one event', () => {
    const list = parseBankHolidayList(
      document({ scotland: [event('2025-01-01'), event('2027-01-01'), event('2027-01-04')] }),
    );
    assert.deepEqual(yearsCovered(list, 'scotland'), [2025, 2027]);
    assert.deepEqual(yearsCovered(list, 'england-and-wales'), [2026]);
  });
});

void describe('the calendar with a gov.uk list in use', () => {
  afterEach(() => {
    useBankHolidayList(null);
  });

  void it('by default uses the shipped snapshot: an SPSO case received Fri 12 June 2026 is due Mon 22 June', () => {
    assert.equal(bankHolidayListInUse(), SHIPPED_BANK_HOLIDAY_LIST);
    assert.equal(calendarFor('scotland').addWorkingDays('2026-06-12', 5), '2026-06-22');
    assert.equal(calendarFor('england-and-wales').addWorkingDays('2026-06-12', 5), '2026-06-19');
    assert.equal(bankHolidaySourceOf('scotland', 2026), 'list');
    assert.equal(bankHolidaySourceOf('scotland', 2028), 'date-holidays');
  });

  void it('takes a covered year from the list alone, weekdays only, and other years from date-holidays', () => {
    useBankHolidayList(
      parseBankHolidayList(
        document({
          'england-and-wales': [
            event('2026-01-01', 'New Year’s Day'),
            event('2026-06-10', 'Proclaimed day'),
            event('2026-06-13', 'A Saturday'),
          ],
        }),
      ),
    );
    const eng = calendarFor('england-and-wales');
    assert.deepEqual(eng.bankHolidays(2026), [
      { date: '2026-01-01', name: 'New Year’s Day' },
      { date: '2026-06-10', name: 'Proclaimed day' },
    ]);
    assert.ok(eng.isWorkingDay('2026-04-03'), 'Good Friday 2026 is not in this list, so it is a working day');
    assert.ok(!eng.isWorkingDay('2026-06-10'));
    // 2025 is not covered: date-holidays' days, Good Friday included.
    const expected2025 = [...referencePublicHolidays('england-and-wales', 2025)]
      .filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))
      .sort();
    assert.deepEqual(
      eng.bankHolidays(2025).map((h) => h.date),
      expected2025,
    );
    assert.equal(bankHolidaySourceOf('england-and-wales', 2025), 'date-holidays');
    assert.equal(bankHolidaySourceOf('england-and-wales', 2026), 'list');
    // Scotland's list covers only 2026 here (Christmas Day): its 15 June is no longer a holiday.
    assert.equal(calendarFor('scotland').addWorkingDays('2026-06-12', 5), '2026-06-19');
  });

  void it('drops cached calendars, with and without closure days, when a list is installed', () => {
    const before = calendarFor('scotland');
    const withClosures = calendarFor('scotland', ['2026-06-11']);
    assert.equal(withClosures.addWorkingDays('2026-06-10', 2), '2026-06-16');
    useBankHolidayList(parseBankHolidayList(document()));
    assert.notEqual(calendarFor('scotland'), before);
    assert.equal(calendarFor('scotland', ['2026-06-11']).addWorkingDays('2026-06-10', 2), '2026-06-15');
    useBankHolidayList(null);
    assert.equal(calendarFor('scotland', ['2026-06-11']).addWorkingDays('2026-06-10', 2), '2026-06-16');
  });

  void it('for any set of days a list gives a year, the calendar’s holidays are exactly its weekdays', () => {
    const day = fc
      .integer({ min: 0, max: 364 })
      .map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 20 }), (dates) => {
        useBankHolidayList(
          parseBankHolidayList(document({ 'northern-ireland': dates.map((d) => event(d)) })),
        );
        const weekdays = [...new Set(dates)]
          .filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))
          .sort();
        const calendar = calendarFor('northern-ireland');
        assert.deepEqual(
          calendar.bankHolidays(2027).map((h) => h.date),
          weekdays,
        );
        for (const d of weekdays) assert.ok(!calendar.isWorkingDay(d));
      }),
      { numRuns: 50 },
    );
  });
});
