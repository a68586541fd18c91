import { londonDateOf } from '../../domain/calendar/index.ts';
import { may } from '../../domain/access/permissions.ts';
import { listServiceAreas } from '../administration/service-areas.repository.ts';
import { countCasesBy, type CaseFilters, type CaseSort } from '../complaints/complaint.repository.ts';
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

export interface Dashboard {
  counts: Record<CountKey, number>;
  /** Only for roles that may see cases: board members and administrators get aggregates alone. */
  cases: { mine: CaseRow[]; team: CaseRow[]; moreTeam: boolean } | null;
}

/**
 * What is due, for the signed-in member of staff and their organisation. The counts are one SQL
 * query (a filtered count each), so they stay fast however many cases there are.
 */
export async function showDashboard(deps: ComplaintDeps, principal: StaffPrincipal): Promise<Dashboard> {
  const organisationId = principal.organisationId;
  const mayViewCases = may(principal.role, 'view-cases');
  const { counts, areas } = await deps.db.forOrganisation(organisationId, async (tx) => {
    const { thresholds } = await deadlineThresholds(tx, organisationId, londonDateOf(deps.clock.now()));
    return {
      counts: await countCasesBy(tx, organisationId, COUNT_FILTERS, thresholds),
      areas: mayViewCases ? await listServiceAreas(tx, organisationId, { includeRetired: true }) : [],
    };
  });
  if (!mayViewCases) return { counts, cases: null };

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
  };
}
