import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FIRST_SUPPORTED_DATE,
  LAST_SUPPORTED_DATE,
  calendarFor,
  londonDateOf,
  toEpochDay,
} from '../../../../src/domain/calendar/index.ts';
import type { Jurisdiction } from '../../../../src/domain/calendar/index.ts';

/** The k-th working day after `from`, for k = 1..max. */
function sequence(jurisdiction: Jurisdiction, from: string, max: number, closures: string[] = []): string[] {
  const calendar = calendarFor(jurisdiction, closures);
  return Array.from({ length: max }, (_, i) => calendar.addWorkingDays(from, i + 1));
}

void describe('Christmas and New Year 2026/27, received Wednesday 23 December 2026', () => {
  // Worked by hand. Off in England, Wales and NI: Fri 25 Dec, Sat 26, Sun 27, Mon 28 (Boxing Day substitute),
  // Fri 1 Jan, Sat 2, Sun 3. Scotland also has Mon 4 Jan (substitute for 2 January, a Saturday).
  const englandFirst20 = [
    '2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', // 1-5
    '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-11', // 6-10
    '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15', '2027-01-18', // 11-15
    '2027-01-19', '2027-01-20', '2027-01-21', '2027-01-22', '2027-01-25', // 16-20
  ]; // prettier-ignore
  const scotlandFirst20 = [
    '2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-05', // 1-5
    '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-11', '2027-01-12', // 6-10
    '2027-01-13', '2027-01-14', '2027-01-15', '2027-01-18', '2027-01-19', // 11-15
    '2027-01-20', '2027-01-21', '2027-01-22', '2027-01-25', '2027-01-26', // 16-20
  ]; // prettier-ignore

  void it('England and Wales: +5 is Mon 4 Jan, +10 is Mon 11 Jan, +20 is Mon 25 Jan', () => {
    const eng = calendarFor('england-and-wales');
    assert.deepEqual(sequence('england-and-wales', '2026-12-23', 20), englandFirst20);
    assert.equal(eng.addWorkingDays('2026-12-23', 5), '2027-01-04');
    assert.equal(eng.addWorkingDays('2026-12-23', 10), '2027-01-11');
    assert.equal(eng.addWorkingDays('2026-12-23', 20), '2027-01-25');
  });

  void it('Scotland: +5 is Tue 5 Jan, +10 is Tue 12 Jan, +20 is Tue 26 Jan', () => {
    const sct = calendarFor('scotland');
    assert.deepEqual(sequence('scotland', '2026-12-23', 20), scotlandFirst20);
    assert.equal(sct.addWorkingDays('2026-12-23', 5), '2027-01-05');
    assert.equal(sct.addWorkingDays('2026-12-23', 10), '2027-01-12');
    assert.equal(sct.addWorkingDays('2026-12-23', 20), '2027-01-26');
  });

  void it('Northern Ireland matches England over this period (no 2 January holiday)', () => {
    assert.deepEqual(sequence('northern-ireland', '2026-12-23', 20), englandFirst20);
  });

  void it('the days off are not working days, and counting back agrees', () => {
    const eng = calendarFor('england-and-wales');
    const sct = calendarFor('scotland');
    for (const d of ['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2027-01-01', '2027-01-02']) {
      assert.equal(eng.isWorkingDay(d), false, d);
      assert.equal(sct.isWorkingDay(d), false, d);
    }
    assert.equal(eng.isWorkingDay('2027-01-04'), true);
    assert.equal(sct.isWorkingDay('2027-01-04'), false);
    assert.equal(eng.workingDaysBetween('2026-12-23', '2027-01-04'), 5);
    assert.equal(sct.workingDaysBetween('2026-12-23', '2027-01-05'), 5);
    assert.equal(eng.workingDaysBetween('2027-01-04', '2026-12-23'), -5);
    assert.equal(eng.addWorkingDays('2027-01-04', -5), '2026-12-23');
    assert.equal(sct.addWorkingDays('2027-01-05', -5), '2026-12-23');
  });
});

