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
  /**
   * The stage ended without it: the complaint went to stage 2 before its stage 1 response. It was
   * missed if it had passed by then, and had no status if it had not (a direct SPSO escalation).
   */
  superseded: boolean;
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
  const stopped = state.status === 'withdrawn' || state.status === 'discontinued';
  const requestedOn = dateOf(state.stage2.requestedAt);
  // Stage 1 ended by a request for stage 2 before its response (overdue, or a direct escalation).
  const stage1EndedOn = requestedOn && !state.stage1.respondedAt ? requestedOn : null;
  const make = (
    kind: DeadlineKind,
    originalDue: IsoDate,
    completedOn: IsoDate | null,
    extendedTo: IsoDate | null = null,
  ): Deadline => {
    const due = extendedTo ?? originalDue;
    const base = { kind, originalDue, due, completedOn, workingDaysLeft: null, superseded: false };
    if (completedOn) {
      const met = compareIsoDates(completedOn, due) <= 0;
      return { ...base, met, status: met ? 'met' : 'missed' };
    }
    if (stage1EndedOn && kind.startsWith('stage-1-')) {
      const missed = compareIsoDates(stage1EndedOn, due) > 0;
      return { ...base, met: missed ? false : null, status: missed ? 'missed' : null, superseded: true };
    }
    if (stopped) return { ...base, met: null, status: null };
    const left = calendar.workingDaysBetween(today, due);
    const status: DeadlineStatus =
      compareIsoDates(today, due) > 0 ? 'overdue' : left <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'on-track';
    return { ...base, met: null, status, workingDaysLeft: left };
  };
  const extended = (stage: 1 | 2, originalDue: IsoDate) =>
    extendedDue(
      stage === 1 ? state.stage1.extensions : state.stage2.extensions,
      (stage === 1 ? rules.stage1 : rules.stage2).extension.capWorkingDays,
      originalDue,
      calendar,
    );

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
    deadlines.push(make('stage-1-response', due, dateOf(state.stage1.respondedAt), extended(1, due)));
  }

  if (requestedOn) {
    const s2 = rules.stage2;
    const s2AckOn = dateOf(state.stage2.acknowledgedAt);
    const refusedOn = state.stage2.refusal ? dateOf(state.stage2.refusedAt) : null;
    let s2AckDue: IsoDate | null = null;
    if (s2.acknowledgement) {
      s2AckDue = calendar.addWorkingDays(requestedOn, s2.acknowledgement.workingDays);
      deadlines.push(make('stage-2-acknowledgement', s2AckDue, s2AckOn ?? refusedOn));
    }
    if (!state.stage2.refusal) {
      const base =
        s2.response.from === 'escalation-request' ? requestedOn : (s2AckOn ?? s2AckDue ?? requestedOn);
      const due = calendar.addWorkingDays(base, s2.response.workingDays);
      deadlines.push(make('stage-2-response', due, dateOf(state.stage2.respondedAt), extended(2, due)));
    }
  }

  const main = deadlines.filter((d) => d.kind !== 'stage-1-first-contact');
  const live = !FINISHED_STATUSES.includes(state.status);
  const current = live ? (main.find((d) => d.completedOn === null && !d.superseded) ?? null) : null;
  const lastJudged = [...main].reverse().find((d) => d.completedOn !== null || d.met === false) ?? null;
  const status = current ? current.status : stopped ? null : (lastJudged?.status ?? null);
  return { deadlines, current, status };
}

/**
 * The response date as moved by extensions. Only extensions notified before the deadline they moved
 * count (decided and notified in time), and only as far as the rules' cap unless there was a good
 * reason: a policy refuses more at the time, and a benchmark's clock (the Code's, beside a policy with
 * no cap) stops at its own cap.
 */
function extendedDue(
  extensions: ComplaintState['stage1']['extensions'],
  cap: number | null,
  originalDue: IsoDate,
  calendar: WorkingDayCalendar,
): IsoDate | null {
  const last = extensions.filter((e) => e.notifiedInTime).at(-1);
  if (!last) return null;
  if (cap === null || last.goodReason) return last.newDueDate;
  const capped = calendar.addWorkingDays(originalDue, cap);
  return compareIsoDates(last.newDueDate, capped) > 0 ? capped : last.newDueDate;
}

export function findDeadline(summary: DeadlineSummary, kind: DeadlineKind): Deadline | undefined {
  return summary.deadlines.find((d) => d.kind === kind);
}
