import { z } from 'zod';
import { INSTANT_INPUT_PATTERN, isInstantInput, isIsoDate, parseInstant } from '../calendar/index.ts';
import { countrySchema } from '../policy/country.ts';
import { formatPostcode } from './search-keys.ts';

/**
 * Input schemas for every lifecycle command. One truth for the API (and the OpenAPI document) and,
 * later, the staff pages. Messages follow GOV.UK style ("Enter…", "Select…").
 */

export const requiredText = (what: string, max = 5000) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${capitalise(what)} must be ${max} characters or fewer`);

const text = requiredText;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Dates a person may enter. The calendars run 1990–2099; keeping input within 2000–2089 leaves room
 * for every deadline computed from it, so no input can reach the calendar's range errors.
 */
export const EARLIEST_INPUT_DATE = '2000-01-01';
export const LATEST_INPUT_DATE = '2089-12-31';
const inRange = (date: string) => date >= EARLIEST_INPUT_DATE && date <= LATEST_INPUT_DATE;
const rangeMessage = (what: string) =>
  `${capitalise(what)} must be between ${EARLIEST_INPUT_DATE} and ${LATEST_INPUT_DATE}`;

export const isoDateInput = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${what} as a date in the format YYYY-MM-DD`)
    .refine(isIsoDate, `Enter ${what} as a real date`)
    .refine(inRange, rangeMessage(what));

/**
 * An instant with its zone, read by the one strict parser the domain uses (calendar/instant.ts), so
 * whatever passes here the domain can read and PostgreSQL can store. Any date range is the caller's.
 */
export const instantSchema = (error: string) =>
  z
    .string({ error })
    .refine(isInstantInput, { error, abort: true })
    .meta({ format: 'date-time', pattern: INSTANT_INPUT_PATTERN.source });

export const instantInput = (what: string) =>
  instantSchema(`Enter ${what} as a date and time, for example 2026-12-23T10:30:00Z`).refine(
    (value) => inRange(new Date(parseInstant(value) ?? 0).toISOString().slice(0, 10)),
    rangeMessage(what),
  );

/** A member of staff as recorded on a case: their staff account's id and their name at the time. */
export interface StaffMember {
  id: string;
  name: string;
}

/**
 * Who a command names (its actor, the handler, who received it): a staff account of the
 * organisation, by its id or its e-mail address. The use case checks that the account exists and is
 * active, and records the account's id and name; nobody is ever typed in as free text.
 */
export const staffRefSchema = z
  .union(
    [
      z.object({ staffId: z.uuid({ error: 'Enter the staff account’s id (a uuid)' }) }).strict(),
      z
        .object({
          email: z.email({ error: 'Enter the staff account’s e-mail address, like name@example.com' }),
        })
        .strict(),
    ],
    { error: 'Give a staff account as {"staffId": "…"} or {"email": "…"}' },
  )
  .meta({ description: 'A staff account of the organisation, by its id or its e-mail address.' });
export type StaffRef = z.infer<typeof staffRefSchema>;

/**
 * When the thing a command records was actually done (a letter sent on Friday and logged on
 * Monday). Never in the future; never before the case's previous event. Defaults to now.
 */
const occurredAt = (what: string) =>
  instantInput(what)
    .optional()
    .meta({
      description: `${capitalise(what)}, when it was not just now. Not in the future, and not before the case’s previous event.`,
    });

export const CHANNELS = [
  'phone',
  'in-person',
  'letter',
  'email',
  'web',
  'social-media',
  'staff',
  'contractor',
  'third-party',
] as const;
/** How each channel reads to staff. */
export const CHANNEL_NAMES: Record<(typeof CHANNELS)[number], string> = {
  phone: 'Phone',
  'in-person': 'In person',
  letter: 'Letter',
  email: 'Email',
  web: 'Website',
  'social-media': 'Social media',
  staff: 'Via a member of staff',
  contractor: 'Via a contractor',
  'third-party': 'Via a third party (a representative)',
};
export const channelSchema = z.enum(CHANNELS, { error: 'Select how the complaint was made' });
/**
 * The channels staff choose from when logging a contact. "Via a third party" is not one: who acts for
 * the resident is a separate question, so a representative's phone call is recorded as a phone call
 * with a representative. The API still accepts "third-party" from systems that send it.
 */
