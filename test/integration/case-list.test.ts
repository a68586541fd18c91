import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, rolesAllowedTo } from '../../src/domain/access/permissions.ts';
import { createDemoLandlord, type DemoLandlord } from '../../src/modules/demo/create-demo-landlord.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
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

  void it('pages through a long list with Next links, keeping the filters', async () => {
    const big = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Big Homes');
    for (let i = 0; i < 30; i += 1) {
      await receiveComplaintUseCase(
        deps(),
        big.organisationId,
        complaint(`Resident ${String(i)}`, {
          receivedAt: `2026-02-${String(10 + (i % 15)).padStart(2, '0')}T1${String(i % 10)}:00:00Z`,
        }),
        actingAs(OFFICER),
      );
    }
    const { browser } = await signedIn(t, big.organisationId, 'handler');
    for (const sort of ['newest', 'deadline']) {
      const seen: string[] = [];
      let url: string | null = `/cases?sort=${sort}&serviceArea=repairs`;
      let pages = 0;
      while (url) {
        const page = await browser.get(url);
        assert.equal(page.status, 200);
        seen.push(...referencesOn(page.body));
        if (pages > 0) {
          const previous = previousLink(page.body);
          assert.ok(previous, 'the second page links back');
          assert.deepEqual(referencesOn((await browser.get(previous)).body), seen.slice(0, 25));
        } else assert.equal(previousLink(page.body), null);
        url = nextLink(page.body);
        if (url) assert.match(url, new RegExp(`sort=${sort}&serviceArea=repairs&cursor=`));
        pages += 1;
      }
      assert.equal(pages, 2);
      assert.equal(new Set(seen).size, 30, sort);
    }
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
