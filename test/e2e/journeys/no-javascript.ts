import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
import { assertFormErrors, heading, successBanner } from '../support/govuk.ts';

/**
 * The pages are built to work without JavaScript (it fails to load, is blocked, or is switched off).
 * Every page here is scanned by axe as drawn without scripts.
 */
export function noJavaScriptJourneys(started: () => BrowserApp): void {
  void describe('without JavaScript', () => {
    void it(
      'signs in, creates an account and signs out with scripts off',
      {
        timeout: 2 * TEST_TIMEOUT_MS,
      },
      async () => {
        const app = started();
        const page = await app.newPage({ javaScriptEnabled: false });
        await visit(page, '/sign-in');
        const bodyClass = (await page.locator('body').getAttribute('class')) ?? '';
        assert.doesNotMatch(bodyClass, /govuk-frontend-supported/, 'no script ran');
        assert.equal(
          await page.getByRole('button', { name: 'Show password' }).isVisible(),
          false,
          'the “Show” toggle needs JavaScript, so it is not offered',
        );

        await signIn(page, app.staff.administrator.email, 'wrong password, no scripts', 400);
        await assertFormErrors(page, { email: 'Enter a correct email address and password' });
        await page.locator('.govuk-error-summary').getByRole('link').click();
        assert.equal(new URL(page.url()).hash, '#email', 'the summary link jumps to the field');

        await page.getByLabel('Password', { exact: true }).fill(app.staff.administrator.password);
        await submit(page, 'Sign in');
        assert.equal(pathOf(page), '/dashboard');
        assert.equal(await heading(page), 'Dashboard');

        await follow(page, 'Staff accounts');
        await follow(page, 'Create a staff account');
        await page.getByLabel('Full name').fill('Noor Script');
        await page.getByLabel('Email address').fill('noor@riverside.example');
        await page.getByLabel('Temporary password').fill('no-scripts-needed-42');
        await submit(page, 'Create account', 400);
        await assertFormErrors(page, { role: 'Select a role' });
        await page.getByLabel('Front-line staff').check();
        await page.getByLabel('Temporary password').fill('no-scripts-needed-42');
        await submit(page, 'Create account');
        assert.match((await successBanner(page)) ?? '', /Account created for Noor Script/);

        await signOut(page);
        assert.equal(pathOf(page), '/sign-in?signed-out');
        assert.equal(await successBanner(page), 'You have signed out.');
      },
    );

    void it('shows the 403 and 404 pages with scripts off', { timeout: TEST_TIMEOUT_MS }, async () => {
      const app = started();
      const page = await app.newPage({ javaScriptEnabled: false });
      await signIn(page, app.staff['front-line'].email, app.staff['front-line'].password);
      await visit(page, '/admin/staff', { status: 403 });
      assert.equal(await heading(page), 'You do not have permission');
      await visit(page, '/no-such-page', { status: 404 });
      assert.equal(await heading(page), 'Page not found');
    });
  });
}
