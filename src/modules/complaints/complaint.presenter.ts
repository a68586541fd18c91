import { consentOutstanding } from '../../domain/complaint/consent.ts';
import { allowedCommands } from '../../domain/complaint/decide.ts';
import {
  deriveDeadlines,
  type Deadline,
  type DeadlineKind,
  type DeadlineSummary,
} from '../../domain/complaint/deadlines.ts';
import { latestExtensionWithoutGoodReason } from '../../domain/complaint/extension-limit.ts';
import type { ComplaintState, StageState } from '../../domain/complaint/state.ts';
import { COUNTRY_NAMES, divisionOf } from '../../domain/policy/country.ts';
import { bodyDetails, routesFor } from '../../domain/policy/external-routes.ts';
import { regimeOf } from '../../domain/policy/regimes.ts';
import type { CaseContext } from './case-context.ts';

const DEADLINE_NAMES: Record<DeadlineKind, string> = {
  'stage-1-acknowledgement': 'stage1Acknowledgement',
  'stage-1-first-contact': 'stage1FirstContact',
  'stage-1-response': 'stage1Response',
  'stage-2-acknowledgement': 'stage2Acknowledgement',
  'stage-2-response': 'stage2Response',
};

function presentDeadline(d: Deadline) {
  return {
    due: d.due,
    originalDue: d.originalDue,
    extended: d.due !== d.originalDue,
    completedOn: d.completedOn,
    met: d.met,
    status: d.status,
    workingDaysLeft: d.workingDaysLeft,
    superseded: d.superseded,
  };
}

function presentDeadlines(summary: DeadlineSummary) {
  return {
    deadlines: Object.fromEntries(summary.deadlines.map((d) => [DEADLINE_NAMES[d.kind], presentDeadline(d)])),
    currentDeadline: summary.current
      ? { kind: summary.current.kind, ...presentDeadline(summary.current) }
      : null,
    deadlineStatus: summary.status,
  };
}

/** Whether two clocks tell a case anything different: a date, or whether a deadline was met. */
function clocksDiffer(a: DeadlineSummary, b: DeadlineSummary): boolean {
  const key = (d: Deadline) => `${d.kind}:${d.due}:${String(d.met)}`;
  const theirs = new Set(b.deadlines.map(key));
  return (
    a.status !== b.status ||
    a.deadlines.some((d) => d.kind !== 'stage-1-first-contact' && !theirs.has(key(d)))
  );
}

const stageDefinition = (stage: StageState) => ({
  outcomesSought: stage.outcomesSought,
  notLandlordResponsibility: stage.notLandlordResponsibility,
});

/**
 * For the stage's open response deadline: the policy's cap on extensions and the latest date allowed
 * without a good reason, so that staff see it before choosing a date.
 */
function extensionLimit(state: ComplaintState, summary: DeadlineSummary, ctx: CaseContext) {
  const kind = state.stage === 1 ? 'stage-1-response' : 'stage-2-response';
  const deadline = summary.deadlines.find((d) => d.kind === kind && d.completedOn === null && !d.superseded);
  if (!deadline) return null;
  const cap = (state.stage === 1 ? ctx.rules.stage1 : ctx.rules.stage2).extension.capWorkingDays;
  return {
    originalDue: deadline.originalDue,
    capWorkingDays: cap,
    latestWithoutGoodReason: latestExtensionWithoutGoodReason(deadline.originalDue, cap, ctx.calendar),
  };
}

/**
 * When a stage's response clock starts and, where it runs from the acknowledgement, the date an
 * acknowledgement sent today would set: staff see that acknowledging moves the response date.
 */
function responseClock(response: { workingDays: number; from: string }, ctx: CaseContext) {
  return {
    workingDays: response.workingDays,
    from: response.from,
    dueIfAcknowledgedToday:
      response.from === 'acknowledgement'
        ? ctx.calendar.addWorkingDays(ctx.today, response.workingDays)
        : null,
  };
}

