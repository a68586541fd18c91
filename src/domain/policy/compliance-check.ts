import type { Jurisdiction } from '../calendar/index.ts';
import { describePeriod } from './period.ts';
import type { Period, Policy, RuleSet } from './policy-schema.ts';
import { CODE_2024_RULES } from './presets/shared-rules.ts';
import { SPSO_MCHP_RULES } from './presets/shared-rules.ts';

/**
 * Compares a policy with the statutory benchmark for each jurisdiction it covers and lists every
 * departure. Stricter timescales than the benchmark are compliant; only what makes a resident worse
 * off, or breaks a rule of process, is reported.
 */

export type CheckId =
  | 'time-limit'
  | 'time-limit-discretion'
  | 'early-resolution-stage'
  | 'stage-1-acknowledgement'
  | 'stage-1-response'
  | 'stage-1-extension-cap'
  | 'escalation-reasons'
  | 'escalation-window'
  | 'stage-2-acknowledgement'
  | 'stage-2-handler'
  | 'stage-2-response'
  | 'stage-2-extension-cap';

export interface Benchmark {
  name: string;
  rules: RuleSet;
  /** The benchmark's provision reference for each check. */
  provisions: Record<CheckId, string>;
}

export const HOUSING_OMBUDSMAN_CODE: Benchmark = {
  name: 'Housing Ombudsman Complaint Handling Code 2024',
  rules: CODE_2024_RULES,
  provisions: {
    'time-limit': '2.3',
    'time-limit-discretion': '2.3',
    'early-resolution-stage': '5.2',
    'stage-1-acknowledgement': '6.2',
    'stage-1-response': '6.3',
    'stage-1-extension-cap': '6.4',
    'escalation-reasons': '6.12',
    'escalation-window': '6.11',
    'stage-2-acknowledgement': '6.11',
    'stage-2-handler': '6.13',
    'stage-2-response': '6.14',
    'stage-2-extension-cap': '6.15',
  },
};

export const SPSO_MODEL_PROCEDURE: Benchmark = {
  name: 'SPSO model complaints handling procedure',
  rules: SPSO_MCHP_RULES,
  provisions: {
    'time-limit': 'MCHP: time limit for making a complaint',
    'time-limit-discretion': 'MCHP: special circumstances',
    'early-resolution-stage': 'MCHP: two stages',
    'stage-1-acknowledgement': 'MCHP stage 1',
    'stage-1-response': 'MCHP stage 1: frontline response',
    'stage-1-extension-cap': 'MCHP stage 1: extension',
    'escalation-reasons': 'MCHP stage 2',
    'escalation-window': 'MCHP stage 2: time limit for escalation',
    'stage-2-acknowledgement': 'MCHP stage 2: acknowledgement',
    'stage-2-handler': 'MCHP stage 2: investigation',
    'stage-2-response': 'MCHP stage 2: response',
    'stage-2-extension-cap': 'MCHP stage 2: extension',
  },
};

export function benchmarkFor(jurisdiction: Jurisdiction): Benchmark {
  return jurisdiction === 'scotland' ? SPSO_MODEL_PROCEDURE : HOUSING_OMBUDSMAN_CODE;
}

export interface Departure {
  check: CheckId;
  jurisdiction: Jurisdiction;
  benchmark: string;
  provision: string;
  /** 'departure' breaks the benchmark; 'advisory' is allowed but needs care in how it is run. */
  severity: 'departure' | 'advisory';
  explanation: string;
}

/** Rough length in calendar days, only to say which of two periods is shorter. */
function approximateDays(period: Period): number {
  switch (period.unit) {
    case 'months':
      return period.value * 30.44;
    case 'calendar-days':
      return period.value;
    case 'working-days':
      return (period.value * 7) / 5;
  }
}

interface Clock {
  ack: { workingDays: number } | null;
  response: { workingDays: number; from: string };
}

/**
 * Whether a policy's response deadline can fall later than the benchmark's. When the clocks start
 * from different events, compare against the benchmark's earliest possible deadline.
 */
function responseLater(policy: Clock, bench: Clock): boolean {
  const policyFromAck = policy.response.from === 'acknowledgement';
  const benchFromAck = bench.response.from === 'acknowledgement';
  if (policyFromAck === benchFromAck) return policy.response.workingDays > bench.response.workingDays;
  if (benchFromAck) return policy.response.workingDays > bench.response.workingDays;
  return (policy.ack?.workingDays ?? 0) + policy.response.workingDays > bench.response.workingDays;
}

