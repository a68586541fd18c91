import { londonWallClock } from '../../domain/calendar/index.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { closeServiceRequest } from '../contacts/close-service-request.use-case.ts';
import { logContact } from '../contacts/log-contact.use-case.ts';
import { raiseComplaintAboutServiceRequest } from '../contacts/raise-complaint-about-service-request.use-case.ts';
import { recordSuggestionOutcome } from '../contacts/record-suggestion-outcome.use-case.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';

const DAY_MS = 86_400_000;

/** The demo's front-line member of staff, as the contact use cases see whoever is signed in. */
function frontLine(organisationId: string): StaffPrincipal {
  return {
    organisationId,
    organisationName: 'Demo Homes',
    staffId: 'demo-frontline',
    sessionId: 'demo',
    name: 'Jordan Hughes',
    email: 'frontline@demo.putright.test',
    role: 'front-line',
    mustChangePassword: false,
  };
}

/** The form's date and time boxes for an instant. */
function receivedAnswers(at: Date): Record<string, string> {
  const { date, time } = londonWallClock(at);
  const [year = '', month = '', day = ''] = date.split('-');
  return { 'received-day': day, 'received-month': month, 'received-year': year, receivedTime: time };
}

/**
 * A few contacts of every kind for the demo landlord, logged through the same use cases as the
 * "Log a contact" page: an open service request, one with a complaint raised about it, a closed
 * one, compliments (one still to pass on) and suggestions (one assessed). Returns their references.
 */
export async function createDemoContacts(
  db: DatabaseHandle,
  organisationId: string,
  now: Date = new Date(),
): Promise<string[]> {
  let clockNow = now;
  const deps = { db, clock: { now: () => clockNow } };
  const staff = frontLine(organisationId);
  const log = async (daysAgo: number, answers: Record<string, string>) => {
    const at = new Date(now.getTime() - daysAgo * DAY_MS);
    clockNow = at;
    const logged = await logContact(deps, staff, {
      channel: 'phone',
      hasRepresentative: 'no',
      dissatisfied: 'no',
      serviceArea: 'repairs',
      ...receivedAnswers(at),
      ...answers,
    });
    return logged.reference;
  };
  const references: string[] = [];

  references.push(
    await log(1, {
      kind: 'service-request',
      residentName: 'Lena Morris',
      summary: 'Kitchen extractor fan not working.',
    }),
  );

  const chased = await log(20, {
    kind: 'service-request',
    residentName: 'Samuel Adeyemi',
    residentPhone: '07700 900456',
    residentAddress: '3 Elm Court\nSalford',
    residentPostcode: 'M5 4WT',
    tenancyReference: 'TEN-009876',
    summary: 'Front door does not lock properly.',
  });
  clockNow = new Date(now.getTime() - 2 * DAY_MS);
  await raiseComplaintAboutServiceRequest(deps, staff, chased, {
    channel: 'phone',
    summary: 'Chased three times; nobody has come and the door still does not lock.',
  });
  references.push(chased);

  const fixed = await log(12, {
    kind: 'service-request',
    channel: 'web',
    residentName: 'Grace Whitfield',
    summary: 'Bathroom light flickers.',
  });
  clockNow = new Date(now.getTime() - 9 * DAY_MS);
  await closeServiceRequest(deps, staff, fixed, {
    outcome: 'Electrician replaced the fitting on the first visit.',
  });
  references.push(fixed);

  references.push(
    await log(6, {
      kind: 'compliment',
      channel: 'email',
      residentName: 'Harold Price',
      serviceArea: '',
      summary: 'The gas engineer was patient and explained everything.',
      staffMemberName: 'Dave Jones',
      managerName: 'Tom Okafor',
      passedOn: 'yes',
    }),
    await log(2, {
      kind: 'compliment',
      channel: 'in-person',
      residentName: 'Ruth Ellis',
      serviceArea: '',
      summary: 'Thanks to the caretaker for clearing the communal path so quickly.',
      staffMemberName: 'Kim Lee',
      managerName: 'Aisha Begum',
    }),
  );

  const texts = await log(15, {
    kind: 'suggestion',
    channel: 'social-media',
    serviceArea: '',
    summary: 'Send a text the day before a repair visit.',
  });
  clockNow = new Date(now.getTime() - 8 * DAY_MS);
  await recordSuggestionOutcome(deps, staff, texts, {
    decision: 'adopted',
    assessment: 'Repairs manager agreed: reminder texts start next month.',
    residentTold: 'yes',
  });
  references.push(
    texts,
    await log(3, {
      kind: 'suggestion',
      channel: 'letter',
      residentName: 'Peter Okoro',
      serviceArea: '',
      summary: 'Put a bench by the bus stop entrance to the estate.',
    }),
  );
  return references;
}
