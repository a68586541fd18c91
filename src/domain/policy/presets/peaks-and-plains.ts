import type { Policy, RuleSet } from '../policy-schema.ts';
import { CODE_2024_RULES, HOUSING_OMBUDSMAN } from './shared-rules.ts';

/**
 * Seed 004: Peaks & Plains Housing Trust Complaints Policy, V4, effective July 2023, approved by the board
 * on 25 July 2023, next review December 2025. It predates the Code 2024 and departs from it most: a
 * 6-month time limit, reasons required to escalate, a "quick fix" step before stage 1, uncapped extensions
 * and no rule keeping the stage 1 handler out of stage 2. The compliance check reports each of these.
 *
 * Not expressible in the schema (kept here for the record):
 * - a home visit is always offered for complaints about the safety of the home, e.g. damp and mould (§6.2.1);
 * - the Senior Manager first decides in writing whether to escalate, with no timescale (§6.3.2), and offers
 *   a meeting with the Customer Experience Manager (§6.3.3);
 * - community complaints may have their timescales extended at the Trust's discretion (§9.1);
 * - the Ombudsman's details are given on an extension only if the new date cannot be agreed (§6.2.2, §6.3.4);
 * - a friend or relative needs the customer's written consent (§8.2);
 * - the time limit runs from when the complaint is "6 months old" (§4.1); the schema only knows "issue or
 *   awareness".
 */
const RULES: RuleSet = {
  stage1: {
    // §6.2.1 "acknowledge in writing within 5 working days of receipt".
    acknowledgement: { workingDays: 5, from: 'receipt' },
    acknowledgeAnonymous: CODE_2024_RULES.stage1.acknowledgeAnonymous, // seed silent: Code value
    // §6.2.2 "within 10 working days"; the start is not stated, so the Code's (the acknowledgement).
    response: { workingDays: 10, from: 'acknowledgement' },
    // §6.2.1 "the investigating Manager will contact the customer within 3 working days of the
    // acknowledgement letter being sent".
    firstContact: { workingDays: 3, from: 'acknowledgement' },
    // §6.2.2 "in exceptional circumstances ... it may take longer ... advise of a new response date": no cap.
    extension: { capWorkingDays: null },
    // §6.1.1 "We will respond within two working days with a resolution"; §6.1.2 it sits before stage 1
    // (the complaint is logged as a formal complaint only if it needs investigating).
    earlyResolution: { name: 'Quick fix', workingDays: 2, withinStage1: false },
  },
  stage2: {
    acknowledgement: CODE_2024_RULES.stage2.acknowledgement, // seed silent: Code value
    // §6.3.4 "within 20 working days of accepting a complaint for review", modelled as from the stage 2
    // acknowledgement.
    response: { workingDays: 20, from: 'acknowledgement' },
    // §6.3.4 "in exceptional circumstances ... agree a revised timeline": no cap.
    extension: { capWorkingDays: null },
    // §6.3.1 "examined by the Senior Manager of the relevant department". Nothing in the seed stops that
    // person having handled stage 1, so mayBeStage1Handler is true (the compliance check reports it).
    handler: {
      description: 'the Senior Manager of the relevant department',
      mayBeStage1Handler: true,
      excludeAnyoneInvolvedAtStage1: false,
    },
    // §6.3.2: a written escalate / not-escalate decision, but no timescale.
    escalationDecision: null,
  },
  escalation: {
    // §6.3.1 "must be received within 20 working days of the stage 1 response letter".
    window: { kind: 'after-stage-1-response', period: { unit: 'working-days', value: 20 } },
    // §6.3.1 "the customer is required to clearly state what part/s of the Stage 1 response is being
    // challenged and why".
    reasonsRequired: true,
  },
  // §4.1 "The complaint is over 6 months old (unless the complaint relates to safeguarding or health and
  // safety)".
  timeLimit: {
    period: { unit: 'months', value: 6 },
    from: 'issue-or-awareness',
    exceptions: [
      { code: 'safeguarding', label: 'The complaint relates to safeguarding' },
      { code: 'health-and-safety', label: 'The complaint relates to health and safety' },
    ],
    discretion: true, // seed silent: Code value
  },
  // §4.1 (and §15 for unacceptable behaviour).
  exclusionReasons: [
    {
      code: 'outside-time-limit',
      label: 'The complaint is over 6 months old (unless it relates to safeguarding or health and safety)',
    },
    {
      code: 'already-considered',
      label:
        'The complaint has been through the whole complaints process: every aspect investigated and addressed, with all outstanding actions complete',
    },
    {
      code: 'legal-proceedings',
      label:
        'Dealing with it would prejudice legal proceedings that have commenced (until then the complaints process continues)',
    },
    {
      code: 'unacceptable-behaviour',
      label:
        'The complainant is displaying unacceptable behaviour (section 15 and the Unacceptable Behaviour Policy)',
    },
  ],
  // §7: the Housing Ombudsman Service.
  externalBodies: [HOUSING_OMBUDSMAN],
  // §13.1 "sought via digital or postal survey for all closed complaints"; the timing is not stated, so on
  // closure.
  survey: {
    afterClosure: { unit: 'working-days', value: 0 },
    method:
      'digital or postal survey about the complaints process (not the outcome), for every closed complaint',
    dissatisfiedCallBackWorkingDays: null, // seed silent: Code value
  },
  restrictions: {
    warningFirst: CODE_2024_RULES.restrictions.warningFirst, // seed silent: Code value
    maxMonths: CODE_2024_RULES.restrictions.maxMonths, // seed silent: Code value
    appealDecisionWorkingDays: CODE_2024_RULES.restrictions.appealDecisionWorkingDays, // seed silent: Code value
    neverRestricted: [], // seed silent: Code value
  },
  ombudsman: CODE_2024_RULES.ombudsman, // seed silent: Code value
  suggestionOutcome: null, // seed silent: Code value
  // §14.1, §14.3, §14.4.
  reportingRhythm: [
    'monthly performance to service areas and the Leadership team',
    'quarterly summary review to Senior Leadership, the resident-led Challenge Group and the Board',
    'annual report on complaint performance to the Board, with performance and learning published on the website',
    'annual self-assessment against the Code, published on the website',
  ],
};

export const PEAKS_AND_PLAINS: Policy = {
  key: 'peaks-and-plains',
  version: 1,
  effectiveFrom: '2023-07-01', // "Effective Date: July 2023"
  name: 'Peaks & Plains complaints policy',
  landlord: 'Peaks & Plains Housing Trust',
  source:
    'Seed 004: Peaks & Plains Housing Trust Complaints Policy (V4, effective July 2023, approved 25 July 2023)',
  defaultJurisdiction: 'england-and-wales',
  rules: { 'england-and-wales': RULES },
};
