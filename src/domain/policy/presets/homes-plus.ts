import type { ExternalRoute, Policy, RuleSet } from '../policy-schema.ts';
import {
  CARE_INSPECTORATE_ROUTE,
  CODE_2024_RULES,
  FIRST_TIER_TRIBUNAL_ROUTE,
  FIRST_TIER_TRIBUNAL_SCOTLAND_ROUTE,
  HOUSING_OMBUDSMAN_ROUTE,
  LGSCO_ROUTE,
  SPSO_MCHP_RULES,
  SPSO_ROUTE,
} from './shared-rules.ts';

/**
 * Seed 002: Homes Plus Complaints Policy, one policy for customers in England and in Scotland. It has no
 * version or date. Its timescales are the §9.5 table; the time limit (§10.1) and the escalation window
 * (§10.2) are not marked as Scotland-only, so both rule sets carry them.
 *
 * Not expressible in the schema (kept here for the record):
 * - collective complaints: a lead complainant, and the response goes to each customer (§7.3; every
 *   member's contact details are kept on the case);
 * - escalation "at any time. This is Customer led" (§9.1) and time limits applied "with discretion"
 *   (§10.3): a late request goes to a recorded decision, never an automatic refusal;
 * - when legal action starts, the complaint closes "in relation to the matters that will be considered
 *   through the legal process" (§22.8): PutRight takes the whole case out (discontinue) and any other
 *   matters are made a new complaint;
 * - a decision not to pursue an anonymous complaint needs sign-off by the Complaints Leadership Team (§15.2);
 * - complaints about senior staff go to an independent investigator (§21.1); in Scotland a serious one is a
 *   "notifiable event" the Scottish Housing Regulator must be told of immediately (§21.2);
 * - social media complaints are acknowledged on the same channel (§8.2);
 * - restrictions never stop the investigation of a complaint (§23.6): recorded in neverRestricted.
 */

const SUPPORT_COMMISSIONER: ExternalRoute = {
  serviceType: 'support',
  body: {
    name: "The customer's Local Authority Supporting People Team or local Adult Social Care Team",
    contact: "We give the contact details for the customer's own local authority (§19.6)",
  },
  when: 'For a complaint about a support service the local authority commissions, after our final response',
  instead: false,
};

/** §5.3 "A complaint is not", with §22.7–22.9 on legal action folded into 'legal-proceedings'. */
const EXCLUSION_REASONS: RuleSet['exclusionReasons'] = [
  {
    code: 'outside-time-limit',
    label:
      'The customer first knew of or experienced the problem more than 12 months ago (unless there are special circumstances)',
  },
  {
    code: 'information-request',
    label: 'A request for information or an explanation of our policies or procedures',
  },
  {
    code: 'first-time-service-request',
    label: 'A first-time request for a service (dissatisfaction with our response to it is a complaint)',
  },
  {
    code: 'resolved-at-first-contact',
    label: "Explained and resolved to the customer's satisfaction during the contact",
  },
  {
    code: 'compensation-only',
    label: 'A request for compensation or reimbursement only (the matter behind it may still be a complaint)',
  },
  {
    code: 'legal-proceedings',
    label:
      'The issue is in court or has been heard by a court or tribunal (e.g. a claim form and particulars of claim filed at court), or legal action is being actively pursued',
  },
  {
    code: 'statutory-challenge-route',
    label:
      'Disagreement with a decision that has a statutory way to challenge it (e.g. freedom of information, subject access) or an established sector appeals process',
  },
  {
    code: 'data-protection-or-foi-request',
    label:
      'A request for information under the Data Protection Act or the Freedom of Information (Scotland) Act',
  },
  { code: 'colleague-grievance', label: 'A grievance by a colleague, or about employment or recruitment' },
  {
    code: 'internal-colleague-concern',
    label: 'A concern raised internally by a colleague (e.g. whistleblowing)',
  },
  {
    code: 'safety-concern',
    label:
      "A concern about a child's or an adult's safety (§24.4: unhappiness with how we dealt with one is still a complaint)",
  },
  {
    code: 'already-considered',
    label: 'An attempt to reopen a concluded complaint or have our final position reconsidered',
  },
  {
    code: 'other-organisation',
    label:
      "A concern about another organisation's actions or service where we are not involved (e.g. potholes on a council road), except where it delivers services on our behalf",
  },
  {
    code: 'leaseholder-service-charge-or-rent-setting',
    label:
      "A leaseholder's complaint about service charge or rent setting (best managed through the First-tier Tribunal; communication, service level and process are still complaints)",
  },
  {
    code: 'personal-injury',
    label:
      'Potential personal injury (referred to our insurers; the service failure itself is still considered)',
  },
];

