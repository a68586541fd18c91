import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { londonDateOf } from '../../../../src/domain/calendar/index.ts';

/** Independent reference: en-CA formats dates as YYYY-MM-DD; no caching. */
const referenceFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

void describe('londonDateOf', () => {
  void it('summer: 2026-06-30T23:30Z is 00:30 BST on 1 July', () => {
    assert.equal(londonDateOf('2026-06-30T23:30:00Z'), '2026-07-01');
    assert.equal(londonDateOf(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
    assert.equal(londonDateOf('2026-06-30T22:59:59.999Z'), '2026-06-30');
    assert.equal(londonDateOf('2026-06-30T23:00:00Z'), '2026-07-01');
  });

  void it('winter: 2026-12-31T23:30Z is still 31 December (GMT)', () => {
    assert.equal(londonDateOf('2026-12-31T23:30:00Z'), '2026-12-31');
    assert.equal(londonDateOf(new Date('2026-12-31T23:59:59.999Z')), '2026-12-31');
    assert.equal(londonDateOf('2027-01-01T00:00:00Z'), '2027-01-01');
  });

  void it('BST starts Sunday 29 March 2026 at 01:00 UTC', () => {
    assert.equal(londonDateOf('2026-03-28T23:30:00Z'), '2026-03-28'); // GMT, Saturday evening
    assert.equal(londonDateOf('2026-03-29T00:59:59Z'), '2026-03-29');
    assert.equal(londonDateOf('2026-03-29T01:00:00Z'), '2026-03-29'); // 02:00 BST
    assert.equal(londonDateOf('2026-03-29T22:59:59Z'), '2026-03-29');
    assert.equal(londonDateOf('2026-03-29T23:00:00Z'), '2026-03-30'); // first BST midnight
  });

  void it('BST ends Sunday 25 October 2026 at 01:00 UTC', () => {
    assert.equal(londonDateOf('2026-10-24T22:59:59Z'), '2026-10-24');
    assert.equal(londonDateOf('2026-10-24T23:00:00Z'), '2026-10-25'); // midnight BST
    assert.equal(londonDateOf('2026-10-25T00:30:00Z'), '2026-10-25'); // 01:30 BST
    assert.equal(londonDateOf('2026-10-25T01:30:00Z'), '2026-10-25'); // 01:30 GMT, the repeated hour
    assert.equal(londonDateOf('2026-10-25T23:30:00Z'), '2026-10-25'); // GMT again
    assert.equal(londonDateOf('2026-10-26T00:00:00Z'), '2026-10-26');
  });

  void it('accepts explicit offsets, including Postgres text output', () => {
    assert.equal(londonDateOf('2026-07-01T00:30:00+01:00'), '2026-07-01');
    assert.equal(londonDateOf('2026-07-01T00:30:00+0100'), '2026-07-01');
    assert.equal(londonDateOf('2026-06-30 23:30:00+00'), '2026-07-01');
    assert.equal(londonDateOf('2026-06-30T18:30:00-05:00'), '2026-07-01');
    assert.equal(londonDateOf('2026-06-30T23:30Z'), '2026-07-01');
    assert.equal(londonDateOf('2026-06-30T23:30:00.123456Z'), '2026-07-01');
  });

  void it('refuses ambiguous or invalid instants', () => {
    // No zone: Date would read these in the host's zone.
    assert.throws(() => londonDateOf('2026-06-30T23:30:00'), RangeError);
    assert.throws(() => londonDateOf('2026-06-30'), RangeError);
    // Date would silently roll these over.
    assert.throws(() => londonDateOf('2026-02-30T12:00:00Z'), RangeError);
    assert.throws(() => londonDateOf('2026-06-30T24:00:00Z'), RangeError);
    assert.throws(() => londonDateOf('not a date'), RangeError);
    assert.throws(() => londonDateOf(new Date(Number.NaN)), RangeError);
  });

  void it('agrees with Intl for random instants 1990-2099, strings and Dates alike', () => {
    const min = Date.parse('1990-01-01T00:00:00Z');
    const max = Date.parse('2099-12-31T23:59:59Z');
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        const date = new Date(ms);
        const expected = referenceFormatter.format(date);
        assert.equal(londonDateOf(date), expected);
        assert.equal(londonDateOf(date.toISOString()), expected);
      }),
      { numRuns: 3000 },
    );
  });

  void it('agrees with Intl within hours of every clock change', () => {
    // UK clocks change at 01:00 UTC on the last Sunday of March and October.
    const lastSunday = (year: number, month: number): number => {
      const last = new Date(Date.UTC(year, month + 1, 0, 1));
      return last.getTime() - last.getUTCDay() * 86_400_000;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2099 }),
        fc.constantFrom(2, 9),
        fc.integer({ min: -30 * 3_600_000, max: 30 * 3_600_000 }),
        (year, month, delta) => {
          const date = new Date(lastSunday(year, month) + delta);
          assert.equal(londonDateOf(date), referenceFormatter.format(date));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
