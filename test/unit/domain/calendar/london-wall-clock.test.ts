import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { instantOfLondon, londonDateOf, londonWallClock } from '../../../../src/domain/calendar/index.ts';

void describe('London wall-clock time', () => {
  void it('converts GMT and BST times to UTC', () => {
    assert.equal(instantOfLondon('2026-01-15', '09:15').toISOString(), '2026-01-15T09:15:00.000Z');
    assert.equal(instantOfLondon('2026-07-01', '12:00').toISOString(), '2026-07-01T11:00:00.000Z');
    assert.deepEqual(londonWallClock(new Date('2026-12-31T23:59:00Z')), {
      date: '2026-12-31',
      time: '23:59',
    });
    assert.deepEqual(londonWallClock(new Date('2026-06-30T23:30:00Z')), {
      date: '2026-07-01',
      time: '00:30',
    });
  });

  void it('moves a time in the hour skipped in spring an hour later', () => {
    assert.equal(instantOfLondon('2026-03-29', '00:30').toISOString(), '2026-03-29T00:30:00.000Z');
    assert.equal(instantOfLondon('2026-03-29', '01:30').toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(instantOfLondon('2026-03-29', '03:00').toISOString(), '2026-03-29T02:00:00.000Z');
    assert.deepEqual(londonWallClock(new Date('2026-03-29T01:30:00Z')), {
      date: '2026-03-29',
      time: '02:30',
    });
  });

  void it('takes the second (GMT) occurrence of the hour repeated in autumn', () => {
    assert.equal(instantOfLondon('2026-10-25', '00:30').toISOString(), '2026-10-24T23:30:00.000Z');
    assert.equal(instantOfLondon('2026-10-25', '01:30').toISOString(), '2026-10-25T01:30:00.000Z');
    assert.equal(instantOfLondon('2026-10-25', '02:30').toISOString(), '2026-10-25T02:30:00.000Z');
    assert.deepEqual(londonWallClock(new Date('2026-10-25T00:30:00Z')), {
      date: '2026-10-25',
      time: '01:30',
    });
    assert.deepEqual(londonWallClock(new Date('2026-10-25T01:30:00Z')), {
      date: '2026-10-25',
      time: '01:30',
    });
  });

  void it('agrees with londonDateOf, and a time read back gives the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
        const instant = new Date(Math.floor(ms / 60_000) * 60_000);
        const { date, time } = londonWallClock(instant);
        assert.equal(date, londonDateOf(instant));
        const back = instantOfLondon(date, time).getTime();
        // Only the first occurrence of the repeated autumn hour reads back an hour later.
        assert.ok(back === instant.getTime() || back === instant.getTime() + 3_600_000);
      }),
      { numRuns: 2000 },
    );
  });
});
