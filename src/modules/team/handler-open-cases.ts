import { asc, sql } from 'drizzle-orm';
import { londonDateOf } from '../../domain/calendar/index.ts';
import type { StaffMember } from '../../domain/complaint/command-schemas.ts';
import type { Status } from '../../domain/complaint/state.ts';
import { cases } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { mayHandle } from '../complaints/case-actor.ts';
import { caseConditions } from '../complaints/complaint.repository.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireAllowed } from '../staff/staff-principal.ts';
import { findAccount, listAccounts } from '../staff/staff.repository.ts';
import { MAX_CASES_PER_REASSIGNMENT } from './reassign-cases.use-case.ts';

export interface OpenCase {
  reference: string;
  complainantName: string | null;
  status: Status;
  stage: 1 | 2;
  deadline: string | null;
  /** The version seen: the form carries it, so a case changed meanwhile is not overwritten. */
  version: number;
}

export interface HandlerCases {
  today: string;
  handler: StaffMember;
  /** The first MAX_CASES_PER_REASSIGNMENT, soonest deadline first. */
  cases: OpenCase[];
  /** Whether the handler has more open cases than the page lists. */
  more: boolean;
  /** Who the cases can be given to: active accounts that can handle a stage, except this handler. */
  candidates: StaffMember[];
}

/**
 * A handler's open cases for the reassign page (read by the `cases_by_handler` index), soonest
 * deadline first, and the people they could go to. The rules for each case are applied when it is
 * reassigned; the list of people is everyone who can handle some stage.
 */
export async function showHandlerCases(
  deps: ComplaintDeps,
  principal: StaffPrincipal,
  handlerId: string,
): Promise<HandlerCases> {
  requireAllowed(principal, 'assign-handler', 'You may not reassign cases');
  const organisationId = principal.organisationId;
  const today = londonDateOf(deps.clock.now());
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const rows = await tx
      .select({
        reference: cases.reference,
        complainantName: cases.complainantName,
        handlerName: cases.handlerName,
        status: cases.status,
        stage: cases.stage,
        deadline: sql<string | null>`${cases.currentDeadlineDue}::text`,
        version: cases.version,
      })
      .from(cases)
      .where(caseConditions(organisationId, { open: true, handlerId }, { today, dueSoonBefore: {} }))
      .orderBy(sql`${cases.currentDeadlineDue} asc nulls last`, asc(cases.receivedAt), asc(cases.caseId))
      .limit(MAX_CASES_PER_REASSIGNMENT + 1);
    const account = await findAccount(tx, organisationId, handlerId);
    // Someone of another organisation (or nobody) has neither an account here nor cases.
    const name = account?.name ?? rows[0]?.handlerName;
    if (name == null) throw new NotFoundError('There is no such handler in your organisation');
    const candidates = (await listAccounts(tx, organisationId))
      .filter(
        (a) =>
          a.disabledAt === null && a.staffId !== handlerId && (mayHandle(a.role, 1) || mayHandle(a.role, 2)),
      )
      .map((a) => ({ id: a.staffId, name: a.name }));
    return {
      today,
      handler: { id: handlerId, name },
      cases: rows.slice(0, MAX_CASES_PER_REASSIGNMENT).map((r) => ({
        reference: r.reference,
        complainantName: r.complainantName,
        status: r.status as Status,
        stage: r.stage === 2 ? 2 : 1,
        deadline: r.deadline,
        version: r.version,
      })),
      more: rows.length > MAX_CASES_PER_REASSIGNMENT,
      candidates,
    };
  });
}
