import {
  and,
  arrayOverlaps,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { DeadlineStatus } from '../../domain/complaint/deadlines.ts';
import { upcastEvent, type ComplaintEvent, type Via } from '../../domain/complaint/events.ts';
import {
  OPEN_STATUSES,
  replay,
  STATE_SCHEMA,
  type ComplaintState,
  type Status,
} from '../../domain/complaint/state.ts';
import { searchKeysOf, searchKeysForQuery } from '../../domain/complaint/search-keys.ts';
import { divisionOf, type Country } from '../../domain/policy/country.ts';
import { addCalendarDays, type IsoDate, type Jurisdiction } from '../../domain/calendar/index.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { ConflictError } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
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
  const stored = rows[0]?.state as ComplaintState | undefined;
  if (!stored) return null;
  return isCurrentShape(stored) ? stored : rebuildState(tx, organisationId, stored.caseId);
}

/** Whether a stored state has the current shape; older ones are rebuilt from the case's events. */
export function isCurrentShape(state: ComplaintState): boolean {
  return (state as { schema?: number }).schema === STATE_SCHEMA;
}

/** The case's state replayed from its events: the record of truth, read into its current shape. */
export async function rebuildState(
  tx: Transaction,
  organisationId: string,
  caseId: string,
): Promise<ComplaintState> {
  return replay((await loadEvents(tx, organisationId, caseId)).map(toDomainEvent));
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
    searchKeys: searchKeysOf(state),
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
    recordedAt: new Date(event.recordedAt ?? event.at),
    actorId: event.actor.id,
    actorName: event.actor.name,
    via: event.via ?? null,
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
    jurisdiction: divisionOf(state.country),
    country: state.country,
    channel: state.channel,
    receivedAt: new Date(state.receivedAt),
    ...projectionColumns(state, projection),
  });
  await tx.insert(caseEvents).values(eventRows(organisationId, state, 1, events));
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
  via: Via | null;
  policy: { key: string; version: number };
  data: unknown;
}

/** A stored event as the domain reads it: in its current shape, whenever it was written. */
export function toDomainEvent(stored: StoredEvent): ComplaintEvent {
  return upcastEvent({
    type: stored.type,
    at: stored.occurredAt,
    recordedAt: stored.recordedAt,
    actor: stored.actor,
    ...(stored.via ? { via: stored.via } : {}),
    data: stored.data,
  } as ComplaintEvent);
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
    via: (r.via as Via | null) ?? null,
    policy: { key: r.policyKey, version: r.policyVersion },
    data: r.data,
  }));
}

