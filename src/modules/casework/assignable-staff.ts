import type { StaffMember } from '../../domain/complaint/command-schemas.ts';
import { stage2HandlerRefusal } from '../../domain/complaint/decide.ts';
import type { ComplaintState } from '../../domain/complaint/state.ts';
import type { RuleSet } from '../../domain/policy/policy-schema.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { mayHandle } from '../complaints/case-actor.ts';
import { listAccounts } from '../staff/staff.repository.ts';

/**
 * Who a stage of this case can be given to: active staff whose role can send that stage's
 * response, and at stage 2 nobody the rules would refuse (the stage 1 handler, and under some
 * policies anyone involved at stage 1). So the list never offers a name the rules then refuse.
 */
export async function assignableStaff(
  tx: Transaction,
  organisationId: string,
  stage: 1 | 2,
  state: ComplaintState,
  rules: RuleSet,
): Promise<StaffMember[]> {
  const accounts = await listAccounts(tx, organisationId);
  return accounts
    .filter((a) => a.disabledAt === null && mayHandle(a.role, stage))
    .map((a) => ({ id: a.staffId, name: a.name }))
    .filter((member) => stage === 1 || stage2HandlerRefusal(state, member, rules) === null);
}
