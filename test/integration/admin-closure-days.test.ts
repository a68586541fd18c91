import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, cases, closureDays } from '../../src/platform/db/schema.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { errorSummary, heading, signedIn, type TestBrowser } from '../support/web-client.ts';
import { addClosureDay } from '../../src/modules/administration/closure-days.use-case.ts';
import type { StaffPrincipal } from '../../src/modules/staff/staff-principal.ts';
import { InvalidInputError } from '../../src/platform/errors.ts';

void describe('administration: closure days', () => {
  let t: TestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let admin: TestBrowser;

  const projection = async (caseId: string) => {
    const [row] = await t.database.db.privileged((tx) =>
      tx
        .select({
          due: cases.currentDeadlineDue,
          kind: cases.currentDeadlineKind,
          version: cases.version,
        })
        .from(cases)
        .where(eq(cases.caseId, caseId)),
    );
    return row;
  };
  const days = (organisationId: string) =>
    t.database.db.privileged((tx) =>
      tx.select().from(closureDays).where(eq(closureDays.organisationId, organisationId)),
    );
  const audits = (organisationId: string, action: string) =>
    t.database.db.privileged((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))),
    );
  const dateForm = (day: string, description: string) => {
    const [y = '', m = '', d = ''] = day.split('-');
    return { 'day-day': d, 'day-month': m, 'day-year': y, description };
  };

  before(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-02T10:00:00Z'); // Monday 2 March 2026
    alpha = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    beta = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing');
    ({ browser: admin } = await signedIn(t, alpha.organisationId, 'administrator'));
  });
  after(() => t.close());

  void it('moves an open case’s stored deadline when a closure day is added in its window, and back when removed', async () => {
    const received = await api(t, alpha, 'POST', '/api/v1/complaints', complaintInput());
    assert.equal(received.status, 201);
    const caseId = received.body.id as string;
    const otherOrg = await api(t, beta, 'POST', '/api/v1/complaints', complaintInput());
    // Acknowledge within 5 working days of Monday 2 March: Monday 9 March.
    assert.equal((await projection(caseId))?.due, '2026-03-09');
    const version = (await projection(caseId))?.version;
    await admin.get('/admin/closure-days');

    const added = await admin.post('/admin/closure-days', dateForm('2026-03-04', 'Staff training day'));
    assert.equal(added.status, 303);
    assert.equal(added.location, '/admin/closure-days?done=added&moved=1');
    assert.equal((await projection(caseId))?.due, '2026-03-10', 'Wednesday 4 March no longer counts');
    assert.equal((await projection(caseId))?.version, version, 'the case itself did not change');
    assert.equal(
      (await projection(otherOrg.body.id as string))?.due,
      '2026-03-09',
      'other landlords unaffected',
    );
    const view = await api(t, alpha, 'GET', `/api/v1/complaints/${caseId}`);
    assert.equal(view.body.currentDeadline.due, '2026-03-10');

    const page = await admin.get(added.location ?? '');
    assert.equal(heading(page.body), 'Closure days');
    assert.match(
      page.body,
      /Closure day added\. Deadlines were recalculated: 1 case&#39;s current deadline moved\./,
    );
    assert.match(
      page.body,
      /Wednesday 4 March 2026<\/th>\s*<td class="govuk-table__cell">Staff training day<\/td>/,
    );

    const removed = await admin.post('/admin/closure-days/2026-03-04/remove');
    assert.equal(removed.location, '/admin/closure-days?done=removed&moved=1');
    assert.equal((await projection(caseId))?.due, '2026-03-09');
    assert.equal((await days(alpha.organisationId)).length, 0);
    const [addedAudit] = await audits(alpha.organisationId, 'closure-day-added');
    assert.deepEqual(addedAudit?.details, {
      day: '2026-03-04',
      description: 'Staff training day',
      casesMoved: 1,
    });
    const [removedAudit] = await audits(alpha.organisationId, 'closure-day-removed');
    assert.deepEqual(removedAudit?.details, { day: '2026-03-04', casesMoved: 1 });
  });

  void it('reprojects every open case of the organisation', async () => {
    // More open cases than one batch of 200 would be slow here; a few prove every one is visited.
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await api(t, alpha, 'POST', '/api/v1/complaints', complaintInput())).body.id as string);
    }
    await admin.get('/admin/closure-days');
    const added = await admin.post('/admin/closure-days', dateForm('2026-03-05', 'Office move'));
    assert.match(added.location ?? '', /moved=6$/);
    for (const id of ids) assert.equal((await projection(id))?.due, '2026-03-10');
    await admin.post('/admin/closure-days/2026-03-05/remove');
  });

  void it('refuses bad answers with an error summary, keeping them and saving nothing', async () => {
    await admin.get('/admin/closure-days');
    const empty = await admin.post('/admin/closure-days', {
      'day-day': '',
      'day-month': '',
      'day-year': '',
      description: '',
    });
    assert.equal(empty.status, 400);
    assert.equal(
      errorSummary(empty.body),
      'Enter the date of the closure day Enter a description, like Christmas closure',
    );
    assert.match(empty.body, /href="#day-day"/);
    const unreal = await admin.post('/admin/closure-days', {
      'day-day': '31',
      'day-month': '2',
      'day-year': '2026',
      description: 'Snow <day>',
    });
    assert.equal(unreal.status, 400);
    assert.equal(errorSummary(unreal.body), 'Enter the date of the closure day as a real date');
    assert.match(unreal.body, /name="day-day" type="text" value="31" inputmode="numeric"/);
    assert.match(unreal.body, /value="Snow &lt;day&gt;"/);
    const partial = await admin.post('/admin/closure-days', {
      'day-day': '4',
      'day-month': '',
      'day-year': '2026',
      description: 'x',
    });
    assert.equal(errorSummary(partial.body), 'The date of the closure day must include a month');
    const past = await admin.post('/admin/closure-days', dateForm('2026-02-27', 'Too late'));
    assert.equal(errorSummary(past.body), 'The date of the closure day must be today or in the future');
    await admin.post('/admin/closure-days', dateForm('2026-12-29', 'Alpha winter shutdown'));
    const twice = await admin.post('/admin/closure-days', dateForm('2026-12-29', 'Again'));
    assert.equal(errorSummary(twice.body), 'Tuesday 29 December 2026 is already a closure day');
    assert.deepEqual(
      (await days(alpha.organisationId)).map((d) => [d.day, d.description]),
      [['2026-12-29', 'Alpha winter shutdown']],
    );
  });

  void it('lists past days separately and removes only future ones', async () => {
    await admin.post('/admin/closure-days', dateForm('2026-03-03', 'Yesterday, later'));
    t.clock.set('2026-03-04T10:00:00Z');
    const { browser: later } = await signedIn(t, alpha.organisationId, 'administrator');
    const page = await later.get('/admin/closure-days');
    assert.match(page.body, /Past closure days[\s\S]*Tuesday 3 March 2026/);
    assert.doesNotMatch(page.body, /action="\/admin\/closure-days\/2026-03-03\/remove"/);
    const refused = await later.post('/admin/closure-days/2026-03-03/remove');
    assert.equal(refused.status, 400);
    assert.equal((await days(alpha.organisationId)).length, 2);
    assert.equal((await later.post('/admin/closure-days/2027-01-04/remove')).status, 404);
    assert.equal((await later.post('/admin/closure-days/not-a-date/remove')).status, 404);
  });

  void it('never shows or removes another organisation’s closure days', async () => {
    const { browser: betaAdmin } = await signedIn(t, beta.organisationId, 'administrator');
    const page = await betaAdmin.get('/admin/closure-days');
    assert.doesNotMatch(page.body, /Alpha winter shutdown/);
    assert.equal((await betaAdmin.post('/admin/closure-days/2026-12-29/remove')).status, 404);
    assert.equal((await days(alpha.organisationId)).length, 2);
  });
  void it('shows a success banner only for a known outcome and a whole number of cases moved', async () => {
    const banner = /govuk-notification-banner--success/;
    const { browser: fresh } = await signedIn(t, alpha.organisationId, 'administrator');
    const shown = await fresh.get('/admin/closure-days?done=removed&moved=2');
    assert.match(
      shown.body,
      /Closure day removed\. Deadlines were recalculated: 2 cases&#39; current deadline moved\./,
    );
    const none = await fresh.get('/admin/closure-days?done=added&moved=0');
    assert.match(none.body, /Closure day added\. No open case&#39;s current deadline moved\./);
    for (const query of [
      'done=constructor&moved=1',
      'done=toString&moved=1',
      'done=__proto__&moved=1',
      'done=added&moved=%3Cb%3Efree%20text%3C%2Fb%3E',
      'done=added&moved=-1',
      'done=added&moved=1.5',
      'done=added',
    ]) {
      const page = await fresh.get(`/admin/closure-days?${query}`);
      assert.equal(page.status, 200, query);
      assert.doesNotMatch(page.body, banner, query);
      assert.doesNotMatch(page.body, /function|native code|free text/, query);
    }
  });

  void it('accepts a closure day up to the last supported date, and says so when refusing a later one', async () => {
    const { browser: betaAdmin } = await signedIn(t, beta.organisationId, 'administrator');
    await betaAdmin.get('/admin/closure-days');
    const last = await betaAdmin.post('/admin/closure-days', dateForm('2099-12-31', 'Far future'));
    assert.equal(last.status, 303);
    const tooLate = await betaAdmin.post('/admin/closure-days', dateForm('2100-01-01', 'Too far'));
    assert.equal(tooLate.status, 400);
    assert.equal(
      errorSummary(tooLate.body),
      'The date of the closure day must be 31 December 2099 or earlier',
    );
    assert.deepEqual(
      (await days(beta.organisationId)).map((d) => d.day),
      ['2099-12-31'],
    );
  });

  void it('gives the second of two people adding the same day at once the usual form error', async () => {
    const gamma = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Gamma Homes');
    const principal = (name: string): StaffPrincipal => ({
      organisationId: gamma.organisationId,
      organisationName: 'Gamma Homes',
      staffId: crypto.randomUUID(),
      sessionId: name,
      name,
      email: `${name}@example.test`,
      role: 'administrator',
      mustChangePassword: false,
    });
    const deps = { db: t.database.db, clock: t.clock };
    const dates = ['2026-12-21', '2026-12-22', '2026-12-23'];
    for (const day of dates) {
      const results = await Promise.allSettled([
        addClosureDay(deps, principal('alice'), { day, description: 'Alice' }),
        addClosureDay(deps, principal('bob'), { day, description: 'Bob' }),
      ]);
      const refused = results.filter((r) => r.status === 'rejected');
      assert.equal(refused.length, 1, `one of the two is refused for ${day}`);
      const reason: unknown = refused[0]?.reason;
      assert.ok(reason instanceof InvalidInputError, `a form error, not ${String(reason)}`);
      assert.match(reason.message, /is already a closure day$/);
      assert.equal(reason.field, 'day');
    }
    assert.deepEqual((await days(gamma.organisationId)).map((d) => d.day).sort(), dates);
    assert.equal((await audits(gamma.organisationId, 'closure-day-added')).length, dates.length);
  });
});
