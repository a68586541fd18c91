import { addCalendarDays, calendarFor, londonDateOf, type IsoDate } from '../../domain/calendar/index.ts';
import type { ReceiveInput, StaffMember } from '../../domain/complaint/command-schemas.ts';
import type { CommandName } from '../../domain/complaint/decide.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { actOnComplaint } from '../complaints/act-on-complaint.use-case.ts';
import type { Clock } from '../complaints/case-context.ts';
import { getComplaint } from '../complaints/get-complaint.use-case.ts';
import { receiveComplaintUseCase } from '../complaints/receive-complaint.use-case.ts';
import { createDemoStaff, type DemoSignIn } from '../staff/create-demo-staff.ts';
import type { StaffRole } from '../staff/staff-roles.ts';
import type { CaseActor } from '../complaints/case-actor.ts';
import { divisionOf } from '../../domain/policy/country.ts';
import { createDemoContacts } from './create-demo-contacts.ts';
import {
  createOrganisation,
  type CreatedOrganisation,
} from '../organisations/create-organisation.use-case.ts';

/** A member of the demo's staff as the cases name them, with the role they act in. */
export interface DemoPerson extends StaffMember {
  role: StaffRole;
}

/** Who acts in the demo: its staff accounts. */
export interface DemoPeople {
  officer: DemoPerson;
  handler: DemoPerson;
  handler2: DemoPerson;
  director: DemoPerson;
}

type Step = { day: number; by: DemoPerson; command: Exclude<CommandName, 'spin-off'>; input: unknown };

interface Scenario {
  receivedDaysAgo: number;
  complaint: Omit<ReceiveInput, 'receivedAt' | 'receivedBy' | 'issueDate'> & {
    issueDaysBeforeReceipt: number;
  };
  /** Each step runs `day` working days after receipt. */
  steps: Step[];
}

const STREETS = ['Oak Road', 'Mill Lane', 'Station Street', 'Park Avenue', 'Church Walk', 'Victoria Close'];

/**
 * The n-th demo resident: a phone number from Ofcom's range for drama (07700 900xxx), a tenancy
 * reference and a home with a Manchester-shaped postcode, each different so that search tells them apart.
 */
export const demoResident = (name: string, n: number) =>
  ({
    kind: 'named',
    name,
    tenancyReference: `TEN-${String(4500 + n).padStart(6, '0')}`,
    contact: {
      phone: `07700 900${String(100 + n)}`,
      address: `${String(10 + n)} ${STREETS[n % STREETS.length] ?? 'Oak Road'}\nManchester`,
      postcode: `M${String(1 + (n % 20))} ${String(1 + (n % 9))}AB`,
    },
  }) as const;

const acknowledge = (day: number, by: DemoPerson, points: string[]): Step => ({
  day,
  by,
  command: 'acknowledge',
  input: {
    points: points.map((text) => ({ text })),
    outcomesSought: ['Put the problem right and an apology'],
    notLandlordResponsibility: [],
    handler: { staffId: by.id },
  },
});

const respond = (day: number, by: DemoPerson, stage: 1 | 2, points: number, today: IsoDate): Step => ({
  day,
  by,
  command: stage === 1 ? 'respond' : 'final-response',
  input: {
    decisions: Array.from({ length: points }, (_, i) => ({
      pointId: `P${i + 1}`,
      outcome: i === 0 ? 'upheld' : 'not-upheld',
      reasons: i === 0 ? 'Our records show the appointment was missed.' : 'The work met our repair standard.',
    })),
    remedies: [
      {
        kind: 'financial',
        description: 'Compensation for the missed appointment',
        amountPence: 5000,
        dueDate: addCalendarDays(today, 10),
      },
    ],
    actions: [{ description: 'Complete the outstanding repair', dueDate: addCalendarDays(today, 20) }],
  },
});

