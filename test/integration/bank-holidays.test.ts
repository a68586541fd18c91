import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  SHIPPED_BANK_HOLIDAY_LIST,
  bankHolidayListInUse,
  calendarFor,
  parseBankHolidayList,
  toGovUkFormat,
  useBankHolidayList,
} from '../../src/domain/calendar/index.ts';
import { importBankHolidayList } from '../../src/modules/bank-holidays/import-bank-holiday-list.use-case.ts';
import {
  BankHolidayFetchError,
  fetchBankHolidayList,
} from '../../src/modules/bank-holidays/fetch-bank-holiday-list.ts';
import { insertBankHolidayList } from '../../src/modules/bank-holidays/bank-holiday-lists.repository.ts';
import { auditLog, bankHolidayLists, cases } from '../../src/platform/db/schema.ts';
import { InvalidInputError } from '../../src/platform/errors.ts';
import { rejectsWithCause } from '../support/test-database.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';

/** The shipped list with one more England and Wales holiday: Tuesday 16 June 2026. */
function withEnglishHoliday(date = '2026-06-16') {
  const doc = toGovUkFormat(SHIPPED_BANK_HOLIDAY_LIST);
  doc['england-and-wales'].events.push({ title: 'A proclaimed day', date, notes: '', bunting: true });
  return doc;
}

/** Friday 12 June 2026, 10am. */
const FRIDAY_12_JUNE = '2026-06-12T09:00:00Z';

