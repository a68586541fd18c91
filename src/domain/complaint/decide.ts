import type { z } from 'zod';
import { compareIsoDates, londonDateOf, type IsoDate, type WorkingDayCalendar } from '../calendar/index.ts';
import { addPeriod } from '../policy/period.ts';
import type { Policy, RuleSet } from '../policy/policy-schema.ts';
import type { COMMAND_SCHEMAS, StaffMember } from './command-schemas.ts';
import { deriveDeadlines, findDeadline } from './deadlines.ts';
import type { ComplaintEvent, Point, TrackedItem } from './events.ts';
import { refuse } from './refusal.ts';
import { stageOf, STATUSES, type ComplaintState, type Status } from './state.ts';

/** Every command on an existing case, with the input its schema accepts. */
export type CommandInputs = { [K in keyof typeof COMMAND_SCHEMAS]: z.infer<(typeof COMMAND_SCHEMAS)[K]> };
export type CommandName = keyof CommandInputs;
export type ComplaintCommand = { [K in CommandName]: { name: K; input: CommandInputs[K] } }[CommandName];

export interface DecisionContext {
  policy: Policy;
  rules: RuleSet;
  calendar: WorkingDayCalendar;
  actor: StaffMember;
  now: Date;
  /** Allocated by the caller for 'spin-off': the new linked case. */
  newCase?: { caseId: string; reference: string };
}

/** States after a response has been sent: points raised now become new complaints. */
const AFTER_A_RESPONSE: readonly Status[] = [
  'stage-1-responded',
  'stage-2-requested',
  'stage-2',
  'stage-2-responded',
  'escalation-refused',
  'closed',
];
/** States in which a response is still being worked on. */
const AWAITING_A_RESPONSE: readonly Status[] = [
  'received',
  'accepted',
  'stage-1',
  'stage-2-requested',
  'stage-2',
];

/** The states in which each command may be given. The one table the API and pages both follow. */
export const ALLOWED_IN: { readonly [K in CommandName]: readonly Status[] } = {
  accept: ['received'],
  'not-accept': ['received', 'accepted'],
  acknowledge: ['accepted'],
  'assign-handler': AWAITING_A_RESPONSE,
  'add-point': ['accepted', 'stage-1', 'stage-2'],
  'spin-off': ['accepted', 'stage-1', ...AFTER_A_RESPONSE],
  extend: AWAITING_A_RESPONSE.filter((s) => s !== 'received'),
  // The record stays open: contacts and notes can be added in every state.
  'record-contact': STATUSES,
  respond: ['stage-1'],
  escalate: ['stage-1-responded', 'closed'],
  'refuse-escalation': ['stage-2-requested'],
  'acknowledge-stage-2': ['stage-2-requested'],
  'final-response': ['stage-2'],
  'complete-action': AFTER_A_RESPONSE,
  withdraw: AWAITING_A_RESPONSE,
  close: ['stage-1-responded', 'stage-2-responded'],
};

/** What each command does, as the end of "You cannot … this complaint". */
const COMMAND_WORDS: Record<CommandName, string> = {
  accept: 'accept',
  'not-accept': 'decide not to accept',
  acknowledge: 'acknowledge',
  'assign-handler': 'assign a handler to',
  'add-point': 'add a point to',
  'spin-off': 'spin a new complaint off',
  extend: 'extend the deadline of',
  'record-contact': 'record a contact on',
  respond: 'send the stage 1 response to',
  escalate: 'escalate',
  'refuse-escalation': 'refuse the escalation of',
  'acknowledge-stage-2': 'acknowledge stage 2 of',
  'final-response': 'send the final response to',
  'complete-action': 'complete an action on',
  withdraw: 'withdraw',
  close: 'close',
};

const STATUS_WORDS: Record<Status, string> = {
  received: 'received and waiting to be accepted',
  accepted: 'accepted and waiting to be acknowledged',
  'stage-1': 'being investigated at stage 1',
  'stage-1-responded': 'answered at stage 1',
  'stage-2-requested': 'waiting for its stage 2 acknowledgement',
  'stage-2': 'being investigated at stage 2',
  'stage-2-responded': 'answered at stage 2',
  'not-accepted': 'not accepted',
  'escalation-refused': 'closed after escalation was refused',
  withdrawn: 'withdrawn',
  closed: 'closed',
};

export function describeStatus(status: Status): string {
  return STATUS_WORDS[status];
}