export const INTAKE_CHANNELS = CHANNELS.filter(
  (c): c is Exclude<(typeof CHANNELS)[number], 'third-party'> => c !== 'third-party',
);

export const contactSchema = z.object({
  email: z.email({ error: 'Enter an email address in the correct format, like name@example.com' }).optional(),
  phone: z.string().trim().max(40, 'Phone number must be 40 characters or fewer').optional(),
  address: z.string().trim().max(500, 'Address must be 500 characters or fewer').optional(),
  /** Checked loosely for a UK postcode's shape, and kept as written on letters ("M1 1AA"). */
  postcode: z
    .string()
    .trim()
    .refine((text) => formatPostcode(text) !== null, { error: 'Enter a real postcode, like M1 1AA' })
    .transform((text) => formatPostcode(text) ?? text)
    .optional(),
});

export const complainantSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('named'),
      name: text('the complainant’s name', 200),
      contact: contactSchema.optional(),
      tenancyReference: z.string().trim().max(50).optional(),
      vulnerabilities: z.string().trim().max(2000).optional(),
      reasonableAdjustments: z.string().trim().max(2000).optional(),
    }),
    z.object({ kind: z.literal('anonymous') }),
  ],
  { error: 'Select whether the complainant is named or anonymous' },
);
export type Complainant = z.infer<typeof complainantSchema>;

export const REPRESENTATIVE_RELATIONSHIPS = [
  'advocate',
  'relative',
  'friend',
  'mp',
  'councillor',
  'solicitor',
  'power-of-attorney',
  'other',
] as const;
/** How each relationship reads to staff. */
export const RELATIONSHIP_NAMES: Record<(typeof REPRESENTATIVE_RELATIONSHIPS)[number], string> = {
  advocate: 'Advocate',
  relative: 'Relative',
  friend: 'Friend',
  mp: 'MP',
  councillor: 'Councillor',
  solicitor: 'Solicitor',
  'power-of-attorney': 'Holder of power of attorney',
  other: 'Other',
};
/** The Code lets MPs, councillors and holders of power of attorney act without the resident's consent. */
export const CONSENT_EXEMPT_RELATIONSHIPS: readonly string[] = ['mp', 'councillor', 'power-of-attorney'];

export const representativeSchema = z.object({
  name: text('the representative’s name', 200),
  relationship: z.enum(REPRESENTATIVE_RELATIONSHIPS, { error: 'Select the representative’s relationship' }),
  consentHeld: z.boolean({ error: 'Say whether the resident’s consent is held' }),
  contact: contactSchema.optional(),
});
export type Representative = z.infer<typeof representativeSchema>;

const serviceCode = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `Enter ${what} as lower-case words joined by hyphens, like repairs`);

export const collectiveMemberSchema = z.object({
  name: text('the member’s name', 200),
  contact: contactSchema.optional(),
});
export type CollectiveMember = z.infer<typeof collectiveMemberSchema>;

export const receiveSchema = z.object({
  receivedAt: instantInput('when the complaint was received'),
  channel: channelSchema,
  receivedBy: staffRefSchema
    .optional()
    .meta({ description: 'The staff account that took the complaint; by default the one acting.' }),
  issueDate: isoDateInput('the date of the issue'),
  issueDateKind: z.enum(['occurred', 'became-aware'], {
    error: 'Select whether the date is when the issue happened or when the resident became aware of it',
  }),
  complainant: complainantSchema,
  representative: representativeSchema.optional(),
  collectiveMembers: z
    .array(collectiveMemberSchema)
    .max(500, 'A collective complaint can list at most 500 members')
    .optional()
    .meta({ description: 'For a collective complaint: the other members; the complainant is the lead.' }),
  country: countrySchema
    .optional()
    .meta({ description: 'England, Wales, Scotland or Northern Ireland; by default the policy’s.' }),
  serviceArea: serviceCode('the service area'),
  serviceType: serviceCode('the service type')
    .optional()
    .meta({ description: 'Chooses the external review body, e.g. care or leasehold-service-charges.' }),
  category: serviceCode('the category').optional().meta({
    description: 'A category within the service area, e.g. damp-and-mould (for learning and reports).',
  }),
  summary: text('what the complaint is about', 20000),
  timeLimitException: z
    .string()
    .optional()
    .meta({ description: 'An exception to the time limit from the policy, e.g. safeguarding.' }),
  linkedFrom: z.uuid().optional(),
});
export type ReceiveInput = z.infer<typeof receiveSchema>;

