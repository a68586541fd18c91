import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { addCalendarDays, type IsoDate } from '../../domain/calendar/index.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { auditLog, caseEvents, cases } from '../../platform/db/schema.ts';

/**
 * The audit trail is two streams read newest first: the organisation's audit_log (staff, keys,
 * settings) and its case events. Each is read by keyset from its own index
 * (`audit_log_by_at`/`_by_actor`/`_by_case`, `case_events_by_recorded`/`_by_actor`), at most one
 * page plus one row each, and the two are merged here: the page is the newest of both, whatever
 * the size of the tables.
 *
 * The order is (time, stream, key) descending, where a case event comes before an audit entry of
 * the same microsecond. Times are carried as whole microseconds since 1970 so that the cursor
 * compares exactly with PostgreSQL's timestamps (a JavaScript Date keeps milliseconds only).
 */
export type TrailPosition =
  | { stream: 'event'; micros: string; caseId: string; sequence: number }
  | { stream: 'audit'; micros: string; auditId: number };

export interface TrailFilters {
  /** An audit actor (`staff:<id>`) and the same person as a case event's actor id. */
  person?: { auditActor: string; eventActorId: string } | undefined;
  caseReference?: string | undefined;
  /** London dates, both included. */
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

export type TrailRow =
  | {
      stream: 'audit';
      micros: string;
      at: Date;
      auditId: number;
      actor: string;
      action: string;
      details: Record<string, unknown>;
    }
  | {
      stream: 'event';
      micros: string;
      at: Date;
      caseId: string;
      sequence: number;
      reference: string;
      type: string;
      occurredAt: Date;
      actorId: string;
      actorName: string;
      via: unknown;
      data: unknown;
    };

const londonMidnight = (date: IsoDate) => sql`(${date}::date::timestamp at time zone 'Europe/London')`;
const microsOf = (column: SQL.Aliased | typeof auditLog.at | typeof caseEvents.recordedAt) =>
  sql<string>`(extract(epoch from ${column}) * 1000000)::bigint::text`;
const instantOf = (micros: string) =>
  sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;

function auditConditions(organisationId: string, filters: TrailFilters, after: TrailPosition | undefined) {
  const at = auditLog.at;
  return and(
    eq(auditLog.organisationId, organisationId),
    filters.person ? eq(auditLog.actor, filters.person.auditActor) : undefined,
    filters.caseReference
      ? and(
          sql`${auditLog.details} ? 'caseReference'`,
          sql`(${auditLog.details}->>'caseReference') = ${filters.caseReference}`,
        )
      : undefined,
    filters.from ? gte(at, londonMidnight(filters.from)) : undefined,
    filters.to ? lt(at, londonMidnight(addCalendarDays(filters.to, 1))) : undefined,
    after === undefined
      ? undefined
      : after.stream === 'event'
        ? lte(at, instantOf(after.micros))
        : or(
            lt(at, instantOf(after.micros)),
            and(eq(at, instantOf(after.micros)), lt(auditLog.auditId, after.auditId)),
          ),
  );
}

function eventConditions(organisationId: string, filters: TrailFilters, after: TrailPosition | undefined) {
  const at = caseEvents.recordedAt;
  return and(
    eq(caseEvents.organisationId, organisationId),
    filters.person ? eq(caseEvents.actorId, filters.person.eventActorId) : undefined,
    filters.caseReference ? eq(cases.reference, filters.caseReference) : undefined,
    filters.from ? gte(at, londonMidnight(filters.from)) : undefined,
    filters.to ? lt(at, londonMidnight(addCalendarDays(filters.to, 1))) : undefined,
    after === undefined
      ? undefined
      : after.stream === 'audit'
        ? lt(at, instantOf(after.micros))
        : or(
            lt(at, instantOf(after.micros)),
            and(
              eq(at, instantOf(after.micros)),
              sql`(${caseEvents.caseId}, ${caseEvents.sequence}) < (${after.caseId}::uuid, ${after.sequence})`,
            ),
          ),
  );
}

/** Whether `a` comes before `b` in the trail (newest first). */
export function comesBefore(a: TrailRow, b: TrailRow): boolean {
  const am = BigInt(a.micros);
  const bm = BigInt(b.micros);
  if (am !== bm) return am > bm;
  if (a.stream !== b.stream) return a.stream === 'event';
  if (a.stream === 'audit' && b.stream === 'audit') return a.auditId > b.auditId;
  if (a.stream === 'event' && b.stream === 'event') {
    return a.caseId !== b.caseId ? a.caseId > b.caseId : a.sequence > b.sequence;
  }
  return false;
}

export const positionOf = (row: TrailRow): TrailPosition =>
  row.stream === 'audit'
    ? { stream: 'audit', micros: row.micros, auditId: row.auditId }
    : { stream: 'event', micros: row.micros, caseId: row.caseId, sequence: row.sequence };

/** Up to `limit` rows of the trail after `after`, newest first, and whether there are more. */
export async function readTrail(
  tx: Transaction,
  organisationId: string,
  filters: TrailFilters,
  after: TrailPosition | undefined,
  limit: number,
): Promise<{ rows: TrailRow[]; more: boolean }> {
  const audits = await tx
    .select({
      micros: microsOf(auditLog.at),
      at: auditLog.at,
      auditId: auditLog.auditId,
      actor: auditLog.actor,
      action: auditLog.action,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(auditConditions(organisationId, filters, after))
    .orderBy(desc(auditLog.at), desc(auditLog.auditId))
    .limit(limit + 1);
  const events = await tx
    .select({
      micros: microsOf(caseEvents.recordedAt),
      at: caseEvents.recordedAt,
      caseId: caseEvents.caseId,
      sequence: caseEvents.sequence,
      reference: cases.reference,
      type: caseEvents.type,
      occurredAt: caseEvents.occurredAt,
      actorId: caseEvents.actorId,
      actorName: caseEvents.actorName,
      via: caseEvents.via,
      data: caseEvents.data,
    })
    .from(caseEvents)
    .innerJoin(
      cases,
      and(eq(cases.organisationId, caseEvents.organisationId), eq(cases.caseId, caseEvents.caseId)),
    )
    .where(eventConditions(organisationId, filters, after))
    .orderBy(desc(caseEvents.recordedAt), desc(caseEvents.caseId), desc(caseEvents.sequence))
    .limit(limit + 1);
  const merged: TrailRow[] = [
    ...audits.map((r) => ({ ...r, stream: 'audit' as const, details: r.details as Record<string, unknown> })),
    ...events.map((r) => ({ ...r, stream: 'event' as const })),
  ].sort((a, b) => (comesBefore(a, b) ? -1 : comesBefore(b, a) ? 1 : 0));
  return { rows: merged.slice(0, limit), more: merged.length > limit };
}
