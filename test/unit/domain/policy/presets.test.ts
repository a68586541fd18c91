import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COUNTRIES, type Country } from '../../../../src/domain/policy/country.ts';
import { EXTERNAL_BODIES, EXTERNAL_BODY_IDS } from '../../../../src/domain/policy/external-bodies.ts';
import { routesFor } from '../../../../src/domain/policy/external-routes.ts';
import {
  policySchema,
  type Policy,
  type RuleSet,
  type SilentField,
} from '../../../../src/domain/policy/policy-schema.ts';
import {
  DEFAULT_PRESET_FOR,
  DEFAULT_PRESET_KEY,
  findPreset,
  PRESET_KEYS,
  PRESETS,
} from '../../../../src/domain/policy/presets/index.ts';
import { CODE_2024_RULES } from '../../../../src/domain/policy/presets/shared-rules.ts';
import { benchmarkFor, regimeOf } from '../../../../src/domain/policy/regimes.ts';

const EXPECTED_KEYS = [
  'hos-code-2024',
  'psow-model',
  'spso-mchp',
  'nipso-model',
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

function rules(key: string, country: Country = 'england'): RuleSet {
  const found = preset(key).rules[country];
  assert.ok(found, `preset ${key} has ${country} rules`);
  return found;
}

function allRuleSets(): [string, Country, RuleSet][] {
  return PRESETS.flatMap((p) =>
    COUNTRIES.flatMap((c): [string, Country, RuleSet][] => {
      const r = p.rules[c];
      return r ? [[`${p.key}/${c}`, c, r]] : [];
    }),
  );
}

/** The value at a silent field's path, to compare a preset with its benchmark. */
function valueAt(r: RuleSet, field: SilentField): unknown {
  return field.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], r);
}

void describe('policy presets', () => {
  for (const p of PRESETS) {
    void it(`${p.key} is a valid policy that survives parsing unchanged`, () => {
      assert.deepEqual(policySchema.parse(p), p);
    });
  }

  void it('lists each country’s benchmark first, then the five seed policies', () => {
    assert.deepEqual([...PRESET_KEYS], EXPECTED_KEYS);
    assert.equal(new Set(PRESET_KEYS).size, PRESET_KEYS.length);
    for (const p of PRESETS) assert.equal(findPreset(p.key), p);
    assert.equal(findPreset('no-such-policy'), undefined);
    assert.equal(DEFAULT_PRESET_KEY, 'hos-code-2024');
  });

  void it('each country’s default preset is its benchmark, and covers that country alone', () => {
    for (const country of COUNTRIES) {
      const p = preset(DEFAULT_PRESET_FOR[country]);
      assert.equal(p.defaultCountry, country);
      assert.deepEqual(Object.keys(p.rules), [country]);
      assert.equal(p.rules[country], benchmarkFor(country).rules, `${country} runs its benchmark as written`);
    }
  });

  void it('the Code covers England only: no Welsh or Northern Irish landlord is pointed at the Housing Ombudsman', () => {
    assert.deepEqual(Object.keys(preset('hos-code-2024').rules), ['england']);
    for (const [where, country, r] of allRuleSets()) {
      const general = routesFor(r, 'all').map((route) => route.body.id);
      assert.ok(general.includes(regimeOf(country).ombudsman), `${where} names its own Ombudsman`);
      if (country !== 'england') assert.ok(!general.includes('housing-ombudsman'), where);
    }
  });

  void it('names a route for all services, and uses unique exclusion codes', () => {
    for (const [where, , r] of allRuleSets()) {
      assert.ok(
        r.externalRoutes.some((route) => route.serviceType === 'all'),
        where,
      );
      const codes = [...r.exclusionReasons, ...r.setAside.exclusionReasons].map((e) => e.code);
      assert.equal(new Set(codes).size, codes.length, `${where}: exclusion codes are unique`);
    }
  });

  void it('where a seed is silent the preset runs the benchmark’s value, and records the silence', () => {
    for (const [where, country, r] of allRuleSets()) {
      const bench = benchmarkFor(country).rules;
      for (const field of r.notStated) {
        assert.deepEqual(valueAt(r, field), valueAt(bench, field), `${where}: ${field} is the benchmark's`);
      }
    }
  });

  void it('no preset offers unacceptable behaviour as a reason to refuse a complaint (Code 5.15)', () => {
    for (const [where, , r] of allRuleSets()) {
      for (const reason of r.exclusionReasons) {
        assert.doesNotMatch(`${reason.code} ${reason.label}`, /unacceptable|vexatious|abusive/i, where);
      }
    }
    // The seeds that say it keep it, set aside, so the check reports it.
    assert.deepEqual(
      rules('people-first').setAside.exclusionReasons.map((r) => r.code),
      ['unacceptable-behaviour'],
    );
    assert.deepEqual(
      rules('peaks-and-plains').setAside.exclusionReasons.map((r) => r.code),
      ['unacceptable-behaviour'],
    );
  });
});

