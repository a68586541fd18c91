import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JURISDICTIONS, calendarFor, toEpochDay } from '../../../../src/domain/calendar/index.ts';
import { ReferenceCalendar, referenceAddDays } from './reference-calendar.ts';

const FROM = '2020-01-01';
const TO = '2035-12-31';
const SPAN_DAYS = Math.round((Date.parse(`${TO}T00:00:00Z`) - Date.parse(`${FROM}T00:00:00Z`)) / 86_400_000);

// Dates are drawn as offsets so the reference (JS Date arithmetic) does the conversion, not the code under test.
const dateArb = fc.integer({ min: 0, max: SPAN_DAYS }).map((offset) => referenceAddDays(FROM, offset));
const jurisdictionArb = fc.constantFrom(...JURISDICTIONS);
/** Closure days clustered around the query date (so they matter), plus a few anywhere in range. */
const scenarioArb = fc
  .record({
    jurisdiction: jurisdictionArb,
    date: dateArb,
    nearby: fc.array(fc.integer({ min: -90, max: 90 }), { maxLength: 12 }),
    anywhere: fc.array(dateArb, { maxLength: 3 }),
  })
  .map(({ jurisdiction, date, nearby, anywhere }) => ({
    jurisdiction,
    date,
    closures: [...nearby.map((offset) => referenceAddDays(date, offset)), ...anywhere].filter(
      (d) => d >= FROM && d <= TO,
    ),
  }));
const nArb = fc.integer({ min: -60, max: 60 });
const RUNS = { numRuns: 300 };

void describe('working-day calendar agrees with a day-by-day reference (2020-2035)', () => {
  void it('isWorkingDay, exhaustively for every day and jurisdiction without closures', () => {
    for (const jurisdiction of JURISDICTIONS) {
      const calendar = calendarFor(jurisdiction);
      const reference = new ReferenceCalendar(jurisdiction);
      for (let d = FROM; d <= TO; d = referenceAddDays(d, 1)) {
        assert.equal(calendar.isWorkingDay(d), reference.isWorkingDay(d), `${jurisdiction} ${d}`);
      }
    }
  });

  void it('isWorkingDay with closure days', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: -90, max: 90 }),
        ({ jurisdiction, date, closures }, shift) => {
          const probe = referenceAddDays(date, shift);
          fc.pre(probe >= FROM && probe <= TO);
          const calendar = calendarFor(jurisdiction, closures);
          const reference = new ReferenceCalendar(jurisdiction, closures);
          assert.equal(calendar.isWorkingDay(probe), reference.isWorkingDay(probe));
        },
      ),
      RUNS,
    );
  });

  void it('addWorkingDays', () => {
    fc.assert(
      fc.property(scenarioArb, nArb, ({ jurisdiction, date, closures }, n) => {
        const calendar = calendarFor(jurisdiction, closures);
        const reference = new ReferenceCalendar(jurisdiction, closures);
        assert.equal(calendar.addWorkingDays(date, n), reference.addWorkingDays(date, n));
      }),
      RUNS,
    );
  });

  void it('workingDaysBetween', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: -120, max: 120 }),
        ({ jurisdiction, date, closures }, span) => {
          const to = referenceAddDays(date, span);
          fc.pre(to >= FROM && to <= TO);
          const calendar = calendarFor(jurisdiction, closures);
          const reference = new ReferenceCalendar(jurisdiction, closures);
          assert.equal(calendar.workingDaysBetween(date, to), reference.workingDaysBetween(date, to));
        },
      ),
      RUNS,
    );
  });
});

void describe('working-day calendar invariants', () => {
  void it('workingDaysBetween(d, addWorkingDays(d, n)) === n for n >= 0, and for n < 0 when d is a working day', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: -400, max: 400 }), ({ jurisdiction, date, closures }, n) => {
        const calendar = calendarFor(jurisdiction, closures);
        const result = calendar.addWorkingDays(date, n);
        const between = calendar.workingDaysBetween(date, result);
        if (n >= 0 || calendar.isWorkingDay(date)) assert.equal(between, n);
        // Going back from a non-working day, the start itself is not counted: one fewer day back.
        else assert.equal(between, n + 1);
      }),
      RUNS,
    );
  });

  void it('a non-zero shift lands on a working day on the right side of the start', () => {
    fc.assert(
      fc.property(scenarioArb, nArb, ({ jurisdiction, date, closures }, n) => {
        fc.pre(n !== 0);
        const calendar = calendarFor(jurisdiction, closures);
        const result = calendar.addWorkingDays(date, n);
        assert.ok(calendar.isWorkingDay(result), `${result} should be a working day`);
        assert.ok(n > 0 ? result > date : result < date);
      }),
      RUNS,
    );
  });

  void it('is monotonic in both the date and n', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: 30 }),
        nArb,
        nArb,
        ({ jurisdiction, date, closures }, later, n1, n2) => {
          const calendar = calendarFor(jurisdiction, closures);
          const date2 = referenceAddDays(date, later);
          assert.ok(calendar.addWorkingDays(date, n1) <= calendar.addWorkingDays(date2, n1));
          if (n1 < n2) assert.ok(calendar.addWorkingDays(date, n1) < calendar.addWorkingDays(date, n2));
          assert.ok(calendar.workingDaysBetween(date, date2) >= 0);
          assert.equal(
            calendar.workingDaysBetween(date, date2),
            0 - calendar.workingDaysBetween(date2, date),
          );
        },
      ),
      RUNS,
    );
  });

  void it('epoch-day variants agree with the IsoDate API', () => {
    fc.assert(
      fc.property(scenarioArb, nArb, dateArb, ({ jurisdiction, date, closures }, n, other) => {
        const calendar = calendarFor(jurisdiction, closures);
        const day = toEpochDay(date);
        assert.equal(calendar.isWorkingEpochDay(day), calendar.isWorkingDay(date));
        assert.equal(calendar.addWorkingEpochDays(day, n), toEpochDay(calendar.addWorkingDays(date, n)));
        assert.equal(
          calendar.workingEpochDaysBetween(day, toEpochDay(other)),
          calendar.workingDaysBetween(date, other),
        );
      }),
      RUNS,
    );
  });

  void it('closure days are a set: order and repetition do not matter', () => {
    fc.assert(
      fc.property(scenarioArb, ({ jurisdiction, closures }) => {
        const shuffled = [...closures].reverse().concat(closures.slice(0, 2));
        const a = calendarFor(jurisdiction, closures);
        const b = calendarFor(jurisdiction, shuffled);
        assert.equal(a, b);
        assert.deepEqual(a.closureDays, [...new Set(closures)].sort());
      }),
      { numRuns: 100 },
    );
  });
});
