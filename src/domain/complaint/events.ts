import type { IsoDate } from '../calendar/index.ts';
import { countryFromLegacy, type Country } from '../policy/country.ts';
import type {
  CollectiveMember,
  Complainant,
  DIRECT_TO_STAGE_2_REASONS,
  DISCONTINUE_GROUNDS,
  EscalationRefusalGround,
  GOOD_REASONS,
  OUTCOMES,
  REMEDY_KINDS,
  Representative,
  SPIN_OFF_REASONS,
  StaffMember,
} from './command-schemas.ts';

/**
 * Everything that happens to a case, as facts. The event log is the record handed to the Ombudsman;
 * the state (and every deadline) is derived from it.
 */

export interface PolicyRef {
  key: string;
  version: number;
}

export interface Point {
  id: string;
  text: string;
  stage: 1 | 2;
}

export interface Decision {
  pointId: string;
  outcome: (typeof OUTCOMES)[number];
  reasons: string;
}

export interface TrackedItem {
  id: string;
  kind: 'remedy' | 'action';
  remedyKind?: (typeof REMEDY_KINDS)[number];
  description: string;
  amountPence?: number;
  dueDate: IsoDate;
  stage: 1 | 2;
}

/** A command sent with an API key: the integration that sent it, on behalf of the actor. */
export interface Via {
  integration: string;
  apiKeyId: string;
}

/**
 * `at` is when the thing happened (a letter sent on Friday); `recordedAt` when it was put on the
 * record (logged on Monday). Deadlines are judged on `at`. Events recorded before actions could be
 * dated have no `recordedAt`: theirs is the same as `at`.
 */
type Event<T extends string, D> = {
  type: T;
  at: string;
  recordedAt?: string;
  actor: StaffMember;
  via?: Via;
  data: D;
};

export type ComplaintReceived = Event<
  'complaint-received',
  {
    caseId: string;
    reference: string;
    policy: PolicyRef;
    receivedAt: string;
    channel: string;
    receivedBy: StaffMember;
    issueDate: IsoDate;
    issueDateKind: 'occurred' | 'became-aware';
    complainant: Complainant;
    representative?: Representative;
    collectiveMembers: CollectiveMember[];
    country: Country;
    serviceArea: string;
    serviceType: string;
    /** Optional, and absent from complaints received before categories existed. */
    category?: string;
    summary: string;
    timeLimitException?: string;
    /** The policy's time limit as it applied at receipt; null when the policy sets none. */
    timeLimit: { ends: IsoDate; outside: boolean } | null;
    linkedFrom?: string;
  }
>;

export type ComplaintEvent =
  | ComplaintReceived
  | Event<
      'complaint-accepted',
      { timeLimitDiscretion?: { reason: string }; proceedWithoutConsent?: { reason: string } }
    >
  | Event<'complaint-not-accepted', { reasonCode: string; explanation: string; ombudsmanRightGiven: true }>
  | Event<'consent-recorded', { how: string }>
  | Event<
      'complaint-acknowledged',
      {
        stage: 1 | 2;
        points: Point[];
        outcomesSought: string[];
        notLandlordResponsibility: string[];
        proceedWithoutConsent?: { reason: string };
      }
    >
  | Event<'late-escalation-accepted', { reason: string }>
  | Event<
      'handler-assigned',
      // `previous` and `reason` were added later: older events have neither.
      { stage: 1 | 2; handler: StaffMember; previous?: StaffMember; reason?: string }
    >
  | Event<'point-added', { point: Point }>
  | Event<
      'linked-complaint-created',
      { caseId: string; reference: string; reason: (typeof SPIN_OFF_REASONS)[number]; points: string[] }
    >
  | Event<
      'deadline-extended',
      {
        stage: 1 | 2;
        previousDueDate: IsoDate;
        newDueDate: IsoDate;
        reason: string;
        goodReason?: (typeof GOOD_REASONS)[number];
        beyondCap: boolean;
        notifiedInTime: boolean;
        ombudsmanDetailsGiven: true;
        updateInterval?: string;
      }
    >
  | Event<
      'contact-recorded',
      { kind: 'contact' | 'note'; direction?: 'inbound' | 'outbound'; channel?: string; summary: string }
    >
  | Event<'response-sent', { stage: 1 | 2; decisions: Decision[]; items: TrackedItem[]; learning?: string }>
  | Event<
      'escalation-requested',
      {
        requestedAt: string;
        reason?: string;
        outsideWindow: boolean;
        windowEnds: IsoDate | null;
        /** How it came to stage 2; absent on events before overdue and direct escalation existed. */
        route?: EscalationRoute;
        directReason?: (typeof DIRECT_TO_STAGE_2_REASONS)[number];
      }
    >
  | Event<
      'escalation-refused',
      {
        /** 'unspecified' only on refusals recorded before grounds were required. */
        ground: EscalationRefusalGround | 'unspecified';
        exclusionCode?: string;
        discretionConsidered?: string;
        explanation: string;
        ombudsmanDetailsGiven: true;
      }
    >
  | Event<
      'complaint-discontinued',
      { ground: (typeof DISCONTINUE_GROUNDS)[number]; explanation: string; ombudsmanRightGiven: true }
    >
  | Event<'item-completed', { itemId: string; completedOn: IsoDate; note?: string }>
  | Event<'complaint-withdrawn', { reason: string }>
  | Event<'complaint-closed', { note?: string }>;

/**
 * How a complaint reached stage 2: after its stage 1 response (the usual way), because the stage 1
 * response was overdue, or straight away where the policy allows it (SPSO: complex, or asked for).
 */
export type EscalationRoute = 'after-response' | 'stage-1-overdue' | 'direct';

export type ComplaintEventType = ComplaintEvent['type'];
export type EventOf<T extends ComplaintEventType> = Extract<ComplaintEvent, { type: T }>;

/**
 * Events are never rewritten (they are the record), so older shapes are read into the current one
 * here, on the way out of storage:
 * - a receipt said `jurisdiction` (the calendar) where it now says `country` (the regime);
 * - a refusal to escalate gave a free-text `reason` where it now gives a ground and an explanation.
 */
export function upcastEvent(event: ComplaintEvent): ComplaintEvent {
  if (event.type === 'complaint-received') {
    const data = event.data as ComplaintReceived['data'] & { jurisdiction?: string };
    if (data.country !== undefined) return event;
    const { jurisdiction, ...rest } = data;
    return { ...event, data: { ...rest, country: countryFromLegacy(jurisdiction ?? 'england') } };
  }
  if (event.type === 'escalation-refused') {
    const data = event.data as EventOf<'escalation-refused'>['data'] & { reason?: string };
    if (data.ground !== undefined) return event;
    const { reason, ...rest } = data;
    return { ...event, data: { ...rest, ground: 'unspecified', explanation: reason ?? '' } };
  }
  return event;
}
