import type { CommandName } from '../../domain/complaint/decide.ts';
import { deriveDeadlines } from '../../domain/complaint/deadlines.ts';
import type { ComplaintEvent } from '../../domain/complaint/events.ts';
import { evolve, type ComplaintState } from '../../domain/complaint/state.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { resolveActor, type CaseActor, type ResolvedActor } from './case-actor.ts';
import { loadCaseContext, projectionOf, type CaseContext } from './case-context.ts';
import { appendToCase, loadCaseState } from './complaint.repository.ts';
import { presentComplaint, type ComplaintView } from './complaint.presenter.ts';
import type { ComplaintDeps } from './deps.ts';

export interface ChangeRequest {
  organisationId: string;
  caseRef: string;
  actor: CaseActor;
  /** The version the user saw (If-Match); a different current version is a conflict. */
  expectedVersion?: number | undefined;
}

/**
 * The one path by which a case changes: load, check who is acting, decide (pure), append events and
 * projection in one transaction, with optimistic concurrency. `decideEvents` may also write (e.g. a
 * linked case).
 */
export async function changeCase(
  deps: ComplaintDeps,
  request: ChangeRequest,
  command: CommandName,
  decideEvents: (
    state: ComplaintState,
    ctx: CaseContext,
    tx: Transaction,
    actor: ResolvedActor,
  ) => Promise<ComplaintEvent[]>,
): Promise<ComplaintView> {
  return deps.db.forOrganisation(request.organisationId, async (tx) => {
    const state = await loadCaseState(tx, request.organisationId, request.caseRef);
    if (!state) throw new NotFoundError(`There is no complaint ${request.caseRef}`);
    if (request.expectedVersion !== undefined && request.expectedVersion !== state.version) {
      throw new ConflictError(
        `This case has changed since you loaded it (you had version ${request.expectedVersion}, it is now ${state.version}). Reload it and try again.`,
      );
    }
    const actor = await resolveActor(tx, request.organisationId, request.actor, command);
    const ctx = await loadCaseContext(tx, request.organisationId, state, deps.clock, 'write');
    const events = await decideEvents(state, ctx, tx, actor);
    const next = events.reduce<ComplaintState>((s, e) => evolve(s, e), state);
    const summary = deriveDeadlines(next, ctx.rules, ctx.calendar, ctx.today);
    await appendToCase(tx, request.organisationId, state.version, next, events, projectionOf(summary));
    return presentComplaint(next, ctx);
  });
}
