import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { caseEvents, cases } from '../../src/platform/db/schema.ts';
import { rejectsWithCause } from '../support/test-database.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  HANDLER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';

void describe('tenant isolation', () => {
  let t: TestApp;
  let a: TestOrganisation;
  let b: TestOrganisation;
  let caseOfA: { id: string; reference: string };

  before(async () => {
    t = await startTestApp();
    a = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    b = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing');
    const created = await api(t, a, 'POST', '/api/v1/complaints', complaintInput());
    caseOfA = created.body;
    await api(t, b, 'POST', '/api/v1/complaints', complaintInput({ summary: 'Beta’s own complaint' }));
  });
  after(() => t.close());

  void it('another organisation’s key sees none of its cases in the list', async () => {
    const listB = await api(t, b, 'GET', '/api/v1/complaints');
    assert.equal(listB.status, 200);
    assert.equal(listB.body.items.length, 1);
    assert.ok(listB.body.items.every((c: { id: string }) => c.id !== caseOfA.id));
    const listA = await api(t, a, 'GET', '/api/v1/complaints');
    assert.deepEqual(
      listA.body.items.map((c: { id: string }) => c.id),
      [caseOfA.id],
    );
  });

  void it('another organisation’s key gets 404 by id, by reference, for the timeline and for commands', async () => {
    for (const url of [
      `/api/v1/complaints/${caseOfA.id}`,
      `/api/v1/complaints/${caseOfA.reference}`,
      `/api/v1/complaints/${caseOfA.id}/timeline`,
    ]) {
      const res = await api(t, b, 'GET', url);
      assert.equal(res.status, 404, url);
      assert.equal(res.response.headers['content-type'], 'application/problem+json; charset=utf-8');
    }
    const accept = await api(t, b, 'POST', `/api/v1/complaints/${caseOfA.id}/accept`, { actor: HANDLER });
    assert.equal(accept.status, 404);
    const stillReceived = await api(t, a, 'GET', `/api/v1/complaints/${caseOfA.id}`);
    assert.equal(stillReceived.body.status, 'received');
    assert.equal(stillReceived.body.version, 1);
  });

  void it('row-level security stops a tenant transaction reading or changing another organisation’s rows', async () => {
    const db = t.database.db;
    const seen = await db.forOrganisation(b.organisationId, (tx) =>
      tx.select().from(cases).where(eq(cases.caseId, caseOfA.id)),
    );
    assert.equal(seen.length, 0);
    const everything = await db.forOrganisation(b.organisationId, (tx) =>
      tx.select({ org: cases.organisationId }).from(cases),
    );
    assert.ok(everything.every((r) => r.org === b.organisationId));
    const updated = await db.forOrganisation(b.organisationId, (tx) =>
      tx.update(cases).set({ status: 'closed' }).where(eq(cases.caseId, caseOfA.id)).returning(),
    );
    assert.equal(updated.length, 0);
    await rejectsWithCause(
      db.forOrganisation(b.organisationId, (tx) =>
        tx.insert(caseEvents).values({
          organisationId: a.organisationId,
          caseId: caseOfA.id,
          sequence: 99,
          type: 'complaint-closed',
          occurredAt: new Date(),
          actorId: 'x',
          actorName: 'x',
          policyKey: 'hos-code-2024',
          policyVersion: 1,
          data: {},
        }),
      ),
      /row-level security/,
    );
    // A tenant transaction with no organisation set sees nothing at all.
    const none = await db.forOrganisation('00000000-0000-0000-0000-000000000000', (tx) =>
      tx.select().from(cases),
    );
    assert.equal(none.length, 0);
  });

  void it('the event log is append-only, even for the owner', async () => {
    await rejectsWithCause(
      t.database.db.privileged((tx) => tx.execute(sql`update case_events set type = 'tampered'`)),
      /append-only/,
    );
    await rejectsWithCause(
      t.database.db.privileged((tx) => tx.execute(sql`delete from case_events`)),
      /append-only/,
    );
    const timeline = await api(t, a, 'GET', `/api/v1/complaints/${caseOfA.id}/timeline`);
    assert.equal(timeline.body.events[0].type, 'complaint-received');
  });

  void it('rejects missing, malformed and wrong API keys with 401 problem+json', async () => {
    const none = await api(t, null, 'GET', '/api/v1/complaints');
    assert.equal(none.status, 401);
    assert.match(String(none.response.headers['www-authenticate']), /Bearer/);
    const malformed = await api(t, { apiKey: 'not-a-key' }, 'GET', '/api/v1/complaints');
    assert.equal(malformed.status, 401);
    const wrongSecret = a.apiKey.slice(0, -4) + (a.apiKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const wrong = await api(t, { apiKey: wrongSecret }, 'GET', '/api/v1/complaints');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.title, 'Not signed in');
  });
});
