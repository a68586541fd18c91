import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, rolesAllowedTo } from '../../src/domain/access/permissions.ts';
import { createDemoLandlord, type DemoLandlord } from '../../src/modules/demo/create-demo-landlord.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
import { londonDateOf } from '../../src/domain/calendar/index.ts';
import { countCasesUpTo, listCasesAt } from '../../src/modules/complaints/complaint.repository.ts';
import { deadlineThresholds } from '../../src/modules/complaints/list-complaints.use-case.ts';
import {
  actingAs,
  api,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';
import { errorSummary, signedIn, type TestBrowser } from '../support/web-client.ts';
import { complaint, demoActor, referencesOn } from './case-list-support.ts';

/** The link to the next page of the list, unescaped. */
function nextLink(body: string): string | null {
  const match = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/.exec(body);
  return match?.[1]?.replaceAll('&amp;', '&') ?? null;
}

interface ListedItem {
  reference: string;
  status: string;
  stage: number;
  serviceArea: string;
  channel: string;
  receivedAt: string;
  complainantName: string | null;
  handler: { id: string } | null;
  currentDeadline: { kind: string; due: string; extended: boolean; workingDaysLeft: number } | null;
}

/** The numbered page links of the list, unescaped. */
function pageNumbers(body: string): { number: number; href: string; current: boolean }[] {
  return [
    ...body.matchAll(
      /<li class="govuk-pagination__item( govuk-pagination__item--current)?">\s*<a class="govuk-link govuk-pagination__link" href="([^"]+)" aria-label="Page (\d+)"/g,
    ),
  ].map((m) => ({
    number: Number(m[3]),
    href: (m[2] ?? '').replaceAll('&amp;', '&'),
    current: m[1] !== undefined,
  }));
}

/** The link to the previous page of the list, unescaped. */
function previousLink(body: string): string | null {
  const match = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="prev">/.exec(body);
  return match?.[1]?.replaceAll('&amp;', '&') ?? null;
}

