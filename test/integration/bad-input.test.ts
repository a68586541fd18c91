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
  type TestOrganisation,
} from '../support/test-app.ts';

const GARBAGE: unknown[] = [
  {},
  [],
  'text',
  42,
  null,
  { actor: 'me' },
  { actor: HANDLER, points: 'x', decisions: [{}], newDueDate: '2026-02-30', itemId: 'Z9' },
];

void describe('bad input gets a clear 4xx problem, never a 5xx, and loses nothing', () => {
  let t: TestApp;
  let org: TestOrganisation;
  let caseId: string;
  before(async () => {
    t = await startTestApp();
    org = await createTestOrganisation(t);
    caseId = (await api(t, org, 'POST', '/api/v1/complaints', complaintInput())).body.id;
  });
  after(() => t.close());

  void it('names each invalid field when creating a complaint', async () => {
    const res = await api(t, org, 'POST', '/api/v1/complaints', {
      ...complaintInput(),
      channel: 'carrier-pigeon',
      issueDate: '2026-13-40',
      complainant: { kind: 'named', name: '' },
      receivedAt: 'yesterday',
    });
    assert.equal(res.status, 400);
    assert.equal(res.response.headers['content-type'], 'application/problem+json; charset=utf-8');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['channel', 'complainant.name', 'issueDate', 'receivedAt']);
    const message = (field: string) =>
      res.body.errors.find((e: { field: string }) => e.field === field).message;
    assert.equal(message('channel'), 'Select how the complaint was made');
    assert.equal(message('complainant.name'), 'Enter the complainant’s name');
    assert.match(message('issueDate'), /^Enter the date of the issue/);
  });

  void it('refuses a service area or category the organisation does not have', async () => {
    const area = await api(t, org, 'POST', '/api/v1/complaints', {
      ...complaintInput(),
      serviceArea: 'no-such-area',
    });
    assert.equal(area.status, 400);
    assert.deepEqual(area.body.errors, [
      { field: 'serviceArea', pointer: '#/serviceArea', message: 'Select a service area from the list' },
    ]);
    const category = await api(t, org, 'POST', '/api/v1/complaints', {
      ...complaintInput(),
      category: 'no-such-category',
    });
    assert.equal(category.status, 400);
    assert.equal(category.body.errors[0].field, 'category');
    const fine = await api(t, org, 'POST', '/api/v1/complaints', {
      ...complaintInput(),
      category: 'damp-and-mould',
    });
    assert.equal(fine.status, 201);
  });

  void it('refuses the NUL character, which PostgreSQL cannot store, naming the field', async () => {
    const created = await api(t, org, 'POST', '/api/v1/complaints', {
      ...complaintInput(),
      summary: 'Before\u0000after',
    });
    assert.equal(created.status, 400);
    assert.deepEqual(
      created.body.errors.map((e: { field: string }) => e.field),
      ['summary'],
    );
    assert.match(created.body.errors[0].message, /NUL character/);
    const listed = await api(t, org, 'GET', '/api/v1/complaints?q=%00');
    assert.equal(listed.status, 400);
    assert.equal(listed.body.errors[0].field, 'q');
  });

  void it('refuses a complaint received in the future, or an issue after receipt, with the field named', async () => {
    t.clock.set('2026-03-02T10:00:00Z');
    const future = await api(
      t,
      org,
      'POST',
      '/api/v1/complaints',
      complaintInput({ receivedAt: '2026-03-03T10:00:00Z' }),
    );
    assert.equal(future.status, 422);
    assert.equal(future.body.errors[0].field, 'receivedAt');
    const backwards = await api(
      t,
      org,
      'POST',
      '/api/v1/complaints',
      complaintInput({ issueDate: '2026-03-05' }),
    );
    assert.equal(backwards.status, 422);
    assert.equal(backwards.body.code, 'issue-after-receipt');
  });

  void it('every command endpoint answers garbage with a 4xx problem and leaves the case untouched', async () => {
    for (const name of Object.keys(COMPLAINT_COMMANDS)) {
      for (const body of GARBAGE) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${caseId}/${name}`,
          headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        assert.ok(
          res.statusCode >= 400 && res.statusCode < 500,
          `${name} ${JSON.stringify(body)} -> ${res.statusCode} ${res.body}`,
        );
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
        const problem = res.json();
        assert.ok(problem.detail.length > 0);
        assert.doesNotMatch(res.body, /at \w+ \(|node_modules/, 'no stack trace');
      }
    }
    const after = await api(t, org, 'GET', `/api/v1/complaints/${caseId}`);
    assert.equal(after.body.version, 1);
  });

  void it('dates outside the supported range are a 400 on the field, never a calendar error', async () => {
    const old = await api(
      t,
      org,
      'POST',
      '/api/v1/complaints',
      complaintInput({ receivedAt: '1980-01-01T00:00:00Z', issueDate: '1979-06-01' }),
    );
    assert.equal(old.status, 400);
    assert.deepEqual(old.body.errors.map((e: { field: string }) => e.field).sort(), [
      'issueDate',
      'receivedAt',
    ]);
    assert.match(old.body.errors[0].message, /between 2000-01-01 and 2089-12-31/);
    const far = await api(t, org, 'POST', `/api/v1/complaints/${caseId}/extend`, {
      actor: HANDLER,
      newDueDate: '2150-01-01',
      reason: 'x',
      ombudsmanDetailsGiven: true,
    });
    assert.equal(far.status, 400);
    assert.equal(far.body.errors[0].field, 'newDueDate');
  });

  void it('malformed JSON, wrong content types, unknown cases and routes are 4xx problems', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
      payload: '{"receivedAt": ',
    });
    assert.equal(broken.statusCode, 400);
    assert.match(String(broken.headers['content-type']), /problem\+json/);
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/xml' },
      payload: '<complaint/>',
    });
    assert.equal(xml.statusCode, 415);
    for (const url of [
      '/api/v1/complaints/00000000-0000-0000-0000-000000000000',
      '/api/v1/complaints/XX-2026-000001',
      '/api/v1/nothing',
    ]) {
      const res = await api(t, org, 'GET', url);
      assert.equal(res.status, 404, url);
      assert.equal(res.body.status, 404);
    }
  });

  void it('list filters are validated, with the allowed values in the message', async () => {
    for (const query of [
      'status=lost',
      'stage=3',
      'deadlineStatus=late',
      'limit=0',
      'limit=1000',
      'cursor=abc',
    ]) {
      const res = await api(t, org, 'GET', `/api/v1/complaints?${query}`);
      assert.equal(res.status, 400, query);
      assert.ok(res.body.errors.length > 0, query);
    }
    const res = await api(t, org, 'GET', '/api/v1/complaints?deadlineStatus=late');
    assert.match(res.body.errors[0].message, /on-track, due-soon, overdue, met, missed/);
  });

  void it('a refused command says why in words staff understand, and changes nothing', async () => {
    const res = await api(t, org, 'POST', `/api/v1/complaints/${caseId}/respond`, {
      actor: HANDLER,
      decisions: [{ pointId: 'P1', outcome: 'upheld', reasons: 'x' }],
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'wrong-state');
    assert.equal(
      res.body.detail,
      'You cannot send the stage 1 response to this complaint: it is received and waiting to be accepted',
    );
    const accepted = await api(t, org, 'POST', `/api/v1/complaints/${caseId}/accept`, { actor: OFFICER });
    assert.equal(accepted.body.version, 2);
  });
});
