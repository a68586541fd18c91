/**
 * Read-path latency through the real use cases (listComplaints, getComplaint: tenant role, row-level
 * security, the repository's SQL), and the query plan of each list query.
 *
 * The plans come from EXPLAIN (ANALYZE, BUFFERS) of a mirror of the repository's listCases query, run
 * in a tenant transaction. The mirror is checked at run time: it must return exactly the case ids the
 * use case returned, or the plan is reported as not matching.
 */
import { and, asc, count, desc, eq, gte, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { calendarFor, JURISDICTIONS, londonDateOf, type IsoDate } from '../src/domain/calendar/index.ts';
import { DUE_SOON_WORKING_DAYS } from '../src/domain/complaint/deadlines.ts';
import { systemClock } from '../src/modules/complaints/case-context.ts';
import { getComplaint } from '../src/modules/complaints/get-complaint.use-case.ts';
import { showDashboard } from '../src/modules/casework/dashboard.use-case.ts';
import { caseConditions } from '../src/modules/complaints/complaint.repository.ts';
import {
  caseFiltersOf,
  endOfWeek,
  listComplaints,
  listFiltersSchema,
  type ListComplaintsQuery,
} from '../src/modules/complaints/list-complaints.use-case.ts';
import {
  listComplaintPage,
  MAX_NUMBERED_CASES,
  type ListComplaintPageQuery,
} from '../src/modules/complaints/list-complaint-page.use-case.ts';
import type { StaffPrincipal } from '../src/modules/staff/staff-principal.ts';
import { showTeamWorkload, workloadRows } from '../src/modules/team/team-workload.use-case.ts';
import type { DatabaseHandle, Transaction } from '../src/platform/db/database.ts';
import { cases } from '../src/platform/db/schema.ts';
import { query, rowsOf } from './bench-database.ts';
import { PERSON_NAMES } from './complaint-scenarios.ts';
import { latencyStats, timeRuns, type LatencyStats } from './report.ts';

export interface QueryResult extends LatencyStats {
  name: string;
  rows: number;
  /** Access path from the plan, e.g. "Index Scan cases_by_received". */
  plan: string;
  indexDriven: boolean;
  /** Execution time EXPLAIN ANALYZE reported (server side, excludes the round trip). */
  explainMs: number | null;
  /** Whether the mirrored query returned the same cases as the use case. */
  planMatchesUseCase: boolean;
  explain: string;
}

interface Thresholds {
  today: IsoDate;
  dueSoonBefore: Record<string, IsoDate>;
}

/** As listComplaints computes them (no closure days are seeded). */
export function thresholds(now: Date): Thresholds {
  const today = londonDateOf(now);
  const dueSoonBefore = Object.fromEntries(
    JURISDICTIONS.map((j) => [j, calendarFor(j).addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1)]),
  );
  return { today, dueSoonBefore };
}