/** Accepted on receipt, acknowledged on `ackDay`, answered at stage 1 on `respondDay`. */
const answeredAtStage1 = (
  officer: DemoPerson,
  by: DemoPerson,
  points: string[],
  ackDay: number,
  respondDay: number,
  today: IsoDate,
): Step[] => [
  { day: 0, by: officer, command: 'accept', input: {} },
  acknowledge(ackDay, by, points),
  respond(respondDay, by, 1, points.length, today),
];

/** A realistic spread: a case in every state, some on track, some due soon, some overdue. */
function scenarios(today: IsoDate, p: DemoPeople): Scenario[] {
  const base = { channel: 'phone', issueDateKind: 'occurred' } as const;
  let residents = 0;
  const c = (
    summary: string,
    serviceArea: string,
    name: string,
    extra: Partial<Scenario['complaint']> = {},
  ) => ({
    ...base,
    summary,
    serviceArea,
    complainant: demoResident(name, residents++),
    issueDaysBeforeReceipt: 14,
    ...extra,
  });
  const repair = c(
    'Boiler repair appointment missed twice; no heating for a week.',
    'repairs',
    'Margaret Ellis',
  );
  return [
    { receivedDaysAgo: 0, complaint: repair, steps: [] },
    {
      receivedDaysAgo: 4,
      complaint: c(
        'Damp and mould in the back bedroom reported three times with no visit.',
        'repairs',
        'Daniel Hughes',
      ),
      steps: [{ day: 1, by: p.officer, command: 'accept', input: {} }],
    },
    {
      receivedDaysAgo: 6,
      complaint: c(
        'Service charge for grounds maintenance not delivered.',
        'estate-services',
        'Leanne Carter',
        { channel: 'email' },
      ),
      steps: [
        { day: 0, by: p.officer, command: 'accept', input: {} },
        acknowledge(2, p.handler2, ['Grass not cut since April', 'Charge still billed']),
      ],
    },
    {
      receivedDaysAgo: 16,
      complaint: c('Rude call handler when reporting a leak.', 'customer-services', 'Mohammed Ali'),
      steps: [
        { day: 0, by: p.officer, command: 'accept', input: {} },
        acknowledge(4, p.handler, ['Staff conduct on the call']),
      ],
    },
    {
      receivedDaysAgo: 20,
      complaint: c('Adaptation (grab rails) delayed for four months.', 'adaptations', 'Joan Whitfield', {
        representative: { name: 'Cllr Sam Patel', relationship: 'councillor', consentHeld: false },
      }),
      steps: [
        { day: 0, by: p.officer, command: 'accept', input: {} },
        acknowledge(3, p.handler, ['Delay to grab rails', 'No updates given']),
        {
          day: 11,
          by: p.handler,
          command: 'extend',
          input: {
            newDueDate: '',
            reason: 'Waiting for the occupational therapist report',
            goodReason: 'awaiting-information-from-third-party',
            ombudsmanDetailsGiven: true,
          },
        },
      ],
    },
    {
      receivedDaysAgo: 25,
      complaint: c('Repair to front door lock not completed.', 'repairs', 'Kevin Doyle'),
      steps: [
        { day: 0, by: p.officer, command: 'accept', input: {} },
        acknowledge(2, p.handler, ['Front door lock']),
      ],
    },
    {
      receivedDaysAgo: 30,
      complaint: c('Missed appointment for gas safety check.', 'repairs', 'Sarah Mitchell'),
      steps: [
        ...answeredAtStage1(
          p.officer,
          p.handler,
          ['Missed gas safety appointment', 'No call to rearrange'],
          2,
          9,
          today,
        ),
      ],
    },
    {
      receivedDaysAgo: 40,
      complaint: c('Anti-social behaviour reports not acted on.', 'neighbourhoods', 'Peter Grant'),
      steps: [
        ...answeredAtStage1(p.officer, p.handler2, ['ASB reports not followed up'], 3, 12, today),
        { day: 20, by: p.officer, command: 'escalate', input: {} },
      ],
    },
    {
      receivedDaysAgo: 60,
      complaint: c('Kitchen replacement left unfinished.', 'repairs', 'Olivia Brown'),
      steps: [
        ...answeredAtStage1(
          p.officer,
          p.handler,
          ['Kitchen unfinished', 'Contractor left mess'],
          2,
          10,
          today,
        ),
        { day: 15, by: p.officer, command: 'escalate', input: { reason: 'Still no completion date' } },
        {
          day: 17,
          by: p.director,
          command: 'acknowledge-stage-2',
          input: { handler: { staffId: p.director.id } },
        },
      ],
    },
    {
      receivedDaysAgo: 90,
      complaint: c('Rent account error led to arrears letter.', 'income', 'Hannah Price'),
      steps: [
        ...answeredAtStage1(p.officer, p.handler2, ['Incorrect arrears letter'], 2, 9, today),
        { day: 12, by: p.officer, command: 'escalate', input: {} },
        {
          day: 14,
          by: p.director,
          command: 'acknowledge-stage-2',
          input: { handler: { staffId: p.director.id } },
        },
        respond(30, p.director, 2, 1, today),
        { day: 31, by: p.officer, command: 'close', input: {} },
      ],
    },
    {
      receivedDaysAgo: 70,
      complaint: c('Communal lighting out for weeks on the stairwell.', 'estate-services', 'Grace Adeyemi'),
      steps: [
        ...answeredAtStage1(p.officer, p.handler2, ['Stairwell lighting not repaired'], 1, 8, today),
        { day: 10, by: p.officer, command: 'escalate', input: {} },
        {
          day: 12,
          by: p.director,
          command: 'acknowledge-stage-2',
          input: { handler: { staffId: p.director.id } },
        },
        respond(28, p.director, 2, 1, today),
      ],
    },
    {
      receivedDaysAgo: 45,
      complaint: c('Disrepair claim about the bathroom ceiling.', 'repairs', 'Colin Murray'),
      steps: [
        ...answeredAtStage1(p.officer, p.handler, ['Bathroom ceiling leak'], 2, 10, today),
        { day: 14, by: p.officer, command: 'escalate', input: { reason: 'My solicitor has filed a claim' } },
        {
          day: 16,
          by: p.director,
          command: 'refuse-escalation',
          input: {
            ground: 'legal-proceedings',
            explanation: 'A disrepair claim has been filed at court, so the matter will be decided there.',
            ombudsmanDetailsGiven: true,
          },
        },
      ],
    },
    {
      receivedDaysAgo: 8,
      complaint: c('Noise from the neighbour’s building work in 2023.', 'neighbourhoods', 'Robert King', {
        issueDaysBeforeReceipt: 800,
      }),
      steps: [
        {
          day: 2,
          by: p.officer,
          command: 'not-accept',
          input: {
            reasonCode: 'outside-time-limit',
            explanation:
              'The building work ended in 2023, more than 12 months before you contacted us, and we have no record of reports at the time.',
            ombudsmanRightGiven: true,
          },
        },
      ],
    },
    {
      receivedDaysAgo: 20,
      complaint: c('Leak from the flat above damaged the kitchen ceiling.', 'repairs', 'Helen Price'),
      steps: [
        { day: 0, by: p.officer, command: 'accept', input: {} },
        acknowledge(3, p.handler2, ['The leak was not stopped for a week', 'The ceiling was not repaired']),
        {
          day: 9,
          by: p.officer,
          command: 'discontinue',
          input: {
            ground: 'legal-proceedings',
            explanation:
              'Your solicitor has filed a disrepair claim at court about the same leak, so the court will decide it. You can ask the Housing Ombudsman to look at this decision.',
            ombudsmanRightGiven: true,
          },
        },
      ],
    },
    {
      receivedDaysAgo: 12,
      complaint: c('Bins not collected from the block.', 'estate-services', 'Fatima Noor'),
      steps: [
        { day: 0, by: p.officer, command: 'accept', input: {} },
        {
          day: 3,
          by: p.officer,
          command: 'withdraw',
          input: { reason: 'Resolved by the council; the resident asked us to stop.' },
        },
      ],
    },
  ];
}

