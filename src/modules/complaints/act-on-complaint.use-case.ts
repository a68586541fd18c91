import { decide, type ComplaintCommand } from '../../domain/complaint/decide.ts';
import { resolveStaffRefs } from '../../domain/complaint/staff-refs.ts';
import { resolveHandler } from './case-actor.ts';
import { changeCase, type ChangeRequest } from './change-case.ts';
import { COMPLAINT_COMMANDS } from './complaint-commands.ts';
import type { ComplaintView } from './complaint.presenter.ts';
import type { ComplaintDeps } from './deps.ts';

type SimpleCommand = Exclude<ComplaintCommand, { name: 'spin-off' }>;

/** The stage a command's handler is given: stage 2 for its acknowledgement, else the case's own. */
const handlerStage = (name: SimpleCommand['name'], caseStage: 1 | 2): 1 | 2 =>
  name === 'acknowledge-stage-2' ? 2 : name === 'acknowledge' ? 1 : caseStage;

/** Any lifecycle action that changes only the case itself (everything but spin-off). */
export async function actOnComplaint(
  deps: ComplaintDeps,
  request: ChangeRequest,
  name: SimpleCommand['name'],
  raw: unknown,
): Promise<ComplaintView> {
  // The answers are checked after the version: answers written against an older version of the
  // case (say, before a point was added) are a conflict to reload, not a set of errors to fix.
  return changeCase(deps, request, name, async (state, ctx, tx, actor) => {
    const parsed = COMPLAINT_COMMANDS[name].schema.parse(raw);
    const input = await resolveStaffRefs(parsed, (ref) =>
      resolveHandler(tx, request.organisationId, ref, handlerStage(name, state.stage)),
    );
    return decide(state, { name, input } as SimpleCommand, {
      ...ctx,
      actor: actor.member,
      via: actor.via,
    });
  });
}
