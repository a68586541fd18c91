import type { z } from 'zod';
import {
  compareIsoDates,
  dateInWords,
  dateTimeInWords,
  londonDateOf,
  type IsoDate,
  type WorkingDayCalendar,
} from '../calendar/index.ts';
import { exclusionVerdict } from '../policy/exclusions.ts';
import { addPeriod } from '../policy/period.ts';
import type { Policy, RuleSet } from '../policy/policy-schema.ts';
import { MAX_POINTS, type COMMAND_SCHEMAS, type StaffMember } from './command-schemas.ts';
import { consentOutstanding } from './consent.ts';
import { deriveDeadlines, findDeadline } from './deadlines.ts';
import type { ComplaintEvent, EscalationRoute, Point, TrackedItem, Via } from './events.ts';
import { compareInstants } from './instants.ts';
import { refuse } from './refusal.ts';
import type { WithStaff } from './staff-refs.ts';
import { stageOf, STATUSES, type ComplaintState, type Status } from './state.ts';

/** Every command on an existing case, with its input as the rules see it (staff resolved). */
export type CommandInputs = {
  [K in keyof typeof COMMAND_SCHEMAS]: WithStaff<z.infer<(typeof COMMAND_SCHEMAS)[K]>>;
};
export type CommandName = keyof CommandInputs;
export type ComplaintCommand = { [K in CommandName]: { name: K; input: CommandInputs[K] } }[CommandName];

/** What the rules need to say whether a command is possible now. */
export interface RulesContext {
  rules: RuleSet;
  calendar: WorkingDayCalendar;
  /** Today's London date. */
  today: IsoDate;
}