/** A clock the demo moves forward so every event happens at a realistic time in the past. */
class SteppedClock implements Clock {
  private current = new Date();
  set(date: Date): void {
    this.current = date;
  }
  now(): Date {
    return this.current;
  }
}

const atTenAm = (date: IsoDate) => new Date(`${date}T10:00:00Z`);

export interface DemoLandlord extends CreatedOrganisation {
  /** The demo staff sign-ins, one per role, when asked for (`withStaff`). */
  signIns: DemoSignIn[];
}

/** The demo staff accounts as the people in the demo's cases, so "My cases" shows theirs. */
function peopleFrom(signIns: DemoSignIn[]): DemoPeople {
  const as = (role: StaffRole, nth = 0): DemoPerson => {
    const account = signIns.filter((s) => s.role === role)[nth];
    if (!account) throw new Error(`The demo has no ${role} number ${nth + 1}`);
    return { id: account.staffId, name: account.name, role: account.role };
  };
  return {
    officer: as('complaints-officer'),
    handler: as('handler'),
    handler2: as('handler', 1),
    director: as('senior-lead'),
  };
}

const actorOf = (person: DemoPerson): CaseActor => ({
  kind: 'staff',
  member: { id: person.id, name: person.name },
  role: person.role,
});

/**
 * Demo Homes: its cases in every state, its contact log, and a staff sign-in per role (the people
 * who act in its cases). Every record is made through the real use cases. The first demo on a server
 * has the addresses the README shows; another gets a domain of its own, as addresses are unique.
 */
