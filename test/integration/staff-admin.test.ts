import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, staffAccounts, staffSessions } from '../../src/platform/db/schema.ts';
import { STAFF_ROLES } from '../../src/modules/staff/staff-roles.ts';
import { rejectsWithCause } from '../support/test-database.ts';
import { createTestOrganisation, startTestApp, type TestApp } from '../support/test-app.ts';
import {
  createTestStaff,
  errorSummary,
  heading,
  signedIn,
  TestBrowser,
  type TestStaff,
} from '../support/web-client.ts';

void describe('staff accounts, for administrators only', () => {
  let t: TestApp;
  let alpha: string;
  let beta: string;
  let admin: TestBrowser;
  let adminStaff: TestStaff;
  let betaStaff: TestStaff;

  before(async () => {
    t = await startTestApp();
    alpha = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes')).organisationId;
    beta = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing')).organisationId;
    ({ browser: admin, staff: adminStaff } = await signedIn(t, alpha, 'administrator', {
      name: 'Ada Admin',
    }));
    betaStaff = await createTestStaff(t, beta, 'handler', { name: 'Bea Beta' });
  });
  after(() => t.close());

  void it('lists only the organisation’s own accounts, with role and status in words', async () => {
    const disabled = await createTestStaff(t, alpha, 'board-member', { name: 'Dora Disabled' });
    await t.database.db.privileged((tx) =>
      tx
        .update(staffAccounts)
        .set({ disabledAt: new Date() })
        .where(eq(staffAccounts.staffId, disabled.staffId)),
    );
    const list = await admin.get('/admin/staff');
    assert.equal(list.status, 200);
    assert.equal(heading(list.body), 'Staff accounts');
    const row = (name: string) =>
      new RegExp(
        `<tr class="govuk-table__row">\\s*<td class="govuk-table__cell"><a class="govuk-link" href="/admin/staff/[0-9a-f-]{36}">${name}</a></td>\\s*` +
          '<td class="govuk-table__cell app-break-words">([^<]*)</td>\\s*<td class="govuk-table__cell">([^<]*)</td>\\s*' +
          '<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--(\\w+)">\\s*([^<]*?)\\s*</strong>',
      );
    assert.deepEqual(row('Ada Admin').exec(list.body)?.slice(1), [
      adminStaff.email,
      'Administrator',
      'green',
      'Active',
    ]);
    assert.deepEqual(row('Dora Disabled').exec(list.body)?.slice(1), [
      disabled.email,
      'Board member or Member Responsible for Complaints',
      'grey',
      'Disabled',
    ]);
    assert.doesNotMatch(list.body, /Bea Beta/, 'another organisation’s staff are not listed');
  });

  void it('creates an account, keeping the answers and explaining each problem when they are wrong', async () => {
    const form = await admin.get('/admin/staff/new');
    assert.equal(form.status, 200);
    const wrong = await admin.post('/admin/staff/new', {
      name: 'Carys Jones',
      email: 'not an address',
      role: 'handler',
      temporaryPassword: 'short',
    });
    assert.equal(wrong.status, 400);
    assert.equal(
      errorSummary(wrong.body),
      'Enter an email address in the correct format, like name@example.com Enter a temporary password that is 12 characters or more',
    );
    assert.match(wrong.body, /value="Carys Jones"/);
    assert.match(wrong.body, /value="not an address"/);
    assert.match(wrong.body, /value="handler" checked/);
    assert.match(wrong.body, /href="#email"/);

    const empty = await admin.post('/admin/staff/new', { name: '', email: '', temporaryPassword: '' });
    assert.equal(
      errorSummary(empty.body),
      'Enter the person’s full name Enter their email address Select a role Enter a temporary password',
    );
    assert.match(empty.body, /href="#role"/);

    // Every problem at once, even when one answer is missing altogether.
    const several = await admin.post('/admin/staff/new', {
      name: 'Carys Jones',
      email: 'bad',
      temporaryPassword: 'short',
    });
    assert.equal(
      errorSummary(several.body),
      'Enter an email address in the correct format, like name@example.com Select a role Enter a temporary password that is 12 characters or more',
    );

    // Addresses are unique across organisations: sign-in finds the organisation from them.
    const taken = await admin.post('/admin/staff/new', {
      name: 'Someone',
      email: betaStaff.email.toUpperCase(),
      role: 'handler',
      temporaryPassword: 'a temporary password',
    });
    assert.equal(errorSummary(taken.body), 'This email address is already used by another account');

    const created = await admin.post('/admin/staff/new', {
      name: 'Carys Jones',
      email: 'Carys.Jones@Alpha.example',
      role: 'handler',
      temporaryPassword: 'a temporary password',
    });
    assert.equal(created.status, 303);
    assert.match(created.location ?? '', /^\/admin\/staff\?created=[0-9a-f-]{36}$/);
    const banner = await admin.get(created.location ?? '');
    assert.match(banner.body, /Account created for Carys Jones/);
    assert.match(
      banner.body,
      /<td class="govuk-table__cell app-break-words">carys\.jones@alpha\.example<\/td>/,
    );

    const carys = new TestBrowser(t);
    const signIn = await carys.signIn('carys.jones@alpha.example', 'a temporary password');
    assert.equal(signIn.location, '/change-password', 'a new account must change its temporary password');
  });

  void it('disables an account: its sessions end and it cannot sign in', async () => {
    const { browser: victim, staff } = await signedIn(t, alpha, 'handler', { name: 'Harry Handler' });
    const page = await admin.get(`/admin/staff/${staff.staffId}`);
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Harry Handler');
    const disabled = await admin.post(`/admin/staff/${staff.staffId}/disable`);
    assert.equal(disabled.status, 303);
    assert.equal(disabled.location, `/admin/staff/${staff.staffId}?done=disabled`);
    const after = await admin.get(disabled.location ?? '');
    assert.match(after.body, /The account has been disabled/);
    for (const done of ['constructor', 'toString', '__proto__', 'nonsense']) {
      const other = await admin.get(`/admin/staff/${staff.staffId}?done=${done}`);
      assert.equal(other.status, 200, done);
      assert.doesNotMatch(other.body, /govuk-notification-banner--success|function|native code/, done);
    }
    assert.doesNotMatch(after.body, /Disable account<\/button>|>\s*Disable account\s*</);
    assert.equal((await victim.get('/dashboard')).location, '/sign-in');
    const again = await new TestBrowser(t).signIn(staff.email, staff.password);
    assert.equal(errorSummary(again.body), 'Enter a correct email address and password');

    const self = await admin.get(`/admin/staff/${adminStaff.staffId}`);
    assert.match(self.body, /This is your account/);
    const refused = await admin.post(`/admin/staff/${adminStaff.staffId}/disable`);
    assert.equal(refused.status, 400);
    assert.match(refused.body, /You cannot disable your own account/);
    assert.equal((await admin.get('/dashboard')).status, 200);
  });

  void it('re-enables a disabled account: it can sign in again, and the change is audited', async () => {
    const staff = await createTestStaff(t, alpha, 'handler', { name: 'Rhys Returning' });
    await admin.get(`/admin/staff/${staff.staffId}`);
    assert.equal((await admin.post(`/admin/staff/${staff.staffId}/disable`)).status, 303);
    const page = await admin.get(`/admin/staff/${staff.staffId}`);
    assert.match(page.body, /Re-enable account/);
    const enabled = await admin.post(`/admin/staff/${staff.staffId}/enable`);
    assert.equal(enabled.status, 303);
    assert.equal(enabled.location, `/admin/staff/${staff.staffId}?done=enabled`);
    const after = await admin.get(enabled.location ?? '');
    assert.match(after.body, /The account has been re-enabled/);
    assert.match(after.body, />\s*Disable account\s*</);
    assert.equal((await new TestBrowser(t).signIn(staff.email, staff.password)).location, '/dashboard');
    const audits = await t.database.db.privileged((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.organisationId, alpha)),
    );
    const mine = audits.filter((a) => (a.details as { staffId?: string }).staffId === staff.staffId);
    assert.deepEqual(
      mine.map((a) => a.action).filter((a) => a !== 'staff-account-created'),
      ['staff-account-disabled', 'staff-account-enabled', 'staff-signed-in'],
    );
    // Enabling an account that is not disabled changes nothing and writes nothing.
    await admin.post(`/admin/staff/${staff.staffId}/enable`);
    const again = await t.database.db.privileged((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.organisationId, alpha)),
    );
    assert.equal(again.length, audits.length);
  });

  void it('resets a password: it unlocks the account, ends its sessions, and must be changed', async () => {
    const { browser: forgetful, staff } = await signedIn(t, alpha, 'complaints-officer');
    await t.database.db.privileged((tx) =>
      tx
        .update(staffAccounts)
        .set({ failedAttempts: 5, lockedUntil: new Date(t.clock.now().getTime() + 600_000) })
        .where(eq(staffAccounts.staffId, staff.staffId)),
    );
    await admin.get(`/admin/staff/${staff.staffId}`);
    const tooShort = await admin.post(`/admin/staff/${staff.staffId}/reset-password`, {
      temporaryPassword: 'short',
    });
    assert.equal(tooShort.status, 400);
    assert.equal(errorSummary(tooShort.body), 'Enter a temporary password that is 12 characters or more');
    const sameAsEmail = await admin.post(`/admin/staff/${staff.staffId}/reset-password`, {
      temporaryPassword: staff.email,
    });
    assert.equal(errorSummary(sameAsEmail.body), 'Your password must not be the same as the email address');

    const reset = await admin.post(`/admin/staff/${staff.staffId}/reset-password`, {
      temporaryPassword: 'a new temporary password',
    });
    assert.equal(reset.location, `/admin/staff/${staff.staffId}?done=password-reset`);
    assert.equal((await forgetful.get('/dashboard')).location, '/sign-in', 'their sessions ended');
    const signIn = await new TestBrowser(t).signIn(staff.email, 'a new temporary password');
    assert.equal(signIn.location, '/change-password', 'unlocked, and the password must be changed');
  });

  void it('refuses every administrator page and form to every other role (403), and sends strangers to sign in', async () => {
    const target = await createTestStaff(t, alpha, 'handler');
    const routes: ['GET' | 'POST', string, Record<string, string>][] = [
      ['GET', '/admin/staff', {}],
      ['GET', '/admin/staff/new', {}],
      [
        'POST',
        '/admin/staff/new',
        { name: 'X', email: 'x@example.test', role: 'administrator', temporaryPassword: 'a long password' },
      ],
      ['GET', `/admin/staff/${target.staffId}`, {}],
      ['POST', `/admin/staff/${target.staffId}/disable`, {}],
      ['POST', `/admin/staff/${target.staffId}/enable`, {}],
      ['POST', `/admin/staff/${target.staffId}/reset-password`, { temporaryPassword: 'a long password' }],
    ];
    for (const role of STAFF_ROLES.filter((r) => r !== 'administrator')) {
      const { browser } = await signedIn(t, alpha, role);
      await browser.get('/dashboard');
      for (const [method, url, form] of routes) {
        const response = method === 'GET' ? await browser.get(url) : await browser.post(url, form);
        assert.equal(response.status, 403, `${role} ${method} ${url}`);
        assert.equal(heading(response.body), 'You do not have permission');
      }
    }
    const stranger = new TestBrowser(t);
    await stranger.get('/sign-in'); // a valid CSRF token, but no session
    for (const [method, url, form] of routes) {
      const response = method === 'GET' ? await stranger.get(url) : await stranger.post(url, form);
      assert.equal(response.status, method === 'GET' ? 302 : 303, `${method} ${url}`);
      assert.equal(response.location, '/sign-in');
    }
    const [row] = await t.database.db.privileged((tx) =>
      tx.select().from(staffAccounts).where(eq(staffAccounts.staffId, target.staffId)),
    );
    assert.equal(row?.disabledAt, null, 'nothing was changed');
    assert.equal(row.mustChangePassword, false);
  });

  void it('answers 404 for another organisation’s account, by page and by form, and changes nothing', async () => {
    await admin.get('/admin/staff');
    const id = betaStaff.staffId;
    for (const [method, url] of [
      ['GET', `/admin/staff/${id}`],
      ['POST', `/admin/staff/${id}/disable`],
      ['POST', `/admin/staff/${id}/enable`],
      ['POST', `/admin/staff/${id}/reset-password`],
      ['GET', '/admin/staff/not-a-uuid'],
      ['POST', '/admin/staff/not-a-uuid/disable'],
    ] as const) {
      const response =
        method === 'GET'
          ? await admin.get(url)
          : await admin.post(url, { temporaryPassword: 'a long enough password' });
      assert.equal(response.status, 404, `${method} ${url}`);
      assert.equal(heading(response.body), 'Page not found');
    }
    const signIn = await new TestBrowser(t).signIn(betaStaff.email, betaStaff.password);
    assert.equal(signIn.location, '/dashboard', 'Beta’s account is untouched');
  });

  void it('escapes names everywhere they are shown', async () => {
    const { browser, staff } = await signedIn(t, alpha, 'handler', { name: '<script>alert(1)</script>' });
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;';
    const dashboard = await browser.get('/dashboard');
    assert.ok(dashboard.body.includes(escaped));
    assert.equal(dashboard.body.includes('<script>alert(1)'), false);
    for (const url of ['/admin/staff', `/admin/staff/${staff.staffId}`]) {
      const page = await admin.get(url);
      assert.ok(page.body.includes(escaped), url);
      assert.equal(page.body.includes('<script>alert(1)'), false, url);
    }
    const form = await admin.post('/admin/staff/new', {
      name: '"><img src=x onerror=alert(1)>',
      email: 'bad',
      role: 'handler',
      temporaryPassword: '',
    });
    assert.equal(form.body.includes('<img src=x'), false);
    assert.ok(form.body.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'));
  });

  void it('keeps staff accounts and sessions apart with row-level security', async () => {
    const db = t.database.db;
    const seen = await db.forOrganisation(beta, (tx) => tx.select().from(staffAccounts));
    assert.ok(seen.length > 0);
    assert.ok(seen.every((r) => r.organisationId === beta));
    const sessions = await db.forOrganisation(beta, (tx) => tx.select().from(staffSessions));
    assert.ok(sessions.every((r) => r.organisationId === beta));
    const alphaSessions = await db.privileged((tx) =>
      tx.select().from(staffSessions).where(eq(staffSessions.organisationId, alpha)),
    );
    assert.ok(alphaSessions.length > 0);

    const byId = await db.forOrganisation(beta, (tx) =>
      tx.select().from(staffAccounts).where(eq(staffAccounts.staffId, adminStaff.staffId)),
    );
    assert.equal(byId.length, 0);
    const updated = await db.forOrganisation(beta, (tx) =>
      tx
        .update(staffAccounts)
        .set({ role: 'front-line' })
        .where(eq(staffAccounts.staffId, adminStaff.staffId))
        .returning(),
    );
    assert.equal(updated.length, 0);
    const revoked = await db.forOrganisation(beta, (tx) =>
      tx
        .update(staffSessions)
        .set({ revokedAt: new Date() })
        .where(eq(staffSessions.organisationId, alpha))
        .returning(),
    );
    assert.equal(revoked.length, 0);
    await rejectsWithCause(
      db.forOrganisation(beta, (tx) =>
        tx.insert(staffAccounts).values({
          organisationId: alpha,
          staffId: crypto.randomUUID(),
          email: 'intruder@example.test',
          name: 'Intruder',
          role: 'administrator',
          passwordHash: 'x',
        }),
      ),
      /row-level security/,
    );
    const none = await db.forOrganisation('00000000-0000-0000-0000-000000000000', (tx) =>
      tx.select().from(staffAccounts),
    );
    assert.equal(none.length, 0);
    // The tenant role cannot delete accounts at all.
    await rejectsWithCause(
      db.forOrganisation(alpha, (tx) =>
        tx.delete(staffAccounts).where(eq(staffAccounts.organisationId, alpha)),
      ),
      /permission denied/,
    );
  });
});
