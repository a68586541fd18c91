import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import {
  dateFromInput,
  dateInputMessage,
  dateInputValues,
  withDateInputMessages,
} from '../../../src/platform/web/date-input.ts';
import { InvalidInputError } from '../../../src/platform/errors.ts';

const boxes = (day: string, month: string, year: string) => ({
  'd-day': day,
  'd-month': month,
  'd-year': year,
});

void describe('GOV.UK date input', () => {
  void it('reads the three boxes as YYYY-MM-DD, the text as typed, or nothing', () => {
    assert.equal(dateFromInput(boxes(' 2', '3 ', '2026'), 'd'), '2026-03-02');
    assert.equal(dateFromInput(boxes('31', '2', '2026'), 'd'), '2026-02-31');
    assert.equal(dateFromInput(boxes('1', 'x', '2026'), 'd'), '1-x-2026');
    assert.equal(dateFromInput(boxes('1', '1', '26'), 'd'), '1-1-26');
    assert.equal(dateFromInput(boxes('', '', ''), 'd'), undefined);
    assert.equal(dateFromInput({}, 'd'), undefined);
  });

  void it('fills the boxes back without leading zeros', () => {
    assert.deepEqual(dateInputValues('d', '2026-03-02'), boxes('2', '3', '2026'));
  });

  void it('words a schema’s message for the boxes as typed', () => {
    const unreadable = 'Enter the date of the closure day as a date in the format YYYY-MM-DD';
    assert.equal(dateInputMessage(boxes('', '', ''), 'd', unreadable), 'Enter the date of the closure day');
    assert.equal(
      dateInputMessage(boxes('1', '', '2026'), 'd', 'Enter the date of the closure day'),
      'The date of the closure day must include a month',
    );
    assert.equal(
      dateInputMessage(boxes('', '', '2026'), 'd', unreadable),
      'The date of the closure day must include a day and month',
    );
    assert.equal(
      dateInputMessage(boxes('31', '2', '2026'), 'd', 'Enter the date of the closure day'),
      'Enter the date of the closure day as a real date',
    );
    // A real date's other problems are the schema's own.
    const later = 'The date must be today or later';
    assert.equal(dateInputMessage(boxes('1', '2', '2026'), 'd', later), later);
  });

  void it('rewords only the date inputs’ problems, keeping the rest', () => {
    const schema = z.object({ d: z.iso.date('Enter the date'), name: z.string().min(1, 'Enter a name') });
    const values = { ...boxes('1', '', '2026'), name: '' };
    const parsed = schema.safeParse({ d: dateFromInput(values, 'd'), name: '' });
    assert.ok(!parsed.success);
    const error = withDateInputMessages(parsed.error, values, ['d']);
    assert.ok(error instanceof z.ZodError);
    assert.deepEqual(
      error.issues.map((i) => i.message),
      ['The date must include a month', 'Enter a name'],
    );
    const refused = withDateInputMessages(new InvalidInputError('Enter the date', 'd'), values, ['d']);
    assert.equal((refused as Error).message, 'The date must include a month');
    const other = new Error('boom');
    assert.equal(withDateInputMessages(other, values, ['d']), other);
  });
});
