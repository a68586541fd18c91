import { decide, type ComplaintCommand } from '../../domain/complaint/decide.ts';
import { changeCase, type ChangeRequest } from './change-case.ts';
import { COMPLAINT_COMMANDS } from './complaint-commands.ts';
import type { ComplaintView } from './complaint.presenter.ts';
import type { ComplaintDeps } from './deps.ts';

type SimpleCommand = Exclude<ComplaintCommand, { name: 'spin-off' }>;

/** Any lifecycle action that changes only the case itself (everything but spin-off). */
export async function actOnComplaint(
  deps: ComplaintDeps,
  request: ChangeRequest,
  name: SimpleCommand['name'],
  raw: unknown,
): Promise<ComplaintView> {
  // The answers are checked after the version: answers written against an older version of the
  // case (say, before a point was added) are a conflict to reload, not a set of errors to fix.
  return changeCase(deps, request, (state, ctx) => {
    const input: unknown = COMPLAINT_COMMANDS[name].schema.parse(raw);
    return Promise.resolve(decide(state, { name, input } as SimpleCommand, { ...ctx, actor: request.actor }));
  });
}