void describe('the case list: filters, search, sorting and pages', () => {
  let t: TestApp;
  let demo: DemoLandlord;
  let officer: TestBrowser;
  /** Every demo case, newest first, as the API lists them (the truth the filters are checked against). */
  let all: ListedItem[];
  const deps = () => ({ db: t.database.db, clock: t.clock });

  before(async () => {
    t = await startTestApp();
    demo = await createDemoLandlord(t.database.db, t.clock.now());
    await receiveComplaintUseCase(
      deps(),
      demo.organisationId,
      complaint('<script>alert(1)</script>', { summary: 'Xylophone practice next door every night.' }),
      demoActor(demo),
    );
    const other = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Other Homes');
    await receiveComplaintUseCase(
      deps(),
      other.organisationId,
      complaint('Olivia Brown Elsewhere'),
      actingAs(OFFICER),
    );
    ({ browser: officer } = await signedIn(t, demo.organisationId, 'complaints-officer'));
    all = (await api(t, demo, 'GET', '/api/v1/complaints?limit=200')).body.items as ListedItem[];
    assert.ok(all.length >= 12, 'the demo landlord has a case in every status');
  });
  after(() => t.close());

  const listed = async (query: string) => {
    const page = await officer.get(`/cases${query}`);
    assert.equal(page.status, 200, `${query}: ${errorSummary(page.body) ?? ''}`);
    return referencesOn(page.body);
  };
  const expected = (keep: (item: ListedItem) => boolean) => all.filter(keep).map((i) => i.reference);

  void it('is for roles that may view cases; others are refused', async () => {
    for (const role of ROLES) {
      const { browser } = await signedIn(t, demo.organisationId, role);
      const page = await browser.get('/cases');
      assert.equal(page.status, rolesAllowedTo('view-cases').includes(role) ? 200 : 403, role);
    }
  });

  void it('lists the organisation’s own cases, newest received first, and never another’s', async () => {
    assert.deepEqual(
      await listed(''),
      expected(() => true),
    );
    const receivedTimes = all.map((i) => Date.parse(i.receivedAt));
    assert.deepEqual(
      receivedTimes,
      [...receivedTimes].sort((a, b) => b - a),
    );
    const search = await officer.get('/cases?q=Elsewhere');
    assert.deepEqual(referencesOn(search.body), []);
    assert.match(search.body, /No cases match your search and filters/);
  });

  void it('filters by each field, alone and together', async () => {
    const some = (xs: string[], what: string) => {
      assert.ok(xs.length > 0, `the demo has cases for ${what}`);
      return xs;
    };
    assert.deepEqual(
      await listed('?status=accepted'),
      some(
        expected((i) => i.status === 'accepted'),
        'accepted',
      ),
    );
    assert.deepEqual(
      await listed('?stage=2'),
      some(
        expected((i) => i.stage === 2),
        'stage 2',
      ),
    );
    const handlerId = demo.signIns.find((s) => s.role === 'handler')?.staffId ?? '';
    assert.deepEqual(
      await listed(`?handlerId=${handlerId}`),
      some(
        expected((i) => i.handler?.id === handlerId),
        'a handler',
      ),
    );
    assert.deepEqual(
      await listed('?serviceArea=repairs'),
      some(
        expected((i) => i.serviceArea === 'repairs'),
        'repairs',
      ),
    );
    assert.deepEqual(
      await listed('?channel=email'),
      some(
        expected((i) => i.channel === 'email'),
        'email',
      ),
    );
    assert.deepEqual(
      await listed('?serviceArea=repairs&stage=1&status=stage-1'),
      expected((i) => i.serviceArea === 'repairs' && i.stage === 1 && i.status === 'stage-1'),
    );
    assert.deepEqual(
      await listed('?deadlineStatus=overdue'),
      some(
        expected((i) => i.currentDeadline !== null && i.currentDeadline.due < '2026-03-02'),
        'overdue',
      ),
    );
    assert.deepEqual(
      await listed('?awaiting=true'),
      some(
        expected((i) => ['received', 'accepted', 'stage-2-requested'].includes(i.status)),
        'awaiting',
      ),
    );
    assert.deepEqual(
      await listed('?extended=true'),
      some(
        expected((i) => i.currentDeadline?.extended === true),
        'extended',
      ),
    );
    // Monday 2 March 2026: this week ends on Sunday 8 March.
    assert.deepEqual(
      await listed('?dueThisWeek=true'),
      expected(
        (i) =>
          i.currentDeadline !== null &&
          i.currentDeadline.kind.endsWith('-response') &&
          i.currentDeadline.due >= '2026-03-02' &&
          i.currentDeadline.due <= '2026-03-08',
      ),
    );
    const finished = ['not-accepted', 'escalation-refused', 'discontinued', 'withdrawn', 'closed'];
    assert.deepEqual(
      await listed('?open=true'),
      expected((i) => !finished.includes(i.status)),
    );
  });

  void it('filters by the London date received, both ends included', async () => {
    const from = '2026-02-16';
    const to = '2026-02-20';
    const londonDate = (instant: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(instant));
    const want = expected((i) => londonDate(i.receivedAt) >= from && londonDate(i.receivedAt) <= to);
    assert.ok(want.length > 0);
    assert.deepEqual(
      await listed(
        '?receivedFrom-day=16&receivedFrom-month=2&receivedFrom-year=2026&receivedTo-day=20&receivedTo-month=2&receivedTo-year=2026',
      ),
      want,
    );
  });

  void it('searches by reference (any case), complainant name and words in the complaint', async () => {
    const reference = all[3]?.reference ?? '';
    assert.deepEqual(await listed(`?q=${reference.toLowerCase()}`), [reference]);
    assert.deepEqual(
      await listed('?q=olivia+brown'),
      expected((i) => i.complainantName === 'Olivia Brown'),
    );
    assert.deepEqual(
      await listed('?q=boiler'),
      expected((i) => i.complainantName === 'Margaret Ellis'),
    );
    // English stemming: "moulds" finds "mould".
    assert.deepEqual(
      await listed('?q=moulds'),
      expected((i) => i.complainantName === 'Daniel Hughes'),
    );
    assert.deepEqual(await listed('?q=zebra+crossing'), []);
  });

  void it('sorts oldest first and by the soonest deadline (cases without one last)', async () => {
    assert.deepEqual(await listed('?sort=oldest'), [...expected(() => true)].reverse());
    const byDeadline = await listed('?sort=deadline');
    const dues = byDeadline.map((r) => all.find((i) => i.reference === r)?.currentDeadline?.due ?? '9999');
    assert.deepEqual(dues, [...dues].sort());
    assert.deepEqual([...byDeadline].sort(), expected(() => true).sort());
  });

  void it('pages through every case once, in each order, forwards and back, through the API', async () => {
    for (const sort of ['newest', 'oldest', 'deadline']) {
      const whole = (await api(t, demo, 'GET', `/api/v1/complaints?limit=200&sort=${sort}`)).body
        .items as ListedItem[];
      const paged: string[] = [];
      let cursor: string | null = null;
      let lastPage: { items: ListedItem[]; previousCursor: string | null } | undefined;
      do {
        const page: {
          body: { items: ListedItem[]; nextCursor: string | null; previousCursor: string | null };
        } = await api(
          t,
          demo,
          'GET',
          `/api/v1/complaints?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        paged.push(...page.body.items.map((i) => i.reference));
        cursor = page.body.nextCursor;
        lastPage = page.body;
      } while (cursor);
      assert.deepEqual(
        paged,
        whole.map((i) => i.reference),
        sort,
      );
      // And back again with previousCursor, from the last page to the first.
      const backwards: string[][] = [];
      let previous: string | null = lastPage?.previousCursor ?? null;
      backwards.push(lastPage?.items.map((i) => i.reference) ?? []);
      while (previous) {
        const page: { body: { items: ListedItem[]; previousCursor: string | null } } = await api(
          t,
          demo,
          'GET',
          `/api/v1/complaints?limit=3&sort=${sort}&cursor=${previous}`,
        );
        backwards.unshift(page.body.items.map((i) => i.reference));
        previous = page.body.previousCursor;
      }
      assert.deepEqual(backwards.flat(), paged, `${sort}, backwards`);
    }
  });

  void it('numbers its pages, counts the cases, and keeps the filters on every page', async () => {
    const big = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Big Homes');
    for (let i = 0; i < 60; i += 1) {
      await receiveComplaintUseCase(
        deps(),
        big.organisationId,
        complaint(`Resident ${String(i)}`, {
          receivedAt: `2026-02-${String(10 + (i % 15)).padStart(2, '0')}T1${String(i % 10)}:0${String(i % 6)}:00Z`,
          // One in six about another service: the filter must keep it off every page.
          serviceArea: i % 6 === 0 ? 'estate-services' : 'repairs',
        }),
        actingAs(OFFICER),
      );
    }
    const { browser } = await signedIn(t, big.organisationId, 'handler');
    const apiOrder = async (sort: string) =>
      (
        (await api(t, big, 'GET', `/api/v1/complaints?limit=200&sort=${sort}&serviceArea=repairs`)).body
          .items as ListedItem[]
      ).map((i) => i.reference);
    for (const sort of ['newest', 'oldest', 'deadline']) {
      const seen: string[] = [];
      for (let page = 1; page <= 2; page += 1) {
        const url = `/cases?sort=${sort}&serviceArea=repairs${page > 1 ? `&page=${String(page)}` : ''}`;
        const body = (await browser.get(url)).body;
        assert.match(body, /<h2 class="govuk-heading-m[^"]*" id="results">50 cases<\/h2>/);
        assert.match(body, page === 1 ? /Showing 1 to 25 of 50 cases/ : /Showing 26 to 50 of 50 cases/);
        assert.deepEqual(pageNumbers(body), [
          { number: 1, href: `/cases?sort=${sort}&serviceArea=repairs`, current: page === 1 },
          { number: 2, href: `/cases?sort=${sort}&serviceArea=repairs&page=2`, current: page === 2 },
        ]);
        assert.equal(nextLink(body), page === 1 ? `/cases?sort=${sort}&serviceArea=repairs&page=2` : null);
        assert.equal(previousLink(body), page === 2 ? `/cases?sort=${sort}&serviceArea=repairs` : null);
        seen.push(...referencesOn(body));
      }
      assert.deepEqual(seen, await apiOrder(sort), `${sort}: every case once, in the API's order`);
    }
    // A page past the end (the list shrank since the link was made) shows the last page.
    const beyond = await browser.get('/cases?serviceArea=repairs&page=9');
    assert.equal(beyond.status, 200);
    assert.match(beyond.body, /Showing 26 to 50 of 50 cases/);
    const wrong = await browser.get('/cases?serviceArea=repairs&page=two');
    assert.equal(wrong.status, 400);
    assert.equal(errorSummary(wrong.body), 'Enter a page number');
    // One page only: no page numbers.
    const one = await browser.get('/cases?serviceArea=estate-services');
    assert.match(one.body, /id="results">10 cases</);
    assert.doesNotMatch(one.body, /Showing|govuk-pagination/);
  });

  void it('reads any numbered page in each order, across cases with a deadline and those without', async () => {
    const today = londonDateOf(t.clock.now());
    for (const sort of ['newest', 'oldest', 'deadline'] as const) {
      const order = (
        (await api(t, demo, 'GET', `/api/v1/complaints?limit=200&sort=${sort}`)).body.items as ListedItem[]
      ).map((i) => i.reference);
      assert.ok(order.length > 6);
      for (const size of [1, 3, 5]) {
        const pages: string[] = [];
        for (let offset = 0; offset < order.length + size; offset += size) {
          const rows = await t.database.db.forOrganisation(demo.organisationId, async (tx) => {
            const { thresholds } = await deadlineThresholds(tx, demo.organisationId, today);
            return listCasesAt(tx, demo.organisationId, { sort }, thresholds, offset, size);
          });
          pages.push(...rows.map((r) => r.state.reference));
        }
        assert.deepEqual(pages, order, `${sort}, ${String(size)} a page`);
      }
    }
  });

  void it('counts no further than its cap, so a count stays quick at any size', async () => {
    const counted = await t.database.db.forOrganisation(demo.organisationId, async (tx) => {
      const { thresholds } = await deadlineThresholds(tx, demo.organisationId, '2026-03-01');
      return {
        capped: await countCasesUpTo(tx, demo.organisationId, {}, thresholds, 5),
        exact: await countCasesUpTo(tx, demo.organisationId, {}, thresholds, all.length),
      };
    });
    assert.deepEqual(counted.capped, { count: 5, atLeast: true });
    assert.deepEqual(counted.exact, { count: all.length, atLeast: false });
  });

  void it('"Back to cases" returns to the list as it was left, for the same person only', async () => {
    const list = '/cases?q=Xylophone&sort=oldest&stage=1';
    const shown = await officer.get(list);
    assert.equal(shown.status, 200);
    assert.match(shown.body, /Filtered by:<\/strong> Stage: Stage 1\./);
    assert.match(shown.body, /Filter cases \(1 applied\)/);
    const reference = referencesOn(shown.body)[0];
    assert.ok(reference, 'the search finds a case');
    const back = (body: string) =>
      /<a href="([^"]*)" class="govuk-back-link">Back to cases<\/a>/
        .exec(body)?.[1]
        ?.replaceAll('&amp;', '&');
    assert.equal(
      back((await officer.get(`/cases/${reference}`)).body),
      '/cases?q=Xylophone&sort=oldest&stage=1',
    );
    // After an action on the case, still the same list.
    assert.equal(
      back((await officer.get(`/cases/${reference}?done=accept`)).body),
      '/cases?q=Xylophone&sort=oldest&stage=1',
    );
    // Someone else signed in on the same browser does not get that search.
    const { browser: other } = await signedIn(t, demo.organisationId, 'handler');
    other.cookies.set('putright_case_list', officer.cookies.get('putright_case_list') ?? '');
    assert.equal(back((await other.get(`/cases/${reference}`)).body), '/cases');
    // The plain list forgets it.
    await officer.get('/cases');
    assert.equal(back((await officer.get(`/cases/${reference}`)).body), '/cases');
  });

  void it('explains bad filters with an error summary (400), keeping the answers', async () => {
    const page = await officer.get(
      '/cases?stage=9&status=lost&receivedFrom-day=31&receivedFrom-month=2&receivedFrom-year=2026&receivedTo-day=x&sort=sideways&q=mould',
    );
    assert.equal(page.status, 400);
    assert.equal(
      errorSummary(page.body),
      'Select a status: received, accepted, stage-1, stage-1-responded, stage-2-requested, stage-2, stage-2-responded, not-accepted, escalation-refused, discontinued, withdrawn, closed ' +
        'Select stage 1 or 2 Enter the earliest date received as a real date ' +
        'The latest date received must include a month and year Select how to sort: newest, oldest, deadline',
    );
    assert.match(page.body, /href="#receivedFrom-day"/);
    assert.match(page.body, /name="q" type="search" spellcheck="false" value="mould"/);
    assert.deepEqual(referencesOn(page.body), []);
    const wrongOrder = await officer.get(
      '/cases?receivedFrom-day=2&receivedFrom-month=3&receivedFrom-year=2026&receivedTo-day=1&receivedTo-month=3&receivedTo-year=2026',
    );
    assert.equal(wrongOrder.status, 400);
    assert.equal(errorSummary(wrongOrder.body), 'The earliest date received must be on or before the latest');
  });

  void it('validates the API’s new filters and refuses a cursor from another order', async () => {
    const bad = await api(t, demo, 'GET', '/api/v1/complaints?sort=sideways&extended=maybe&channel=pigeon');
    assert.equal(bad.status, 400);
    const first = await api(t, demo, 'GET', '/api/v1/complaints?limit=2&sort=oldest');
    const mixed = await api(
      t,
      demo,
      'GET',
      `/api/v1/complaints?limit=2&sort=deadline&cursor=${String(first.body.nextCursor)}`,
    );
    assert.equal(mixed.status, 400);
    const negated = await api(t, demo, 'GET', '/api/v1/complaints?q=boiler&dueThisWeek=false');
    assert.equal(negated.status, 400, 'false would read as the opposite set: refused, not ignored');
    assert.equal(
      negated.body.errors[0].message,
      'dueThisWeek can only be true: leave it out to include every case',
    );
    const found = await api(t, demo, 'GET', '/api/v1/complaints?q=boiler');
    assert.equal(found.status, 200);
    assert.deepEqual(
      (found.body.items as ListedItem[]).map((i) => i.complainantName),
      ['Margaret Ellis'],
    );
  });

  void it('shows a complainant’s name as text, never as markup', async () => {
    const page = await officer.get('/cases?q=xylophone');
    assert.equal(referencesOn(page.body).length, 1);
    assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(page.body, /<script>alert/);
  });
});
