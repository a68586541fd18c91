import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { policySchema, type Policy, type RuleSet } from '../../../../src/domain/policy/policy-schema.ts';
import {
  DEFAULT_PRESET_KEY,
  findPreset,
  PRESET_KEYS,
  PRESETS,
} from '../../../../src/domain/policy/presets/index.ts';
import {
  CARE_INSPECTORATE,
  CODE_2024_RULES,
  FIRST_TIER_TRIBUNAL_PROPERTY,
  HOUSING_OMBUDSMAN,
  LGSCO,
  SPSO,
} from '../../../../src/domain/policy/presets/shared-rules.ts';

const EXPECTED_KEYS = [
  'hos-code-2024',
  'spso-mchp',
  'people-first',
  'association-2022',
  'homes-plus',
  'one-manchester',
  'peaks-and-plains',
];

function preset(key: string): Policy {
  const found = findPreset(key);
  assert.ok(found, `preset ${key} exists`);
  return found;
}

function rules(key: string, jurisdiction: keyof Policy['rules'] = 'england-and-wales'): RuleSet {
  const found = preset(key).rules[jurisdiction];
  assert.ok(found, `preset ${key} has ${jurisdiction} rules`);
  return found;
}

function allRuleSets(): [string, RuleSet][] {
  return PRESETS.flatMap((p) =>
    Object.entries(p.rules).map(([j, r]): [string, RuleSet] => {
      assert.ok(r);
      return [`${p.key}/${j}`, r];
    }),
  );
}

void describe('policy presets', () => {
  for (const p of PRESETS) {
    void it(`${p.key} is a valid policy that survives parsing unchanged`, () => {
      const parsed = policySchema.parse(p);
      assert.deepEqual(parsed, p);
    });
  }

  void it('lists the presets in the agreed order with unique keys', () => {
    assert.deepEqual(
      PRESETS.map((p) => p.key),
      EXPECTED_KEYS,
    );
    assert.deepEqual([...PRESET_KEYS], EXPECTED_KEYS);
    assert.equal(new Set(PRESET_KEYS).size, PRESET_KEYS.length);
  });

  void it('finds presets by key', () => {
    for (const p of PRESETS) assert.equal(findPreset(p.key), p);
    assert.equal(findPreset('no-such-policy'), undefined);
    assert.equal(DEFAULT_PRESET_KEY, 'hos-code-2024');
    assert.equal(findPreset(DEFAULT_PRESET_KEY)?.key, 'hos-code-2024');
  });

  void it('names the external body for all services last, and uses unique exclusion codes', () => {
    for (const [where, r] of allRuleSets()) {
      assert.equal(r.externalBodies.at(-1)?.serviceType, 'all', `${where}: the 'all' body comes last`);
      const codes = r.exclusionReasons.map((e) => e.code);
      assert.equal(new Set(codes).size, codes.length, `${where}: exclusion codes are unique`);
    }
  });

  void it('every preset starts at version 1', () => {
    for (const p of PRESETS) assert.equal(p.version, 1);
  });
});

void describe('hos-code-2024', () => {
  void it('runs the Code for England and Wales (default) and Northern Ireland', () => {
    const p = preset('hos-code-2024');
    assert.equal(p.defaultJurisdiction, 'england-and-wales');
    assert.equal(p.rules['england-and-wales'], CODE_2024_RULES);
    assert.equal(p.rules['northern-ireland'], CODE_2024_RULES);
    assert.equal(p.rules.scotland, undefined);
    assert.equal(p.effectiveFrom, '2024-04-01');
  });
});

void describe('spso-mchp', () => {
  const r = rules('spso-mchp', 'scotland');

  void it('is Scottish by default', () => {
    assert.equal(preset('spso-mchp').defaultJurisdiction, 'scotland');
  });

  void it('has no separate stage 1 acknowledgement: a frontline response in 5 working days from receipt', () => {
    assert.equal(r.stage1.acknowledgement, null);
    assert.deepEqual(r.stage1.response, { workingDays: 5, from: 'receipt' });
    assert.equal(r.stage1.extension.capWorkingDays, 5);
  });

  void it('acknowledges stage 2 in 3 and responds in 20, extension capped at 10, not by the stage 1 handler', () => {
    assert.deepEqual(r.stage2.acknowledgement, { workingDays: 3, from: 'escalation-request' });
    assert.deepEqual(r.stage2.response, { workingDays: 20, from: 'acknowledgement' });
    assert.equal(r.stage2.extension.capWorkingDays, 10);
    assert.equal(r.stage2.handler.mayBeStage1Handler, false);
  });

  void it('uses the 6 months / 2 months escalation window and a 6-month time limit with discretion', () => {
    assert.deepEqual(r.escalation.window, {
      kind: 'later-of',
      afterEvent: { unit: 'months', value: 6 },
      afterStage1Response: { unit: 'months', value: 2 },
    });
    assert.equal(r.escalation.reasonsRequired, false);
    assert.deepEqual(r.timeLimit?.period, { unit: 'months', value: 6 });
    assert.equal(r.timeLimit?.discretion, true);
    assert.deepEqual(r.externalBodies, [SPSO]);
  });
});