void describe('"within N working days": day 0 is the receipt date', () => {
  const eng = calendarFor('england-and-wales');

  void it('N = 0 is the receipt date itself, even at a weekend', () => {
    assert.equal(eng.addWorkingDays('2026-06-13', 0), '2026-06-13');
  });

  void it('received Saturday 13 June 2026, N = 1: Monday 15 June', () => {
    assert.equal(eng.addWorkingDays('2026-06-13', 1), '2026-06-15');
  });

  void it('received Friday 12 June 2026, N = 1: Monday 15 June', () => {
    assert.equal(eng.addWorkingDays('2026-06-12', 1), '2026-06-15');
  });

  void it('received Sunday, N = 1: Monday', () => {
    assert.equal(eng.addWorkingDays('2026-06-14', 1), '2026-06-15');
  });

  void it('jurisdictions differ over August bank holidays', () => {
    // Scotland's summer bank holiday is the first Monday in August, England's the last.
    assert.equal(calendarFor('england-and-wales').addWorkingDays('2026-07-31', 1), '2026-08-03');
    assert.equal(calendarFor('scotland').addWorkingDays('2026-07-31', 1), '2026-08-04');
    assert.equal(calendarFor('england-and-wales').addWorkingDays('2026-08-28', 1), '2026-09-01');
    assert.equal(calendarFor('scotland').addWorkingDays('2026-08-28', 1), '2026-08-31');
  });

  void it('Northern Ireland: Friday 10 July 2026 + 1 skips the Boyne substitute on Monday 13 July', () => {
    assert.equal(calendarFor('northern-ireland').addWorkingDays('2026-07-10', 1), '2026-07-14');
    assert.equal(calendarFor('england-and-wales').addWorkingDays('2026-07-10', 1), '2026-07-13');
  });

  void it('the receipt date is the London date: 2026-06-30T23:30Z is day 0 = Wed 1 July', () => {
    const day0 = londonDateOf('2026-06-30T23:30:00Z');
    assert.equal(day0, '2026-07-01');
    assert.equal(eng.addWorkingDays(day0, 0), '2026-07-01');
    assert.equal(eng.addWorkingDays(day0, 1), '2026-07-02');
    // Friday 23:30 UTC in summer is already Saturday in London: the deadline moves a whole working day.
    assert.equal(eng.addWorkingDays(londonDateOf('2026-06-12T23:30:00Z'), 1), '2026-06-15');
    assert.equal(eng.addWorkingDays(londonDateOf('2026-06-12T22:59:59Z'), 1), '2026-06-15');
    assert.equal(eng.addWorkingDays(londonDateOf('2026-06-11T23:00:00Z'), 1), '2026-06-15');
    assert.equal(eng.addWorkingDays(londonDateOf('2026-06-11T22:59:59Z'), 1), '2026-06-12');
  });
});

void describe('landlord closure days', () => {
  void it('a closure on Thu 24 Dec 2026 pushes 23 Dec + 5 from 4 Jan to 5 Jan in England', () => {
    const closed = calendarFor('england-and-wales', ['2026-12-24']);
    assert.equal(closed.isWorkingDay('2026-12-24'), false);
    assert.deepEqual(sequence('england-and-wales', '2026-12-23', 5, ['2026-12-24']), [
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
    ]);
    assert.equal(closed.workingDaysBetween('2026-12-23', '2027-01-05'), 5);
    // The plain jurisdiction calendar is unaffected.
    assert.equal(calendarFor('england-and-wales').addWorkingDays('2026-12-23', 5), '2027-01-04');
  });

  void it('closures on weekends and bank holidays change nothing', () => {
    const closed = calendarFor('england-and-wales', ['2026-12-26', '2026-12-28', '2027-01-01']);
    assert.deepEqual(
      sequence('england-and-wales', '2026-12-23', 20, ['2026-12-26', '2026-12-28', '2027-01-01']),
      [...sequence('england-and-wales', '2026-12-23', 20)],
    );
    // (1 Dec, 31 Dec]: 22 weekdays less 25 and 28 Dec = 20; January: 21 weekdays less 1 Jan = 20; Mon 1 Feb.
    assert.equal(closed.workingDaysBetween('2026-12-01', '2027-02-01'), 41);
    assert.equal(calendarFor('england-and-wales').workingDaysBetween('2026-12-01', '2027-02-01'), 41);
  });

  void it('closure days are validated, deduplicated, sorted and frozen; calendars are cached', () => {
    const a = calendarFor('scotland', ['2026-12-31', '2026-12-24', '2026-12-31']);
    assert.deepEqual(a.closureDays, ['2026-12-24', '2026-12-31']);
    assert.ok(Object.isFrozen(a.closureDays));
    assert.ok(Object.isFrozen(a));
    assert.equal(calendarFor('scotland', ['2026-12-24', '2026-12-31']), a);
    assert.equal(calendarFor('scotland'), calendarFor('scotland', []));
    assert.notEqual(calendarFor('scotland'), a);
    assert.throws(() => calendarFor('scotland', ['2026-13-01']), RangeError);
    assert.throws(() => calendarFor('scotland', ['24/12/2026']), RangeError);
    assert.throws(() => calendarFor('scotland', ['2100-01-04']), /outside the supported calendar range/);
  });
});

