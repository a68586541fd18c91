import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../domain/complaint/state.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { caseEvents, cases } from '../../platform/db/schema.ts';

export interface RecentAssignment {
  reference: string;
  assignedAt: Date;
  assignedBy: string;
}

/**
 * Open cases assigned to this member of staff since `since` and still theirs, newest first: the
 * dashboard's reminder of new work. Reads the organisation's recent events by time (an index range),
 * so its cost follows a week's activity, not the size of the caseload.
 */
export async function recentAssignmentsTo(
  tx: Transaction,
  organisationId: string,
  staffId: string,
  since: Date,
  limit: number,
): Promise<RecentAssignment[]> {
  const rows = await tx
    .select({
      reference: cases.reference,
      assignedAt: caseEvents.recordedAt,
      assignedBy: caseEvents.actorName,
    })
    .from(caseEvents)
    .innerJoin(
      cases,
      and(eq(cases.organisationId, caseEvents.organisationId), eq(cases.caseId, caseEvents.caseId)),
    )
    .where(
      and(
        eq(caseEvents.organisationId, organisationId),
        gte(caseEvents.recordedAt, since),
        eq(caseEvents.type, 'handler-assigned'),
        sql`${caseEvents.data} -> 'handler' ->> 'id' = ${staffId}`,
        eq(cases.handlerId, staffId),
        inArray(cases.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(desc(caseEvents.recordedAt))
    .limit(limit * 2);
  // A case assigned to them twice in the week is one reminder.
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.reference) && seen.add(r.reference)).slice(0, limit);
}