/** The API's view of a complaint: its record plus everything computed from policy and calendar. */
export function presentComplaint(state: ComplaintState, ctx: CaseContext) {
  const summary = deriveDeadlines(state, ctx.rules, ctx.calendar, ctx.today);
  const regime = regimeOf(state.country);
  // The benchmark's clock beside the policy's: the same events, the benchmark's timescales and caps.
  const byBenchmark = deriveDeadlines(state, regime.benchmark.rules, ctx.calendar, ctx.today);
  const representative = state.representative;
  return {
    id: state.caseId,
    reference: state.reference,
    version: state.version,
    status: state.status,
    stage: state.stage,
    policy: { key: ctx.policy.key, version: ctx.policy.version, name: ctx.policy.name },
    country: state.country,
    countryName: COUNTRY_NAMES[state.country],
    bankHolidays: divisionOf(state.country),
    serviceArea: state.serviceArea,
    serviceType: state.serviceType,
    category: state.category ?? null,
    channel: state.channel,
    receivedBy: state.receivedBy,
    receivedAt: state.receivedAt,
    receivedOn: state.receivedOn,
    issueDate: state.issueDate,
    issueDateKind: state.issueDateKind,
    complainant: state.complainant,
    representative,
    consentRecorded: state.consentRecorded,
    proceededWithoutConsent: state.proceededWithoutConsent,
    collectiveMembers: state.collectiveMembers,
    summary: state.summary,
    handlers: { stage1: state.stage1.handler, stage2: state.stage2.handler },
    points: state.points,
    definition: { stage1: stageDefinition(state.stage1), stage2: stageDefinition(state.stage2) },
    decisions: { stage1: state.stage1.decisions, stage2: state.stage2.decisions },
    learning: { stage1: state.stage1.learning, stage2: state.stage2.learning },
    remediesAndActions: state.items.map((item) => ({
      ...item,
      overdue: item.completedOn === null && item.dueDate < ctx.today,
    })),
    extensions: { stage1: state.stage1.extensions, stage2: state.stage2.extensions },
    escalation: state.stage2.requestedAt
      ? {
          requestedAt: state.stage2.requestedAt,
          route: state.stage2.route,
          directReason: state.stage2.directReason,
          reason: state.stage2.reason,
          windowEnds: state.stage2.windowEnds,
          outsideWindow: state.stage2.outsideWindow,
          lateEscalationAccepted: state.stage2.lateEscalationAccepted,
          refusal: state.stage2.refusal,
        }
      : null,
    notAccepted: state.notAccepted,
    discontinued: state.discontinued,
    flags: {
      outsideTimeLimit: state.outsideTimeLimit,
      timeLimitEnds: state.timeLimitEnds,
      timeLimitException: state.timeLimitException,
      timeLimitDiscretion: state.timeLimitDiscretion,
      lateEscalationAwaitingDecision:
        state.status === 'stage-2-requested' &&
        state.stage2.outsideWindow &&
        !state.stage2.lateEscalationAccepted,
      consentOutstanding: consentOutstanding(state),
      /** The policy wants the consent before the case is dealt with (accepted, acknowledged). */
      consentNeededFirst: consentOutstanding(state) && ctx.rules.representatives.consentBeforeDealing,
    },
    ...presentDeadlines(summary),
    extensionLimit: extensionLimit(state, summary, ctx),
    responseClock: {
      stage1: responseClock(ctx.rules.stage1.response, ctx),
      stage2: responseClock(ctx.rules.stage2.response, ctx),
    },
    benchmark: {
      name: regime.benchmark.name,
      ...presentDeadlines(byBenchmark),
      differs: clocksDiffer(summary, byBenchmark),
    },
    ombudsman: bodyDetails(regime.ombudsman),
    externalRoutes: routesFor(ctx.rules, state.serviceType),
    linkedFrom: state.linkedFrom,
    linkedCases: state.linkedCases,
    allowedCommands: allowedCommands(state, ctx),
    closedAt: state.closedAt,
    withdrawnAt: state.withdrawnAt,
  };
}
export type ComplaintView = ReturnType<typeof presentComplaint>;
