import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STATUSES } from '../../src/domain/complaint/state.ts';
import { DEADLINE_STATUSES } from '../../src/domain/complaint/deadlines.ts';
import { createDemoLandlord } from '../../src/modules/demo/create-demo-landlord.ts';
import { api, startTestApp, type TestApp } from '../support/test-app.ts';

void describe('the demo landlord', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    t.clock.set(new Date());
  });
  after(() => t.close());

  void it('has realistic cases in every state and every deadline status', async () => {
    const demo = await createDemoLandlord(t.database.db);
    const list = await api(t, demo, 'GET', '/api/v1/complaints?limit=200');
    assert.equal(list.status, 200);
    const statuses = new Set(list.body.items.map((i: { status: string }) => i.status));
    assert.deepEqual(
      [...STATUSES].filter((s) => !statuses.has(s)),
      [],
    );
    const deadlineStatuses = new Set(
      list.body.items.map((i: { deadlineStatus: string }) => i.deadlineStatus),
    );
    assert.deepEqual(
      [...DEADLINE_STATUSES].filter((s) => !deadlineStatuses.has(s) && s !== 'missed'),
      [],
    );
    assert.ok(list.body.items.every((i: { reference: string }) => /^DH-\d{4}-\d{6}$/.test(i.reference)));

    // Each resident is found by what a caller would quote, typed any way.
    interface Item {
      reference: string;
      complainantName: string | null;
      postcode: string | null;
      tenancyReference: string | null;
    }
    const items = list.body.items as Item[];
    const margaret = items.find((i) => i.complainantName === 'Margaret Ellis');
    assert.ok(margaret?.postcode && margaret.tenancyReference);
    const detail = await api(t, demo, 'GET', `/api/v1/complaints/${margaret.reference}`);
    const phone = detail.body.complainant.contact.phone as string;
    assert.match(phone, /^07700 900\d{3}$/);
    for (const q of [
      margaret.tenancyReference.toLowerCase(),
      phone.replace(/\s/g, ''),
      `+44 ${phone.slice(1)}`,
      margaret.postcode.replace(' ', '').toLowerCase(),
    ]) {
      const found = await api(t, demo, 'GET', `/api/v1/complaints?q=${encodeURIComponent(q)}`);
      assert.deepEqual(
        (found.body.items as Item[]).map((i) => i.reference),
        [margaret.reference],
        q,
      );
    }
    // So is the complaint raised about a service request logged with the resident's details.
    const adeyemi = await api(t, demo, 'GET', `/api/v1/complaints?q=${encodeURIComponent('ten009876')}`);
    assert.deepEqual(
      (adeyemi.body.items as Item[]).map((i) => i.complainantName),
      ['Samuel Adeyemi'],
    );
  });
});
