import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, cases, contacts } from '../../src/platform/db/schema.ts';
import { getCasePage } from '../../src/modules/casework/get-case-page.use-case.ts';
import {
  listServiceAreas,
  updateServiceArea,
  updateServiceCategory,
} from '../../src/modules/administration/service-areas.repository.ts';
import { createDemoLandlord } from '../../src/modules/demo/create-demo-landlord.ts';
import type { ContactDetails } from '../../src/modules/contacts/contact.repository.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { errorSummary, heading, signedIn, type TestBrowser } from '../support/web-client.ts';

/** What a browser submits for an attribute value Nunjucks escaped. */
function unescapeHtml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A complete "Log a contact" form; the clock reads 2 March 2026, 10:00 (GMT). */
function contactForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'service-request',
    channel: 'phone',
    'received-day': '2',
    'received-month': '3',
    'received-year': '2026',
    receivedTime: '09:15',
    residentName: 'Margaret Ellis',
    residentPhone: '07700 900123',
    summary: 'The kitchen tap drips.',
    serviceArea: 'repairs',
    hasRepresentative: 'no',
    dissatisfied: 'no',
    ...overrides,
  };
}

const complaintForm = (overrides: Record<string, string> = {}) =>
  contactForm({
    kind: 'complaint',
    summary: 'Boiler repair appointment missed twice.',
    'issueDate-day': '20',
    'issueDate-month': '2',
    'issueDate-year': '2026',
    issueDateKind: 'occurred',
    ...overrides,
  });