export interface DecisionContext {
  policy: Policy;
  rules: RuleSet;
  calendar: WorkingDayCalendar;
  actor: StaffMember;
  /** The integration that sent the command, when it came with an API key. */
  via?: Via | undefined;
  /** When the command is recorded. */
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
/** Stage 1 without its response: escalation from here needs the response overdue, or a direct route. */
const STAGE_1_UNANSWERED: readonly Status[] = ['received', 'accepted', 'stage-1'];

/**
 * The states in which each command may be given. Some commands also need more than a state (an
 * outstanding action to complete, an overdue response to escalate): PRECONDITIONS says what. Pages
 * and the API offer exactly what `allowedCommands` returns, and `decide` refuses the rest.
 */
export const ALLOWED_IN: { readonly [K in CommandName]: readonly Status[] } = {
  accept: ['received'],
  'not-accept': ['received', 'accepted'],
  'record-consent': AWAITING_A_RESPONSE,
  acknowledge: ['accepted'],
  'assign-handler': AWAITING_A_RESPONSE,
  'add-point': ['accepted', 'stage-1', 'stage-2'],
  'spin-off': ['accepted', 'stage-1', ...AFTER_A_RESPONSE],
  extend: AWAITING_A_RESPONSE.filter((s) => s !== 'received'),
  // The record stays open: contacts and notes can be added in every state.
  'record-contact': STATUSES,
  respond: ['stage-1'],
  escalate: [...STAGE_1_UNANSWERED, 'stage-1-responded', 'closed'],
  'refuse-escalation': ['stage-2-requested'],
  'acknowledge-stage-2': ['stage-2-requested'],
  'final-response': ['stage-2'],
  'complete-action': AFTER_A_RESPONSE,
  discontinue: ['stage-1', 'stage-2'],
  withdraw: AWAITING_A_RESPONSE,
  close: ['stage-1-responded', 'stage-2-responded'],
};

/** What each command does, as the end of "You cannot … this complaint". */
const COMMAND_WORDS: Record<CommandName, string> = {
  accept: 'accept',
  'not-accept': 'decide not to accept',
  'record-consent': 'record consent on',
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
  discontinue: 'take out of the complaints process',
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
  discontinued: 'out of the complaints process because legal proceedings started',
  withdrawn: 'withdrawn',
  closed: 'closed',
};

export function describeStatus(status: Status): string {
  return STATUS_WORDS[status];
}

interface Refusal {
  code: string;
  message: string;
  field?: string;
}

/** The stage 1 response deadline (as extended) when it has passed unanswered on `on`, else null. */
function overdueStage1Response(state: ComplaintState, ctx: RulesContext, on: IsoDate): IsoDate | null {
  if (state.stage1.respondedAt || state.notAccepted) return null;
  const response = findDeadline(deriveDeadlines(state, ctx.rules, ctx.calendar, on), 'stage-1-response');
  return response && compareIsoDates(on, response.due) > 0 ? response.due : null;
}

function hasPolicyExclusion(rules: RuleSet, code: string): boolean {
  return rules.exclusionReasons.some((r) => r.code === code);
}

/**
 * What a command needs beyond the case's status, judged on `on` (today, or the day the thing
 * happened). Null when it may go ahead.
 */
const PRECONDITIONS: {
  readonly [K in CommandName]?: (s: ComplaintState, c: RulesContext, on: IsoDate) => Refusal | null;
} = {
  escalate: (state, ctx, on) => {
    if (state.status === 'closed' && state.closedAtStage === 2) {
      return {
        code: 'wrong-state',
        message: 'This complaint was closed after its final response: it cannot be escalated again',
      };
    }
    if (!STAGE_1_UNANSWERED.includes(state.status)) return null;
    if (overdueStage1Response(state, ctx, on) || ctx.rules.escalation.directToStage2) return null;
    const due = findDeadline(deriveDeadlines(state, ctx.rules, ctx.calendar, on), 'stage-1-response');
    return {
      code: 'stage-1-not-overdue',
      message: `A complaint goes to stage 2 after its stage 1 response, or once that response is overdue; it is due by ${due ? dateInWords(due.due) : 'its deadline'}`,
    };
  },
  'add-point': (state, ctx) => {
    if (state.stage === 2 && ctx.rules.stage2.newPoints === 'new-complaint') {
      return {
        code: 'new-points-are-a-new-complaint',
        message:
          'The policy makes new points raised at stage 2 a new complaint: spin them off as a new complaint instead',
      };
    }
    if (state.points.length >= MAX_POINTS) {
      return {
        code: 'too-many-points',
        message: `This complaint already has ${MAX_POINTS} points, the most a response can answer: make any more a new complaint`,
      };
    }
    return null;
  },
  'complete-action': (state) =>
    state.items.some((i) => i.completedOn === null)
      ? null
      : {
          code: 'nothing-to-complete',
          message: state.items.length
            ? 'Every remedy and action on this complaint is already complete'
            : 'This complaint has no remedies or actions to complete',
        },
  'record-consent': (state) =>
    consentOutstanding(state)
      ? null
      : {
          code: 'consent-not-outstanding',
          message: state.representative
            ? 'No consent is outstanding for this complaint’s representative'
            : 'This complaint has no representative whose consent could be recorded',
        },
  discontinue: (_state, ctx) =>
    hasPolicyExclusion(ctx.rules, 'legal-proceedings')
      ? null
      : {
          code: 'no-legal-proceedings-exclusion',
          message: 'The policy does not exclude complaints once legal proceedings have started',
        },
};

/**
 * The commands the rules allow on this case now: the status table and the preconditions that
 * depend on the case alone. What the API offers, and (for the one viewing it) the case page.
 */
export function allowedCommands(state: ComplaintState, ctx: RulesContext): CommandName[] {
  return (Object.keys(ALLOWED_IN) as CommandName[]).filter(
    (name) => ALLOWED_IN[name].includes(state.status) && !PRECONDITIONS[name]?.(state, ctx, ctx.today),
  );
}

/**
 * Why the rules refuse this member of staff giving the command, whatever their role allows, or
 * null: a response is sent only by the stage's handler. `decide` refuses with it; a page offers a
 * response only to that handler.
 */
export function actorRefusal(
  state: ComplaintState,
  command: CommandName,
  actor: StaffMember,
): Refusal | null {
  if (command !== 'respond' && command !== 'final-response') return null;
  const stage = command === 'respond' ? 1 : 2;
  const handler = stageOf(state, stage).handler;
  if (!handler) {
    return {
      code: 'handler-needed',
      message: `Assign a stage ${stage} handler before responding`,
      field: 'handler',
    };
  }
  if (handler.id === actor.id) return null;
  return {
    code: 'wrong-person',
    message: `Only the stage ${stage} handler, ${handler.name}, can send the ${stage === 1 ? 'stage 1' : 'final'} response`,
  };
}

/** Clock skew tolerated between a client's "when it happened" and the server's clock. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** The dated field of each command that has one: when the thing it records was done. */
function givenTime(command: ComplaintCommand): { value: string; field: string } | null {
  const input = command.input as { occurredAt?: string; requestedAt?: string };
  if (command.name === 'escalate')
    return input.requestedAt ? { value: input.requestedAt, field: 'requestedAt' } : null;
  return input.occurredAt ? { value: input.occurredAt, field: 'occurredAt' } : null;
}

/**
 * When the command's action happened: the time given (not in the future, not before the case's
 * previous event), else now. A time a few minutes ahead (a client's clock) counts as now.
 */
function occurredAt(state: ComplaintState, command: ComplaintCommand, ctx: DecisionContext): Date {
  const given = givenTime(command);
  if (!given) return ctx.now;
  const at = new Date(given.value);
  if (at.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    refuse('occurred-in-future', 'The date and time it happened cannot be in the future', given.field);
  }
  const when = at.getTime() > ctx.now.getTime() ? ctx.now : at;
  if (compareInstants(when.toISOString(), state.lastEventAt) < 0) {
    refuse(
      'occurred-before-previous-event',
      `The date and time it happened cannot be before the last thing recorded on this complaint, on ${dateTimeInWords(state.lastEventAt)}`,
      given.field,
    );
  }
  return when;
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
  const at = occurredAt(state, command, ctx);
  const on = londonDateOf(at);
  const blocked = PRECONDITIONS[command.name]?.(state, { ...ctx, today: on }, on);
  if (blocked) refuse(blocked.code, blocked.message, blocked.field);
  const data = HANDLERS[command.name](state, command.input as never, { ...ctx, at, on });
  return data.map(
    ([type, payload]) =>
      ({
        type,
        at: at.toISOString(),
        recordedAt: ctx.now.toISOString(),
        actor: ctx.actor,
        ...(ctx.via ? { via: ctx.via } : {}),
        data: payload,
      }) as ComplaintEvent,
  );
}

type Emitted = [ComplaintEvent['type'], unknown][];
interface HandlerContext extends DecisionContext {
  /** When the action happened, and its London date. */
  at: Date;
  on: IsoDate;
}
type Handler<K extends CommandName> = (
  state: ComplaintState,
  input: CommandInputs[K],
  ctx: HandlerContext,
) => Emitted;

function nextId(prefix: string, taken: readonly { id: string }[]): string {
  return `${prefix}${taken.filter((t) => t.id.startsWith(prefix)).length + 1}`;
}

function newPoints(state: ComplaintState, texts: readonly { text: string }[], stage: 1 | 2): Point[] {
  if (state.points.length + texts.length > MAX_POINTS) {
    refuse(
      'too-many-points',
      `A complaint can have at most ${MAX_POINTS} points (it has ${state.points.length}): make the others a new complaint`,
      'points',
    );
  }
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

/** Code 6.13: the stage 2 handler is never the stage 1 handler, whatever a policy's own words say. */
export function stage2HandlerRefusal(
  state: ComplaintState,
  handler: StaffMember,
  rules: RuleSet,
): Refusal | null {
  const rule = rules.stage2.handler;
  if (state.stage1.handlers.some((h) => h.id === handler.id)) {
    return {
      code: 'stage-2-handler-was-stage-1-handler',
      message: `${handler.name} handled this complaint at stage 1, so cannot handle it at stage 2. The policy says stage 2 is for ${rule.description}`,
      field: 'handler',
    };
  }
  const involved = [
    ...state.stage1.involved,
    ...(state.stage1.respondedBy ? [state.stage1.respondedBy] : []),
  ];
  if (rule.excludeAnyoneInvolvedAtStage1 && involved.some((m) => m.id === handler.id)) {
    return {
      code: 'stage-2-handler-involved-at-stage-1',
      message: `${handler.name} was involved at stage 1. The policy says stage 2 is for ${rule.description}`,
      field: 'handler',
    };
  }
  return null;
}

/** The commands that name a handler. */
export const HANDLER_COMMANDS = ['acknowledge', 'assign-handler', 'acknowledge-stage-2'] as const;
export type HandlerCommand = (typeof HANDLER_COMMANDS)[number];

/** The stage a handler command gives its handler: stage 1 or 2 for the acknowledgements, else the case's own. */
export function handlerStageOf(command: HandlerCommand, state: ComplaintState): 1 | 2 {
  return command === 'acknowledge' ? 1 : command === 'acknowledge-stage-2' ? 2 : state.stage;
}

/**
 * Why the rules refuse `handler` as the one named in this command now, or null. `decide` refuses
 * with it, and a form lists only the people it allows, so the list never offers a name the rules
 * then refuse: at stage 2 nobody `stage2HandlerRefusal` excludes; for a new assignment, not the
 * person already handling the stage.
 */
export function handlerRefusal(
  state: ComplaintState,
  command: HandlerCommand,
  handler: StaffMember,
  rules: RuleSet,
): Refusal | null {
  const stage = handlerStageOf(command, state);
  if (stage === 2) {
    const refusal = stage2HandlerRefusal(state, handler, rules);
    if (refusal) return refusal;
  }
  if (command === 'assign-handler' && stageOf(state, stage).handler?.id === handler.id) {
    return {
      code: 'already-assigned',
      message: `${handler.name} is already handling this complaint`,
      field: 'handler',
    };
  }
  return null;
}

function checkHandler(
  state: ComplaintState,
  command: HandlerCommand,
  handler: StaffMember,
  rules: RuleSet,
): void {
  const refusal = handlerRefusal(state, command, handler, rules);
  if (refusal) refuse(refusal.code, refusal.message, refusal.field);
}

/** Where the policy asks for the resident's consent before dealing with a representative. */
function checkConsent(
  state: ComplaintState,
  rules: RuleSet,
  proceedWithoutConsent: { reason: string } | undefined,
): void {
  if (!rules.representatives.consentBeforeDealing || proceedWithoutConsent) return;
  if (!consentOutstanding(state) || state.proceededWithoutConsent) return;
  refuse(
    'consent-needed',
    `The policy asks for the resident’s consent before dealing with ${state.representative?.name ?? 'their representative'}: record the consent first, or say why the complaint goes ahead without it`,
    'proceedWithoutConsent',
  );
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
    const refusal = actorRefusal(state, stage === 1 ? 'respond' : 'final-response', ctx.actor);
    if (refusal) refuse(refusal.code, refusal.message, refusal.field);
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

/** The last day the policy allows a request for stage 2, or null when it sets no window. */
export function escalationWindowEnds(
  state: ComplaintState,
  ctx: Pick<RulesContext, 'rules' | 'calendar'>,
): IsoDate | null {
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

/** The exclusions with a refusal ground of their own: a late request is judged against the window. */
const ESCALATION_GROUND_OF: Readonly<Record<string, string>> = {
  'outside-time-limit': '"outside the escalation window" (the time limit is for making a complaint)',
  'legal-proceedings': '"legal proceedings have started"',
  'already-considered': '"already considered"',
};

/** How a request for stage 2 reaches it, or a refusal saying what is missing. */
function escalationRoute(
  state: ComplaintState,
  input: CommandInputs['escalate'],
  ctx: HandlerContext,
): EscalationRoute {
  if (!STAGE_1_UNANSWERED.includes(state.status)) return 'after-response';
  if (overdueStage1Response(state, { ...ctx, today: ctx.on }, ctx.on)) return 'stage-1-overdue';
  if (!input.directReason) {
    refuse(
      'direct-reason-needed',
      'This complaint has no stage 1 response yet and it is not overdue: say why it goes straight to stage 2 (it is complex, or the resident asked)',
      'directReason',
    );
  }
  return 'direct';
}

const HANDLERS: { [K in CommandName]: Handler<K> } = {
  accept: (state, input, ctx) => {
    if (state.outsideTimeLimit && !input.timeLimitDiscretion) {
      refuse(
        'time-limit-discretion-needed',
        `This complaint came in after the policy's time limit (${state.timeLimitEnds ? dateInWords(state.timeLimitEnds) : ''}). Record why you are using discretion to accept it, or do not accept it`,
        'timeLimitDiscretion',
      );
    }
    checkConsent(state, ctx.rules, input.proceedWithoutConsent);
    return [
      [
        'complaint-accepted',
        {
          ...(input.timeLimitDiscretion ? { timeLimitDiscretion: input.timeLimitDiscretion } : {}),
          ...(input.proceedWithoutConsent ? { proceedWithoutConsent: input.proceedWithoutConsent } : {}),
        },
      ],
    ];
  },

  'not-accept': (state, input, ctx) => {
    const reason = ctx.rules.exclusionReasons.find((r) => r.code === input.reasonCode);
    if (!reason) {
      refuse(
        'unknown-exclusion-reason',
        `Select a reason from the policy: ${ctx.rules.exclusionReasons.map((r) => r.code).join(', ')}`,
        'reasonCode',
      );
    }
    const verdict = exclusionVerdict(reason, state.country);
    if (verdict.kind === 'not-allowed') refuse('exclusion-not-allowed', verdict.why, 'reasonCode');
    return [
      [
        'complaint-not-accepted',
        { reasonCode: reason.code, explanation: input.explanation, ombudsmanRightGiven: true },
      ],
    ];
  },

  'record-consent': (_state, input) => [['consent-recorded', { how: input.how }]],

  acknowledge: (state, input, ctx) => {
    checkConsent(state, ctx.rules, input.proceedWithoutConsent);
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
          ...(input.proceedWithoutConsent ? { proceedWithoutConsent: input.proceedWithoutConsent } : {}),
        },
      ],
    ];
  },

  'assign-handler': (state, input, ctx) => {
    checkHandler(state, 'assign-handler', input.handler, ctx.rules);
    const previous = stageOf(state, state.stage).handler;
    return [
      [
        'handler-assigned',
        {
          stage: state.stage,
          handler: input.handler,
          ...(previous ? { previous } : {}),
          ...(input.reason ? { reason: input.reason } : {}),
        },
      ],
    ];
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
    const summary = deriveDeadlines(state, ctx.rules, ctx.calendar, ctx.on);
    const deadline = findDeadline(summary, stage === 1 ? 'stage-1-response' : 'stage-2-response');
    if (!deadline) refuse('no-deadline', 'This complaint has no response deadline to extend');
    if (compareIsoDates(input.newDueDate, deadline.due) <= 0) {
      refuse(
        'extension-not-later',
        `The new response date must be after the current one, ${dateInWords(deadline.due)}`,
        'newDueDate',
      );
    }
    const cap = (stage === 1 ? ctx.rules.stage1 : ctx.rules.stage2).extension.capWorkingDays;
    const extendedBy = ctx.calendar.workingDaysBetween(deadline.originalDue, input.newDueDate);
    const beyondCap = cap !== null && extendedBy > cap;
    if (beyondCap && !input.goodReason) {
      refuse(
        'extension-beyond-cap',
        `That is ${extendedBy} working days beyond the original deadline of ${dateInWords(deadline.originalDue)}; the policy allows at most ${cap} at stage ${stage} without a good reason. Record the good reason or choose an earlier date`,
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
          // The resident must be told before the deadline passes: judged on the day they were told.
          notifiedInTime: compareIsoDates(ctx.on, deadline.due) <= 0,
          ombudsmanDetailsGiven: true,
          ...(input.updateInterval ? { updateInterval: input.updateInterval } : {}),
        },
      ],
    ];
  },

