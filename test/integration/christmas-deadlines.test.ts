import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  api,
  complaintInput,
  createTestOrganisation,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';

/**
 * A complaint logged after Christmas with a receivedAt just before it (Wed 23 Dec 2026).
 * England: 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan are holidays, 26 Dec is a Saturday.
 * Scotland also has 2 Jan (a Saturday) substituted on Mon 4 Jan 2027.
 */
void describe('a complaint received just before Christmas 2026', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    t.clock.set('2027-01-06T09:00:00Z');
  });
  after(() => t.close());

  const receipt = complaintInput({
    receivedAt: '2026-12-23T16:45:00Z',
    issueDate: '2026-12-18',
    channel: 'letter',
  });

  void it('England: acknowledgement by Mon 4 Jan, response 10 working days after it', async () => {
    const org = await createTestOrganisation(t, 'hos-code-2024');
    const res = await api(t, org, 'POST', '/api/v1/complaints', receipt);
    assert.equal(res.status, 201);
    assert.equal(res.body.receivedOn, '2026-12-23');
    // 24 Dec (1), 29 (2), 30 (3), 31 (4), 4 Jan (5)
    assert.equal(res.body.deadlines.stage1Acknowledgement.due, '2027-01-04');
    // Not yet acknowledged: provisional from the acknowledgement deadline; 5..8 Jan, 11..15 Jan, 18 Jan.
    assert.equal(res.body.deadlines.stage1Response.due, '2027-01-18');
    // Logged on 6 Jan: the acknowledgement is already late.
    assert.equal(res.body.deadlineStatus, 'overdue');
    assert.equal(res.body.currentDeadline.workingDaysLeft, -2);
  });

  void it('Scotland (SPSO): frontline response 5 Scottish working days after receipt, Tue 5 Jan', async () => {
    const org = await createTestOrganisation(t, 'spso-mchp');
    const res = await api(t, org, 'POST', '/api/v1/complaints', receipt);
    assert.equal(res.status, 201);
    assert.equal(res.body.country, 'scotland');
    assert.equal(res.body.bankHolidays, 'scotland');
    assert.equal(res.body.ombudsman.id, 'spso', 'the Scottish Ombudsman, not the Housing Ombudsman');
    assert.equal(res.body.deadlines.stage1Acknowledgement, undefined);
    // 24 Dec (1), 29 (2), 30 (3), 31 (4), 5 Jan (5): 1 Jan and 4 Jan (2 Jan substitute) are holidays.
    assert.equal(res.body.deadlines.stage1Response.due, '2027-01-05');
  });

  void it('Homes Plus runs its England and Scotland rules side by side for one landlord', async () => {
    const org = await createTestOrganisation(t, 'homes-plus');
    const england = await api(t, org, 'POST', '/api/v1/complaints', receipt);
    const scotland = await api(t, org, 'POST', '/api/v1/complaints', {
      ...receipt,
      country: 'scotland',
    });
    assert.equal(england.body.deadlines.stage1Acknowledgement.due, '2027-01-04');
    assert.equal(scotland.body.deadlines.stage1Response.due, '2027-01-05');
  });

  void it('an event just after midnight in British Summer Time counts from the local date', async () => {
    t.clock.set('2026-07-01T09:00:00Z');
    const org = await createTestOrganisation(t, 'hos-code-2024');
    // 23:30 UTC on 30 June is 00:30 on Wednesday 1 July in London.
    const res = await api(
      t,
      org,
      'POST',
      '/api/v1/complaints',
      complaintInput({ receivedAt: '2026-06-30T23:30:00Z', issueDate: '2026-06-29' }),
    );
    assert.equal(res.body.receivedOn, '2026-07-01');
    assert.equal(res.body.deadlines.stage1Acknowledgement.due, '2026-07-08');
    assert.match(res.body.reference, /-2026-\d{6}$/);
  });
});
