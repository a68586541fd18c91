import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { findPreset } from '../../src/domain/policy/presets/index.ts';
import type { Policy } from '../../src/domain/policy/policy-schema.ts';
import { insertPolicyVersion } from '../../src/modules/organisations/organisation.repository.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  HANDLER,
  OFFICER,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';

void describe('a case keeps the policy version in force when it was received', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  void it('cases received before a new version keep the old rules; later ones get the new', async () => {
    const org = await createTestOrganisation(t, 'hos-code-2024');
    const code = findPreset('hos-code-2024')!;
    const rules = code.rules.england!;
    // Version 2, from 1 April 2026: acknowledge within 3 working days instead of 5.
    const v2: Policy = {
      ...code,
      version: 2,
      effectiveFrom: '2026-04-01',
      rules: {
        england: {
          ...rules,
          stage1: { ...rules.stage1, acknowledgement: { workingDays: 3, from: 'receipt' } },
        },
      },
    };
    await t.database.db.privileged((tx) => insertPolicyVersion(tx, org.organisationId, randomUUID(), v2));

    t.clock.set('2026-04-20T10:00:00Z');
    // Received in March (a letter logged late): version 1, 5 working days from Mon 2 March = 9 March.
    const before = await api(
      t,
      org,
      'POST',
      '/api/v1/complaints',
      complaintInput({ receivedAt: '2026-03-02T10:00:00Z' }),
    );
    assert.equal(before.body.policy.version, 1);
    assert.equal(before.body.deadlines.stage1Acknowledgement.due, '2026-03-09');
    // Received on Mon 13 April: version 2, 3 working days = Thu 16 April.
    const afterChange = await api(
      t,
      org,
      'POST',
      '/api/v1/complaints',
      complaintInput({ receivedAt: '2026-04-13T10:00:00Z' }),
    );
    assert.equal(afterChange.body.policy.version, 2);
    assert.equal(afterChange.body.deadlines.stage1Acknowledgement.due, '2026-04-16');

    // Acting on the old case later still uses version 1, and every event records it.
    await api(t, org, 'POST', `/api/v1/complaints/${before.body.id}/accept`, { actor: OFFICER });
    const acked = await api(t, org, 'POST', `/api/v1/complaints/${before.body.id}/acknowledge`, {
      actor: HANDLER,
      handler: HANDLER,
      points: [{ text: 'Late repair' }],
      outcomesSought: ['Repair'],
    });
    assert.equal(acked.body.policy.version, 1);
    assert.equal(acked.body.deadlines.stage1Acknowledgement.met, false);
    const timeline = await api(t, org, 'GET', `/api/v1/complaints/${before.body.id}/timeline`);
    assert.ok(timeline.body.events.every((e: { policy: { version: number } }) => e.policy.version === 1));

    const policy = await api(t, org, 'GET', '/api/v1/policy');
    assert.equal(policy.body.policy.version, 2);
  });
});
