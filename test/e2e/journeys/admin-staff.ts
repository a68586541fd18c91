import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  follow,
  pathOf,
  signIn,
  submit,
  TEST_TIMEOUT_MS,
  visit,
  type BrowserApp,
} from '../support/browser-app.ts';
import { assertFormErrors, heading, navigation, successBanner } from '../support/govuk.ts';

const timeout = TEST_TIMEOUT_MS;

/** The staff table's rows, as the cells read. */
async function staffTable(page: Page): Promise<string[][]> {
  const rows = await page.locator('table tbody tr').all();
  return Promise.all(
    rows.map(async (row) => (await row.locator('td').allInnerTexts()).map((cell) => cell.trim())),
  );
}

/** An administrator manages staff accounts; nobody else may; addresses that lead nowhere. */
export function adminStaffJourneys(started: () => BrowserApp): void {
  void describe('staff accounts and error pages', () => {
    let app: BrowserApp;
    let admin: Page;
    before(async () => {
      app = started();
      admin = await app.newPage();
      await signIn(admin, app.staff.administrator.email, app.staff.administrator.password);
    });

    void it('lists every account of the organisation for an administrator', { timeout }, async () => {
      await visit(admin, '/dashboard');
      await follow(admin, 'Staff accounts');
      assert.equal(pathOf(admin), '/admin/staff');
      assert.equal(await heading(admin), 'Staff accounts');
      // Staff accounts sit under Administration, which the navigation marks as the active section.
      const section = admin.locator('.govuk-service-navigation [aria-current="true"]');
      assert.equal((await section.innerText()).trim(), 'Administration');
      assert.equal((await navigation(admin)).current, null);
      const headings = await admin.locator('table thead th').allInnerTexts();
      assert.deepEqual(
        headings.map((h) => h.trim()),
        ['Name', 'Email address', 'Role', 'Status'],
      );
      const rows = await staffTable(admin);
      for (const row of rows) {
        assert.equal(row.length, 4, `every row has a cell under each heading: ${JSON.stringify(row)}`);
        assert.ok(
          row.every((cell) => cell !== ''),
          `and none is empty: ${JSON.stringify(row)}`,
        );
      }
      for (const person of Object.values(app.staff)) {
        const row = rows.find((r) => r[1] === person.email);
        assert.deepEqual(row, [person.name, person.email, person.roleInWords, 'Active'], person.email);
      }
      assert.ok(
        rows.some((r) => r[1] === app.newStarter.email),
        'accounts that are not active yet are listed too',
      );
    });

    void it('shows what is wrong with the new-account form, next to each field', { timeout }, async () => {
      await visit(admin, '/admin/staff');
      await follow(admin, 'Create a staff account');
      assert.equal(pathOf(admin), '/admin/staff/new');
      assert.equal(await heading(admin), 'Create a staff account');

      await submit(admin, 'Create account', 400);
      await assertFormErrors(admin, {
        name: 'Enter the person’s full name',
        email: 'Enter their email address',
        role: 'Select a role',
        temporaryPassword: 'Enter a temporary password',
      });

      await admin.getByLabel('Full name').fill('Dev Patel');
      await admin.getByLabel('Email address').fill('dev.patel-at-riverside.example');
      await admin.getByLabel('Temporary password').fill('short');
      await submit(admin, 'Create account', 400);
      await assertFormErrors(admin, {
        email: 'Enter an email address in the correct format, like name@example.com',
        role: 'Select a role',
        temporaryPassword: 'Enter a temporary password that is 12 characters or more',
      });
      assert.equal(await admin.getByLabel('Full name').inputValue(), 'Dev Patel', 'answers are kept');
      assert.equal(await admin.getByLabel('Temporary password').inputValue(), '', 'but not the password');

      await admin.getByLabel('Complaints officer').check();
      await admin.getByLabel('Email address').fill(app.staff.handler.email.toUpperCase());
      await admin.getByLabel('Temporary password').fill('a-temporary-pass-9876');
      await submit(admin, 'Create account', 400);
      await assertFormErrors(admin, { email: 'This email address is already used by another account' });
      assert.ok(await admin.getByLabel('Complaints officer').isChecked(), 'the chosen role is kept');
    });

    void it('creates an account that its owner can then sign in to', { timeout }, async () => {
      await visit(admin, '/admin/staff/new');
      await admin.getByLabel('Full name').fill('Dev Patel');
      await admin.getByLabel('Email address').fill('dev.patel@riverside.example');
      await admin.getByLabel('Complaints officer').check();
      await admin.getByLabel('Temporary password').fill('a-temporary-pass-9876');
      await submit(admin, 'Create account');
      assert.equal(new URL(admin.url()).pathname, '/admin/staff');
      assert.match((await successBanner(admin)) ?? '', /Account created for Dev Patel/);
      const row = (await staffTable(admin)).find((r) => r[1] === 'dev.patel@riverside.example');
      assert.deepEqual(row, [
        'Dev Patel',
        'dev.patel@riverside.example',
        'Complaints officer',
        'Must change password',
      ]);

      await follow(admin, 'Dev Patel');
      assert.equal(await heading(admin), 'Dev Patel');
      assert.match(await admin.locator('.govuk-summary-list').innerText(), /Complaints officer/);

      const dev = await app.newPage();
      await signIn(dev, 'dev.patel@riverside.example', 'a-temporary-pass-9876');
      assert.equal(pathOf(dev), '/change-password', 'the temporary password must be changed first');
    });

    for (const role of ['handler', 'board-member'] as const) {
      void it(`refuses staff accounts to a ${role} with the 403 page`, { timeout }, async () => {
        const person = app.staff[role];
        const page = await app.newPage();
        await signIn(page, person.email, person.password);
        for (const forbidden of ['/admin/staff', '/admin/staff/new']) {
          await visit(page, forbidden, { status: 403 });
          assert.equal(await heading(page), 'You do not have permission');
          assert.equal(await page.title(), 'You do not have permission – PutRight');
        }
        await follow(page, 'Go to the dashboard');
        assert.equal(pathOf(page), '/dashboard');
      });
    }

    void it('shows the 404 page for an address that leads nowhere', { timeout }, async () => {
      const stranger = await app.newPage();
      await visit(stranger, '/no-such-page', { status: 404 });
      assert.equal(await heading(stranger), 'Page not found');
      assert.equal(await stranger.getByRole('button', { name: 'Sign out' }).count(), 0);

      await visit(admin, '/admin/staff/not-an-account', { status: 404 });
      assert.equal(await heading(admin), 'Page not found');
      await visit(admin, '/admin/staff/00000000-0000-4000-8000-000000000000', { status: 404 });
      assert.equal(await heading(admin), 'Page not found');
      assert.equal(await admin.getByRole('button', { name: 'Sign out' }).count(), 1, 'still signed in');
    });
  });
}
