import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actOnComplaint } from '../../src/modules/complaints/act-on-complaint.use-case.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
import { createDemoLandlord, type DemoLandlord } from '../../src/modules/demo/create-demo-landlord.ts';
import {
  actingAs,
  api,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';
import { actorOf, heading, signedIn, type TestBrowser, type TestStaff } from '../support/web-client.ts';
import { complaint, demoActor, referencesOn } from './case-list-support.ts';

/** The dashboard's counts: label, number and where the label links (null when it does not). */
function countsOn(body: string): { label: string; count: number; href: string | null }[] {
  const table = /<caption[^>]*>Cases needing attention<\/caption>([\s\S]*?)<\/table>/.exec(body)?.[1] ?? '';
  return [
    ...table.matchAll(
      /<th scope="row" class="govuk-table__header">\s*(?:<a class="govuk-link" href="([^"]+)">)?([^<]+)(?:<\/a>)?\s*<\/th>\s*<td[^>]*>(\d+)<\/td>/g,
    ),
  ].map((m) => ({
    href: m[1]?.replaceAll('&amp;', '&') ?? null,
    label: (m[2] ?? '').trim(),
    count: Number(m[3]),
  }));
}

/** The references in the dashboard table under a heading. */
function referencesUnder(body: string, h2: string): string[] {
  const section = body.split(`<h2 class="govuk-heading-m">${h2}</h2>`)[1]?.split('<h2')[0] ?? '';
  return referencesOn(section);
}

void describe('the dashboard', () => {
  let t: TestApp;
  let demo: DemoLandlord;
  let officer: TestBrowser;
  let handler: TestBrowser;
  let handlerStaff: TestStaff;
  let handlersCase: string;
  const deps = () => ({ db: t.database.db, clock: t.clock });

  before(async () => {
    t = await startTestApp();
    demo = await createDemoLandlord(t.database.db, t.clock.now());
    ({ browser: officer } = await signedIn(t, demo.organisationId, 'complaints-officer'));
    ({ browser: handler, staff: handlerStaff } = await signedIn(t, demo.organisationId, 'handler', {
      name: 'Hana Handler',
    }));
    // A case the signed-in handler acknowledged (and so handles), as the case page would record it.
    const received = await receiveComplaintUseCase(
      deps(),
      demo.organisationId,
      complaint('Ivy Ivers'),
      demoActor(demo),
    );
    const request = { organisationId: demo.organisationId, caseRef: received.id, actor: demoActor(demo) };
    await actOnComplaint(deps(), request, 'accept', {});
    await actOnComplaint(deps(), { ...request, actor: actorOf(handlerStaff) }, 'acknowledge', {
      points: [{ text: 'The tap' }],
      outcomesSought: ['Fix it'],
      handler: { staffId: handlerStaff.staffId },
    });
    handlersCase = received.reference;
    // Another organisation's overdue case counts nowhere but there.
    const other = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Other Homes');
    await receiveComplaintUseCase(
      deps(),
      other.organisationId,
      complaint('Otto Other', { receivedAt: '2026-01-05T10:00:00Z', issueDate: '2026-01-02' }),
      actingAs(OFFICER),
    );
  });
  after(() => t.close());

  void it('counts what needs attention, each count linking to exactly those cases', async () => {
    const page = await officer.get('/dashboard');
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Dashboard');
    const counts = countsOn(page.body);
    assert.deepEqual(
      counts.map((c) => c.label),
      [
        'Awaiting acceptance or acknowledgement',
        'Responses due this week',
        'Deadlines extended',
        'Overdue',
        'Outstanding actions overdue',
      ],
    );
    // The demo landlord on Monday 2 March 2026 (see create-demo-landlord.ts): three of its cases
    // await acceptance or acknowledgement, and so does the complaint its contact log raised about a
    // service request (create-demo-contacts.ts).
    assert.deepEqual(
      counts.map((c) => c.count),
      [4, 1, 1, 4, 0],
    );
    for (const { href, count, label } of counts) {
      assert.ok(href?.startsWith('/cases?'), label);
      const list = await officer.get(href ?? '');
      assert.equal(referencesOn(list.body).length, count, label);
    }
  });

  void it('shows my cases and the team’s, most urgent first, with deadlines in working days', async () => {
    const mine = await handler.get('/dashboard');
    assert.deepEqual(referencesUnder(mine.body, 'My cases'), [handlersCase]);
    assert.match(mine.body, /Stage 1 response, 16 March 2026/);
    assert.match(mine.body, /Due in 10 working days/);
    const team = referencesUnder(mine.body, 'Team cases');
    assert.equal(team.length, 10);
    assert.match(mine.body, /Overdue by 23 working days/);
    const officers = await officer.get('/dashboard');
    assert.deepEqual(referencesUnder(officers.body, 'My cases'), []);
    assert.match(officers.body, /You are not handling any open cases/);
    assert.match(officers.body, /href="\/cases\?open=true&amp;sort=deadline">All open cases/);
  });

  void it('shows board members the counts alone: no links, references or names', async () => {
    const { browser } = await signedIn(t, demo.organisationId, 'board-member');
    const page = await browser.get('/dashboard');
    assert.equal(page.status, 200);
    const counts = countsOn(page.body);
    assert.deepEqual(
      counts.map((c) => [c.count, c.href]),
      [
        [4, null],
        [1, null],
        [1, null],
        [4, null],
        [0, null],
      ],
    );
    assert.doesNotMatch(page.body, /href="\/cases/);
    assert.doesNotMatch(page.body, /DH-20\d\d-/);
    for (const name of ['Margaret Ellis', 'Olivia Brown', 'Ivy Ivers', 'Tom Okafor']) {
      assert.ok(!page.body.includes(name), name);
    }
  });

  void it('shows administrators the counts, linking to Administration instead of cases', async () => {
    const { browser } = await signedIn(t, demo.organisationId, 'administrator');
    const page = await browser.get('/dashboard');
    assert.ok(countsOn(page.body).every((c) => c.href === null));
    assert.doesNotMatch(page.body, /href="\/cases/);
    assert.doesNotMatch(page.body, /DH-20\d\d-/);
    assert.match(page.body, /<a class="govuk-link" href="\/admin">Administration<\/a>/);
  });

  void it('counts only the organisation’s own cases', async () => {
    const other = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Empty Homes');
    const { browser } = await signedIn(t, other.organisationId, 'senior-lead');
    const page = await browser.get('/dashboard');
    assert.deepEqual(
      countsOn(page.body).map((c) => c.count),
      [0, 0, 0, 0, 0],
    );
    assert.match(page.body, /There are no open cases/);
  });

  void it('still shows the password-changed banner', async () => {
    const page = await officer.get('/dashboard?password-changed');
    assert.match(page.body, /Your password has been changed/);
  });
  void it('counts outstanding actions once they fall overdue', async () => {
    // Sessions end after 30 idle minutes, so sign in afresh in the later month.
    t.clock.set('2026-04-20T10:00:00Z');
    try {
      const { browser: later } = await signedIn(t, demo.organisationId, 'senior-lead');
      const [, , , , actions] = countsOn((await later.get('/dashboard')).body);
      assert.ok(actions && actions.count > 0, 'the demo’s remedies are overdue by then');
      const list = await later.get(actions.href ?? '');
      assert.equal(referencesOn(list.body).length, actions.count);
      const all = (await api(t, demo, 'GET', '/api/v1/complaints?limit=200&actionsOverdue=true')).body.items;
      assert.equal(all.length, actions.count);
    } finally {
      t.clock.set('2026-03-02T10:00:00Z');
    }
  });
});
