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
import { heading, successBanner } from '../support/govuk.ts';

const timeout = TEST_TIMEOUT_MS;

/** The check-your-answers page's rows, as "key: value". */
async function answers(page: Page): Promise<string[]> {
  const rows = await page.locator('.govuk-summary-list__row').all();
  return Promise.all(
    rows.map(async (row) => {
      const key = (await row.locator('dt').innerText()).trim();
      const value = (await row.locator('dd.govuk-summary-list__value').innerText()).trim();
      return `${key}: ${value}`;
    }),
  );
}

/** Front-line staff log contacts: a phone complaint (to its case page) and a compliment. */
export function logAContactJourneys(started: () => BrowserApp): void {
  void describe('log a contact', () => {
    let app: BrowserApp;
    let staff: Page;
    before(async () => {
      app = started();
      staff = await app.newPage();
      await signIn(staff, app.staff['front-line'].email, app.staff['front-line'].password);
    });

    void it('logs a phone complaint through check-your-answers to its case page', { timeout }, async () => {
      await visit(staff, '/dashboard');
      await follow(staff, 'Log a contact');
      assert.equal(pathOf(staff), '/contacts/new');
      assert.equal(await heading(staff), 'Log a contact');

      await staff.getByLabel('Phone', { exact: true }).check();
      // Who acts for the resident is its own question: "Yes" reveals the questions about them.
      await staff
        .getByRole('group', { name: /acting for the resident/ })
        .getByLabel('Yes', { exact: true })
        .first()
        .check();
      await staff.getByLabel('Representative’s name').fill('Dan Ellis');
      await staff.getByLabel('Relationship to the resident').selectOption({ label: 'Relative' });
      await staff
        .getByRole('group', { name: 'Do we hold the resident’s consent?' })
        .getByLabel('Yes')
        .check();
      await staff.getByLabel('Resident’s name').fill('Margaret Ellis');
      await staff.getByLabel('Phone number (optional)').fill('07700 900123');
      await staff.getByLabel('Address (optional)', { exact: true }).fill('12 Oak Road\nManchester');
      await staff.getByLabel('Postcode (optional)').fill('m1 1aa');
      await staff
        .getByLabel('Summary', { exact: true })
        .fill('The boiler repair appointment was missed twice.');
      const area = staff.getByLabel('Service area');
      if ((await area.evaluate((el) => el.tagName)) === 'SELECT') {
        await area.selectOption({ index: 1 });
      } else {
        await area.fill('repairs');
      }
      // Unhappy: the form asks for the offer of a complaint, and what they chose.
      await staff
        .getByRole('group', { name: /unhappy with our service/ })
        .getByLabel('Yes')
        .check();
      await staff.getByLabel('Complaint', { exact: true }).check();
      await submit(staff, 'Continue', 400);
      assert.match(
        await staff.locator('.govuk-error-summary').innerText(),
        /offered the choice to make a complaint/,
      );
      assert.equal(
        await staff.getByLabel('Summary', { exact: true }).inputValue(),
        'The boiler repair appointment was missed twice.',
        'answers are kept',
      );

      await staff.getByLabel('I offered them the choice to make a complaint').check();
      await staff.getByLabel('To make a complaint', { exact: true }).check();
      const issue = staff.getByRole('group', { name: 'Date of the issue' });
      await issue.getByLabel('Day').fill('1');
      await issue.getByLabel('Month').fill('1');
      await issue.getByLabel('Year').fill('2026');
      await staff.getByLabel('When it happened').check();
      await submit(staff, 'Continue');
      assert.equal(await heading(staff), 'Check your answers before logging the contact');
      const rows = await answers(staff);
      assert.ok(rows.includes('Kind of contact: Complaint'), rows.join('\n'));
      assert.ok(rows.includes('Resident: Margaret Ellis'), rows.join('\n'));
      assert.ok(rows.includes('How it was made: Phone'), rows.join('\n'));
      assert.ok(rows.includes('Representative: Dan Ellis (Relative); consent held: Yes'), rows.join('\n'));
      assert.ok(rows.includes('Address: 12 Oak Road\nManchester'), rows.join('\n'));
      assert.ok(rows.includes('Postcode: M1 1AA'), rows.join('\n'));

      // "Change" goes back to the form with every answer kept.
      await submit(staff, 'Change resident');
      assert.equal(await heading(staff), 'Log a contact');
      assert.equal(await staff.getByLabel('Resident’s name').inputValue(), 'Margaret Ellis');
      await staff.getByLabel('Resident’s name').fill('Margaret Ellis-Jones');
      await submit(staff, 'Continue');
      assert.ok((await answers(staff)).includes('Resident: Margaret Ellis-Jones'));

      await submit(staff, 'Log the contact');
      assert.match(pathOf(staff), /^\/cases\/[A-Z]+-\d{4}-\d{6}$/, 'the complaint’s case page');
      assert.match(await staff.locator('main').innerText(), /Dan Ellis \(Relative\)/, 'the representative');
      assert.match(
        await staff.locator('main').innerText(),
        /12 Oak Road\s+Manchester\s+M1 1AA/,
        'the address',
      );
    });

    void it('logs a compliment and records that it was passed on', { timeout }, async () => {
      await visit(staff, '/contacts/new');
      await staff.getByLabel('Email', { exact: true }).check();
      await staff.getByLabel('No, the resident is acting for themselves').check();
      await staff.getByLabel('Resident’s name').fill('Harold Price');
      await staff
        .getByLabel('Summary', { exact: true })
        .fill('The gas engineer was patient and explained everything.');
      await staff
        .getByRole('group', { name: /unhappy with our service/ })
        .getByLabel('No')
        .check();
      await staff.getByLabel('Compliment', { exact: true }).check();
      await staff.getByLabel('Who is the compliment for?').fill('Dave Jones');
      await staff.getByLabel('Their manager', { exact: true }).fill('Tom Okafor');
      await submit(staff, 'Continue');
      assert.ok((await answers(staff)).includes('Compliment for: Dave Jones (manager: Tom Okafor)'));
      await submit(staff, 'Log the contact');
      assert.match(pathOf(staff), /^\/contacts\/[A-Z]+-C-\d{4}-\d{6}\?done=logged$/);
      assert.match((await successBanner(staff)) ?? '', /Compliment logged/);

      await submit(staff, 'Record that this was passed on');
      assert.match((await successBanner(staff)) ?? '', /passed on/);
      assert.match(await staff.locator('.govuk-summary-list').innerText(), /To Dave Jones and Tom Okafor/);

      await follow(staff, 'Back to contacts');
      assert.equal(pathOf(staff), '/contacts');
      assert.match(await staff.locator('table').innerText(), /Harold Price/);
    });
  });
}
