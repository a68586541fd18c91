import { and, asc, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DeadlineStatus } from '../../domain/complaint/deadlines.ts';
import type { ComplaintEvent } from '../../domain/complaint/events.ts';
import type { ComplaintState, Status } from '../../domain/complaint/state.ts';
import type { IsoDate, Jurisdiction } from '../../domain/calendar/index.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { ConflictError } from '../../platform/errors.ts';
import { caseEvents, cases, referenceCounters } from '../../platform/db/schema.ts';

/** Columns the list and report queries read; derived from the state when it is saved. */
export interface CaseProjection {
  currentDeadlineKind: string | null;
  currentDeadlineDue: IsoDate | null;
  lastDeadlineOutcome: 'met' | 'missed' | null;
  /** Whether the current deadline is a response date moved by an extension. */
  currentDeadlineExtended: boolean;
}

/** Reference numbering: complaints and the contact log count separately. */
export type ReferenceSeries = 'case' | 'contact';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function nextReference(
  tx: Transaction,
  organisationId: string,
  prefix: string,
  year: number,
  series: ReferenceSeries = 'case',
): Promise<string> {
  const [row] = await tx
    .insert(referenceCounters)
    .values({ organisationId, series, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [referenceCounters.organisationId, referenceCounters.series, referenceCounters.year],
      set: { lastValue: sql`${referenceCounters.lastValue} + 1` },
    })
    .returning({ value: referenceCounters.lastValue });
  if (!row) throw new Error('The reference counter returned no row');
  return `${prefix}-${year}-${String(row.value).padStart(6, '0')}`;
}

/** Finds a case by id or by reference. Row-level security limits it to the caller's organisation. */
export async function loadCaseState(
  tx: Transaction,
  organisationId: string,
  caseIdOrReference: string,
): Promise<ComplaintState | null> {
  const where = UUID.test(caseIdOrReference)
    ? eq(cases.caseId, caseIdOrReference)
    : eq(cases.reference, caseIdOrReference.toUpperCase());
  const rows = await tx
    .select({ state: cases.state })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), where));
  return (rows[0]?.state as ComplaintState | undefined) ?? null;
}

/** The earliest due date among remedies and actions not yet completed. */
function nextItemDue(state: ComplaintState): IsoDate | null {
  let earliest: IsoDate | null = null;
  for (const item of state.items) {
    if (item.completedOn === null && (earliest === null || item.dueDate < earliest)) earliest = item.dueDate;
  }
  return earliest;
}

function projectionColumns(state: ComplaintState, projection: CaseProjection) {
  const handler = state.stage === 2 ? state.stage2.handler : state.stage1.handler;
  return {
    status: state.status,
    stage: state.stage,
    serviceArea: state.serviceArea,
    complainantName: state.complainant.kind === 'named' ? state.complainant.name : null,
    handlerId: handler?.id ?? null,
    handlerName: handler?.name ?? null,
    nextItemDue: nextItemDue(state),
    ...projection,
    version: state.version,
    state,
  };
}

function eventRows(
  organisationId: string,
  state: ComplaintState,
  firstSequence: number,
  events: ComplaintEvent[],
) {
  return events.map((event, i) => ({
    organisationId,
    caseId: state.caseId,
    sequence: firstSequence + i,
    type: event.type,
    occurredAt: new Date(event.at),
    actorId: event.actor.id,
    actorName: event.actor.name,
    policyKey: state.policy.key,
    policyVersion: state.policy.version,
    data: event.data,
  }));
}

export async function insertCase(
  tx: Transaction,
  organisationId: string,
  state: ComplaintState,
  events: ComplaintEvent[],
  projection: CaseProjection,
): Promise<void> {
  await tx.insert(cases).values({
    organisationId,
    caseId: state.caseId,
    reference: state.reference,
    policyKey: state.policy.key,
    policyVersion: state.policy.version,
    jurisdiction: state.jurisdiction,
    channel: state.channel,
    receivedAt: new Date(state.receivedAt),
    ...projectionColumns(state, projection),
  });
  await tx.insert(caseEvents).values(eventRows(organisationId, state, 1, events));
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const CHANGED = 'Someone else changed this case while you were working on it. Reload it and try again.';

/**
 * Appends events and updates the projection, but only if nobody else has since `previousVersion`.
 * Two concurrent writers: the second either finds the version moved or collides on the event key.
 */
export async function appendToCase(
  tx: Transaction,
  organisationId: string,
  previousVersion: number,
  state: ComplaintState,
  events: ComplaintEvent[],
  projection: CaseProjection,
): Promise<void> {
  try {
    await tx.insert(caseEvents).values(eventRows(organisationId, state, previousVersion + 1, events));
    const updated = await tx
      .update(cases)
      .set({ ...projectionColumns(state, projection), updatedAt: new Date() })
      .where(
        and(
          eq(cases.organisationId, organisationId),
          eq(cases.caseId, state.caseId),
          eq(cases.version, previousVersion),
        ),
      )
      .returning({ caseId: cases.caseId });
    if (updated.length !== 1) throw new ConflictError(CHANGED);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(CHANGED);
    throw error;
  }
}

export interface StoredEvent {
  sequence: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; name: string };
  policy: { key: string; version: number };
  data: unknown;
}

