import {
  calendarFor,
  londonDateOf,
  type IsoDate,
  type WorkingDayCalendar,
} from '../../domain/calendar/index.ts';
import type { DeadlineSummary } from '../../domain/complaint/deadlines.ts';
import type { ComplaintState } from '../../domain/complaint/state.ts';
import { rulesFor } from '../../domain/complaint/receive.ts';
import { divisionOf } from '../../domain/policy/country.ts';
import type { Policy, RuleSet } from '../../domain/policy/policy-schema.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { listClosureDays, policyVersion } from '../organisations/organisation.repository.ts';
import type { CaseProjection } from './complaint.repository.ts';
import { holdWorkingDays } from './working-days-lock.ts';
import { keepBankHolidayListCurrent } from '../bank-holidays/bank-holiday-list-in-force.ts';

/** What the domain needs to judge a case: its own policy version, its calendar, and the date. */
export interface CaseContext {
  policy: Policy;
  rules: RuleSet;
  calendar: WorkingDayCalendar;
  now: Date;
  today: IsoDate;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Why the working days are read: to show them, or to store deadlines computed from them. A write
 * holds the organisation's working days (see working-days-lock.ts) so that a closure-day change
 * cannot make what it stores stale.
 */
export type Purpose = 'read' | 'write';

/**
 * The organisation's closure days, held against change until the transaction ends when writing; and
 * the calendars brought up to date with the bank holiday list in force.
 */
export async function closureDaysFor(
  tx: Transaction,
  organisationId: string,
  purpose: Purpose,
): Promise<IsoDate[]> {
  if (purpose === 'write') await holdWorkingDays(tx, organisationId, 'shared');
  await keepBankHolidayListCurrent(tx);
  return listClosureDays(tx, organisationId);
}

export async function loadCaseContext(
  tx: Transaction,
  organisationId: string,
  state: ComplaintState,
  clock: Clock,
  purpose: Purpose = 'read',
): Promise<CaseContext> {
  const policy = await policyVersion(tx, organisationId, state.policy.key, state.policy.version);
  if (!policy)
    throw new Error(`Policy ${state.policy.key} v${state.policy.version} is missing for ${state.reference}`);
  const rules = rulesFor(policy, state.country);
  const calendar = calendarFor(divisionOf(state.country), await closureDaysFor(tx, organisationId, purpose));
  const now = clock.now();
  return { policy, rules, calendar, now, today: londonDateOf(now) };
}

export function projectionOf(summary: DeadlineSummary): CaseProjection {
  const outcome = summary.current ? null : summary.status;
  return {
    currentDeadlineKind: summary.current?.kind ?? null,
    currentDeadlineDue: summary.current?.due ?? null,
    lastDeadlineOutcome: outcome === 'met' || outcome === 'missed' ? outcome : null,
    currentDeadlineExtended: summary.current ? summary.current.due !== summary.current.originalDue : false,
  };
}