void describe('range and argument errors', () => {
  const eng = calendarFor('england-and-wales');

  void it('the supported range is 1990-01-01..2099-12-31, both ends included', () => {
    assert.equal(FIRST_SUPPORTED_DATE, '1990-01-01');
    assert.equal(LAST_SUPPORTED_DATE, '2099-12-31');
    assert.equal(eng.isWorkingDay('1990-01-01'), false); // New Year's Day, a Monday
    assert.equal(eng.isWorkingDay('1990-01-02'), true);
    assert.equal(eng.isWorkingDay('2099-12-31'), true); // a Thursday
    assert.equal(eng.workingDaysBetween('1990-01-01', '2099-12-31') > 27_000, true);
  });

  void it('dates outside the range throw RangeError with a clear message', () => {
    const message = /Date 1989-12-31 is outside the supported calendar range 1990-01-01\.\.2099-12-31/;
    assert.throws(() => eng.isWorkingDay('1989-12-31'), message);
    assert.throws(() => eng.isWorkingDay('2100-01-01'), RangeError);
    assert.throws(() => eng.addWorkingDays('2100-01-01', 0), RangeError);
    assert.throws(() => eng.workingDaysBetween('2026-01-01', '2100-01-01'), RangeError);
    assert.throws(() => eng.isWorkingEpochDay(toEpochDay('2100-01-01')), RangeError);
    assert.throws(() => eng.workingEpochDaysBetween(-1e9, 0), /epoch day -1000000000/);
  });

  void it('results outside the range throw RangeError', () => {
    assert.equal(eng.addWorkingDays('2099-12-30', 1), '2099-12-31');
    assert.throws(() => eng.addWorkingDays('2099-12-30', 2), /2099-12-30 \+ 2 working days falls outside/);
    assert.equal(eng.addWorkingDays('1990-01-03', -1), '1990-01-02');
    assert.throws(() => eng.addWorkingDays('1990-01-03', -2), /1990-01-03 - 2 working days falls outside/);
  });

  void it('malformed dates and non-integer counts are refused', () => {
    assert.throws(() => eng.isWorkingDay('2026-02-29'), RangeError);
    assert.throws(() => eng.isWorkingDay('2026-6-1'), RangeError);
    assert.throws(() => eng.addWorkingDays('2026-06-01', 1.5), /must be an integer/);
    assert.throws(() => eng.addWorkingDays('2026-06-01', Number.NaN), /must be an integer/);
    assert.throws(() => eng.isWorkingEpochDay(20_000.5), RangeError);
    assert.throws(() => eng.bankHolidays(1989), RangeError);
    assert.throws(() => eng.bankHolidays(2100), RangeError);
    assert.throws(() => eng.bankHolidays(2026.5), RangeError);
  });

  void it('an unknown jurisdiction is a TypeError', () => {
    assert.throws(() => calendarFor('wales' as Jurisdiction), TypeError);
  });
});
