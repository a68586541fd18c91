import type { Policy, RuleSet } from '../policy-schema.ts';
import { CODE_2024_RULES, FIRST_TIER_TRIBUNAL_PROPERTY, HOUSING_OMBUDSMAN } from './shared-rules.ts';

/**
 * Seed 001: an unnamed association's Complaints Policy and Complaints Procedure, October 2022 (it predates
 * the Code 2024). "P§" is the policy, "Pr§" the procedure.
 *
 * Not expressible in the schema (kept here for the record):
 * - MPs, councillors and holders of a power of attorney need no written consent (P§3.10), and MPs and
 *   councillors are copied on the acknowledgement and the response (Pr§2.5);
 * - social media complaints may be acknowledged on the same channel, then by letter (P§3.14, Pr§2.3);
 * - the Manager contacts the complainant to clarify the complaint, with no deadline (Pr§2.6);
 * - extensions are agreed with the complainant, the Ombudsman's details given only if agreement fails
 *   (Pr§2.7, Pr§3.2);
 * - the seed gives the Ombudsman's old address (PO Box 152, Liverpool); the current one is used.
 */
const RULES: RuleSet = {
  stage1: {
    // Pr§2.2 "within two working days of receipt of the complaint"; P§3.13 "within 2 working days".
    acknowledgement: { workingDays: 2, from: 'receipt' },
    // P§3.13 "Anonymous complaints will be recorded but not acknowledged".
    acknowledgeAnonymous: false,
    // Pr§2.7 "within 10 working days of the date that the complaint was originally received".
    response: { workingDays: 10, from: 'receipt' },
    // Pr§2.6: the Manager contacts the complainant, but no timescale is set.
    firstContact: null,
    // Pr§2.7 "no more than a further 10 working days".
    extension: { capWorkingDays: 10 },
    // Pr§2.1: a service request resolved "there and then" is not a complaint, so no early-resolution step.
    earlyResolution: null,
  },
  stage2: {
    // Pr§3.2: "received, acknowledged, recorded and responded to as described above for a first stage
    // complaint", so the 2 working days of Pr§2.2 apply, from the escalation request.
    acknowledgement: { workingDays: 2, from: 'escalation-request' },
    // Pr§3.2 / P§3.12: 20 working days; by the same cross-reference the clock runs from receipt of the
    // request, as at stage 1.
    response: { workingDays: 20, from: 'escalation-request' },
    // Pr§3.2 "no more than a further 10 working days".
    extension: { capWorkingDays: 10 },
    // Pr§3.1: a Director, never the person who dealt with stage 1.
    handler: {
      description: 'a Director (another Director or the Chief Executive if a Director handled stage 1)',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: false,
    },
    escalationDecision: null, // seed silent: Code value
  },
  escalation: {
    // P§3.21 "how to appeal against our decision within 20 working days"; Pr§2.9 "within 20 working days".
    // The start (the stage 1 response) is implied by both.
    window: { kind: 'after-stage-1-response', period: { unit: 'working-days', value: 20 } },
    // Pr§3.1: escalation on learning "by any means" that the complainant is still dissatisfied.
    reasonsRequired: false,
  },
  timeLimit: CODE_2024_RULES.timeLimit, // seed silent: Code value (the seed sets no time limit at all)
  // P§3.25–3.26, plus the Code's time limit reason that goes with the Code's time limit.
  exclusionReasons: [
    {
      code: 'outside-time-limit',
      label: 'The issue happened, or the resident became aware of it, more than 12 months ago',
    },
    {
      code: 'legal-proceedings',
      label:
        'The matter is part of a legal process already started by the complainant or the Association (e.g. a disrepair claim, repossession or other action for breach of tenancy)',
    },
    {
      code: 'other-organisation',
      label:
        'Another organisation is responsible (e.g. the assessment and payment of housing benefit); we direct the customer to it',
    },
  ],
  // P§3.24: leaseholders may go to the First-tier Tribunal on service charges and lease terms; P§3.23 HOS.
  externalBodies: [FIRST_TIER_TRIBUNAL_PROPERTY, HOUSING_OMBUDSMAN],
  // Pr§7.1 "one month after their complaint has been resolved"; Pr§7.2 method; Pr§7.4 call back in 10.
  survey: {
    afterClosure: { unit: 'months', value: 1 },
    method:
      'telephone survey, up to three attempts on different days of the week and times of day; otherwise a pre-printed survey posted with a freepost return envelope',
    dissatisfiedCallBackWorkingDays: 10,
  },
  restrictions: {
    // P§4.2: the complainant is first given "the opportunity to adjust their behaviour".
    warningFirst: true,
    // P§4.3 "a maximum of six months and then reviewed".
    maxMonths: 6,
    // P§4.6 "considered by the Senior Management Team within 10 working days".
    appealDecisionWorkingDays: 10,
    // P§4.4.
    neverRestricted: ['reporting emergency repairs', 'other urgent service requests'],
  },
  ombudsman: {
    // Pr§4.3 "Requests for information will be responded to within 15 working days".
    informationRequestWorkingDays: 15,
    // Pr§4.4 "Within 5 working days ... the Director will inform board members by email".
    notifyBoardWorkingDays: 5,
  },
  suggestionOutcome: null, // seed silent: Code value
  // P§6.2, Pr§8.1, Pr§8.4.
  reportingRhythm: [
    'weekly monitoring of complaints close to or beyond target',
    'quarterly report to the board via the balanced scorecard',
    'annual self-assessment against the Code, presented to the board for approval',
    'annual report on complaints to the Senior Management Team, shared with residents and the board',
  ],
};

export const ASSOCIATION_2022: Policy = {
  key: 'association-2022',
  version: 1,
  effectiveFrom: '2022-10-01', // dated "October 2022"
  name: 'Association complaints policy and procedure (2022)',
  landlord: 'A housing association (not named in the seed, which says "the Association")',
  source: 'Seed 001: the Association Complaints Policy and Complaints Procedure (October 2022)',
  defaultJurisdiction: 'england-and-wales',
  rules: { 'england-and-wales': RULES },
};