void describe('bank holidays from the gov.uk list', () => {
  let t: TestApp;
  let england: TestOrganisation;
  let scotland: TestOrganisation;
  let englishCase: string;
  let scottishCase: string;
  const deps = () => ({ db: t.database.db, clock: t.clock });

  const due = async (caseId: string) => {
    const [row] = await t.database.db.privileged((tx) =>
      tx.select({ due: cases.currentDeadlineDue }).from(cases).where(eq(cases.caseId, caseId)),
    );
    return row?.due;
  };
  const storedLists = () => t.database.db.privileged((tx) => tx.select().from(bankHolidayLists));

  before(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-12T12:00:00Z');
    england = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Aardvark Homes');
    scotland = await createTestOrganisation(t, 'spso-mchp', undefined, 'Braw Housing');
    const input = complaintInput({ receivedAt: FRIDAY_12_JUNE, issueDate: '2026-06-10' });
    englishCase = (await api(t, england, 'POST', '/api/v1/complaints', input)).body.id as string;
    scottishCase = (await api(t, scotland, 'POST', '/api/v1/complaints', input)).body.id as string;
  });
  after(async () => {
    useBankHolidayList(null);
    await t.close();
  });

  void it('an SPSO complaint received on Friday 12 June 2026 is due on Monday 22 June (Scotland’s 15 June)', async () => {
    const res = await api(t, scotland, 'GET', `/api/v1/complaints/${scottishCase}`);
    assert.equal(res.body.country, 'scotland');
    assert.equal(res.body.deadlines.stage1Response.due, '2026-06-22');
    assert.equal(await due(scottishCase), '2026-06-22');
    // England has no holiday that week: acknowledgement due 5 working days on, Friday 19 June.
    assert.equal(await due(englishCase), '2026-06-19');
  });

  void it('importing a list that adds a holiday moves open cases’ stored deadlines, in every organisation, and audits it', async () => {
    t.clock.set('2026-06-12T13:00:00Z');
    const result = await importBankHolidayList(deps(), withEnglishHoliday(), 'file', 'test');
    assert.deepEqual(
      result.organisations.map((o) => [o.name, o.casesMoved]),
      [
        ['Aardvark Homes', 1],
        ['Braw Housing', 0],
      ],
    );
    assert.equal(await due(englishCase), '2026-06-22', 'Tuesday 16 June no longer counts');
    assert.equal(await due(scottishCase), '2026-06-22');
    const view = await api(t, england, 'GET', `/api/v1/complaints/${englishCase}`);
    assert.equal(view.body.currentDeadline.due, '2026-06-22');
    const [stored] = await storedLists();
    assert.equal(stored?.listId, result.listId);
    assert.equal(stored?.source, 'file');
    assert.equal(stored?.importedBy, 'test');
    assert.deepEqual(stored?.content, toGovUkFormat(parseBankHolidayList(withEnglishHoliday())));
    for (const [org, moved] of [
      [england, 1],
      [scotland, 0],
    ] as const) {
      const audits = await t.database.db.privileged((tx) =>
        tx
          .select({ actor: auditLog.actor, details: auditLog.details })
          .from(auditLog)
          .where(
            and(
              eq(auditLog.organisationId, org.organisationId),
              eq(auditLog.action, 'bank-holidays-imported'),
            ),
          ),
      );
      assert.deepEqual(audits, [
        { actor: 'test', details: { listId: result.listId, source: 'file', casesMoved: moved } },
      ]);
    }
    // New cases use it too.
    const later = await api(
      t,
      england,
      'POST',
      '/api/v1/complaints',
      complaintInput({ receivedAt: FRIDAY_12_JUNE, issueDate: '2026-06-10' }),
    );
    assert.equal(later.body.deadlines.stage1Acknowledgement.due, '2026-06-22');
  });

  void it('refuses a malformed list with a clear message and changes nothing', async () => {
    const inUse = bankHolidayListInUse();
    const before = await storedLists();
    const { scotland: _, ...noScotland } = withEnglishHoliday('2026-06-17');
    await assert.rejects(
      importBankHolidayList(deps(), noScotland, 'file', 'test'),
      (error: unknown) =>
        error instanceof InvalidInputError &&
        /not in the gov\.uk format: scotland is missing/.test(error.message),
    );
    const badDate = withEnglishHoliday('2026-06-31');
    await assert.rejects(
      importBankHolidayList(deps(), badDate, 'file', 'test'),
      /"2026-06-31" is not a real date/,
    );
    assert.equal((await storedLists()).length, before.length);
    assert.equal(bankHolidayListInUse(), inUse);
    assert.equal(await due(englishCase), '2026-06-22');
  });

  void it('a list another process stored is picked up before the calendars are next used', async () => {
    // As `putright holidays import` does from another process while the server runs on PostgreSQL.
    await t.database.db.privileged((tx) =>
      insertBankHolidayList(tx, {
        listId: randomUUID(),
        source: 'file',
        importedAt: t.clock.now(),
        importedBy: 'another process',
        content: toGovUkFormat(SHIPPED_BANK_HOLIDAY_LIST),
      }),
    );
    assert.ok(
      !calendarFor('england-and-wales').isWorkingDay('2026-06-16'),
      'this process still has the old list',
    );
    const res = await api(
      t,
      england,
      'POST',
      '/api/v1/complaints',
      complaintInput({ receivedAt: FRIDAY_12_JUNE, issueDate: '2026-06-10' }),
    );
    assert.equal(res.body.deadlines.stage1Acknowledgement.due, '2026-06-19');
    assert.ok(calendarFor('england-and-wales').isWorkingDay('2026-06-16'));
  });

  void it('an import while complaints are being received leaves every stored deadline on the list in force', async () => {
    const input = complaintInput({ receivedAt: FRIDAY_12_JUNE, issueDate: '2026-06-10' });
    const receipts = Array.from({ length: 8 }, () => api(t, england, 'POST', '/api/v1/complaints', input));
    const imported = importBankHolidayList(deps(), withEnglishHoliday('2026-06-17'), 'file', 'test');
    const more = Array.from({ length: 8 }, () => api(t, england, 'POST', '/api/v1/complaints', input));
    const [, ...responses] = await Promise.all([imported, ...receipts, ...more]);
    for (const response of responses) {
      assert.equal(response.status, 201);
      assert.equal(await due(response.body.id as string), '2026-06-22', 'Wednesday 17 June is a holiday');
    }
  });

  void describe('fetching the published list (holidays update)', () => {
    let server: Server;
    let base: string;
    let requests: string[];
    before(async () => {
      requests = [];
      server = createServer((request, response) => {
        requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
        if (request.url === '/bank-holidays.json') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(withEnglishHoliday('2026-06-18')));
        } else if (request.url === '/garbage.json') {
          response.writeHead(200, { 'content-type': 'text/html' });
          response.end('<html>Sorry, we’re experiencing technical difficulties</html>');
        } else if (request.url === '/slow.json') {
          setTimeout(() => response.end('{}'), 2000).unref();
        } else {
          response.writeHead(404, 'Not Found');
          response.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    void it('fetches, validates and imports the list from the configured URL', async () => {
      const url = `${base}/bank-holidays.json`;
      const list = await fetchBankHolidayList(url);
      const result = await importBankHolidayList(deps(), list, url, 'cli');
      assert.deepEqual(requests, ['GET /bank-holidays.json']);
      // Thursday 18 June replaces Wednesday 17 June: every open case is still due on the 22nd except the
      // one received under the shipped list (due on the 19th), which had already moved to the 22nd.
      assert.equal(result.organisations.find((o) => o.name === 'Aardvark Homes')?.casesMoved, 0);
      const stored = await storedLists();
      assert.equal(stored.at(-1)?.source, url);
      assert.ok(!calendarFor('england-and-wales').isWorkingDay('2026-06-18'));
    });

    void it('says clearly why it could not fetch, and changes nothing', async () => {
      const count = (await storedLists()).length;
      await assert.rejects(
        fetchBankHolidayList(`${base}/missing.json`),
        (error: unknown) =>
          error instanceof BankHolidayFetchError && /answered 404 Not Found/.test(error.message),
      );
      await assert.rejects(fetchBankHolidayList(`${base}/garbage.json`), /The bank holiday list is not JSON/);
      await assert.rejects(fetchBankHolidayList(`${base}/slow.json`, 200), /no answer within 0\.2 seconds/);
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      await rejectsWithCause(
        fetchBankHolidayList(`http://127.0.0.1:${String(port)}/bank-holidays.json`),
        /Could not fetch the bank holiday list from .*ECONNREFUSED.*import a copy with `putright holidays import <file>`/,
      );
      assert.equal((await storedLists()).length, count);
    });
  });
});
