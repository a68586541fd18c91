import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { ROLES, rolesAllowedTo } from '../../src/domain/access/permissions.ts';
import { actOnComplaint } from '../../src/modules/complaints/act-on-complaint.use-case.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
import {
  actingAs,
  complaintInput,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { errorSummary, signedIn, TestBrowser, type TestStaff } from '../support/web-client.ts';

const TODAY = '2026-03-02T10:00:00Z';

/** Rows of a raw query: PGlite and node-postgres both answer with `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');

/** The "Mark as done" forms on a page: where each posts. */
const doneActions = (body: string) =>
  [...body.matchAll(/<form method="post" action="([^"]+\/done)"/g)].map((m) => m[1] ?? '');

void describe('tasks on a case, and reminders on the dashboard', () => {
  let t: TestApp;
  let org: TestOrganisation;
  let other: TestOrganisation;
  let officer: TestBrowser;
  let officerStaff: TestStaff;
  let handler: TestBrowser;
  let handlerStaff: TestStaff;
  let reference: string;
  const deps = () => ({ db: t.database.db, clock: t.clock });

  const taskRows = async (organisationId: string) =>
    rowsOf<{ kind: string; description: string; due: string; done_at: Date | null }>(
      await t.database.db.forOrganisation(organisationId, (tx) =>
        tx.execute(
          sql`select kind, description, due_on::text as due, done_at from case_tasks order by created_at`,
        ),
      ),
    );

  before(async () => {
    t = await startTestApp();
    t.clock.set(TODAY);
    org = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Task Homes');
    other = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Other Homes');
    ({ browser: officer, staff: officerStaff } = await signedIn(t, org.organisationId, 'complaints-officer', {
      name: 'Olu Officer',
    }));
    ({ browser: handler, staff: handlerStaff } = await signedIn(t, org.organisationId, 'handler', {
      name: 'Hana Handler',
    }));
    reference = (
      await receiveComplaintUseCase(
        deps(),
        org.organisationId,
        complaintInput({ receivedAt: TODAY, issueDate: '2026-02-27' }),
        actingAs(OFFICER),
      )
    ).reference;
  });
  after(() => t.close());

  void it('adds a call back for a colleague: on the case, on their dashboard, and in the audit log', async () => {
    const form = await officer.get(`/cases/${reference}/tasks/new`);
    assert.equal(form.status, 200);
    assert.match(form.body, /<option value="[^"]+" selected>Olu Officer \(you\)<\/option>/);
    const posted = await officer.post(`/cases/${reference}/tasks/new`, {
      kind: 'call-back',
      description: 'Call Mrs Ellis back <after> the plumber’s visit',
      'dueOn-day': '2',
      'dueOn-month': '3',
      'dueOn-year': '2026',
      ownerId: handlerStaff.staffId,
    });
    assert.equal(posted.status, 303);
    assert.equal(posted.location, `/cases/${reference}?done=task-added#tasks`);
    const page = await officer.get(`/cases/${reference}?done=task-added`);
    assert.match(text(page.body), /Task added/);
    assert.match(
      text(page.body),
      /2 March 2026 Due today Call back: Call Mrs Ellis back &lt;after&gt; the plumber’s visit Hana Handler Set by Olu Officer/,
    );

    const dashboard = text((await handler.get('/dashboard')).body);
    assert.match(
      dashboard,
      new RegExp(`My tasks .*2 March 2026 Due today ${reference} Call back: Call Mrs Ellis back`),
    );
    // Not on the dashboard of the one who set it: it is not theirs to do.
    assert.match(text((await officer.get('/dashboard')).body), /You have no open tasks/);

    const [entry] = rowsOf<{ actor: string; details: Record<string, unknown> }>(
      await t.database.db.forOrganisation(org.organisationId, (tx) =>
        tx.execute(sql`select actor, details from audit_log where action = 'task.added'`),
      ),
    );
    assert.deepEqual(entry?.details && { ...entry.details, taskId: typeof entry.details.taskId }, {
      caseReference: reference,
      taskId: 'string',
      kind: 'Call back',
      dueOn: '2026-03-02',
      owner: 'Hana Handler',
    });
    assert.equal(entry?.actor, `staff:${officerStaff.staffId}`);
    assert.doesNotMatch(JSON.stringify(entry), /Ellis/, 'the audit log does not copy what the task says');
  });

  void it('explains every wrong answer, keeps the answers, and saves nothing', async () => {
    const before = await taskRows(org.organisationId);
    const empty = await officer.post(`/cases/${reference}/tasks/new`, { ownerId: '' });
    assert.equal(empty.status, 400);
    assert.equal(
      errorSummary(empty.body),
      'Select what kind of task it is Enter what needs doing Enter the date it is due Select who will do it',
    );
    assert.match(empty.body, /href="#kind"/);
    assert.match(empty.body, /href="#dueOn-day"/);
    const past = await officer.post(`/cases/${reference}/tasks/new`, {
      kind: 'chase',
      description: 'Chase the roofer',
      'dueOn-day': '1',
      'dueOn-month': '3',
      'dueOn-year': '2026',
      ownerId: handlerStaff.staffId,
    });
    assert.equal(past.status, 400);
    assert.equal(errorSummary(past.body), 'The date it is due must be today or in the future');
    assert.match(past.body, /Chase the roofer<\/textarea>/);
    const notADate = await officer.post(`/cases/${reference}/tasks/new`, {
      kind: 'chase',
      description: 'Chase the roofer',
      'dueOn-day': '31',
      'dueOn-month': '2',
      'dueOn-year': '2026',
      ownerId: handlerStaff.staffId,
    });
    assert.equal(notADate.status, 400);
    assert.equal(errorSummary(notADate.body), 'Enter the date it is due as a real date');
    // Someone not on the list (another organisation's, or a forged value) is not an owner.
    const stranger = await officer.post(`/cases/${reference}/tasks/new`, {
      kind: 'chase',
      description: 'Chase the roofer',
      'dueOn-day': '3',
      'dueOn-month': '3',
      'dueOn-year': '2026',
      ownerId: randomUUID(),
    });
    assert.equal(stranger.status, 400);
    assert.equal(errorSummary(stranger.body), 'Select who will do it from the list');
    assert.deepEqual(await taskRows(org.organisationId), before);
  });

  void it('is marked done once, by anyone who works on cases, and leaves the dashboard', async () => {
    const page = await handler.get(`/cases/${reference}`);
    const [done] = doneActions(page.body);
    assert.ok(done, 'an open task offers "Mark as done"');
    const posted = await handler.post(done, {});
    assert.equal(posted.status, 303);
    assert.equal(posted.location, `/cases/${reference}?done=task-done#tasks`);
    const after = text((await handler.get(`/cases/${reference}?done=task-done`)).body);
    assert.match(after, /Task marked as done/);
    assert.match(after, /Done by Hana Handler on 2 March 2026/);
    assert.match(text((await handler.get('/dashboard')).body), /You have no open tasks/);
    // Again: it is done already, so there is nothing to mark.
    assert.equal((await handler.post(done, {})).status, 404);
    assert.equal(doneActions((await handler.get(`/cases/${reference}`)).body).length, 0);
  });

  void it('is refused to roles that do not work on cases, without a CSRF token, and across organisations', async () => {
    const allowed = rolesAllowedTo('view-cases');
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      const { browser } = await signedIn(t, org.organisationId, role);
      assert.equal((await browser.get(`/cases/${reference}/tasks/new`)).status, 403, role);
      await browser.get('/dashboard');
      const posted = await browser.post(`/cases/${reference}/tasks/new`, { kind: 'chase' });
      assert.equal(posted.status, 403, role);
    }
    const noToken = await officer.post(
      `/cases/${reference}/tasks/new`,
      { kind: 'chase', description: 'x', ownerId: officerStaff.staffId },
      { csrf: null },
    );
    assert.equal(noToken.status, 403);
    const { browser: stranger } = await signedIn(t, other.organisationId, 'complaints-officer');
    assert.equal((await stranger.get(`/cases/${reference}/tasks/new`)).status, 404);
    await stranger.get('/dashboard');
    const forged = await stranger.post(`/cases/${reference}/tasks/${randomUUID()}/done`, {});
    assert.equal(forged.status, 404);
    assert.equal((await taskRows(other.organisationId)).length, 0);
  });

  void it('reminds a handler of cases just assigned to them and of their deadlines', async () => {
    const request = { organisationId: org.organisationId, caseRef: reference, actor: actingAs(OFFICER) };
    await actOnComplaint(deps(), request, 'accept', {});
    await actOnComplaint(deps(), request, 'acknowledge', {
      points: [{ text: 'The boiler' }],
      outcomesSought: ['Fix it'],
      handler: { staffId: handlerStaff.staffId },
    });
    const dashboard = text((await handler.get('/dashboard')).body);
    assert.match(
      dashboard,
      new RegExp(`Reminders .*${reference} was assigned to you by Priya Shah on 2 March 2026`),
    );
    // Ten working days later the response is due within 2 working days (a new sign-in: the first
    // session has timed out by then).
    const dashboardOn = async (instant: string) => {
      t.clock.set(instant);
      const browser = new TestBrowser(t);
      await browser.signIn(handlerStaff.email, handlerStaff.password);
      return browser.get('/dashboard');
    };
    try {
      const later = await dashboardOn('2026-03-13T10:00:00Z');
      assert.match(text(later.body), /1 of your cases is due within 2 working days/);
      const week = text((await dashboardOn('2026-03-20T10:00:00Z')).body);
      assert.match(week, /1 of your cases is overdue/);
      assert.doesNotMatch(week, /was assigned to you/, 'after a week it is no longer news');
    } finally {
      t.clock.set(TODAY);
    }
    // Someone else's reminders are their own.
    assert.doesNotMatch(text((await officer.get('/dashboard')).body), /Reminders/);
  });

  void it('keeps every organisation’s rows to itself in the database (row-level security on every table)', async () => {
    const rows = rowsOf<{ name: string; enabled: boolean; forced: boolean }>(
      await t.database.db.forOrganisation(org.organisationId, (tx) =>
        tx.execute(sql`
          select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
            from pg_class c join pg_attribute a on a.attrelid = c.oid
           where c.relkind = 'r' and a.attname = 'organisation_id' and c.relnamespace = 'public'::regnamespace
           order by 1`),
      ),
    );
    assert.ok(rows.some((r) => r.name === 'case_tasks'));
    assert.deepEqual(
      rows.filter((r) => !r.enabled || !r.forced).map((r) => r.name),
      [],
      'every table with organisation_id has row-level security, forced',
    );
  });
});
