import { NotFoundError } from '../../platform/errors.ts';
import { loadCaseState } from '../complaints/complaint.repository.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { audit } from '../organisations/organisation.repository.ts';
import { auditActor, requireAllowed, type StaffPrincipal } from '../staff/staff-principal.ts';
import { markTaskDone } from './tasks.repository.ts';

/**
 * Marks a case's open task done, by anyone who works on cases (a colleague may make the call back).
 * A task already done, or not on this case, is not found: marking it twice changes nothing.
 */
export async function completeTask(
  deps: ComplaintDeps,
  principal: StaffPrincipal,
  reference: string,
  taskId: string,
): Promise<{ description: string }> {
  requireAllowed(principal, 'view-cases', 'Only staff who work on cases can complete tasks');
  const organisationId = principal.organisationId;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const state = await loadCaseState(tx, organisationId, reference);
    if (!state) throw new NotFoundError(`There is no complaint ${reference}`);
    const done = await markTaskDone(tx, organisationId, state.caseId, taskId, {
      at: deps.clock.now(),
      byName: principal.name,
    });
    if (!done) throw new NotFoundError('That task is done already, or is not on this case');
    await audit(tx, {
      organisationId,
      actor: auditActor(principal),
      action: 'task.completed',
      details: { caseReference: state.reference, taskId },
    });
    return done;
  });
}
