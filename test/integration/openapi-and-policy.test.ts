import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COMPLAINT_COMMANDS } from '../../src/modules/complaints/complaint-commands.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  HANDLER,
  OFFICER,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';

void describe('the OpenAPI document and the policy endpoint', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  void it('describes every endpoint from the same schemas that validate input', async () => {
    const res = await api(t, null, 'GET', '/api/v1/openapi.json');
    assert.equal(res.status, 200);
    const doc = res.body;
    assert.equal(doc.openapi, '3.1.0');
    const paths = Object.keys(doc.paths);
    for (const name of Object.keys(COMPLAINT_COMMANDS)) {
      const op = doc.paths[`/api/v1/complaints/{id}/${name}`]?.post;
      assert.ok(op, name);
      assert.ok(op.requestBody.content['application/json'].schema.properties.actor, `${name} has actor`);
      assert.ok(op.responses['422'], `${name} documents refusals`);
    }
    for (const p of [
      '/api/v1/complaints',
      '/api/v1/complaints/{id}',
      '/api/v1/complaints/{id}/timeline',
      '/api/v1/policy',
    ]) {
      assert.ok(paths.includes(p), p);
    }
    const create = doc.paths['/api/v1/complaints'].post.requestBody.content['application/json'].schema;
    assert.deepEqual([...create.required].sort(), [
      'channel',
      'complainant',
      'issueDate',
      'issueDateKind',
      'receivedAt',
      'serviceArea',
      'summary',
    ]);
    assert.ok(create.properties.channel.enum.includes('social-media'));
    const list = doc.paths['/api/v1/complaints'].get.parameters.map((p: { name: string }) => p.name);
    assert.deepEqual(list, [
      'status',
      'stage',
      'deadlineStatus',
      'handlerId',
      'serviceArea',
      'open',
      'channel',
      'receivedFrom',
      'receivedTo',
      'q',
      'awaiting',
      'dueThisWeek',
      'extended',
      'actionsOverdue',
      'sort',
      'limit',
      'cursor',
    ]);
  });

  void it('shows the organisation its policy and its findings against the Code', async () => {
    const org = await createTestOrganisation(t, 'peaks-and-plains');
    const res = await api(t, org, 'GET', '/api/v1/policy');
    assert.equal(res.status, 200);
    assert.equal(res.body.policy.key, 'peaks-and-plains');
    const departures = res.body.findings
      .filter((d: { severity: string }) => d.severity === 'departure')
      .map((d: { provision: string }) => d.provision);
    for (const p of ['2.3', '5.2, 5.3', '6.4', '6.5', '6.12', '6.15', '5.11, 6.10']) {
      assert.ok(departures.includes(p), p);
    }
    const silences = res.body.findings
      .filter((d: { severity: string }) => d.severity === 'not-stated')
      .map((d: { field: string }) => d.field);
    assert.deepEqual(silences, ['stage1.response', 'stage2.acknowledgement', 'timeLimit.discretion']);
  });

  void it('spins new points off into a linked complaint, both written together', async () => {
    const org = await createTestOrganisation(t);
    t.clock.set('2026-03-02T10:00:00Z');
    const parent = (await api(t, org, 'POST', '/api/v1/complaints', complaintInput())).body;
    await api(t, org, 'POST', `/api/v1/complaints/${parent.id}/accept`, { actor: OFFICER });
    t.clock.set('2026-03-04T10:00:00Z');
    const spun = await api(t, org, 'POST', `/api/v1/complaints/${parent.id}/spin-off`, {
      actor: HANDLER,
      points: [{ text: 'The caretaker was rude' }],
      reason: 'unrelated',
    });
    assert.equal(spun.status, 200, JSON.stringify(spun.body));
    assert.equal(spun.body.linkedCases.length, 1);
    const child = await api(t, org, 'GET', `/api/v1/complaints/${spun.body.linkedCases[0].reference}`);
    assert.equal(child.status, 200);
    assert.equal(child.body.linkedFrom, parent.id);
    assert.equal(child.body.receivedOn, '2026-03-04');
    assert.equal(child.body.deadlines.stage1Acknowledgement.due, '2026-03-11');
    assert.match(child.body.summary, /caretaker was rude/);
  });

  void it('lists with filters and keyset pagination', async () => {
    const org = await createTestOrganisation(t);
    t.clock.set('2026-03-20T10:00:00Z');
    const ids: string[] = [];
    for (let day = 2; day <= 13; day++) {
      const date = `2026-03-${String(day).padStart(2, '0')}`;
      const created = await api(
        t,
        org,
        'POST',
        '/api/v1/complaints',
        complaintInput({ receivedAt: `${date}T10:00:00Z`, serviceArea: day % 2 ? 'repairs' : 'income' }),
      );
      ids.push(created.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api(
        t,
        org,
        'GET',
        `/api/v1/complaints?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...ids].reverse());
    const income = await api(t, org, 'GET', '/api/v1/complaints?serviceArea=income&limit=50');
    assert.equal(income.body.items.length, 6);
    // 12 receipts, 2–13 March (7 and 8 are a weekend). Acknowledgements are due 5 working days later:
    // 9–13 March for 2–8 March, 16–19 March for 9–12 March, 20 March for 13 March. On Friday 20 March
    // the first 11 are overdue and the last is due today: due soon.
    const overdue = await api(t, org, 'GET', '/api/v1/complaints?deadlineStatus=overdue&limit=50');
    assert.equal(overdue.body.items.length, 11);
    const dueSoon = await api(t, org, 'GET', '/api/v1/complaints?deadlineStatus=due-soon&limit=50');
    assert.equal(dueSoon.body.items.length, 1);
    assert.equal(dueSoon.body.items[0].deadlineStatus, 'due-soon');
    const onTrack = await api(t, org, 'GET', '/api/v1/complaints?deadlineStatus=on-track&limit=50');
    assert.equal(onTrack.body.items.length, 0);
  });
});
