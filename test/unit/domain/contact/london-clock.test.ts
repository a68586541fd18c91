import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dateFromParts,
  instantOfLondon,
  londonWallClock,
} from '../../../../src/domain/contact/london-clock.ts';

void describe('London wall-clock time', () => {
  void it('converts GMT and BST times to UTC', () => {
    assert.equal(instantOfLondon('2026-01-15', '09:15').toISOString(), '2026-01-15T09:15:00.000Z');
    assert.equal(instantOfLondon('2026-07-01', '12:00').toISOString(), '2026-07-01T11:00:00.000Z');
  });

  void it('moves a time in the hour skipped in spring an hour later', () => {
    assert.equal(instantOfLondon('2026-03-29', '01:30').toISOString(), '2026-03-29T01:30:00.000Z');
    assert.deepEqual(londonWallClock(new Date('2026-03-29T01:30:00Z')), {
      date: '2026-03-29',
      time: '02:30',
    });
  });

  void it('takes the second (GMT) occurrence of the hour repeated in autumn', () => {
    assert.equal(instantOfLondon('2026-10-25', '00:30').toISOString(), '2026-10-24T23:30:00.000Z');
    assert.equal(instantOfLondon('2026-10-25', '01:30').toISOString(), '2026-10-25T01:30:00.000Z');
    assert.equal(instantOfLondon('2026-10-25', '02:30').toISOString(), '2026-10-25T02:30:00.000Z');
  });

  void it('reads a date from the three boxes only when it is real', () => {
    assert.equal(dateFromParts('2', '3', '2026'), '2026-03-02');
    assert.equal(dateFromParts('31', '2', '2026'), null);
    assert.equal(dateFromParts('1', '1', '26'), null);
  });
});
