import { compareInstants } from './instants.ts';
import { londonDateOf, type IsoDate } from '../calendar/index.ts';
import type { Country } from '../policy/country.ts';
import type {
  CollectiveMember,
  Complainant,
  DIRECT_TO_STAGE_2_REASONS,
  DISCONTINUE_GROUNDS,
  GOOD_REASONS,
  Representative,
  StaffMember,
} from './command-schemas.ts';
import type {
  ComplaintEvent,
  ComplaintReceived,
  Decision,
  EscalationRoute,
  EventOf,
  Point,
  PolicyRef,
  TrackedItem,
} from './events.ts';

export const STATUSES = [
  'received',
  'accepted',
  'stage-1',
  'stage-1-responded',
  'stage-2-requested',
  'stage-2',
  'stage-2-responded',
  'not-accepted',
  'escalation-refused',
  'discontinued',
  'withdrawn',
  'closed',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses in which nothing runs any more: not accepted, escalation refused, left, withdrawn, closed. */
export const FINISHED_STATUSES: readonly Status[] = [
  'not-accepted',
  'escalation-refused',
  'discontinued',
  'withdrawn',
  'closed',
];
/** Statuses in which a case is still being worked on: every other one. */
export const OPEN_STATUSES: readonly Status[] = STATUSES.filter((s) => !FINISHED_STATUSES.includes(s));

export interface Extension {
  previousDueDate: IsoDate;
  newDueDate: IsoDate;
  reason: string;
  goodReason?: (typeof GOOD_REASONS)[number];
  beyondCap: boolean;
  notifiedInTime: boolean;
  /** How often the resident will be told how it is going while the extension runs. */
  updateInterval?: string;
  at: string;
}

export interface StageState {
  handler: StaffMember | null;
  /** Everyone who has held the case at this stage, for the stage 2 handler rule. */
  handlers: StaffMember[];
  /** Everyone who acted on the case at this stage (handlers, responders, extensions, contacts). */
  involved: StaffMember[];
  acknowledgedAt: string | null;
  respondedAt: string | null;
  respondedBy: StaffMember | null;
  decisions: Decision[];
  /** What the landlord learned, as recorded with this stage's response. */
  learning: string | null;
  extensions: Extension[];
  /** What the resident wants, as defined at this stage's acknowledgement. */
  outcomesSought: string[];
  /** What the acknowledgement said is not the landlord's responsibility (Code 5.7). */
  notLandlordResponsibility: string[];
}

export interface EscalationRefusal {
  ground: EventOf<'escalation-refused'>['data']['ground'];
  exclusionCode: string | null;
  discretionConsidered: string | null;
  explanation: string;
}

export interface CompletedItem extends TrackedItem {
  completedOn: IsoDate | null;
}

/**
 * The shape of the stored state. A case stored under an older shape is rebuilt from its events
 * (which are read into their current shape), so the projection never needs a hand-written upgrade.
 */
export const STATE_SCHEMA = 3;

export interface ComplaintState {
  schema: number;
  caseId: string;
  reference: string;
  /** Number of events applied: the optimistic-concurrency version. */
  version: number;
  policy: PolicyRef;
  status: Status;
  stage: 1 | 2;
  country: Country;
  serviceArea: string;
  serviceType: string;
  /** A category within the service area; null when none was given (or before categories existed). */
  category: string | null;
  channel: string;
  receivedBy: StaffMember;
  receivedAt: string;
  receivedOn: IsoDate;
  issueDate: IsoDate;
  issueDateKind: 'occurred' | 'became-aware';
  complainant: Complainant;
  representative: Representative | null;
  /** The resident's consent to the representative, when it came after the complaint was made. */
  consentRecorded: { at: string; how: string } | null;
  /** Why the case went ahead before the consent the policy asks for was held. */
  proceededWithoutConsent: string | null;
  collectiveMembers: CollectiveMember[];
  summary: string;
  timeLimitException: string | null;
  /** Flagged at receipt when outside the policy's time limit: never refused automatically. */
  outsideTimeLimit: boolean;
  timeLimitEnds: IsoDate | null;
  timeLimitDiscretion: string | null;
  notAccepted: { reasonCode: string; explanation: string; at: string } | null;
  points: Point[];
  stage1: StageState;
  stage2: StageState & {
    requestedAt: string | null;
    reason: string | null;
    outsideWindow: boolean;
    windowEnds: IsoDate | null;
    route: EscalationRoute | null;
    directReason: (typeof DIRECT_TO_STAGE_2_REASONS)[number] | null;
    lateEscalationAccepted: string | null;
    refusal: EscalationRefusal | null;
    refusedAt: string | null;
  };
  items: CompletedItem[];
  linkedFrom: string | null;
  linkedCases: { caseId: string; reference: string }[];
  contactCount: number;
  /** First contact with the resident after the stage 1 acknowledgement (seed 004's 3-day rule). */
  firstContactAt: string | null;
  /** Left the process after acknowledgement (legal proceedings started). */
  discontinued: { ground: (typeof DISCONTINUE_GROUNDS)[number]; explanation: string; at: string } | null;
  withdrawnAt: string | null;
  closedAt: string | null;
  /** Stage reached when closed, so a stage 1 closure can still be escalated. */
  closedAtStage: 1 | 2 | null;
  /** When the latest event happened: a dated action may not go before it. */
  lastEventAt: string;
}

function emptyStage(): StageState {
  return {
    handler: null,
    handlers: [],
    involved: [],
    acknowledgedAt: null,
    respondedAt: null,
    respondedBy: null,
    decisions: [],
    learning: null,
    extensions: [],
    outcomesSought: [],
    notLandlordResponsibility: [],
  };
}

function initialState(event: ComplaintReceived): ComplaintState {
  const d = event.data;
  return {
    schema: STATE_SCHEMA,
    caseId: d.caseId,
    reference: d.reference,
    version: 1,
    policy: d.policy,
    status: 'received',
    stage: 1,
    country: d.country,
    serviceArea: d.serviceArea,
    serviceType: d.serviceType,
    category: d.category ?? null,
    channel: d.channel,
    receivedBy: d.receivedBy,
    receivedAt: d.receivedAt,
    receivedOn: londonDateOf(d.receivedAt),
    issueDate: d.issueDate,
    issueDateKind: d.issueDateKind,
    complainant: d.complainant,
    representative: d.representative ?? null,
    consentRecorded: null,
    proceededWithoutConsent: null,
    collectiveMembers: d.collectiveMembers,
    summary: d.summary,
    timeLimitException: d.timeLimitException ?? null,
    outsideTimeLimit: d.timeLimit?.outside ?? false,
    timeLimitEnds: d.timeLimit?.ends ?? null,
    timeLimitDiscretion: null,
    notAccepted: null,
    points: [],
    stage1: emptyStage(),
    stage2: {
      ...emptyStage(),
      requestedAt: null,
      reason: null,
      outsideWindow: false,
      windowEnds: null,
      route: null,
      directReason: null,
      lateEscalationAccepted: null,
      refusal: null,
      refusedAt: null,
    },
    items: [],
    linkedFrom: d.linkedFrom ?? null,
    linkedCases: [],
    contactCount: 0,
    firstContactAt: null,
    discontinued: null,
    withdrawnAt: null,
    closedAt: null,
    closedAtStage: null,
    lastEventAt: event.at,
  };
}

export function stageOf(state: ComplaintState, stage: 1 | 2): StageState {
  return stage === 1 ? state.stage1 : state.stage2;
}

/**
 * Everyone who acts on a case at a stage is involved in it (One Manchester: a stage 2 handler "not
 * previously involved"), except by recording the request that ends stage 1.
 */
const NOT_INVOLVING: ReadonlySet<ComplaintEvent['type']> = new Set(['escalation-requested']);

/** Applies one event. Pure: returns a new state. */
export function evolve(state: ComplaintState | null, event: ComplaintEvent): ComplaintState {
  if (event.type === 'complaint-received') {
    const first = initialState(event);
    first.stage1.involved.push(event.actor);
    return first;
  }
  if (!state) throw new Error(`Event ${event.type} cannot start a case`);
  const next: ComplaintState = structuredClone(state);
  next.version = state.version + 1;
  applyEvent(next, event);
  if (!NOT_INVOLVING.has(event.type)) {
    const stage = stageOf(next, state.stage);
    if (!stage.involved.some((m) => m.id === event.actor.id)) stage.involved.push(event.actor);
  }
  if (compareInstants(event.at, next.lastEventAt) > 0) next.lastEventAt = event.at;
  return next;
}

function applyEvent(s: ComplaintState, event: Exclude<ComplaintEvent, ComplaintReceived>): void {
  switch (event.type) {
    case 'complaint-accepted':
      s.status = 'accepted';
      s.timeLimitDiscretion = event.data.timeLimitDiscretion?.reason ?? null;
      s.proceededWithoutConsent = event.data.proceedWithoutConsent?.reason ?? s.proceededWithoutConsent;
      return;
    case 'consent-recorded':
      s.consentRecorded = { at: event.at, how: event.data.how };
      return;
    case 'complaint-not-accepted':
      s.status = 'not-accepted';
      s.notAccepted = { ...event.data, at: event.at };
      return;
    case 'complaint-acknowledged': {
      const stage = stageOf(s, event.data.stage);
      stage.acknowledgedAt = event.at;
      s.points.push(...event.data.points);
      stage.outcomesSought = event.data.outcomesSought;
      stage.notLandlordResponsibility = event.data.notLandlordResponsibility;
      s.proceededWithoutConsent = event.data.proceedWithoutConsent?.reason ?? s.proceededWithoutConsent;
      s.status = event.data.stage === 1 ? 'stage-1' : 'stage-2';
      return;
    }
    case 'late-escalation-accepted':
      s.stage2.lateEscalationAccepted = event.data.reason;
      return;
    case 'handler-assigned': {
      const stage = stageOf(s, event.data.stage);
      stage.handler = event.data.handler;
      if (!stage.handlers.some((h) => h.id === event.data.handler.id))
        stage.handlers.push(event.data.handler);
      return;
    }
    case 'point-added':
      s.points.push(event.data.point);
      return;
    case 'linked-complaint-created':
      s.linkedCases.push({ caseId: event.data.caseId, reference: event.data.reference });
      return;
    case 'deadline-extended':
      stageOf(s, event.data.stage).extensions.push({ ...event.data, at: event.at });
      return;
    case 'contact-recorded':
      s.contactCount += 1;
      if (isContactWithResident(event) && s.stage1.acknowledgedAt && !s.firstContactAt)
        s.firstContactAt = event.at;
      return;
    case 'response-sent': {
      const stage = stageOf(s, event.data.stage);
      stage.respondedAt = event.at;
      stage.respondedBy = event.actor;
      stage.decisions = event.data.decisions;
      stage.learning = event.data.learning ?? null;
      s.items.push(...event.data.items.map((item) => ({ ...item, completedOn: null })));
      s.status = event.data.stage === 1 ? 'stage-1-responded' : 'stage-2-responded';
      return;
    }
    case 'escalation-requested':
      s.stage = 2;
      s.status = 'stage-2-requested';
      s.closedAt = null;
      s.closedAtStage = null;
      s.stage2.requestedAt = event.data.requestedAt;
      s.stage2.reason = event.data.reason ?? null;
      s.stage2.outsideWindow = event.data.outsideWindow;
      s.stage2.windowEnds = event.data.windowEnds;
      s.stage2.route = event.data.route ?? 'after-response';
      s.stage2.directReason = event.data.directReason ?? null;
      return;
    case 'escalation-refused':
      s.status = 'escalation-refused';
      s.stage2.refusal = {
        ground: event.data.ground,
        exclusionCode: event.data.exclusionCode ?? null,
        discretionConsidered: event.data.discretionConsidered ?? null,
        explanation: event.data.explanation,
      };
      s.stage2.refusedAt = event.at;
      return;
    case 'complaint-discontinued':
      s.status = 'discontinued';
      s.discontinued = { ground: event.data.ground, explanation: event.data.explanation, at: event.at };
      return;
    case 'item-completed': {
      const item = s.items.find((i) => i.id === event.data.itemId);
      if (item) item.completedOn = event.data.completedOn;
      return;
    }
    case 'complaint-withdrawn':
      s.status = 'withdrawn';
      s.withdrawnAt = event.at;
      return;
    case 'complaint-closed':
      s.status = 'closed';
      s.closedAt = event.at;
      s.closedAtStage = s.stage;
      return;
  }
}

/**
 * The first contact a policy asks for after acknowledgement (Peaks & Plains §6.2.1) is contact
 * *with* the resident: a call or visit made to them, or a meeting, not the resident chasing.
 */
function isContactWithResident(event: EventOf<'contact-recorded'>): boolean {
  return (
    event.data.kind === 'contact' &&
    (event.data.direction === 'outbound' || event.data.channel === 'in-person')
  );
}

export function replay(events: readonly ComplaintEvent[]): ComplaintState {
  let state: ComplaintState | null = null;
  for (const event of events) state = evolve(state, event);
  if (!state) throw new Error('A case needs at least one event');
  return state;
}
