import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCompliance, type Finding } from '../../../../src/domain/policy/compliance-check.ts';
import type { Country } from '../../../../src/domain/policy/country.ts';
import type { Policy, RuleSet } from '../../../../src/domain/policy/policy-schema.ts';
import {
  HOMES_PLUS,
  HOS_CODE_2024,
  NIPSO_MODEL,
  PEAKS_AND_PLAINS,
  PRESETS,
  PSOW_MODEL,
  SPSO_MCHP,
} from '../../../../src/domain/policy/presets/index.ts';
import { CODE_2024_RULES, SPSO_MCHP_RULES } from '../../../../src/domain/policy/presets/shared-rules.ts';
import {
  benchmarkFor,
  HOUSING_OMBUDSMAN_CODE,
  NIPSO_MODEL_PROCEDURE,
  PSOW_MODEL_POLICY,
  SPSO_MODEL_PROCEDURE,
} from '../../../../src/domain/policy/regimes.ts';

function policyWith(rules: Policy['rules'], defaultCountry: Country = 'england'): Policy {
  return { ...HOS_CODE_2024, key: 'made-up', name: 'A made-up policy', defaultCountry, rules };
}

function rulesLike(base: RuleSet, change: (rules: RuleSet) => void): RuleSet {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

const summary = (findings: Finding[]) =>
  findings.map((d) => `${d.country} ${d.check} ${d.provision} ${d.severity}`);

void describe('each benchmark runs clean against itself', () => {
  for (const benchmark of [HOS_CODE_2024, PSOW_MODEL, SPSO_MCHP, NIPSO_MODEL]) {
    void it(benchmark.key, () => {
      assert.deepEqual(checkCompliance(benchmark), []);
    });
  }

  void it('each country has its own benchmark', () => {
    assert.equal(benchmarkFor('england'), HOUSING_OMBUDSMAN_CODE);
    assert.equal(benchmarkFor('wales'), PSOW_MODEL_POLICY);
    assert.equal(benchmarkFor('scotland'), SPSO_MODEL_PROCEDURE);
    assert.equal(benchmarkFor('northern-ireland'), NIPSO_MODEL_PROCEDURE);
  });
});

void describe('every preset', () => {
  void it('reports exactly the departures and silences a careful reading of its seed gives', () => {
    const actual = Object.fromEntries(
      PRESETS.map((p) => [p.key, summary(checkCompliance(p).filter((d) => d.severity !== 'advisory'))]),
    );
    assert.deepEqual(actual, {
      'hos-code-2024': [],
      'psow-model': [],
      'spso-mchp': [],
      'nipso-model': [],
      // Seed 000: its unacceptable-behaviour exclusion (§3, appendix 6); silent on escalating late.
      'people-first': [
        'england exclusion-behaviour 2.2, 5.15 departure',
        'england escalation-window 6.10 not-stated',
      ],
      // Seed 001: the Ombudsman's details with an extension only when no new date is agreed (Pr§2.7, Pr§3.2).
      'association-2022': [
        'england stage-1-extension-ombudsman-details 6.5 departure',
        'england stage-2-extension-ombudsman-details 6.16 departure',
      ],
      // Seed 002: England silent on who handles stage 2; Scotland answers stage 2 20 working days from the
      // acknowledgement (the SPSO from the request) and is silent on three of the SPSO's rules.
      'homes-plus': [
        'england stage-2-handler 6.13 not-stated',
        'scotland stage-2-response MCHP Part 4: stage 2, timelines departure',
        'scotland stage-1-acknowledgement MCHP Part 3: stage 1, frontline response not-stated',
        'scotland stage-1-extension-cap MCHP Part 3: stage 1, extension to the timeline not-stated',
        'scotland stage-2-handler MCHP Part 4: stage 2, investigation not-stated',
      ],
      // Seed 003 follows the Code figure for figure, with stricter rules of its own.
      'one-manchester': [],
      // Seed 004, pre-Code: the most departures, and three silences.
      'peaks-and-plains': [
        'england exclusion-behaviour 2.2, 5.15 departure',
        'england time-limit 2.3 departure',
        'england early-resolution-stage 5.2, 5.3 departure',
        'england stage-1-extension-cap 6.4 departure',
        'england stage-1-extension-ombudsman-details 6.5 departure',
        'england stage-2-extension-cap 6.15 departure',
        'england stage-2-extension-ombudsman-details 6.16 departure',
        'england escalation-reasons 6.12 departure',
        'england escalation-gate 5.11, 6.10 departure',
        'england stage-2-handler 6.13 departure',
        'england stage-1-response 6.3 not-stated',
        'england stage-2-acknowledgement 6.11 not-stated',
        'england time-limit-discretion 2.3 not-stated',
      ],
    });
  });

  void it('a silence says the benchmark’s rule applies, in words', () => {
    const silences = checkCompliance(PEAKS_AND_PLAINS).filter((d) => d.severity === 'not-stated');
    assert.deepEqual(
      silences.map((d) => d.explanation),
      [
        "Not stated: the Code's rule applies, a response within 10 working days from acknowledgement.",
        "Not stated: the Code's rule applies, an acknowledgement within 5 working days from the request.",
        "Not stated: the Code's rule applies, discretion to accept older complaints.",
      ],
    );
    assert.deepEqual(
      silences.map((d) => d.field),
      ['stage1.response', 'stage2.acknowledgement', 'timeLimit.discretion'],
    );
  });

  void it('the escalation-window advice cites 6.10, not the stage 2 acknowledgement (6.11)', () => {
    const advice = checkCompliance(PEAKS_AND_PLAINS).filter((d) => d.check === 'escalation-window');
    assert.deepEqual(
      advice.map((d) => [d.provision, d.severity]),
      [['6.10', 'advisory']],
    );
  });
});

void describe('what the check compares', () => {
  const code = (change: (r: RuleSet) => void) =>
    checkCompliance(policyWith({ england: rulesLike(CODE_2024_RULES, change) }));

  void it('stricter timescales than the Code, and no time limit at all, are compliant', () => {
    assert.deepEqual(
      code((r) => {
        r.stage1.acknowledgement = { workingDays: 3, from: 'receipt' };
        r.stage1.response = { workingDays: 8, from: 'acknowledgement' };
        r.stage1.extension.capWorkingDays = 5;
        r.stage2.response = { workingDays: 15, from: 'acknowledgement' };
        r.timeLimit = null;
      }),
      [],
    );
  });

  void it('slower timescales are departures: 6.2, 6.3 and 6.15', () => {
    assert.deepEqual(
      summary(
        code((r) => {
          r.stage1.acknowledgement = { workingDays: 7, from: 'receipt' };
          r.stage1.response = { workingDays: 12, from: 'acknowledgement' };
          r.stage2.extension.capWorkingDays = 25;
        }),
      ),
      [
        'england stage-1-acknowledgement 6.2 departure',
        'england stage-1-response 6.3 departure',
        'england stage-2-extension-cap 6.15 departure',
      ],
    );
  });

  void it('an exclusion for unacceptable behaviour in a policy file is a departure (2.2, 5.15)', () => {
    const findings = code((r) => {
      r.exclusionReasons = [
        ...r.exclusionReasons,
        { code: 'vexatious', label: 'The complainant is vexatious or persistent' },
      ];
    });
    assert.deepEqual(summary(findings), ['england exclusion-behaviour 2.2, 5.15 departure']);
    assert.match(findings[0]?.explanation ?? '', /never a reason to refuse a complaint or its escalation/);
  });

  void it('other exclusions the Code does not name are advisory: fair, reasonable, case by case (2.2)', () => {
    const findings = code((r) => {
      r.exclusionReasons = [...r.exclusionReasons, { code: 'insurance', label: 'A claim for our insurers' }];
    });
    assert.deepEqual(summary(findings), ['england exclusion-reasons 2.2 advisory']);
    assert.match(findings[0]?.explanation ?? '', /"A claim for our insurers"/);
  });

  void it('the Ombudsman’s details only when no new date is agreed: 6.5 and 6.16', () => {
    assert.deepEqual(
      summary(
        code((r) => {
          r.stage1.extension.ombudsmanDetails = 'when-no-new-date-agreed';
          r.stage2.extension.ombudsmanDetails = 'when-no-new-date-agreed';
        }),
      ),
      [
        'england stage-1-extension-ombudsman-details 6.5 departure',
        'england stage-2-extension-ombudsman-details 6.16 departure',
      ],
    );
  });

  void it('a manager deciding whether to escalate is a gate: 5.11, 6.10', () => {
    assert.deepEqual(
      summary(
        code((r) => {
          r.escalation.gate = { description: 'the Head of Service' };
        }),
      ),
      ['england escalation-gate 5.11, 6.10 departure'],
    );
  });

  void it('a Scottish window shorter than the SPSO’s is a departure; the same window is not', () => {
    const short = rulesLike(SPSO_MCHP_RULES, (r) => {
      r.escalation.window = { kind: 'after-stage-1-response', period: { unit: 'working-days', value: 20 } };
    });
    const findings = checkCompliance(policyWith({ scotland: short }, 'scotland'));
    assert.deepEqual(summary(findings), [
      'scotland escalation-window MCHP Part 2: time limit for escalating to stage 2 departure',
    ]);
    assert.match(findings[0]?.explanation ?? '', /20 working days of the stage 1 response, shorter than/);
    assert.deepEqual(checkCompliance(policyWith({ scotland: SPSO_MCHP_RULES }, 'scotland')), []);
  });

  void it('each country is measured against its own benchmark: the same rules, different findings', () => {
    const scottish = HOMES_PLUS.rules.scotland;
    assert.ok(scottish);
    const inEngland = checkCompliance(policyWith({ england: scottish }));
    assert.ok(inEngland.some((d) => d.check === 'stage-1-acknowledgement' && d.provision === '6.2'));
    const inWales = checkCompliance(policyWith({ wales: CODE_2024_RULES }, 'wales'));
    assert.ok(inWales.every((d) => d.benchmark === PSOW_MODEL_POLICY.name));
  });
});