void describe('each seed as its text says (preset review, section by section)', () => {
  void it('people-first: no escalation window stated; the commissioner at any stage for community support', () => {
    const r = rules('people-first');
    assert.deepEqual(r.notStated, ['escalation.window']);
    const community = routesFor(r, 'community-support');
    assert.deepEqual(
      community.map((route) => route.body.name.split(',')[0]),
      ['Manchester Health and Care Commissioning'],
      'the commissioner instead of the Ombudsman',
    );
    assert.match(community[0]?.when ?? '', /at any stage/);
  });

  void it('association-2022: no time limit; Ombudsman only when no date is agreed; consent; new points are new', () => {
    const r = rules('association-2022');
    assert.equal(r.timeLimit, null, 'the seed sets none (P§3.25–3.27)');
    assert.ok(!r.exclusionReasons.some((e) => e.code === 'outside-time-limit'));
    assert.equal(r.stage1.extension.ombudsmanDetails, 'when-no-new-date-agreed');
    assert.equal(r.stage2.extension.ombudsmanDetails, 'when-no-new-date-agreed');
    assert.equal(r.representatives.consentBeforeDealing, true);
    assert.equal(r.stage2.newPoints, 'new-complaint');
    const leasehold = routesFor(r, 'leasehold-service-charges').map((route) => route.body.id);
    assert.deepEqual(leasehold, ['first-tier-tribunal-property', 'housing-ombudsman'], 'both routes apply');
  });

  void it('homes-plus: consent in both countries; new points new in England only; silences recorded per country', () => {
    const england = rules('homes-plus');
    const scotland = rules('homes-plus', 'scotland');
    assert.equal(england.representatives.consentBeforeDealing, true);
    assert.equal(scotland.representatives.consentBeforeDealing, true);
    assert.equal(england.stage2.newPoints, 'new-complaint');
    assert.equal(scotland.stage2.newPoints, 'add-to-stage-2');
    assert.deepEqual(england.notStated, ['stage2.handler']);
    assert.deepEqual(scotland.notStated, ['stage1.acknowledgement', 'stage1.extension', 'stage2.handler']);
    assert.deepEqual(
      scotland.stage2.response,
      { workingDays: 20, from: 'acknowledgement' },
      '§9.5 as written',
    );
    assert.equal(scotland.escalation.directToStage2, true);
    assert.deepEqual(
      routesFor(england, 'care').map((route) => route.body.id),
      ['lgsco'],
    );
    assert.deepEqual(
      routesFor(scotland, 'care').map((route) => route.body.id),
      ['care-inspectorate', 'spso'],
    );
  });

  void it('one-manchester: consent first; new points at stage 2 are a new complaint; anyone involved is out', () => {
    const r = rules('one-manchester');
    assert.equal(r.representatives.consentBeforeDealing, true);
    assert.equal(r.stage2.newPoints, 'new-complaint');
    assert.equal(r.stage2.handler.excludeAnyoneInvolvedAtStage1, true);
    assert.deepEqual(r.notStated, []);
  });

  void it('peaks-and-plains: a gate, Ombudsman only when no date is agreed, consent, and three silences', () => {
    const r = rules('peaks-and-plains');
    assert.match(r.escalation.gate?.description ?? '', /Senior Manager/);
    assert.equal(r.escalation.reasonsRequired, true);
    assert.equal(r.stage1.extension.ombudsmanDetails, 'when-no-new-date-agreed');
    assert.equal(r.stage2.extension.ombudsmanDetails, 'when-no-new-date-agreed');
    assert.equal(r.representatives.consentBeforeDealing, true);
    assert.deepEqual(r.notStated, ['stage1.response', 'stage2.acknowledgement', 'timeLimit.discretion']);
    assert.deepEqual(r.stage1.firstContact, { workingDays: 3, from: 'acknowledgement' });
  });
});

