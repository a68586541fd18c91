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
import { assertFormErrors, errorSummaryLinks, heading, successBanner } from '../support/govuk.ts';

const timeout = TEST_TIMEOUT_MS;

/** Fills a GOV.UK date input by its boxes' labels, inside the fieldset with this legend. */
async function fillDate(page: Page, legend: string, date: { day: number; month: number; year: number }) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.day));
  await group.getByLabel('Month').fill(String(date.month));
  await group.getByLabel('Year').fill(String(date.year));
}

/**
 * An administrator sets the service up: adds a service area, looks at a preset's compliance check
 * before adopting it, and adds (then removes) a closure day. Dates are far enough ahead that the
 * demo landlord's cases, which other journeys read, keep their deadlines and policy.
 */
export function administrationJourneys(started: () => BrowserApp): void {
  void describe('administration: service areas, policy, closure days, bank holidays', () => {
    let app: BrowserApp;
    let admin: Page;
    const nextYear = new Date().getUTCFullYear() + 1;
    before(async () => {
      app = started();
      admin = await app.newPage();
      await signIn(admin, app.staff.administrator.email, app.staff.administrator.password);
    });

    void it('adds a service area from the administration index', { timeout }, async () => {
      await visit(admin, '/admin');
      assert.equal(await heading(admin), 'Administration');
      await follow(admin, 'Service areas');
      assert.equal(pathOf(admin), '/admin/service-areas');
      const areas = (await admin.locator('table tbody th').allInnerTexts()).map((a) => a.trim());
      assert.ok(areas.includes('Repairs'), 'the default areas are listed');

      await submit(admin, 'Add service area', 400);
      await assertFormErrors(admin, { name: 'Enter a name' });
      await admin.getByLabel('Name').fill('Home ownership');
      await submit(admin, 'Add service area');
      assert.equal(pathOf(admin), '/admin/service-areas/home-ownership?done=added');
      assert.equal(await successBanner(admin), 'Service area added.');
      await admin.getByLabel('Add a category').fill('Shared ownership');
      await submit(admin, 'Add category');
      assert.equal(await successBanner(admin), 'Category added.');
      assert.deepEqual(
        (await admin.locator('table tbody th').allInnerTexts()).map((c) => c.trim()),
        ['Shared ownership'],
      );
    });

    void it(
      'shows a preset’s compliance check before adopting it from a later date',
      { timeout },
      async () => {
        await visit(admin, '/admin/policy');
        assert.match(await admin.locator('main').innerText(), /No departures from the Code/);
        await follow(admin, 'Choose a different policy');
        assert.equal(await heading(admin), 'Choose a complaint policy');
        await admin.getByLabel('Peaks & Plains complaints policy').check();
        await fillDate(admin, 'When does it take effect?', { day: 1, month: 1, year: nextYear });
        await submit(admin, 'Continue');
        assert.equal(await heading(admin), 'Check the policy before you adopt it');
        const check = await admin.locator('main').innerText();
        // The ten departures are checked one by one in test/unit/domain/policy/compliance-check.test.ts.
        assert.match(check, /10 departures from the Code/);
        assert.match(check, /Not stated in the policy/);
        assert.match(check, /Code provision 6\.\d+/);
        assert.match(check, new RegExp(`Takes effect\\s+1 January ${String(nextYear)}`));
        await submit(admin, 'Adopt this policy');
        assert.equal(pathOf(admin), '/admin/policy?done=adopted');
        assert.match((await successBanner(admin)) ?? '', /New policy version saved/);
        assert.match(await admin.locator('main').innerText(), /Coming into force/);
      },
    );

    void it('adds a closure day, explaining a wrong date, and removes it again', { timeout }, async () => {
      await visit(admin, '/admin/closure-days');
      await fillDate(admin, 'Date', { day: 30, month: 2, year: nextYear + 1 });
      await admin.getByLabel('Description').fill('Staff training day');
      await submit(admin, 'Add closure day', 400);
      assert.deepEqual(await errorSummaryLinks(admin), [
        { text: 'Enter the date of the closure day as a real date', href: '#day-day' },
      ]);
      assert.equal(await admin.getByLabel('Description').inputValue(), 'Staff training day');
      await fillDate(admin, 'Date', { day: 24, month: 12, year: nextYear + 1 });
      await submit(admin, 'Add closure day');
      assert.match((await successBanner(admin)) ?? '', /Closure day added/);
      const row = admin.locator('table tbody tr').filter({ hasText: 'Staff training day' });
      assert.match(await row.innerText(), new RegExp(`24 December ${String(nextYear + 1)}`));
      await submit(admin, `Remove ${(await row.locator('th').innerText()).trim()}`);
      assert.match((await successBanner(admin)) ?? '', /Closure day removed/);
    });

    void it('shows the bank holidays in force and where they come from', { timeout }, async () => {
      await visit(admin, '/admin');
      await follow(admin, 'Bank holidays');
      assert.equal(pathOf(admin), '/admin/bank-holidays');
      assert.equal(await heading(admin), 'Bank holidays');
      assert.match(await admin.locator('main').innerText(), /Last updated/);
    });

    void it('creates an API key, shown once, and revokes it after confirming', { timeout }, async () => {
      await visit(admin, '/admin');
      await follow(admin, 'API keys');
      assert.equal(pathOf(admin), '/admin/api-keys');
      await follow(admin, 'Create an API key');
      await submit(admin, 'Create key', 400);
      await assertFormErrors(admin, { name: 'Enter a name for the key, like the system that will use it' });
      await admin.getByLabel('Create an API key').fill('E2E housing system');
      await submit(admin, 'Create key');
      assert.equal(await heading(admin), 'API key created');
      assert.match(await admin.locator('#api-key').innerText(), /^pr_[0-9a-f]{32}_/);
      await follow(admin, 'Back to API keys');
      const row = admin.locator('table tbody tr').filter({ hasText: 'E2E housing system' });
      assert.match(await row.innerText(), /Never/);
      await follow(admin, 'Revoke E2E housing system');
      assert.equal(await heading(admin), 'Are you sure you want to revoke this API key?');
      await submit(admin, 'Revoke key');
      assert.equal(pathOf(admin), '/admin/api-keys?done=revoked');
      assert.match(await row.innerText(), /Revoked/);
    });

    void it(
      'reads the audit log, filtered by person and date, at desktop and phone widths',
      { timeout },
      async () => {
        await visit(admin, '/admin');
        await follow(admin, 'Audit log');
        assert.equal(pathOf(admin), '/admin/audit');
        assert.match(await admin.locator('main').innerText(), /API key revoked: E2E housing system/);
        await admin.getByLabel('Who did it').selectOption({ label: app.staff.administrator.name });
        await fillDate(admin, 'From', { day: 31, month: 2, year: nextYear });
        await submit(admin, 'Apply filters', 400);
        assert.deepEqual(await errorSummaryLinks(admin), [
          { text: 'Enter the start date as a real date', href: '#from-day' },
        ]);
        const today = new Date();
        await fillDate(admin, 'From', {
          day: today.getUTCDate(),
          month: today.getUTCMonth() + 1,
          year: today.getUTCFullYear() - 1,
        });
        await submit(admin, 'Apply filters');
        const entries = await admin.locator('table tbody tr').allInnerTexts();
        assert.ok(entries.length > 0);
        assert.ok(entries.every((e) => e.includes(app.staff.administrator.name)));
        const size = admin.viewportSize();
        await admin.setViewportSize({ width: 375, height: 812 });
        await visit(admin, pathOf(admin));
        await visit(admin, '/admin/api-keys');
        if (size) await admin.setViewportSize(size);
      },
    );
  });
}
