import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ROLES, rolesAllowedTo } from '../../src/domain/access/permissions.ts';
import { londonDateOf } from '../../src/domain/calendar/index.ts';
import { neutraliseFormula } from '../../src/modules/case-export/case-export-columns.ts';
import { exportCases } from '../../src/modules/case-export/export-cases.use-case.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
import { createDemoLandlord, type DemoLandlord } from '../../src/modules/demo/create-demo-landlord.ts';
import { auditLog } from '../../src/platform/db/schema.ts';
import {
  actingAs,
  api,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { errorSummary, signedIn, TestBrowser } from '../support/web-client.ts';
import { complaint, demoActor, referencesOn } from './case-list-support.ts';

/** RFC 4180 CSV, as a spreadsheet reads it: quoted fields may hold commas, quotes and new lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted && c === '"' && text.charAt(i + 1) === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    }
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const HEADINGS = [
  'Reference',
  'Kind',
  'Status',
  'Stage',
  'Received',
  'Service area',
  'How it was made',
  'Complainant',
  'Handler',
  'Current deadline',
  'Current deadline date',
  'Last deadline outcome',
];

/** The link to the next page of the list, unescaped. */
function nextLink(body: string): string | null {
  const match = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/.exec(body);
  return match?.[1]?.replaceAll('&amp;', '&') ?? null;
}

/** Names a spreadsheet would run as formulas if they were written as they are. */
const FORMULAS = ['=HYPERLINK("http://evil.test","Click")', '+44 1234', '-2+3', '@SUM(A1)'];

void describe('exporting the case list as CSV and XLSX', () => {
  let t: TestApp;
  let demo: DemoLandlord;
  let other: TestOrganisation;
  let officer: TestBrowser;
  let officerId: string;
  const deps = () => ({ db: t.database.db, clock: t.clock });

  before(async () => {
    t = await startTestApp();
    demo = await createDemoLandlord(t.database.db, t.clock.now());
    // Enough cases for the list to run to two pages of 25, received on different days and times.
    for (let i = 0; i < 30; i += 1) {
      const name = FORMULAS[i] ?? `Resident ${String(i)}`;
      const day = String(1 + (i % 28)).padStart(2, '0');
      await receiveComplaintUseCase(
        deps(),
        demo.organisationId,
        complaint(name, {
          receivedAt: `2026-02-${day}T${String(8 + (i % 9)).padStart(2, '0')}:00:00Z`,
          issueDate: '2026-01-20',
          ...(i % 3 === 0 ? { channel: 'email' } : {}),
        }),
        demoActor(demo),
      );
    }
    other = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Other Homes');
    await receiveComplaintUseCase(
      deps(),
      other.organisationId,
      complaint('Olivia Brown Elsewhere'),
      actingAs(OFFICER),
    );
    const signedInOfficer = await signedIn(t, demo.organisationId, 'complaints-officer');
    officer = signedInOfficer.browser;
    officerId = signedInOfficer.staff.staffId;
  });
  after(() => t.close());

  /** Every reference the list shows, walking its pages by "Next". */
  async function walkList(query: string): Promise<string[]> {
    const references: string[] = [];
    let url: string | null = `/cases${query}`;
    while (url) {
      const page = await officer.get(url);
      assert.equal(page.status, 200, `${url}: ${errorSummary(page.body) ?? ''}`);
      references.push(...referencesOn(page.body));
      url = nextLink(page.body);
    }
    return references;
  }

  async function csvOf(url: string, browser = officer) {
    const response = await browser.get(url);
    assert.equal(
      response.status,
      200,
      `${url}: ${errorSummary(response.body) ?? response.body.slice(0, 300)}`,
    );
    return { response, rows: parseCsv(response.body) };
  }

  async function xlsxOf(payload: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Cases');
    assert.ok(sheet, 'the workbook has a Cases sheet');
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    return rows;
  }

  const today = () => londonDateOf(t.clock.now());

  void it('downloads exactly the list, row for row over every page, for several filters and sorts', async () => {
    const queries = [
      '',
      '?sort=oldest',
      '?sort=deadline',
      '?open=true&sort=deadline',
      '?channel=email',
      '?q=Resident',
    ];
    for (const query of queries) {
      const listed = await walkList(query);
      assert.ok(listed.length > 0, `${query} lists cases`);
      const { rows } = await csvOf(`/cases/export.csv${query}`);
      assert.deepEqual(rows[0], HEADINGS);
      assert.deepEqual(
        rows.slice(1).map((r) => r[0]),
        listed,
        `CSV for ${query || 'no filter'}`,
      );
      const xlsx = await officer.get(`/cases/export.xlsx${query}`);
      assert.equal(xlsx.status, 200);
      const sheet = await xlsxOf(xlsx.response.rawPayload);
      assert.deepEqual(sheet[0], HEADINGS);
      assert.deepEqual(
        sheet.slice(1).map((r) => r[0]),
        listed,
        `XLSX for ${query || 'no filter'}`,
      );
    }
    // Unfiltered, the list runs past its first page: the export has every page, not the first.
    assert.ok((await walkList('')).length > 25);
  });

  void it('ignores the list page the link was followed from', async () => {
    const first = await officer.get('/cases');
    const next = nextLink(first.body);
    assert.ok(next, 'the list has a second page');
    const all = await csvOf('/cases/export.csv');
    const fromSecondPage = await csvOf(next.replace('/cases?', '/cases/export.csv?'));
    assert.deepEqual(fromSecondPage.rows, all.rows);
  });

  void it('offers the download from the list, carrying its filters and sort but not its page', async () => {
    const first = await officer.get('/cases?sort=oldest&q=');
    const second = nextLink(first.body);
    assert.ok(second, 'the list has a second page');
    const page = await officer.get(second);
    assert.match(page.body, /href="\/cases\/export\.csv\?sort=oldest"/);
    assert.match(page.body, /href="\/cases\/export\.xlsx\?sort=oldest"/);
    const filtered = await officer.get('/cases?channel=email&sort=deadline');
    assert.match(filtered.body, /href="\/cases\/export\.csv\?channel=email&amp;sort=deadline"/);
    const unfiltered = await officer.get('/cases');
    assert.match(unfiltered.body, /href="\/cases\/export\.csv"/);
  });

  void it('names the file with today’s date, is never cached, and writes the list’s words and ISO dates', async () => {
    const { response, rows } = await csvOf('/cases/export.csv?channel=email&sort=oldest');
    assert.equal(response.headers['content-disposition'], `attachment; filename="cases-${today()}.csv"`);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.equal(response.headers['cache-control'], 'no-store');
    for (const row of rows.slice(1)) {
      assert.equal(row.length, HEADINGS.length);
      assert.equal(row[6], 'Email');
      assert.match(row[3] ?? '', /^Stage [12]$/);
      assert.match(row[4] ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(row[10] === '' || /^\d{4}-\d{2}-\d{2}$/.test(row[10] ?? ''), row[10]);
    }
    const api = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/complaints?channel=email&sort=oldest&limit=1',
        headers: { authorization: `Bearer ${demo.apiKey}` },
      })
    ).json<{ items: { reference: string; receivedAt: string; status: string }[] }>();
    const first = api.items[0];
    assert.ok(first);
    assert.equal(rows[1]?.[0], first.reference);
    assert.equal(rows[1]?.[4], londonDateOf(first.receivedAt));
    const xlsx = await officer.get('/cases/export.xlsx?channel=email&sort=oldest');
    assert.equal(xlsx.headers['content-disposition'], `attachment; filename="cases-${today()}.xlsx"`);
    assert.equal(xlsx.headers['cache-control'], 'no-store');
    const sheet = await xlsxOf(xlsx.response.rawPayload);
    const received = sheet[1]?.[4];
    assert.ok(received instanceof Date, 'Received is a date cell');
    assert.equal(received.toISOString().slice(0, 10), londonDateOf(first.receivedAt));
  });

  void it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { rows } = await csvOf('/cases/export.csv');
    const names = rows.slice(1).map((r) => r[7]);
    for (const formula of FORMULAS) {
      assert.ok(names.includes(`'${formula}`), `${JSON.stringify(formula)} is written as text`);
      assert.ok(!names.includes(formula), `${JSON.stringify(formula)} is never written as it is`);
    }
    assert.ok(names.includes('Resident 10'), 'other names are written as they are');
    // Names are trimmed when received, so a leading tab or carriage return is checked here.
    assert.equal(neutraliseFormula('\tcmd'), "'\tcmd");
    assert.equal(neutraliseFormula('\rcmd'), "'\rcmd");
    assert.equal(neutraliseFormula('a=b'), 'a=b');
  });

  void it('is for the roles that may see the list; others are refused and strangers sent to sign in', async () => {
    for (const role of ROLES) {
      const { browser } = await signedIn(t, demo.organisationId, role);
      for (const format of ['csv', 'xlsx']) {
        const response = await browser.get(`/cases/export.${format}`);
        assert.equal(
          response.status,
          rolesAllowedTo('view-cases').includes(role) ? 200 : 403,
          `${role} ${format}`,
        );
      }
    }
    const stranger = await new TestBrowser(t).get('/cases/export.csv');
    assert.equal(stranger.status, 302);
    assert.equal(stranger.location, '/sign-in');
    for (const format of ['csv', 'xlsx']) {
      const unauthenticated = await api(t, null, 'GET', `/api/v1/complaints/export.${format}`);
      assert.equal(unauthenticated.status, 401);
    }
  });

  void it('never includes another organisation’s cases', async () => {
    const { rows } = await csvOf('/cases/export.csv');
    assert.ok(!rows.some((r) => r[7] === 'Olivia Brown Elsewhere'));
    const theirs = await api(t, other, 'GET', '/api/v1/complaints/export.csv');
    assert.equal(theirs.status, 200);
    const theirRows = parseCsv(theirs.body as string);
    assert.deepEqual(
      theirRows.slice(1).map((r) => r[7]),
      ['Olivia Brown Elsewhere'],
    );
    // A handler id from the other organisation finds nothing here.
    const { rows: none } = await csvOf(`/cases/export.csv?handlerId=${OFFICER.staffId}`);
    assert.deepEqual(none, [HEADINGS]);
  });

  void it('explains bad filters as the list does, and the API answers problem+json', async () => {
    const page = await officer.get(
      '/cases/export.csv?status=lost&receivedFrom-day=31&receivedFrom-month=2&receivedFrom-year=2026',
    );
    assert.equal(page.status, 400);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    const summary = errorSummary(page.body) ?? '';
    assert.match(summary, /Select a status/);
    assert.match(summary, /real date/i);
    const bad = await api(t, demo, 'GET', '/api/v1/complaints/export.xlsx?sort=sideways');
    assert.equal(bad.status, 400);
    assert.match(String(bad.response.headers['content-type']), /problem\+json/);
  });

  void it('on the API: the same filters as the API list, walked page by page, as CSV and XLSX', async () => {
    for (const query of ['', '?sort=deadline', '?open=true&sort=oldest', '?stage=1']) {
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const separator = query ? '&' : '?';
        const page = await api(
          t,
          demo,
          'GET',
          `/api/v1/complaints${query}${separator}limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.equal(page.status, 200);
        listed.push(...(page.body.items as { reference: string }[]).map((i) => i.reference));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      const csv = await api(t, demo, 'GET', `/api/v1/complaints/export.csv${query}`);
      assert.equal(csv.status, 200);
      assert.equal(
        csv.response.headers['content-disposition'],
        `attachment; filename="cases-${today()}.csv"`,
      );
      assert.deepEqual(
        parseCsv(csv.body as string)
          .slice(1)
          .map((r) => r[0]),
        listed,
        `API CSV ${query}`,
      );
      const xlsx = await api(t, demo, 'GET', `/api/v1/complaints/export.xlsx${query}`);
      assert.equal(xlsx.status, 200);
      assert.deepEqual(
        (await xlsxOf(xlsx.response.rawPayload)).slice(1).map((r) => r[0]),
        listed,
        `API XLSX ${query}`,
      );
    }
  });

  void it('reads in pages of any size with the same result (the streaming walk)', async () => {
    const whole = await exportCases(deps(), demo.organisationId, { sort: 'deadline' }, 'csv', 'test', 1000);
    const inTwos = await exportCases(deps(), demo.organisationId, { sort: 'deadline' }, 'csv', 'test', 2);
    const text = async (stream: NodeJS.ReadableStream) => {
      let out = '';
      for await (const chunk of stream) out += String(chunk);
      return out;
    };
    const a = await text(whole.body);
    assert.ok(parseCsv(a).length > 30);
    assert.equal(await text(inTwos.body), a);
  });

  void it('records each export in the audit log: who, the filters and how many rows', async () => {
    const { rows } = await csvOf('/cases/export.csv?channel=email&sort=oldest');
    const audits = await t.database.db.privileged((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, demo.organisationId), eq(auditLog.action, 'cases.exported'))),
    );
    const mine = audits.filter((a) => a.actor === `staff:${officerId}`).at(-1);
    assert.ok(mine, 'the officer’s export is audited');
    assert.deepEqual(mine.details, {
      format: 'csv',
      filters: { channel: 'email', sort: 'oldest' },
      rows: rows.length - 1,
      complete: true,
    });
    await api(t, demo, 'GET', '/api/v1/complaints/export.xlsx?stage=2');
    const byKey = (
      await t.database.db.privileged((tx) =>
        tx
          .select()
          .from(auditLog)
          .where(
            and(eq(auditLog.organisationId, demo.organisationId), eq(auditLog.action, 'cases.exported')),
          ),
      )
    ).at(-1);
    assert.match(byKey?.actor ?? '', /^api-key:/);
    assert.deepEqual((byKey?.details as { filters: unknown }).filters, { stage: 2, sort: 'newest' });
  });

  void it('is in the OpenAPI document', async () => {
    const doc = await api(t, null, 'GET', '/api/v1/openapi.json');
    const paths = doc.body.paths as Record<string, { get?: { operationId: string } }>;
    assert.equal(paths['/api/v1/complaints/export.csv']?.get?.operationId, 'exportComplaintsCsv');
    assert.equal(paths['/api/v1/complaints/export.xlsx']?.get?.operationId, 'exportComplaintsXlsx');
  });
});