void describe('the benchmarks', () => {
  void it('the Code: 5, 10 from acknowledgement, cap 10; stage 2 5, 20 from acknowledgement, cap 20', () => {
    const r = CODE_2024_RULES;
    assert.deepEqual(r.stage1.acknowledgement, { workingDays: 5, from: 'receipt' });
    assert.deepEqual(r.stage1.response, { workingDays: 10, from: 'acknowledgement' });
    assert.equal(r.stage1.extension.capWorkingDays, 10);
    assert.deepEqual(r.stage2.acknowledgement, { workingDays: 5, from: 'escalation-request' });
    assert.deepEqual(r.stage2.response, { workingDays: 20, from: 'acknowledgement' });
    assert.equal(r.stage2.extension.capWorkingDays, 20);
    assert.equal(r.escalation.window, null);
    assert.equal(r.escalation.reasonsRequired, false);
  });

  void it('the SPSO and NIPSO models: frontline 5 from receipt; stage 2 ack 3, response 20 from the request', () => {
    for (const country of ['scotland', 'northern-ireland'] as const) {
      const r = benchmarkFor(country).rules;
      assert.equal(r.stage1.acknowledgement, null);
      assert.deepEqual(r.stage1.response, { workingDays: 5, from: 'receipt' });
      assert.equal(r.stage1.extension.capWorkingDays, 5, '10 in total');
      assert.deepEqual(r.stage2.acknowledgement, { workingDays: 3, from: 'escalation-request' });
      assert.deepEqual(r.stage2.response, { workingDays: 20, from: 'escalation-request' });
      assert.equal(r.escalation.directToStage2, true);
      assert.deepEqual(r.escalation.window, {
        kind: 'later-of',
        afterEvent: { unit: 'months', value: 6 },
        afterStage1Response: { unit: 'months', value: 2 },
      });
    }
  });

  void it('the PSOW model: informal resolution in 10, formal acknowledgement 5 and response 20', () => {
    const r = benchmarkFor('wales').rules;
    assert.deepEqual(r.stage1.response, { workingDays: 10, from: 'receipt' });
    assert.deepEqual(r.stage2.acknowledgement, { workingDays: 5, from: 'escalation-request' });
    assert.deepEqual(r.stage2.response, { workingDays: 20, from: 'escalation-request' });
  });
});

void describe('external bodies', () => {
  void it('every body has dated details from a named source, and a way to reach it', () => {
    for (const id of EXTERNAL_BODY_IDS) {
      const body = EXTERNAL_BODIES[id];
      assert.match(body.checkedOn, /^\d{4}-\d{2}-\d{2}$/, id);
      assert.match(body.source, /^https:\/\//, id);
      assert.ok(body.onlineForm ?? body.phone ?? body.email ?? body.post ?? body.note, id);
    }
  });

  void it('the Housing Ombudsman is reached by its online form or phone, not e-mail', () => {
    const hos = EXTERNAL_BODIES['housing-ombudsman'];
    assert.equal(hos.email, undefined);
    assert.ok(hos.onlineForm);
    assert.equal(hos.phone, '0300 111 3000');
    assert.match(hos.note ?? '', /no longer takes new complaints by e-mail/);
  });
});

void describe('policies stored before countries and routes', () => {
  void it('reads a legacy document: its jurisdiction keys become countries, its bodies routes', () => {
    const legacy = {
      ...preset('hos-code-2024'),
      defaultCountry: undefined,
      defaultJurisdiction: 'england-and-wales',
      rules: {
        'england-and-wales': {
          ...CODE_2024_RULES,
          externalRoutes: undefined,
          externalBodies: [
            {
              serviceType: 'all',
              name: 'Housing Ombudsman Service',
              contact: 'PO Box 1484, Unit D, Preston, PR2 0ET; info@housing-ombudsman.org.uk',
            },
          ],
        },
      },
    };
    const read = policySchema.parse(JSON.parse(JSON.stringify(legacy)));
    assert.equal(read.defaultCountry, 'england');
    assert.deepEqual(Object.keys(read.rules), ['england']);
    assert.deepEqual(
      read.rules.england?.externalRoutes.map((r) => r.body),
      ['housing-ombudsman'],
      'a known body by name is its current record, not the old e-mail',
    );
  });
});
