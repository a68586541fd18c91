import type { Policy, RuleSet } from '../policy-schema.ts';
import { FIRST_TIER_TRIBUNAL_ROUTE, HOUSING_OMBUDSMAN_ROUTE } from './shared-rules.ts';

/**
 * Seed 001: an unnamed association's Complaints Policy and Complaints Procedure, October 2022 (it predates
 * the Code 2024). "P§" is the policy, "Pr§" the procedure.
 *
 * It sets no time limit for complaints: its only grounds for not dealing with one are P§3.25 (another
 * organisation is responsible) and P§3.26 (a legal process), and P§3.29 reserves flexibility.
 *
 * Not expressible in the schema (kept here for the record):
 * - MPs and councillors are copied on the acknowledgement and the response (Pr§2.5);
 * - social media complaints may be acknowledged on the same channel, then by letter (P§3.14, Pr§2.3);
 * - the Manager contacts the complainant to clarify the complaint, with no deadline (Pr§2.6);
 * - the seed itself escalates dissatisfaction learned from its satisfaction survey, a month after
 *   resolution (Pr§3.1, Pr§7.1, Pr§7.5), after its own 20-day window: a late request goes to a recorded
 *   decision with discretion, never to an automatic refusal;
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
    // Pr§2.7 "no more than a further 10 working days ... If agreement cannot be reached, the contact
    // details for the Housing Ombudsman will be given": only then (P§3.20 too).
    extension: { capWorkingDays: 10, ombudsmanDetails: 'when-no-new-date-agreed' },
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
    // Pr§3.2 "no more than a further 10 working days ... If agreement cannot be reached, the contact details
    // for the Housing Ombudsman will be given".
    extension: { capWorkingDays: 10, ombudsmanDetails: 'when-no-new-date-agreed' },
    // Pr§3.1: a Director, never the person who dealt with stage 1.
    handler: {
      description: 'a Director (another Director or the Chief Executive if a Director handled stage 1)',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: false,
    },
    escalationDecision: null, // seed silent: none
    // P§3.19, Pr§2.8: new matters "will be included unless the stage 1 response had been issued … in which
    // case the new matters raised will be recorded and dealt with as a new complaint".
    newPoints: 'new-complaint',
  },
  escalation: {
    // P§3.21 "how to appeal against our decision within 20 working days"; Pr§2.9 "within 20 working days".
    // The start (the stage 1 response) is implied by both.
    window: { kind: 'after-stage-1-response', period: { unit: 'working-days', value: 20 } },
    // Pr§3.1: escalation on learning "by any means" that the complainant is still dissatisfied.
    reasonsRequired: false,
    gate: null,
    directToStage2: false,
  },
  // No time limit (see above): the Code's 12 months is not the landlord's rule, and is never applied.
  timeLimit: null,
  // P§3.25–3.26.
  exclusionReasons: [
    {
      code: 'legal-proceedings',
      label:
        'The matter is part of a legal process already started by the complainant or the Association (e.g. a disrepair claim, repossession or other action for breach of tenancy): a claim filed at court, not only a notice or letter before action',
    },
    {
      code: 'other-organisation',
      label:
        'Another organisation is responsible (e.g. the assessment and payment of housing benefit); we direct the customer to it',
    },
  ],
  setAside: { exclusionReasons: [] },
  // P§3.24: leaseholders may go to the First-tier Tribunal on service charges and the terms of the lease
  // (the seed says after all stages; a tribunal takes applications at any time); P§3.23 the HOS.
  externalRoutes: [
    {
      ...FIRST_TIER_TRIBUNAL_ROUTE,
      when: 'To decide disputes about service charges or the terms of the lease (the Ombudsman cannot), at any time',
    },
    HOUSING_OMBUDSMAN_ROUTE,
  ],
  // P§3.10 "we will require the written permission of the complainant to discuss their complaint with the
  // other person" (not for an MP, councillor or holder of a power of attorney, who need none anyway).
  representatives: { consentBeforeDealing: true },
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
  suggestionOutcome: null, // the seed has no suggestions scheme
  // P§6.2, Pr§8.1, Pr§8.4.
  reportingRhythm: [
    'weekly monitoring of complaints close to or beyond target',
    'quarterly report to the board via the balanced scorecard',
    'annual self-assessment against the Code, presented to the board for approval',
    'annual report on complaints to the Senior Management Team, shared with residents and the board',
    'published in the annual report and the residents’ newsletter (P§6.3)',
    'the board told of any Housing Ombudsman investigation and its annual performance reports (P§6.2)',
  ],
  notStated: [],
};

export const ASSOCIATION_2022: Policy = {
  key: 'association-2022',
  version: 1,
  effectiveFrom: '2022-10-01', // dated "October 2022"
  name: 'Association complaints policy and procedure (2022)',
  landlord: 'A housing association (not named in the seed, which says "the Association")',
  source: 'Seed 001: the Association Complaints Policy and Complaints Procedure (October 2022)',
  defaultCountry: 'england',
  rules: { england: RULES },
};
