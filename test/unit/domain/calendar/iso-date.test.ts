import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addCalendarDays,
  addCalendarMonths,
  compareIsoDates,
  fromEpochDay,
  isIsoDate,
  toEpochDay,
} from '../../../../src/domain/calendar/index.ts';

const MS_PER_DAY = 86_400_000;

/** Reference conversion through Date (setUTCFullYear, because Date.UTC maps years 0-99 to 1900-1999). */
function referenceIso(epochDay: number): string {
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  return `${String(year).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

// 0000-01-01 .. 9999-12-31
const epochDayArb = fc.integer({ min: -719528, max: 2932896 });

void describe('isIsoDate', () => {
  void it('accepts real, zero-padded dates', () => {
    for (const d of ['2026-01-01', '2024-02-29', '2000-02-29', '1990-12-31', '0000-01-01', '9999-12-31']) {
      assert.equal(isIsoDate(d), true, d);
    }
  });

  void it('rejects everything else', () => {
    for (const d of [
      '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32',
      '2026-1-01', '2026-01-1', '26-01-01', '2026/01/01', '2026-01-01T00:00:00Z', ' 2026-01-01', '2026-01-01 ',
      '', '2026-0a-01', '+02026-01-01', '２０２６-01-01',
    ]) {
      assert.equal(isIsoDate(d), false, JSON.stringify(d));
    }
  }); // prettier-ignore

  void it('agrees with Date round-tripping for any string of the right shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d);
          const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          assert.equal(isIsoDate(value), real, value);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

void describe('epoch days', () => {
  void it('known values', () => {
    assert.equal(toEpochDay('1970-01-01'), 0);
    assert.equal(toEpochDay('1969-12-31'), -1);
    assert.equal(toEpochDay('1990-01-01'), 7305);
    assert.equal(toEpochDay('2000-03-01'), 11017);
    assert.equal(fromEpochDay(20_000), '2024-10-04');
    assert.equal(fromEpochDay(-719528), '0000-01-01');
    assert.equal(fromEpochDay(2932896), '9999-12-31');
  });

  void it('fromEpochDay matches Date and round-trips through toEpochDay', () => {
    fc.assert(
      fc.property(epochDayArb, (day) => {
        const iso = fromEpochDay(day);
        assert.equal(iso, referenceIso(day));
        assert.equal(toEpochDay(iso), day);
      }),
      { numRuns: 5000 },
    );
  });

  void it('refuses invalid input', () => {
    assert.throws(() => toEpochDay('2026-02-30'), /Not a valid calendar date/);
    assert.throws(() => fromEpochDay(1.5), RangeError);
    assert.throws(() => fromEpochDay(Number.NaN), RangeError);
    assert.throws(() => fromEpochDay(2932897), RangeError);
    assert.throws(() => fromEpochDay(-719529), RangeError);
  });
});

void describe('calendar arithmetic', () => {
  void it('addCalendarDays matches Date arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5000, max: 5000 }), (day, n) => {
        assert.equal(addCalendarDays(referenceIso(day), n), referenceIso(day + n));
      }),
      { numRuns: 2000 },
    );
    assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addCalendarDays('2024-03-01', -1), '2024-02-29');
    assert.throws(() => addCalendarDays('2026-01-01', 0.5), RangeError);
  });

  void it('addCalendarMonths clamps to the end of the month', () => {
    assert.equal(addCalendarMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addCalendarMonths('2027-08-31', 6), '2028-02-29');
    assert.equal(addCalendarMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addCalendarMonths('2026-03-31', 1), '2026-04-30');
    assert.equal(addCalendarMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addCalendarMonths('2026-01-15', -13), '2024-12-15');
    assert.equal(addCalendarMonths('2026-11-30', 2), '2027-01-30');
    assert.equal(addCalendarMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addCalendarMonths('2026-05-10', 0), '2026-05-10');
    assert.throws(() => addCalendarMonths('9999-12-01', 1), RangeError);
    assert.throws(() => addCalendarMonths('2026-01-01', 1.5), RangeError);
  });

  void it('addCalendarMonths: month moves by exactly n and the day clamps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 7000, max: 48_000 }), fc.integer({ min: -240, max: 240 }), (day, n) => {
        const from = referenceIso(day);
        const to = addCalendarMonths(from, n);
        const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
        const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
        assert.equal(ty * 12 + tm - (fy * 12 + fm), n);
        const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
        assert.equal(td, Math.min(fd, lastDay));
      }),
      { numRuns: 2000 },
    );
  });

  void it('compareIsoDates orders dates', () => {
    assert.ok(compareIsoDates('2026-01-01', '2026-01-02') < 0);
    assert.ok(compareIsoDates('2027-01-01', '2026-12-31') > 0);
    assert.equal(compareIsoDates('2026-06-15', '2026-06-15'), 0);
    assert.deepEqual(['2027-01-01', '2026-12-31', '2026-02-01'].sort(compareIsoDates), [
      '2026-02-01',
      '2026-12-31',
      '2027-01-01',
    ]);
    assert.throws(() => compareIsoDates('2026-01-01', 'tomorrow'), RangeError);
  });
});
