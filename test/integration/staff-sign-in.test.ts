import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { auditLog, staffAccounts } from '../../src/platform/db/schema.ts';
import { createTestOrganisation, startTestApp, type TestApp } from '../support/test-app.ts';
import {
  createTestStaff,
  errorSummary,
  heading,
  signedIn,
  TestBrowser,
  type TestStaff,
} from '../support/web-client.ts';

const GENERIC = 'Enter a correct email address and password';
const MINUTE = 60_000;

void describe('staff sign-in and sessions', () => {
  let t: TestApp;
  let orgId: string;
  const start = new Date('2026-03-02T10:00:00Z');
  const at = (ms: number) => new Date(start.getTime() + ms);

  before(async () => {
    t = await startTestApp();
    orgId = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes')).organisationId;
  });
  after(() => t.close());

  void it('signs in with an HttpOnly, SameSite=Lax session cookie and shows the dashboard', async () => {
    t.clock.set(start);
    const staff = await createTestStaff(t, orgId, 'complaints-officer', { name: 'Priya Shah' });
    const browser = new TestBrowser(t);
    const page = await browser.get('/sign-in');
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Sign in to PutRight');
    const signIn = await browser.post('/sign-in', {
      email: staff.email.toUpperCase(),
      password: staff.password,
    });
    assert.equal(signIn.status, 303);
    assert.equal(signIn.location, '/dashboard');
    const cookie = signIn.response.cookies.find((c) => c.name === 'putright_session');
    assert.ok(cookie, 'a session cookie is set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.secure, undefined, 'not Secure over plain HTTP');
    assert.match(cookie.value, /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

    const dashboard = await browser.get('/dashboard');
    assert.equal(dashboard.status, 200);
    assert.match(dashboard.body, /<title>Dashboard – PutRight<\/title>/);
    assert.equal(heading(dashboard.body), 'Dashboard');
    assert.match(dashboard.body, /Alpha Homes/);
    assert.match(dashboard.body, /You are signed in as Priya Shah, Complaints officer\./);
    assert.doesNotMatch(dashboard.body, /href="\/admin\/staff"/, 'only administrators see Staff accounts');
    assert.match(dashboard.body, /<form method="post" action="\/sign-out"/);

    const admin = await signedIn(t, orgId, 'administrator');
    const adminDashboard = await admin.browser.get('/dashboard');
    assert.match(adminDashboard.body, /Administrator\./);
    assert.match(adminDashboard.body, /<a class="govuk-link" href="\/admin\/staff">Staff accounts<\/a>/);
  });

  void it('sends / to the dashboard or to sign-in, and still answers JSON to API clients', async () => {
    const anonymous = new TestBrowser(t);
    const home = await anonymous.get('/');
    assert.equal(home.status, 302);
    assert.equal(home.location, '/sign-in');
    const { browser } = await signedIn(t, orgId, 'handler');
    assert.equal((await browser.get('/')).location, '/dashboard');
    assert.equal((await browser.get('/sign-in')).location, '/dashboard');
    const json = await anonymous.get('/', { accept: 'application/json' });
    assert.equal(json.status, 200);
    assert.equal(JSON.parse(json.body).openapi, '/api/v1/openapi.json');
    assert.equal((await anonymous.get('/dashboard')).location, '/sign-in');
  });

  void it('gives the same answer for a wrong password, an unknown address, a disabled and a locked account', async () => {
    t.clock.set(start);
    const wrongPassword = await createTestStaff(t, orgId, 'handler');
    const disabled = await createTestStaff(t, orgId, 'handler');
    const locked = await createTestStaff(t, orgId, 'handler');
    await t.database.db.privileged((tx) =>
      tx.update(staffAccounts).set({ disabledAt: start }).where(eq(staffAccounts.staffId, disabled.staffId)),
    );
    await t.database.db.privileged((tx) =>
      tx
        .update(staffAccounts)
        .set({ lockedUntil: at(15 * MINUTE), failedAttempts: 5 })
        .where(eq(staffAccounts.staffId, locked.staffId)),
    );
    const attempts: [string, string][] = [
      [wrongPassword.email, 'not the password at all'],
      ['nobody-at-all@example.test', 'not the password at all'],
      [disabled.email, disabled.password], // even the right password
      [locked.email, locked.password],
    ];
    const pages = [];
    for (const [email, password] of attempts) {
      const browser = new TestBrowser(t);
      const page = await browser.signIn(email, password);
      assert.equal(page.status, 400, email);
      assert.equal(browser.cookies.has('putright_session'), false);
      pages.push(page.body);
    }
    const summaries = pages.map(errorSummary);
    assert.equal(summaries[0], GENERIC);
    assert.deepEqual(new Set(summaries).size, 1, 'every error summary is the same');
    // The whole page is the same, but for the address typed, the CSRF token and the CSP nonces.
    const normalise = (body: string) =>
      body
        .replace(/value="[^"]*@[^"]*"/g, 'value="(email)"')
        .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"')
        .replace(/nonce="[^"]*"/g, 'nonce');
    assert.equal(new Set(pages.map(normalise)).size, 1, 'the pages differ only in the address typed');
  });

  void it('locks an account for 15 minutes after 5 wrong passwords in a row', async () => {
    t.clock.set(start);
    const staff = await createTestStaff(t, orgId, 'senior-lead');
    const browser = new TestBrowser(t);
    for (let i = 1; i <= 5; i += 1) {
      t.clock.set(at(i * 1000));
      const page = await browser.signIn(staff.email, `wrong password ${String(i)}`);
      assert.equal(errorSummary(page.body), GENERIC);
    }
    const [row] = await t.database.db.privileged((tx) =>
      tx.select().from(staffAccounts).where(eq(staffAccounts.staffId, staff.staffId)),
    );
    assert.equal(row?.failedAttempts, 5);
    assert.equal(row.lockedUntil?.toISOString(), at(5000 + 15 * MINUTE).toISOString());

    t.clock.set(at(14 * MINUTE));
    const stillLocked = await new TestBrowser(t).signIn(staff.email, staff.password);
    assert.equal(errorSummary(stillLocked.body), GENERIC, 'the right password is refused while locked');

    t.clock.set(at(16 * MINUTE));
    // After the lock-out the count starts again: one more mistake does not lock it at once.
    assert.equal(
      errorSummary((await new TestBrowser(t).signIn(staff.email, 'one more mistake')).body),
      GENERIC,
    );
    const unlocked = await new TestBrowser(t).signIn(staff.email, staff.password);
    assert.equal(unlocked.status, 303);
    assert.equal(unlocked.location, '/dashboard');

    const actions = await auditActionsFor(staff);
    assert.ok(actions.includes('staff-account-locked'));
    assert.ok(actions.includes('staff-sign-in-refused'));
    assert.equal(actions.filter((a) => a === 'staff-sign-in-failed').length, 6);
    assert.equal(actions.at(-1), 'staff-signed-in');
  });

  void it('ends a session after 30 idle minutes, keeps an active one going, and ends any after 12 hours', async () => {
    t.clock.set(start);
    const { browser } = await signedIn(t, orgId, 'handler');
    t.clock.set(at(29 * MINUTE));
    assert.equal((await browser.get('/dashboard')).status, 200);
    t.clock.set(at(58 * MINUTE)); // 29 minutes after the last request: sliding expiry
    assert.equal((await browser.get('/dashboard')).status, 200);
    t.clock.set(at(58 * MINUTE + 31 * MINUTE));
    const idle = await browser.get('/dashboard');
    assert.equal(idle.status, 302);
    assert.equal(idle.location, '/sign-in');
    assert.equal(browser.cookies.has('putright_session'), false, 'the dead cookie is cleared');

    // A stale cookie on a page with a form (a bookmarked sign-in page): the form still works.
    t.clock.set(start);
    const stale = await signedIn(t, orgId, 'handler');
    await stale.browser.get('/dashboard');
    assert.ok(stale.browser.cookies.has('putright_csrf'));
    t.clock.set(at(45 * MINUTE));
    const form = await stale.browser.get('/sign-in');
    assert.equal(form.status, 200);
    assert.equal(stale.browser.cookies.has('putright_session'), false);
    const again = await stale.browser.post('/sign-in', {
      email: stale.staff.email,
      password: stale.staff.password,
    });
    assert.equal(again.status, 303);

    t.clock.set(start);
    const active = await signedIn(t, orgId, 'handler');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.set(at(minutes * MINUTE));
      assert.equal((await active.browser.get('/dashboard')).status, 200, `at ${String(minutes)} minutes`);
    }
    t.clock.set(at(12 * 60 * MINUTE));
    assert.equal((await active.browser.get('/dashboard')).location, '/sign-in');
  });

  void it('signs out: the session is revoked, so the old cookie no longer works', async () => {
    t.clock.set(start);
    const { browser, staff } = await signedIn(t, orgId, 'board-member');
    const stolenCookie = browser.cookieHeader();
    await browser.get('/dashboard');
    const signOut = await browser.post('/sign-out');
    assert.equal(signOut.status, 303);
    assert.equal(signOut.location, '/sign-in?signed-out');
    assert.equal(browser.cookies.has('putright_session'), false);
    assert.match((await browser.get('/sign-in?signed-out')).body, /You have signed out/);
    const replay = await t.app.inject({
      method: 'GET',
      url: '/dashboard',
      headers: { cookie: stolenCookie },
    });
    assert.equal(replay.statusCode, 302);
    assert.equal(replay.headers.location, '/sign-in');
    assert.ok((await auditActionsFor(staff)).includes('staff-signed-out'));
  });

  void it('makes a temporary password be changed before anything else, with GOV.UK validation', async () => {
    t.clock.set(start);
    const staff = await createTestStaff(t, orgId, 'front-line', { mustChangePassword: true });
    const other = new TestBrowser(t);
    await other.signIn(staff.email, staff.password);
    const browser = new TestBrowser(t);
    const signIn = await browser.signIn(staff.email, staff.password);
    assert.equal(signIn.location, '/change-password');
    assert.equal((await browser.get('/dashboard')).location, '/change-password');
    const page = await browser.get('/change-password');
    assert.match(page.body, /You signed in with a temporary password/);

    const empty = await browser.post('/change-password', {
      currentPassword: '',
      newPassword: '',
      confirmPassword: '',
    });
    assert.equal(
      errorSummary(empty.body),
      'Enter your current password Enter a new password Confirm your new password',
      'every problem, in the order of the form',
    );
    const cases: [Record<string, string>, string][] = [
      [
        { currentPassword: staff.password, newPassword: 'short', confirmPassword: 'short' },
        'Enter a password that is 12 characters or more',
      ],
      [
        { currentPassword: staff.password, newPassword: staff.email, confirmPassword: staff.email },
        'Your password must not be the same as the email address',
      ],
      [
        { currentPassword: staff.password, newPassword: 'a long new password', confirmPassword: 'different' },
        'The passwords do not match: enter the same new password twice',
      ],
      [
        { currentPassword: staff.password, newPassword: staff.password, confirmPassword: staff.password },
        'Your new password must be different from your current password',
      ],
      [
        {
          currentPassword: 'not my password',
          newPassword: 'a long new password',
          confirmPassword: 'a long new password',
        },
        'Your current password is not correct',
      ],
    ];
    for (const [form, message] of cases) {
      const answer = await browser.post('/change-password', form);
      assert.equal(answer.status, 400, message);
      assert.match(errorSummary(answer.body) ?? '', new RegExp(message));
      assert.doesNotMatch(answer.body, /value="a long new password"/, 'passwords are never shown again');
    }
    const changed = await browser.post('/change-password', {
      currentPassword: staff.password,
      newPassword: 'my own memorable passphrase',
      confirmPassword: 'my own memorable passphrase',
    });
    assert.equal(changed.location, '/dashboard?password-changed');
    assert.match((await browser.get('/dashboard?password-changed')).body, /Your password has been changed/);
    assert.equal((await other.get('/dashboard')).location, '/sign-in', 'other sessions end');
    assert.equal(
      (await new TestBrowser(t).signIn(staff.email, 'my own memorable passphrase')).location,
      '/dashboard',
    );
  });

  void it('marks the cookie Secure and sends HSTS behind a trusted HTTPS proxy, and only then', async () => {
    const staff = await createTestStaff(t, orgId, 'handler');
    const proxied = buildApp({ db: t.database.db, clock: t.clock, logLevel: 'silent', trustProxy: true });
    try {
      const https = { 'x-forwarded-proto': 'https' };
      const form = await proxied.inject({ method: 'GET', url: '/sign-in', headers: https });
      assert.match(String(form.headers['strict-transport-security']), /max-age=31536000/);
      const csrfCookie = form.cookies.find((c) => c.name === 'putright_csrf');
      assert.equal(csrfCookie?.secure, true);
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const signIn = await proxied.inject({
        method: 'POST',
        url: '/sign-in',
        headers: {
          ...https,
          cookie: `putright_csrf=${csrfCookie?.value ?? ''}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({
          _csrf: token,
          email: staff.email,
          password: staff.password,
        }).toString(),
      });
      assert.equal(signIn.statusCode, 303);
      assert.equal(signIn.cookies.find((c) => c.name === 'putright_session')?.secure, true);
    } finally {
      await proxied.close();
    }
    // Without TRUST_PROXY the header is the client's word, and is ignored.
    const direct = await t.app.inject({
      method: 'GET',
      url: '/sign-in',
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(direct.headers['strict-transport-security'], undefined);
    assert.equal(direct.cookies.find((c) => c.name === 'putright_csrf')?.secure, undefined);
  });

  void it('answers 429 with a GOV.UK page after 10 failed sign-ins from one address in 15 minutes', async () => {
    const staff = await createTestStaff(t, orgId, 'handler');
    const browser = new TestBrowser(t);
    // Successful sign-ins do not count (a whole office may share one address).
    for (let i = 0; i < 11; i += 1) {
      assert.equal(
        (await new TestBrowser(t, browser.address).signIn(staff.email, staff.password)).status,
        303,
      );
    }
    for (let i = 0; i < 10; i += 1) {
      assert.equal(
        (await browser.signIn(`unknown-${String(i)}@example.test`, 'a wrong password')).status,
        400,
      );
    }
    const refused = await browser.signIn(staff.email, staff.password);
    assert.equal(refused.status, 429);
    assert.equal(heading(refused.body), 'You have tried to sign in too many times');
    assert.match(String(refused.headers['content-type']), /text\/html/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(
      (await new TestBrowser(t).signIn(staff.email, staff.password)).status,
      303,
      'other addresses are unaffected',
    );
  });

  void it('never writes a password, or a hash of one, to the audit log', async () => {
    const rows = await t.database.db.privileged((tx) =>
      tx.select({ text: sql<string>`${auditLog.details}::text || ' ' || ${auditLog.actor}` }).from(auditLog),
    );
    const text = rows.map((r) => r.text).join('\n');
    assert.match(text, /staff-account-created|staffId/);
    for (const secret of [
      'correct horse',
      'my own memorable passphrase',
      'not the password at all',
      '$argon2',
    ]) {
      assert.equal(text.includes(secret), false, secret);
    }
  });

  async function auditActionsFor(staff: TestStaff): Promise<string[]> {
    const rows = await t.database.db.privileged((tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(
          and(eq(auditLog.organisationId, orgId), sql`${auditLog.details}->>'staffId' = ${staff.staffId}`),
        )
        .orderBy(auditLog.auditId),
    );
    return rows.map((r) => r.action);
  }
});
