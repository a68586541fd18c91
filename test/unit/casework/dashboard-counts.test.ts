import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countQuery, DASHBOARD_COUNTS } from '../../../src/modules/casework/dashboard.use-case.ts';
import { listComplaintsQuerySchema } from '../../../src/modules/complaints/list-complaints.use-case.ts';

void describe('the dashboard’s counts', () => {
  void it('link to the case list with exactly the filter each counts, in its order', () => {
    for (const { key, filter, sort: order } of DASHBOARD_COUNTS) {
      const query = listComplaintsQuerySchema.parse(
        Object.fromEntries(new URLSearchParams(countQuery(filter, order))),
      );
      const { sort, limit, ...filters } = query;
      assert.deepEqual([sort, limit], [order, 50], key);
      assert.deepEqual(filters, filter, key);
    }
  });

  void it('say each filter as the list’s query string; what is awaited opens oldest first', () => {
    assert.deepEqual(
      DASHBOARD_COUNTS.map((c) => countQuery(c.filter, c.sort)),
      [
        'awaiting=true&sort=oldest',
        'dueThisWeek=true&sort=deadline',
        'extended=true&sort=deadline',
        'deadlineStatus=overdue&sort=deadline',
        'actionsOverdue=true&sort=oldest',
      ],
    );
  });
});
