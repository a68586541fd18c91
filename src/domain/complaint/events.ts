import type { IsoDate, Jurisdiction } from '../calendar/index.ts';
import type {
  Complainant,
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

type Event<T extends string, D> = { type: T; at: string; actor: StaffMember; data: D };

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
    collectiveMembers: { name: string }[];
    jurisdiction: Jurisdiction;
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
  | Event<'complaint-accepted', { timeLimitDiscretion?: { reason: string } }>
  | Event<'complaint-not-accepted', { reasonCode: string; explanation: string; ombudsmanRightGiven: true }>
  | Event<
      'complaint-acknowledged',
      { stage: 1 | 2; points: Point[]; outcomesSought: string[]; notLandlordResponsibility: string[] }
    >
  | Event<'late-escalation-accepted', { reason: string }>
  | Event<'handler-assigned', { stage: 1 | 2; handler: StaffMember }>
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
      { requestedAt: string; reason?: string; outsideWindow: boolean; windowEnds: IsoDate | null }
    >
  | Event<'escalation-refused', { reason: string; ombudsmanDetailsGiven: true }>
  | Event<'item-completed', { itemId: string; completedOn: IsoDate; note?: string }>
  | Event<'complaint-withdrawn', { reason: string }>
  | Event<'complaint-closed', { note?: string }>;

export type ComplaintEventType = ComplaintEvent['type'];
export type EventOf<T extends ComplaintEventType> = Extract<ComplaintEvent, { type: T }>;
