import { compareIsoDates, londonDateOf, type IsoDate, type WorkingDayCalendar } from '../calendar/index.ts';
import type { RuleSet } from '../policy/policy-schema.ts';
import { FINISHED_STATUSES, type ComplaintState } from './state.ts';

export const DEADLINE_STATUSES = ['on-track', 'due-soon', 'overdue', 'met', 'missed'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const DEADLINE_KINDS = [
  'stage-1-acknowledgement',
  'stage-1-first-contact',
  'stage-1-response',
  'stage-2-acknowledgement',
  'stage-2-response',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** "Due soon" means due within this many working days (today counts as 0). */
export const DUE_SOON_WORKING_DAYS = 2;

export interface Deadline {
  kind: DeadlineKind;
  /** The deadline the policy sets. */
  originalDue: IsoDate;
  /** The deadline after extensions notified in time; the date the case is measured against. */
  due: IsoDate;
  completedOn: IsoDate | null;
  met: boolean | null;
  status: DeadlineStatus | null;
  /** Working days from today to the due date; negative when overdue; null once completed. */
  workingDaysLeft: number | null;
}

export interface DeadlineSummary {
  deadlines: Deadline[];
  /** The next deadline still open on a live case, or null. */
  current: Deadline | null;
  /** The status of the current deadline, else the outcome of the last one completed. */
  status: DeadlineStatus | null;
}

const dateOf = (instant: string | null): IsoDate | null => (instant ? londonDateOf(instant) : null);

/**
 * Every deadline of a case, computed from its events, its policy version's rules and its calendar.
 * Pure: `today` is passed in, so lists and reports over whole caseloads give one consistent answer.
 */
export function deriveDeadlines(
  state: ComplaintState,
  rules: RuleSet,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): DeadlineSummary {
  const stopped = state.status === 'withdrawn';
  const make = (
    kind: DeadlineKind,
    originalDue: IsoDate,
    completedOn: IsoDate | null,
    extendedTo: IsoDate | null = null,
  ): Deadline => {
    const due = extendedTo ?? originalDue;
    if (completedOn) {
      const met = compareIsoDates(completedOn, due) <= 0;
      return {
        kind,
        originalDue,
        due,
        completedOn,
        met,
        status: met ? 'met' : 'missed',
        workingDaysLeft: null,
      };
    }
    if (stopped)
      return { kind, originalDue, due, completedOn, met: null, status: null, workingDaysLeft: null };
    const left = calendar.workingDaysBetween(today, due);
    const status: DeadlineStatus =
      compareIsoDates(today, due) > 0 ? 'overdue' : left <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'on-track';
    return { kind, originalDue, due, completedOn, met: null, status, workingDaysLeft: left };
  };

  const deadlines: Deadline[] = [];
  const s1 = rules.stage1;
  const ackOn = dateOf(state.stage1.acknowledgedAt);
  const notAcceptedOn = dateOf(state.notAccepted?.at ?? null);
  const anonymousUnacknowledged = state.complainant.kind === 'anonymous' && !s1.acknowledgeAnonymous;

  let s1AckDue: IsoDate | null = null;
  if (s1.acknowledgement && !anonymousUnacknowledged) {
    s1AckDue = calendar.addWorkingDays(state.receivedOn, s1.acknowledgement.workingDays);
    // A decision not to accept is the letter that answers the acknowledgement deadline.
    deadlines.push(make('stage-1-acknowledgement', s1AckDue, ackOn ?? notAcceptedOn));
  }
  if (s1.firstContact && ackOn) {
    const due = calendar.addWorkingDays(ackOn, s1.firstContact.workingDays);
    deadlines.push(make('stage-1-first-contact', due, dateOf(state.firstContactAt)));
  }
  if (!state.notAccepted) {
    const base = s1.response.from === 'receipt' ? state.receivedOn : (ackOn ?? s1AckDue ?? state.receivedOn);
    const due = calendar.addWorkingDays(base, s1.response.workingDays);
    deadlines.push(
      make('stage-1-response', due, dateOf(state.stage1.respondedAt), extendedDue(state.stage1.extensions)),
    );
  }

  const requestedOn = dateOf(state.stage2.requestedAt);
  if (requestedOn) {
    const s2 = rules.stage2;
    const s2AckOn = dateOf(state.stage2.acknowledgedAt);
    const refusedOn = state.stage2.refused ? dateOf(state.stage2.refusedAt) : null;
    let s2AckDue: IsoDate | null = null;
    if (s2.acknowledgement) {
      s2AckDue = calendar.addWorkingDays(requestedOn, s2.acknowledgement.workingDays);
      deadlines.push(make('stage-2-acknowledgement', s2AckDue, s2AckOn ?? refusedOn));
    }
    if (!state.stage2.refused) {
      const base =
        s2.response.from === 'escalation-request' ? requestedOn : (s2AckOn ?? s2AckDue ?? requestedOn);
      const due = calendar.addWorkingDays(base, s2.response.workingDays);
      deadlines.push(
        make('stage-2-response', due, dateOf(state.stage2.respondedAt), extendedDue(state.stage2.extensions)),
      );
    }
  }

  const main = deadlines.filter((d) => d.kind !== 'stage-1-first-contact');
  const live = !FINISHED_STATUSES.includes(state.status);
  const current = live ? (main.find((d) => d.completedOn === null) ?? null) : null;
  const lastCompleted = [...main].reverse().find((d) => d.completedOn !== null) ?? null;
  const status = current ? current.status : stopped ? null : (lastCompleted?.status ?? null);
  return { deadlines, current, status };
}

/** Only extensions notified before the deadline they moved count (Code: decided and notified in time). */
function extendedDue(extensions: ComplaintState['stage1']['extensions']): IsoDate | null {
  const inTime = extensions.filter((e) => e.notifiedInTime);
  return inTime.at(-1)?.newDueDate ?? null;
}

export function findDeadline(summary: DeadlineSummary, kind: DeadlineKind): Deadline | undefined {
  return summary.deadlines.find((d) => d.kind === kind);
}
