import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { ROLES, rolesAllowedTo } from '../../src/domain/access/permissions.ts';
import { createApiKey } from '../../src/modules/administration/create-api-key.use-case.ts';
import type { StaffPrincipal } from '../../src/modules/staff/staff-principal.ts';
import { apiKeys, auditLog } from '../../src/platform/db/schema.ts';
import {
  api,
  createTestOrganisation,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { errorSummary, heading, signedIn, type TestBrowser, type TestStaff } from '../support/web-client.ts';

const KEY_IN_PAGE = /<code class="app-break-words" id="api-key">(pr_[0-9a-f]{32}_[A-Za-z0-9_-]{43})<\/code>/;

void describe('administration: API keys', () => {
  let t: TestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let admin: TestBrowser;
  let adminStaff: TestStaff;
  let betaAdmin: TestBrowser;

  const keyRows = (organisationId: string) =>
    t.database.db.privileged((tx) =>
      tx.select().from(apiKeys).where(eq(apiKeys.organisationId, organisationId)),
    );
  const keyRow = async (apiKeyId: string) =>
    (
      await t.database.db.privileged((tx) =>
        tx
          .select({
            lastUsedAt: apiKeys.lastUsedAt,
            revokedAt: apiKeys.revokedAt,
            // The row version: it changes on every write to the row, on PGlite as on PostgreSQL.
            xmin: sql<string>`xmin::text`,
          })
          .from(apiKeys)
          .where(eq(apiKeys.apiKeyId, apiKeyId)),
      )
    )[0];
  const audits = (organisationId: string, action: string) =>
    t.database.db.privileged((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))),
    );
  const idOf = (plaintext: string) => {
    const hex = /^pr_([0-9a-f]{32})_/.exec(plaintext)?.[1] ?? '';
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  const createThroughThePage = async (browser: TestBrowser, name: string) => {
    await browser.get('/admin/api-keys/new');
    const response = await browser.post('/admin/api-keys/new', { name });
    const plaintext = KEY_IN_PAGE.exec(response.body)?.[1];
    assert.ok(plaintext, `the new key is shown: ${String(errorSummary(response.body))}`);
    return { response, plaintext, apiKeyId: idOf(plaintext) };
  };
  const principalOf = (staff: TestStaff, organisationId: string): StaffPrincipal => ({
    organisationId,
    organisationName: 'Alpha Homes',
    staffId: staff.staffId,
    sessionId: 'x',
    name: staff.name,
    email: staff.email,
    role: staff.role,
    mustChangePassword: false,
  });

  before(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-02T10:00:00Z');
    alpha = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    beta = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing');
    ({ browser: admin, staff: adminStaff } = await signedIn(t, alpha.organisationId, 'administrator', {
      name: 'Ada Admin',
    }));
    ({ browser: betaAdmin } = await signedIn(t, beta.organisationId, 'administrator'));
  });
  after(() => t.close());

  void it('lists the organisation’s keys: the initial key, never used', async () => {
    const page = await admin.get('/admin/api-keys');
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'API keys');
    assert.match(page.body, /initial key/);
    assert.match(page.body, /<td class="govuk-table__cell">Never<\/td>/);
    assert.match(page.body, />\s*Active\s*</);
    assert.doesNotMatch(page.body, /secret|[0-9a-f]{64}/i, 'no hash on the page');
  });

  void it('creates a named key, shows it once, stores only its hash, audits who did it, and it works', async () => {
    const { response, plaintext, apiKeyId } = await createThroughThePage(admin, '  Housing system ');
    assert.equal(response.status, 200);
    assert.match(response.body, /govuk-panel/);
    assert.match(response.body, /It will not be shown again/);
    assert.equal(response.location, undefined, 'not a redirect: the key is never in an address');

    const [row] = (await keyRows(alpha.organisationId)).filter((k) => k.apiKeyId === apiKeyId);
    assert.ok(row);
    assert.equal(row.name, 'Housing system');
    assert.equal(row.createdBy, `staff:${adminStaff.staffId}`);
    const secret = plaintext.split('_').slice(2).join('_');
    assert.equal(row.secretHash, createHash('sha256').update(secret).digest('hex'));

    const [entry] = await audits(alpha.organisationId, 'api-key-created');
    assert.equal(entry?.actor, `staff:${adminStaff.staffId}`);
    assert.deepEqual(entry.details, { apiKeyId, name: 'Housing system' });
    assert.doesNotMatch(JSON.stringify(entry.details), new RegExp(secret));

    const list = await admin.get('/admin/api-keys');
    assert.match(list.body, /Housing system/);
    assert.match(list.body, /2 March 2026/);
    assert.match(list.body, /Ada Admin/);
    assert.doesNotMatch(list.body, new RegExp(secret), 'the list never shows the key again');

    const call = await api(t, { apiKey: plaintext }, 'GET', '/api/v1/complaints');
    assert.equal(call.status, 200);
  });

  void it('records the last use at most once a minute per key', async () => {
    const { plaintext, apiKeyId } = await createThroughThePage(admin, 'Reporting');
    assert.equal((await keyRow(apiKeyId))?.lastUsedAt, null);

    t.clock.set('2026-03-02T10:15:00Z');
    assert.equal((await api(t, { apiKey: plaintext }, 'GET', '/api/v1/complaints')).status, 200);
    const first = await keyRow(apiKeyId);
    assert.equal(first?.lastUsedAt?.toISOString(), '2026-03-02T10:15:00.000Z');

    t.clock.set('2026-03-02T10:15:40Z');
    const wrong = plaintext.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    assert.equal((await api(t, { apiKey: wrong }, 'GET', '/api/v1/complaints')).status, 401);
    assert.equal((await api(t, { apiKey: plaintext }, 'GET', '/api/v1/complaints')).status, 200);
    const second = await keyRow(apiKeyId);
    assert.equal(second?.lastUsedAt?.toISOString(), '2026-03-02T10:15:00.000Z');
    assert.equal(second?.xmin, first?.xmin, 'the second request close after did not write the row');

    t.clock.set('2026-03-02T10:16:00Z');
    assert.equal((await api(t, { apiKey: plaintext }, 'GET', '/api/v1/complaints')).status, 200);
    assert.equal((await keyRow(apiKeyId))?.lastUsedAt?.toISOString(), '2026-03-02T10:16:00.000Z');

    const list = await admin.get('/admin/api-keys');
    assert.match(list.body, /2 March 2026 at 10:16am/);
  });

  void it('revokes a key after asking, audits it, and the API refuses the key from then on', async () => {
    const { plaintext, apiKeyId } = await createThroughThePage(admin, 'Old integration');
    assert.equal((await api(t, { apiKey: plaintext }, 'GET', '/api/v1/complaints')).status, 200);

    const confirm = await admin.get(`/admin/api-keys/${apiKeyId}/revoke`);
    assert.equal(confirm.status, 200);
    assert.equal(heading(confirm.body), 'Are you sure you want to revoke this API key?');
    assert.match(confirm.body, /Old integration/);

    t.clock.set('2026-03-02T10:20:00Z');
    const revoked = await admin.post(`/admin/api-keys/${apiKeyId}/revoke`);
    assert.equal(revoked.status, 303);
    assert.equal(revoked.location, '/admin/api-keys?done=revoked');
    const list = await admin.get(revoked.location);
    assert.match(list.body, /API key revoked/);
    assert.match(list.body, /Revoked\s*<\/strong>\s*<span[^>]*>on 2 March 2026</);

    const refused = await api(t, { apiKey: plaintext }, 'GET', '/api/v1/complaints');
    assert.equal(refused.status, 401);
    assert.equal(refused.body.status, 401);

    const entries = await audits(alpha.organisationId, 'api-key-revoked');
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.actor, `staff:${adminStaff.staffId}`);

    // Twice is harmless: nothing changes, nothing more is audited, and the page is not offered.
    await admin.get('/admin/api-keys');
    assert.equal((await admin.post(`/admin/api-keys/${apiKeyId}/revoke`)).status, 303);
    assert.equal((await audits(alpha.organisationId, 'api-key-revoked')).length, 1);
    assert.equal((await admin.get(`/admin/api-keys/${apiKeyId}/revoke`)).location, '/admin/api-keys');

    // The name of a revoked key can be used again.
    await createThroughThePage(admin, 'Old integration');
  });

  void it('keeps each organisation to its own keys (404), in the database too', async () => {
    const alphaKeyId = (await keyRows(alpha.organisationId)).find((k) => k.name === 'initial key')?.apiKeyId;
    assert.ok(alphaKeyId);
    assert.equal((await betaAdmin.get(`/admin/api-keys/${alphaKeyId}/revoke`)).status, 404);
    await betaAdmin.get('/admin/api-keys');
    assert.equal((await betaAdmin.post(`/admin/api-keys/${alphaKeyId}/revoke`)).status, 404);
    assert.equal((await keyRow(alphaKeyId))?.revokedAt, null);
    const betaList = await betaAdmin.get('/admin/api-keys');
    assert.doesNotMatch(betaList.body, /Housing system/);
    assert.equal((await api(t, alpha, 'GET', '/api/v1/complaints')).status, 200);

    // Row-level security, not just the query: as beta's tenant, alpha's keys do not exist.
    const seen = await t.database.db.forOrganisation(beta.organisationId, (tx) =>
      tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.apiKeyId, alphaKeyId)).returning(),
    );
    assert.equal(seen.length, 0);
    // And the tenant role may not rewrite a key's hash.
    await assert.rejects(
      t.database.db.forOrganisation(alpha.organisationId, (tx) =>
        tx.update(apiKeys).set({ secretHash: 'x' }).where(eq(apiKeys.apiKeyId, alphaKeyId)),
      ),
    );
    assert.equal((await api(t, alpha, 'GET', '/api/v1/complaints')).status, 200);
  });

  void it('refuses a bad name with a clear error and saves nothing', async () => {
    const before = (await keyRows(alpha.organisationId)).length;
    const auditsBefore = (await audits(alpha.organisationId, 'api-key-created')).length;
    const cases: [string, RegExp][] = [
      ['', /Enter a name for the key/],
      ['   ', /Enter a name for the key/],
      ['x'.repeat(101), /The name must be 100 characters or fewer/],
      ['Housing system', /There is already an active key called Housing system/],
      ['housing SYSTEM', /There is already an active key called housing SYSTEM/],
      ['Tab\tname', /must not contain control characters/],
    ];
    for (const [name, message] of cases) {
      await admin.get('/admin/api-keys/new');
      const response = await admin.post('/admin/api-keys/new', { name });
      assert.equal(response.status, 400, JSON.stringify(name));
      assert.match(errorSummary(response.body) ?? '', message, JSON.stringify(name));
      assert.doesNotMatch(response.body, /pr_[0-9a-f]{32}_/);
    }
    // The server's input check refuses text PostgreSQL cannot store before the page sees it.
    await admin.get('/admin/api-keys/new');
    const nul = await admin.post('/admin/api-keys/new', { name: '\u0000' });
    assert.equal(nul.status, 400);
    assert.match(nul.body, /NUL character/);
    // Characters a browser form cannot send, refused by the use case itself.
    const principal = principalOf(adminStaff, alpha.organisationId);
    for (const name of ['Sys\u0000tem', 'Broken \uD800 text', '\uDC00']) {
      await assert.rejects(
        createApiKey({ db: t.database.db, clock: t.clock }, principal, { name }),
        ZodError,
      );
    }
    assert.equal((await keyRows(alpha.organisationId)).length, before);
    assert.equal((await audits(alpha.organisationId, 'api-key-created')).length, auditsBefore);
  });

  void it('refuses the forms without a valid CSRF token, changing nothing', async () => {
    const before = (await keyRows(alpha.organisationId)).map((k) => `${k.apiKeyId}:${String(k.revokedAt)}`);
    const keyId = (await keyRows(alpha.organisationId)).find((k) => k.revokedAt === null)?.apiKeyId ?? '';
    for (const [url, form] of [
      ['/admin/api-keys/new', { name: 'Forged' }],
      [`/admin/api-keys/${keyId}/revoke`, {}],
    ] as const) {
      for (const csrf of [null, 'forged-token']) {
        const response = await admin.post(url, form, { csrf });
        assert.equal(response.status, 403, url);
        assert.equal(heading(response.body), 'This form has expired');
      }
    }
    assert.deepEqual(
      (await keyRows(alpha.organisationId)).map((k) => `${k.apiKeyId}:${String(k.revokedAt)}`),
      before,
    );
  });

  void it('refuses every API key page to every role but administrator (403), and unknown keys are 404', async () => {
    const keyId = (await keyRows(alpha.organisationId)).find((k) => k.revokedAt === null)?.apiKeyId ?? '';
    for (const role of ROLES.filter((r) => !rolesAllowedTo('administer').includes(r))) {
      const { browser } = await signedIn(t, alpha.organisationId, role);
      await browser.get('/dashboard');
      for (const url of ['/admin/api-keys', '/admin/api-keys/new', `/admin/api-keys/${keyId}/revoke`]) {
        assert.equal((await browser.get(url)).status, 403, `${role} GET ${url}`);
      }
      assert.equal((await browser.post('/admin/api-keys/new', { name: 'Sneaky' })).status, 403, role);
      assert.equal((await browser.post(`/admin/api-keys/${keyId}/revoke`)).status, 403, role);
    }
    assert.equal((await keyRow(keyId))?.revokedAt, null);
    assert.equal((await keyRows(alpha.organisationId)).filter((k) => k.name === 'Sneaky').length, 0);
    assert.equal((await admin.get('/admin/api-keys/not-a-key/revoke')).status, 404);
    assert.equal(
      (await admin.get('/admin/api-keys/00000000-0000-4000-8000-000000000000/revoke')).status,
      404,
    );
  });
});
