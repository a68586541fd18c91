import { spinOffSchema } from '../../domain/complaint/command-schemas.ts';
import { decide } from '../../domain/complaint/decide.ts';
import { linkedComplaintInput } from '../../domain/complaint/receive.ts';
import { changeCase, type ChangeRequest } from './change-case.ts';
import type { ComplaintView } from './complaint.presenter.ts';
import type { ComplaintDeps } from './deps.ts';
import { allocateReference, saveNewCase } from './save-new-case.ts';

/**
 * Points that are unrelated, raised after the response, or would unreasonably delay it become a new
 * complaint, linked both ways. Both cases are written in one transaction.
 */
export async function spinOffComplaint(
  deps: ComplaintDeps,
  request: ChangeRequest,
  raw: unknown,
): Promise<ComplaintView> {
  const input = spinOffSchema.parse(raw);
  return changeCase(deps, request, 'spin-off', async (state, ctx, tx, actor) => {
    const newCase = await allocateReference(tx, request.organisationId, ctx.today);
    const events = decide(
      state,
      { name: 'spin-off', input },
      { ...ctx, actor: actor.member, via: actor.via, newCase },
    );
    await saveNewCase(
      tx,
      request.organisationId,
      linkedComplaintInput(state, input.points, actor.member, ctx.now),
      actor,
      deps.clock,
      newCase,
    );
    return events;
  });
}
