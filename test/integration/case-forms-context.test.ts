import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { calendarFor, dateInWords } from '../../src/domain/calendar/index.ts';
import { actOnComplaint } from '../../src/modules/complaints/act-on-complaint.use-case.ts';
import { getComplaint } from '../../src/modules/complaints/get-complaint.use-case.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
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

/** The "Add another remedy" button, its attributes in any order. */
const ADD_REMEDY = /<button(?=[^>]*name="add")(?=[^>]*value="remedy")[^>]*>/;

/** The forms show what the person answering needs, and the case page shows what the forms stored. */
void describe('case forms give the answerer what they need', () => {
  let t: TestApp;
  let org: string;
  let officer: TestBrowser;
  let handler: TestBrowser;
  let officerStaff: TestStaff;
  let handlerStaff: TestStaff;
  const deps = () => ({ db: t.database.db, clock: t.clock });

  const received = () =>
    receiveComplaintUseCase(
      deps(),
      org,
      complaintInput({
        summary: 'The boiler has broken three times since October.',
        complainant: {
          kind: 'named',
          name: 'Margaret Ellis',
          reasonableAdjustments: 'Large print letters',
          vulnerabilities: 'Hard of hearing',
        },
      }),
      actingAs(OFFICER),
    );

  async function acknowledged(): Promise<string> {
    const { reference } = await received();
    const request = { organisationId: org, caseRef: reference, actor: actorOf(officerStaff) };
    await actOnComplaint(deps(), request, 'accept', {});
    await actOnComplaint(deps(), request, 'acknowledge', {
      points: [{ text: 'The boiler was not repaired' }, { text: 'Nobody called back' }],
      outcomesSought: ['A working boiler', 'An apology'],
      handler: { staffId: handlerStaff.staffId },
    });
    return reference;
  }

  before(async () => {
    t = await startTestApp();
    org = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Context Homes')).organisationId;
    ({ browser: officer, staff: officerStaff } = await signedIn(t, org, 'complaints-officer'));
    ({ browser: handler, staff: handlerStaff } = await signedIn(t, org, 'handler'));
  });
  after(() => t.close());

  void it('the acknowledgement form shows the complaint and the response date acknowledging today sets', async () => {
    const { reference } = await received();
    await actOnComplaint(
      deps(),
      { organisationId: org, caseRef: reference, actor: actorOf(officerStaff) },
      'accept',
      {},
    );
    const page = text((await officer.get(`/cases/${reference}/acknowledge`)).body);
    for (const expected of [
      'The complaint What the resident said The boiler has broken three times since October.',
      'Received 2 March 2026',
      'Reasonable adjustments Large print letters',
      'Vulnerabilities Hard of hearing',
    ])
      assert.ok(page.includes(expected), `The form says “${expected}”`);
    // Code 2024: 10 working days from the acknowledgement; the test clock is Monday 2 March 2026.
    const due = calendarFor('england-and-wales').addWorkingDays('2026-03-02', 10);
    assert.equal(due, '2026-03-16');
    assert.ok(
      page.includes(
        `The policy gives 10 working days for the stage 1 response from the acknowledgement, so the response date is set by the date you give below: acknowledged today, the response is due on ${dateInWords(due)}.`,
      ),
    );
  });

  void it('the response form shows the outcomes sought and points, and each error names its point', async () => {
    const reference = await acknowledged();
    const form = await handler.get(`/cases/${reference}/respond`);
    const page = text(form.body);
    assert.ok(page.includes('Outcomes sought A working boiler An apology'));
    assert.ok(page.includes('Points of complaint Point P1 (stage 1): The boiler was not repaired'));
    assert.ok(page.includes('Reasonable adjustments Large print letters'));
    const version = String((await getComplaint(deps(), org, reference)).version);
    const wrong = await handler.post(`/cases/${reference}/respond`, {
      version,
      'decision-0-outcome': 'upheld',
      'decision-0-reasons': 'We missed two appointments',
      'decision-1-outcome': 'not-upheld',
    });
    assert.equal(wrong.status, 400);
    assert.equal(errorSummary(wrong.body), 'Enter the reasons for the decision on point P2');
  });

  void it('the extension form says the latest date allowed without a good reason, which the rules accept', async () => {
    const reference = await acknowledged();
    const view = await getComplaint(deps(), org, reference);
    const limit = view.extensionLimit;
    assert.ok(limit?.latestWithoutGoodReason);
    const original = view.deadlines.stage1Response?.originalDue ?? '';
    assert.equal(limit.originalDue, original);
    assert.equal(limit.capWorkingDays, 10);
    const calendar = calendarFor('england-and-wales');
    assert.equal(calendar.workingDaysBetween(original, limit.latestWithoutGoodReason), 10);
    const page = text((await officer.get(`/cases/${reference}/extend`)).body);
    assert.ok(
      page.includes(
        `Without a good reason, the policy allows a new date up to ${dateInWords(limit.latestWithoutGoodReason)} (10 working days after the original date, ${dateInWords(original)}).`,
      ),
      page,
    );
    // The next working day is refused without a good reason; the date offered is accepted.
    const [y1, m1, d1] = calendar.addWorkingDays(limit.latestWithoutGoodReason, 1).split('-');
    const tooLate = await officer.post(`/cases/${reference}/extend`, {
      version: String(view.version),
      'newDueDate-day': d1 ?? '',
      'newDueDate-month': m1 ?? '',
      'newDueDate-year': y1 ?? '',
      reason: 'Waiting for the contractor',
      ombudsmanDetailsGiven: 'yes',
    });
    assert.equal(tooLate.status, 400);
    assert.match(
      errorSummary(tooLate.body) ?? '',
      /the policy allows at most 10 at stage 1 without a good reason/,
    );
    const [y, m, d] = limit.latestWithoutGoodReason.split('-');
    const ok = await officer.post(`/cases/${reference}/extend`, {
      version: String(view.version),
      'newDueDate-day': d ?? '',
      'newDueDate-month': m ?? '',
      'newDueDate-year': y ?? '',
      reason: 'Waiting for the contractor',
      ombudsmanDetailsGiven: 'yes',
      updateInterval: 'every Friday by phone',
    });
    assert.equal(ok.status, 303);
    const casePage = text((await officer.get(`/cases/${reference}`)).body);
    assert.ok(casePage.includes('Updates to the resident: every Friday by phone'), casePage);
    // The extended date's own limit is still counted from the original date.
    assert.equal((await getComplaint(deps(), org, reference)).extensionLimit?.originalDue, original);
  });

  void it('adds remedy rows one at a time without JavaScript, keeping the answers, up to the API limit', async () => {
    const reference = await acknowledged();
    const version = String((await getComplaint(deps(), org, reference)).version);
    const first = await handler.get(`/cases/${reference}/respond`);
    assert.match(first.body, /name="remedy-1-description"/);
    assert.doesNotMatch(first.body, /name="remedy-2-description"/);
    assert.match(first.body, ADD_REMEDY);
    const answers: Record<string, string> = {
      version,
      'decision-0-outcome': 'upheld',
      'decision-0-reasons': 'Missed visits',
      'decision-1-outcome': 'not-upheld',
      'decision-1-reasons': 'Calls logged',
    };
    for (let row = 1; row <= 4; row++) {
      answers[`remedy-${row}-kind`] = 'apology';
      answers[`remedy-${row}-description`] = `Apology ${row}`;
      answers[`remedy-${row}-due-day`] = '20';
      answers[`remedy-${row}-due-month`] = '3';
      answers[`remedy-${row}-due-year`] = '2026';
      if (row === 4) break;
      const grown = await handler.post(`/cases/${reference}/respond`, {
        ...answers,
        remedyRows: String(row),
        add: 'remedy',
      });
      assert.equal(grown.status, 200);
      assert.match(grown.body, new RegExp(`name="remedy-${row + 1}-description"`));
      assert.match(grown.body, new RegExp(`value="Apology ${row}"`));
      assert.match(grown.body, new RegExp(`name="remedyRows" value="${row + 1}"`));
    }
    // At the API's limit of 50 rows, no button offers another.
    const full = await handler.post(`/cases/${reference}/respond`, {
      version,
      remedyRows: '50',
      add: 'remedy',
    });
    assert.match(full.body, /name="remedyRows" value="50"/);
    assert.doesNotMatch(full.body, ADD_REMEDY);
    // Nothing is recorded until the response is sent.
    assert.equal(String((await getComplaint(deps(), org, reference)).version), version);
    const sent = await handler.post(`/cases/${reference}/respond`, { ...answers, remedyRows: '4' });
    assert.equal(sent.status, 303);
    const view = await getComplaint(deps(), org, reference);
    assert.deepEqual(
      view.remediesAndActions.map((i) => i.description),
      ['Apology 1', 'Apology 2', 'Apology 3', 'Apology 4'],
    );
  });

  void it('completes several remedies and actions with one form, each on the timeline', async () => {
    const reference = await acknowledged();
    const request = { organisationId: org, caseRef: reference, actor: actorOf(handlerStaff) };
    await actOnComplaint(deps(), request, 'respond', {
      decisions: [
        { pointId: 'P1', outcome: 'upheld', reasons: 'Missed visits' },
        { pointId: 'P2', outcome: 'not-upheld', reasons: 'Calls logged' },
      ],
      remedies: [{ kind: 'apology', description: 'Apology letter', dueDate: '2026-03-10' }],
      actions: [
        { description: 'Replace the boiler', dueDate: '2026-03-20' },
        { description: 'Service the radiators', dueDate: '2026-03-27' },
      ],
    });
    const form = await officer.get(`/cases/${reference}/complete-action`);
    assert.match(form.body, /name="itemIds-R1"/);
    assert.match(form.body, /name="itemIds-A2"/);
    const version = String((await getComplaint(deps(), org, reference)).version);
    const none = await officer.post(`/cases/${reference}/complete-action`, { version });
    assert.equal(none.status, 400);
    assert.equal(errorSummary(none.body), 'Select the remedies and actions that are complete');
    assert.match(none.body, /href="#itemIds"/);
    const done = await officer.post(`/cases/${reference}/complete-action`, {
      version,
      'itemIds-R1': 'yes',
      'itemIds-A2': 'yes',
      // Not offered (no such item): ignored, never recorded.
      'itemIds-A9': 'yes',
      'completedOn-day': '2',
      'completedOn-month': '3',
      'completedOn-year': '2026',
    });
    assert.equal(done.status, 303);
    const view = await getComplaint(deps(), org, reference);
    assert.deepEqual(
      view.remediesAndActions.map((i) => [i.id, i.completedOn]),
      [
        ['R1', '2026-03-02'],
        ['A1', null],
        ['A2', '2026-03-02'],
      ],
    );
    const page = text((await officer.get(`/cases/${reference}`)).body);
    assert.ok(page.includes('R1 completed on 2 March 2026'));
    assert.ok(page.includes('A2 completed on 2 March 2026'));
  });

  void it('the case page shows the learning recorded with a response', async () => {
    const reference = await acknowledged();
    const version = String((await getComplaint(deps(), org, reference)).version);
    const done = await handler.post(`/cases/${reference}/respond`, {
      version,
      'decision-0-outcome': 'upheld',
      'decision-0-reasons': 'We missed two appointments',
      'decision-1-outcome': 'not-upheld',
      'decision-1-reasons': 'Calls were logged',
      learning: 'Book boiler repairs with a named engineer',
    });
    assert.equal(done.status, 303);
    const page = text((await handler.get(`/cases/${reference}`)).body);
    assert.ok(page.includes('What the landlord learned (stage 1) Book boiler repairs with a named engineer'));
    const view = await getComplaint(deps(), org, reference);
    assert.equal(view.learning.stage1, 'Book boiler repairs with a named engineer');
    assert.equal(view.extensionLimit, null);
  });
});
