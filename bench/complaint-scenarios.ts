/**
 * Realistic complaint inputs and lifecycles, shared by the deadline benchmark (pure domain) and the
 * database benchmark (templates for the seeded rows, and the write path). Modelled on the demo landlord.
 */
import { addCalendarDays, calendarFor, type IsoDate } from '../src/domain/calendar/index.ts';
import type { ReceiveInput, StaffMember, StaffRef } from '../src/domain/complaint/command-schemas.ts';
import { decide, type CommandName, type ComplaintCommand } from '../src/domain/complaint/decide.ts';
import { deriveDeadlines, findDeadline } from '../src/domain/complaint/deadlines.ts';
import { receiveComplaint, rulesFor, type ReceiveCommand } from '../src/domain/complaint/receive.ts';
import { divisionOf, type Country } from '../src/domain/policy/country.ts';
import { evolve, type ComplaintState } from '../src/domain/complaint/state.ts';
import {
  HOS_CODE_2024,
  NIPSO_MODEL,
  PEAKS_AND_PLAINS,
  SPSO_MCHP,
} from '../src/domain/policy/presets/index.ts';
import type { Policy, RuleSet } from '../src/domain/policy/policy-schema.ts';
import { COMPLAINT_COMMANDS } from '../src/modules/complaints/complaint-commands.ts';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function weighted<T>(next: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  const last = items.at(-1);
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

/** A staff id for the benchmark's organisation: uuids, so they can be real staff accounts. */
const staffId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const OFFICER: StaffMember = { id: staffId(999), name: 'Priya Shah (complaints officer)' };

const FIRST_NAMES = [
  'Margaret', 'Daniel', 'Leanne', 'Mohammed', 'Joan', 'Kevin', 'Sarah', 'Peter', 'Olivia', 'Hannah',
  'Robert', 'Fatima', 'Gareth', 'Aisha', 'Tom', 'Emma', 'Kwame', 'Siobhan', 'Wei', 'Bronwen',
]; // prettier-ignore
const LAST_NAMES = [
  'Ellis', 'Hughes', 'Carter', 'Ali', 'Whitfield', 'Doyle', 'Mitchell', 'Grant', 'Brown', 'Price',
  'King', 'Noor', 'Lewis', 'Begum', 'Okafor', 'Jones', 'Mensah', 'Murphy', 'Chen', 'Evans',
]; // prettier-ignore

export const PERSON_NAMES: readonly string[] = LAST_NAMES.flatMap((last) =>
  FIRST_NAMES.map((first) => `${first} ${last}`),
);

/** 50 staff who handle complaints: 40 stage 1 handlers, then 10 senior managers for stage 2. */
export const STAFF: readonly StaffMember[] = Array.from({ length: 50 }, (_, i) => ({
  id: staffId(i + 1),
  name: `${PERSON_NAMES[(i * 37 + 11) % PERSON_NAMES.length] ?? 'Staff'} (${i < 40 ? 'complaints handler' : 'senior manager'})`,
}));
export const STAGE_1_HANDLERS = STAFF.slice(0, 40);
export const STAGE_2_HANDLERS = STAFF.slice(40);

/** Service areas with their share of complaints. */
export const SERVICE_AREAS: readonly (readonly [string, number])[] = [
  ['repairs', 0.42],
  ['damp-and-mould', 0.14],
  ['estate-services', 0.1],
  ['customer-services', 0.09],
  ['neighbourhoods', 0.08],
  ['income', 0.07],
  ['lettings', 0.05],
  ['adaptations', 0.05],
];

export const CHANNEL_SHARES: readonly (readonly [ReceiveInput['channel'], number])[] = [
  ['phone', 0.38],
  ['email', 0.24],
  ['web', 0.2],
  ['letter', 0.06],
  ['in-person', 0.05],
  ['social-media', 0.03],
  ['staff', 0.02],
  ['third-party', 0.02],
];

const SUMMARIES: Readonly<Record<string, string>> = {
  repairs: 'Boiler repair appointment missed twice; no heating for a week.',
  'damp-and-mould': 'Damp and mould in the back bedroom reported three times with no visit.',
  'estate-services': 'Service charge for grounds maintenance not delivered.',
  'customer-services': 'Rude call handler when reporting a leak.',
  neighbourhoods: 'Anti-social behaviour reports not acted on.',
  income: 'Rent account error led to arrears letter.',
  lettings: 'Offer of a new home withdrawn without explanation.',
  adaptations: 'Adaptation (grab rails) delayed for four months.',
};

/** A realistic receipt, as staff would log it (taken by the officer). */
export function receiveInput(
  next: () => number,
  receivedAt: Date,
  receivedOn: IsoDate,
  country: Country,
): ReceiveCommand {
  const serviceArea = weighted(next, SERVICE_AREAS);
  return {
    receivedAt: receivedAt.toISOString(),
    channel: weighted(next, CHANNEL_SHARES),
    receivedBy: OFFICER,
    issueDate: addCalendarDays(receivedOn, -Math.floor(5 + next() * 40)),
    issueDateKind: 'occurred',
    complainant:
      next() < 0.03
        ? { kind: 'anonymous' }
        : {
            kind: 'named',
            name: pick(next, PERSON_NAMES),
            contact: { phone: '07700 900123', email: 'resident@example.org' },
            tenancyReference: `T${String(Math.floor(next() * 1e6)).padStart(6, '0')}`,
          },
    ...(next() < 0.05
      ? {
          representative: { name: 'Cllr Sam Patel', relationship: 'councillor', consentHeld: false } as const,
        }
      : {}),
    country,
    serviceArea,
    summary: SUMMARIES[serviceArea] ?? 'Complaint about our service.',
  };
}

/** A receipt as the API takes it: who took it is whoever logs it. */
export function wireReceiveInput(command: ReceiveCommand): ReceiveInput {
  const { receivedBy, ...input } = command;
  return input;
}

/** A step's input as the API takes it: people named by their staff account. */
export function wireInput(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('handler' in input)) return input;
  const { handler, ...rest } = input as { handler: StaffMember };
  const ref: StaffRef = { staffId: handler.id };
  return { ...rest, handler: ref };
}

