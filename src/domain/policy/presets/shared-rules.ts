import type { ExternalRoute, RuleSet } from '../policy-schema.ts';

/** The routes every English, Welsh, Scottish and Northern Irish case has: to its country's Ombudsman. */
export const HOUSING_OMBUDSMAN_ROUTE: ExternalRoute = {
  serviceType: 'all',
  body: 'housing-ombudsman',
  when: 'After our final response, or at any time for advice; also if we do not deal with the complaint as our policy says',
  instead: false,
};
export const SPSO_ROUTE: ExternalRoute = {
  serviceType: 'all',
  body: 'spso',
  when: 'After our final (stage 2) response, normally within 12 months of first knowing about the problem',
  instead: false,
};
export const PSOW_ROUTE: ExternalRoute = {
  serviceType: 'all',
  body: 'psow',
  when: 'After our final response, normally within 12 months of first knowing about the problem',
  instead: false,
};
export const NIPSO_ROUTE: ExternalRoute = {
  serviceType: 'all',
  body: 'nipso',
  when: 'After our final (stage 2) response, within 6 months of it',
  instead: false,
};

/**
 * Care services in England (seed 002 §19.1 "the right to either complain direct"). It replaces the
 * Housing Ombudsman for care complaints: PutRight's reading of the two schemes, for a landlord to confirm.
 */
export const LGSCO_ROUTE: ExternalRoute = {
  serviceType: 'care',
  body: 'lgsco',
  when: 'For a complaint about a care service: at any time, directly, or after our final response',
  instead: true,
};

/** Care services in Scotland (seed 002 §19.1, §19.3). */
export const CARE_INSPECTORATE_ROUTE: ExternalRoute = {
  serviceType: 'care',
  body: 'care-inspectorate',
  when: 'For a complaint about a care service, at any time',
  instead: false,
};

/** Leaseholders' service charges in England (seed 001 P§3.24; seed 002 §5.3). */
export const FIRST_TIER_TRIBUNAL_ROUTE: ExternalRoute = {
  serviceType: 'leasehold-service-charges',
  body: 'first-tier-tribunal-property',
  when: 'To decide whether service charges are payable or reasonable (the Ombudsman cannot), at any time',
  instead: false,
};

/** The Scottish counterpart for owners' service (factoring) charges (seed 002 §5.3, Scotland). */
export const FIRST_TIER_TRIBUNAL_SCOTLAND_ROUTE: ExternalRoute = {
  serviceType: 'leasehold-service-charges',
  body: 'first-tier-tribunal-scotland-housing',
  when: 'To decide a dispute about factoring charges or services, at any time',
  instead: false,
};

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
    extension: { capWorkingDays: 10, ombudsmanDetails: 'every-extension' },
    earlyResolution: null,
  },
  stage2: {
    acknowledgement: { workingDays: 5, from: 'escalation-request' },
    response: { workingDays: 20, from: 'acknowledgement' },
    extension: { capWorkingDays: 20, ombudsmanDetails: 'every-extension' },
    handler: {
      description: 'someone other than the stage 1 handler',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: false,
    },
    escalationDecision: null,
    newPoints: 'add-to-stage-2',
  },
  escalation: { window: null, reasonsRequired: false, gate: null, directToStage2: false },
  timeLimit: {
    period: { unit: 'months', value: 12 },
    from: 'issue-or-awareness',
    exceptions: [],
    discretion: true,
  },
  exclusionReasons: CODE_EXCLUSION_REASONS,
  setAside: { exclusionReasons: [] },
  externalRoutes: [HOUSING_OMBUDSMAN_ROUTE],
  representatives: { consentBeforeDealing: false },
  survey: null,
  restrictions: { warningFirst: true, maxMonths: null, appealDecisionWorkingDays: null, neverRestricted: [] },
  // The Code sets no timescale for the Ombudsman's information requests (it sets one in each request):
  // PutRight's default is seed 001's 15 working days.
  ombudsman: { informationRequestWorkingDays: 15, notifyBoardWorkingDays: null },
  suggestionOutcome: null,
  reportingRhythm: ['annual complaints performance and service improvement report with self-assessment'],
  notStated: [],
};

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
    extension: { capWorkingDays: 5, ombudsmanDetails: 'every-extension' },
    // Stage 1 is itself the frontline (early) resolution stage; there is no step before it.
    earlyResolution: null,
  },
  stage2: {
    // "we will acknowledge receipt of your complaint within three working days" (MCHP stage 2).
    acknowledgement: { workingDays: 3, from: 'escalation-request' },
    // "a full response as soon as possible, normally within 20 working days". The model text names no
    // start; adopters of the SPSO model count "from the time that the complaint was received" (West
    // Highland College UHI) and "within 20 working days of receipt" (NVHA, an RSL), unlike the Code's
    // 20 days from the acknowledgement. Modelled from receipt of the stage 2 complaint, the stricter
    // reading; docs/decisions/0010 records that the RSL MCHP's own timelines section was not found.
    response: { workingDays: 20, from: 'escalation-request' },
    // The MCHP asks for a revised timescale agreed with senior management; 10 as briefed (and as seed 002).
    extension: { capWorkingDays: 10, ombudsmanDetails: 'every-extension' },
    // The MCHP is silent on who investigates at stage 2; we require someone other than the stage 1 handler.
    handler: {
      description: 'an investigator other than the stage 1 handler',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: false,
    },
    escalationDecision: null,
    newPoints: 'add-to-stage-2',
  },
  escalation: {
    // 6 months from the event (or finding out), or 2 months from the stage 1 response, whichever is later.
    window: {
      kind: 'later-of',
      afterEvent: { unit: 'months', value: 6 },
      afterStage1Response: { unit: 'months', value: 2 },
    },
    reasonsRequired: false,
    gate: null,
    // A complex complaint, or one the customer asks to go there, may start at stage 2.
    directToStage2: true,
  },
  // Normally within 6 months; later "in special circumstances".
  timeLimit: {
    period: { unit: 'months', value: 6 },
    from: 'issue-or-awareness',
    exceptions: [],
    discretion: true,
  },
  exclusionReasons: SPSO_EXCLUSION_REASONS,
  // The MCHP's list ends with abuse or unsubstantiated allegations covered by the unacceptable actions
  // policy. PutRight never offers behaviour as a reason to refuse a complaint: such contact is managed
  // under that policy, and any complaint in it is still considered.
  setAside: {
    exclusionReasons: [
      {
        code: 'unacceptable-actions',
        label: 'Abuse or unsubstantiated allegations covered by the unacceptable actions policy',
      },
    ],
  },
  externalRoutes: [SPSO_ROUTE],
  representatives: { consentBeforeDealing: false },
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
  notStated: [],
};

