import {
  receiveSchema,
  type ReceiveInput,
  type StaffMember,
} from '../../domain/complaint/command-schemas.ts';
import { presentComplaint, type ComplaintView } from './complaint.presenter.ts';
import type { ComplaintDeps } from './deps.ts';
import { saveNewCase } from './save-new-case.ts';

/** Log a complaint received by any channel, at any time up to now (staff often log it later). */
export async function receiveComplaintUseCase(
  deps: ComplaintDeps,
  organisationId: string,
  raw: ReceiveInput,
  actor?: StaffMember,
): Promise<ComplaintView> {
  const input = receiveSchema.parse(raw);
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const { state, ctx } = await saveNewCase(
      tx,
      organisationId,
      input,
      actor ?? input.receivedBy,
      deps.clock,
    );
    return presentComplaint(state, ctx);
  });
}
