import type { Policy, RuleSet } from '../policy-schema.ts';
import { CODE_2024_RULES, HOUSING_OMBUDSMAN_ROUTE } from './shared-rules.ts';

/**
 * Seed 000: People First Housing Association (Manchester). Two stages, closely following the Code 2024.
 * The seed has no version or date. Sections after §9 are unnumbered, so those are cited by name
 * (leaflet, flowchart, Compliments & Suggestions leaflet, appendix 6 = unacceptable behaviour policy).
 *
 * Not expressible in the schema (kept here for the record):
 * - the time limit runs from when the issue "occurred" (§9.1); the schema only knows "issue or awareness";
 * - the CE notifies the Chair and Complaints Lead "promptly" of a complaint handling failure order (§8),
 *   with no working-day figure, so notifyBoardWorkingDays stays null;
 * - appendix 6 lets the landlord decline to investigate or stop all communication, which is modelled as
 *   the 'unacceptable-behaviour' exclusion reason.
 */
const RULES: RuleSet = {
  stage1: {
    // §9.2.3.1 "within 5 days of receipt"; §3 and the leaflet say 5 working days.
    acknowledgement: { workingDays: 5, from: 'receipt' },
    acknowledgeAnonymous: CODE_2024_RULES.stage1.acknowledgeAnonymous, // seed silent: PutRight default
    // §9.2.3.1 "within 10 working days of acknowledgement".
    response: { workingDays: 10, from: 'acknowledgement' },
    firstContact: null, // seed silent: PutRight default
    // §9.2.3.1 "With good reason this may be extended by a further 10 days"; leaflet: up to 10 working days.
    extension: { capWorkingDays: 10, ombudsmanDetails: 'every-extension' },
    // §9.2.3.1: most stage 1 complaints are resolved promptly, but inside stage 1, not as a separate step.
    earlyResolution: null,
  },
  stage2: {
    // §9.2.3.1 "within 5 days of receipt or escalation"; leaflet "within 5 days of the escalation request".
    acknowledgement: { workingDays: 5, from: 'escalation-request' },
    // §9.2.3.1 "within 20 working days of acknowledgement of the complaint being progressed/escalated".
    response: { workingDays: 20, from: 'acknowledgement' },
    // §9.2.3.1 "may be extended with good reason a further 20 working days".
    extension: { capWorkingDays: 20, ombudsmanDetails: 'every-extension' },
    // §9.2.3.4 (and §2, §8): the CE, or the Operations Director in their absence, "a different person".
    handler: {
      description: 'the Chief Executive (Operations Director in their absence)',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: false,
    },
    // §9.2.3.4: escalation may exceptionally be refused on the exclusion grounds, with no timescale.
    escalationDecision: null,
    newPoints: 'add-to-stage-2',
  },
  escalation: {
    // Silent (§9.2.3.4, appendix 3 leaflet): the Code's, no time limit on asking for stage 2.
    window: CODE_2024_RULES.escalation.window,
    // §9.2.3.4 "complainants are not required to explain their reasons".
    reasonsRequired: false,
    gate: null,
    directToStage2: false,
  },
  // §9.1 and §9.2.3.5: 12 months, discretion for good reasons; §5: not for safeguarding or health and safety.
  timeLimit: {
    period: { unit: 'months', value: 12 },
    from: 'issue-or-awareness',
    exceptions: [
      { code: 'safeguarding', label: 'The complaint relates to safeguarding' },
      { code: 'health-and-safety', label: 'The complaint relates to health and safety' },
    ],
    discretion: true,
  },
  // §9.2.3.5 (time limit, legal proceedings, already considered); §6 (complaints handled under another
  // procedure: appendix 1 case study C, a complaint about how the landlord handled them is still one).
  exclusionReasons: [
    {
      code: 'outside-time-limit',
      label:
        'The issue occurred over 12 months ago (unless it concerns safeguarding or health and safety, or there are good reasons to use discretion)',
    },
    {
      code: 'legal-proceedings',
      label: 'Legal proceedings have started (a claim form or particulars of claim have been filed at court)',
    },
    {
      code: 'already-considered',
      label: 'The matter has already been considered under the complaints policy',
    },
    {
      code: 'child-protection',
      label:
        'It is a child protection matter, handled under the safeguarding and child protection procedures (a complaint about how we handled it is still a complaint)',
    },
    {
      code: 'antisocial-behaviour-of-another-tenant',
      label:
        'It is about antisocial behaviour by another tenant, handled under the Antisocial Behaviour and Hate Incidents procedure (a complaint about how we handled it is still a complaint)',
    },
  ],
  // §3 "Only exclude a complaint in exceptional circumstances as outlined in the Unacceptable Customer
  // Behaviour Policy (appendix 6)": never a reason to refuse a complaint or its escalation (Code 5.15).
  setAside: {
    exclusionReasons: [
      {
        code: 'unacceptable-behaviour',
        label:
          'The complaint has been pursued in a way that is unacceptable (unacceptable customer behaviour policy)',
      },
    ],
  },
  // §9.3 and appendix 7: community support service users go to the service commissioner; residents to the HOS.
  externalRoutes: [
    {
      serviceType: 'community-support',
      body: {
        name: 'Manchester Health and Care Commissioning, Manchester City Council (the service commissioner)',
        contact: 'Town Hall Extension, PO Box 532, Town Hall, Manchester M60 2LA',
      },
      // Appendix 3 leaflet: "can contact the commissioner at any stage, but you must normally have been
      // though the two stages … unless we are not responding to your complaint or there are unreasonable delays".
      when: 'For a community support service, at any stage; normally after both of our stages, unless we are not responding or there are unreasonable delays',
      instead: true,
    },
    HOUSING_OMBUDSMAN_ROUTE,
  ],
  representatives: { consentBeforeDealing: false },
  // §8 "closure letters one month following a complaint", §9.2.3.4 "within one month", flowchart "28 days
  // after complaint": read as about 28 calendar days after closure.
  survey: {
    afterClosure: { unit: 'calendar-days', value: 28 },
    method:
      'closure letter from the Complaints Officer asking about satisfaction with the service and equality information where not known (may be omitted if it would cause undue upset, with the reason recorded)',
    dissatisfiedCallBackWorkingDays: null, // seed silent: PutRight default
  },
  restrictions: {
    // Appendix 6 lists a warning and a request to modify behaviour as the first action.
    warningFirst: true,
    maxMonths: CODE_2024_RULES.restrictions.maxMonths, // seed silent: PutRight default
    // Appendix 6 gives a right of appeal but no timescale: PutRight default.
    appealDecisionWorkingDays: CODE_2024_RULES.restrictions.appealDecisionWorkingDays,
    neverRestricted: [], // seed silent: PutRight default
  },
  ombudsman: {
    informationRequestWorkingDays: CODE_2024_RULES.ombudsman.informationRequestWorkingDays, // seed silent: PutRight default
    // §8: the Chair and Complaints Lead are told "promptly" (no figure).
    notifyBoardWorkingDays: null,
  },
  // Compliments & Suggestions leaflet: "feedback on your suggestion within one week".
  suggestionOutcome: { unit: 'calendar-days', value: 7 },
  // §3, §8, §10: board report every six months (May and December); annual report and self-assessment (§8).
  reportingRhythm: [
    'weekly monitoring of open complaints by the Complaints Officer',
    'report to the Board every six months (May and December), including other feedback',
    'annual complaints performance and service improvement report with self-assessment, to the Board',
    'yearly publication of complaints information in newsletters and on the website',
  ],
  notStated: ['escalation.window'],
};

export const PEOPLE_FIRST: Policy = {
  key: 'people-first',
  version: 1,
  effectiveFrom: '2024-04-01', // seed undated: default
  name: 'People First complaints policy',
  landlord: 'People First Housing Association',
  source:
    'Seed 000: People First Housing Association Complaints and Other Customer Feedback Policy (undated; informed by the Code 2024)',
  defaultCountry: 'england',
  rules: { england: RULES },
};