export async function loadEvents(
  tx: Transaction,
  organisationId: string,
  caseId: string,
): Promise<StoredEvent[]> {
  const rows = await tx
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.organisationId, organisationId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.sequence));
  return rows.map((r) => ({
    sequence: r.sequence,
    type: r.type,
    occurredAt: r.occurredAt.toISOString(),
    recordedAt: r.recordedAt.toISOString(),
    actor: { id: r.actorId, name: r.actorName },
    policy: { key: r.policyKey, version: r.policyVersion },
    data: r.data,
  }));
}

export interface CaseFilters {
  status?: Status | undefined;
  stage?: 1 | 2 | undefined;
  deadlineStatus?: DeadlineStatus | undefined;
  handlerId?: string | undefined;
  serviceArea?: string | undefined;
  limit: number;
  /** Keyset pagination: the last row of the previous page. */
  after?: { receivedAt: string; caseId: string } | undefined;
}

/** Dates the deadline-status filter compares against, for each jurisdiction's calendar. */
export interface DeadlineThresholds {
  today: IsoDate;
  /** A deadline before this date is due within 2 working days; per jurisdiction. */
  dueSoonBefore: Partial<Record<Jurisdiction, IsoDate>>;
}

function deadlineStatusCondition(status: DeadlineStatus, t: DeadlineThresholds): SQL | undefined {
  const perJurisdiction = (cmp: (before: IsoDate) => SQL | undefined) =>
    or(
      ...Object.entries(t.dueSoonBefore).map(([jurisdiction, before]) =>
        and(eq(cases.jurisdiction, jurisdiction), cmp(before)),
      ),
    );
  switch (status) {
    case 'overdue':
      return lt(cases.currentDeadlineDue, t.today);
    case 'due-soon':
      return and(
        gte(cases.currentDeadlineDue, t.today),
        perJurisdiction((b) => lt(cases.currentDeadlineDue, b)),
      );
    case 'on-track':
      return perJurisdiction((b) => gte(cases.currentDeadlineDue, b));
    case 'met':
    case 'missed':
      return and(isNull(cases.currentDeadlineDue), eq(cases.lastDeadlineOutcome, status));
  }
}

export interface ListedCase extends CaseProjection {
  state: ComplaintState;
  receivedAt: Date;
  caseId: string;
}

export async function listCases(
  tx: Transaction,
  organisationId: string,
  filters: CaseFilters,
  thresholds: DeadlineThresholds,
): Promise<{ rows: ListedCase[]; more: boolean }> {
  const conditions: (SQL | undefined)[] = [
    eq(cases.organisationId, organisationId),
    filters.status ? eq(cases.status, filters.status) : undefined,
    filters.stage ? eq(cases.stage, filters.stage) : undefined,
    filters.handlerId ? eq(cases.handlerId, filters.handlerId) : undefined,
    filters.serviceArea ? eq(cases.serviceArea, filters.serviceArea) : undefined,
    filters.deadlineStatus ? deadlineStatusCondition(filters.deadlineStatus, thresholds) : undefined,
    filters.after
      ? sql`(${cases.receivedAt}, ${cases.caseId}) < (${filters.after.receivedAt}::timestamptz, ${filters.after.caseId}::uuid)`
      : undefined,
  ];
  const rows = await tx
    .select({
      state: cases.state,
      receivedAt: cases.receivedAt,
      caseId: cases.caseId,
      currentDeadlineKind: cases.currentDeadlineKind,
      currentDeadlineDue: cases.currentDeadlineDue,
      lastDeadlineOutcome: cases.lastDeadlineOutcome,
      currentDeadlineExtended: cases.currentDeadlineExtended,
    })
    .from(cases)
    .where(and(...conditions))
    .orderBy(desc(cases.receivedAt), desc(cases.caseId))
    .limit(filters.limit + 1);
  return {
    rows: rows.slice(0, filters.limit).map((r) => ({
      ...r,
      state: r.state as ComplaintState,
      lastDeadlineOutcome:
        r.lastDeadlineOutcome === 'met' || r.lastDeadlineOutcome === 'missed' ? r.lastDeadlineOutcome : null,
    })),
    more: rows.length > filters.limit,
  };
}
