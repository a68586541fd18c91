import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { instantOfLondon } from '../calendar/london-time.ts';
import {
  EARLIEST_INPUT_DATE,
  INTAKE_CHANNELS,
  REPRESENTATIVE_RELATIONSHIPS,
} from '../complaint/command-schemas.ts';
import { formatPostcode } from '../complaint/search-keys.ts';
import { CONTACT_KINDS, RESIDENT_CHOICES, triage, type ContactKind, type ResidentChoice } from './triage.ts';

/**
 * The "Log a contact" form, as submitted (every answer a string), checked and turned into a
 * contact record. Messages follow GOV.UK style. The form's field names are the issue paths, so a
 * page can show each message next to its field.
 */

type Channel = (typeof INTAKE_CHANNELS)[number];
type Relationship = (typeof REPRESENTATIVE_RELATIONSHIPS)[number];

export interface LoggedContact {
  kind: ContactKind;
  channel: Channel;
  receivedAt: string;
  resident: {
    name?: string;
    phone?: string;
    email?: string;
    address?: string;
    /** As written on letters ("M1 1AA"). */
    postcode?: string;
    tenancyReference?: string;
    vulnerabilities?: string;
    reasonableAdjustments?: string;
  };
  representative?: { name: string; relationship: Relationship; consentHeld: boolean };
  summary: string;
  serviceArea?: string;
  category?: string;
  triage: { dissatisfied: boolean; offeredChoice: boolean; residentChose: ResidentChoice | null };
  complaint?: { issueDate: IsoDate; issueDateKind: 'occurred' | 'became-aware' };
  compliment?: { staffMemberName: string; managerName: string; passedOnAtIntake: boolean };
}

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const answer = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? '');

/** Every field the form can send; all strings, checked together below. */
export const LOG_CONTACT_FIELDS = [
  'kind',
  'channel',
  'received-day',
  'received-month',
  'received-year',
  'receivedTime',
  'residentName',
  'residentPhone',
  'residentEmail',
  'residentAddress',
  'residentPostcode',
  'tenancyReference',
  'vulnerabilities',
  'reasonableAdjustments',
  'hasRepresentative',
  'representativeName',
  'representativeRelationship',
  'consentHeld',
  'summary',
  'serviceArea',
  'category',
  'dissatisfied',
  'offeredChoice',
  'residentChose',
  'issueDate-day',
  'issueDate-month',
  'issueDate-year',
  'issueDateKind',
  'staffMemberName',
  'managerName',
  'passedOn',
] as const;
export type LogContactField = (typeof LOG_CONTACT_FIELDS)[number];

/** The order of the questions on the form (dates as one question each). */
const PAGE_ORDER = [
  'channel',
  'hasRepresentative',
  'representativeName',
  'representativeRelationship',
  'consentHeld',
  'received',
  'receivedTime',
  'residentName',
  'residentPhone',
  'residentEmail',
  'residentAddress',
  'residentPostcode',
  'tenancyReference',
  'vulnerabilities',
  'reasonableAdjustments',
  'summary',
  'serviceArea',
  'category',
  'dissatisfied',
  'offeredChoice',
  'residentChose',
  'kind',
  'issueDate',
  'issueDateKind',
  'staffMemberName',
  'managerName',
] as const;
export type LogContactAnswers = Record<LogContactField, string>;

const answersSchema = z.object(
  Object.fromEntries(LOG_CONTACT_FIELDS.map((f) => [f, answer])) as Record<LogContactField, typeof answer>,
);

/** Just the submitted answers, trimmed, with every field present (for keeping them on the page). */
export function answersFrom(form: Record<string, string | undefined>): LogContactAnswers {
  return answersSchema.parse(form);
}

/**
 * The contact's id, chosen when the check-your-answers page is drawn and sent back with the answers,
 * so that submitting the same page twice logs one contact. Anything that is not a UUID is ignored.
 */
export function contactIdFrom(form: Record<string, string | undefined>): string | undefined {
  const id = z.uuid().safeParse(form.contactId?.trim().toLowerCase());
  return id.success ? id.data : undefined;
}

/**
 * The two dates, each read from its three boxes by the page (`dateFromInput`): YYYY-MM-DD, or the
 * text as typed, or absent when the boxes were left empty.
 */
const DATES = { received: answer, issueDate: answer };

const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/**
 * The schema for one submission, judged at `now` (a contact cannot be received in the future).
 * Returns the contact record; a ZodError lists every problem, each at its field.
 */