/** The orders a case list can be read in; each has its own keyset cursor. */
export const CASE_SORTS = ['newest', 'oldest', 'deadline'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Waiting to be accepted or acknowledged: at stage 1, or an escalation not yet acknowledged. */
const AWAITING_STATUSES: readonly Status[] = ['received', 'accepted', 'stage-2-requested'];

/** The deadlines that are a response (stage 1 or 2). */
const RESPONSE_DEADLINE_KINDS = ['stage-1-response', 'stage-2-response'] as const;

/** A row a page starts after (or, reading backwards, ends before), in the list's order. */
export interface CaseListPosition {
  sort: CaseSort;
  receivedAt: string;
  caseId: string;
  /** For the deadline order: the row's current deadline (null among the cases without one). */
  deadline?: IsoDate | null;
  /** Read the page before this row rather than after it ("Previous"). */
  backward?: boolean;
}

export interface CaseFilters {
  status?: Status | undefined;
  /** Only cases still open (OPEN_STATUSES). */
  open?: boolean | undefined;
  stage?: 1 | 2 | undefined;
  deadlineStatus?: DeadlineStatus | undefined;
  /** A staff id, or UNASSIGNED for cases nobody handles. */
  handlerId?: string | undefined;
  serviceArea?: string | undefined;
  channel?: string | undefined;
  /** London dates, inclusive. */
  receivedFrom?: IsoDate | undefined;
  receivedTo?: IsoDate | undefined;
  /** Words (web-search syntax) or a reference. */
  search?: string | undefined;
  awaiting?: boolean | undefined;
  /** The current deadline is a response due from today to `endOfWeek` (Sunday). */
  dueThisWeek?: boolean | undefined;
  extended?: boolean | undefined;
  /** A remedy or action is overdue (its due date is before today). */
  actionsOverdue?: boolean | undefined;
  sort?: CaseSort | undefined;
  limit: number;
  /** Keyset pagination: the last row of the previous page. */
  after?: CaseListPosition | undefined;
}

/** Dates the deadline-status filter compares against, for each jurisdiction's calendar. */
export interface DeadlineThresholds {
  today: IsoDate;
  /** A deadline before this date is due within 2 working days; per jurisdiction. */
  dueSoonBefore: Partial<Record<Jurisdiction, IsoDate>>;
  /** The Sunday ending today's week. */
  endOfWeek?: IsoDate;
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

/** The handler filter's value for cases nobody handles (staff ids are uuids, so it cannot clash). */
export const UNASSIGNED = 'unassigned';

/** PREFIX-YYYY-NNNNNN: what nextReference gives out. */
const REFERENCE_SHAPE = /^[A-Z0-9]{1,12}-\d{4}-\d{6}$/i;

/**
 * Search: a reference finds that case (exact, any case). Anything else matches either a search key
 * (what a caller quotes: a phone number, postcode, tenancy reference, e-mail address or the number
 * part of a reference, normalised by `searchKeysForQuery`) or the words in the generated `search`
 * column (reference, names, address, summary): two GIN indexes the planner combines with a bitmap OR.
 * A reference-shaped query is only looked up by reference: the words would find the same case, and
 * an OR with the unique index leads the planner to walk the whole caseload instead.
 */
export function searchCondition(search: string): SQL {
  if (REFERENCE_SHAPE.test(search)) return eq(cases.reference, search.toUpperCase());
  const words = sql`${cases.search} @@ websearch_to_tsquery('english', ${search})`;
  const keys = searchKeysForQuery(search);
  return keys.length ? (or(arrayOverlaps(cases.searchKeys, keys), words) ?? words) : words;
}

/** The start of a London date as an instant, in SQL, so the comparison stays an index range. */
const londonMidnight = (date: IsoDate) => sql`(${date}::date::timestamp at time zone 'Europe/London')`;

/** The conditions every filter adds; shared by the list and the dashboard's counts. */
export function caseConditions(
  organisationId: string,
  filters: Omit<CaseFilters, 'limit' | 'after' | 'sort'>,
  thresholds: DeadlineThresholds,
): SQL | undefined {
  const search = filters.search?.trim();
  return and(
    eq(cases.organisationId, organisationId),
    filters.status ? eq(cases.status, filters.status) : undefined,
    filters.open ? inArray(cases.status, [...OPEN_STATUSES]) : undefined,
    filters.stage ? eq(cases.stage, filters.stage) : undefined,
    filters.handlerId
      ? filters.handlerId === UNASSIGNED
        ? isNull(cases.handlerId)
        : eq(cases.handlerId, filters.handlerId)
      : undefined,
    filters.serviceArea ? eq(cases.serviceArea, filters.serviceArea) : undefined,
    filters.channel ? eq(cases.channel, filters.channel) : undefined,
    filters.receivedFrom ? gte(cases.receivedAt, londonMidnight(filters.receivedFrom)) : undefined,
    filters.receivedTo
      ? lt(cases.receivedAt, londonMidnight(addCalendarDays(filters.receivedTo, 1)))
      : undefined,
    search ? searchCondition(search) : undefined,
    filters.awaiting ? inArray(cases.status, [...AWAITING_STATUSES]) : undefined,
    filters.dueThisWeek
      ? and(
          inArray(cases.currentDeadlineKind, [...RESPONSE_DEADLINE_KINDS]),
          gte(cases.currentDeadlineDue, thresholds.today),
          lte(cases.currentDeadlineDue, thresholds.endOfWeek ?? thresholds.today),
        )
      : undefined,
    // An extended deadline is always a current one, so this can use the deadline index.
    filters.extended
      ? and(isNotNull(cases.currentDeadlineDue), eq(cases.currentDeadlineExtended, true))
      : undefined,
    filters.actionsOverdue ? lt(cases.nextItemDue, thresholds.today) : undefined,
    filters.deadlineStatus ? deadlineStatusCondition(filters.deadlineStatus, thresholds) : undefined,
  );
}

export interface ListedCase extends CaseProjection {
  state: ComplaintState;
  receivedAt: Date;
  caseId: string;
  /** The bank-holiday calendar of the case's country. */
  jurisdiction: Jurisdiction;
  country: Country;
}

const listColumns = {
  state: cases.state,
  jurisdiction: cases.jurisdiction,
  country: cases.country,
  receivedAt: cases.receivedAt,
  caseId: cases.caseId,
  currentDeadlineKind: cases.currentDeadlineKind,
  currentDeadlineDue: cases.currentDeadlineDue,
  lastDeadlineOutcome: cases.lastDeadlineOutcome,
  currentDeadlineExtended: cases.currentDeadlineExtended,
};

/** A keyset part of the order: the columns and the cursor's values for them. */
interface KeyPart {
  columns: SQL[];
  values: (p: CaseListPosition) => SQL[];
}

const BY_RECEIVED: KeyPart = {
  columns: [sql`${cases.receivedAt}`, sql`${cases.caseId}`],
  values: (p) => [sql`${p.receivedAt}::timestamptz`, sql`${p.caseId}::uuid`],
};

const BY_DEADLINE: KeyPart = {
  columns: [sql`${cases.currentDeadlineDue}`, ...BY_RECEIVED.columns],
  values: (p) => [sql`${p.deadline ?? null}::date`, ...BY_RECEIVED.values(p)],
};

/** Rows beyond the cursor in the direction read: (a, b, c) > (x, y, z), or < going down. */
function beyond(key: KeyPart, p: CaseListPosition, ascending: boolean): SQL {
  return sql`(${sql.join(key.columns, sql`, `)}) ${sql.raw(ascending ? '>' : '<')} (${sql.join(key.values(p), sql`, `)})`;
}

/**
 * A page of cases, after the cursor (or before it, reading backwards for "Previous"). Newest and
 * oldest read the (organisation, received, id) index in either direction. Soonest deadline reads the
 * cases with a deadline in (deadline, received, id) order and then, once those run out, the cases
 * without one, oldest first: two keyset reads, each on an index, rather than one ORDER BY on an
 * expression that no index covers. `more` says whether rows remain beyond the page in the direction
 * read; the rows always come back in the list's own order.
 */
export async function listCases(
  tx: Transaction,
  organisationId: string,
  filters: CaseFilters,
  thresholds: DeadlineThresholds,
): Promise<{ rows: ListedCase[]; more: boolean }> {
  const where = caseConditions(organisationId, filters, thresholds);
  const sort = filters.sort ?? 'newest';
  const cursor = filters.after?.sort === sort ? filters.after : undefined;
  const backward = cursor?.backward === true;
  const take = filters.limit + 1;
  // Each part of the order, in list order: [key, condition, ascending in the list].
  const parts: { key: KeyPart; condition: SQL | undefined; ascending: boolean; holds: boolean }[] =
    sort === 'deadline'
      ? [
          {
            key: BY_DEADLINE,
            condition: isNotNull(cases.currentDeadlineDue),
            ascending: true,
            holds: cursor?.deadline != null,
          },
          {
            key: BY_RECEIVED,
            condition: isNull(cases.currentDeadlineDue),
            ascending: true,
            holds: cursor !== undefined && cursor.deadline == null,
          },
        ]
      : [{ key: BY_RECEIVED, condition: undefined, ascending: sort === 'oldest', holds: true }];
  if (backward) parts.reverse();

  const rows: Awaited<ReturnType<typeof readRows>>[number][] = [];
  function readRows(condition: SQL | undefined, order: SQL[], limit: number) {
    return tx
      .select(listColumns)
      .from(cases)
      .where(and(where, condition))
      .orderBy(...order)
      .limit(limit);
  }
  // Parts before the one holding the cursor are already behind it.
  let reached = cursor === undefined;
  for (const part of parts) {
    if (rows.length >= take) break;
    const atCursor = !reached && part.holds;
    if (!reached && !atCursor) continue;
    reached = true;
    const ascending = part.ascending !== backward;
    const direction = ascending ? asc : desc;
    rows.push(
      ...(await readRows(
        and(part.condition, atCursor && cursor ? beyond(part.key, cursor, ascending) : undefined),
        part.key.columns.map((column) => direction(column)),
        take - rows.length,
      )),
    );
  }
  const page = rows.slice(0, filters.limit);
  if (backward) page.reverse();
  return {
    rows: page.map(listedCase),
    more: rows.length > filters.limit,
  };
}

/**
 * A sort's order as the parts listCases reads too: newest and oldest one index range; the deadline
 * order the cases with a deadline (by deadline, then received) and then those without (oldest
 * first). Each part is an ORDER BY an index can give, so a page never sorts every match.
 */
function orderParts(sort: CaseSort): { condition: SQL | undefined; order: SQL[] }[] {
  switch (sort) {
    case 'newest':
      return [{ condition: undefined, order: [desc(cases.receivedAt), desc(cases.caseId)] }];
    case 'oldest':
      return [{ condition: undefined, order: [asc(cases.receivedAt), asc(cases.caseId)] }];
    case 'deadline':
      return [
        {
          condition: isNotNull(cases.currentDeadlineDue),
          order: [asc(cases.currentDeadlineDue), asc(cases.receivedAt), asc(cases.caseId)],
        },
        { condition: isNull(cases.currentDeadlineDue), order: [asc(cases.receivedAt), asc(cases.caseId)] },
      ];
  }
}

/** Maps a list row's raw columns to its types. */
function listedCase(r: {
  state: unknown;
  jurisdiction: string;
  country: string;
  receivedAt: Date;
  caseId: string;
  currentDeadlineKind: string | null;
  currentDeadlineDue: string | null;
  lastDeadlineOutcome: string | null;
  currentDeadlineExtended: boolean;
}): ListedCase {
  return {
    ...r,
    state: r.state as ComplaintState,
    jurisdiction: r.jurisdiction as Jurisdiction,
    country: r.country as Country,
    lastDeadlineOutcome:
      r.lastDeadlineOutcome === 'met' || r.lastDeadlineOutcome === 'missed' ? r.lastDeadlineOutcome : null,
  };
}

/**
 * A numbered page of cases: `limit` rows after skipping `offset`, in the list's order (the staff
 * list's page numbers). The ids are found first, reading only index columns, so the skipped rows'
 * case state is never fetched; then the page's own rows are read by primary key. The offset is
 * bounded by the caller (MAX_NUMBERED_CASES), so the skip stays short however many cases there are.
 */
export async function listCasesAt(
  tx: Transaction,
  organisationId: string,
  filters: CountFilters & { sort?: CaseSort | undefined },
  thresholds: DeadlineThresholds,
  offset: number,
  limit: number,
): Promise<ListedCase[]> {
  const where = caseConditions(organisationId, filters, thresholds);
  const ids: string[] = [];
  // Rows of the parts before this one, skipped past: what is left of the offset for the next part.
  let skip = offset;
  for (const part of orderParts(filters.sort ?? 'newest')) {
    const rows = await tx
      .select({ caseId: cases.caseId })
      .from(cases)
      .where(and(where, part.condition))
      .orderBy(...part.order)
      .offset(skip)
      .limit(limit - ids.length);
    ids.push(...rows.map((r) => r.caseId));
    if (ids.length >= limit) break;
    if (rows.length > 0) skip = 0;
    else if (skip > 0) {
      // The whole part lay before the page: count it (no further than the offset) to skip the rest.
      const [counted] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(
        tx
          .select({ one: sql`1` })
          .from(cases)
          .where(and(where, part.condition))
          .limit(skip)
          .as('part'),
      );
      skip -= counted?.n ?? 0;
    }
  }
  if (ids.length === 0) return [];
  const rows = await tx
    .select(listColumns)
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), inArray(cases.caseId, ids)));
  const byId = new Map(rows.map((r) => [r.caseId, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [listedCase(row)] : [];
  });
}

