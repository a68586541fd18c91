import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { latestExtensionWithoutGoodReason } from '../../../../src/domain/complaint/extension-limit.ts';
import type { Country } from '../../../../src/domain/policy/country.ts';
import { PRESETS } from '../../../../src/domain/policy/presets/index.ts';
import { receiveCase } from './case-builder.ts';

/** Every preset with every country it has rules for (shown by key in counterexamples). */
const presetArb = fc
  .constantFrom(...PRESETS.flatMap((policy) => Object.keys(policy.rules).map((c) => `${policy.key}|${c}`)))
  .map((key) => {
    const [policyKey, country] = key.split('|');
    const policy = PRESETS.find((x) => x.key === policyKey);
    assert.ok(policy);
    return { policy, country: country as Country, toString: () => key };
  });
const receivedArb = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-06-30T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const EXTENSION = { reason: 'Waiting for a surveyor', ombudsmanDetailsGiven: true } as const;

void describe('the latest extension without a good reason, as the form states it', () => {
  void it('is accepted by the rules without a good reason, and the next working day is not', () => {
    fc.assert(
      fc.property(presetArb, receivedArb, (p, receivedAt) => {
        const c = receiveCase({ policy: p.policy, receivedAt, input: { country: p.country } });
        c.accept().acknowledge();
        const original = c.deadline('stage-1-response').originalDue;
        const cap = c.rules.stage1.extension.capWorkingDays;
        const latest = latestExtensionWithoutGoodReason(original, cap, c.calendar);
        if (cap === null) {
          assert.equal(latest, null);
          return;
        }
        assert.ok(latest);
        assert.ok(c.calendar.isWorkingDay(latest), `${latest} is a working day`);
        if (cap === 0) return; // no extension at all: the date is the deadline itself
        c.decide('extend', { ...EXTENSION, newDueDate: latest });
        const next = c.calendar.addWorkingDays(latest, 1);
        c.refused('extension-beyond-cap', 'extend', { ...EXTENSION, newDueDate: next });
        c.decide('extend', { ...EXTENSION, newDueDate: next, goodReason: 'complexity' });
      }),
      { numRuns: 100 },
    );
  });
});
