import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { triage, type TriageAnswers } from '../../../../src/domain/contact/triage.ts';

const calm: TriageAnswers = {
  kind: 'service-request',
  dissatisfied: false,
  offeredChoice: false,
  residentChose: null,
};

void describe('triage: the choice to complain', () => {
  void it('keeps the kind staff chose when the resident is not unhappy', () => {
    for (const kind of ['complaint', 'service-request', 'compliment', 'suggestion'] as const) {
      assert.deepEqual(triage({ ...calm, kind }), { kind, problems: [] });
    }
  });

  void it('requires a record that an unhappy resident was offered the choice, and what they chose', () => {
    assert.deepEqual(triage({ ...calm, dissatisfied: true }), {
      kind: null,
      problems: [
        {
          field: 'offeredChoice',
          message: 'Confirm the resident was offered the choice to make a complaint',
        },
        { field: 'residentChose', message: 'Select what the resident chose' },
      ],
    });
    assert.deepEqual(triage({ ...calm, dissatisfied: true, residentChose: 'complaint' }).problems, [
      { field: 'offeredChoice', message: 'Confirm the resident was offered the choice to make a complaint' },
    ]);
  });

  void it('makes it a complaint when they choose to complain, whatever it was logged as', () => {
    for (const kind of ['service-request', 'compliment', 'suggestion', 'complaint'] as const) {
      const outcome = triage({ kind, dissatisfied: true, offeredChoice: true, residentChose: 'complaint' });
      assert.deepEqual(outcome, { kind: 'complaint', problems: [] });
    }
  });

  void it('makes it a service request when they choose one', () => {
    const outcome = triage({
      kind: 'complaint',
      dissatisfied: true,
      offeredChoice: true,
      residentChose: 'service-request',
    });
    assert.deepEqual(outcome, { kind: 'service-request', problems: [] });
  });

  void it('keeps the kind when they did not want to complain, but refuses a complaint they did not want', () => {
    const base = { dissatisfied: true, offeredChoice: true, residentChose: 'no-complaint' } as const;
    assert.deepEqual(triage({ ...base, kind: 'suggestion' }), { kind: 'suggestion', problems: [] });
    assert.deepEqual(triage({ ...base, kind: 'complaint' }), {
      kind: null,
      problems: [
        {
          field: 'kind',
          message:
            'The resident did not want to complain, but the kind of contact is a complaint: select another kind, or change what they chose',
        },
      ],
    });
  });
});
