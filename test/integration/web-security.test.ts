import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { staffAccounts } from '../../src/platform/db/schema.ts';
import { buildServer } from '../../src/platform/http/server.ts';
import { pageRoutes, type WebPrincipal } from '../../src/platform/web/page-route.ts';
import { createWebLayer } from '../../src/platform/web/web-layer.ts';
import { api, createTestOrganisation, startTestApp, type TestApp } from '../support/test-app.ts';
import { createTestStaff, heading, signedIn, TestBrowser } from '../support/web-client.ts';

void describe('web security: headers, CSRF and error pages', () => {
  let t: TestApp;
  let orgId: string;
  let apiKey: string;

  before(async () => {
    t = await startTestApp();
    const org = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    orgId = org.organisationId;
    apiKey = org.apiKey;
  });
  after(() => t.close());

  void it('sends a strict Content Security Policy with a fresh nonce, and the other security headers', async () => {
    const first = await new TestBrowser(t).get('/sign-in');
    const csp = String(first.headers['content-security-policy']);
    const scriptNonce = /script-src 'self' 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(scriptNonce, csp);
    assert.match(csp, /style-src 'self' 'nonce-[0-9a-f]{32}'/, "'self' lets the GOV.UK stylesheet load");
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /form-action 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // Both inline scripts (GOV.UK's js-enabled class and the init module) carry the nonce.
    assert.equal(first.body.split(`nonce="${scriptNonce}"`).length - 1, 2);
    assert.equal(
      (first.body.match(/<script(?![^>]*nonce=)/g) ?? []).length,
      0,
      'no script without the nonce',
    );
    assert.equal(first.headers['x-frame-options'], 'DENY');
    assert.equal(first.headers['x-content-type-options'], 'nosniff');
    assert.equal(first.headers['referrer-policy'], 'no-referrer');
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal(first.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    const second = await new TestBrowser(t).get('/sign-in');
    assert.notEqual(
      /'nonce-([0-9a-f]{32})'/.exec(String(second.headers['content-security-policy']))?.[1],
      scriptNonce,
    );
  });

  void it('serves GOV.UK Frontend’s CSS, JS and icons and our stylesheet, and nothing else, under /assets', async () => {
    const browser = new TestBrowser(t);
    for (const [url, type] of [
      ['/assets/govuk-frontend.min.css', /text\/css/],
      ['/assets/govuk-frontend.min.js', /javascript/],
      ['/assets/app.css', /text\/css/],
      ['/assets/images/favicon.svg', /image\/svg/],
    ] as const) {
      const response = await browser.get(url);
      assert.equal(response.status, 200, url);
      assert.match(String(response.headers['content-type']), type, url);
      assert.equal(response.headers['cache-control'], 'public, max-age=86400', url);
    }
    for (const url of [
      '/assets/fonts/bold-b542beb274-v2.woff2', // GDS Transport is for GOV.UK only
      '/assets/template.njk',
      '/assets/components/button/macro.njk',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
    ]) {
      const response = await browser.get(url);
      assert.ok([400, 403, 404].includes(response.status), `${url}: ${String(response.status)}`);
      assert.equal(response.headers['cache-control'], 'no-store', url);
    }
  });

  void it('refuses every page form without its CSRF token, with a wrong one, or from another site (403)', async () => {
    const { browser: admin } = await signedIn(t, orgId, 'administrator');
    const target = await createTestStaff(t, orgId, 'handler');
    const anonymous = new TestBrowser(t);
    await anonymous.get('/sign-in');
    const forms: [TestBrowser, string, Record<string, string>][] = [
      [anonymous, '/sign-in', { email: target.email, password: target.password }],
      [admin, '/sign-out', {}],
      [
        admin,
        '/change-password',
        { currentPassword: 'x', newPassword: 'a new password!', confirmPassword: 'a new password!' },
      ],
      [
        admin,
        '/admin/staff/new',
        { name: 'N', email: 'n@example.test', role: 'administrator', temporaryPassword: 'a long password' },
      ],
      [admin, `/admin/staff/${target.staffId}/disable`, {}],
      [admin, `/admin/staff/${target.staffId}/reset-password`, { temporaryPassword: 'a long password' }],
    ];
    const otherBrowser = new TestBrowser(t);
    await otherBrowser.get('/sign-in');
    const foreignToken = otherBrowser.csrfToken ?? '';
    for (const [browser, url, form] of forms) {
      await browser.get(url === '/sign-in' ? '/sign-in' : '/dashboard');
      const valid = browser.csrfToken ?? '';
      const attempts: [string, Parameters<TestBrowser['post']>[2]][] = [
        ['no token', { csrf: null }],
        ['a wrong token', { csrf: `${valid.slice(0, -4)}AAAA` }],
        ['another browser’s token', { csrf: foreignToken }],
        ['another site', { headers: { 'sec-fetch-site': 'cross-site' } }],
      ];
      for (const [what, options] of attempts) {
        const response = await browser.post(url, form, options);
        assert.equal(response.status, 403, `${url} with ${what}`);
        assert.equal(heading(response.body), 'This form has expired', `${url} with ${what}`);
      }
    }
    // A client with no CSRF cookie at all.
    const bare = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=anything&email=${encodeURIComponent(target.email)}&password=x`,
    });
    assert.equal(bare.statusCode, 403);

    assert.equal(anonymous.cookies.has('putright_session'), false, 'nobody signed in');
    assert.equal((await admin.get('/dashboard')).status, 200, 'the administrator was not signed out');
    const [row] = await t.database.db.privileged((tx) =>
      tx.select().from(staffAccounts).where(eq(staffAccounts.staffId, target.staffId)),
    );
    assert.equal(row?.disabledAt, null);
    assert.equal(row.mustChangePassword, false);
    const created = await t.database.db.privileged((tx) =>
      tx.select().from(staffAccounts).where(eq(staffAccounts.email, 'n@example.test')),
    );
    assert.equal(created.length, 0);
    // And with the token, the same form works.
    await admin.get(`/admin/staff/${target.staffId}`);
    assert.equal((await admin.post(`/admin/staff/${target.staffId}/disable`)).status, 303);
  });

  void it('shows GOV.UK error pages for pages, and keeps problem+json for the API', async () => {
    const { browser } = await signedIn(t, orgId, 'handler', { name: 'Hana Handler' });
    const missing = await browser.get('/no-such-page');
    assert.equal(missing.status, 404);
    assert.match(String(missing.headers['content-type']), /text\/html/);
    assert.equal(heading(missing.body), 'Page not found');
    assert.match(missing.body, /Hana Handler/, 'the header still shows who is signed in');
    assert.match(String(missing.headers['content-security-policy']), /nonce-/);

    const apiMissing = await api(t, { apiKey }, 'GET', '/api/v1/no-such-thing');
    assert.equal(apiMissing.status, 404);
    assert.match(String(apiMissing.response.headers['content-type']), /application\/problem\+json/);
    const unauthorised = await api(t, null, 'GET', '/api/v1/complaints');
    assert.equal(unauthorised.status, 401);
    assert.equal(unauthorised.body.title, 'Not signed in');
    // The API reads JSON only: forms are parsed for the pages alone.
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'channel=phone',
    });
    assert.equal(form.statusCode, 415);
    assert.match(String(form.headers['content-type']), /application\/problem\+json/);
  });

  void it('shows “Sorry, there is a problem with the service” for an unexpected error, without its details', async () => {
    const pages = pageRoutes<WebPrincipal>();
    const web = createWebLayer<WebPrincipal>({
      pages: [
        pages.public({
          method: 'GET',
          path: '/broken',
          handler: () => Promise.reject(new Error('database password is hunter2')),
        }),
      ],
      resolvePrincipal: () => Promise.resolve(null),
      layout: () => ({}),
      paths: { signIn: '/sign-in', home: '/dashboard', changePassword: '/change-password' },
      version: 'test',
    });
    const app = buildServer({
      routes: [],
      authenticate: () => Promise.reject(new Error('no API here')),
      web,
      version: 'test',
      logLevel: 'silent',
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/broken' });
      assert.equal(response.statusCode, 500);
      assert.match(String(response.headers['content-type']), /text\/html/);
      assert.equal(heading(response.body), 'Sorry, there is a problem with the service');
      assert.match(response.body, /Try again later/);
      assert.equal(response.body.includes('hunter2'), false);
    } finally {
      await app.close();
    }
  });
});
