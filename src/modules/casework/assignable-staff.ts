import type { StaffMember } from '../../domain/complaint/command-schemas.ts';
import {
  HANDLER_COMMANDS,
  handlerRefusal,
  handlerStageOf,
  type CommandName,
  type HandlerCommand,
} from '../../domain/complaint/decide.ts';
import type { ComplaintState } from '../../domain/complaint/state.ts';
import type { RuleSet } from '../../domain/policy/policy-schema.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { mayHandle } from '../complaints/case-actor.ts';
import { listAccounts, type StaffAccountRow } from '../staff/staff.repository.ts';

/**
 * Who a command's form can name as the handler: active staff whose role can send the response of
 * the stage it gives, and nobody the rules would refuse for it (`handlerRefusal`: at stage 2 the
 * stage 1 handler, and under some policies anyone involved at stage 1; for a new assignment, the
 * person already handling it). So the list never offers a name the rules then refuse.
 */
function eligible(
  accounts: readonly StaffAccountRow[],
  command: HandlerCommand,
  state: ComplaintState,
  rules: RuleSet,
): StaffMember[] {
  const stage = handlerStageOf(command, state);
  return accounts
    .filter((a) => a.disabledAt === null && mayHandle(a.role, stage))
    .map((a) => ({ id: a.staffId, name: a.name }))
    .filter((member) => handlerRefusal(state, command, member, rules) === null);
}

export async function assignableStaff(
  tx: Transaction,
  organisationId: string,
  command: HandlerCommand,
  state: ComplaintState,
  rules: RuleSet,
): Promise<StaffMember[]> {
  return eligible(await listAccounts(tx, organisationId), command, state, rules);
}

/**
 * The commands the rules allow that need a handler nobody in the organisation can be: a form with
 * an empty list of names could only be refused, so the case page does not offer it.
 */
export async function commandsWithoutAHandler(
  tx: Transaction,
  organisationId: string,
  allowed: readonly CommandName[],
  state: ComplaintState,
  rules: RuleSet,
): Promise<HandlerCommand[]> {
  const needed = HANDLER_COMMANDS.filter((c) => allowed.includes(c));
  if (needed.length === 0) return [];
  const accounts = await listAccounts(tx, organisationId);
  return needed.filter((command) => eligible(accounts, command, state, rules).length === 0);
}
