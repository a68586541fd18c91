import type { Policy, RuleSet } from '../policy-schema.ts';
import { CODE_2024_RULES, HOUSING_OMBUDSMAN_ROUTE } from './shared-rules.ts';

/**
 * Seed 004: Peaks & Plains Housing Trust Complaints Policy, V4, effective July 2023, approved by the board
 * on 25 July 2023, next review December 2025. It predates the Code 2024 and departs from it most: a
 * 6-month time limit, reasons required to escalate, a "quick fix" step before stage 1, uncapped extensions
 * and no rule keeping the stage 1 handler out of stage 2. The compliance check reports each of these.
 *
 * Also recorded, and reported by the compliance check: the Senior Manager decides in writing whether a
 * complaint is escalated (§6.3.1–6.3.2: a gate the Code does not allow), the Ombudsman's details come
 * with an extension only when no new date can be agreed (§6.2.2, §6.3.4), and unacceptable behaviour
 * as a reason to exclude a complaint (§4.1, set aside: PutRight never offers it).
 *
 * Not expressible in the schema (kept here for the record):
 * - a home visit is always offered for complaints about the safety of the home, e.g. damp and mould (§6.2.1);
 * - a meeting with the Customer Experience Manager is offered on escalation (§6.3.3);
 * - community complaints may have their timescales extended at the Trust's discretion (§9.1);
 * - only friends and relatives need the customer's written consent (§8.2); MPs, Elected Members, Board
 *   Members and advocates do not (staff record that as the reason to proceed without it);
 * - the time limit runs from when the complaint is "6 months old" (§4.1); the schema only knows "issue or
 *   awareness".
 */
const RULES: RuleSet = {
  stage1: {
    // §6.2.1 "acknowledge in writing within 5 working days of receipt".
    acknowledgement: { workingDays: 5, from: 'receipt' },
    acknowledgeAnonymous: CODE_2024_RULES.stage1.acknowledgeAnonymous, // seed silent: PutRight default
    // §6.2.2 "within 10 working days"; the start is not stated (recorded as a silence), so the Code's:
    // from the acknowledgement, as the 2022 Code in force in July 2023 counted from the complaint's logging.
    response: { workingDays: 10, from: 'acknowledgement' },
    // §6.2.1 "the investigating Manager will contact the customer within 3 working days of the
    // acknowledgement letter being sent".
    firstContact: { workingDays: 3, from: 'acknowledgement' },
    // §6.2.2 "in exceptional circumstances ... it may take longer ... advise of a new response date": no cap;
    // "If an extension date cannot be agreed with the customer, provision of the Ombudsman's details will be
    // provided": only then.
    extension: { capWorkingDays: null, ombudsmanDetails: 'when-no-new-date-agreed' },
    // §6.1.1 "We will respond within two working days with a resolution"; §6.1.2 it sits before stage 1
    // (the complaint is logged as a formal complaint only if it needs investigating).
    earlyResolution: { name: 'Quick fix', workingDays: 2, withinStage1: false },
  },
  stage2: {
    // Silent (§6.3.1–6.3.2: the written "escalated or not" reply has no timescale): the Code's 5 working
    // days, which also limit how long the Senior Manager's decision can take.
    acknowledgement: CODE_2024_RULES.stage2.acknowledgement,
    // §6.3.4 "within 20 working days of accepting a complaint for review": the §6.3.2 letter saying the
    // complaint is escalated is its stage 2 acknowledgement.
    response: { workingDays: 20, from: 'acknowledgement' },
    // §6.3.4 "in exceptional circumstances ... agree a revised timeline": no cap; the Ombudsman's details
    // only "If an extension date cannot be agreed".
    extension: { capWorkingDays: null, ombudsmanDetails: 'when-no-new-date-agreed' },
    // §6.3.1 "examined by the Senior Manager of the relevant department". Nothing in the seed stops that
    // person having handled stage 1, so mayBeStage1Handler is true (the compliance check reports it).
    handler: {
      description: 'the Senior Manager of the relevant department',
      mayBeStage1Handler: true,
      excludeAnyoneInvolvedAtStage1: false,
    },
    // §6.3.2: a written escalate / not-escalate decision, but no timescale.
    escalationDecision: null,
    newPoints: 'add-to-stage-2',
  },
  escalation: {
    // §6.3.1 "must be received within 20 working days of the stage 1 response letter".
    window: { kind: 'after-stage-1-response', period: { unit: 'working-days', value: 20 } },
    // §6.3.1 "the customer is required to clearly state what part/s of the Stage 1 response is being
    // challenged and why".
    reasonsRequired: true,
    // §6.3.1 "The request to review will be examined by the Senior Manager of the relevant department";
    // §6.3.2 "The customer will receive a written response to advise if the complaint is to be escalated or not".
    gate: { description: 'the Senior Manager of the relevant department' },
    directToStage2: false,
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
    // Silent (§4.1 gives none): the Code's discretion to accept a late complaint for good reasons.
    discretion: true,
  },
  // §4.1.
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
  ],
  // §4.1 "We deem the complainant to be displaying unacceptable behaviour (see section 15.)": never a
  // reason to refuse a complaint (Code 5.15); §15.3 itself goes on to deal with such complaints.
  setAside: {
    exclusionReasons: [
      {
        code: 'unacceptable-behaviour',
        label:
          'The complainant is displaying unacceptable behaviour (section 15 and the Unacceptable Behaviour Policy)',
      },
    ],
  },
  // §7: the Housing Ombudsman Service.
  externalRoutes: [HOUSING_OMBUDSMAN_ROUTE],
  // §8.2 "we require written consent from the customer to confirm permission to discuss details of the
  // complaint" (for a friend or relative).
  representatives: { consentBeforeDealing: true },
  // §13.1 "sought via digital or postal survey for all closed complaints"; the timing is not stated, so on
  // closure.
  survey: {
    afterClosure: { unit: 'working-days', value: 0 },
    method:
      'digital or postal survey about the complaints process (not the outcome), for every closed complaint',
    dissatisfiedCallBackWorkingDays: null, // seed silent: none
  },
  // §15 defers to a separate Unacceptable Behaviour Policy: PutRight's defaults.
  restrictions: CODE_2024_RULES.restrictions,
  // Seed silent (§7, §14.2): PutRight's defaults (15 working days, or the Ombudsman's own date).
  ombudsman: CODE_2024_RULES.ombudsman,
  suggestionOutcome: null, // the seed has no suggestions scheme
  // §14.1, §14.3, §14.4.
  reportingRhythm: [
    'monthly performance to service areas and the Leadership team',
    'quarterly summary review to Senior Leadership, the resident-led Challenge Group and the Board',
    'annual report on complaint performance to the Board, with performance and learning published on the website',
    'annual self-assessment against the Code, published on the website',
  ],
  notStated: ['stage1.response', 'stage2.acknowledgement', 'timeLimit.discretion'],
};

export const PEAKS_AND_PLAINS: Policy = {
  key: 'peaks-and-plains',
  version: 1,
  effectiveFrom: '2023-07-01', // "Effective Date: July 2023"
  name: 'Peaks & Plains complaints policy',
  landlord: 'Peaks & Plains Housing Trust',
  source:
    'Seed 004: Peaks & Plains Housing Trust Complaints Policy (V4, effective July 2023, approved 25 July 2023)',
  defaultCountry: 'england',
  rules: { england: RULES },
};