export type SimpleCommandName = Exclude<CommandName, 'spin-off'>;

export interface People {
  handler: StaffMember;
  manager: StaffMember;
}

interface StepContext {
  state: ComplaintState;
  rules: RuleSet;
  calendar: ReturnType<typeof calendarFor>;
  today: IsoDate;
  people: People;
}

export interface Step {
  /** Working days after receipt. */
  day: number;
  by: keyof People | 'officer';
  command: SimpleCommandName;
  input: (ctx: StepContext) => unknown;
}

const step = (
  day: number,
  by: Step['by'],
  command: SimpleCommandName,
  input: Step['input'] = () => ({}),
): Step => ({ day, by, command, input });

const accept = (day = 0) => step(day, 'officer', 'accept');
const acknowledge = (day: number) =>
  step(day, 'handler', 'acknowledge', ({ people }) => ({
    points: [{ text: 'The repair was not done when promised' }, { text: 'Nobody called back' }],
    outcomesSought: ['Put the problem right and an apology'],
    handler: people.handler,
  }));
const respond = (day: number, stage: 1 | 2) =>
  step(day, stage === 1 ? 'handler' : 'manager', stage === 1 ? 'respond' : 'final-response', ({ state, today }) => ({
    decisions: state.points.map((p, i) => ({
      pointId: p.id,
      outcome: i === 0 ? 'upheld' : 'not-upheld',
      reasons: i === 0 ? 'Our records show the appointment was missed.' : 'The work met our repair standard.',
    })),
    remedies: [
      { kind: 'apology', description: 'An apology for the missed appointment', dueDate: today },
      {
        kind: 'financial',
        description: 'Compensation for the missed appointment',
        amountPence: 5000,
        dueDate: addCalendarDays(today, 10),
      },
    ],
    actions: [{ description: 'Complete the outstanding repair', dueDate: addCalendarDays(today, 20) }],
  })); // prettier-ignore
const escalate = (day: number) =>
  step(day, 'officer', 'escalate', () => ({ reason: 'The repair is still not done' }));
const acknowledgeStage2 = (day: number) =>
  step(day, 'manager', 'acknowledge-stage-2', ({ people }) => ({ handler: people.manager }));
const close = (day: number) => step(day, 'officer', 'close');

