import { sql } from 'drizzle-orm';
import { londonDateOf } from '../../domain/calendar/index.ts';
import type { StaffMember } from '../../domain/complaint/command-schemas.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { cases } from '../../platform/db/schema.ts';
import { mayHandle } from '../complaints/case-actor.ts';
import { caseConditions, type DeadlineThresholds } from '../complaints/complaint.repository.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { deadlineThresholds } from '../complaints/list-complaints.use-case.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireAllowed } from '../staff/staff-principal.ts';
import { listAccounts } from '../staff/staff.repository.ts';

/** One handler's open cases (or, with `handler` null, the open cases nobody handles). */
export interface Workload {
  handler: StaffMember | null;
  /** False for someone no longer able to take cases (account disabled, or a role that cannot). */
  active: boolean;
  open: number;
  overdue: number;
  /** Due within the dashboard's "due soon" window (the case list's `deadlineStatus=due-soon`). */
  dueSoon: number;
  /** The soonest deadline not yet passed, if any. */
  nextDeadline: string | null;
}

export interface TeamWorkload {
  today: string;
  handlers: Workload[];
  unassigned: Workload;
}

interface WorkloadRow {
  handlerId: string | null;
  handlerName: string | null;
  open: number;
  overdue: number;
  dueSoon: number;
  nextDeadline: string | null;
}

/**
 * Open cases per handler, in one query grouped by `handler_id`. The open statuses are the
 * `cases_by_status` index's leading columns, so the query reads the open cases alone (10,000 of a
 * million), and each count's condition is the case list's own filter: a figure is always the
 * number of cases its link lists. Returns the query (the bench explains it).
 */
export function workloadRows(tx: Transaction, organisationId: string, thresholds: DeadlineThresholds) {
  const when = (filters: Parameters<typeof caseConditions>[1]) =>
    caseConditions(organisationId, filters, thresholds) ?? sql`true`;
  return tx
    .select({
      handlerId: cases.handlerId,
      // A handler's name as recorded on their cases (the same on each unless renamed since).
      handlerName: sql<string | null>`max(${cases.handlerName})`,
      open: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${when({ deadlineStatus: 'overdue' })})`.mapWith(Number),
      dueSoon: sql<number>`count(*) filter (where ${when({ deadlineStatus: 'due-soon' })})`.mapWith(Number),
      nextDeadline: sql<
        string | null
      >`(min(${cases.currentDeadlineDue}) filter (where ${cases.currentDeadlineDue} >= ${thresholds.today}::date))::text`,
    })
    .from(cases)
    .where(caseConditions(organisationId, { open: true }, thresholds))
    .groupBy(cases.handlerId);
}

const EMPTY: Figures = { open: 0, overdue: 0, dueSoon: 0, nextDeadline: null };

/**
 * The team's workload: a row for every active account that can handle a stage (with no cases, a
 * row of noughts), a row for anyone else still holding open cases, and the unassigned cases.
 */
export async function showTeamWorkload(
  deps: ComplaintDeps,
  principal: StaffPrincipal,
): Promise<TeamWorkload> {
  requireAllowed(principal, 'assign-handler', 'You may not see the team’s workload');
  const organisationId = principal.organisationId;
  const today = londonDateOf(deps.clock.now());
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const { thresholds } = await deadlineThresholds(tx, organisationId, today);
    const [rows, accounts] = await Promise.all([
      workloadRows(tx, organisationId, thresholds),
      listAccounts(tx, organisationId),
    ]);
    const byHandler = new Map(rows.map((r) => [r.handlerId, r]));
    const handlers = accounts
      .filter((a) => a.disabledAt === null && (mayHandle(a.role, 1) || mayHandle(a.role, 2)))
      .map((a): Workload => {
        const row = byHandler.get(a.staffId);
        byHandler.delete(a.staffId);
        return { handler: { id: a.staffId, name: a.name }, active: true, ...figures(row) };
      });
    const unassigned = byHandler.get(null);
    byHandler.delete(null);
    const others = [...byHandler.values()].map((row): Workload => ({
      handler: { id: row.handlerId ?? '', name: row.handlerName ?? 'Unknown' },
      active: false,
      ...figures(row),
    }));
    return {
      today,
      handlers: [...handlers, ...others].sort((a, b) =>
        (a.handler?.name ?? '').localeCompare(b.handler?.name ?? ''),
      ),
      unassigned: { handler: null, active: true, ...figures(unassigned) },
    };
  });
}

type Figures = Omit<Workload, 'handler' | 'active'>;

function figures(row: WorkloadRow | undefined): Figures {
  if (!row) return EMPTY;
  const { open, overdue, dueSoon, nextDeadline } = row;
  return { open, overdue, dueSoon, nextDeadline };
}