/** A resident's consent is outstanding and the policy wants it first: why the case goes ahead anyway. */
const proceedWithoutConsent = z
  .object({ reason: text('why the complaint is going ahead before the resident’s consent is held') })
  .optional()
  .meta({
    description:
      'Where the policy asks for the resident’s consent before dealing with a representative and it is not yet held: why the case goes ahead.',
  });

export const acceptSchema = z.object({
  timeLimitDiscretion: z
    .object({ reason: text('why discretion was used to accept a complaint outside the time limit') })
    .optional(),
  proceedWithoutConsent,
  occurredAt: occurredAt('when the complaint was accepted'),
});

export const notAcceptSchema = z.object({
  reasonCode: z.string({ error: 'Select a reason for not accepting the complaint' }).min(1),
  explanation: text('the explanation given to the resident'),
  ombudsmanRightGiven: z.literal(true, {
    error: 'Confirm the resident was told they can take this decision to the Ombudsman',
  }),
  occurredAt: occurredAt('when the resident was told'),
});

/**
 * The most points a case can have, over both stages: a response gives a decision on each, and a
 * response takes at most this many decisions, so a case can never hold more points than it can answer.
 */
export const MAX_POINTS = 100;

export const pointSchema = z.object({ text: text('the point of complaint', 2000) });
const points = z.array(pointSchema).max(MAX_POINTS, `Enter at most ${MAX_POINTS} points`);

export const acknowledgeSchema = z.object({
  points: points.min(1, 'Enter at least one point of complaint'),
  outcomesSought: z.array(text('the outcome sought', 2000)).min(1, 'Enter the outcome the resident wants'),
  notLandlordResponsibility: z.array(text('what is not the landlord’s responsibility', 2000)).default([]),
  handler: staffRefSchema.optional(),
  occurredAt: occurredAt('when the acknowledgement was sent'),
  proceedWithoutConsent,
});

/** How long the reason for an assignment may be: a sentence or two for the timeline. */
export const ASSIGN_REASON_MAX = 500;

export const assignSchema = z.object({
  handler: staffRefSchema,
  /** Why the case changes hands (leave, workload, a conflict of interest); shown on the timeline. */
  reason: text('the reason for the change', ASSIGN_REASON_MAX).optional(),
});

export const addPointSchema = pointSchema;

export const SPIN_OFF_REASONS = ['unrelated', 'raised-after-response', 'would-unreasonably-delay'] as const;
export const spinOffSchema = z.object({
  points: points.min(1, 'Enter at least one point for the new complaint'),
  reason: z.enum(SPIN_OFF_REASONS, { error: 'Select why this becomes a new complaint' }),
});

export const GOOD_REASONS = [
  'awaiting-information-from-resident',
  'awaiting-information-from-third-party',
  'arranging-a-meeting',
  'complexity',
] as const;
export const extendSchema = z.object({
  newDueDate: isoDateInput('the new response date'),
  reason: text('the reason for the extension'),
  goodReason: z
    .enum(GOOD_REASONS)
    .optional()
    .meta({ description: 'Needed only to go beyond the policy’s extension cap.' }),
  ombudsmanDetailsGiven: z.literal(true, {
    error: 'Confirm the resident was given the Ombudsman’s contact details',
  }),
  updateInterval: z.string().trim().max(200).optional(),
  occurredAt: occurredAt('when the resident was told of the new date'),
});