export function logContactSchema(now: Date) {
  return answersSchema.extend(DATES).transform((a, ctx): LoggedContact => {
    // Collected, then reported in the order the fields appear on the page (the error summary's order).
    const problems: { field: string; message: string }[] = [];
    const problem = (field: string, message: string) => {
      problems.push({ field, message });
    };
    const limit = (field: LogContactField, what: string, max: number) => {
      if (a[field].length > max) problem(field, `${what} must be ${max} characters or fewer`);
    };

    if (!oneOf(INTAKE_CHANNELS, a.channel)) problem('channel', 'Select how the contact was made');

    // Who acts for the resident is its own question, whatever the channel. Its answers count only
    // after "Yes" (without JavaScript the revealed questions always show, so they may be filled in).
    if (!['yes', 'no'].includes(a.hasRepresentative)) {
      problem('hasRepresentative', 'Select whether someone is acting for the resident');
    }
    const represented = a.hasRepresentative === 'yes';
    if (represented) {
      if (!a.representativeName) problem('representativeName', 'Enter the representative’s name');
      limit('representativeName', 'The representative’s name', 200);
      if (!oneOf(REPRESENTATIVE_RELATIONSHIPS, a.representativeRelationship)) {
        problem('representativeRelationship', 'Select the representative’s relationship to the resident');
      }
      if (!['yes', 'no'].includes(a.consentHeld)) {
        problem('consentHeld', 'Select whether the resident’s consent is held');
      }
    }

    // When: a real date, a 24-hour time, not in the future.
    let receivedAt: Date | null = null;
    const receivedOn = isIsoDate(a.received) ? a.received : null;
    if (!a.received) problem('received', 'Enter the date the contact was received');
    else if (!receivedOn) problem('received', 'Enter the date the contact was received as a real date');
    else if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(a.receivedTime)) {
      problem('receivedTime', 'Enter the time in the 24-hour clock, like 14:30');
    } else if (receivedOn < EARLIEST_INPUT_DATE) {
      problem('received', `The date the contact was received must be after ${EARLIEST_INPUT_DATE}`);
    } else {
      receivedAt = instantOfLondon(receivedOn, a.receivedTime.padStart(5, '0'));
      if (receivedAt.getTime() > now.getTime() + 60_000) {
        problem('received', 'The date and time received cannot be in the future');
      }
    }

    // Who.
    limit('residentName', 'The resident’s name', 200);
    limit('residentPhone', 'Phone number', 40);
    if (a.residentEmail && !EMAIL.test(a.residentEmail)) {
      problem('residentEmail', 'Enter an email address in the correct format, like name@example.com');
    }
    limit('residentAddress', 'Address', 500);
    const postcode = a.residentPostcode ? formatPostcode(a.residentPostcode) : null;
    if (a.residentPostcode && !postcode) problem('residentPostcode', 'Enter a real postcode, like M1 1AA');
    limit('tenancyReference', 'Tenancy reference', 50);
    limit('vulnerabilities', 'Vulnerabilities', 2000);
    limit('reasonableAdjustments', 'Reasonable adjustments', 2000);
    // What.
    if (!a.summary) problem('summary', 'Enter a summary of the contact');
    limit('summary', 'The summary', 20000);
    if (a.serviceArea && !CODE.test(a.serviceArea)) {
      problem('serviceArea', 'Enter the service area as lower-case words joined by hyphens, like repairs');
    }
    if (a.category && !CODE.test(a.category)) problem('category', 'Select a category from the list');
    if (a.category && !a.serviceArea) problem('serviceArea', 'Select the service area of the category');

    // Triage.
    if (!['yes', 'no'].includes(a.dissatisfied)) {
      problem('dissatisfied', 'Select whether the resident said they were unhappy with the service');
    }
    if (a.residentChose && !oneOf(RESIDENT_CHOICES, a.residentChose)) {
      problem('residentChose', 'Select what the resident chose');
    }
    const residentChose = oneOf(RESIDENT_CHOICES, a.residentChose) ? a.residentChose : null;
    const answers = {
      dissatisfied: a.dissatisfied === 'yes',
      offeredChoice: a.offeredChoice === 'yes',
      residentChose: a.dissatisfied === 'yes' ? residentChose : null,
    };
    // The record of the offer is checked even before a kind is chosen ("suggestion" stands in: it
    // raises no problem of its own), so every problem shows at once, in the order of the page.
    const kindChosen = oneOf(CONTACT_KINDS, a.kind) ? a.kind : null;
    const outcome = triage({ kind: kindChosen ?? 'suggestion', ...answers });
    for (const p of outcome.problems) problem(p.field, p.message);
    if (!kindChosen) problem('kind', 'Select what kind of contact this is');
    const kind: ContactKind | null = kindChosen ? outcome.kind : null;

    // What each kind needs.
    let complaint: LoggedContact['complaint'];
    if ((kind === 'complaint' || kind === 'service-request') && !a.serviceArea) {
      // A complaint is filed under a service area, and so is one raised later about a service request.
      problem(
        'serviceArea',
        `Select the service area the ${kind === 'complaint' ? 'complaint' : 'request'} is about`,
      );
    }
    if (kind === 'complaint') {
      const issueDate = isIsoDate(a.issueDate) ? a.issueDate : null;
      if (!a.issueDate) problem('issueDate', 'Enter the date of the issue');
      else if (!issueDate) problem('issueDate', 'Enter the date of the issue as a real date');
      else if (receivedOn && issueDate > receivedOn) {
        problem('issueDate', 'The date of the issue must be on or before the date received');
      } else if (issueDate < EARLIEST_INPUT_DATE) {
        problem('issueDate', `The date of the issue must be after ${EARLIEST_INPUT_DATE}`);
      }
      if (!['occurred', 'became-aware'].includes(a.issueDateKind)) {
        problem(
          'issueDateKind',
          'Select whether the date is when the issue happened or when the resident became aware of it',
        );
      }
      if (issueDate) {
        complaint = {
          issueDate,
          issueDateKind: a.issueDateKind === 'became-aware' ? 'became-aware' : 'occurred',
        };
      }
    }
    let compliment: LoggedContact['compliment'];
    if (kind === 'compliment') {
      if (!a.staffMemberName)
        problem('staffMemberName', 'Enter the name of the member of staff complimented');
      if (!a.managerName) problem('managerName', 'Enter the name of their manager');
      limit('staffMemberName', 'The staff member’s name', 200);
      limit('managerName', 'The manager’s name', 200);
      compliment = {
        staffMemberName: a.staffMemberName,
        managerName: a.managerName,
        passedOnAtIntake: a.passedOn === 'yes',
      };
    }

    if (problems.length > 0 || !kind || !receivedAt) {
      const order = (field: string) => PAGE_ORDER.indexOf(field as (typeof PAGE_ORDER)[number]);
      for (const p of problems.sort((x, y) => order(x.field) - order(y.field))) {
        ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
      }
      return z.NEVER;
    }
    const optional = (value: string) => (value ? value : undefined);
    const resident = Object.fromEntries(
      Object.entries({
        name: optional(a.residentName),
        phone: optional(a.residentPhone),
        email: optional(a.residentEmail),
        address: optional(a.residentAddress),
        postcode: postcode ?? undefined,
        tenancyReference: optional(a.tenancyReference),
        vulnerabilities: optional(a.vulnerabilities),
        reasonableAdjustments: optional(a.reasonableAdjustments),
      }).filter(([, v]) => v !== undefined),
    ) as LoggedContact['resident'];
    return {
      kind,
      channel: a.channel as Channel,
      receivedAt: receivedAt.toISOString(),
      resident,
      ...(represented
        ? {
            representative: {
              name: a.representativeName,
              relationship: a.representativeRelationship as Relationship,
              consentHeld: a.consentHeld === 'yes',
            },
          }
        : {}),
      summary: a.summary,
      ...(a.serviceArea ? { serviceArea: a.serviceArea } : {}),
      ...(a.category ? { category: a.category } : {}),
      triage: answers,
      ...(complaint ? { complaint } : {}),
      ...(compliment ? { compliment } : {}),
    };
  });
}

