import type { Policy, RuleSet } from '../policy-schema.ts';
import { CODE_2024_RULES, HOUSING_OMBUDSMAN_ROUTE } from './shared-rules.ts';

/**
 * Seed 003: One Manchester Complaints Policy. No version or date; "reviewed annually" (§10.5).
 *
 * Not expressible in the schema (kept here for the record):
 * - "very occasionally" a response may go past the extended deadline at either stage, with a letter
 *   giving the expected date (§5.4.7, §5.5.9). The caps below stand; going past them needs a recorded
 *   good reason;
 * - the time limit runs from when the issue "took place" (§2.3); the schema only knows "issue or awareness";
 * - multiple complaints may be answered collectively (§3.3); the Complaints team checks responses before
 *   they are sent (§10.2);
 * - the seed gives the Ombudsman's old address (PO Box 152, Liverpool); the current one is used.
 */
const RULES: RuleSet = {
  stage1: {
    // §5.4.3 "within 5 working days from the date of the complaint being made".
    acknowledgement: { workingDays: 5, from: 'receipt' },
    // Anonymous reports without a name or address are excluded (§2.3), so this rarely matters.
    acknowledgeAnonymous: CODE_2024_RULES.stage1.acknowledgeAnonymous, // seed silent: PutRight default
    // §5.4.5 "within 10 working days from the acknowledgement date".
    response: { workingDays: 10, from: 'acknowledgement' },
    // §5.4.4: the customer may be contacted during the investigation, with no deadline.
    firstContact: null,
    // §5.4.6 "a maximum of 10 further working days".
    extension: { capWorkingDays: 10, ombudsmanDetails: 'every-extension' },
    earlyResolution: null, // seed silent: PutRight default
  },
  stage2: {
    // §5.5.5 "within 5 working days from the date of the stage 2 escalation request being made".
    acknowledgement: { workingDays: 5, from: 'escalation-request' },
    // §5.5.7 "within 20 working days from the acknowledgement date of the stage 2 escalation request".
    response: { workingDays: 20, from: 'acknowledgement' },
    // §5.5.8 "a maximum of 20 further working days".
    extension: { capWorkingDays: 20, ombudsmanDetails: 'every-extension' },
    // §5.5.6 "A senior member of our management ... someone who has not previously been involved".
    handler: {
      description: 'a senior manager not previously involved',
      mayBeStage1Handler: false,
      excludeAnyoneInvolvedAtStage1: true,
    },
    // §5.5.4: a refusal to escalate (only on §2.3 grounds) is written within 5 working days of the request.
    escalationDecision: { workingDays: 5 },
    // §5.5.10 "it is not possible to add additional complaints (not previously raised at stage 1) to the
    // stage 2 escalation. New complaints will therefore be logged as a new complaint".
    newPoints: 'new-complaint',
  },
  escalation: {
    // §5.5.2 "within 12 months of the date the stage 1 complaint was first made" (with discretion).
    window: { kind: 'after-receipt', period: { unit: 'months', value: 12 } },
    // §5.5.3 "customers are not obliged to provide a reason".
    reasonsRequired: false,
    gate: null,
    directToStage2: false,
  },
  // §2.3 "more than twelve months ago (however we will apply discretion ... where there are good reasons)".
  timeLimit: {
    period: { unit: 'months', value: 12 },
    from: 'issue-or-awareness',
    exceptions: [],
    discretion: true,
  },
  // §2.3 "not considered as complaints".
  exclusionReasons: [
    {
      code: 'outside-time-limit',
      label:
        'The issue took place more than twelve months ago (discretion applies where there are good reasons for the delay)',
    },
    {
      code: 'service-request',
      label: 'A service request (a complaint about failing to deal with one is still considered)',
    },
    {
      code: 'information-request',
      label: 'A request for information or an explanation of how a decision has been made',
    },
    {
      code: 'antisocial-behaviour-report',
      label:
        'A report of neighbour nuisance, a neighbour dispute or other antisocial behaviour (handled under the Anti-Social Behaviour Policy), unless the complaint is that we failed to deal with it in line with that policy',
    },
    {
      code: 'rent-or-service-charge-level',
      label:
        'Dissatisfaction with the level of rent or service charges or the amount on a statement (handled under the Service Charge Policy), unless the complaint is that we failed to follow that policy',
    },
    {
      code: 'damages-or-personal-injury-claim',
      label: 'A claim for damages or personal injury (an insurance claim)',
    },
    {
      code: 'legal-proceedings',
      label:
        'Legal proceedings have started or concluded (a case filed at court, including disrepair claims; warning letters and notices do not count)',
    },
    {
      code: 'outside-our-control',
      label: "A matter solely about services or decisions outside One Manchester's control",
    },
    {
      code: 'already-considered',
      label:
        'An attempt to reopen or reconsider a complaint where we have given our final decision under this (or a previous) complaints policy or another relevant policy',
    },
    { code: 'demoted-tenancy-appeal', label: 'A demoted tenancy appeal' },
    {
      code: 'anonymous',
      label:
        'An anonymous report where the reporter will not give a name and/or address, so we cannot respond',
    },
    {
      code: 'non-customer',
      label: 'A complaint by a non-customer (we may still investigate outside this policy)',
    },
  ],
  setAside: { exclusionReasons: [] },
  // §7: the Housing Ombudsman only.
  externalRoutes: [HOUSING_OMBUDSMAN_ROUTE],
  // §4.1 "before we can investigate complaints raised this way, we will need to confirm that the person on
  // whose behalf the representative or advocate say they are acting has nominated them to do so".
  representatives: { consentBeforeDealing: true },
  // §6.4 "an optional customer feedback exercise upon closure of the complaint".
  survey: {
    afterClosure: { unit: 'working-days', value: 0 },
    method: 'optional customer feedback exercise about the complaints process',
    dissatisfiedCallBackWorkingDays: null, // seed silent: PutRight default
  },
  restrictions: {
    warningFirst: CODE_2024_RULES.restrictions.warningFirst, // seed silent: PutRight default
    maxMonths: CODE_2024_RULES.restrictions.maxMonths, // seed silent: PutRight default
    // §8.5: challenged through a stage 2 complaint, so no separate appeal timescale.
    appealDecisionWorkingDays: null,
    // §8.3 "We do not want to exclude anyone from being able to access our complaints processes"; §8.4
    // restrictions only manage the method and frequency of contact and who deals with the complaint.
    neverRestricted: ['access to the complaints process'],
  },
  ombudsman: CODE_2024_RULES.ombudsman, // seed silent: PutRight default
  suggestionOutcome: null, // seed silent: PutRight default
  // §10.4.
  reportingRhythm: [
    'annual Complaints Performance and Service Improvement report, shared with the Board and published on the website',
  ],
  notStated: [],
};

export const ONE_MANCHESTER: Policy = {
  key: 'one-manchester',
  version: 1,
  effectiveFrom: '2024-04-01', // seed undated: default
  name: 'One Manchester complaints policy',
  landlord: 'One Manchester',
  source: 'Seed 003: One Manchester Complaints Policy (undated; reviewed annually)',
  defaultCountry: 'england',
  rules: { england: RULES },
};
