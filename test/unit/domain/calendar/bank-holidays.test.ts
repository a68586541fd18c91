import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JURISDICTIONS, calendarFor } from '../../../../src/domain/calendar/index.ts';
import type { Jurisdiction } from '../../../../src/domain/calendar/index.ts';
import {
  PROCLAIMED_SINCE_LIBRARY,
  referenceDayOfWeek,
  referencePublicHolidays,
} from './reference-calendar.ts';

function datesOf(jurisdiction: Jurisdiction, year: number): string[] {
  return calendarFor(jurisdiction)
    .bankHolidays(year)
    .map((h) => h.date);
}

function nameOn(jurisdiction: Jurisdiction, date: string): string | undefined {
  return calendarFor(jurisdiction)
    .bankHolidays(Number(date.slice(0, 4)))
    .find((h) => h.date === date)?.name;
}

const isWeekend = (date: string): boolean => [0, 6].includes(referenceDayOfWeek(date));

void describe('bank holiday lists, 2024-2030', () => {
  void it('are exactly the weekday public holidays date-holidays reports, plus those proclaimed since', () => {
    for (const jurisdiction of JURISDICTIONS) {
      for (let year = 2024; year <= 2030; year++) {
        const proclaimed = PROCLAIMED_SINCE_LIBRARY[jurisdiction].filter((d) => d.startsWith(`${year}-`));
        const expected = [...referencePublicHolidays(jurisdiction, year), ...proclaimed]
          .filter((d) => !isWeekend(d))
          .sort();
        assert.deepEqual(datesOf(jurisdiction, year), expected, `${jurisdiction} ${year}`);
      }
    }
  });

  void it('exclude the weekend originals that date-holidays also lists', () => {
    // 26 Dec 2026 is a Saturday: date-holidays lists it and its substitute, Monday 28 Dec.
    for (const jurisdiction of JURISDICTIONS) {
      assert.ok(referencePublicHolidays(jurisdiction, 2026).has('2026-12-26'));
      assert.ok(!datesOf(jurisdiction, 2026).includes('2026-12-26'));
      assert.ok(
        datesOf(jurisdiction, 2026).includes('2026-12-28'),
        `${jurisdiction}: 28 Dec 2026 substitute`,
      );
    }
    assert.ok(referencePublicHolidays('scotland', 2027).has('2027-01-02'));
    assert.ok(!datesOf('scotland', 2027).includes('2027-01-02'));
    assert.ok(referencePublicHolidays('northern-ireland', 2026).has('2026-07-12'));
    assert.ok(!datesOf('northern-ireland', 2026).includes('2026-07-12'));
  });

  void it('are sorted, unique, weekdays only, with names, and frozen', () => {
    for (const jurisdiction of JURISDICTIONS) {
      for (let year = 2024; year <= 2030; year++) {
        const list = calendarFor(jurisdiction).bankHolidays(year);
        const dates = list.map((h) => h.date);
        assert.deepEqual(dates, [...new Set(dates)].sort());
        assert.ok(dates.every((d) => d.startsWith(`${year}-`) && !isWeekend(d)));
        assert.ok(list.every((h) => h.name.length > 0));
        assert.ok(Object.isFrozen(list));
      }
    }
  });

  void it('England and Wales 2026 and 2027, in full', () => {
    assert.deepEqual(datesOf('england-and-wales', 2026), [
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04',
      '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]); // prettier-ignore
    assert.deepEqual(datesOf('england-and-wales', 2027), [
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03',
      '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ]); // prettier-ignore
  });

  void it('Scotland: 2 January, first Monday in August, St Andrew’s Day, no Easter Monday', () => {
    assert.deepEqual(datesOf('scotland', 2026), [
      '2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-06-15',
      '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28',
    ]); // prettier-ignore
    assert.equal(nameOn('scotland', '2026-06-15'), 'Extra bank holiday');
    // gov.uk's title; date-holidays calls it 'January 2nd (substitute day)'.
    assert.equal(nameOn('scotland', '2027-01-04'), '2nd January (substitute day)');
    assert.equal(nameOn('scotland', '2026-11-30'), 'St Andrew’s Day'); // a Monday
    assert.equal(nameOn('scotland', '2025-12-01'), 'St Andrew’s Day (substitute day)'); // 30 Nov 2025 is a Sunday
    assert.equal(nameOn('scotland', '2024-12-02'), 'St Andrew’s Day (substitute day)'); // 30 Nov 2024 is a Saturday
    assert.deepEqual(datesOf('scotland', 2028).slice(0, 2), ['2028-01-03', '2028-01-04']); // Sat 1 + Sun 2 Jan
    for (let year = 2024; year <= 2030; year++) {
      assert.ok(
        !calendarFor('scotland')
          .bankHolidays(year)
          .some((h) => h.name.includes('Easter Monday')),
      );
    }
    assert.equal(nameOn('england-and-wales', '2026-04-06'), 'Easter Monday');
    assert.equal(nameOn('scotland', '2026-04-06'), undefined);
  });

  void it('Northern Ireland: St Patrick’s Day and the Battle of the Boyne, with substitutes', () => {
    assert.equal(nameOn('northern-ireland', '2026-03-17'), 'St Patrick’s Day');
    assert.equal(
      nameOn('northern-ireland', '2026-07-13'),
      'Battle of the Boyne (Orangemen’s Day) (substitute day)',
    );
    assert.equal(nameOn('northern-ireland', '2024-03-18'), 'St Patrick’s Day (substitute day)'); // 17th a Sunday
    assert.equal(nameOn('northern-ireland', '2029-03-19'), 'St Patrick’s Day (substitute day)'); // 17th a Saturday
    assert.equal(
      nameOn('northern-ireland', '2025-07-14'),
      'Battle of the Boyne (Orangemen’s Day) (substitute day)',
    ); // 12th a Saturday
    assert.equal(nameOn('northern-ireland', '2027-07-12'), 'Battle of the Boyne (Orangemen’s Day)');
    assert.equal(nameOn('england-and-wales', '2026-03-17'), undefined);
    assert.equal(datesOf('northern-ireland', 2026).length, 10);
  });

  void it('rejects years outside 1990-2099', () => {
    assert.throws(() => calendarFor('scotland').bankHolidays(1989), /Year 1989 is outside/);
    assert.throws(() => calendarFor('scotland').bankHolidays(2100), RangeError);
  });
});

void describe('one-off bank holidays', () => {
  void it('from date-holidays: 2020 VE day, 2022 jubilee and funeral, 2023 coronation, in every jurisdiction', () => {
    for (const jurisdiction of JURISDICTIONS) {
      const all = [2020, 2022, 2023].flatMap((year) => datesOf(jurisdiction, year));
      for (const date of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
        assert.ok(all.includes(date), `${jurisdiction} ${date}`);
      }
      assert.ok(!all.includes('2020-05-04') && !all.includes('2022-05-30'), jurisdiction);
    }
  });

  void it('corrections for proclamations date-holidays misses (1995, 1999, 2002, 2011, 2012)', () => {
    for (const jurisdiction of JURISDICTIONS) {
      const has = (date: string): boolean => datesOf(jurisdiction, Number(date.slice(0, 4))).includes(date);
      for (const date of [
        '1995-05-08',
        '1999-12-31',
        '2002-06-03',
        '2002-06-04',
        '2011-04-29',
        '2012-06-04',
      ]) {
        assert.ok(has(date), `${jurisdiction} ${date} should be a bank holiday`);
      }
      for (const date of ['1995-05-01', '2002-05-27', '2012-05-28']) {
        assert.ok(!has(date), `${jurisdiction} ${date} was moved and is not a bank holiday`);
      }
      assert.ok(has('2012-06-05'), `${jurisdiction} Diamond Jubilee`);
    }
    // Guard the corrections: they exist because date-holidays gets these years wrong.
    assert.ok(referencePublicHolidays('england-and-wales', 2012).has('2012-05-28'));
    assert.ok(!referencePublicHolidays('england-and-wales', 2012).has('2012-06-04'));
  });
});
