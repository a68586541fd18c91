import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, rolesAllowedTo } from '../../src/domain/access/permissions.ts';
import { actOnComplaint } from '../../src/modules/complaints/act-on-complaint.use-case.ts';
import type { CaseActor } from '../../src/modules/complaints/case-actor.ts';
import { getComplaint } from '../../src/modules/complaints/get-complaint.use-case.ts';
import { getTimeline } from '../../src/modules/complaints/get-timeline.use-case.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
import {
  actingAs,
  api,
  complaintInput,
  createTestOrganisation,
  DIRECTOR,
  HANDLER,
  HANDLER_2,
  OFFICER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import {
  actorOf,
  createTestStaff,
  errorSummary,
  heading,
  signedIn,
  type TestBrowser,
  type TestStaff,
} from '../support/web-client.ts';
import { referencesOn } from './case-list-support.ts';

const TODAY = '2026-03-02T10:00:00Z';

/** The workload table's rows: the handler, each figure (and its link) and the next deadline. */
function workloadOn(body: string) {
  const rows = [
    ...body.matchAll(
      /<tr class="govuk-table__row">\s*<th scope="row" class="govuk-table__header">([\s\S]*?)<\/tr>/g,
    ),
  ];
  return rows.map((m) => {
    const cells = [...(m[1] ?? '').matchAll(/<td class="govuk-table__cell[^"]*">([\s\S]*?)<\/td>/g)].map(
      (c) => c[1] ?? '',
    );
    const figure = (cell: string) => ({
      count: Number(
        cell
          .replace(/<span[\s\S]*?<\/span>/g, '')
          .replace(/<[^>]+>/g, '')
          .trim(),
      ),
      href: /href="([^"]+)"/.exec(cell)?.[1]?.replaceAll('&amp;', '&') ?? null,
    });
    return {
      name: (m[1] ?? '').split('</th>')[0]?.trim() ?? '',
      open: figure(cells[0] ?? ''),
      overdue: figure(cells[1] ?? ''),
      dueSoon: figure(cells[2] ?? ''),
      next: (cells[3] ?? '').trim(),
      reassign: /href="([^"]+)"/.exec(cells[4] ?? '')?.[1] ?? null,
    };
  });
}

/** The checkboxes' values on the reassign page: "REF@version". */
const choicesOn = (body: string) =>
  [...body.matchAll(/name="cases" type="checkbox" value="([^"]+)"/g)].map((m) => m[1] ?? '');

const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');

