import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { ROLES, rolesAllowedTo } from '../../src/domain/access/permissions.ts';
import { addServiceArea } from '../../src/modules/administration/manage-service-areas.use-case.ts';
import {
  positionOf,
  readTrail,
  type TrailPosition,
  type TrailRow,
} from '../../src/modules/administration/audit-log.repository.ts';
import { auditLog, caseEvents, cases } from '../../src/platform/db/schema.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import {
  createTestStaff,
  errorSummary,
  heading,
  signedIn,
  type TestBrowser,
  type TestStaff,
} from '../support/web-client.ts';

/** The audit page's rows: each cell's text, tags removed, entities as sent. */
function rowsOf(body: string): { when: string; who: string; what: string; caseHtml: string }[] {
  const tbody = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
  return [...tbody.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((row) => {
    const cells = [...(row[1] ?? '').matchAll(/<td class="govuk-table__cell[^"]*">([\s\S]*?)<\/td>/g)].map(
      (c) => c[1] ?? '',
    );
    const text = (html: string) => html.replace(/<[^>]*>/g, '').trim();
    return {
      when: text(cells[0] ?? ''),
      who: text(cells[1] ?? ''),
      what: text(cells[2] ?? ''),
      caseHtml: cells[3] ?? '',
    };
  });
}
const olderLink = (body: string) =>
  /<a class="govuk-link govuk-pagination__link" href="([^"]*)" rel="next">/
    .exec(body)?.[1]
    ?.replaceAll('&amp;', '&');

