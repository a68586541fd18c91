import { CONSENT_EXEMPT_RELATIONSHIPS } from '../../domain/complaint/command-schemas.ts';
import { ALLOWED_IN, type CommandName } from '../../domain/complaint/decide.ts';
import { deriveDeadlines, type Deadline, type DeadlineKind } from '../../domain/complaint/deadlines.ts';
import type { ComplaintState } from '../../domain/complaint/state.ts';
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
  };
}

function externalBody(state: ComplaintState, ctx: CaseContext) {
  const bodies = ctx.rules.externalBodies;
  return (
    bodies.find((b) => b.serviceType === state.serviceType) ?? bodies.find((b) => b.serviceType === 'all')
  );
}

/** The API's view of a complaint: its record plus everything computed from policy and calendar. */
export function presentComplaint(state: ComplaintState, ctx: CaseContext) {
  const summary = deriveDeadlines(state, ctx.rules, ctx.calendar, ctx.today);
  const deadlines = Object.fromEntries(
    summary.deadlines.map((d) => [DEADLINE_NAMES[d.kind], presentDeadline(d)]),
  );
  const representative = state.representative;
  return {
    id: state.caseId,
    reference: state.reference,
    version: state.version,
    status: state.status,
    stage: state.stage,
    policy: { key: ctx.policy.key, version: ctx.policy.version, name: ctx.policy.name },
    jurisdiction: state.jurisdiction,
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
    collectiveMembers: state.collectiveMembers,
    summary: state.summary,
    handlers: { stage1: state.stage1.handler, stage2: state.stage2.handler },
    points: state.points,
    outcomesSought: state.outcomesSought,
    notLandlordResponsibility: state.notLandlordResponsibility,
    decisions: { stage1: state.stage1.decisions, stage2: state.stage2.decisions },
    remediesAndActions: state.items.map((item) => ({
      ...item,
      overdue: item.completedOn === null && item.dueDate < ctx.today,
    })),
    extensions: { stage1: state.stage1.extensions, stage2: state.stage2.extensions },
    escalation: state.stage2.requestedAt
      ? {
          requestedAt: state.stage2.requestedAt,
          reason: state.stage2.reason,
          windowEnds: state.stage2.windowEnds,
          outsideWindow: state.stage2.outsideWindow,
          lateEscalationAccepted: state.stage2.lateEscalationAccepted,
          refused: state.stage2.refused,
        }
      : null,
    notAccepted: state.notAccepted,
    flags: {
      outsideTimeLimit: state.outsideTimeLimit,
      timeLimitEnds: state.timeLimitEnds,
      timeLimitException: state.timeLimitException,
      timeLimitDiscretion: state.timeLimitDiscretion,
      lateEscalationAwaitingDecision:
        state.status === 'stage-2-requested' &&
        state.stage2.outsideWindow &&
        !state.stage2.lateEscalationAccepted,
      consentOutstanding:
        representative !== null &&
        !representative.consentHeld &&
        !CONSENT_EXEMPT_RELATIONSHIPS.includes(representative.relationship),
    },
    deadlines,
    currentDeadline: summary.current
      ? { kind: summary.current.kind, ...presentDeadline(summary.current) }
      : null,
    deadlineStatus: summary.status,
    externalReviewBody: externalBody(state, ctx),
    linkedFrom: state.linkedFrom,
    linkedCases: state.linkedCases,
    allowedCommands: (Object.keys(ALLOWED_IN) as CommandName[]).filter((c) =>
      ALLOWED_IN[c].includes(state.status),
    ),
    closedAt: state.closedAt,
    withdrawnAt: state.withdrawnAt,
  };
}
export type ComplaintView = ReturnType<typeof presentComplaint>;
