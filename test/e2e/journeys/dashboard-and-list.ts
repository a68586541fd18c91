import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addCalendarDays, londonDateOf } from '../../../src/domain/calendar/index.ts';
import { receiveComplaintUseCase } from '../../../src/modules/complaints/receive-complaint.use-case.ts';
import { complaint } from '../../integration/case-list-support.ts';
import {
  actorOf,
  follow,
  pathOf,
  signIn,
  submit,
  TEST_TIMEOUT_MS,
  visit,
  type BrowserApp,
} from '../support/browser-app.ts';
import { heading, navigation } from '../support/govuk.ts';

const timeout = TEST_TIMEOUT_MS;

/** The count the dashboard shows beside a link. */
async function countBeside(page: Page, label: string): Promise<number> {
  const row = page
    .locator('table tbody tr')
    .filter({ has: page.getByRole('link', { name: label, exact: true }) });
  return Number((await row.locator('td').innerText()).trim());
}

/** From the dashboard's counts to a filtered list, a search, and a case. */
export function dashboardAndListJourneys(started: () => BrowserApp): void {
  void describe('the dashboard and the case list', () => {
    let app: BrowserApp;
    let officer: Page;
    let reference: string;
    before(async () => {
      app = started();
      const deps = { db: app.testApp.database.db, clock: app.testApp.clock };
      const now = app.testApp.clock.now();
      const received = await receiveComplaintUseCase(
        deps,
        app.organisationId,
        complaint('Wendy Window', {
          receivedAt: now.toISOString(),
          issueDate: addCalendarDays(londonDateOf(now), -3),
          summary: 'The window latch in the kitchen is broken and the window will not close.',
        }),
        actorOf(app.staff['complaints-officer']),
      );
      reference = received.reference;
      officer = await app.newPage();
      const person = app.staff['complaints-officer'];
      await signIn(officer, person.email, person.password);
    });

    void it(
      'goes from a count on the dashboard to those cases, then searches them',
      { timeout },
      async () => {
        await visit(officer, '/dashboard');
        const awaiting = await countBeside(officer, 'Awaiting acceptance or acknowledgement');
        assert.ok(awaiting >= 1, 'the complaint just received awaits acceptance');
        await follow(officer, 'Awaiting acceptance or acknowledgement');
        // What waits longest is done first.
        assert.equal(pathOf(officer), '/cases?awaiting=true&sort=oldest');
        assert.equal(await officer.getByLabel('Sort by').inputValue(), 'oldest');
        assert.equal(await heading(officer), 'Cases');
        assert.equal((await navigation(officer)).current, 'Cases');
        assert.equal(await officer.locator('table tbody tr').count(), awaiting);
        assert.ok(await officer.getByLabel('Awaiting acceptance or acknowledgement').isChecked());

        await officer.getByLabel('Search cases').fill('window latch');
        await submit(officer, 'Search');
        assert.match(pathOf(officer), /[?&]q=window\+latch/);
        assert.match(pathOf(officer), /[?&]awaiting=true/);
        const rows = officer.locator('table tbody tr');
        assert.equal(await rows.count(), 1);
        assert.match(await rows.first().innerText(), /Wendy Window/);
        const link = officer.getByRole('link', { name: reference, exact: true });
        assert.equal(await link.getAttribute('href'), `/cases/${reference}`);
      },
    );

    void it('says when nothing matches and explains bad filters', { timeout }, async () => {
      await visit(officer, '/cases?q=no+such+words+anywhere');
      assert.match(await officer.locator('main').innerText(), /No cases match your search and filters/);
      await visit(officer, '/cases?receivedFrom-day=31&receivedFrom-month=2&receivedFrom-year=2026', {
        status: 400,
      });
      assert.match(
        await officer.locator('.govuk-error-summary').innerText(),
        /Enter the earliest date received as a real date/,
      );
    });

    void it(
      'shows the first cases without scrolling on a laptop, and each deadline on a phone',
      { timeout },
      async () => {
        const page = await app.newPage();
        const person = app.staff['complaints-officer'];
        await signIn(page, person.email, person.password);
        await page.setViewportSize({ width: 1366, height: 768 });
        await visit(page, '/cases?open=true');
        assert.match(await page.locator('#results').innerText(), /^\d+ cases?$/);
        const firstRow = await page.locator('table tbody tr').first().boundingBox();
        assert.ok(
          firstRow && firstRow.y + firstRow.height <= 768,
          `the first case is in view: ${JSON.stringify(firstRow)}`,
        );
        // The filters are folded away, and open (without JavaScript) to show every one.
        assert.equal(await page.getByLabel('Stage', { exact: true }).isVisible(), false);
        await page.getByText('Filter cases').click();
        assert.equal(await page.getByLabel('Stage', { exact: true }).isVisible(), true);
        await page.getByLabel('Stage', { exact: true }).selectOption('1');
        await submit(page, 'Apply filters');
        assert.match(
          await page.locator('main').innerText(),
          /Filtered by: Stage: Stage 1; That are open\. Clear filters/,
        );

        for (const width of [390, 320]) {
          await page.setViewportSize({ width, height: 844 });
          await visit(page, '/cases?open=true');
          const row = page.locator('table tbody tr').first();
          for (const label of ['Current deadline', 'Status']) {
            const cell = row.locator(`td[data-label="${label}"]`);
            const box = await cell.boundingBox();
            assert.ok(
              box && box.x >= 0 && box.x + box.width <= width,
              `${label} fits ${String(width)}px: ${JSON.stringify(box)}`,
            );
          }
          // A string, since the test's TypeScript has no DOM types.
          const sideways: unknown = await page.evaluate(`(() => {
            const table = document.querySelector('.app-table-container');
            return {
              page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              table: table ? table.scrollWidth - table.clientWidth : 0,
            };
          })()`);
          assert.deepEqual(sideways, { page: 0, table: 0 }, `nothing scrolls sideways at ${String(width)}px`);
        }
        await page.close();
      },
    );

    void it('shows a board member counts without links to cases', { timeout }, async () => {
      const board = await app.newPage();
      const person = app.staff['board-member'];
      await signIn(board, person.email, person.password);
      await visit(board, '/dashboard');
      assert.equal(await board.locator('main a[href^="/cases"]').count(), 0);
      assert.doesNotMatch(await board.locator('main').innerText(), new RegExp(reference));
      await visit(board, '/cases', { status: 403 });
    });
  });
}
