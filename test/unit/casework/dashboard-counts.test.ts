import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countQuery, DASHBOARD_COUNTS } from '../../../src/modules/casework/dashboard.use-case.ts';
import { listComplaintsQuerySchema } from '../../../src/modules/complaints/list-complaints.use-case.ts';

void describe('the dashboard’s counts', () => {
  void it('link to the case list with exactly the filter each counts', () => {
    for (const { key, filter } of DASHBOARD_COUNTS) {
      const query = listComplaintsQuerySchema.parse(
        Object.fromEntries(new URLSearchParams(countQuery(filter))),
      );
      const { sort, limit, ...filters } = query;
      assert.deepEqual([sort, limit], ['newest', 50], key);
      assert.deepEqual(filters, filter, key);
    }
  });

  void it('say each filter as the list’s query string', () => {
    assert.deepEqual(
      DASHBOARD_COUNTS.map((c) => countQuery(c.filter)),
      ['awaiting=true', 'dueThisWeek=true', 'extended=true', 'deadlineStatus=overdue', 'actionsOverdue=true'],
    );
  });
});