  // The event's own time is when it happened; the data keeps what was said and how.
  'record-contact': (_state, input) => [
    [
      'contact-recorded',
      {
        kind: input.kind,
        summary: input.summary,
        ...(input.direction ? { direction: input.direction } : {}),
        ...(input.channel ? { channel: input.channel } : {}),
      },
    ],
  ],

  respond: respondAt(1),

  // A request before the stage 1 response is before an event on the case: `occurredAt` refuses it.
  escalate: (state, input, ctx) => {
    const route = escalationRoute(state, input, ctx);
    const windowEnds = route === 'after-response' ? escalationWindowEnds(state, ctx) : null;
    const outsideWindow = windowEnds !== null && compareIsoDates(ctx.on, windowEnds) > 0;
    return [
      [
        'escalation-requested',
        {
          requestedAt: ctx.at.toISOString(),
          ...(input.reason ? { reason: input.reason } : {}),
          outsideWindow,
          windowEnds,
          route,
          ...(route === 'direct' && input.directReason ? { directReason: input.directReason } : {}),
        },
      ],
    ];
  },

  'refuse-escalation': (state, input, ctx) => {
    let exclusionCode: string | undefined;
    switch (input.ground) {
      case 'outside-escalation-window':
        if (!state.stage2.outsideWindow) {
          refuse(
            'escalation-within-window',
            state.stage2.windowEnds
              ? `The request came within the policy’s escalation window (it ended on ${dateInWords(state.stage2.windowEnds)}), so this is not a ground to refuse it`
              : 'The policy sets no window for asking for stage 2, so this is not a ground to refuse it',
            'ground',
          );
        }
        if (!input.discretionConsidered) {
          refuse(
            'discretion-not-considered',
            'Say how you considered using discretion to accept the late request before refusing it',
            'discretionConsidered',
          );
        }
        break;
      case 'legal-proceedings':
      case 'already-considered':
        break;
      case 'policy-exclusion': {
        const reason = ctx.rules.exclusionReasons.find((r) => r.code === input.exclusionCode);
        if (!reason) {
          refuse(
            'unknown-exclusion-reason',
            `Select one of the policy’s exclusion reasons: ${ctx.rules.exclusionReasons.map((r) => r.code).join(', ')}`,
            'exclusionCode',
          );
        }
        if (ESCALATION_GROUND_OF[reason.code]) {
          refuse(
            'exclusion-has-its-own-ground',
            `For "${reason.label}", choose the ground ${ESCALATION_GROUND_OF[reason.code]} instead`,
            'exclusionCode',
          );
        }
        const verdict = exclusionVerdict(reason, state.country);
        if (verdict.kind === 'not-allowed') refuse('exclusion-not-a-ground', verdict.why, 'exclusionCode');
        exclusionCode = reason.code;
        break;
      }
    }
    return [
      [
        'escalation-refused',
        {
          ground: input.ground,
          ...(exclusionCode ? { exclusionCode } : {}),
          ...(input.ground === 'outside-escalation-window' && input.discretionConsidered
            ? { discretionConsidered: input.discretionConsidered }
            : {}),
          explanation: input.explanation,
          ombudsmanDetailsGiven: true,
        },
      ],
    ];
  },