/** Decides what a command means for a case: the events to record, or a refusal saying why not. */
export function decide(
  state: ComplaintState,
  command: ComplaintCommand,
  ctx: DecisionContext,
): ComplaintEvent[] {
  if (!ALLOWED_IN[command.name].includes(state.status)) {
    refuse(
      'wrong-state',
      `You cannot ${COMMAND_WORDS[command.name]} this complaint: it is ${describeStatus(state.status)}`,
    );
  }
  const data = HANDLERS[command.name](state, command.input as never, ctx);
  return data.map(
    ([type, payload]) =>
      ({ type, at: ctx.now.toISOString(), actor: ctx.actor, data: payload }) as ComplaintEvent,
  );
}

type Emitted = [ComplaintEvent['type'], unknown][];
type Handler<K extends CommandName> = (
  state: ComplaintState,
  input: CommandInputs[K],
  ctx: DecisionContext,
) => Emitted;

const today = (ctx: DecisionContext): IsoDate => londonDateOf(ctx.now);

function nextId(prefix: string, taken: readonly { id: string }[]): string {
  return `${prefix}${taken.filter((t) => t.id.startsWith(prefix)).length + 1}`;
}

function newPoints(state: ComplaintState, texts: readonly { text: string }[], stage: 1 | 2): Point[] {
  const points: Point[] = [];
  for (const { text } of texts) points.push({ id: nextId('P', [...state.points, ...points]), text, stage });
  return points;
}

function handlerFor(state: ComplaintState, stage: 1 | 2, given: StaffMember | undefined): StaffMember {
  return (
    given ??
    stageOf(state, stage).handler ??
    refuse(
      'handler-needed',
      'Assign a handler first: the acknowledgement must tell the resident who is dealing with their complaint',
      'handler',
    )
  );
}

function checkStage2Handler(state: ComplaintState, handler: StaffMember, rules: RuleSet): void {
  const rule = rules.stage2.handler;
  // Code 6.13 is enforced whatever the policy text says; the compliance check reports a policy
  // whose own rule would allow it.
  if (state.stage1.handlers.some((h) => h.id === handler.id)) {
    refuse(
      'stage-2-handler-was-stage-1-handler',
      `${handler.name} handled this complaint at stage 1, so cannot handle it at stage 2. The policy says stage 2 is for ${rule.description}`,
      'handler',
    );
  }
  const involved = [
    ...state.stage1.involved,
    ...(state.stage1.respondedBy ? [state.stage1.respondedBy] : []),
  ];
  if (rule.excludeAnyoneInvolvedAtStage1 && involved.some((m) => m.id === handler.id)) {
    refuse(
      'stage-2-handler-involved-at-stage-1',
      `${handler.name} was involved at stage 1. The policy says stage 2 is for ${rule.description}`,
      'handler',
    );
  }
}

function assignmentEvents(state: ComplaintState, stage: 1 | 2, handler: StaffMember | undefined): Emitted {
  if (!handler || stageOf(state, stage).handler?.id === handler.id) return [];
  return [['handler-assigned', { stage, handler }]];
}

function checkDecisions(state: ComplaintState, decisions: CommandInputs['respond']['decisions']): void {
  const known = new Set(state.points.map((p) => p.id));
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (!known.has(d.pointId)) {
      refuse('unknown-point', `There is no point ${d.pointId} on this complaint`, `decisions.${i}.pointId`);
    }
    if (seen.has(d.pointId)) {
      refuse('duplicate-decision', `Point ${d.pointId} has more than one decision`, `decisions.${i}.pointId`);
    }
    seen.add(d.pointId);
  });
  const missing = state.points.filter((p) => !seen.has(p.id));
  if (missing.length > 0) {
    refuse(
      'point-without-decision',
      `Give a decision with reasons on every point: ${missing.map((p) => `${p.id} ("${p.text}")`).join(', ')} has none`,
      'decisions',
    );
  }
}

function respondAt(stage: 1 | 2): Handler<'respond' | 'final-response'> {
  return (state, input, ctx) => {
    const handler = stageOf(state, stage).handler;
    if (!handler) refuse('handler-needed', `Assign a stage ${stage} handler before responding`, 'handler');
    if (handler.id !== ctx.actor.id) {
      refuse(
        'wrong-person',
        `Only the stage ${stage} handler, ${handler.name}, can send the ${stage === 1 ? 'stage 1' : 'final'} response`,
      );
    }
    checkDecisions(state, input.decisions);
    const items: TrackedItem[] = [];
    for (const r of input.remedies) {
      items.push({
        id: nextId('R', [...state.items, ...items]),
        kind: 'remedy',
        remedyKind: r.kind,
        description: r.description,
        ...(r.amountPence !== undefined ? { amountPence: r.amountPence } : {}),
        dueDate: r.dueDate,
        stage,
      });
    }
    for (const a of input.actions) {
      items.push({
        id: nextId('A', [...state.items, ...items]),
        kind: 'action',
        description: a.description,
        dueDate: a.dueDate,
        stage,
      });
    }
    return [
      [
        'response-sent',
        {
          stage,
          decisions: input.decisions,
          items,
          ...(input.learning ? { learning: input.learning } : {}),
        },
      ],
    ];
  };
}