void describe('team workload and bulk reassignment', () => {
  let t: TestApp;
  let org: TestOrganisation;
  let officer: TestBrowser;
  let senior: TestStaff;
  const deps = () => ({ db: t.database.db, clock: t.clock });

  /** A complaint received and acknowledged on `day` (10:00), handled by `handler` at stage 1. */
  async function stage1Case(handler: { staffId: string }, day = '2026-03-02', name = 'Margaret Ellis') {
    const at = `${day}T10:00:00Z`;
    t.clock.set(at);
    try {
      const received = await receiveComplaintUseCase(
        deps(),
        org.organisationId,
        complaintInput({ receivedAt: at, issueDate: day, complainant: { kind: 'named', name } }),
        actingAs(OFFICER),
      );
      const request = {
        organisationId: org.organisationId,
        caseRef: received.reference,
        actor: actingAs(OFFICER),
      };
      await actOnComplaint(deps(), request, 'accept', {});
      await actOnComplaint(deps(), request, 'acknowledge', {
        points: [{ text: 'The boiler' }],
        outcomesSought: ['Fix it'],
        handler,
      });
      return received.reference;
    } finally {
      t.clock.set(TODAY);
    }
  }

  const act = (
    reference: string,
    actor: CaseActor,
    name: Parameters<typeof actOnComplaint>[2],
    input: unknown,
  ) => actOnComplaint(deps(), { organisationId: org.organisationId, caseRef: reference, actor }, name, input);

  const version = async (reference: string) =>
    (await getComplaint(deps(), org.organisationId, reference)).version;
  const handlerOf = async (reference: string) => {
    const view = await getComplaint(deps(), org.organisationId, reference);
    return (view.stage === 2 ? view.handlers.stage2 : view.handlers.stage1)?.name;
  };
  const timeline = async (reference: string) =>
    (await getTimeline(deps(), org.organisationId, reference)).events.map((e) => e.description);

  before(async () => {
    t = await startTestApp();
    t.clock.set(TODAY);
    org = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    ({ browser: officer } = await signedIn(t, org.organisationId, 'complaints-officer'));
    senior = await createTestStaff(t, org.organisationId, 'senior-lead', { name: 'Sian Senior' });
  });
  after(() => t.close());

  void it('counts each handler’s open cases, overdue and due soon, with the next deadline, each linking to those cases', async () => {
    // Tom: one overdue (answered by 16 February), one due tomorrow (3 March), one due 16 March.
    await stage1Case(HANDLER, '2026-02-02', 'Olive Overdue');
    await stage1Case(HANDLER, '2026-02-17', 'Sunil Soon');
    await stage1Case(HANDLER, '2026-03-02', 'Lena Later');
    // Nobody handles a complaint not yet acknowledged.
    await receiveComplaintUseCase(deps(), org.organisationId, complaintInput(), actingAs(OFFICER));

    const page = await officer.get('/team');
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Team workload');
    const rows = workloadOn(page.body);
    // Everyone who can handle a stage (handlers and senior leads), then the unassigned cases.
    assert.deepEqual(
      rows.map((r) => r.name),
      ['Aisha Begum', 'Gareth Lewis', 'Sian Senior', 'Tom Okafor', 'Unassigned'],
    );
    const tom = rows.find((r) => r.name === 'Tom Okafor');
    assert.deepEqual(
      [tom?.open.count, tom?.overdue.count, tom?.dueSoon.count, tom?.next],
      [3, 1, 1, '3 March 2026'],
    );
    assert.equal(tom?.reassign, `/team/${HANDLER.staffId}/reassign`);
    const aisha = rows.find((r) => r.name === 'Aisha Begum');
    assert.deepEqual(
      [aisha?.open.count, aisha?.open.href, aisha?.next, aisha?.reassign],
      [0, null, 'None', null],
    );
    const unassigned = rows.find((r) => r.name === 'Unassigned');
    assert.equal(unassigned?.open.count, 1);
    // Each figure is the number of cases its link lists.
    for (const row of [tom, unassigned]) {
      for (const f of [row?.open, row?.overdue, row?.dueSoon]) {
        if (!f?.href) continue;
        const list = await officer.get(f.href);
        assert.equal(list.status, 200, f.href);
        assert.equal(referencesOn(list.body).length, f.count, f.href);
      }
    }
    assert.ok(unassigned?.open.href?.includes('handlerId=unassigned'));
  });

  void it('reassigns the chosen cases, each with its own event and the reason on its timeline', async () => {
    const a = await stage1Case(HANDLER_2, '2026-03-02', 'Ann First');
    const b = await stage1Case(HANDLER_2, '2026-03-02', 'Ben Second');
    const c = await stage1Case(HANDLER_2, '2026-03-02', 'Cat Third');
    const kept = await stage1Case(HANDLER_2, '2026-03-02', 'Kit Kept');
    const form = await officer.get(`/team/${HANDLER_2.staffId}/reassign`);
    assert.equal(form.status, 200);
    const choices = choicesOn(form.body);
    assert.equal(choices.length, 4);
    const chosen = choices.filter((v) => !v.startsWith(kept));
    const posted = await officer.post(`/team/${HANDLER_2.staffId}/reassign`, {
      cases: chosen,
      handler: HANDLER.staffId,
      reason: 'Aisha is on leave until April',
    });
    assert.equal(posted.status, 200);
    assert.match(text(posted.body), /3 cases reassigned to Tom Okafor/);
    assert.doesNotMatch(posted.body, /not reassigned/);
    for (const reference of [a, b, c]) {
      assert.equal(await handlerOf(reference), 'Tom Okafor');
      assert.equal(
        (await timeline(reference)).at(-1),
        'Reassigned from Aisha Begum to Tom Okafor: Aisha is on leave until April',
      );
      const casePage = await officer.get(`/cases/${reference}`);
      assert.match(
        text(casePage.body),
        /Reassigned from Aisha Begum to Tom Okafor: Aisha is on leave until April/,
      );
    }
    assert.equal(await handlerOf(kept), 'Aisha Begum');
    // The page now lists what Aisha still has.
    assert.deepEqual(
      choicesOn(posted.body).map((v) => v.split('@')[0]),
      [kept],
    );
  });

  void it('reassigns the others when the rules refuse one case (Code 6.13: not the stage 1 handler at stage 2)', async () => {
    // Gareth handled stage 1 of this one; Sian handles its stage 2.
    const stage2 = await stage1Case(DIRECTOR, '2026-03-02', 'Stan Stage-Two');
    await act(stage2, actingAs(DIRECTOR), 'respond', {
      decisions: [{ pointId: 'P1', outcome: 'not-upheld', reasons: 'Repaired on time' }],
    });
    await act(stage2, actingAs(OFFICER), 'escalate', {});
    await act(stage2, actingAs(OFFICER), 'acknowledge-stage-2', { handler: { staffId: senior.staffId } });
    assert.equal(await handlerOf(stage2), 'Sian Senior');
    const other = await stage1Case({ staffId: senior.staffId }, '2026-03-02', 'Olga Other');

    await officer.get(`/team/${senior.staffId}/reassign`);
    const posted = await officer.post(`/team/${senior.staffId}/reassign`, {
      cases: [`${stage2}@${await version(stage2)}`, `${other}@${await version(other)}`],
      handler: DIRECTOR.staffId,
      reason: 'Sian moves team',
    });
    assert.equal(posted.status, 200);
    const page = text(posted.body);
    assert.match(page, /1 case reassigned to Gareth Lewis/);
    assert.match(page, /1 case was not reassigned/);
    assert.match(page, new RegExp(`${stage2} : Gareth Lewis handled this complaint at stage 1`));
    assert.equal(await handlerOf(stage2), 'Sian Senior');
    assert.equal(await handlerOf(other), 'Gareth Lewis');
    assert.doesNotMatch((await timeline(stage2)).join('\n'), /Sian moves team/);
  });

  void it('leaves a case changed since the page was loaded, and reassigns the rest', async () => {
    const first = await stage1Case(HANDLER_2, '2026-03-02', 'Fay Fresh');
    const second = await stage1Case(HANDLER_2, '2026-03-02', 'Sam Stale');
    const form = await officer.get(`/team/${HANDLER_2.staffId}/reassign`);
    const choices = choicesOn(form.body).filter((v) => v.startsWith(first) || v.startsWith(second));
    assert.equal(choices.length, 2);
    // Someone else records a contact on the second case after the page was loaded.
    await act(second, actingAs(HANDLER_2), 'record-contact', {
      kind: 'note',
      summary: 'Rang the resident',
    });
    const posted = await officer.post(`/team/${HANDLER_2.staffId}/reassign`, {
      cases: choices,
      handler: HANDLER.staffId,
      reason: 'Balancing the work',
    });
    const page = text(posted.body);
    assert.match(page, /1 case reassigned to Tom Okafor/);
    assert.match(page, new RegExp(`${second} : Someone else changed this case after you opened the page`));
    assert.equal(await handlerOf(first), 'Tom Okafor');
    assert.equal(await handlerOf(second), 'Aisha Begum');
  });

  void it('explains what is missing, and changes nothing', async () => {
    const reference = await stage1Case(HANDLER_2, '2026-03-02', 'Ned Nothing');
    await officer.get(`/team/${HANDLER_2.staffId}/reassign`);
    const before = await version(reference);
    const empty = await officer.post(`/team/${HANDLER_2.staffId}/reassign`, {});
    assert.equal(empty.status, 400);
    assert.equal(
      errorSummary(empty.body),
      'Select who will handle the cases Enter the reason for the change Select at least one case to reassign',
    );
    // Someone not on the list (here, the person whose cases these are) is no answer.
    const notOnTheList = await officer.post(`/team/${HANDLER_2.staffId}/reassign`, {
      cases: [`${reference}@${before}`],
      handler: HANDLER_2.staffId,
      reason: 'x'.repeat(501),
    });
    assert.equal(notOnTheList.status, 400);
    assert.equal(
      errorSummary(notOnTheList.body),
      'Select who will handle the cases The reason must be 500 characters or fewer',
    );
    // The chosen case stays ticked, the reason kept.
    assert.match(notOnTheList.body, new RegExp(`value="${reference}@${before}" checked`));
    assert.equal(await version(reference), before);
  });

  void it('allows the team pages only to roles that may assign handlers (403 for the rest), changing nothing', async () => {
    const reference = await stage1Case(HANDLER_2, '2026-03-02', 'Rita Role');
    const before = await version(reference);
    for (const role of ROLES) {
      const { browser } = await signedIn(t, org.organisationId, role);
      const allowed = rolesAllowedTo('assign-handler').includes(role);
      assert.equal((await browser.get('/team')).status, allowed ? 200 : 403, `GET /team as ${role}`);
      const form = await browser.get(`/team/${HANDLER_2.staffId}/reassign`);
      assert.equal(form.status, allowed ? 200 : 403, `GET reassign as ${role}`);
      assert.equal(/href="\/team"/.test((await browser.get('/dashboard')).body), allowed, `nav as ${role}`);
      if (allowed) continue;
      await browser.get('/dashboard');
      const posted = await browser.post(`/team/${HANDLER_2.staffId}/reassign`, {
        cases: [`${reference}@${before}`],
        handler: HANDLER.staffId,
        reason: 'Not mine to move',
      });
      assert.equal(posted.status, 403, `POST as ${role}`);
      assert.equal(heading(posted.body), 'You do not have permission');
    }
    assert.equal(await version(reference), before);
  });

  void it('refuses another organisation’s cases and handlers (not found), and a post without its CSRF token', async () => {
    const beta = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing');
    const theirs = await receiveComplaintUseCase(
      deps(),
      beta.organisationId,
      complaintInput(),
      actingAs(OFFICER),
    );
    const betaRequest = {
      organisationId: beta.organisationId,
      caseRef: theirs.reference,
      actor: actingAs(OFFICER),
    };
    await actOnComplaint(deps(), betaRequest, 'accept', {});
    await actOnComplaint(deps(), betaRequest, 'acknowledge', {
      points: [{ text: 'Damp' }],
      outcomesSought: ['Fix it'],
      handler: HANDLER_2,
    });
    const betaVersion = (await getComplaint(deps(), beta.organisationId, theirs.reference)).version;
    const betaOnly = await createTestStaff(t, beta.organisationId, 'handler');
    assert.equal((await officer.get(`/team/${betaOnly.staffId}/reassign`)).status, 404);

    const ours = await stage1Case(HANDLER_2, '2026-03-02', 'Una Ours');
    await officer.get(`/team/${HANDLER_2.staffId}/reassign`);
    const posted = await officer.post(`/team/${HANDLER_2.staffId}/reassign`, {
      cases: [`${theirs.reference}@${betaVersion}`, `${ours}@${await version(ours)}`],
      handler: HANDLER.staffId,
      reason: 'Tidying up',
    });
    assert.match(
      text(posted.body),
      new RegExp(`${theirs.reference} : There is no such case in your organisation`),
    );
    assert.equal((await getComplaint(deps(), beta.organisationId, theirs.reference)).version, betaVersion);
    assert.equal(await handlerOf(ours), 'Tom Okafor');

    const stillAisha = await stage1Case(HANDLER_2, '2026-03-02', 'Cora Csrf');
    const before = await version(stillAisha);
    const noToken = await officer.post(
      `/team/${HANDLER_2.staffId}/reassign`,
      { cases: [`${stillAisha}@${before}`], handler: HANDLER.staffId, reason: 'No token' },
      { csrf: null },
    );
    assert.equal(noToken.status, 403);
    assert.equal(heading(noToken.body), 'This form has expired');
    assert.equal(await version(stillAisha), before);
  });

  void it('takes a reason on the single assignment, from the case page and the API', async () => {
    const reference = await stage1Case(HANDLER_2, '2026-03-02', 'Rob Reason');
    const form = await officer.get(`/cases/${reference}/assign-handler`);
    assert.match(form.body, /Reason for the change \(optional\)/);
    const formVersion = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const posted = await officer.post(`/cases/${reference}/assign-handler`, {
      version: formVersion,
      handler: HANDLER.staffId,
      reason: 'Tom knows the estate',
    });
    assert.equal(posted.status, 303, errorSummary(posted.body) ?? '');
    assert.equal(
      (await timeline(reference)).at(-1),
      'Reassigned from Aisha Begum to Tom Okafor: Tom knows the estate',
    );

    const viaApi = await api(t, org, 'POST', `/api/v1/complaints/${reference}/assign-handler`, {
      actor: OFFICER,
      handler: HANDLER_2,
      reason: 'Back from leave',
    });
    assert.equal(viaApi.status, 200, JSON.stringify(viaApi.body));
    assert.equal(
      (await timeline(reference)).at(-1),
      'Reassigned from Tom Okafor to Aisha Begum: Back from leave',
    );
    const tooLong = await api(t, org, 'POST', `/api/v1/complaints/${reference}/assign-handler`, {
      actor: OFFICER,
      handler: HANDLER,
      reason: 'x'.repeat(501),
    });
    assert.equal(tooLong.status, 400);
    assert.match(String(tooLong.response.headers['content-type']), /problem\+json/);
    // Without a reason, as before.
    await act(reference, actorOf(senior), 'assign-handler', { handler: HANDLER });
    assert.equal((await timeline(reference)).at(-1), 'Reassigned from Aisha Begum to Tom Okafor');
  });
});
