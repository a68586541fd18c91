import type { RuleSet } from '../policy-schema.ts';

/** Housing Ombudsman contact details, given on every acknowledgement, extension and response. */
export const HOUSING_OMBUDSMAN = {
  serviceType: 'all',
  name: 'Housing Ombudsman Service',
  contact:
    'PO Box 1484, Unit D, Preston, PR2 0ET; 0300 111 3000; info@housing-ombudsman.org.uk; www.housing-ombudsman.org.uk',
} as const;

export const SPSO = {
  serviceType: 'all',
  name: 'Scottish Public Services Ombudsman',
  contact: 'Freepost SPSO; 0800 377 7330; www.spso.org.uk',
} as const;

/** The Code's typical exclusion reasons (Code section 4); each landlord may add its own. */
export const CODE_EXCLUSION_REASONS: RuleSet['exclusionReasons'] = [
  {
    code: 'outside-time-limit',
    label: 'The issue happened, or the resident became aware of it, more than 12 months ago',
  },
  { code: 'legal-proceedings', label: 'Legal proceedings have started (a claim has been filed at court)' },
  { code: 'already-considered', label: 'The matter has already been considered under the complaints policy' },
];

/** The Housing Ombudsman Complaint Handling Code 2024 as a rule set: the benchmark and the default. */
export const CODE_2024_RULES: RuleSet = {
  stage1: {
    acknowledgement: { workingDays: 5, from: 'receipt' },
    acknowledgeAnonymous: true,
    response: { workingDays: 10, from: 'acknowledgement' },
    firstContact: null,
    extension: { capWorkingDays: 10 },
    earlyResolution: null,
  },
  stage2: {
    acknowledgement: { workingDays: 5, from: 'escalation-request' },
    response: { workingDays: 20, from: 'acknowledgement' },
    extension: { capWorkingDays: 20 },
    handler: {
      description: 'someone other than the stage 1 handler',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: false,
    },
    escalationDecision: null,
  },
  escalation: { window: null, reasonsRequired: false },
  timeLimit: {
    period: { unit: 'months', value: 12 },
    from: 'issue-or-awareness',
    exceptions: [],
    discretion: true,
  },
  exclusionReasons: CODE_EXCLUSION_REASONS,
  externalBodies: [HOUSING_OMBUDSMAN],
  survey: null,
  restrictions: { warningFirst: true, maxMonths: null, appealDecisionWorkingDays: null, neverRestricted: [] },
  ombudsman: { informationRequestWorkingDays: 15, notifyBoardWorkingDays: null },
  suggestionOutcome: null,
  reportingRhythm: ['annual complaints performance and service improvement report with self-assessment'],
};

/** Care services in England (seed 002 §19.1, §19.4). */
export const LGSCO = {
  serviceType: 'care',
  name: 'Local Government and Social Care Ombudsman',
  contact: 'PO Box 4771, Coventry, CV4 0EH; 0300 061 0614; www.lgo.org.uk',
} as const;

/** Care services in Scotland (seed 002 §19.1, §19.3). */
export const CARE_INSPECTORATE = {
  serviceType: 'care',
  name: 'Care Inspectorate',
  contact: '0345 600 9527; www.careinspectorate.com',
} as const;

/** Leaseholders' service charge and lease disputes in England (seed 001 P§3.24; seed 002 §5.3). */
export const FIRST_TIER_TRIBUNAL_PROPERTY = {
  serviceType: 'leasehold-service-charges',
  name: 'First-tier Tribunal (Property Chamber)',
  contact: 'www.gov.uk/housing-tribunals (apply to the regional office for the property)',
} as const;

/** The Scottish counterpart for owners' service (factoring) charge disputes (seed 002 §5.3, Scotland). */
export const FIRST_TIER_TRIBUNAL_SCOTLAND = {
  serviceType: 'leasehold-service-charges',
  name: 'First-tier Tribunal for Scotland (Housing and Property Chamber)',
  contact: 'www.housingandpropertychamber.scot',
} as const;