/** Lifecycles reaching every status, with the share of a caseload each stands for. */
export const LIFECYCLES: readonly { name: string; weight: number; steps: readonly Step[] }[] = [
  { name: 'received', weight: 3, steps: [] },
  { name: 'accepted', weight: 2, steps: [accept(1)] },
  { name: 'stage 1', weight: 6, steps: [accept(), acknowledge(2)] },
  {
    name: 'stage 1, first contact made',
    weight: 3,
    steps: [
      accept(),
      acknowledge(2),
      step(4, 'handler', 'record-contact', () => ({
        kind: 'contact',
        direction: 'outbound',
        channel: 'phone',
        summary: 'Called the resident to arrange a visit.',
      })),
    ],
  },
  {
    name: 'stage 1, extended',
    weight: 2,
    steps: [
      accept(),
      acknowledge(3),
      step(9, 'handler', 'extend', ({ state, rules, calendar, today }) => {
        const due = findDeadline(deriveDeadlines(state, rules, calendar, today), 'stage-1-response')?.due;
        return {
          newDueDate: calendar.addWorkingDays(due ?? today, 8),
          reason: 'Waiting for the contractor’s report',
          goodReason: 'awaiting-information-from-third-party',
          ombudsmanDetailsGiven: true,
        };
      }),
    ],
  },
  { name: 'stage 1 responded', weight: 10, steps: [accept(), acknowledge(2), respond(9, 1)] },
  {
    name: 'stage 2 requested',
    weight: 2,
    steps: [accept(), acknowledge(2), respond(9, 1), escalate(14)],
  },
  {
    name: 'stage 2',
    weight: 4,
    steps: [accept(), acknowledge(2), respond(9, 1), escalate(14), acknowledgeStage2(16)],
  },
  {
    name: 'closed at stage 1',
    weight: 40,
    steps: [
      accept(),
      acknowledge(2),
      respond(9, 1),
      step(12, 'handler', 'complete-action', () => ({ itemId: 'R1' })),
      close(14),
    ],
  },
  {
    name: 'closed at stage 2',
    weight: 10,
    steps: [
      accept(),
      acknowledge(2),
      respond(9, 1),
      escalate(14),
      acknowledgeStage2(16),
      respond(34, 2),
      close(36),
    ],
  },
  {
    name: 'escalation refused',
    weight: 2,
    steps: [
      accept(),
      acknowledge(2),
      respond(9, 1),
      escalate(14),
      step(16, 'manager', 'refuse-escalation', () => ({
        ground: 'already-considered',
        explanation: 'The stage 1 response answered every point and the repair is complete.',
        ombudsmanDetailsGiven: true,
      })),
    ],
  },
  {
    name: 'not accepted',
    weight: 8,
    steps: [
      step(2, 'officer', 'not-accept', ({ rules }) => ({
        reasonCode: rules.exclusionReasons[0]?.code ?? 'outside-time-limit',
        explanation: 'The issue happened more than 12 months before you contacted us.',
        ombudsmanRightGiven: true,
      })),
    ],
  },
  {
    name: 'withdrawn',
    weight: 5,
    steps: [accept(), step(3, 'officer', 'withdraw', () => ({ reason: 'Resolved; the resident asked us to stop.' }))],
  }, // prettier-ignore
];

/** Policies and countries a national caseload mixes. */
export const POLICY_MIX: readonly (readonly [{ policy: Policy; country: Country }, number])[] = [
  [{ policy: HOS_CODE_2024, country: 'england' }, 0.7],
  [{ policy: PEAKS_AND_PLAINS, country: 'england' }, 0.1],
  [{ policy: SPSO_MCHP, country: 'scotland' }, 0.12],
  [{ policy: NIPSO_MODEL, country: 'northern-ireland' }, 0.08],
];

export const atTime = (date: IsoDate, hour: number, minute = 0): Date =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

export interface PlayedCase {
  state: ComplaintState;
  rules: RuleSet;
  calendar: ReturnType<typeof calendarFor>;
  events: number;
  /** The date of the last step. */
  lastOn: IsoDate;
}

/** Runs one lifecycle through the pure domain: receiveComplaint, then decide and evolve for each step. */
export function playLifecycle(
  next: () => number,
  lifecycle: (typeof LIFECYCLES)[number],
  policy: Policy,
  country: Country,
  receivedOn: IsoDate,
  id: number,
): PlayedCase {
  const rules = rulesFor(policy, country);
  const calendar = calendarFor(divisionOf(country));
  const receivedAt = atTime(receivedOn, 9 + Math.floor(next() * 8), Math.floor(next() * 60));
  const received = receiveComplaint(receiveInput(next, receivedAt, receivedOn, country), {
    caseId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    reference: `BN-${receivedOn.slice(0, 4)}-${String(id).padStart(6, '0')}`,
    policy,
    actor: OFFICER,
    now: new Date(receivedAt.getTime() + 3_600_000),
    calendarFor: (_rules, c) => calendarFor(divisionOf(c)),
  });
  let state = evolve(null, received);
  let events = 1;
  let lastOn = receivedOn;
  const people: People = { handler: pick(next, STAGE_1_HANDLERS), manager: pick(next, STAGE_2_HANDLERS) };
  for (const s of lifecycle.steps) {
    const on = calendar.addWorkingDays(receivedOn, s.day);
    const actor = s.by === 'officer' ? OFFICER : people[s.by];
    const raw = s.input({ state, rules, calendar, today: on, people });
    // Parsed as the API would take it (people by staff account), then given to the domain as the use
    // case gives it: with each person resolved to the member of staff.
    const parsed = COMPLAINT_COMMANDS[s.command].schema.parse(wireInput(raw));
    const input: unknown =
      typeof raw === 'object' && raw !== null && 'handler' in raw
        ? { ...parsed, handler: raw.handler }
        : parsed;
    const command = { name: s.command, input } as Exclude<ComplaintCommand, { name: 'spin-off' }>;
    const emitted = decide(state, command, { policy, rules, calendar, actor, now: atTime(on, 11) });
    for (const event of emitted) state = evolve(state, event);
    events += emitted.length;
    lastOn = on;
  }
  return { state, rules, calendar, events, lastOn };
}
