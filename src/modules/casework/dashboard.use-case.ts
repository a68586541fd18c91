import { londonDateOf } from '../../domain/calendar/index.ts';
import { may } from '../../domain/access/permissions.ts';
import { listServiceAreas } from '../administration/service-areas.repository.ts';
import { dateInWords } from '../../domain/calendar/dates-in-words.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { listOpenTasksOwnedBy } from '../tasks/tasks.repository.ts';
import { ownedTaskInWords } from '../tasks/task-words.ts';
import { recentAssignmentsTo } from './recent-assignments.ts';
import {
  countCasesBy,
  type CaseFilters,
  type CaseSort,
  type DeadlineThresholds,
} from '../complaints/complaint.repository.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { deadlineThresholds, listComplaints } from '../complaints/list-complaints.use-case.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { caseRow, type CaseRow } from './case-list-rows.ts';

/** How many cases the dashboard's tables show before linking to the full list. */
export const DASHBOARD_TABLE_SIZE = 10;

/** Filters named alike in the case list's query string and the repository, so one serves both. */
type CountFilter = Pick<
  CaseFilters,
  'awaiting' | 'dueThisWeek' | 'extended' | 'deadlineStatus' | 'actionsOverdue'
>;

/**
 * The dashboard's counts: each is a filter of the case list, and links to that list in the order
 * the work is done: what waits longest first, what falls due soonest first.
 */
export const DASHBOARD_COUNTS = [
  {
    key: 'awaiting',
    label: 'Awaiting acceptance or acknowledgement',
    filter: { awaiting: true },
    sort: 'oldest',
  },
  { key: 'dueThisWeek', label: 'Responses due this week', filter: { dueThisWeek: true }, sort: 'deadline' },
  { key: 'extended', label: 'Deadlines extended', filter: { extended: true }, sort: 'deadline' },
  { key: 'overdue', label: 'Overdue', filter: { deadlineStatus: 'overdue' }, sort: 'deadline' },
  {
    key: 'actionsOverdue',
    label: 'Outstanding actions overdue',
    filter: { actionsOverdue: true },
    sort: 'oldest',
  },
] as const satisfies readonly { key: string; label: string; filter: CountFilter; sort: CaseSort }[];
type CountKey = (typeof DASHBOARD_COUNTS)[number]['key'];

/** The case list's query string for a count's filter and order, e.g. "deadlineStatus=overdue&sort=deadline". */
export const countQuery = (filter: CountFilter, sort: CaseSort): string =>
  new URLSearchParams([
    ...Object.entries(filter).map(([name, value]): [string, string] => [name, String(value)]),
    ['sort', sort],
  ]).toString();

const COUNT_FILTERS = Object.fromEntries(DASHBOARD_COUNTS.map((c) => [c.key, c.filter])) as Record<
  CountKey,
  CountFilter
>;

/** How far back "assigned to you" reminders look. */
export const RECENT_ASSIGNMENT_DAYS = 7;

/** What is near for one member of staff: their tasks, new assignments, and deadlines. */
export interface Reminders {
  tasks: ReturnType<typeof ownedTaskInWords>[];
  moreTasks: boolean;
  assigned: { reference: string; when: string; by: string }[];
  myDueSoon: number;
  myOverdue: number;
}

export interface Dashboard {
  counts: Record<CountKey, number>;
  /** Only for roles that may see cases: board members and administrators get aggregates alone. */
  cases: { mine: CaseRow[]; team: CaseRow[]; moreTeam: boolean } | null;
  reminders: Reminders | null;
}

/** The signed-in person's reminders, read in the dashboard's transaction. */
async function remindersFor(
  tx: Transaction,
  principal: StaffPrincipal,
  thresholds: DeadlineThresholds,
  now: Date,
): Promise<Reminders> {
  const { organisationId, staffId } = principal;
  const tasks = await listOpenTasksOwnedBy(tx, organisationId, staffId, DASHBOARD_TABLE_SIZE);
  const since = new Date(now.getTime() - RECENT_ASSIGNMENT_DAYS * 24 * 60 * 60 * 1000);
  const assigned = await recentAssignmentsTo(tx, organisationId, staffId, since, DASHBOARD_TABLE_SIZE);
  const mine = await countCasesBy(
    tx,
    organisationId,
    {
      dueSoon: { handlerId: staffId, deadlineStatus: 'due-soon' },
      overdue: { handlerId: staffId, deadlineStatus: 'overdue' },
    },
    thresholds,
  );
  return {
    tasks: tasks.rows.map((t) => ownedTaskInWords(t, thresholds.today)),
    moreTasks: tasks.more,
    assigned: assigned.map((a) => ({
      reference: a.reference,
      when: dateInWords(londonDateOf(a.assignedAt)),
      by: a.assignedBy,
    })),
    myDueSoon: mine.dueSoon,
    myOverdue: mine.overdue,
  };
}

/**
 * What is due, for the signed-in member of staff and their organisation. The counts are one SQL
 * query (a filtered count each), so they stay fast however many cases there are.
 */
export async function showDashboard(deps: ComplaintDeps, principal: StaffPrincipal): Promise<Dashboard> {
  const organisationId = principal.organisationId;
  const mayViewCases = may(principal.role, 'view-cases');
  const today = londonDateOf(deps.clock.now());
  const { counts, areas, reminders } = await deps.db.forOrganisation(organisationId, async (tx) => {
    const { thresholds } = await deadlineThresholds(tx, organisationId, today);
    return {
      counts: await countCasesBy(tx, organisationId, COUNT_FILTERS, thresholds),
      areas: mayViewCases ? await listServiceAreas(tx, organisationId, { includeRetired: true }) : [],
      reminders: mayViewCases ? await remindersFor(tx, principal, thresholds, deps.clock.now()) : null,
    };
  });
  if (!mayViewCases || !reminders) return { counts, cases: null, reminders: null };

  // Each list reads in its own transaction (listComplaints opens one).
  const urgentFirst = { open: true, sort: 'deadline', limit: DASHBOARD_TABLE_SIZE } as const;
  const [mine, team] = await Promise.all([
    listComplaints(deps, organisationId, { ...urgentFirst, handlerId: principal.staffId }),
    listComplaints(deps, organisationId, urgentFirst),
  ]);
  return {
    counts,
    cases: {
      mine: mine.items.map((item) => caseRow(item, mine.today, areas)),
      team: team.items.map((item) => caseRow(item, team.today, areas)),
      moreTeam: team.nextCursor !== null,
    },
    reminders,
  };
}
