import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { DatabaseInUseError, openDatabase } from '../../src/platform/db/database.ts';
import { createOrganisation } from '../../src/modules/organisations/create-organisation.use-case.ts';
import { complaintInput, HANDLER, insertTestStaff, OFFICER, TestClock } from '../support/test-app.ts';

/** The embedded database is file-backed: a restart loses nothing. (PGlite-specific, runs in every mode.) */
void describe('the embedded database survives a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'putright-restart-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  void it('keeps organisations, keys, cases and their full history', async () => {
    const clock = new TestClock();
    const first = await openDatabase({ dataDir: dir });
    await first.migrate();
    const org = await createOrganisation(first, { name: 'Durable Homes', preset: 'people-first' }, 'test');
    await insertTestStaff(first, org.organisationId);
    const app1 = buildApp({ db: first, clock, logLevel: 'silent' });
    const auth = { authorization: `Bearer ${org.apiKey}` };
    const created = (
      await app1.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: auth,
        payload: complaintInput(),
      })
    ).json();
    await app1.inject({
      method: 'POST',
      url: `/api/v1/complaints/${created.id}/accept`,
      headers: auth,
      payload: { actor: OFFICER },
    });
    await app1.inject({
      method: 'POST',
      url: `/api/v1/complaints/${created.id}/acknowledge`,
      headers: auth,
      payload: { actor: HANDLER, points: [{ text: 'Boiler' }], outcomesSought: ['Repair'], handler: HANDLER },
    });
    await app1.close();
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    await second.migrate(); // a second start re-runs migrations: a no-op
    const app2 = buildApp({ db: second, clock, logLevel: 'silent' });
    const fetched = await app2.inject({
      method: 'GET',
      url: `/api/v1/complaints/${created.reference}`,
      headers: auth,
    });
    assert.equal(fetched.statusCode, 200);
    const body = fetched.json();
    assert.equal(body.status, 'stage-1');
    assert.equal(body.version, 4);
    assert.equal(body.points[0].text, 'Boiler');
    const timeline = (
      await app2.inject({ method: 'GET', url: `/api/v1/complaints/${created.id}/timeline`, headers: auth })
    ).json();
    assert.equal(timeline.events.length, 4);
    const next = (
      await app2.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: auth,
        payload: complaintInput(),
      })
    ).json();
    assert.equal(next.reference, created.reference.replace(/000001$/, '000002'));
    await app2.close();
    await second.close();
  });

  void it('refuses a second process on the same data directory, with a clear message', async () => {
    const first = await openDatabase({ dataDir: dir });
    try {
      await assert.rejects(openDatabase({ dataDir: dir }), (error: unknown) => {
        assert.ok(error instanceof DatabaseInUseError);
        assert.match(error.message, /in use by another PutRight process/);
        return true;
      });
    } finally {
      await first.close();
    }
    // Released on close: it opens again.
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});