/** §10.2: 6 months from first knowing of the problem, or 2 months from the stage 1 response if later. */
const ESCALATION: RuleSet['escalation'] = {
  window: {
    kind: 'later-of',
    afterEvent: { unit: 'months', value: 6 },
    afterStage1Response: { unit: 'months', value: 2 },
  },
  // §9.5: at stage 2 "The Customer does not have to provide this" (the complaint definition).
  reasonsRequired: false,
  gate: null,
  // §9.2 "If the Customer remains dissatisfied after Stage 1, we will escalate to Stage 2" (England).
  directToStage2: false,
};

/** §10.1: 12 months from when the customer first knew of or experienced the problem; special circumstances. */
const TIME_LIMIT: RuleSet['timeLimit'] = {
  period: { unit: 'months', value: 12 },
  from: 'issue-or-awareness',
  exceptions: [],
  discretion: true,
};

/**
 * §7.2 "with the Customers permission"; §14.2 "we must ensure that the Customer has authorised the person
 * to act on their behalf" (a signed mandate, or verbal consent followed up in writing, §14.3).
 */
const CONSENT: RuleSet['representatives'] = { consentBeforeDealing: true };

/** §25.1, §26.5. */
const REPORTING_RHYTHM = [
  'regular review of complaints performance by the Senior Leadership and Executive team, the National Customer Group, the Member Responsible for Complaints (the Chief Operating Officer) and the governing body',
  'learning and improvements from complaints published at least quarterly',
  'Annual Complaints Performance and Service Improvement Report, published on the website',
];

const ENGLAND: RuleSet = {
  stage1: {
    // §9.5 "Acknowledge complaint in writing within 5 working days" (from receipt: start not stated).
    acknowledgement: { workingDays: 5, from: 'receipt' },
    acknowledgeAnonymous: CODE_2024_RULES.stage1.acknowledgeAnonymous, // seed silent: PutRight default
    // §9.5 "Response 10 working days from acknowledgement".
    response: { workingDays: 10, from: 'acknowledgement' },
    firstContact: null, // seed silent: PutRight default
    // §9.5 "Maximum extension of 10 working days".
    extension: { capWorkingDays: 10, ombudsmanDetails: 'every-extension' },
    // §5.3: a resolution given during the contact is not a complaint; §9.1 quick resolution is not a stage.
    earlyResolution: null,
  },
  stage2: {
    // §9.5 "Acknowledge complaint in writing within 5 working days".
    acknowledgement: { workingDays: 5, from: 'escalation-request' },
    // §9.5 "Response 20 working days from acknowledgement".
    response: { workingDays: 20, from: 'acknowledgement' },
    // §9.5 "Maximum extension of 20 working days".
    extension: { capWorkingDays: 20, ombudsmanDetails: 'every-extension' },
    // Silent (§9.5, §13.1; §21.1 only for senior staff): the Code's, someone other than the stage 1 handler.
    handler: CODE_2024_RULES.stage2.handler,
    escalationDecision: null, // seed silent: none
    // §10 (last bullet) "In England, … Additional points raised at Stage 2 will not usually be able to be
    // incorporated at Stage 2 and we will inform the Customer of their options".
    newPoints: 'new-complaint',
  },
  escalation: ESCALATION,
  timeLimit: TIME_LIMIT,
  exclusionReasons: EXCLUSION_REASONS,
  setAside: { exclusionReasons: [] },
  // §19.1, §19.4 care → LGSCO; §19.5 support → the local authority; §5.3 leaseholders → FTT; §27 HOS.
  externalRoutes: [LGSCO_ROUTE, SUPPORT_COMMISSIONER, FIRST_TIER_TRIBUNAL_ROUTE, HOUSING_OMBUDSMAN_ROUTE],
  representatives: CONSENT,
  // §26.3 mentions satisfaction surveys but gives no timing or method, so none is scheduled.
  survey: null,
  restrictions: {
    warningFirst: CODE_2024_RULES.restrictions.warningFirst, // seed silent: PutRight default
    maxMonths: CODE_2024_RULES.restrictions.maxMonths, // seed silent: PutRight default
    // §23.4 a right of appeal and a review, but no timescale: PutRight default.
    appealDecisionWorkingDays: CODE_2024_RULES.restrictions.appealDecisionWorkingDays,
    // §23.6 "continue investigating a complaint even where contact restrictions are in place".
    neverRestricted: ['the investigation of a complaint already made'],
  },
  ombudsman: CODE_2024_RULES.ombudsman, // seed silent: PutRight default
  suggestionOutcome: null, // seed silent: PutRight default
  reportingRhythm: REPORTING_RHYTHM,
  notStated: ['stage2.handler'],
};