  'acknowledge-stage-2': (state, input, ctx) => {
    if (state.stage2.outsideWindow && !input.lateEscalationDecision) {
      refuse(
        'late-escalation-decision-needed',
        `The request to escalate came after the policy's window closed (${state.stage2.windowEnds ? dateInWords(state.stage2.windowEnds) : ''}). Record why you are accepting it, or refuse the escalation`,
        'lateEscalationDecision',
      );
    }
    if (state.points.length === 0 && !input.points?.length) {
      refuse(
        'points-needed',
        'This complaint has no points of complaint yet: define them at this acknowledgement',
        'points',
      );
    }
    const handler = handlerFor(state, 2, input.handler);
    checkHandler(state, 'acknowledge-stage-2', handler, ctx.rules);
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
          notLandlordResponsibility: input.notLandlordResponsibility,
        },
      ],
    ];
  },

  'final-response': respondAt(2),

  // Several items done together are one decision: all recorded, or none (one refusal refuses all).
  'complete-action': (state, input, ctx) => {
    const ids = [...new Set([...(input.itemId ? [input.itemId] : []), ...(input.itemIds ?? [])])];
    const field = input.itemIds ? 'itemIds' : 'itemId';
    const today = londonDateOf(ctx.now);
    const completedOn = input.completedOn ?? today;
    if (compareIsoDates(completedOn, today) > 0) {
      refuse('completed-in-future', 'The date completed cannot be in the future', 'completedOn');
    }
    return ids.map((id) => {
      const item = state.items.find((i) => i.id === id);
      if (!item) refuse('unknown-item', `There is no remedy or action ${id} on this complaint`, field);
      if (item.completedOn)
        refuse('already-completed', `${item.id} was completed on ${dateInWords(item.completedOn)}`, field);
      return [
        'item-completed',
        { itemId: item.id, completedOn, ...(input.note ? { note: input.note } : {}) },
      ] as const;
    });
  },

  discontinue: (_state, input) => [
    [
      'complaint-discontinued',
      { ground: input.ground, explanation: input.explanation, ombudsmanRightGiven: true },
    ],
  ],

  withdraw: (_state, input) => [['complaint-withdrawn', { reason: input.reason }]],

  close: (_state, input) => [['complaint-closed', input.note ? { note: input.note } : {}]],
};
