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
  const input: unknown = COMPLAINT_COMMANDS[name].schema.parse(raw);
  return changeCase(deps, request, (state, ctx) =>
    Promise.resolve(decide(state, { name, input } as SimpleCommand, { ...ctx, actor: request.actor })),
  );
}
