import { and, asc, eq, gt, notInArray } from 'drizzle-orm';
import { calendarFor, londonDateOf } from '../../domain/calendar/index.ts';
import { deriveDeadlines } from '../../domain/complaint/deadlines.ts';
import { rulesFor } from '../../domain/complaint/receive.ts';
import { FINISHED_STATUSES, type ComplaintState } from '../../domain/complaint/state.ts';
import { divisionOf } from '../../domain/policy/country.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { cases } from '../../platform/db/schema.ts';
import { listClosureDays, policyVersion } from '../organisations/organisation.repository.ts';
import { projectionOf, type Clock } from './case-context.ts';
import { holdWorkingDays } from './working-days-lock.ts';
import { keepBankHolidayListCurrent } from '../bank-holidays/bank-holiday-list-in-force.ts';

const BATCH_SIZE = 200;

/**
 * Recomputes the stored deadline projection of every open case, for when the working days change
 * (a closure day added or removed, a new bank holiday list). Run inside the transaction that made the change, so lists and
 * filters never see the old dates with the new calendar. Only the projection columns change: the
 * events and the state are facts and stay as they are. Cases are read in batches by id so memory
 * stays flat however many there are. Returns how many cases' projections changed.
 */
export async function reprojectOpenCases(
  tx: Transaction,
  organisationId: string,
  clock: Clock,
): Promise<number> {
  // Waits for case writes in flight to commit (so their versions are read below) and keeps new ones
  // waiting until this change commits (so they read the new closure days).
  await holdWorkingDays(tx, organisationId, 'exclusive');
  await keepBankHolidayListCurrent(tx);
  const closureDays = await listClosureDays(tx, organisationId);
  const today = londonDateOf(clock.now());
  const policies = new Map<string, Policy>();
  const policyOf = async (state: ComplaintState): Promise<Policy> => {
    const key = `${state.policy.key}@${String(state.policy.version)}`;
    let policy = policies.get(key);
    if (!policy) {
      policy = (await policyVersion(tx, organisationId, state.policy.key, state.policy.version)) ?? undefined;
      if (!policy) throw new Error(`Policy ${key} is missing for ${state.reference}`);
      policies.set(key, policy);
    }
    return policy;
  };

  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const batch: {
      caseId: string;
      version: number;
      state: unknown;
      currentDeadlineKind: string | null;
      currentDeadlineDue: string | null;
      lastDeadlineOutcome: string | null;
      currentDeadlineExtended: boolean;
    }[] = await tx
      .select({
        caseId: cases.caseId,
        version: cases.version,
        state: cases.state,
        currentDeadlineKind: cases.currentDeadlineKind,
        currentDeadlineDue: cases.currentDeadlineDue,
        lastDeadlineOutcome: cases.lastDeadlineOutcome,
        currentDeadlineExtended: cases.currentDeadlineExtended,
      })
      .from(cases)
      .where(
        and(
          eq(cases.organisationId, organisationId),
          notInArray(cases.status, [...FINISHED_STATUSES]),
          after === null ? undefined : gt(cases.caseId, after),
        ),
      )
      .orderBy(asc(cases.caseId))
      .limit(BATCH_SIZE);
    for (const row of batch) {
      const state = row.state as ComplaintState;
      const rules = rulesFor(await policyOf(state), state.country);
      const calendar = calendarFor(divisionOf(state.country), closureDays);
      const next = projectionOf(deriveDeadlines(state, rules, calendar, today));
      const same =
        next.currentDeadlineKind === row.currentDeadlineKind &&
        next.currentDeadlineDue === row.currentDeadlineDue &&
        next.lastDeadlineOutcome === row.lastDeadlineOutcome &&
        next.currentDeadlineExtended === row.currentDeadlineExtended;
      if (same) continue;
      // Guarded by the version read: a case changed meanwhile already has a fresh projection.
      await tx
        .update(cases)
        .set(next)
        .where(
          and(
            eq(cases.organisationId, organisationId),
            eq(cases.caseId, row.caseId),
            eq(cases.version, row.version),
          ),
        );
      changed += 1;
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH_SIZE) return changed;
    after = last.caseId;
  }
}