const SCOTLAND: RuleSet = {
  stage1: {
    // Silent (the §9.5 Scottish row has none): the SPSO's, the response is the acknowledgement.
    acknowledgement: SPSO_MCHP_RULES.stage1.acknowledgement,
    acknowledgeAnonymous: SPSO_MCHP_RULES.stage1.acknowledgeAnonymous, // seed silent: SPSO value
    // §9.5 "A verbal response within 5 days of receipt of the complaint" ("days" read as working days; that
    // it is given verbally is for the response itself).
    response: { workingDays: 5, from: 'receipt' },
    firstContact: null, // seed silent: SPSO value
    // Silent (the Scottish row states no cap): the SPSO's 5 more working days.
    extension: SPSO_MCHP_RULES.stage1.extension,
    earlyResolution: null, // seed silent: SPSO value
  },
  stage2: {
    // §9.5 "Acknowledge complaint in writing within 3 working days" (start not stated: the request).
    acknowledgement: { workingDays: 3, from: 'escalation-request' },
    // §9.5 "Response 20 working days from acknowledgement".
    response: { workingDays: 20, from: 'acknowledgement' },
    // §9.5 "Maximum extension of 10 working days" (the Ombudsman's details with it: the English row's
    // rule; the Scottish row does not repeat it).
    extension: { capWorkingDays: 10, ombudsmanDetails: 'every-extension' },
    // Silent: the SPSO's, someone other than the stage 1 handler.
    handler: SPSO_MCHP_RULES.stage2.handler,
    escalationDecision: null, // seed silent: SPSO value
    // The new-points bullet of §10 is for England: Scotland adds them to stage 2 (the SPSO's).
    newPoints: 'add-to-stage-2',
  },
  // §1.1 "fully aligned with … [the SPSO] Model Complaint Handling procedures": a complex complaint, or one
  // the customer asks, may go straight to stage 2 (silent in the seed; the SPSO's).
  escalation: { ...ESCALATION, directToStage2: true },
  timeLimit: TIME_LIMIT,
  exclusionReasons: [
    ...EXCLUSION_REASONS,
    {
      // §20.3 "Significant performance failures are not dealt with through this policy".
      code: 'significant-performance-failure',
      label: 'A significant performance failure (for the Scottish Housing Regulator, not this policy)',
    },
  ],
  setAside: { exclusionReasons: [] },
  // §19.1, §19.3 care → Care Inspectorate; §19.5 support; §27 SPSO. §5.3 sends leaseholders' service charge
  // complaints to "the First Tier Tribunal": in Scotland PutRight reads that as the Housing and Property
  // Chamber (the seed does not name it).
  externalRoutes: [
    CARE_INSPECTORATE_ROUTE,
    SUPPORT_COMMISSIONER,
    FIRST_TIER_TRIBUNAL_SCOTLAND_ROUTE,
    SPSO_ROUTE,
  ],
  representatives: CONSENT,
  // §26.3 mentions satisfaction surveys but gives no timing or method, so none is scheduled.
  survey: null,
  restrictions: {
    warningFirst: SPSO_MCHP_RULES.restrictions.warningFirst, // seed silent: SPSO value
    maxMonths: SPSO_MCHP_RULES.restrictions.maxMonths, // seed silent: SPSO value
    // §23.4 a right of appeal and a review, but no timescale: SPSO value.
    appealDecisionWorkingDays: SPSO_MCHP_RULES.restrictions.appealDecisionWorkingDays,
    // §23.6 "continue investigating a complaint even where contact restrictions are in place".
    neverRestricted: ['the investigation of a complaint already made'],
  },
  ombudsman: SPSO_MCHP_RULES.ombudsman, // seed silent: SPSO value
  suggestionOutcome: null, // seed silent: SPSO value
  reportingRhythm: REPORTING_RHYTHM,
  notStated: ['stage1.acknowledgement', 'stage1.extension', 'stage2.handler'],
};

export const HOMES_PLUS: Policy = {
  key: 'homes-plus',
  version: 1,
  effectiveFrom: '2024-04-01', // seed undated: default
  name: 'Homes Plus complaints policy',
  landlord: 'Homes Plus',
  source:
    'Seed 002: Homes Plus Complaints Policy (undated; aligned with the Code 2024 in England and the SPSO model procedure in Scotland)',
  defaultCountry: 'england',
  rules: { england: ENGLAND, scotland: SCOTLAND },
};
