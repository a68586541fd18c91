import { z } from 'zod';
import { ASSIGN_REASON_MAX, type StaffMember } from '../../domain/complaint/command-schemas.ts';
import { CommandRefused } from '../../domain/complaint/refusal.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { actOnComplaint } from '../complaints/act-on-complaint.use-case.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireAllowed } from '../staff/staff-principal.ts';

/** How many cases one reassignment may move: one form post, each case its own transaction. */
export const MAX_CASES_PER_REASSIGNMENT = 200;

export const reassignCasesSchema = z.object({
  handler: z.uuid({ error: 'Select who will handle the cases' }),
  reason: z
    .string({ error: 'Enter the reason for the change' })
    .trim()
    .min(1, 'Enter the reason for the change')
    .max(ASSIGN_REASON_MAX, `The reason must be ${ASSIGN_REASON_MAX} characters or fewer`),
  cases: z
    .array(z.object({ reference: z.string().min(1).max(40), version: z.number().int().min(0) }))
    .min(1, 'Select at least one case to reassign')
    .max(MAX_CASES_PER_REASSIGNMENT, `Select at most ${MAX_CASES_PER_REASSIGNMENT} cases at a time`),
});
export type ReassignCasesInput = z.input<typeof reassignCasesSchema>;

export interface ReassignOutcome {
  reassigned: string[];
  /** Each case left as it was, and why, in the person's own terms. */
  notReassigned: { reference: string; why: string }[];
}

const CHANGED_MEANWHILE =
  'Someone else changed this case after you opened the page. Check the case, then reassign it again if it is still needed.';

/** Why one case was not reassigned, or null for an error that is not about the case (rethrown). */
function whyNot(error: unknown): string | null {
  if (error instanceof ConflictError) return CHANGED_MEANWHILE;
  if (error instanceof CommandRefused || error instanceof InvalidInputError) return error.message;
  if (error instanceof NotFoundError) return 'There is no such case in your organisation';
  return null;
}

/**
 * Gives each chosen case to `handler`, with the reason on its timeline, through the single-case
 * assignment (`actOnComplaint`), so every rule holds (Code 6.13 at stage 2, a role that can answer
 * the stage, not the person already handling it). Each case is its own transaction at the version
 * the person saw: nothing is checked for all cases first, because a case refused or changed
 * meanwhile should not hold up the rest; those are reported, the others are done.
 */
export async function reassignCases(
  deps: ComplaintDeps,
  principal: StaffPrincipal,
  raw: ReassignCasesInput,
): Promise<ReassignOutcome> {
  requireAllowed(principal, 'assign-handler', 'You may not reassign cases');
  const input = reassignCasesSchema.parse(raw);
  const actor = {
    kind: 'staff' as const,
    member: { id: principal.staffId, name: principal.name } satisfies StaffMember,
    role: principal.role,
  };
  const outcome: ReassignOutcome = { reassigned: [], notReassigned: [] };
  // One at a time: a batch of 200 should not take every database connection from other people.
  for (const { reference, version } of input.cases) {
    try {
      const changed = await actOnComplaint(
        deps,
        { organisationId: principal.organisationId, caseRef: reference, actor, expectedVersion: version },
        'assign-handler',
        { handler: { staffId: input.handler }, reason: input.reason },
      );
      outcome.reassigned.push(changed.reference);
    } catch (error) {
      const why = whyNot(error);
      if (why === null) throw error;
      outcome.notReassigned.push({ reference, why });
    }
  }
  return outcome;
}