function escalationWindowEnds(state: ComplaintState, ctx: DecisionContext): IsoDate | null {
  const window = ctx.rules.escalation.window;
  const respondedOn = state.stage1.respondedAt ? londonDateOf(state.stage1.respondedAt) : state.receivedOn;
  if (!window) return null;
  switch (window.kind) {
    case 'after-stage-1-response':
      return addPeriod(ctx.calendar, respondedOn, window.period);
    case 'after-receipt':
      return addPeriod(ctx.calendar, state.receivedOn, window.period);
    case 'later-of': {
      const a = addPeriod(ctx.calendar, state.issueDate, window.afterEvent);
      const b = addPeriod(ctx.calendar, respondedOn, window.afterStage1Response);
      return compareIsoDates(a, b) >= 0 ? a : b;
    }
  }
}

const HANDLERS: { [K in CommandName]: Handler<K> } = {
  accept: (state, input) => {
    if (state.outsideTimeLimit && !input.timeLimitDiscretion) {
      refuse(
        'time-limit-discretion-needed',
        `This complaint came in after the policy's time limit (${state.timeLimitEnds ?? ''}). Record why you are using discretion to accept it, or do not accept it`,
        'timeLimitDiscretion',
      );
    }
    return [
      [
        'complaint-accepted',
        input.timeLimitDiscretion ? { timeLimitDiscretion: input.timeLimitDiscretion } : {},
      ],
    ];
  },

  'not-accept': (_state, input, ctx) => {
    const reason = ctx.rules.exclusionReasons.find((r) => r.code === input.reasonCode);
    if (!reason) {
      refuse(
        'unknown-exclusion-reason',
        `Select a reason from the policy: ${ctx.rules.exclusionReasons.map((r) => r.code).join(', ')}`,
        'reasonCode',
      );
    }
    return [
      [
        'complaint-not-accepted',
        { reasonCode: reason.code, explanation: input.explanation, ombudsmanRightGiven: true },
      ],
    ];
  },

  acknowledge: (state, input) => {
    const handler = handlerFor(state, 1, input.handler);
    return [
      ...assignmentEvents(state, 1, handler),
      [
        'complaint-acknowledged',
        {
          stage: 1,
          points: newPoints(state, input.points, 1),
          outcomesSought: input.outcomesSought,
          notLandlordResponsibility: input.notLandlordResponsibility,
        },
      ],
    ];
  },

  'assign-handler': (state, input, ctx) => {
    if (state.stage === 2) checkStage2Handler(state, input.handler, ctx.rules);
    if (stageOf(state, state.stage).handler?.id === input.handler.id) {
      refuse('already-assigned', `${input.handler.name} is already handling this complaint`, 'handler');
    }
    return [['handler-assigned', { stage: state.stage, handler: input.handler }]];
  },

  'add-point': (state, input) => [['point-added', { point: newPoints(state, [input], state.stage)[0] }]],

  'spin-off': (_state, input, ctx) => {
    const created =
      ctx.newCase ?? refuse('no-new-case', 'A new case reference is needed to spin off a complaint');
    return [
      [
        'linked-complaint-created',
        { ...created, reason: input.reason, points: input.points.map((p) => p.text) },
      ],
    ];
  },

  extend: (state, input, ctx) => {
    const stage = state.stage;
    const summary = deriveDeadlines(state, ctx.rules, ctx.calendar, today(ctx));
    const deadline = findDeadline(summary, stage === 1 ? 'stage-1-response' : 'stage-2-response');
    if (!deadline) refuse('no-deadline', 'This complaint has no response deadline to extend');
    if (compareIsoDates(input.newDueDate, deadline.due) <= 0) {
      refuse(
        'extension-not-later',
        `The new response date must be after the current one, ${deadline.due}`,
        'newDueDate',
      );
    }
    const cap = (stage === 1 ? ctx.rules.stage1 : ctx.rules.stage2).extension.capWorkingDays;
    const extendedBy = ctx.calendar.workingDaysBetween(deadline.originalDue, input.newDueDate);
    const beyondCap = cap !== null && extendedBy > cap;
    if (beyondCap && !input.goodReason) {
      refuse(
        'extension-beyond-cap',
        `That is ${extendedBy} working days beyond the original deadline of ${deadline.originalDue}; the policy allows at most ${cap} at stage ${stage} without a good reason. Record the good reason or choose an earlier date`,
        'newDueDate',
      );
    }
    return [
      [
        'deadline-extended',
        {
          stage,
          previousDueDate: deadline.due,
          newDueDate: input.newDueDate,
          reason: input.reason,
          ...(input.goodReason ? { goodReason: input.goodReason } : {}),
          beyondCap,
          notifiedInTime: compareIsoDates(today(ctx), deadline.due) <= 0,
          ombudsmanDetailsGiven: true,
          ...(input.updateInterval ? { updateInterval: input.updateInterval } : {}),
        },
      ],
    ];
  },

  'record-contact': (_state, input) => [['contact-recorded', input]],

  respond: respondAt(1),

  escalate: (state, input, ctx) => {
    if (state.status === 'closed' && state.closedAtStage === 2) {
      refuse(
        'wrong-state',
        'This complaint was closed after its final response: it cannot be escalated again',
      );
    }
    const requestedAt = input.requestedAt ? new Date(input.requestedAt) : ctx.now;
    if (requestedAt.getTime() > ctx.now.getTime() + 5 * 60 * 1000) {
      refuse(
        'requested-in-future',
        'The date of the escalation request cannot be in the future',
        'requestedAt',
      );
    }
    if (state.stage1.respondedAt && requestedAt < new Date(state.stage1.respondedAt)) {
      refuse(
        'requested-before-response',
        `The escalation request cannot be before the stage 1 response was sent (${londonDateOf(state.stage1.respondedAt)})`,
        'requestedAt',
      );
    }
    const windowEnds = escalationWindowEnds(state, ctx);
    const outsideWindow = windowEnds !== null && compareIsoDates(londonDateOf(requestedAt), windowEnds) > 0;
    return [
      [
        'escalation-requested',
        {
          requestedAt: requestedAt.toISOString(),
          ...(input.reason ? { reason: input.reason } : {}),
          outsideWindow,
          windowEnds,
        },
      ],
    ];
  },

  'refuse-escalation': (_state, input) => [
    ['escalation-refused', { reason: input.reason, ombudsmanDetailsGiven: true }],
  ],

  'acknowledge-stage-2': (state, input, ctx) => {
    if (state.stage2.outsideWindow && !input.lateEscalationDecision) {
      refuse(
        'late-escalation-decision-needed',
        `The request to escalate came after the policy's window closed (${state.stage2.windowEnds ?? ''}). Record why you are accepting it, or refuse the escalation`,
        'lateEscalationDecision',
      );
    }
    const handler = handlerFor(state, 2, input.handler);
    checkStage2Handler(state, handler, ctx.rules);
    return [
      // Recorded only where a decision was needed, so the timeline never shows a false flag.
      ...(state.stage2.outsideWindow && input.lateEscalationDecision
        ? ([['late-escalation-accepted', input.lateEscalationDecision]] as Emitted)
        : []),
      ...assignmentEvents(state, 2, handler),
      [
        'complaint-acknowledged',
        {
          stage: 2,
          points: newPoints(state, input.points ?? [], 2),
          outcomesSought: input.outcomesSought ?? [],
          notLandlordResponsibility: [],
        },
      ],
    ];
  },

  'final-response': respondAt(2),

  'complete-action': (state, input, ctx) => {
    const item = state.items.find((i) => i.id === input.itemId);
    if (!item)
      refuse('unknown-item', `There is no remedy or action ${input.itemId} on this complaint`, 'itemId');
    if (item.completedOn)
      refuse('already-completed', `${item.id} was completed on ${item.completedOn}`, 'itemId');
    const completedOn = input.completedOn ?? today(ctx);
    if (compareIsoDates(completedOn, today(ctx)) > 0) {
      refuse('completed-in-future', 'The date completed cannot be in the future', 'completedOn');
    }
    return [
      ['item-completed', { itemId: item.id, completedOn, ...(input.note ? { note: input.note } : {}) }],
    ];
  },

  withdraw: (_state, input) => [['complaint-withdrawn', input]],

  close: (_state, input) => [['complaint-closed', input.note ? { note: input.note } : {}]],
};
