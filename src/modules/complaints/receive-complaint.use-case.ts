import { receiveSchema } from '../../domain/complaint/command-schemas.ts';
import { resolveActor, resolveStaffRef, type CaseActor } from './case-actor.ts';
import { presentComplaint, type ComplaintView } from './complaint.presenter.ts';
import type { ComplaintDeps } from './deps.ts';
import { saveNewCase } from './save-new-case.ts';

/**
 * Log a complaint received by any channel, at any time up to now (staff often log it later). Who
 * took it defaults to whoever is logging it.
 */
export async function receiveComplaintUseCase(
  deps: ComplaintDeps,
  organisationId: string,
  raw: unknown,
  actor: CaseActor,
): Promise<ComplaintView> {
  const { receivedBy, ...input } = receiveSchema.parse(raw);
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const acting = await resolveActor(tx, organisationId, actor, 'log-contact');
    const taker = receivedBy
      ? (await resolveStaffRef(tx, organisationId, receivedBy, 'receivedBy')).member
      : acting.member;
    const { state, ctx } = await saveNewCase(
      tx,
      organisationId,
      { ...input, receivedBy: taker },
      acting,
      deps.clock,
    );
    return presentComplaint(state, ctx);
  });
}