void describe('people-first (seed 000)', () => {
  const r = rules('people-first');

  void it('keeps the Code timescales and sends stage 2 to the Chief Executive', () => {
    assert.deepEqual(r.stage1.acknowledgement, { workingDays: 5, from: 'receipt' });
    assert.deepEqual(r.stage2.response, { workingDays: 20, from: 'acknowledgement' });
    assert.match(r.stage2.handler.description, /Chief Executive \(Operations Director in their absence\)/);
    assert.equal(r.stage2.handler.mayBeStage1Handler, false);
  });

  void it('has a 12-month time limit except for safeguarding and health and safety', () => {
    assert.deepEqual(r.timeLimit?.period, { unit: 'months', value: 12 });
    assert.deepEqual(
      r.timeLimit?.exceptions.map((e) => e.code),
      ['safeguarding', 'health-and-safety'],
    );
  });

  void it('sends community support users to the commissioner, everyone else to the Ombudsman', () => {
    assert.equal(r.externalBodies[0]?.serviceType, 'community-support');
    assert.match(r.externalBodies[0]?.name ?? '', /Manchester/);
    assert.equal(r.externalBodies.at(-1), HOUSING_OMBUDSMAN);
  });

  void it('surveys about 28 days after closure and answers suggestions within a week', () => {
    assert.deepEqual(r.survey?.afterClosure, { unit: 'calendar-days', value: 28 });
    assert.deepEqual(r.suggestionOutcome, { unit: 'calendar-days', value: 7 });
    assert.ok(r.reportingRhythm.some((line) => /May and December/.test(line)));
  });
});

void describe('association-2022 (seed 001)', () => {
  const r = rules('association-2022');

  void it('acknowledges in 2 working days, not anonymous complaints, and responds 10 from receipt', () => {
    assert.deepEqual(r.stage1.acknowledgement, { workingDays: 2, from: 'receipt' });
    assert.equal(r.stage1.acknowledgeAnonymous, false);
    assert.deepEqual(r.stage1.response, { workingDays: 10, from: 'receipt' });
    assert.equal(r.stage1.extension.capWorkingDays, 10);
  });

  void it('runs stage 2 like stage 1: 2 to acknowledge, 20 from the request, extension capped at 10', () => {
    assert.deepEqual(r.stage2.acknowledgement, { workingDays: 2, from: 'escalation-request' });
    assert.deepEqual(r.stage2.response, { workingDays: 20, from: 'escalation-request' });
    assert.equal(r.stage2.extension.capWorkingDays, 10);
    assert.match(r.stage2.handler.description, /^a Director/);
  });

  void it('allows escalation within 20 working days of the stage 1 response and falls back on the Code time limit', () => {
    assert.deepEqual(r.escalation.window, {
      kind: 'after-stage-1-response',
      period: { unit: 'working-days', value: 20 },
    });
    assert.deepEqual(r.timeLimit, CODE_2024_RULES.timeLimit);
  });

  void it('encodes the survey, restrictions, Ombudsman and reporting rules', () => {
    assert.deepEqual(r.externalBodies, [FIRST_TIER_TRIBUNAL_PROPERTY, HOUSING_OMBUDSMAN]);
    assert.deepEqual(r.survey?.afterClosure, { unit: 'months', value: 1 });
    assert.equal(r.survey?.dissatisfiedCallBackWorkingDays, 10);
    assert.equal(r.restrictions.maxMonths, 6);
    assert.equal(r.restrictions.appealDecisionWorkingDays, 10);
    assert.equal(r.restrictions.neverRestricted.length, 2);
    assert.deepEqual(r.ombudsman, { informationRequestWorkingDays: 15, notifyBoardWorkingDays: 5 });
    assert.ok(r.reportingRhythm.some((line) => /quarterly/i.test(line)));
    assert.equal(preset('association-2022').effectiveFrom, '2022-10-01');
  });
});

