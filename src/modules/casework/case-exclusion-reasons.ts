import { NotFoundError } from '../../platform/errors.ts';
import { loadCaseContext } from '../complaints/case-context.ts';
import { loadCaseState } from '../complaints/complaint.repository.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';

/** The reasons the case's own policy version gives for not accepting a complaint, for its jurisdiction. */
export async function exclusionReasonsFor(
  deps: ComplaintDeps,
  organisationId: string,
  caseRef: string,
): Promise<{ code: string; label: string }[]> {
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const state = await loadCaseState(tx, organisationId, caseRef);
    if (!state) throw new NotFoundError(`There is no complaint ${caseRef}`);
    return (await loadCaseContext(tx, organisationId, state, deps.clock)).rules.exclusionReasons;
  });
}
