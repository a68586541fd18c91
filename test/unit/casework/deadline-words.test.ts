import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarFor, type IsoDate, type Jurisdiction } from '../../../src/domain/calendar/index.ts';
import { deadlineInWords } from '../../../src/modules/casework/deadline-words.ts';
import { dateInWords } from '../../../src/domain/calendar/dates-in-words.ts';

/** As the pages call it: working days from today to the due date in the case's calendar. */
function words(
  today: IsoDate,
  due: IsoDate,
  jurisdiction: Jurisdiction = 'england-and-wales',
  closures: IsoDate[] = [],
) {
  return deadlineInWords(today, due, calendarFor(jurisdiction, closures).workingDaysBetween(today, due));
}

void describe('a deadline’s status in working days', () => {
  void it('says when a deadline is due today, soon, or later, counting working days only', () => {
    assert.deepEqual(words('2026-12-23', '2026-12-23'), { text: 'Due today', urgency: 'due-soon' });
    assert.deepEqual(words('2026-12-23', '2026-12-24'), {
      text: 'Due in 1 working day',
      urgency: 'due-soon',
    });
    // Christmas Day (Friday) and Boxing Day's substitute (Monday 28th) are not working days.
    assert.deepEqual(words('2026-12-23', '2026-12-29'), {
      text: 'Due in 2 working days',
      urgency: 'due-soon',
    });
    assert.deepEqual(words('2026-12-23', '2026-12-30'), {
      text: 'Due in 3 working days',
      urgency: 'on-track',
    });
  });

  void it('says by how many working days a deadline is overdue', () => {
    assert.deepEqual(words('2026-12-29', '2026-12-24'), {
      text: 'Overdue by 1 working day',
      urgency: 'overdue',
    });
    assert.deepEqual(words('2026-12-31', '2026-12-23'), {
      text: 'Overdue by 4 working days',
      urgency: 'overdue',
    });
  });

  void it('calls a deadline missed on Friday overdue on Saturday, before a working day is lost', () => {
    assert.deepEqual(words('2026-12-19', '2026-12-18'), { text: 'Overdue', urgency: 'overdue' });
  });

  void it('uses the landlord’s closure days and the jurisdiction’s bank holidays', () => {
    assert.equal(
      words('2026-12-23', '2026-12-29', 'england-and-wales', ['2026-12-24']).text,
      'Due in 1 working day',
    );
    // 2 January is a bank holiday in Scotland only.
    assert.equal(words('2025-12-31', '2026-01-05').text, 'Due in 2 working days');
    assert.equal(words('2025-12-31', '2026-01-05', 'scotland').text, 'Due in 1 working day');
  });

  void it('does not call a later date "today" when no working day comes before it', () => {
    assert.deepEqual(words('2026-12-19', '2026-12-20'), {
      text: 'Due before the next working day',
      urgency: 'due-soon',
    });
  });
});

void describe('dates in words', () => {
  void it('writes a date as staff read it', () => {
    assert.equal(dateInWords('2026-12-23'), '23 December 2026');
    assert.equal(dateInWords('2027-01-05'), '5 January 2027');
  });
});