void describe('homes-plus (seed 002)', () => {
  const england = rules('homes-plus', 'england-and-wales');
  const scotland = rules('homes-plus', 'scotland');

  void it('has rule sets for England and Wales (default) and Scotland', () => {
    assert.equal(preset('homes-plus').defaultJurisdiction, 'england-and-wales');
    assert.deepEqual(Object.keys(preset('homes-plus').rules).sort(), ['england-and-wales', 'scotland']);
  });

  void it('uses the Code timescales in England', () => {
    assert.deepEqual(england.stage1.acknowledgement, { workingDays: 5, from: 'receipt' });
    assert.deepEqual(england.stage1.response, { workingDays: 10, from: 'acknowledgement' });
    assert.equal(england.stage2.extension.capWorkingDays, 20);
    assert.deepEqual(england.externalBodies[0], LGSCO);
    assert.equal(england.externalBodies.at(-1), HOUSING_OMBUDSMAN);
  });

  void it('uses a 5-day frontline response from receipt and a 3-day stage 2 acknowledgement in Scotland', () => {
    assert.equal(scotland.stage1.acknowledgement, null);
    assert.deepEqual(scotland.stage1.response, { workingDays: 5, from: 'receipt' });
    assert.deepEqual(scotland.stage2.acknowledgement, { workingDays: 3, from: 'escalation-request' });
    assert.equal(scotland.stage2.extension.capWorkingDays, 10);
    assert.deepEqual(scotland.externalBodies[0], CARE_INSPECTORATE);
    assert.equal(scotland.externalBodies.at(-1), SPSO);
  });

  void it('applies the 12-month time limit and the 6 months / 2 months escalation window in both', () => {
    for (const r of [england, scotland]) {
      assert.deepEqual(r.timeLimit?.period, { unit: 'months', value: 12 });
      assert.equal(r.escalation.window?.kind, 'later-of');
      assert.ok(r.externalBodies.some((b) => b.serviceType === 'leasehold-service-charges'));
      assert.ok(r.exclusionReasons.some((e) => e.code === 'compensation-only'));
    }
  });
});

void describe('one-manchester (seed 003)', () => {
  const r = rules('one-manchester');

  void it('sends stage 2 to a senior manager not previously involved, and decides refusals within 5', () => {
    assert.equal(r.stage2.handler.description, 'a senior manager not previously involved');
    assert.equal(r.stage2.handler.excludeAnyoneInvolvedAtStage1, true);
    assert.equal(r.stage2.handler.mayBeStage1Handler, false);
    assert.deepEqual(r.stage2.escalationDecision, { workingDays: 5 });
  });

  void it('allows escalation within 12 months of the stage 1 complaint', () => {
    assert.deepEqual(r.escalation.window, { kind: 'after-receipt', period: { unit: 'months', value: 12 } });
    assert.equal(r.escalation.reasonsRequired, false);
    assert.deepEqual(r.externalBodies, [HOUSING_OMBUDSMAN]);
  });
});

void describe('peaks-and-plains (seed 004)', () => {
  const r = rules('peaks-and-plains');

  void it('has a 6-month time limit except for safeguarding and health and safety', () => {
    assert.deepEqual(r.timeLimit?.period, { unit: 'months', value: 6 });
    assert.deepEqual(
      r.timeLimit?.exceptions.map((e) => e.code),
      ['safeguarding', 'health-and-safety'],
    );
  });

  void it('has no cap on extensions at either stage', () => {
    assert.equal(r.stage1.extension.capWorkingDays, null);
    assert.equal(r.stage2.extension.capWorkingDays, null);
  });

  void it('puts a 2-day quick fix before stage 1 and a first contact 3 days after the acknowledgement', () => {
    assert.deepEqual(r.stage1.earlyResolution, { name: 'Quick fix', workingDays: 2, withinStage1: false });
    assert.deepEqual(r.stage1.firstContact, { workingDays: 3, from: 'acknowledgement' });
  });

  void it('requires reasons within 20 working days of the stage 1 response to escalate', () => {
    assert.deepEqual(r.escalation, {
      window: { kind: 'after-stage-1-response', period: { unit: 'working-days', value: 20 } },
      reasonsRequired: true,
    });
  });

  void it('lets the departmental Senior Manager handle stage 2, 20 working days from the acknowledgement', () => {
    assert.deepEqual(r.stage2.acknowledgement, { workingDays: 5, from: 'escalation-request' });
    assert.deepEqual(r.stage2.response, { workingDays: 20, from: 'acknowledgement' });
    assert.equal(r.stage2.handler.description, 'the Senior Manager of the relevant department');
    assert.equal(r.stage2.handler.mayBeStage1Handler, true);
  });

  void it('lists its own exclusion reasons, including unacceptable behaviour', () => {
    const codes = r.exclusionReasons.map((e) => e.code);
    assert.ok(codes.includes('outside-time-limit'));
    assert.ok(codes.includes('unacceptable-behaviour'));
    assert.equal(preset('peaks-and-plains').effectiveFrom, '2023-07-01');
  });
});
