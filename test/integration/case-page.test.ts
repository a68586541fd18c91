import { dateInWords } from '../../src/domain/calendar/index.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actOnComplaint } from '../../src/modules/complaints/act-on-complaint.use-case.ts';
import { getComplaint } from '../../src/modules/complaints/get-complaint.use-case.ts';
import { getTimeline } from '../../src/modules/complaints/get-timeline.use-case.ts';
import { ACTION_FORMS } from '../../src/modules/casework/case-actions.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
import { formatDate } from '../../src/modules/casework/case-format.ts';
import { fieldIds } from '../../src/modules/casework/case-form-fields.ts';
import { FORMS_WITH_A_HANDLER } from '../../src/modules/casework/case.pages.ts';
import { getCasePage } from '../../src/modules/casework/get-case-page.use-case.ts';
import type { CommandName } from '../../src/domain/complaint/decide.ts';
import { PRESET_KEYS } from '../../src/domain/policy/presets/index.ts';
import {
  actingAs,
  complaintInput,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';
import { actorOf, errorSummary, signedIn, type TestBrowser, type TestStaff } from '../support/web-client.ts';

/** The text of a page with its tags removed and spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, '’')
    .replace(/\s+/g, ' ');

/** Error summary links: where each message points. */
const summaryHrefs = (html: string) =>
  [...html.matchAll(/<a href="(#[^"]+)">/g)].map((m) => m[1]).filter((h) => h !== '#main-content');

const inputValue = (html: string, name: string) =>
  new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
  new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1];