function checkRuleSet(rules: RuleSet, jurisdiction: Jurisdiction, benchmark: Benchmark): Departure[] {
  const bench = benchmark.rules;
  const found: Departure[] = [];
  const add = (check: CheckId, explanation: string, severity: Departure['severity'] = 'departure') =>
    found.push({
      check,
      jurisdiction,
      benchmark: benchmark.name,
      provision: benchmark.provisions[check],
      severity,
      explanation,
    });

  if (rules.timeLimit && bench.timeLimit) {
    if (approximateDays(rules.timeLimit.period) < approximateDays(bench.timeLimit.period)) {
      add(
        'time-limit',
        `The policy refuses complaints more than ${describePeriod(rules.timeLimit.period)} after the issue; the benchmark allows ${describePeriod(bench.timeLimit.period)}.`,
      );
    }
    if (!rules.timeLimit.discretion && bench.timeLimit.discretion) {
      add(
        'time-limit-discretion',
        'The policy gives no discretion to accept a complaint outside its time limit.',
      );
    }
  }
  if (rules.stage1.earlyResolution && !rules.stage1.earlyResolution.withinStage1) {
    add(
      'early-resolution-stage',
      `"${rules.stage1.earlyResolution.name}" sits outside stage 1, adding an informal stage; early resolution must happen within stage 1.`,
    );
  }
  for (const stage of [1, 2] as const) {
    const mine = stage === 1 ? rules.stage1 : rules.stage2;
    const theirs = stage === 1 ? bench.stage1 : bench.stage2;
    const ackCheck = stage === 1 ? 'stage-1-acknowledgement' : 'stage-2-acknowledgement';
    if (theirs.acknowledgement) {
      if (!mine.acknowledgement) {
        add(
          ackCheck,
          `The policy sends no stage ${stage} acknowledgement; the benchmark requires one within ${theirs.acknowledgement.workingDays} working days.`,
        );
      } else if (mine.acknowledgement.workingDays > theirs.acknowledgement.workingDays) {
        add(
          ackCheck,
          `Stage ${stage} acknowledgement within ${mine.acknowledgement.workingDays} working days is later than the benchmark's ${theirs.acknowledgement.workingDays}.`,
        );
      }
    }
    const fromAck = (from: string) => from === 'acknowledgement';
    if (
      responseLater(
        {
          ack: mine.acknowledgement,
          response: { ...mine.response, from: fromAck(mine.response.from) ? 'acknowledgement' : 'start' },
        },
        {
          ack: theirs.acknowledgement,
          response: { ...theirs.response, from: fromAck(theirs.response.from) ? 'acknowledgement' : 'start' },
        },
      )
    ) {
      add(
        stage === 1 ? 'stage-1-response' : 'stage-2-response',
        `Stage ${stage} response within ${mine.response.workingDays} working days of ${mine.response.from} can be later than the benchmark's ${theirs.response.workingDays} working days of ${theirs.response.from}.`,
      );
    }
    const capCheck = stage === 1 ? 'stage-1-extension-cap' : 'stage-2-extension-cap';
    const benchCap = theirs.extension.capWorkingDays;
    if (benchCap !== null) {
      if (mine.extension.capWorkingDays === null) {
        add(
          capCheck,
          `Stage ${stage} extensions have no cap; without a good reason an extension may be at most ${benchCap} working days.`,
        );
      } else if (mine.extension.capWorkingDays > benchCap) {
        add(
          capCheck,
          `Stage ${stage} extensions of up to ${mine.extension.capWorkingDays} working days exceed the benchmark's ${benchCap}.`,
        );
      }
    }
  }
  if (rules.escalation.reasonsRequired && !bench.escalation.reasonsRequired) {
    add(
      'escalation-reasons',
      'The policy requires the resident to give reasons to escalate to stage 2; residents must not be required to explain why. PutRight records any reason given but never refuses an escalation for lack of one.',
    );
  }
  if (rules.escalation.window && !bench.escalation.window) {
    add(
      'escalation-window',
      'The policy sets a window for escalating to stage 2, which the benchmark does not. PutRight never refuses a late request automatically: it flags it for a recorded decision.',
      'advisory',
    );
  }
  if (rules.stage2.handler.mayBeStage1Handler && !bench.stage2.handler.mayBeStage1Handler) {
    add(
      'stage-2-handler',
      `The stage 2 handler rule ("${rules.stage2.handler.description}") does not stop the stage 1 handler considering the complaint at stage 2. PutRight refuses the stage 1 handler at stage 2 all the same.`,
    );
  }
  return found;
}

/** Every departure from the benchmark of each jurisdiction the policy has rules for. */
export function checkCompliance(policy: Policy): Departure[] {
  return Object.entries(policy.rules).flatMap(([jurisdiction, rules]) =>
    checkRuleSet(rules, jurisdiction as Jurisdiction, benchmarkFor(jurisdiction as Jurisdiction)),
  );
}