/** What the SPSO model CHP says is not a complaint (MCHP Part 2), plus its 6-month time limit. */
export const SPSO_EXCLUSION_REASONS: RuleSet['exclusionReasons'] = [
  {
    code: 'outside-time-limit',
    label:
      'The complaint was made more than 6 months after the event or after the customer found out about it',
  },
  { code: 'first-time-service-request', label: 'A routine first-time request for a service' },
  { code: 'compensation-only', label: 'A request for compensation only' },
  {
    code: 'legal-proceedings',
    label: 'The issue is in court or has already been heard by a court or tribunal',
  },
  {
    code: 'statutory-challenge-route',
    label:
      'Disagreement with a decision that has a statutory way to challenge it (e.g. freedom of information, subject access) or an established appeals process',
  },
  {
    code: 'data-protection-or-foi-request',
    label:
      'A request for information under the Data Protection Act or the Freedom of Information (Scotland) Act',
  },
  {
    code: 'staff-grievance',
    label: 'A grievance by a member of staff, or about employment or staff recruitment',
  },
  {
    code: 'internal-staff-concern',
    label: 'A concern raised internally by a member of staff (e.g. whistleblowing)',
  },
  { code: 'safety-concern', label: "A concern about a child's or an adult's safety" },
  {
    code: 'already-considered',
    label: 'An attempt to reopen a concluded complaint or have it reconsidered after our final decision',
  },
  {
    code: 'unacceptable-actions',
    label: 'Abuse or unsubstantiated allegations covered by the unacceptable actions policy',
  },
  {
    code: 'other-organisation',
    label: "A concern about another organisation's actions or service where we have no involvement",
  },
];

/**
 * The SPSO model complaints handling procedure (MCHP) for Scottish social landlords as a rule set: the
 * Scottish default where a landlord's policy is silent. Figures as briefed; see spso-mchp.ts for the notes.
 */
export const SPSO_MCHP_RULES: RuleSet = {
  stage1: {
    // "Frontline response": no separate acknowledgement; the response is the acknowledgement.
    acknowledgement: null,
    // No acknowledgement to withhold, so this has no effect; kept true like the Code.
    acknowledgeAnonymous: true,
    response: { workingDays: 5, from: 'receipt' },
    firstContact: null,
    // Up to 5 more working days in exceptional circumstances (10 in total).
    extension: { capWorkingDays: 5 },
    // Stage 1 is itself the frontline (early) resolution stage; there is no step before it.
    earlyResolution: null,
  },
  stage2: {
    acknowledgement: { workingDays: 3, from: 'escalation-request' },
    // The MCHP says "within 20 working days"; modelled (as briefed) from the stage 2 acknowledgement.
    response: { workingDays: 20, from: 'acknowledgement' },
    // The MCHP asks for a revised timescale agreed with senior management; 10 as briefed (and as seed 002).
    extension: { capWorkingDays: 10 },
    // The MCHP is silent on who investigates at stage 2; we require someone other than the stage 1 handler.
    handler: {
      description: 'an investigator other than the stage 1 handler',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: false,
    },
    escalationDecision: null,
  },
  escalation: {
    // 6 months from the event (or finding out), or 2 months from the stage 1 response, whichever is later.
    window: {
      kind: 'later-of',
      afterEvent: { unit: 'months', value: 6 },
      afterStage1Response: { unit: 'months', value: 2 },
    },
    reasonsRequired: false,
  },
  // Normally within 6 months; later "in special circumstances".
  timeLimit: {
    period: { unit: 'months', value: 6 },
    from: 'issue-or-awareness',
    exceptions: [],
    discretion: true,
  },
  exclusionReasons: SPSO_EXCLUSION_REASONS,
  externalBodies: [SPSO],
  // The MCHP asks landlords to seek feedback but sets no survey timing: none scheduled.
  survey: null,
  // The MCHP defers to the landlord's unacceptable actions policy: Code values.
  restrictions: { warningFirst: true, maxMonths: null, appealDecisionWorkingDays: null, neverRestricted: [] },
  // The MCHP sets no deadline for SPSO information requests (SPSO sets one per request): Code value.
  ombudsman: { informationRequestWorkingDays: 15, notifyBoardWorkingDays: null },
  suggestionOutcome: null,
  reportingRhythm: [
    'quarterly complaints performance report to senior management and the governing body',
    'quarterly publication of complaint outcomes and the actions taken',
    'annual complaints performance report against the SPSO performance indicators, published',
  ],
};
