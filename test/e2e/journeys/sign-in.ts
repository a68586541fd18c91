import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STAFF_ROLES, type StaffRole } from '../../../src/modules/staff/staff-roles.ts';
import {
  follow,
  pathOf,
  signIn,
  signOut,
  submit,
  TEST_TIMEOUT_MS,
  visit,
  type BrowserApp,
} from '../support/browser-app.ts';
import {
  assertFormErrors,
  errorSummaryHasFocus,
  heading,
  navigation,
  successBanner,
  waitForFocus,
} from '../support/govuk.ts';

/** What each role's service navigation offers (the permission table, written out by hand). */
const CASEWORK_NAVIGATION = ['Dashboard', 'Cases', 'Log a contact', 'Contacts'];
/** Those who give cases to handlers also see the team's workload. */
const ASSIGNING_NAVIGATION = ['Dashboard', 'Cases', 'Team', 'Log a contact', 'Contacts'];
const NAVIGATION: Record<StaffRole, string[]> = {
  'front-line': CASEWORK_NAVIGATION,
  handler: CASEWORK_NAVIGATION,
  'complaints-officer': ASSIGNING_NAVIGATION,
  'senior-lead': ASSIGNING_NAVIGATION,
  'board-member': ['Dashboard'],
  administrator: ['Dashboard', 'Administration'],
};

const timeout = TEST_TIMEOUT_MS;

/** Sign-in, the dashboard of every role, sign-out, and changing one's password. */
export function signInJourneys(started: () => BrowserApp): void {
  void describe('signing in and out', () => {
    void it('shows the sign-in page to someone not signed in', { timeout }, async () => {
      const app = started();
      const page = await app.newPage();
      await visit(page, '/');
      assert.equal(pathOf(page), '/sign-in', '/ leads to sign-in');
      assert.equal(await heading(page), 'Sign in to PutRight');
      assert.equal(await page.title(), 'Sign in – PutRight');
      assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);

      await visit(page, '/dashboard');
      assert.equal(pathOf(page), '/sign-in', 'a staff page sends a stranger to sign in');
    });

    void it('links each error in the summary to its field', { timeout }, async () => {
      const page = await started().newPage();
      await visit(page, '/sign-in');
      await submit(page, 'Sign in', 400);
      await assertFormErrors(page, {
        email: 'Enter your email address',
        password: 'Enter your password',
      });
      // GOV.UK's script moves focus to the summary, and each link to its field.
      assert.ok(await errorSummaryHasFocus(page), 'the error summary has focus');
      await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter your password' }).click();
      await waitForFocus(page, 'password');
    });

    void it(
      'refuses a wrong password with one message that says neither which nor why',
      { timeout },
      async () => {
        const app = started();
        const page = await app.newPage();
        await signIn(page, app.staff.handler.email, 'not-the-password-at-all', 400);
        assert.equal(pathOf(page), '/sign-in');
        await assertFormErrors(page, { email: 'Enter a correct email address and password' });
        assert.equal(await page.getByLabel('Email address').inputValue(), app.staff.handler.email);
        assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '', 'never echoed');
        await page.locator('.govuk-error-summary').getByRole('link').click();
        await waitForFocus(page, 'email');
      },
    );

    for (const role of STAFF_ROLES) {
      void it(
        `signs in with the demo ${role} account, shows the dashboard, and signs out`,
        { timeout },
        async () => {
          const app = started();
          const person = app.staff[role];
          const page = await app.newPage();
          await signIn(page, person.email, person.password);
          assert.equal(pathOf(page), '/dashboard');
          assert.equal(await page.title(), 'Dashboard – PutRight');
          assert.equal(await heading(page), 'Dashboard');
          const main = await page.getByRole('main').innerText();
          assert.ok(main.includes(app.organisationName), 'the organisation is named');
          assert.ok(
            main.includes(`${person.name}, ${person.roleInWords}`),
            'and who is signed in, in which role',
          );
          const header = await page.locator('header').first().innerText();
          assert.ok(header.includes(person.name), 'the header says who is signed in');
          assert.ok(header.includes(app.organisationName), 'and to which organisation');

          const nav = await navigation(page);
          assert.equal(nav.current, 'Dashboard');
          assert.deepEqual(nav.links, NAVIGATION[role], 'each role is offered only what it may do');

          await signOut(page);
          assert.equal(pathOf(page), '/sign-in?signed-out');
          assert.equal(await successBanner(page), 'You have signed out.');
          await visit(page, '/dashboard');
          assert.equal(pathOf(page), '/sign-in', 'the session has ended');
        },
      );
    }

    void it('makes a new member of staff change the temporary password', { timeout }, async () => {
      const app = started();
      const person = app.newStarter;
      const page = await app.newPage();
      await signIn(page, person.email, person.password);
      assert.equal(pathOf(page), '/change-password');
      assert.equal(await heading(page), 'Change your password');
      assert.match(await page.locator('.govuk-inset-text').innerText(), /temporary password/);
      assert.deepEqual((await navigation(page)).links, [], 'no way round it');
      await visit(page, '/dashboard');
      assert.equal(pathOf(page), '/change-password', 'every other page sends them back');

      await submit(page, 'Change password', 400);
      await assertFormErrors(page, {
        currentPassword: 'Enter your current password',
        newPassword: 'Enter a new password',
        confirmPassword: 'Confirm your new password',
      });

      const newPassword = 'a much better passphrase 2026';
      await page.getByLabel('Current password').fill(person.password);
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Confirm new password').fill(`${newPassword}!`);
      await submit(page, 'Change password', 400);
      await assertFormErrors(page, {
        confirmPassword: 'The passwords do not match: enter the same new password twice',
      });

      await page.getByLabel('Current password').fill(person.password);
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Confirm new password').fill(newPassword);
      await submit(page, 'Change password');
      assert.equal(pathOf(page), '/dashboard?password-changed');
      assert.equal(await successBanner(page), 'Your password has been changed.');

      await signOut(page);
      await signIn(page, person.email, newPassword);
      assert.equal(pathOf(page), '/dashboard', 'the new password works, and need not be changed again');
    });

    void it('lets anyone signed in change their password from the header', { timeout }, async () => {
      const app = started();
      const person = app.staff['complaints-officer'];
      const page = await app.newPage();
      await signIn(page, person.email, person.password);
      await follow(page, 'Change your password');
      assert.equal(pathOf(page), '/change-password');
      assert.equal(await heading(page), 'Change your password');
      assert.equal(await page.locator('.govuk-inset-text').count(), 0, 'no temporary-password notice');

      await page.getByLabel('Current password').fill('this is not my password');
      await page.getByLabel('New password', { exact: true }).fill('another fine passphrase');
      await page.getByLabel('Confirm new password').fill('another fine passphrase');
      await submit(page, 'Change password', 400);
      await assertFormErrors(page, { currentPassword: 'Your current password is not correct' });
    });
  });
}
