import { NotFoundError } from '../../platform/errors.ts';
import { loadCaseContext } from './case-context.ts';
import { loadCaseState } from './complaint.repository.ts';
import { presentComplaint, type ComplaintView } from './complaint.presenter.ts';
import type { ComplaintDeps } from './deps.ts';

export async function getComplaint(
  deps: ComplaintDeps,
  organisationId: string,
  caseRef: string,
): Promise<ComplaintView> {
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const state = await loadCaseState(tx, organisationId, caseRef);
    if (!state) throw new NotFoundError(`There is no complaint ${caseRef}`);
    return presentComplaint(state, await loadCaseContext(tx, organisationId, state, deps.clock));
  });
}