export async function createDemoLandlord(
  db: DatabaseHandle,
  now: Date = new Date(),
  options: { emailDomain?: string } = {},
): Promise<DemoLandlord> {
  const org = await createOrganisation(
    db,
    { name: 'Demo Homes', preset: 'hos-code-2024', referencePrefix: 'DH' },
    'demo',
  );
  const signIns = await createDemoStaff(
    { db, clock: { now: () => now } },
    org.organisationId,
    options.emailDomain ?? `demo-${org.organisationId.slice(0, 8)}.putright.test`,
  );
  const p = peopleFrom(signIns);
  const calendar = calendarFor(divisionOf('england'));
  const today = londonDateOf(now);
  const clock = new SteppedClock();
  const deps = { db, clock };
  for (const scenario of scenarios(today, p)) {
    const receivedOn = calendar.addWorkingDays(today, -scenario.receivedDaysAgo);
    const receivedAt = scenario.receivedDaysAgo === 0 ? now : atTenAm(receivedOn);
    clock.set(receivedAt);
    const { issueDaysBeforeReceipt, ...complaint } = scenario.complaint;
    const view = await receiveComplaintUseCase(
      deps,
      org.organisationId,
      {
        ...complaint,
        receivedAt: receivedAt.toISOString(),
        issueDate: addCalendarDays(receivedOn, -issueDaysBeforeReceipt),
      },
      actorOf(p.officer),
    );
    for (const step of scenario.steps) {
      const on = calendar.addWorkingDays(receivedOn, step.day);
      clock.set(on < today ? atTenAm(on) : now);
      let input = step.input;
      if (step.command === 'extend') {
        const due =
          (await getComplaint(deps, org.organisationId, view.id)).currentDeadline?.originalDue ?? on;
        input = { ...(step.input as object), newDueDate: calendar.addWorkingDays(due, 8) };
      }
      await actOnComplaint(
        deps,
        { organisationId: org.organisationId, caseRef: view.id, actor: actorOf(step.by) },
        step.command,
        input,
      );
    }
  }
  await createDemoContacts(db, org.organisationId, now);
  return { ...org, signIns };
}