/** Closing a service request. */
export const closeServiceRequestSchema = z.object({
  outcome: z
    .string({ error: 'Enter the outcome of the service request' })
    .trim()
    .min(1, 'Enter the outcome of the service request')
    .max(5000, 'The outcome must be 5000 characters or fewer'),
});

/** Recording a suggestion's assessment and outcome (closes it). */
export const SUGGESTION_DECISIONS = ['adopted', 'adopted-in-part', 'not-adopted'] as const;
export const suggestionOutcomeSchema = z.object({
  decision: z.enum(SUGGESTION_DECISIONS, { error: 'Select whether the suggestion will be adopted' }),
  assessment: z
    .string({ error: 'Enter the assessment of the suggestion' })
    .trim()
    .min(1, 'Enter the assessment of the suggestion')
    .max(5000, 'The assessment must be 5000 characters or fewer'),
  residentTold: z.literal('yes', { error: 'Confirm the resident has been told the outcome' }),
});

/** Recording that a compliment was passed on to the staff member and their manager. */
export const passedOnSchema = z.object({
  passedOnTo: z
    .string({ error: 'Enter who it was passed on to' })
    .trim()
    .min(1, 'Enter who it was passed on to')
    .max(500, 'Who it was passed on to must be 500 characters or fewer'),
});
