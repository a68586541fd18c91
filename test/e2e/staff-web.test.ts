import { after, before, describe } from 'node:test';
import { PRESET_KEYS } from '../../src/domain/policy/presets/index.ts';
import { adminStaffJourneys } from './journeys/admin-staff.ts';
import { administrationJourneys } from './journeys/administration.ts';
import { dashboardAndListJourneys } from './journeys/dashboard-and-list.ts';
import { logAContactJourneys } from './journeys/log-a-contact.ts';
import { caseLifecycleJourneys } from './journeys/case-lifecycle.ts';
import { noJavaScriptJourneys } from './journeys/no-javascript.ts';
import { signInJourneys } from './journeys/sign-in.ts';
import { everyPageJourneys } from './journeys/every-page.ts';
import { axeReport } from './support/accessibility.ts';
import { startBrowserApp, TEST_TIMEOUT_MS, type BrowserApp } from './support/browser-app.ts';

/**
 * The staff web pages in Chromium, every page load scanned by axe (WCAG 2.2 AA). One app and one
 * browser for all the journeys: starting a database and a browser is most of the cost of a run.
 * Each journey opens its own browser contexts (its own cookies), so none depends on another's.
 */
void describe('PutRight staff pages in a browser (WCAG 2.2 AA)', { timeout: 30 * TEST_TIMEOUT_MS }, () => {
  let app: BrowserApp | undefined;
  const started = (): BrowserApp => {
    if (!app) throw new Error('The app did not start (see the failed before hook)');
    return app;
  };
  before(
    async () => {
      app = await startBrowserApp();
    },
    { timeout: TEST_TIMEOUT_MS },
  );
  after(async () => {
    if (!app) return;
    console.log(axeReport());
    await app.close();
  });

  signInJourneys(started);
  adminStaffJourneys(started);
  administrationJourneys(started);
  logAContactJourneys(started);
  noJavaScriptJourneys(started);
  everyPageJourneys(started);
  dashboardAndListJourneys(started);
  caseLifecycleJourneys(started);
  // The same walk under every other seed preset, each adopted from today: run last, since new
  // complaints in the shared organisation follow the preset adopted.
  for (const preset of PRESET_KEYS.filter((key) => key !== 'hos-code-2024')) {
    caseLifecycleJourneys(started, preset);
  }
});
