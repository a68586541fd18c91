import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { addClosureDay } from '../../src/modules/administration/closure-days.use-case.ts';
import type { StaffPrincipal } from '../../src/modules/staff/staff-principal.ts';
import { cases } from '../../src/platform/db/schema.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  DIRECTOR,
  HANDLER,
  HANDLER_2,
  nameOf,
  OFFICER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';

/** An acknowledgement by one of the test staff, who takes the case. */
const acknowledgement = (who: { staffId: string }) => ({
  actor: who,
  points: [{ text: `Point from ${nameOf(who)}` }],
  outcomesSought: ['A repair'],
  handler: who,
});

void describe('two people acting on one case at once', () => {
  let t: TestApp;
  let org: TestOrganisation;
  before(async () => {
    t = await startTestApp();
    org = await createTestOrganisation(t);
  });
  after(() => t.close());

  async function acceptedCase(): Promise<{ id: string; version: number }> {
    const created = await api(t, org, 'POST', '/api/v1/complaints', complaintInput());
    const accepted = await api(t, org, 'POST', `/api/v1/complaints/${created.body.id}/accept`, {
      actor: OFFICER,
    });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.response.headers.etag, '"2"');
    return accepted.body;
  }

  void it('with If-Match: one wins, the other gets a clear 409, nothing half-written', async () => {
    const c = await acceptedCase();
    const [first, second] = await Promise.all([
      api(t, org, 'POST', `/api/v1/complaints/${c.id}/acknowledge`, acknowledgement(HANDLER), {
        'if-match': '"2"',
      }),
      api(t, org, 'POST', `/api/v1/complaints/${c.id}/acknowledge`, acknowledgement(HANDLER_2), {
        'if-match': '"2"',
      }),
    ]);
    const statuses = [first.status, second.status].sort();
    assert.deepEqual(statuses, [200, 409]);
    const loser = first.status === 409 ? first : second;
    assert.equal(loser.body.title, 'The case has changed');
    assert.match(loser.body.detail, /Reload/);
    const timeline = await api(t, org, 'GET', `/api/v1/complaints/${c.id}/timeline`);
    const types = timeline.body.events.map((e: { type: string }) => e.type);
    assert.deepEqual(types, [
      'complaint-received',
      'complaint-accepted',
      'handler-assigned',
      'complaint-acknowledged',
    ]);
    const current = await api(t, org, 'GET', `/api/v1/complaints/${c.id}`);
    assert.equal(current.body.points.length, 1);
    assert.equal(current.body.version, 4);
  });

  void it('without If-Match: the second is refused (conflict or wrong state), never applied twice', async () => {
    const c = await acceptedCase();
    const results = await Promise.all(
      [HANDLER, HANDLER_2, DIRECTOR].map((who) =>
        api(t, org, 'POST', `/api/v1/complaints/${c.id}/acknowledge`, acknowledgement(who)),
      ),
    );
    assert.equal(results.filter((r) => r.status === 200).length, 1);
    for (const r of results.filter((x) => x.status !== 200))
      assert.ok([409, 422].includes(r.status), JSON.stringify(r.body));
    const timeline = await api(t, org, 'GET', `/api/v1/complaints/${c.id}/timeline`);
    assert.equal(
      timeline.body.events.filter((e: { type: string }) => e.type === 'complaint-acknowledged').length,
      1,
    );
  });

  void it('many concurrent notes: every success is recorded once, in an unbroken sequence', async () => {
    const c = await acceptedCase();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api(t, org, 'POST', `/api/v1/complaints/${c.id}/record-contact`, {
          actor: HANDLER,
          kind: 'note',
          summary: `Note ${i}`,
        }),
      ),
    );
    for (const r of results) assert.ok([200, 409].includes(r.status), JSON.stringify(r.body));
    const successes = results.filter((r) => r.status === 200).length;
    assert.ok(successes >= 1);
    const timeline = await api(t, org, 'GET', `/api/v1/complaints/${c.id}/timeline`);
    assert.deepEqual(
      timeline.body.events.map((e: { sequence: number }) => e.sequence),
      Array.from({ length: 2 + successes }, (_, i) => i + 1),
    );
    const current = await api(t, org, 'GET', `/api/v1/complaints/${c.id}`);
    assert.equal(current.body.version, 2 + successes);
  });

  void it('a stale If-Match is refused even when nobody is racing', async () => {
    const c = await acceptedCase();
    const stale = await api(
      t,
      org,
      'POST',
      `/api/v1/complaints/${c.id}/record-contact`,
      { actor: HANDLER, kind: 'note', summary: 'x' },
      { 'if-match': '"1"' },
    );
    assert.equal(stale.status, 409);
    assert.match(stale.body.detail, /version 1, it is now 2/);
  });

  void it('closure days added at once, while the case changes, all reach its stored deadline', async () => {
    t.clock.set('2026-03-02T10:00:00Z');
    const created = await api(t, org, 'POST', '/api/v1/complaints', complaintInput());
    assert.equal(created.body.deadlines.stage1Acknowledgement.due, '2026-03-09');
    const administrator: StaffPrincipal = {
      organisationId: org.organisationId,
      organisationName: 'Test',
      staffId: randomUUID(),
      sessionId: 'test',
      name: 'Ada Admin',
      email: 'ada@example.test',
      role: 'administrator',
      mustChangePassword: false,
    };
    const deps = { db: t.database.db, clock: t.clock };
    const results = await Promise.allSettled([
      addClosureDay(deps, administrator, { day: '2026-03-04', description: 'Staff training' }),
      api(t, org, 'POST', `/api/v1/complaints/${created.body.id}/record-contact`, {
        actor: HANDLER,
        kind: 'note',
        summary: 'Rang the resident',
      }),
      addClosureDay(deps, administrator, { day: '2026-03-05', description: 'Office move' }),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'fulfilled'],
    );
    const derived = await api(t, org, 'GET', `/api/v1/complaints/${created.body.id}`);
    assert.equal(derived.body.deadlines.stage1Acknowledgement.due, '2026-03-11', 'two working days later');
    const [stored] = await t.database.db.privileged((tx) =>
      tx
        .select({ due: cases.currentDeadlineDue })
        .from(cases)
        .where(eq(cases.caseId, created.body.id as string)),
    );
    assert.equal(stored?.due, '2026-03-11', 'the stored projection, which lists and counts read, agrees');
  });
});