export const recordContactSchema = z.object({
  kind: z.enum(['contact', 'note'], { error: 'Select contact or note' }),
  direction: z.enum(['inbound', 'outbound']).optional(),
  channel: channelSchema.optional(),
  summary: text('a summary', 20000),
  occurredAt: occurredAt('when the contact happened'),
});

export const OUTCOMES = ['upheld', 'partly-upheld', 'not-upheld'] as const;
/** How each decision on a point reads to staff and residents. */
export const OUTCOME_NAMES: Record<(typeof OUTCOMES)[number], string> = {
  upheld: 'Upheld',
  'partly-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld',
};
export const REMEDY_KINDS = [
  'apology',
  'acknowledge-failure',
  'explanation',
  'action-on-delay',
  'reconsider-decision',
  'amend-record',
  'financial',
  'change-policy-or-practice',
  'training',
  'other',
] as const;

const decisionSchema = z.object({
  pointId: z.string({ error: 'Select the point this decision is about' }).min(1),
  outcome: z.enum(OUTCOMES, { error: 'Select upheld, partly upheld or not upheld' }),
  reasons: text('the reasons for the decision'),
});
const remedySchema = z.object({
  kind: z.enum(REMEDY_KINDS, { error: 'Select the kind of remedy' }),
  description: text('what the remedy is', 2000),
  amountPence: z.number().int().min(0).max(100_000_000).optional(),
  dueDate: isoDateInput('when the remedy is due'),
});
const actionSchema = z.object({
  description: text('the action', 2000),
  dueDate: isoDateInput('when the action is due'),
});

export const respondSchema = z.object({
  decisions: z
    .array(decisionSchema)
    .min(1, 'Enter a decision for each point of complaint')
    .max(MAX_POINTS, `Enter at most ${MAX_POINTS} decisions`),
  remedies: z.array(remedySchema).max(50, 'Enter at most 50 remedies').default([]),
  actions: z.array(actionSchema).max(50, 'Enter at most 50 actions').default([]),
  learning: z.string().trim().max(5000).optional(),
  occurredAt: occurredAt('when the response was sent'),
});
export type RespondInput = z.infer<typeof respondSchema>;

/** Why a complaint goes to stage 2 without a stage 1 response, where the policy allows it (SPSO). */
export const DIRECT_TO_STAGE_2_REASONS = ['complex', 'resident-asked'] as const;

export const escalateSchema = z.object({
  requestedAt: instantInput('when the resident asked to escalate').optional(),
  reason: z
    .string()
    .trim()
    .max(5000)
    .optional()
    .meta({ description: 'Optional: the Code does not let a landlord require reasons.' }),
  directReason: z
    .enum(DIRECT_TO_STAGE_2_REASONS, { error: 'Select why the complaint goes straight to stage 2' })
    .optional()
    .meta({
      description:
        'Only to go straight to stage 2 before a stage 1 response that is not yet overdue, where the policy allows it (SPSO: complex, or the resident asks).',
    }),
});

export const acknowledgeStage2Schema = z.object({
  points: points
    .optional()
    .meta({ description: 'Extra points defined for stage 2; stage 1 points carry over.' }),
  outcomesSought: z.array(text('the outcome sought', 2000)).optional(),
  notLandlordResponsibility: z.array(text('what is not the landlord’s responsibility', 2000)).default([]),
  handler: staffRefSchema.optional(),
  lateEscalationDecision: z
    .object({ reason: text('why the late escalation was accepted') })
    .optional()
    .meta({ description: 'Required when the request came outside the policy’s escalation window.' }),
  occurredAt: occurredAt('when the stage 2 acknowledgement was sent'),
});

/**
 * The only grounds on which a landlord may refuse to take a complaint to stage 2: the reasons it may
 * use to not accept a complaint (Code 5.11 and section 2). Lack of reasons is never one (6.12).
 */