/** Mirrors complaint.repository.ts listCases (conditions, columns, order, limit). */
function mirroredListQuery(tx: Transaction, organisationId: string, q: ListComplaintsQuery, t: Thresholds) {
  const limit = q.limit === undefined ? 50 : Number(q.limit);
  const perJurisdiction = (cmp: (before: IsoDate) => SQL | undefined) =>
    or(
      ...Object.entries(t.dueSoonBefore).map(([jurisdiction, before]) =>
        and(eq(cases.jurisdiction, jurisdiction), cmp(before)),
      ),
    );
  const deadline =
    q.deadlineStatus === 'overdue'
      ? lt(cases.currentDeadlineDue, t.today)
      : q.deadlineStatus === 'due-soon'
        ? and(
            gte(cases.currentDeadlineDue, t.today),
            perJurisdiction((b) => lt(cases.currentDeadlineDue, b)),
          )
        : undefined;
  if (q.deadlineStatus && !deadline) throw new Error(`The mirror does not cover ${q.deadlineStatus}`);
  const after = q.cursor
    ? (JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as { r: string; c: string })
    : undefined;
  return tx
    .select({
      state: cases.state,
      receivedAt: cases.receivedAt,
      caseId: cases.caseId,
      currentDeadlineKind: cases.currentDeadlineKind,
      currentDeadlineDue: cases.currentDeadlineDue,
      lastDeadlineOutcome: cases.lastDeadlineOutcome,
    })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, organisationId),
        q.status ? eq(cases.status, q.status) : undefined,
        q.stage ? eq(cases.stage, Number(q.stage)) : undefined,
        q.handlerId ? eq(cases.handlerId, q.handlerId) : undefined,
        q.serviceArea ? eq(cases.serviceArea, q.serviceArea) : undefined,
        deadline,
        after
          ? sql`(${cases.receivedAt}, ${cases.caseId}) < (${after.r}::timestamptz, ${after.c}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(cases.receivedAt), desc(cases.caseId))
    .limit(limit + 1);
}

/**
 * The nodes that read `cases` and how the rows are ordered, from a text plan. Rows read = rows a scan
 * returned plus those its filter removed (e.g. the other landlord's rows in a sequential scan).
 */
export function summarisePlan(plan: string): {
  plan: string;
  indexDriven: boolean;
  explainMs: number | null;
} {
  const nodes: { name: string; rows: number | null }[] = [];
  const scanPattern =
    /(Index Only Scan|Index Scan Backward|Index Scan|Bitmap Index Scan|Bitmap Heap Scan|Parallel Seq Scan|Seq Scan)(?: using| on)? (\S+)/;
  let lastScan: { name: string; rows: number | null } | undefined;
  for (const line of plan.split('\n')) {
    const scan = scanPattern.exec(line);
    const rows = /actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)(?: loops=(\d+))?/.exec(line);
    const count = rows ? Math.round(Number(rows[1]) * Number(rows[2] ?? 1)) : null;
    if (scan) {
      lastScan = { name: `${scan[1] ?? ''} ${scan[2] ?? ''}`, rows: count };
      nodes.push(lastScan);
      continue;
    }
    const removed = /Rows Removed by (?:Filter|Index Recheck): (\d+)/.exec(line);
    if (removed && lastScan?.rows !== null && lastScan)
      lastScan.rows = (lastScan.rows ?? 0) + Number(removed[1]);
    const sort = /(Incremental Sort|Sort)\b/.exec(line);
    if (sort && !line.includes('Sort Key') && !line.includes('Sort Method')) {
      lastScan = undefined;
      nodes.push({ name: sort[1] ?? '', rows: null });
    }
  }
  const names = nodes.map((n) =>
    n.rows === null ? n.name : `${n.name} (${n.rows.toLocaleString('en-GB')} rows)`,
  );
  const seq = nodes.some((n) => n.name.includes('Seq Scan'));
  const index = nodes.some((n) => n.name.includes('Index'));
  const time = /Execution Time: ([\d.]+) ms/.exec(plan);
  return {
    plan: [...new Set(names)].join(', '),
    indexDriven: index && !seq,
    explainMs: time?.[1] ? Number(time[1]) : null,
  };
}

async function explain(
  db: DatabaseHandle,
  organisationId: string,
  build: (tx: Transaction) => { getSQL(): SQL } & PromiseLike<unknown[]>,
): Promise<{ text: string; ids: string[] }> {
  return db.forOrganisation(organisationId, async (tx) => {
    const rows = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`explain (analyze, buffers) ${build(tx).getSQL()}`),
    );
    const text = rows.map((r) => String(Object.values(r)[0])).join('\n');
    const result = (await build(tx)) as { caseId?: string; state?: { caseId?: string } }[];
    return { text, ids: result.map((r) => r.caseId ?? r.state?.caseId ?? '') };
  });
}

export interface ReadPathOptions {
  runs: number;
  warmup: number;
  /** Stop a query's timed runs after this long (once at least 10 ran). */
  budgetMs: number;
}

export interface ReadPathResults {
  queries: QueryResult[];
  /** The overdue query run directly, as the owner (no row-level security) and as the tenant role. */
  rlsOverhead: { privileged: LatencyStats; tenant: LatencyStats };
  /** Rows of `cases` a tenant transaction can see without any filter of its own, and the table total. */
  rlsVisibility: { visibleToTenant: number; total: number };
}

export async function benchReadPath(
  db: DatabaseHandle,
  organisationId: string,
  options: ReadPathOptions,
): Promise<ReadPathResults> {
  const deps = { db, clock: systemClock };
  const t = thresholds(systemClock.now());
  const results: QueryResult[] = [];

  // A cursor to page 20 of the unfiltered list (pages of 50), and references to fetch.
  let cursor: string | null = null;
  for (let page = 1; page < 20; page++) {
    const listed = await listComplaints(deps, organisationId, cursor ? { cursor } : {});
    cursor = listed.nextCursor;
    if (!cursor) break;
  }
  const references = await db.privileged((tx) =>
    query<{ reference: string }>(
      tx,
      sql`select reference from cases where organisation_id = ${organisationId}
          order by md5(reference) limit ${options.runs + options.warmup}`,
    ),
  );

  const listScenarios: { name: string; query: ListComplaintsQuery }[] = [
    { name: 'list: first page, no filter', query: {} },
    { name: 'list: status = stage-1', query: { status: 'stage-1' } },
    { name: 'list: status = closed', query: { status: 'closed' } },
    { name: 'list: handler = staff-007', query: { handlerId: 'staff-007' } },
    { name: 'list: service area = damp-and-mould', query: { serviceArea: 'damp-and-mould' } },
    { name: 'list: deadlineStatus = overdue', query: { deadlineStatus: 'overdue' } },
    { name: 'list: deadlineStatus = due-soon', query: { deadlineStatus: 'due-soon' } },
    { name: 'list: handler + status = stage-1', query: { handlerId: 'staff-007', status: 'stage-1' } },
    // No index covers handler + status: with no match, the handler's whole history is read.
    {
      name: 'list: handler + status, no match',
      query: { handlerId: 'staff-045', status: 'escalation-refused' },
    },
    { name: 'list: page 20 via cursor', query: cursor ? { cursor } : {} },
  ];

  for (const scenario of listScenarios) {
    const { samples, last } = await timeRuns(
      options.runs,
      options.warmup,
      () => listComplaints(deps, organisationId, scenario.query),
      { budgetMs: options.budgetMs, minRuns: 10 },
    );
    const ids = (last?.items ?? []).map((item) => item.id);
    const plan = await explain(db, organisationId, (tx) =>
      mirroredListQuery(tx, organisationId, scenario.query, t),
    );
    const matches = plan.ids.slice(0, ids.length).join() === ids.join() && plan.ids.length >= ids.length;
    results.push({
      name: scenario.name,
      rows: ids.length,
      ...latencyStats(samples),
      ...summarisePlan(plan.text),
      planMatchesUseCase: matches,
      explain: plan.text,
    });
  }

  // Search, the other orders and the dashboard's filters: timed through the use case; the plan is of
  // the repository's own conditions (caseConditions, not a mirror) in the order the use case reads.
  const sampleReference = references[0]?.reference ?? '';
  const caseloadScenarios: {
    name: string;
    query: ListComplaintsQuery;
    order: 'newest' | 'oldest' | 'deadline';
  }[] = [
    {
      name: 'search: a reference (lower case)',
      query: { q: sampleReference.toLowerCase() },
      order: 'newest',
    },
    { name: 'search: a complainant name', query: { q: PERSON_NAMES[7] ?? 'Ellis' }, order: 'newest' },
    // The seed gives case g tenancy T000000g, phone 07700 + g, and a postcode (bench/seed.ts).
    { name: 'search: a reference number', query: { q: '000123' }, order: 'newest' },
    { name: 'search: a tenancy reference', query: { q: 't0001234' }, order: 'newest' },
    { name: 'search: a phone number', query: { q: '+44 7700 001234' }, order: 'newest' },
    { name: 'search: a postcode', query: { q: 'm47 2ab' }, order: 'newest' },
    { name: 'search: a word, with status', query: { q: 'heating', status: 'stage-1' }, order: 'newest' },
    { name: 'list: sort = oldest', query: { sort: 'oldest' }, order: 'oldest' },
    { name: 'list: open, sort = deadline', query: { open: 'true', sort: 'deadline' }, order: 'deadline' },
    { name: 'list: awaiting', query: { awaiting: 'true' }, order: 'newest' },
    { name: 'list: actions overdue', query: { actionsOverdue: 'true' }, order: 'newest' },
  ];
  const endOfThisWeek = endOfWeek(t.today);
  for (const scenario of caseloadScenarios) {
    const { samples, last } = await timeRuns(
      options.runs,
      options.warmup,
      () => listComplaints(deps, organisationId, scenario.query),
      { budgetMs: options.budgetMs, minRuns: 10 },
    );
    const ids = (last?.items ?? []).map((item) => item.id);
    const q = scenario.query;
    const where = caseConditions(
      organisationId,
      {
        status: q.status,
        search: q.q,
        open: q.open === 'true',
        awaiting: q.awaiting === 'true',
        actionsOverdue: q.actionsOverdue === 'true',
      },
      { ...t, endOfWeek: endOfThisWeek },
    );
    const order =
      scenario.order === 'newest'
        ? [desc(cases.receivedAt), desc(cases.caseId)]
        : scenario.order === 'oldest'
          ? [asc(cases.receivedAt), asc(cases.caseId)]
          : [asc(cases.currentDeadlineDue), asc(cases.receivedAt), asc(cases.caseId)];
    const plan = await explain(db, organisationId, (tx) =>
      tx
        .select({ caseId: cases.caseId })
        .from(cases)
        .where(and(where, scenario.order === 'deadline' ? isNotNull(cases.currentDeadlineDue) : undefined))
        .orderBy(...order)
        .limit(51),
    );
    results.push({
      name: scenario.name,
      rows: ids.length,
      ...latencyStats(samples),
      ...summarisePlan(plan.text),
      planMatchesUseCase: plan.ids.slice(0, ids.length).join() === ids.join(),
      explain: plan.text,
    });
  }

  // The dashboard's five counts, as a board member sees them (counts only, no cases listed).
  const boardMember: StaffPrincipal = {
    organisationId,
    organisationName: 'Bench',
    staffId: '00000000-0000-4000-8000-000000000000',
    sessionId: 'bench',
    name: 'Bench Board Member',
    email: 'board@bench.test',
    role: 'board-member',
    mustChangePassword: false,
  };
  const dashboard = await timeRuns(options.runs, options.warmup, () => showDashboard(deps, boardMember), {
    budgetMs: options.budgetMs,
    minRuns: 10,
  });
  const counted = dashboard.last?.counts;
  const overdueCountPlan = await explain(db, organisationId, (tx) =>
    tx
      .select({ n: count() })
      .from(cases)
      .where(caseConditions(organisationId, { deadlineStatus: 'overdue' }, t)),
  );
  results.push({
    name: `dashboard: 5 counts (${counted ? Object.values(counted).join(', ') : '?'})`,
    rows: 5,
    ...latencyStats(dashboard.samples),
    ...summarisePlan(overdueCountPlan.text),
    planMatchesUseCase: true,
    explain: overdueCountPlan.text,
  });

  // The team page: open cases per handler, in one grouped query over the open statuses.
  const officer: StaffPrincipal = { ...boardMember, name: 'Bench Officer', role: 'complaints-officer' };
  const workload = await timeRuns(options.runs, options.warmup, () => showTeamWorkload(deps, officer), {
    budgetMs: options.budgetMs,
    minRuns: 10,
  });
  const workloadPlan = await explain(db, organisationId, (tx) => workloadRows(tx, organisationId, t));
  results.push({
    name: `team workload: ${String((workload.last?.handlers.length ?? 0) + 1)} rows`,
    rows: (workload.last?.handlers.length ?? 0) + 1,
    ...latencyStats(workload.samples),
    ...summarisePlan(workloadPlan.text),
    planMatchesUseCase: true,
    explain: workloadPlan.text,
  });

  // The staff list's numbered pages: a count (stopped at MAX_NUMBERED_CASES) and an offset page.
  const numberedPages: { name: string; query: ListComplaintPageQuery }[] = [
    { name: 'staff list: open, by deadline, page 1 with count', query: { open: 'true', sort: 'deadline' } },
    {
      name: 'staff list: open, by deadline, page 40 with count',
      query: { open: 'true', sort: 'deadline', page: 40 },
    },
    { name: 'staff list: every case, page 1 with count', query: {} },
    { name: 'staff list: awaiting, oldest first, with count', query: { awaiting: 'true', sort: 'oldest' } },
  ];
  for (const scenario of numberedPages) {
    const run = await timeRuns(
      options.runs,
      options.warmup,
      () => listComplaintPage(deps, organisationId, scenario.query, 25),
      { budgetMs: options.budgetMs, minRuns: 10 },
    );
    const { page: _page, ...filters } = scenario.query;
    const countPlan = await explain(db, organisationId, (tx) =>
      tx
        .select({ one: sql`1` })
        .from(cases)
        .where(caseConditions(organisationId, caseFiltersOf(listFiltersSchema.parse(filters)), t))
        .limit(MAX_NUMBERED_CASES + 1),
    );
    const total = run.last?.total;
    results.push({
      name: `${scenario.name} (${total ? `${total.atLeast ? 'over ' : ''}${String(total.count)}` : '?'})`,
      rows: run.last?.items.length ?? 0,
      ...latencyStats(run.samples),
      ...summarisePlan(countPlan.text),
      planMatchesUseCase: true,
      explain: countPlan.text,
    });
  }

  // getComplaint by reference, a different case each run.
  const refs = references.map((r) => r.reference);
  const { samples } = await timeRuns(options.runs, options.warmup, (i) =>
    getComplaint(deps, organisationId, refs[i % refs.length] ?? ''),
  );
  const sampleRef = refs[0] ?? '';
  const getPlan = await explain(db, organisationId, (tx) =>
    tx
      .select({ state: cases.state })
      .from(cases)
      .where(and(eq(cases.organisationId, organisationId), eq(cases.reference, sampleRef))),
  );
  results.push({
    name: 'getComplaint by reference',
    rows: 1,
    ...latencyStats(samples),
    ...summarisePlan(getPlan.text),
    planMatchesUseCase: getPlan.ids.length === 1,
    explain: getPlan.text,
  });

  // Row-level security: an index-driven list query (overdue), as the owner (bypasses RLS, so only the
  // query's own organisation filter applies) and as the tenant role (RLS policy + SET LOCAL ROLE).
  const overdue = (tx: Transaction) =>
    mirroredListQuery(tx, organisationId, { deadlineStatus: 'overdue' }, t);
  const privileged = await timeRuns(options.runs, options.warmup, () => db.privileged((tx) => overdue(tx)));
  const tenant = await timeRuns(options.runs, options.warmup, () =>
    db.forOrganisation(organisationId, (tx) => overdue(tx)),
  );
  const [visible] = await db.forOrganisation(organisationId, (tx) =>
    query<{ n: number }>(tx, sql`select count(*)::int as n from cases`),
  );
  const [total] = await db.privileged((tx) =>
    query<{ n: number }>(tx, sql`select count(*)::int as n from cases`),
  );

  return {
    queries: results,
    rlsOverhead: { privileged: latencyStats(privileged.samples), tenant: latencyStats(tenant.samples) },
    rlsVisibility: { visibleToTenant: visible?.n ?? -1, total: total?.n ?? -1 },
  };
}