/**
 * How many cases match, counting no further than `cap`: past it, the answer is "more than `cap`"
 * (`atLeast`). A full count of a million cases reads a million index entries; people paging a list
 * need the exact figure only while it is small enough to page through.
 */
export async function countCasesUpTo(
  tx: Transaction,
  organisationId: string,
  filters: CountFilters,
  thresholds: DeadlineThresholds,
  cap: number,
): Promise<{ count: number; atLeast: boolean }> {
  const matching = tx
    .select({ one: sql`1` })
    .from(cases)
    .where(caseConditions(organisationId, filters, thresholds))
    .limit(cap + 1)
    .as('matching');
  const [row] = await tx.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(matching);
  const count = row?.count ?? 0;
  return count > cap ? { count: cap, atLeast: true } : { count, atLeast: false };
}

/** The filters a count can use: those of a list, without its order and page. */
export type CountFilters = Omit<CaseFilters, 'limit' | 'after' | 'sort'>;

/**
 * How many cases match each set of filters, in one query: a `count(*) filter (where …)` per set, over
 * only the rows matching one of them, so the planner can still read each set's index range.
 */
export async function countCasesBy<K extends string>(
  tx: Transaction,
  organisationId: string,
  filters: Readonly<Record<K, CountFilters>>,
  thresholds: DeadlineThresholds,
): Promise<Record<K, number>> {
  const conditions = (Object.entries(filters) as [K, CountFilters][]).map(
    ([key, f]) => [key, caseConditions(organisationId, f, thresholds) ?? sql`true`] as const,
  );
  const columns: Record<string, SQL<number>> = Object.fromEntries(
    conditions.map(([key, where]) => [key, sql<number>`count(*) filter (where ${where})`.mapWith(Number)]),
  );
  const [row] = await tx
    .select(columns)
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), or(...conditions.map(([, where]) => where))));
  return Object.fromEntries(conditions.map(([key]) => [key, row?.[key] ?? 0])) as Record<K, number>;
}