void describe('administration: the audit log', () => {
  let t: TestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let admin: TestBrowser;
  let adminStaff: TestStaff;
  let handler: TestStaff;
  let refA: string;
  let refB: string;

  before(async () => {
    t = await startTestApp();
    alpha = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    beta = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing');
    t.clock.set('2026-03-02T10:00:00Z');
    refA = (await api(t, alpha, 'POST', '/api/v1/complaints', complaintInput())).body.reference as string;
    t.clock.set('2026-03-05T10:00:00Z');
    refB = (
      await api(
        t,
        alpha,
        'POST',
        '/api/v1/complaints',
        complaintInput({ receivedAt: '2026-03-05T09:00:00Z' }),
      )
    ).body.reference as string;
    await api(t, beta, 'POST', '/api/v1/complaints', complaintInput({ receivedAt: '2026-03-05T09:00:00Z' }));
    // A contact logged about case A: an audit entry that names the case.
    await t.database.db.privileged((tx) =>
      tx.insert(auditLog).values({
        organisationId: alpha.organisationId,
        actor: `staff:${OFFICER.staffId}`,
        action: 'contact.logged',
        details: { reference: 'AH-C-2026-000001', kind: 'complaint', caseReference: refA },
        at: new Date('2026-03-02T11:00:00Z'),
      }),
    );
    t.clock.set('2026-03-05T10:05:00Z');
    handler = await createTestStaff(t, alpha.organisationId, 'handler', {
      name: 'Hana Handler',
      email: 'hana.private@example.test',
    });
    ({ browser: admin, staff: adminStaff } = await signedIn(t, alpha.organisationId, 'administrator', {
      name: 'Ada Admin',
    }));
    await addServiceArea(
      { db: t.database.db, clock: t.clock },
      {
        organisationId: alpha.organisationId,
        organisationName: 'Alpha Homes',
        staffId: adminStaff.staffId,
        sessionId: 'x',
        name: adminStaff.name,
        email: adminStaff.email,
        role: adminStaff.role,
        mustChangePassword: false,
      },
      { name: '<script>alert(1)</script> Gardens' },
    );
  });
  after(() => t.close());

  void it('shows who did what and when, case events and audit entries together, newest first', async () => {
    const page = await admin.get('/admin/audit');
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Audit log');
    const rows = rowsOf(page.body);
    const receivedA = rows.findIndex(
      (r) => r.what.startsWith('Complaint received') && r.caseHtml.includes(refA),
    );
    const receivedB = rows.findIndex(
      (r) => r.what.startsWith('Complaint received') && r.caseHtml.includes(refB),
    );
    assert.ok(receivedB >= 0 && receivedA > receivedB, 'case B (5 March) before case A (2 March)');
    assert.equal(rows[receivedA]?.who, 'Priya Shah (through the API key initial key)');
    assert.equal(rows[receivedA]?.when, '2 March 2026 at 10:00am');
    assert.match(
      rows[receivedA]?.caseHtml ?? '',
      new RegExp(`<a class="govuk-link" href="/cases/${refA}">${refA}</a>`),
    );
    const contact = rows.find((r) => r.what === 'Contact logged: AH-C-2026-000001');
    assert.equal(contact?.who, 'Priya Shah');
    assert.match(contact?.caseHtml ?? '', new RegExp(refA));
    assert.ok(rows.some((r) => r.what === 'Staff account created for Hana Handler'));
    assert.ok(rows.some((r) => r.who === 'Ada Admin' && r.what === 'Ada Admin signed in'));
    // Escaped, and nothing beyond what the entry needs: no e-mail addresses, no raw ids or JSON.
    assert.match(page.body, /Service area added: &lt;script&gt;alert\(1\)&lt;\/script&gt; Gardens/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /hana\.private@example\.test/);
    assert.doesNotMatch(page.body, new RegExp(`staff:${handler.staffId}`));
    assert.doesNotMatch(page.body, /"staffId"|\{&quot;/);
  });

  void it('filters by the person who did it', async () => {
    const officer = rowsOf((await admin.get(`/admin/audit?person=${OFFICER.staffId}`)).body);
    assert.ok(officer.length >= 3);
    assert.ok(
      officer.every((r) => r.who.startsWith('Priya Shah')),
      JSON.stringify(officer),
    );
    const mine = rowsOf((await admin.get(`/admin/audit?person=${adminStaff.staffId}`)).body);
    assert.deepEqual(
      mine.map((r) => r.what),
      [
        'Service area added: <script>alert(1)</script> Gardens'.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
        'Ada Admin signed in',
      ],
    );
    const page = await admin.get(`/admin/audit?person=${adminStaff.staffId}`);
    assert.match(page.body, new RegExp(`<option value="${adminStaff.staffId}" selected>Ada Admin</option>`));
  });

  void it('filters by case: the case’s events and the entries naming it', async () => {
    const rows = rowsOf((await admin.get(`/admin/audit?caseReference=${refA.toLowerCase()}`)).body);
    assert.ok(rows.length >= 2);
    assert.ok(
      rows.every((r) => r.caseHtml.includes(refA)),
      JSON.stringify(rows),
    );
    assert.ok(rows.some((r) => r.what === 'Contact logged: AH-C-2026-000001'));
    const none = await admin.get('/admin/audit?caseReference=AH-2020-999999');
    assert.equal(rowsOf(none.body).length, 0);
    assert.match(none.body, /No entries match these filters/);
  });

  void it('filters by date range, London days inclusive', async () => {
    const url = '/admin/audit?from-day=5&from-month=3&from-year=2026&to-day=5&to-month=3&to-year=2026';
    const rows = rowsOf((await admin.get(url)).body);
    assert.ok(rows.some((r) => r.caseHtml.includes(refB)));
    assert.ok(!rows.some((r) => r.caseHtml.includes(refA)), 'nothing from 2 March');
    assert.ok(
      rows.every((r) => r.when.startsWith('5 March 2026')),
      JSON.stringify(rows.map((r) => r.when)),
    );
    const early = rowsOf(
      (
        await admin.get(
          '/admin/audit?from-day=1&from-month=3&from-year=2026&to-day=2&to-month=3&to-year=2026',
        )
      ).body,
    );
    assert.ok(early.some((r) => r.caseHtml.includes(refA)));
    assert.ok(!early.some((r) => r.caseHtml.includes(refB)));
  });

  void it('explains filters it cannot use, and shows no entries then', async () => {
    const cases: [string, RegExp][] = [
      ['from-day=31&from-month=2&from-year=2026', /Enter the start date as a real date/],
      ['from-day=1&from-year=2026', /The start date must include a month/],
      [
        'from-day=5&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026',
        /The end date must be the same as or after the start date/,
      ],
      ['caseReference=%3Cb%3Enonsense', /Enter a case reference in the format it is given/],
      ['person=not-a-person', /Select a person from the list/],
    ];
    for (const [query, message] of cases) {
      const page = await admin.get(`/admin/audit?${query}`);
      assert.equal(page.status, 400, query);
      assert.match(errorSummary(page.body) ?? '', message, query);
      assert.equal(rowsOf(page.body).length, 0, query);
    }
    // A cursor edited by hand starts from the newest entry rather than failing.
    assert.equal((await admin.get('/admin/audit?after=garbage')).status, 200);
  });

  void it('pages through every entry exactly once, newest first, even when many share one instant', async () => {
    // A tie with case B's events: the 120 entries are recorded at the same instant as they were.
    const at = await t.database.db.privileged(async (tx) => {
      const [row] = await tx
        .select({ at: caseEvents.recordedAt })
        .from(caseEvents)
        .innerJoin(cases, eq(cases.caseId, caseEvents.caseId))
        .where(eq(cases.reference, refB));
      return row?.at ?? new Date(0);
    });
    await t.database.db.privileged(async (tx) => {
      await tx.insert(auditLog).values(
        Array.from({ length: 120 }, (_, i) => ({
          organisationId: alpha.organisationId,
          actor: 'cli',
          action: 'api-key-created',
          details: { name: `Key ${String(i)}` },
          at,
        })),
      );
    });
    const total = await t.database.db.privileged(async (tx) => {
      const [audits] = await tx
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.organisationId, alpha.organisationId));
      const [events] = await tx
        .select({ n: count() })
        .from(caseEvents)
        .where(eq(caseEvents.organisationId, alpha.organisationId));
      return Number(audits?.n) + Number(events?.n);
    });
    const seen: ReturnType<typeof rowsOf> = [];
    let url: string | undefined = '/admin/audit';
    let pages = 0;
    while (url) {
      const page = await admin.get(url);
      assert.equal(page.status, 200);
      const rows = rowsOf(page.body);
      assert.ok(rows.length <= 50);
      seen.push(...rows);
      url = olderLink(page.body);
      pages += 1;
      if (pages > 1) assert.match(page.body, /Newest entries/);
    }
    assert.equal(seen.length, total);
    assert.equal(pages, Math.ceil(total / 50));
    const keys = seen.filter((r) => /^API key created: Key \d+$/.test(r.what)).map((r) => r.what);
    assert.equal(new Set(keys).size, 120);
    // The tied entries come together: case B's events first, then the audit entries.
    const whens = seen.map((r) => r.when);
    const tied = '5 March 2026 at 10:00am';
    const firstTie = whens.indexOf(tied);
    assert.ok(whens.slice(firstTie, whens.lastIndexOf(tied) + 1).every((w) => w === tied));
    assert.ok(seen[firstTie]?.caseHtml.includes(refB));

    // Every page size walks the same trail: no entry lost or repeated at any page boundary.
    const read = (limit: number, position?: TrailPosition) =>
      t.database.db.forOrganisation(alpha.organisationId, (tx) =>
        readTrail(tx, alpha.organisationId, {}, position, limit),
      );
    const key = (r: TrailRow) => JSON.stringify(positionOf(r));
    const all = (await read(1000)).rows.map(key);
    assert.equal(all.length, total);
    for (const limit of [1, 2, 3, 7]) {
      const walked: string[] = [];
      let position: TrailPosition | undefined;
      for (;;) {
        const { rows, more } = await read(limit, position);
        walked.push(...rows.map(key));
        const last = rows.at(-1);
        if (!more || !last) break;
        position = positionOf(last);
      }
      assert.deepEqual(walked, all, `page size ${String(limit)}`);
    }
    // The filters stay in the next page's address.
    const filtered = await admin.get(
      '/admin/audit?person=&caseReference=&from-day=5&from-month=3&from-year=2026',
    );
    assert.match(
      olderLink(filtered.body) ?? '',
      /^\/admin\/audit\?from-day=5&from-month=3&from-year=2026&after=/,
    );
  });

  void it('shows an organisation its own trail only', async () => {
    const { browser } = await signedIn(t, beta.organisationId, 'administrator');
    const page = await browser.get('/admin/audit');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, new RegExp(`${refA}|${refB}|Ada Admin|Key 1|Gardens`));
    assert.ok(
      rowsOf(page.body).some((r) => r.what.startsWith('Complaint received')),
      'beta’s own case',
    );
    // Naming another organisation's person finds nothing.
    const other = await browser.get(`/admin/audit?person=${adminStaff.staffId}`);
    assert.equal(rowsOf(other.body).length, 0);
  });

  void it('refuses the audit log to every role but administrator (403)', async () => {
    for (const role of ROLES.filter((r) => !rolesAllowedTo('administer').includes(r))) {
      const { browser } = await signedIn(t, alpha.organisationId, role);
      const page = await browser.get('/admin/audit');
      assert.equal(page.status, 403, role);
      assert.equal(heading(page.body), 'You do not have permission');
    }
  });
});
