import { randomUUID } from 'node:crypto';
import { londonDateOf } from '../../domain/calendar/index.ts';
import { newTaskSchema, TASK_KIND_NAMES } from '../../domain/task/task.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { loadCaseState } from '../complaints/complaint.repository.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { audit } from '../organisations/organisation.repository.ts';
import { auditActor, requireAllowed, type StaffPrincipal } from '../staff/staff-principal.ts';
import { insertTask, taskOwners } from './tasks.repository.ts';

/**
 * Adds a follow-up to a case: a call back or a chase, due on a date, owned by someone who works on
 * cases. Audited without its words (they may name the resident): the audit log says who set what
 * kind of task for whom, and when it is due.
 */
export async function addTask(
  deps: ComplaintDeps,
  principal: StaffPrincipal,
  reference: string,
  raw: unknown,
): Promise<{ taskId: string; ownerName: string }> {
  requireAllowed(principal, 'view-cases', 'Only staff who work on cases can add tasks');
  const input = newTaskSchema(londonDateOf(deps.clock.now())).parse(raw);
  const organisationId = principal.organisationId;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const state = await loadCaseState(tx, organisationId, reference);
    if (!state) throw new NotFoundError(`There is no complaint ${reference}`);
    const owner = (await taskOwners(tx, organisationId)).find((o) => o.id === input.ownerId);
    if (!owner) throw new InvalidInputError('Select who will do it from the list', 'ownerId');
    const taskId = randomUUID();
    await insertTask(tx, {
      organisationId,
      taskId,
      caseId: state.caseId,
      kind: input.kind,
      description: input.description,
      dueOn: input.dueOn,
      ownerId: owner.id,
      createdById: principal.staffId,
      createdByName: principal.name,
    });
    await audit(tx, {
      organisationId,
      actor: auditActor(principal),
      action: 'task.added',
      details: {
        caseReference: state.reference,
        taskId,
        kind: TASK_KIND_NAMES[input.kind],
        dueOn: input.dueOn,
        owner: owner.name,
      },
    });
    return { taskId, ownerName: owner.name };
  });
}