export const ESCALATION_REFUSAL_GROUNDS = [
  'outside-escalation-window',
  'legal-proceedings',
  'already-considered',
  'policy-exclusion',
] as const;
export type EscalationRefusalGround = (typeof ESCALATION_REFUSAL_GROUNDS)[number];

export const refuseEscalationSchema = z.object({
  ground: z.enum(ESCALATION_REFUSAL_GROUNDS, { error: 'Select the ground for refusing the escalation' }),
  exclusionCode: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'For the ground policy-exclusion: the code of the policy’s exclusion reason.' }),
  discretionConsidered: z.string().trim().max(5000).optional().meta({
    description:
      'For the ground outside-escalation-window: how discretion to accept the late request was considered.',
  }),
  explanation: text('the explanation given to the resident'),
  ombudsmanDetailsGiven: z.literal(true, {
    error: 'Confirm the resident was given the Ombudsman’s contact details',
  }),
  occurredAt: occurredAt('when the resident was told'),
});

const itemIdSchema = z
  .string({ error: 'Select the remedy or action' })
  .regex(/^[RA]\d+$/, 'Select a remedy or action');
/** A response lists at most 50 remedies and 50 actions: all of them can be completed at once. */
export const MAX_ITEMS_COMPLETED_AT_ONCE = 100;
export const completeActionSchema = z
  .object({
    itemId: itemIdSchema.optional().meta({ description: 'One remedy or action; or give `itemIds`.' }),
    itemIds: z
      .array(itemIdSchema)
      .max(MAX_ITEMS_COMPLETED_AT_ONCE, `Select at most ${MAX_ITEMS_COMPLETED_AT_ONCE} remedies and actions`)
      .optional()
      .meta({
        description: 'Several remedies and actions completed on the same date, each recorded on its own.',
      }),
    completedOn: isoDateInput('the date it was completed').optional(),
    note: z.string().trim().max(5000).optional(),
  })
  .refine((v) => v.itemId !== undefined || (v.itemIds?.length ?? 0) > 0, {
    error: 'Select the remedies and actions that are complete',
    path: ['itemIds'],
  });

export const withdrawSchema = z.object({
  reason: text('why the complaint was withdrawn'),
  occurredAt: occurredAt('when the resident withdrew it'),
});

export const closeSchema = z.object({ note: z.string().trim().max(5000).optional() });

/** Why a complaint already in the process can leave it (Homes Plus 22.8; Code section 2). */
export const DISCONTINUE_GROUNDS = ['legal-proceedings'] as const;

export const discontinueSchema = z.object({
  ground: z.enum(DISCONTINUE_GROUNDS, { error: 'Select why the complaint is leaving the process' }),
  explanation: text('the explanation given to the resident'),
  ombudsmanRightGiven: z.literal(true, {
    error: 'Confirm the resident was told they can take this decision to the Ombudsman',
  }),
  occurredAt: occurredAt('when the resident was told'),
});

export const recordConsentSchema = z.object({
  how: text('how the resident gave their consent', 2000),
  occurredAt: occurredAt('when the consent was received'),
});

/** Every command on an existing case and the schema of its input. */
export const COMMAND_SCHEMAS = {
  accept: acceptSchema,
  'not-accept': notAcceptSchema,
  'record-consent': recordConsentSchema,
  acknowledge: acknowledgeSchema,
  'assign-handler': assignSchema,
  'add-point': addPointSchema,
  'spin-off': spinOffSchema,
  extend: extendSchema,
  'record-contact': recordContactSchema,
  respond: respondSchema,
  escalate: escalateSchema,
  'refuse-escalation': refuseEscalationSchema,
  'acknowledge-stage-2': acknowledgeStage2Schema,
  'final-response': respondSchema,
  'complete-action': completeActionSchema,
  discontinue: discontinueSchema,
  withdraw: withdrawSchema,
  close: closeSchema,
} as const;

/** The input fields that name a staff account. */
export const STAFF_REF_FIELDS = ['handler', 'receivedBy'] as const;
