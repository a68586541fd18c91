import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, type IsoDate } from '../../../src/domain/calendar/index.ts';
import { endOfWeek } from '../../../src/modules/complaints/list-complaints.use-case.ts';

const weekday = (date: IsoDate) => new Date(`${date}T00:00:00Z`).getUTCDay();

void describe('"this week" for the dashboard', () => {
  void it('ends on the Sunday of the working week, or of the week ahead at a weekend', () => {
    const cases: [IsoDate, IsoDate][] = [
      ['2026-11-16', '2026-11-22'], // Monday
      ['2026-11-20', '2026-11-22'], // Friday
      ['2026-11-21', '2026-11-29'], // Saturday: the week ahead
      ['2026-11-22', '2026-11-29'], // Sunday: the week ahead
      ['2026-12-28', '2027-01-03'], // across a year end
    ];
    for (const [today, end] of cases) assert.equal(endOfWeek(today), end, today);
  });

  void it('is always a Sunday: this week’s on a weekday, the next week’s at a weekend', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 50 }), (offset) => {
        const today = addCalendarDays('2000-01-01', offset);
        const end = endOfWeek(today);
        assert.equal(weekday(end), 0);
        const gap = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
        const atWeekend = weekday(today) === 0 || weekday(today) === 6;
        assert.ok(atWeekend ? gap >= 7 && gap <= 8 : gap >= 2 && gap <= 6, `${today} → ${end}`);
      }),
    );
  });
});