void describe('log a contact: intake and triage', () => {
  let t: TestApp;
  let alpha: TestOrganisation;
  let beta: { organisationId: string; referencePrefix: string };
  let officer: TestBrowser;
  let frontLine: TestBrowser;

  const countRows = async (organisationId: string) =>
    t.database.db.privileged(async (tx) => ({
      contacts: (await tx.select().from(contacts).where(eq(contacts.organisationId, organisationId))).length,
      cases: (await tx.select().from(cases).where(eq(cases.organisationId, organisationId))).length,
    }));

  /** The check-your-answers page's hidden fields: what "Log the contact" submits. */
  async function checkedAnswers(
    browser: TestBrowser,
    form: Record<string, string>,
  ): Promise<Record<string, string>> {
    await browser.get('/contacts/new');
    const check = await browser.post('/contacts/new', { ...form, _step: 'check' });
    assert.equal(check.status, 200, errorSummary(check.body) ?? 'check page');
    assert.equal(heading(check.body), 'Check your answers before logging the contact');
    const hidden = [...check.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
      .filter((m) => m[1] !== '_csrf')
      .map((m) => [m[1] ?? '', unescapeHtml(m[2] ?? '')]);
    return { ...Object.fromEntries(hidden), _step: 'save' };
  }

  /** Through check-your-answers and "Log the contact"; returns where it went. */
  async function logThroughCheck(browser: TestBrowser, form: Record<string, string>): Promise<string> {
    const saved = await browser.post('/contacts/new', await checkedAnswers(browser, form));
    assert.equal(saved.status, 303, errorSummary(saved.body) ?? 'saved');
    return saved.location ?? '';
  }

  before(async () => {
    t = await startTestApp();
    alpha = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    beta = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing');
    ({ browser: officer } = await signedIn(t, alpha.organisationId, 'complaints-officer', {
      name: 'Priya Shah',
    }));
    ({ browser: frontLine } = await signedIn(t, alpha.organisationId, 'front-line', {
      name: 'Jordan Hughes',
    }));
  });
  after(() => t.close());

  void it('shows the form with triage guidance, received now by default', async () => {
    const page = await frontLine.get('/contacts/new');
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Log a contact');
    assert.match(page.body, /How to tell if this is a complaint/);
    assert.match(page.body, /we have no record of it/);
    assert.match(page.body, /name="received-year"[^>]*value="2026"/);
    assert.match(page.body, /name="receivedTime"[^>]*value="10:00"/);
  });

  void it('logs a complaint through check-your-answers: the case and its contact, linked, then the case page', async () => {
    const location = await logThroughCheck(frontLine, complaintForm());
    const reference = `${alpha.referencePrefix}-2026-000001`;
    assert.equal(location, `/cases/${reference}`);
    const [row] = await t.database.db.privileged((tx) =>
      tx.select().from(contacts).where(eq(contacts.organisationId, alpha.organisationId)),
    );
    assert.equal(row?.kind, 'complaint');
    assert.equal(row?.reference, `${alpha.referencePrefix}-C-2026-000001`);
    const [caseRow] = await t.database.db.privileged((tx) =>
      tx.select().from(cases).where(eq(cases.reference, reference)),
    );
    assert.equal(row?.linkedCaseId, caseRow?.caseId);
    const state = caseRow?.state as { receivedBy: { name: string }; issueDate: string; receivedAt: string };
    assert.equal(state.receivedBy.name, 'Jordan Hughes');
    assert.equal(state.issueDate, '2026-02-20');
    assert.equal(state.receivedAt, '2026-03-02T09:15:00.000Z');
    const { contacts: linked } = await getCasePage(
      { db: t.database.db, clock: t.clock },
      alpha.organisationId,
      caseRow?.reference ?? '',
      { record: true },
    );
    assert.deepEqual(
      linked.map((c) => [c.reference, c.kind, c.status]),
      [[`${alpha.referencePrefix}-C-2026-000001`, 'complaint', 'closed']],
    );
    const audits = await t.database.db.privileged((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, alpha.organisationId), eq(auditLog.action, 'contact.logged'))),
    );
    assert.equal(audits.length, 1);
  });

  void it('refuses dissatisfaction without a record of the choice to complain, keeping the answers', async () => {
    const before = await countRows(alpha.organisationId);
    await officer.get('/contacts/new');
    const refused = await officer.post('/contacts/new', {
      ...contactForm({ dissatisfied: 'yes', summary: 'Third time I have reported this tap' }),
      _step: 'save',
    });
    assert.equal(refused.status, 400);
    assert.equal(
      errorSummary(refused.body),
      'Confirm the resident was offered the choice to make a complaint Select what the resident chose',
    );
    assert.match(refused.body, /Third time I have reported this tap/, 'the answers are kept');
    assert.match(refused.body, /id="offeredChoice-error"/);
    assert.deepEqual(await countRows(alpha.organisationId), before, 'nothing is saved');

    const notComplaint = await officer.post('/contacts/new', {
      ...complaintForm({ dissatisfied: 'yes', offeredChoice: 'yes', residentChose: 'no-complaint' }),
      _step: 'check',
    });
    assert.equal(notComplaint.status, 400);
    assert.equal(
      errorSummary(notComplaint.body),
      'The resident did not want to complain, but the kind of contact is a complaint: select another kind, or change what they chose',
    );
  });

  void it('makes the contact a complaint when the resident chooses to complain', async () => {
    const location = await logThroughCheck(
      officer,
      complaintForm({
        kind: 'service-request',
        dissatisfied: 'yes',
        offeredChoice: 'yes',
        residentChose: 'complaint',
      }),
    );
    assert.match(location, /^\/cases\/[A-Z]+-2026-000002$/);
  });

  void it('shows every problem with a bad complaint, and saves nothing', async () => {
    const before = await countRows(alpha.organisationId);
    const wrong = await officer.post('/contacts/new', {
      ...complaintForm({
        'received-day': '31',
        'received-month': '2',
        summary: '',
        'issueDate-day': '',
        serviceArea: 'Repairs!',
        residentEmail: 'nope',
        hasRepresentative: 'yes',
      }),
      _step: 'check',
    });
    assert.equal(wrong.status, 400);
    assert.equal(
      errorSummary(wrong.body),
      'Enter the representative’s name Select the representative’s relationship to the resident Select whether the resident’s consent is held Enter the date the contact was received as a real date Enter an email address in the correct format, like name@example.com Enter a summary of the contact Enter the service area as lower-case words joined by hyphens, like repairs The date of the issue must include a day',
    );
    assert.match(wrong.body, /href="#received-day"/);
    assert.deepEqual(await countRows(alpha.organisationId), before);
    const future = await officer.post('/contacts/new', {
      ...complaintForm({ receivedTime: '11:30' }),
      _step: 'save',
    });
    assert.equal(future.status, 400);
    assert.equal(errorSummary(future.body), 'The date and time received cannot be in the future');
  });

  void it('asks whether someone acts for the resident apart from how they made contact, revealing the questions about them', async () => {
    const page = await frontLine.get('/contacts/new');
    assert.match(page.body, /Is someone acting for the resident\?/);
    // The GOV.UK conditional reveal: without JavaScript the questions show; with it, only after "Yes".
    assert.match(
      page.body,
      /name="hasRepresentative"[^>]*value="yes"[^>]*data-aria-controls="conditional-hasRepresentative"/,
    );
    const reveal =
      /<div class="govuk-radios__conditional[^"]*" id="conditional-hasRepresentative">([\s\S]*?)<\/div>\s*<\/div>/.exec(
        page.body,
      )?.[1] ?? '';
    for (const field of ['representativeName', 'representativeRelationship', 'consentHeld']) {
      assert.match(reveal, new RegExp(`name="${field}"`), `${field} is revealed by "Yes"`);
    }
    // How the contact was made is one question; a representative is not a channel.
    assert.doesNotMatch(page.body, /name="channel"[^>]*value="third-party"/);

    const unanswered = await officer.post('/contacts/new', {
      ...complaintForm({ hasRepresentative: '' }),
      _step: 'check',
    });
    assert.equal(unanswered.status, 400);
    assert.equal(errorSummary(unanswered.body), 'Select whether someone is acting for the resident');
    const noName = await officer.post('/contacts/new', {
      ...complaintForm({ hasRepresentative: 'yes' }),
      _step: 'check',
    });
    assert.equal(
      errorSummary(noName.body),
      'Enter the representative’s name Select the representative’s relationship to the resident Select whether the resident’s consent is held',
    );
  });

  void it('keeps a representative and the channel both, through check-your-answers, the case, its page and the API', async () => {
    const form = complaintForm({
      channel: 'phone',
      hasRepresentative: 'yes',
      representativeName: 'Cllr Sam Patel',
      representativeRelationship: 'councillor',
      consentHeld: 'no',
    });
    await frontLine.get('/contacts/new');
    const check = await frontLine.post('/contacts/new', { ...form, _step: 'check' });
    assert.equal(check.status, 200, errorSummary(check.body) ?? 'check page');
    const checkText = check.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(checkText, /How it was made Phone/);
    assert.match(checkText, /Representative Cllr Sam Patel \(Councillor\); consent held: No/);

    const location = await logThroughCheck(frontLine, form);
    const reference = location.replace('/cases/', '');
    assert.match(reference, /^[A-Z]+-2026-\d{6}$/);
    const casePage = await frontLine.get(location);
    const caseText = casePage.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(caseText, /Cllr Sam Patel \(Councillor\)/);
    assert.match(caseText, /How it was made Phone/);

    const [caseRow] = await t.database.db.privileged((tx) =>
      tx.select().from(cases).where(eq(cases.reference, reference)),
    );
    const view = await api(t, alpha, 'GET', `/api/v1/complaints/${caseRow?.caseId ?? ''}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.channel, 'phone');
    assert.deepEqual(view.body.representative, {
      name: 'Cllr Sam Patel',
      relationship: 'councillor',
      consentHeld: false,
    });
    const [contact] = await t.database.db.privileged((tx) =>
      tx
        .select()
        .from(contacts)
        .where(eq(contacts.linkedCaseId, caseRow?.caseId ?? '')),
    );
    assert.equal(contact?.channel, 'phone');
    assert.equal((contact?.details as ContactDetails | undefined)?.representative?.name, 'Cllr Sam Patel');
  });

  void it('keeps a service request’s representative on the complaint raised about it, with the channel of that complaint', async () => {
    const location = await logThroughCheck(
      officer,
      contactForm({
        channel: 'email',
        hasRepresentative: 'yes',
        representativeName: 'Dana Advocate',
        representativeRelationship: 'advocate',
        consentHeld: 'yes',
      }),
    );
    const path = location.replace(/\?.*/, '');
    const request = await officer.get(path);
    assert.match(request.body, /Dana Advocate \(Advocate\); consent held: yes/);
    const raised = await officer.post(`${path}/raise-complaint`, {
      channel: 'phone',
      summary: 'Still no repair.',
    });
    assert.equal(raised.status, 303, errorSummary(raised.body) ?? 'raised');
    const reference = (raised.location ?? '').replace('/cases/', '');
    const [caseRow] = await t.database.db.privileged((tx) =>
      tx.select().from(cases).where(eq(cases.reference, reference)),
    );
    const view = await api(t, alpha, 'GET', `/api/v1/complaints/${caseRow?.caseId ?? ''}`);
    assert.equal(view.body.channel, 'phone');
    assert.deepEqual(view.body.representative, {
      name: 'Dana Advocate',
      relationship: 'advocate',
      consentHeld: true,
    });
    const casePage = await officer.get(`/cases/${reference}`);
    assert.match(casePage.body, /Dana Advocate \(Advocate\)/);
  });

  void it('keeps a representative with channel phone through POST /api/v1/complaints', async () => {
    const representative = { name: 'Jo Relative', relationship: 'relative', consentHeld: true };
    const received = await api(
      t,
      alpha,
      'POST',
      '/api/v1/complaints',
      complaintInput({ channel: 'phone', representative }),
    );
    assert.equal(received.status, 201, JSON.stringify(received.body));
    assert.equal(received.body.channel, 'phone');
    assert.deepEqual(received.body.representative, representative);
    const view = await api(t, alpha, 'GET', `/api/v1/complaints/${String(received.body.id)}`);
    assert.equal(view.body.channel, 'phone');
    assert.deepEqual(view.body.representative, representative);
    const casePage = await officer.get(`/cases/${String(received.body.reference)}`);
    assert.match(casePage.body, /Jo Relative \(Relative\)/);
  });

  void it('the "Change" step shows the form again with every answer kept', async () => {
    const back = await officer.post('/contacts/new', {
      ...complaintForm({ residentName: 'Ann O’Neil & Co' }),
      _step: 'change',
    });
    assert.equal(back.status, 200);
    assert.equal(heading(back.body), 'Log a contact');
    assert.match(back.body, /value="Ann O’Neil &amp; Co"/);
    assert.match(back.body, /value="complaint" checked/);
  });

  void it('records a service request; a complaint about it leaves it open and linked; then it closes', async () => {
    const location = await logThroughCheck(officer, contactForm());
    assert.match(location, /^\/contacts\/[A-Z]+-C-2026-\d{6}\?done=logged$/);
    const path = location.replace(/\?.*/, '');
    const page = await officer.get(location);
    assert.match(page.body, /Service request logged/);
    assert.match(page.body, /Raise a complaint about this service request/);

    const missing = await officer.post(`${path}/raise-complaint`, { channel: 'phone', summary: '' });
    assert.equal(missing.status, 400);
    assert.equal(errorSummary(missing.body), 'Enter what the resident is unhappy about');

    const raised = await officer.post(`${path}/raise-complaint`, {
      channel: 'phone',
      summary: 'Nobody has come to fix the tap.',
    });
    assert.equal(raised.status, 303);
    assert.match(raised.location ?? '', /^\/cases\/[A-Z]+-2026-\d{6}$/);
    const caseReference = (raised.location ?? '').replace('/cases/', '');
    const [request] = await t.database.db.privileged((tx) =>
      tx
        .select()
        .from(contacts)
        .where(eq(contacts.reference, path.replace('/contacts/', ''))),
    );
    const [complaint] = await t.database.db.privileged((tx) =>
      tx.select().from(cases).where(eq(cases.reference, caseReference)),
    );
    assert.equal(request?.status, 'open', 'the service request stays open');
    assert.equal(request?.linkedCaseId, complaint?.caseId);
    const after = await officer.get(path);
    assert.match(after.body, new RegExp(`href="/cases/${caseReference}"`));
    const casePage = await officer.get(`/cases/${caseReference}`);
    assert.equal(casePage.status, 200);
    assert.match(casePage.body, new RegExp(`href="${path}"`), 'the case page links back to the request');

    const noOutcome = await officer.post(`${path}/close`, { outcome: ' ' });
    assert.equal(noOutcome.status, 400);
    assert.equal(errorSummary(noOutcome.body), 'Enter the outcome of the service request');
    const closed = await officer.post(`${path}/close`, { outcome: 'Tap washer replaced.' });
    assert.equal(closed.status, 303);
    const closedPage = await officer.get(closed.location ?? '');
    assert.match(closedPage.body, /The service request has been closed/);
    assert.match(closedPage.body, /Tap washer replaced\./);
    const again = await officer.post(`${path}/close`, { outcome: 'Twice' });
    assert.equal(again.status, 400);
    assert.equal(errorSummary(again.body), 'This service request is closed');
  });

  void it('records a compliment and that it was passed on', async () => {
    const location = await logThroughCheck(
      frontLine,
      contactForm({
        kind: 'compliment',
        serviceArea: '',
        summary: 'Dave fixed the boiler quickly and cleaned up.',
        staffMemberName: 'Dave Jones',
        managerName: 'Tom Okafor',
      }),
    );
    const path = location.replace(/\?.*/, '');
    const page = await frontLine.get(path);
    assert.match(page.body, /Dave Jones \(manager: Tom Okafor\)/);
    assert.match(page.body, /Not yet/);
    const passed = await frontLine.post(`${path}/passed-on`, { passedOnTo: 'Dave Jones and Tom Okafor' });
    assert.equal(passed.status, 303);
    const after = await frontLine.get(passed.location ?? '');
    assert.match(after.body, /To Dave Jones and Tom Okafor, by Jordan Hughes, 2 March 2026 at 10:00am/);
    assert.match(after.body, /Closed/);
  });

  void it('records a compliment passed on at intake as closed', async () => {
    const location = await logThroughCheck(
      frontLine,
      contactForm({
        kind: 'compliment',
        staffMemberName: 'Dave Jones',
        managerName: 'Tom Okafor',
        passedOn: 'yes',
      }),
    );
    const page = await frontLine.get(location);
    assert.doesNotMatch(page.body, /Record that this was passed on/);
    assert.match(page.body, /To Dave Jones and Tom Okafor, by Jordan Hughes/);
  });

  void it('records a suggestion, then its assessment and outcome', async () => {
    const location = await logThroughCheck(
      officer,
      contactForm({ kind: 'suggestion', serviceArea: '', summary: 'Text me before a repair visit.' }),
    );
    const path = location.replace(/\?.*/, '');
    const refused = await officer.post(`${path}/suggestion-outcome`, { assessment: 'Good idea' });
    assert.equal(refused.status, 400);
    assert.equal(
      errorSummary(refused.body),
      'Select whether the suggestion will be adopted Confirm the resident has been told the outcome',
    );
    const done = await officer.post(`${path}/suggestion-outcome`, {
      decision: 'adopted',
      assessment: 'Repairs will send texts from April.',
      residentTold: 'yes',
    });
    assert.equal(done.status, 303);
    const page = await officer.get(done.location ?? '');
    assert.match(page.body, /Adopted: Repairs will send texts from April\./);
  });

  void it('lists contacts with filters, newest first, and escapes what residents wrote', async () => {
    await logThroughCheck(
      officer,
      contactForm({ summary: '<script>alert(1)</script> leak', residentName: '<b>Bold</b>' }),
    );
    const list = await officer.get('/contacts');
    assert.equal(list.status, 200);
    assert.equal(heading(list.body), 'Contacts');
    assert.doesNotMatch(list.body, /<script>alert/);
    assert.match(list.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt; leak/);
    assert.match(list.body, /&lt;b&gt;Bold&lt;\/b&gt;/);
    const suggestions = await officer.get('/contacts?kind=suggestion');
    assert.match(suggestions.body, /1 contact</);
    assert.match(suggestions.body, /Text me before a repair visit/);
    assert.doesNotMatch(suggestions.body, /kitchen tap/);
    const open = await officer.get('/contacts?kind=service-request&status=open');
    assert.doesNotMatch(open.body, /No contacts match/);
    const escaped =
      /href="\/contacts\/([A-Z]+-C-2026-\d{6})">[^<]*<\/a><\/th>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>&lt;b&gt;/.exec(
        list.body,
      );
    const page = await officer.get(`/contacts/${escaped?.[1] ?? ''}`);
    assert.match(page.body, /&lt;script&gt;/);
  });

  void it('paginates the contact log', async () => {
    const { browser } = await signedIn(t, beta.organisationId, 'handler');
    for (let i = 0; i < 26; i += 1) {
      await browser.get('/contacts/new');
      const saved = await browser.post('/contacts/new', {
        ...contactForm({ summary: `Request ${i}` }),
        _step: 'save',
      });
      assert.equal(saved.status, 303);
    }
    const first = await browser.get('/contacts?kind=service-request');
    assert.match(first.body, /26 contacts, page 1/);
    assert.match(first.body, /href="\/contacts\?kind=service-request&amp;page=2"/);
    const second = await browser.get('/contacts?kind=service-request&page=2');
    assert.equal((second.body.match(/<tr class="govuk-table__row">/g) ?? []).length, 2);
  });

  void it('seeds the demo landlord’s contacts through the same use cases', async () => {
    const demo = await createDemoLandlord(t.database.db, t.clock.now());
    const rows = await t.database.db.privileged((tx) =>
      tx.select().from(contacts).where(eq(contacts.organisationId, demo.organisationId)),
    );
    assert.equal(rows.length, 7);
    assert.deepEqual([...new Set(rows.map((r) => `${r.kind}:${r.status}`))].sort(), [
      'compliment:closed',
      'compliment:open',
      'service-request:closed',
      'service-request:open',
      'suggestion:closed',
      'suggestion:open',
    ]);
    assert.equal(rows.filter((r) => r.linkedCaseId !== null).length, 1, 'one request has a complaint');
  });

  void it('logs a contact once when check-your-answers is submitted twice, one after the other or at once', async () => {
    const before = await countRows(alpha.organisationId);
    const answers = await checkedAnswers(officer, complaintForm({ summary: 'Clicked twice.' }));
    assert.match(answers.contactId ?? '', /^[0-9a-f-]{36}$/, 'the check page gives the contact its id');
    const first = await officer.post('/contacts/new', answers);
    const second = await officer.post('/contacts/new', answers);
    assert.equal(first.status, 303);
    assert.equal(second.status, 303);
    assert.match(first.location ?? '', /^\/cases\/[A-Z]+-2026-\d{6}$/);
    assert.equal(second.location, first.location, 'the repeat goes to the complaint already logged');
    const once = await countRows(alpha.organisationId);
    assert.deepEqual(once, { contacts: before.contacts + 1, cases: before.cases + 1 });

    // "Change" keeps the id, so changing an answer after logging does not make a second contact.
    const changed = await officer.post('/contacts/new', { ...answers, _step: 'change' });
    assert.match(changed.body, new RegExp(`name="contactId" value="${answers.contactId ?? ''}"`));

    const request = await checkedAnswers(officer, contactForm({ summary: 'Submitted at once.' }));
    const both = await Promise.all([
      officer.post('/contacts/new', request),
      officer.post('/contacts/new', request),
    ]);
    assert.deepEqual(
      both.map((r) => r.status),
      [303, 303],
    );
    assert.equal(both[0]?.location, both[1]?.location);
    assert.match(both[0]?.location ?? '', /^\/contacts\/[A-Z]+-C-2026-\d{6}\?done=logged$/);
    assert.deepEqual(await countRows(alpha.organisationId), { ...once, contacts: once.contacts + 1 });
    const audits = await t.database.db.privileged((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, alpha.organisationId), eq(auditLog.action, 'contact.logged'))),
    );
    assert.equal(audits.length, once.contacts + 1, 'one audit entry per contact');
  });

  void it('shows a complaint in the contact log as handled as its case, and explains the status filter', async () => {
    const caseReference = `${alpha.referencePrefix}-2026-000001`;
    const list = await officer.get('/contacts?kind=complaint');
    assert.match(
      list.body,
      new RegExp(
        `Handled as complaint <a class="govuk-link" href="/cases/${caseReference}">${caseReference}</a>`,
      ),
    );
    assert.doesNotMatch(list.body, />Closed</, 'a live complaint is not shown as closed');
    assert.match(list.body, /Complaints are handled on their case, so they are never open here/);
    assert.match(list.body, /Closed or handled as a complaint/);
    const page = await officer.get(`/contacts/${alpha.referencePrefix}-C-2026-000001`);
    assert.match(
      page.body,
      new RegExp(`Handled as complaint <a class="govuk-link" href="/cases/${caseReference}"`),
    );
  });

  void it('shows a success banner only for the actions it knows, never for inherited names', async () => {
    const path = `/contacts/${alpha.referencePrefix}-C-2026-000001`;
    assert.match((await officer.get(`${path}?done=logged`)).body, /govuk-notification-banner/);
    for (const done of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'nonsense']) {
      const page = await officer.get(`${path}?done=${done}`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /govuk-notification-banner/, done);
      assert.doesNotMatch(page.body, /function|native code/, done);
    }
  });

  void it('refuses retired service areas and categories, even when every area is retired', async () => {
    const gamma = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Gamma Homes');
    const { browser } = await signedIn(t, gamma.organisationId, 'complaints-officer');
    const retired = new Date('2026-01-01T00:00:00Z');
    // Every area it started with is retired.
    await t.database.db.forOrganisation(gamma.organisationId, async (tx) => {
      for (const area of await listServiceAreas(tx, gamma.organisationId)) {
        await updateServiceArea(tx, gamma.organisationId, area.code, { retiredAt: retired });
      }
    });
    const check = (form: Record<string, string>) =>
      browser.post('/contacts/new', { ...contactForm(form), _step: 'check' });
    await browser.get('/contacts/new');

    const allRetired = await check({ serviceArea: 'anything' });
    assert.equal(allRetired.status, 400);
    assert.equal(
      errorSummary(allRetired.body),
      'None of your organisation’s service areas is in use: ask an administrator to add one',
    );
    const retiredArea = await check({ serviceArea: 'repairs' });
    assert.equal(retiredArea.status, 400);
    assert.equal(errorSummary(retiredArea.body), 'Repairs is no longer in use: select another service area');

    await t.database.db.forOrganisation(gamma.organisationId, async (tx) => {
      await updateServiceArea(tx, gamma.organisationId, 'estate-services', { retiredAt: null });
      await updateServiceCategory(
        tx,
        gamma.organisationId,
        { serviceArea: 'estate-services', code: 'waste-and-bins' },
        { retiredAt: retired },
      );
    });
    assert.equal(
      errorSummary((await check({ serviceArea: 'anything' })).body),
      'Select a service area from the list',
    );
    assert.equal(
      errorSummary((await check({ serviceArea: 'repairs' })).body),
      'Repairs is no longer in use: select another service area',
    );
    assert.equal(
      errorSummary((await check({ serviceArea: 'estate-services', category: 'waste-and-bins' })).body),
      'Waste and bins is no longer in use: select another category of Estate services and grounds',
    );
    assert.equal((await check({ serviceArea: 'estate-services', category: 'cleaning' })).status, 200);
    assert.deepEqual(await countRows(gamma.organisationId), { contacts: 0, cases: 0 });
  });

  void it('refuses board members and administrators, and hides another organisation’s contacts', async () => {
    for (const role of ['board-member', 'administrator'] as const) {
      const { browser } = await signedIn(t, alpha.organisationId, role);
      assert.equal((await browser.get('/contacts/new')).status, 403);
      assert.equal((await browser.get('/contacts')).status, 403);
      await browser.get('/dashboard');
      assert.equal((await browser.post('/contacts/new', { ...contactForm(), _step: 'save' })).status, 403);
    }
    const { browser: betaOfficer } = await signedIn(t, beta.organisationId, 'complaints-officer');
    const alphaContact = `${alpha.referencePrefix}-C-2026-000001`;
    assert.equal((await betaOfficer.get(`/contacts/${alphaContact}`)).status, 404);
    await betaOfficer.get('/contacts');
    assert.equal((await betaOfficer.post(`/contacts/${alphaContact}/close`, { outcome: 'x' })).status, 404);
    assert.equal((await officer.get('/contacts/NOT-A-CONTACT')).status, 404);
    assert.equal((await officer.get('/contacts/bad%20ref')).status, 404);
  });

  void it('keeps the resident’s address, postcode and tenancy reference from the form to the case and the API', async () => {
    const answers = {
      residentAddress: 'Flat 2\n12 Oak Road\nManchester',
      residentPostcode: 'm1  1aa',
      tenancyReference: 'TEN-004512',
      residentEmail: 'margaret@example.com',
    };
    const check = await frontLine.post('/contacts/new', { ...complaintForm(answers), _step: 'check' });
    assert.equal(check.status, 200, errorSummary(check.body) ?? 'check page');
    assert.match(
      check.body,
      /Address<\/dt>\s*<dd class="govuk-summary-list__value app-multiline">Flat 2\n12 Oak Road\nManchester</,
    );
    assert.match(check.body, /Postcode<\/dt>\s*<dd class="govuk-summary-list__value app-multiline">M1 1AA</);
    assert.match(
      check.body,
      /Tenancy reference<\/dt>\s*<dd class="govuk-summary-list__value app-multiline">TEN-004512</,
    );
    const location = await logThroughCheck(frontLine, complaintForm(answers));
    const reference = location.replace('/cases/', '');
    const casePage = await officer.get(location);
    assert.equal(casePage.status, 200);
    assert.match(casePage.body, /Flat 2[\s\S]*12 Oak Road[\s\S]*Manchester[\s\S]*M1 1AA/);
    assert.match(casePage.body, /TEN-004512/);
    const detail = await api(t, alpha, 'GET', `/api/v1/complaints/${reference}`);
    assert.deepEqual(detail.body.complainant.contact, {
      phone: '07700 900123',
      email: 'margaret@example.com',
      address: 'Flat 2\n12 Oak Road\nManchester',
      postcode: 'M1 1AA',
    });
    assert.equal(detail.body.complainant.tenancyReference, 'TEN-004512');
  });

  void it('refuses a postcode that is not shaped like one, keeping the answers', async () => {
    const before = await countRows(alpha.organisationId);
    const refused = await frontLine.post('/contacts/new', {
      ...complaintForm({ residentAddress: '12 Oak Road', residentPostcode: 'Manchester' }),
      _step: 'check',
    });
    assert.equal(refused.status, 400);
    assert.equal(errorSummary(refused.body), 'Enter a real postcode, like M1 1AA');
    assert.match(refused.body, /id="residentPostcode-error"/);
    assert.match(refused.body, /12 Oak Road/);
    assert.deepEqual(await countRows(alpha.organisationId), before, 'nothing is saved');
  });
});
