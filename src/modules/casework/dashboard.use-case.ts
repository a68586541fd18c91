import { londonDateOf } from '../../domain/calendar/index.ts';
import { may } from '../../domain/access/permissions.ts';
import { listServiceAreas } from '../administration/service-areas.repository.ts';
import { countCases, type CaseFilters } from '../complaints/complaint.repository.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { endOfWeek, listComplaints } from '../complaints/list-complaints.use-case.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { caseRow, type CaseRow } from './case-list-rows.ts';

/** How many cases the dashboard's tables show before linking to the full list. */
export const DASHBOARD_TABLE_SIZE = 10;

/** The dashboard's counts: each is also a filter of the case list (the query string it links to). */
export const DASHBOARD_COUNTS = [
  { key: 'awaiting', label: 'Awaiting acceptance or acknowledgement', query: 'awaiting=true' },
  { key: 'dueThisWeek', label: 'Responses due this week', query: 'dueThisWeek=true' },
  { key: 'extended', label: 'Deadlines extended', query: 'extended=true' },
  { key: 'overdue', label: 'Overdue', query: 'deadlineStatus=overdue' },
  { key: 'actionsOverdue', label: 'Outstanding actions overdue', query: 'actionsOverdue=true' },
] as const;
type CountKey = (typeof DASHBOARD_COUNTS)[number]['key'];

const COUNT_FILTERS: Record<CountKey, Omit<CaseFilters, 'limit'>> = {
  awaiting: { awaiting: true },
  dueThisWeek: { dueThisWeek: true },
  extended: { extended: true },
  overdue: { deadlineStatus: 'overdue' },
  actionsOverdue: { actionsOverdue: true },
};

export interface Dashboard {
  counts: Record<CountKey, number>;
  /** Only for roles that may see cases: board members and administrators get aggregates alone. */
  cases: { mine: CaseRow[]; team: CaseRow[]; moreTeam: boolean } | null;
}

/**
 * What is due, for the signed-in member of staff and their organisation. The counts are SQL counts
 * (each an index range or lookup), so they stay fast however many cases there are.
 */
export async function showDashboard(deps: ComplaintDeps, principal: StaffPrincipal): Promise<Dashboard> {
  const organisationId = principal.organisationId;
  const today = londonDateOf(deps.clock.now());
  const thresholds = { today, dueSoonBefore: {}, endOfWeek: endOfWeek(today) };
  const counts = await deps.db.forOrganisation(organisationId, async (tx) => {
    const entries: [CountKey, number][] = [];
    for (const { key } of DASHBOARD_COUNTS) {
      entries.push([key, await countCases(tx, organisationId, COUNT_FILTERS[key], thresholds)]);
    }
    return Object.fromEntries(entries) as Record<CountKey, number>;
  });
  if (!may(principal.role, 'view-cases')) return { counts, cases: null };

  const urgentFirst = { open: true, sort: 'deadline', limit: DASHBOARD_TABLE_SIZE } as const;
  const [mine, team, areas] = await Promise.all([
    listComplaints(deps, organisationId, { ...urgentFirst, handlerId: principal.staffId }),
    listComplaints(deps, organisationId, urgentFirst),
    deps.db.forOrganisation(organisationId, (tx) =>
      listServiceAreas(tx, organisationId, { includeRetired: true }),
    ),
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