void describe('the case page and its forms', () => {
  let t: TestApp;
  let org: string;
  let officer: TestBrowser;
  let handler: TestBrowser;
  let handlerStaff: TestStaff;
  let officerStaff: TestStaff;
  const deps = () => ({ db: t.database.db, clock: t.clock });
  const actor = actorOf;

  /** A case received by phone, accepted and acknowledged with two points and the handler. */
  async function caseAtStage1(overrides: Record<string, unknown> = {}): Promise<string> {
    const { reference } = await receiveComplaintUseCase(
      deps(),
      org,
      complaintInput(overrides),
      actingAs(OFFICER),
    );
    const request = { organisationId: org, caseRef: reference, actor: actor(officerStaff) };
    await actOnComplaint(deps(), request, 'accept', {});
    await actOnComplaint(deps(), request, 'acknowledge', {
      points: [{ text: 'The boiler was not repaired' }, { text: 'Nobody called back' }],
      outcomesSought: ['A working boiler'],
      handler: { staffId: handlerStaff.staffId },
    });
    return reference;
  }

  before(async () => {
    t = await startTestApp();
    org = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes')).organisationId;
    ({ browser: officer, staff: officerStaff } = await signedIn(t, org, 'complaints-officer', {
      name: 'Priya Shah',
    }));
    ({ browser: handler, staff: handlerStaff } = await signedIn(t, org, 'handler', { name: 'Tom Okafor' }));
  });
  after(() => t.close());

  void it('shows the parties, deadlines, points, timeline and the actions this role may take', async () => {
    const reference = await caseAtStage1({
      complainant: {
        kind: 'named',
        name: 'Margaret Ellis',
        contact: { phone: '07700 900123', email: 'margaret@example.test' },
        vulnerabilities: 'Hard of hearing',
        reasonableAdjustments: 'Write rather than phone',
      },
      representative: { name: 'Dan Ellis', relationship: 'relative', consentHeld: false },
      collectiveMembers: [{ name: 'Alan Brook' }],
      serviceArea: 'repairs',
      category: 'damp-and-mould',
    });
    const view = await getComplaint(deps(), org, reference);
    const page = await handler.get(`/cases/${reference}`);
    assert.equal(page.status, 200);
    const body = text(page.body);
    for (const expected of [
      `Complaint ${reference}`,
      'Under investigation at stage 1',
      'Margaret Ellis',
      '07700 900123',
      'Dan Ellis (Relative)',
      'Consent outstanding',
      'Alan Brook',
      'Vulnerabilities: Hard of hearing',
      'Reasonable adjustments: Write rather than phone',
      'Stage 1 handler Tom Okafor',
      'Service area Repairs Damp and mould',
      'Received 2 March 2026 at 10:00am Taken by Priya Shah How it was made Phone',
      `Stage 1 acknowledgement ${formatDate(view.deadlines.stage1Acknowledgement?.due)} Met Completed 2 March 2026`,
      `Stage 1 response ${formatDate(view.deadlines.stage1Response?.due)} On track Due in`,
      'P1 The boiler was not repaired',
      'P2 Nobody called back',
      'A working boiler',
      '2 March 2026 at 10:00am Priya Shah Accepted as a complaint',
      'Stage 1 acknowledged with 2 points defined',
      'Tom Okafor assigned to handle stage 1',
    ]) {
      assert.ok(body.includes(expected), `The page says “${expected}”`);
    }
    // The handler's actions in this status, and no others.
    for (const action of ['extend', 'respond', 'record-contact', 'add-point']) {
      assert.match(page.body, new RegExp(`href="/cases/${reference}/${action}"`));
    }
    for (const action of ['accept', 'escalate', 'withdraw', 'final-response']) {
      assert.doesNotMatch(page.body, new RegExp(`href="/cases/${reference}/${action}"`));
    }
  });

  void it('reads the staff only for the forms that offer them, and the record only for the page', async () => {
    const reference = await caseAtStage1();
    const withStaff = await getCasePage(deps(), org, reference, { staffFor: 'acknowledge' });
    assert.ok(withStaff.staff.some((s) => s.name === 'Tom Okafor'));
    for (const command of Object.keys(ACTION_FORMS) as CommandName[]) {
      const fields = fieldIds(ACTION_FORMS[command].fields(withStaff));
      assert.equal(Object.hasOwn(fields, 'handler'), FORMS_WITH_A_HANDLER.includes(command), command);
    }
    const bare = await getCasePage(deps(), org, reference);
    assert.equal(bare.view.version, withStaff.view.version);
    assert.deepEqual([bare.staff, bare.events, bare.contacts, bare.areas], [[], [], [], []]);
    const record = await getCasePage(deps(), org, reference, { record: true });
    assert.deepEqual(
      record.events.map((e) => e.description),
      (await getTimeline(deps(), org, reference)).events.map((e) => e.description),
    );
    assert.ok(record.areas.some((a) => a.code === 'repairs'));
  });

  void it('shows the complaint’s own words escaped, never as HTML', async () => {
    const { reference } = await receiveComplaintUseCase(
      deps(),
      org,
      complaintInput({ summary: '<script>alert("x")</script><b>bold</b>' }),
      actingAs(OFFICER),
    );
    const page = await officer.get(`/cases/${reference}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;'));
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /<b>bold/);
  });

  void it('keeps the answers and explains each problem when a form is wrong, saving nothing', async () => {
    const { reference } = await receiveComplaintUseCase(deps(), org, complaintInput(), actingAs(OFFICER));
    await actOnComplaint(
      deps(),
      { organisationId: org, caseRef: reference, actor: actor(officerStaff) },
      'accept',
      {},
    );
    const before = (await getComplaint(deps(), org, reference)).version;

    await officer.get(`/cases/${reference}/acknowledge`);
    const ack = await officer.post(`/cases/${reference}/acknowledge`, {
      version: String(before),
      points: '',
      outcomesSought: 'A new boiler\nCompensation',
    });
    assert.equal(ack.status, 400);
    assert.equal(errorSummary(ack.body), 'Enter at least one point of complaint');
    assert.deepEqual(summaryHrefs(ack.body), ['#points']);
    assert.match(ack.body, /A new boiler\nCompensation<\/textarea>/);
    assert.match(ack.body, /id="points-error"/);

    const notAccepted = await officer.post(`/cases/${reference}/not-accept`, {
      version: String(before),
      explanation: 'It is a service request',
    });
    assert.equal(notAccepted.status, 400);
    assert.equal(
      errorSummary(notAccepted.body),
      'Select a reason for not accepting the complaint Confirm the resident was told they can take this decision to the Ombudsman',
    );
    assert.deepEqual(summaryHrefs(notAccepted.body), ['#reasonCode', '#ombudsmanRightGiven']);
    assert.match(notAccepted.body, /It is a service request<\/textarea>/);

    const withdrawn = await officer.post(`/cases/${reference}/withdraw`, {
      version: String(before),
      reason: ' ',
    });
    assert.equal(withdrawn.status, 400);
    assert.equal(errorSummary(withdrawn.body), 'Enter why the complaint was withdrawn');
    assert.equal((await getComplaint(deps(), org, reference)).version, before, 'nothing was saved');
  });

  void it('maps each decision, remedy and action to its own fields on the response form', async () => {
    const reference = await caseAtStage1();
    const version = String((await getComplaint(deps(), org, reference)).version);
    const form = await handler.get(`/cases/${reference}/respond`);
    assert.equal(form.status, 200);
    assert.match(text(form.body), /Point P1: The boiler was not repaired/);
    const wrong = await handler.post(`/cases/${reference}/respond`, {
      version,
      'decision-0-outcome': 'upheld',
      'decision-0-reasons': 'We missed two appointments',
      'decision-1-reasons': 'Calls were logged',
      'remedy-2-kind': 'financial',
      'remedy-2-description': 'Compensation',
      'remedy-2-amount': 'fifty',
      'remedy-2-due-day': '31',
      'remedy-2-due-month': '2',
      'remedy-2-due-year': '2026',
      'action-1-description': 'Service the boiler',
    });
    assert.equal(wrong.status, 400);
    assert.equal(
      errorSummary(wrong.body),
      'Select upheld, partly upheld or not upheld on point P2 Enter the amount in pounds, like 50 or 25.50 (remedy 2) Enter when the remedy is due as a real date (remedy 2) Enter when the action is due (action 1)',
    );
    assert.deepEqual(summaryHrefs(wrong.body), [
      '#decision-1-outcome',
      '#remedy-2-amount',
      '#remedy-2-due-day',
      '#action-1-due-day',
    ]);
    assert.equal(inputValue(wrong.body, 'remedy-2-amount'), 'fifty');
    assert.equal(inputValue(wrong.body, 'remedy-2-due-day'), '31');
    assert.match(wrong.body, /value="upheld" checked/);

    const done = await handler.post(`/cases/${reference}/respond`, {
      version,
      'decision-0-outcome': 'upheld',
      'decision-0-reasons': 'We missed two appointments',
      'decision-1-outcome': 'not-upheld',
      'decision-1-reasons': 'Calls were logged',
      'remedy-2-kind': 'financial',
      'remedy-2-description': 'Compensation',
      'remedy-2-amount': '50.00',
      'remedy-2-due-day': '20',
      'remedy-2-due-month': '3',
      'remedy-2-due-year': '2026',
    });
    assert.equal(done.status, 303);
    assert.equal(done.location, `/cases/${reference}?done=respond`);
    const page = await handler.get(done.location);
    assert.match(text(page.body), /Stage 1 response recorded/);
    assert.match(text(page.body), /Remedy: financial: Compensation \(£50\.00\) 20 March 2026 Outstanding/);
    assert.match(text(page.body), /P2: Nobody called back Not upheld Calls were logged/);
  });

  void it('shows a refusal by the rules in plain words, in the error summary', async () => {
    const reference = await caseAtStage1();
    const view = await getComplaint(deps(), org, reference);
    const [year, month, day] = (view.deadlines.stage1Response?.due ?? '').split('-');
    const refused = await officer.post(`/cases/${reference}/extend`, {
      version: String(view.version),
      'newDueDate-day': day ?? '',
      'newDueDate-month': month ?? '',
      'newDueDate-year': year ?? '',
      reason: 'Waiting for the contractor',
      ombudsmanDetailsGiven: 'yes',
    });
    assert.equal(refused.status, 400);
    assert.equal(
      errorSummary(refused.body),
      `The new response date must be after the current one, ${dateInWords(view.deadlines.stage1Response?.due ?? '')}`,
    );
    assert.deepEqual(summaryHrefs(refused.body), ['#newDueDate-day']);
    assert.match(refused.body, /Waiting for the contractor<\/textarea>/);
    const partial = await officer.post(`/cases/${reference}/extend`, {
      version: String(view.version),
      'newDueDate-day': '4',
      'newDueDate-year': '2026',
      reason: 'Waiting for the contractor',
      ombudsmanDetailsGiven: 'yes',
    });
    assert.equal(partial.status, 400);
    assert.equal(errorSummary(partial.body), 'The new response date must include a month');

    // The officer is not the handler: only the handler may respond (and the form says so).
    const notTheirs = await handler.get(`/cases/${reference}/accept`);
    assert.equal(notTheirs.status, 403);
    const wrongState = await officer.get(`/cases/${reference}/accept`);
    assert.equal(wrongState.status, 200);
    assert.match(
      text(wrongState.body),
      /You cannot accept the complaint now: this complaint is being investigated at stage 1/,
    );
    const posted = await officer.post(`/cases/${reference}/accept`, { version: String(view.version) });
    assert.equal(posted.status, 400);
    assert.equal(
      errorSummary(posted.body),
      'You cannot accept this complaint: it is being investigated at stage 1',
    );
    assert.equal((await getComplaint(deps(), org, reference)).version, view.version);
  });

  void it('says the case has changed when the form was opened before someone else’s change', async () => {
    const reference = await caseAtStage1();
    const stale = (await getComplaint(deps(), org, reference)).version;
    await actOnComplaint(
      deps(),
      { organisationId: org, caseRef: reference, actor: actor(officerStaff) },
      'record-contact',
      { kind: 'note', summary: 'Called the resident' },
    );
    const posted = await officer.post(`/cases/${reference}/record-contact`, {
      version: String(stale),
      kind: 'note',
      summary: 'My note',
    });
    assert.equal(posted.status, 409);
    assert.match(errorSummary(posted.body) ?? '', /This case has changed since you opened this form/);
    assert.match(posted.body, /My note<\/textarea>/);
    assert.equal(
      inputValue(posted.body, 'version'),
      String(stale + 1),
      'the form now has the current version',
    );
    const page = await officer.get(`/cases/${reference}`);
    assert.doesNotMatch(page.body, /My note/, 'the stale change was not saved');
    const again = await officer.post(`/cases/${reference}/record-contact`, {
      version: String(stale + 1),
      kind: 'note',
      summary: 'My note',
    });
    assert.equal(again.status, 303);
  });

  void it('says the case changed, not that answers are missing, when a point was added meanwhile', async () => {
    const reference = await caseAtStage1();
    const stale = (await getComplaint(deps(), org, reference)).version;
    await actOnComplaint(
      deps(),
      { organisationId: org, caseRef: reference, actor: actor(handlerStaff) },
      'add-point',
      { text: 'The engineer was rude' },
    );
    const posted = await handler.post(`/cases/${reference}/respond`, {
      version: String(stale),
      'decision-0-outcome': 'upheld',
      'decision-0-reasons': 'We missed it',
      'decision-1-outcome': 'upheld',
      'decision-1-reasons': 'We did not call',
    });
    assert.equal(posted.status, 409);
    assert.match(errorSummary(posted.body) ?? '', /This case has changed since you opened this form/);
  });

  void it('refuses a handler who is not on the list rather than dropping them', async () => {
    const { reference } = await receiveComplaintUseCase(deps(), org, complaintInput(), actingAs(OFFICER));
    const request = { organisationId: org, caseRef: reference, actor: actor(officerStaff) };
    const { version } = await actOnComplaint(deps(), request, 'accept', {});
    const posted = await officer.post(`/cases/${reference}/acknowledge`, {
      version: String(version),
      points: 'The boiler was not repaired',
      outcomesSought: 'A working boiler',
      handler: 'someone-disabled-meanwhile',
    });
    assert.equal(posted.status, 400);
    assert.equal(errorSummary(posted.body), 'Select a handler from the list');
    assert.equal((await getComplaint(deps(), org, reference)).version, version, 'nothing saved');
  });

  void it('takes an escalation dated the day of a late-afternoon response as after it', async () => {
    const reference = await caseAtStage1();
    const request = { organisationId: org, caseRef: reference, actor: actor(handlerStaff) };
    const sessionTime = t.clock.now();
    try {
      t.clock.set('2026-03-02T16:30:00Z');
      await actOnComplaint(deps(), request, 'respond', {
        decisions: ['P1', 'P2'].map((pointId) => ({ pointId, outcome: 'upheld', reasons: 'We were wrong' })),
      });
      t.clock.set('2026-03-04T09:00:00Z');
      const view = await getComplaint(deps(), org, reference);
      const { input } = ACTION_FORMS.escalate.read(
        { 'requestedAt-day': '2', 'requestedAt-month': '3', 'requestedAt-year': '2026' },
        { view, staff: [], exclusionReasons: [], today: '2026-03-04' },
      );
      const escalated = await actOnComplaint(
        deps(),
        { ...request, actor: actor(officerStaff) },
        'escalate',
        input,
      );
      assert.equal(escalated.status, 'stage-2-requested');
      assert.equal(escalated.escalation?.requestedAt, '2026-03-02T23:59:00.000Z');
    } finally {
      t.clock.set(sessionTime);
    }
  });

  void it('records when an acceptance and an acknowledgement were done, from the forms’ dates', async () => {
    const sessionTime = t.clock.now();
    try {
      t.clock.set('2026-03-02T10:00:00Z');
      const { reference } = await receiveComplaintUseCase(deps(), org, complaintInput(), actingAs(OFFICER));
      // Logged on Tuesday 10 March: accepted on the 3rd, acknowledged by letter on Friday the 6th.
      t.clock.set('2026-03-10T09:00:00Z');
      const { browser: officer } = await signedIn(t, org, 'complaints-officer');
      const version = () => getComplaint(deps(), org, reference).then((v) => String(v.version));
      await officer.get(`/cases/${reference}/accept`);
      const future = await officer.post(`/cases/${reference}/accept`, {
        version: await version(),
        'occurredOn-day': '11',
        'occurredOn-month': '3',
        'occurredOn-year': '2026',
      });
      assert.equal(future.status, 400);
      assert.match(errorSummary(future.body) ?? '', /future/);
      assert.deepEqual(summaryHrefs(future.body), ['#occurredOn-day']);

      const accepted = await officer.post(`/cases/${reference}/accept`, {
        version: await version(),
        'occurredOn-day': '3',
        'occurredOn-month': '3',
        'occurredOn-year': '2026',
      });
      assert.equal(accepted.status, 303, errorSummary(accepted.body) ?? '');
      const acknowledged = await officer.post(`/cases/${reference}/acknowledge`, {
        version: await version(),
        points: 'The boiler was not repaired',
        outcomesSought: 'A working boiler',
        handler: handlerStaff.staffId,
        'occurredOn-day': '6',
        'occurredOn-month': '3',
        'occurredOn-year': '2026',
      });
      assert.equal(acknowledged.status, 303, errorSummary(acknowledged.body) ?? '');

      const view = await getComplaint(deps(), org, reference);
      assert.equal(view.deadlines.stage1Acknowledgement?.met, true, 'sent in time, logged late');
      const { events } = await getTimeline(deps(), org, reference);
      const when = (type: string) => events.find((e) => e.type === type)?.occurredAt;
      assert.equal(when('complaint-accepted'), '2026-03-03T23:59:00.000Z');
      assert.equal(when('complaint-acknowledged'), '2026-03-06T23:59:00.000Z');
    } finally {
      t.clock.set(sessionTime);
    }
  });

  void it('refuses NUL characters in answers and searches with a 400 page, saving nothing', async () => {
    const reference = await caseAtStage1();
    const { version } = await getComplaint(deps(), org, reference);
    const posted = await officer.post(`/cases/${reference}/record-contact`, {
      version: String(version),
      kind: 'note',
      summary: 'Rang\u0000 the resident',
    });
    assert.equal(posted.status, 400);
    assert.match(posted.body, /NUL character/);
    assert.equal((await getComplaint(deps(), org, reference)).version, version);
    const searched = await officer.get('/cases?q=%00boiler&handlerId=%00');
    assert.equal(searched.status, 400);
  });
});

void describe('the forms take a complaint from receipt to its final response under every preset', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const preset of PRESET_KEYS) {
    void it(preset, async () => {
      const org = (await createTestOrganisation(t, preset)).organisationId;
      const { browser: officer } = await signedIn(t, org, 'complaints-officer');
      const { browser: handler, staff: handlerStaff } = await signedIn(t, org, 'handler');
      const { browser: senior, staff: seniorStaff } = await signedIn(t, org, 'senior-lead');
      const { reference } = await receiveComplaintUseCase(
        { db: t.database.db, clock: t.clock },
        org,
        complaintInput(),
        actingAs(OFFICER),
      );
      const path = `/cases/${reference}`;
      /** Opens the form (for its version), submits it, and expects to land back on the case. */
      const act = async (browser: TestBrowser, command: string, form: Record<string, string>) => {
        const shown = await browser.get(`${path}/${command}`);
        assert.equal(shown.status, 200, `${preset}: ${command} form`);
        const version = /name="version" value="(\d+)"/.exec(shown.body)?.[1] ?? '';
        const posted = await browser.post(`${path}/${command}`, { version, ...form });
        assert.equal(posted.status, 303, `${preset}: ${command}: ${errorSummary(posted.body) ?? ''}`);
      };
      const decisions = {
        'decision-0-outcome': 'upheld',
        'decision-0-reasons': 'The appointments were missed',
        'decision-1-outcome': 'not-upheld',
        'decision-1-reasons': 'Calls were returned',
      };
      await act(officer, 'accept', {});
      await act(officer, 'acknowledge', {
        points: 'Appointments missed\nNo call back',
        outcomesSought: 'A working boiler',
        handler: handlerStaff.staffId,
      });
      await act(handler, 'respond', decisions);
      await act(officer, 'escalate', {});
      await act(senior, 'acknowledge-stage-2', { handler: seniorStaff.staffId });
      await act(senior, 'final-response', decisions);
      const page = text((await senior.get(path)).body);
      assert.match(page, /Final response sent/);
      assert.match(page, /Final \(stage 2\) response sent/);
    });
  }
});