/**
 * The Public Services Ombudsman for Wales' model concerns and complaints policy as a rule set: the
 * Welsh benchmark. Stage 1 is informal resolution, stage 2 a formal investigation. Sources and the
 * figures that could not be confirmed are in docs/decisions/0010-countries-and-regimes.md.
 */
export const PSOW_MODEL_RULES: RuleSet = {
  stage1: {
    // Informal resolution: no separate acknowledgement; "within 10 working days".
    acknowledgement: null,
    acknowledgeAnonymous: true,
    response: { workingDays: 10, from: 'receipt' },
    firstContact: null,
    // The model policy sets no cap on stage 1: when it takes longer, the person is told why and when.
    extension: { capWorkingDays: null, ombudsmanDetails: 'every-extension' },
    earlyResolution: null,
  },
  stage2: {
    // Formal investigation: acknowledged within 5 working days, answered within 20 working days (the
    // PSOW's published target). The start of the 20 is taken as the formal complaint's receipt, the
    // stricter reading, as for the SPSO model.
    acknowledgement: { workingDays: 5, from: 'escalation-request' },
    response: { workingDays: 20, from: 'escalation-request' },
    extension: { capWorkingDays: null, ombudsmanDetails: 'every-extension' },
    handler: {
      description: 'an investigator other than the person who dealt with it informally',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: false,
    },
    escalationDecision: null,
    newPoints: 'add-to-stage-2',
  },
  escalation: { window: null, reasonsRequired: false, gate: null, directToStage2: true },
  timeLimit: {
    period: { unit: 'months', value: 6 },
    from: 'issue-or-awareness',
    exceptions: [],
    discretion: true,
  },
  exclusionReasons: CODE_EXCLUSION_REASONS,
  setAside: { exclusionReasons: [] },
  externalRoutes: [PSOW_ROUTE],
  representatives: { consentBeforeDealing: false },
  survey: null,
  restrictions: { warningFirst: true, maxMonths: null, appealDecisionWorkingDays: null, neverRestricted: [] },
  ombudsman: { informationRequestWorkingDays: 15, notifyBoardWorkingDays: null },
  suggestionOutcome: null,
  reportingRhythm: ['regular reports on complaints and the lessons learned to the governing body'],
  notStated: [],
};

/**
 * The Northern Ireland Public Services Ombudsman's model complaints handling procedure as a rule
 * set: the Northern Irish benchmark. Modelled on the SPSO's: stage 1 early resolution, stage 2
 * investigation. Sources and unconfirmed figures are in docs/decisions/0010-countries-and-regimes.md.
 */
export const NIPSO_MCHP_RULES: RuleSet = {
  // As the SPSO's: stage 1 "in 5 working days or less", "no longer than ten working days in total";
  // stage 2 acknowledged "within 3 working days", answered "after no more than 20 working days"; the
  // stage 2 window "within six months of the event … or within two months of receiving your Stage 1
  // response (if this is later)"; and a complaint may be handled "at stage 2 instead" (as adopted by
  // Ards and North Down and Belfast councils).
  ...SPSO_MCHP_RULES,
  exclusionReasons: CODE_EXCLUSION_REASONS,
  setAside: { exclusionReasons: [] },
  externalRoutes: [NIPSO_ROUTE],
  reportingRhythm: ['quarterly complaints performance reports to senior management and the governing body'],
};
