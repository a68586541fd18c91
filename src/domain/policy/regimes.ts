import type { Country } from './country.ts';
import type { ExternalBodyId } from './external-bodies.ts';
import type { RuleSet } from './policy-schema.ts';
import {
  CODE_2024_RULES,
  NIPSO_MCHP_RULES,
  PSOW_MODEL_RULES,
  SPSO_MCHP_RULES,
} from './presets/shared-rules.ts';

/**
 * Each UK country's complaint regime: the Ombudsman a resident goes to when the landlord's process is
 * done, and the benchmark a landlord's policy and each case are measured against. The Housing
 * Ombudsman Scheme and its Code cover England only; Wales, Scotland and Northern Ireland each have a
 * public services Ombudsman with a model procedure of its own.
 */

/** What the compliance check compares; each benchmark cites its own provision for each. */
export const CHECK_IDS = [
  'exclusion-reasons',
  'exclusion-behaviour',
  'time-limit',
  'time-limit-discretion',
  'early-resolution-stage',
  'stage-1-acknowledgement',
  'stage-1-response',
  'stage-1-extension-cap',
  'stage-1-extension-ombudsman-details',
  'escalation-reasons',
  'escalation-gate',
  'escalation-window',
  'stage-2-acknowledgement',
  'stage-2-handler',
  'stage-2-response',
  'stage-2-extension-cap',
  'stage-2-extension-ombudsman-details',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface Benchmark {
  name: string;
  /** How staff refer to it in a sentence: "the Code", "the SPSO model procedure". */
  shortName: string;
  rules: RuleSet;
  /** The benchmark's provision for each check, as its text numbers it. */
  provisions: Record<CheckId, string>;
  source: string;
}

export interface Regime {
  country: Country;
  /** The Ombudsman for the country's social housing complaints. */
  ombudsman: ExternalBodyId;
  benchmark: Benchmark;
  /**
   * Whether the benchmark itself lets a landlord decline complaints pursued through unacceptable
   * actions (the SPSO model procedure lists them among what is not a complaint; the Code forbids it).
   */
  behaviourIsAnExclusion: boolean;
}

export const HOUSING_OMBUDSMAN_CODE: Benchmark = {
  name: 'Housing Ombudsman Complaint Handling Code 2024',
  shortName: 'the Code',
  rules: CODE_2024_RULES,
  provisions: {
    'exclusion-reasons': '2.2',
    'exclusion-behaviour': '2.2, 5.15',
    'time-limit': '2.3',
    'time-limit-discretion': '2.3',
    'early-resolution-stage': '5.2, 5.3',
    'stage-1-acknowledgement': '6.2',
    'stage-1-response': '6.3',
    'stage-1-extension-cap': '6.4',
    'stage-1-extension-ombudsman-details': '6.5',
    'escalation-reasons': '6.12',
    'escalation-gate': '5.11, 6.10',
    'escalation-window': '6.10',
    'stage-2-acknowledgement': '6.11',
    'stage-2-handler': '6.13',
    'stage-2-response': '6.14',
    'stage-2-extension-cap': '6.15',
    'stage-2-extension-ombudsman-details': '6.16',
  },
  source: 'https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/the-code-2024/',
};

export const SPSO_MODEL_PROCEDURE: Benchmark = {
  name: 'SPSO model complaints handling procedure for social landlords',
  shortName: 'the SPSO model procedure',
  rules: SPSO_MCHP_RULES,
  provisions: {
    'exclusion-reasons': 'MCHP Part 2: what is not a complaint',
    'exclusion-behaviour': 'MCHP Part 2: unacceptable actions',
    'time-limit': 'MCHP Part 2: time limit for making complaints',
    'time-limit-discretion': 'MCHP Part 2: time limit for making complaints',
    'early-resolution-stage': 'MCHP Part 1: two stages',
    'stage-1-acknowledgement': 'MCHP Part 3: stage 1, frontline response',
    'stage-1-response': 'MCHP Part 3: stage 1, timelines',
    'stage-1-extension-cap': 'MCHP Part 3: stage 1, extension to the timeline',
    'stage-1-extension-ombudsman-details': 'MCHP Part 3: stage 1, extension to the timeline',
    'escalation-reasons': 'MCHP Part 4: stage 2',
    'escalation-gate': 'MCHP Part 4: stage 2',
    'escalation-window': 'MCHP Part 2: time limit for escalating to stage 2',
    'stage-2-acknowledgement': 'MCHP Part 4: stage 2, acknowledging the complaint',
    'stage-2-handler': 'MCHP Part 4: stage 2, investigation',
    'stage-2-response': 'MCHP Part 4: stage 2, timelines',
    'stage-2-extension-cap': 'MCHP Part 4: stage 2, extension to the timeline',
    'stage-2-extension-ombudsman-details': 'MCHP Part 4: stage 2, extension to the timeline',
  },
  source: 'https://www.spso.org.uk/the-model-complaints-handling-procedures',
};

export const PSOW_MODEL_POLICY: Benchmark = {
  name: 'Public Services Ombudsman for Wales model concerns and complaints policy',
  shortName: 'the PSOW model policy',
  rules: PSOW_MODEL_RULES,
  provisions: {
    'exclusion-reasons': 'model policy: what this policy does not cover',
    'exclusion-behaviour': 'model policy: unacceptable behaviour',
    'time-limit': 'model policy: time limits',
    'time-limit-discretion': 'model policy: time limits',
    'early-resolution-stage': 'model policy: stage 1, informal resolution',
    'stage-1-acknowledgement': 'model policy: stage 1, informal resolution',
    'stage-1-response': 'model policy: stage 1, informal resolution',
    'stage-1-extension-cap': 'model policy: stage 1, informal resolution',
    'stage-1-extension-ombudsman-details': 'model policy: stage 1, informal resolution',
    'escalation-reasons': 'model policy: stage 2, formal investigation',
    'escalation-gate': 'model policy: stage 2, formal investigation',
    'escalation-window': 'model policy: stage 2, formal investigation',
    'stage-2-acknowledgement': 'model policy: stage 2, formal investigation',
    'stage-2-handler': 'model policy: stage 2, formal investigation',
    'stage-2-response': 'model policy: stage 2, formal investigation',
    'stage-2-extension-cap': 'model policy: stage 2, formal investigation',
    'stage-2-extension-ombudsman-details': 'model policy: stage 2, formal investigation',
  },
  source: 'https://www.ombudsman.wales/complaints-standards-authority/',
};

export const NIPSO_MODEL_PROCEDURE: Benchmark = {
  name: 'NIPSO model complaints handling procedure',
  shortName: 'the NIPSO model procedure',
  rules: NIPSO_MCHP_RULES,
  provisions: {
    'exclusion-reasons': 'MCHP: what is not a complaint',
    'exclusion-behaviour': 'MCHP: unacceptable actions',
    'time-limit': 'MCHP: time limit for making complaints',
    'time-limit-discretion': 'MCHP: time limit for making complaints',
    'early-resolution-stage': 'MCHP: two stages',
    'stage-1-acknowledgement': 'MCHP: stage 1, early resolution',
    'stage-1-response': 'MCHP: stage 1, timelines',
    'stage-1-extension-cap': 'MCHP: stage 1, extension',
    'stage-1-extension-ombudsman-details': 'MCHP: stage 1, extension',
    'escalation-reasons': 'MCHP: stage 2',
    'escalation-gate': 'MCHP: stage 2',
    'escalation-window': 'MCHP: time limit for escalating to stage 2',
    'stage-2-acknowledgement': 'MCHP: stage 2, acknowledging the complaint',
    'stage-2-handler': 'MCHP: stage 2, investigation',
    'stage-2-response': 'MCHP: stage 2, timelines',
    'stage-2-extension-cap': 'MCHP: stage 2, extension',
    'stage-2-extension-ombudsman-details': 'MCHP: stage 2, extension',
  },
  source: 'https://www.nipso.org.uk/nipso/complaints-standards/',
};

export const REGIMES: Readonly<Record<Country, Regime>> = {
  england: {
    country: 'england',
    ombudsman: 'housing-ombudsman',
    benchmark: HOUSING_OMBUDSMAN_CODE,
    behaviourIsAnExclusion: false,
  },
  wales: { country: 'wales', ombudsman: 'psow', benchmark: PSOW_MODEL_POLICY, behaviourIsAnExclusion: false },
  scotland: {
    country: 'scotland',
    ombudsman: 'spso',
    benchmark: SPSO_MODEL_PROCEDURE,
    behaviourIsAnExclusion: true,
  },
  'northern-ireland': {
    country: 'northern-ireland',
    ombudsman: 'nipso',
    benchmark: NIPSO_MODEL_PROCEDURE,
    behaviourIsAnExclusion: true,
  },
};

export function regimeOf(country: Country): Regime {
  return REGIMES[country];
}

export function benchmarkFor(country: Country): Benchmark {
  return REGIMES[country].benchmark;
}
