import { describeEvent } from '../../domain/complaint/describe-event.ts';
import type { ComplaintEvent } from '../../domain/complaint/events.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { loadCaseState, loadEvents, type StoredEvent } from './complaint.repository.ts';
import type { ComplaintDeps } from './deps.ts';

/** Stored events with a line saying what each was, for a timeline. */
export function describeEvents(events: StoredEvent[]) {
  return events.map((e) => ({
    ...e,
    description: describeEvent({
      type: e.type,
      at: e.occurredAt,
      actor: e.actor,
      data: e.data,
    } as ComplaintEvent),
  }));
}
export type DescribedEvent = ReturnType<typeof describeEvents>[number];

/** Every event on a case, oldest first: who, when, what, under which policy version. */
export async function getTimeline(deps: ComplaintDeps, organisationId: string, caseRef: string) {
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const state = await loadCaseState(tx, organisationId, caseRef);
    if (!state) throw new NotFoundError(`There is no complaint ${caseRef}`);
    const events = await loadEvents(tx, organisationId, state.caseId);
    return { id: state.caseId, reference: state.reference, events: describeEvents(events) };
  });
}
