import { COUNTRIES, type Country } from './country.ts';
import { exclusionVerdict } from './exclusions.ts';
import { describePeriod } from './period.ts';
import type { EscalationWindow, Period, Policy, RuleSet, SilentField } from './policy-schema.ts';
import { benchmarkFor, type Benchmark, type CheckId } from './regimes.ts';

/**
 * Compares a policy with the benchmark of each country it covers and lists every finding. Stricter
 * timescales than the benchmark are compliant; only what makes a resident worse off, or breaks a rule
 * of process, is a departure. Where the policy is silent the benchmark applies, and that is reported
 * as its own kind of finding, so nobody mistakes the benchmark's figure for the landlord's choice.
 */

export type FindingKind = 'departure' | 'advisory' | 'not-stated';

export interface Finding {
  check: CheckId;
  country: Country;
  benchmark: string;
  provision: string;
  /** 'departure' breaks the benchmark; 'advisory' is allowed but needs care; 'not-stated' is a silence. */
  severity: FindingKind;
  explanation: string;
  /** For a silence: the field the policy does not state. */
  field?: SilentField;
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

/** The least time (roughly, in days) a window surely leaves after the stage 1 response. */
function daysAfterResponse(window: EscalationWindow): number {
  switch (window.kind) {
    case 'after-stage-1-response':
      return approximateDays(window.period);
    case 'after-receipt':
      // Counted from receipt, so a late response can leave no time at all.
      return 0;
    case 'later-of':
      return approximateDays(window.afterStage1Response);
  }
}

function describeWindow(window: EscalationWindow): string {
  switch (window.kind) {
    case 'after-stage-1-response':
      return `${describePeriod(window.period)} of the stage 1 response`;
    case 'after-receipt':
      return `${describePeriod(window.period)} of receipt`;
    case 'later-of':
      return `${describePeriod(window.afterEvent)} of the event or ${describePeriod(window.afterStage1Response)} of the stage 1 response, whichever is later`;
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

const FIELD_CHECKS: Record<SilentField, CheckId> = {
  'stage1.acknowledgement': 'stage-1-acknowledgement',
  'stage1.response': 'stage-1-response',
  'stage1.extension': 'stage-1-extension-cap',
  'stage2.acknowledgement': 'stage-2-acknowledgement',
  'stage2.response': 'stage-2-response',
  'stage2.extension': 'stage-2-extension-cap',
  'stage2.handler': 'stage-2-handler',
  'escalation.window': 'escalation-window',
  timeLimit: 'time-limit',
  'timeLimit.discretion': 'time-limit-discretion',
};

const withFrom = (days: number, from: string) =>
  `${describePeriod({ unit: 'working-days', value: days })} from ${from.replace(/-/g, ' ')}`;

/** The benchmark's value for a field, in words, for "not stated: … applies". */
export function describeBenchmarkValue(rules: RuleSet, field: SilentField): string {
  const cap = (c: number | null) =>
    c === null ? 'no cap on extensions' : `extensions of up to ${c} working days`;
  switch (field) {
    case 'stage1.acknowledgement':
      return rules.stage1.acknowledgement
        ? `an acknowledgement within ${withFrom(rules.stage1.acknowledgement.workingDays, 'receipt')}`
        : 'no separate acknowledgement';
    case 'stage1.response':
      return `a response within ${withFrom(rules.stage1.response.workingDays, rules.stage1.response.from)}`;
    case 'stage1.extension':
      return cap(rules.stage1.extension.capWorkingDays);
    case 'stage2.acknowledgement':
      return rules.stage2.acknowledgement
        ? `an acknowledgement within ${withFrom(rules.stage2.acknowledgement.workingDays, 'the request')}`
        : 'no separate acknowledgement';
    case 'stage2.response':
      return `a response within ${withFrom(rules.stage2.response.workingDays, rules.stage2.response.from)}`;
    case 'stage2.extension':
      return cap(rules.stage2.extension.capWorkingDays);
    case 'stage2.handler':
      return `stage 2 handled by ${rules.stage2.handler.description}`;
    case 'escalation.window':
      return rules.escalation.window
        ? `a request within ${describeWindow(rules.escalation.window)}`
        : 'no time limit on asking for stage 2';
    case 'timeLimit':
      return rules.timeLimit
        ? `complaints within ${describePeriod(rules.timeLimit.period)} of the issue`
        : 'no time limit';
    case 'timeLimit.discretion':
      return rules.timeLimit?.discretion ? 'discretion to accept older complaints' : 'no discretion';
  }
}

function checkRuleSet(rules: RuleSet, country: Country, benchmark: Benchmark): Finding[] {
  const bench = benchmark.rules;
  const found: Finding[] = [];
  const add = (
    check: CheckId,
    explanation: string,
    severity: FindingKind = 'departure',
    field?: SilentField,
  ) =>
    found.push({
      check,
      country,
      benchmark: benchmark.name,
      provision: benchmark.provisions[check],
      severity,
      explanation,
      ...(field ? { field } : {}),
    });
  for (const reason of [...rules.exclusionReasons, ...rules.setAside.exclusionReasons]) {
    const verdict = exclusionVerdict(reason, country);
    if (verdict.kind === 'not-allowed') {
      add(
        'exclusion-behaviour',
        `The policy excludes complaints because "${reason.label}". Unacceptable behaviour is never a reason to refuse a complaint or its escalation: a landlord may restrict how someone contacts it, but must still consider the complaint. PutRight never offers it as a reason.`,
      );
    }
  }
  const others = rules.exclusionReasons.filter((r) => exclusionVerdict(r, country).kind === 'allowed');
  if (others.length > 0) {
    add(
      'exclusion-reasons',
      `Besides the exclusions ${benchmark.shortName} names, the policy excludes: ${others.map((r) => `"${r.label}"`).join('; ')}. Each must be fair and reasonable, and decided case by case, never as a blanket rule.`,
      'advisory',
    );
  }

  if (rules.timeLimit && bench.timeLimit) {
    if (approximateDays(rules.timeLimit.period) < approximateDays(bench.timeLimit.period)) {
      add(
        'time-limit',
        `The policy refuses complaints more than ${describePeriod(rules.timeLimit.period)} after the issue; ${benchmark.shortName} allows ${describePeriod(bench.timeLimit.period)}.`,
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
          `The policy sends no stage ${stage} acknowledgement; ${benchmark.shortName} requires one within ${theirs.acknowledgement.workingDays} working days.`,
        );
      } else if (mine.acknowledgement.workingDays > theirs.acknowledgement.workingDays) {
        add(
          ackCheck,
          `Stage ${stage} acknowledgement within ${mine.acknowledgement.workingDays} working days is later than ${benchmark.shortName}'s ${theirs.acknowledgement.workingDays}.`,
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
        `Stage ${stage} response within ${mine.response.workingDays} working days of ${mine.response.from.replace(/-/g, ' ')} can be later than ${benchmark.shortName}'s ${theirs.response.workingDays} working days of ${theirs.response.from.replace(/-/g, ' ')}.`,
      );
    }
    const capCheck = stage === 1 ? 'stage-1-extension-cap' : 'stage-2-extension-cap';
    const benchCap = theirs.extension.capWorkingDays;
    if (benchCap !== null) {
      if (mine.extension.capWorkingDays === null) {
        add(
          capCheck,
          `Stage ${stage} extensions have no cap; without a good reason an extension may be at most ${benchCap} working days. PutRight measures each case against ${benchmark.shortName}'s cap as well as the policy.`,
        );
      } else if (mine.extension.capWorkingDays > benchCap) {
        add(
          capCheck,
          `Stage ${stage} extensions of up to ${mine.extension.capWorkingDays} working days exceed ${benchmark.shortName}'s ${benchCap}.`,
        );
      }
    }
    if (
      mine.extension.ombudsmanDetails === 'when-no-new-date-agreed' &&
      theirs.extension.ombudsmanDetails === 'every-extension'
    ) {
      add(
        stage === 1 ? 'stage-1-extension-ombudsman-details' : 'stage-2-extension-ombudsman-details',
        `The policy gives the Ombudsman's details with a stage ${stage} extension only when no new date can be agreed; they must be given with every extension. PutRight asks staff to confirm them every time.`,
      );
    }
  }
  if (rules.escalation.reasonsRequired && !bench.escalation.reasonsRequired) {
    add(
      'escalation-reasons',
      'The policy requires the resident to give reasons to escalate to stage 2; residents must not be required to explain why. PutRight records any reason given but never refuses an escalation for lack of one.',
    );
  }
  if (rules.escalation.gate && !bench.escalation.gate) {
    add(
      'escalation-gate',
      `The policy lets ${rules.escalation.gate.description} decide whether a complaint goes to stage 2; a complaint not resolved at stage 1 must go to stage 2 on request, unless an exclusion applies. PutRight escalates on request and allows a refusal only on an exclusion ground.`,
    );
  }
  const window = rules.escalation.window;
  const benchWindow = bench.escalation.window;
  if (window && !benchWindow) {
    add(
      'escalation-window',
      `The policy asks for stage 2 requests within ${describeWindow(window)}, which ${benchmark.shortName} does not. PutRight never refuses a late request automatically: it flags it for a recorded decision with discretion.`,
      'advisory',
    );
  } else if (window && benchWindow && daysAfterResponse(window) < daysAfterResponse(benchWindow)) {
    add(
      'escalation-window',
      `The policy asks for stage 2 requests within ${describeWindow(window)}, shorter than ${benchmark.shortName}'s ${describeWindow(benchWindow)}.`,
    );
  }
  if (rules.stage2.handler.mayBeStage1Handler && !bench.stage2.handler.mayBeStage1Handler) {
    add(
      'stage-2-handler',
      `The stage 2 handler rule ("${rules.stage2.handler.description}") does not stop the stage 1 handler considering the complaint at stage 2. PutRight refuses the stage 1 handler at stage 2 all the same.`,
    );
  }
  for (const field of rules.notStated) {
    add(
      FIELD_CHECKS[field],
      `Not stated: ${benchmark.shortName}'s rule applies, ${describeBenchmarkValue(bench, field)}.`,
      'not-stated',
      field,
    );
  }
  return found;
}

/** Every finding for each country the policy has rules for, its main country first. */
export function checkCompliance(policy: Policy): Finding[] {
  return countriesOf(policy).flatMap((country) => {
    const rules = policy.rules[country];
    return rules ? checkRuleSet(rules, country, benchmarkFor(country)) : [];
  });
}

/** The countries a policy covers, its main one first. */
export function countriesOf(policy: Policy): Country[] {
  return [policy.defaultCountry, ...COUNTRIES.filter((c) => c !== policy.defaultCountry && policy.rules[c])];
}
