import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { searchCondition } from '../../src/modules/complaints/complaint.repository.ts';
import { upgradeStoredCases } from '../../src/modules/complaints/upgrade-stored-cases.ts';
import { cases } from '../../src/platform/db/schema.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { signedIn, type TestBrowser } from '../support/web-client.ts';
import { referencesOn } from './case-list-support.ts';

/** Margaret Ellis of 12 Oak Road, with an advocate; the details every search form below quotes. */
const margaret = {
  kind: 'named',
  name: 'Margaret Ellis',
  tenancyReference: 'TEN-004512',
  contact: {
    phone: '07700 900123',
    email: 'Margaret.Ellis@Example.com',
    address: '12 Oak Road\nManchester',
    postcode: 'M1 1AA',
  },
};
const advocate = {
  name: 'Samuel Whitworth',
  relationship: 'advocate',
  consentHeld: true,
  contact: { phone: '0161 496 0000' },
};

void describe('case search: what callers quote', () => {
  let t: TestApp;
  let alpha: TestOrganisation;
  let officer: TestBrowser;
  /** Alpha's Margaret Ellis, her namesake (postcode only within the address), and someone else. */
  let found: string;
  let namesake: string;
  let other: string;

  const receive = async (org: TestOrganisation, overrides: Record<string, unknown>) => {
    const created = await api(t, org, 'POST', '/api/v1/complaints', complaintInput(overrides));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.reference as string;
  };
  const viaApi = async (q: string) => {
    const list = await api(t, alpha, 'GET', `/api/v1/complaints?q=${encodeURIComponent(q)}&limit=200`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    return (list.body.items as { reference: string }[]).map((i) => i.reference).sort();
  };
  const viaPage = async (q: string) => {
    const page = await officer.get(`/cases?q=${encodeURIComponent(q)}`);
    assert.equal(page.status, 200);
    return referencesOn(page.body).sort();
  };

  before(async () => {
    t = await startTestApp();
    alpha = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    const beta = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing');
    // Beta's first case has the same number and the very same resident: never found from Alpha.
    await receive(beta, { complainant: margaret, representative: advocate });
    found = await receive(alpha, {
      complainant: margaret,
      representative: advocate,
      summary: 'Boiler repair appointment missed twice.',
    });
    namesake = await receive(alpha, {
      complainant: {
        kind: 'named',
        name: 'Margaret Ellis',
        tenancyReference: 'TEN-009999',
        contact: { phone: '07700 900999', address: '4 Mill Lane, Leeds LS1 4AP' },
      },
      summary: 'Damp in the back bedroom.',
    });
    other = await receive(alpha, {
      complainant: { kind: 'named', name: 'Daniel Hughes', contact: { email: 'dan@example.com' } },
      summary: 'Fence panel blown down.',
    });
    ({ browser: officer } = await signedIn(t, alpha.organisationId, 'complaints-officer'));
  });
  after(() => t.close());

  void it('finds the number part of a reference, with or without its zeros', async () => {
    assert.match(found, /-2026-000001$/);
    for (const q of ['000001', '1', '2026-000001']) {
      assert.deepEqual(await viaApi(q), [found], q);
      assert.deepEqual(await viaPage(q), [found], q);
    }
    assert.deepEqual(await viaApi('000002'), [namesake]);
    assert.deepEqual(await viaApi(found.toLowerCase()), [found], 'the full reference still');
  });

  void it('finds a tenancy reference in any case and spacing', async () => {
    for (const q of ['TEN-004512', 'ten-004512', 'ten 004512', 'TEN004512']) {
      assert.deepEqual(await viaApi(q), [found], q);
      assert.deepEqual(await viaPage(q), [found], q);
    }
    assert.deepEqual(await viaApi('TEN-004513'), []);
  });

  void it('finds a phone number in any spacing, with +44 or 0, the representative’s too', async () => {
    for (const q of ['07700 900123', '+44 7700 900123', '07700900123', '+447700900123', '0161 496 0000']) {
      assert.deepEqual(await viaApi(q), [found], q);
      assert.deepEqual(await viaPage(q), [found], q);
    }
    assert.deepEqual(await viaApi('07700 900999'), [namesake]);
    assert.deepEqual(await viaApi('07700 900124'), []);
  });

  void it('finds an e-mail address, whatever its case', async () => {
    for (const q of ['margaret.ellis@example.com', 'MARGARET.ELLIS@EXAMPLE.COM']) {
      assert.deepEqual(await viaApi(q), [found], q);
      assert.deepEqual(await viaPage(q), [found], q);
    }
    assert.deepEqual(await viaApi('dan@example.com'), [other]);
    assert.deepEqual(await viaApi('margaret@example.com'), []);
  });

  void it('finds a postcode in any spacing and case, also one written only within the address', async () => {
    for (const q of ['M1 1AA', 'm1 1aa', 'M11AA', 'm11aa']) {
      assert.deepEqual(await viaApi(q), [found], q);
      assert.deepEqual(await viaPage(q), [found], q);
    }
    assert.deepEqual(await viaApi('ls1 4ap'), [namesake]);
    assert.deepEqual(await viaApi('M1 1AB'), []);
  });

  void it('finds a representative’s name, and the names, address and words as before', async () => {
    assert.deepEqual(await viaApi('Samuel Whitworth'), [found]);
    assert.deepEqual(await viaPage('whitworth'), [found]);
    assert.deepEqual(await viaApi('Oak Road'), [found]);
    assert.deepEqual(await viaApi('Margaret Ellis'), [found, namesake].sort());
    assert.deepEqual(await viaApi('boiler'), [found]);
    assert.deepEqual(await viaApi('fence'), [other]);
  });

  void it('tells namesakes apart in the results by address and postcode, or tenancy reference', async () => {
    const page = await officer.get(`/cases?q=${encodeURIComponent('Margaret Ellis')}`);
    assert.match(page.body, /Margaret Ellis<br><span class="[^"]*">12 Oak Road, M1 1AA<\/span>/);
    assert.match(page.body, /Margaret Ellis<br><span class="[^"]*">4 Mill Lane, LS1 4AP<\/span>/);
    const list = await api(t, alpha, 'GET', `/api/v1/complaints?q=${encodeURIComponent('Margaret Ellis')}`);
    const row = (list.body.items as { reference: string }[]).find((i) => i.reference === found);
    assert.deepEqual(row && { ...row }, {
      ...row,
      addressLine: '12 Oak Road',
      postcode: 'M1 1AA',
      tenancyReference: 'TEN-004512',
    });
  });

  void it('keys cases stored before search keys existed at start-up', async () => {
    await t.database.db.privileged((tx) =>
      tx.update(cases).set({ searchKeys: null }).where(eq(cases.organisationId, alpha.organisationId)),
    );
    assert.deepEqual(await viaApi('07700900123'), [], 'not keyed yet');
    assert.ok((await upgradeStoredCases(t.database.db, t.clock)) >= 3);
    assert.deepEqual(await viaApi('07700900123'), [found]);
    assert.deepEqual(await viaApi('ls14ap'), [namesake]);
  });

  void it('can answer from its two indexes alone: the keys and the words', async () => {
    // On a handful of rows the planner rightly reads the organisation’s index; with sequential scans
    // off it shows which indexes the search condition itself can use (privileged:
    // row-level security would add the organisation again).
    const plan = await t.database.db.privileged(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = tx.select({ caseId: cases.caseId }).from(cases).where(searchCondition('07700 900123'));
      const result: unknown = await tx.execute(sql`explain ${query}`);
      return (result as { rows: Record<string, string>[] }).rows
        .map((r) => Object.values(r).join(''))
        .join('\n');
    });
    assert.match(plan, /BitmapOr/);
    assert.match(plan, /Bitmap Index Scan on cases_search_keys/);
    assert.match(plan, /Bitmap Index Scan on cases_search\b/);
    assert.doesNotMatch(plan, /Seq Scan/);
  });
});
