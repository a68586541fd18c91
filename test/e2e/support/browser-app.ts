import type { CaseActor } from '../../../src/modules/complaints/case-actor.ts';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import { createDemoLandlord } from '../../../src/modules/demo/create-demo-landlord.ts';
import { createOrganisation } from '../../../src/modules/organisations/create-organisation.use-case.ts';
import { createDemoStaff } from '../../../src/modules/staff/create-demo-staff.ts';
import { createStaffAccount } from '../../../src/modules/staff/create-staff-account.use-case.ts';
import { roleInWords, STAFF_ROLES, type StaffRole } from '../../../src/modules/staff/staff-roles.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { closeScanner, expectNoAxeViolations, type AxeSummary } from './accessibility.ts';
import { launchChromium } from './chromium.ts';

/** Generous for a loaded two-core machine: a slow step fails late rather than flakes. */
export const STEP_TIMEOUT_MS = 30_000;
/** For `it(..., { timeout })`: a few page loads, scans and argon2 checks. */
export const TEST_TIMEOUT_MS = 120_000;

/** One member of staff the browser can sign in as. */
export interface StaffLogin {
  role: StaffRole;
  roleInWords: string;
  name: string;
  email: string;
  password: string;
}

/** A demo sign-in acting directly through a use case, as its pages would. */
export function actorOf(login: StaffLogin & { staffId: string }): CaseActor {
  return { kind: 'staff', member: { id: login.staffId, name: login.name }, role: login.role };
}

/** The temporary password of the `newStarter` account. */
export const NEW_STARTER_PASSWORD = 'e2e-temporary-pass-1234';

export interface BrowserApp {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  testApp: TestApp;
  browser: Browser;
  organisationId: string;
  organisationName: string;
  /** The demo sign-ins (createDemoStaff): one per role, passwords that need not be changed. */
  staff: Record<StaffRole, StaffLogin & { staffId: string }>;
  /** An account whose temporary password must be changed at first sign-in. */
  newStarter: StaffLogin;
  /** A fresh context (its own cookies) and page; `javaScriptEnabled: false` for the no-JS journey. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** The demo landlord's cases too (createDemoLandlord), not only an organisation (slower to seed). */
  demoCases?: boolean;
}

/**
 * The real app (buildApp, on a fresh database: in-memory PGlite, or a new PostgreSQL database with
 * DATABASE_URL) listening on 127.0.0.1 on a free port, an organisation with a member of staff in
 * every role, and Debian's Chromium driven by playwright-core. `close()` ends all of it.
 */
export async function startBrowserApp(options: StartOptions = {}): Promise<BrowserApp> {
  // Fail first, with the message that says how to install it, before any slower set-up.
  let browser: Browser | undefined;
  let testApp: TestApp | undefined;
  const contexts = new Set<BrowserContext>();
  try {
    browser = await launchChromium();
    testApp = await startTestApp();
    // Session cookies expire at (clock + 12 hours): the clock must be real time for the browser to keep them.
    testApp.clock.set(new Date());
    const deps = { db: testApp.database.db, clock: testApp.clock };

    const demo = options.demoCases
      ? await createDemoLandlord(testApp.database.db, testApp.clock.now())
      : null;
    const organisation =
      demo ??
      (await createOrganisation(
        testApp.database.db,
        { name: 'Riverside Homes', preset: 'hos-code-2024', referencePrefix: 'RH' },
        'e2e',
      ));
    const organisationId = organisation.organisationId;
    const organisationName = organisation.name;
    const signIns = demo ? demo.signIns : await createDemoStaff(deps, organisationId);
    const staff = {} as Record<StaffRole, StaffLogin & { staffId: string }>;
    for (const role of STAFF_ROLES) {
      const signIn = signIns.find((s) => s.role === role);
      if (!signIn) throw new Error(`No demo sign-in for ${role}`);
      staff[role] = signIn;
    }
    const newStarter: StaffLogin = {
      role: 'handler',
      roleInWords: roleInWords('handler'),
      name: 'Nia Starter',
      email: 'new-starter@e2e.putright.test',
      password: NEW_STARTER_PASSWORD,
    };
    await createStaffAccount(deps, { kind: 'system', name: 'e2e' }, organisationId, {
      name: newStarter.name,
      email: newStarter.email,
      role: newStarter.role,
      temporaryPassword: newStarter.password,
    });

    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = testApp.app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;

    const started = { browser, testApp };
    return {
      baseUrl,
      testApp,
      browser,
      organisationId,
      organisationName,
      staff,
      newStarter,
      async newPage(contextOptions = {}) {
        const context = await started.browser.newContext({ baseURL: baseUrl, ...contextOptions });
        contexts.add(context);
        context.setDefaultTimeout(STEP_TIMEOUT_MS);
        context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
        return context.newPage();
      },
      close: () => closeAll(started.browser, started.testApp, contexts),
    };
  } catch (error) {
    await closeAll(browser, testApp, contexts).catch(() => undefined);
    throw error;
  }
}

async function closeAll(
  browser: Browser | undefined,
  testApp: TestApp | undefined,
  contexts: Set<BrowserContext>,
): Promise<void> {
  for (const context of contexts) await context.close().catch(() => undefined);
  contexts.clear();
  if (browser) {
    await closeScanner(browser).catch(() => undefined);
    await browser.close();
  }
  if (testApp) await testApp.close();
}

/** The page's path and query, e.g. `/sign-in?signed-out`. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

export interface VisitOptions {
  /** The HTTP status the page must answer with (after redirects); 200 unless told. */
  status?: number;
}

/**
 * Opens a path (relative to the app) and checks the page: the expected status, and an axe scan
 * (WCAG 2.2 AA) with zero violations. Returns the response and the scan's summary.
 */
export async function visit(
  page: Page,
  path: string,
  options: VisitOptions = {},
): Promise<{ response: Response; axe: AxeSummary }> {
  const response = await page.goto(path, { waitUntil: 'load' });
  assert.ok(response, `No response for ${path}`);
  assert.equal(response.status(), options.status ?? 200, `${path} answered ${response.status()}`);
  const axe = await expectNoAxeViolations(page);
  return { response, axe };
}

/**
 * Submits a form by clicking its button the way a person would, waits for the next page, and
 * scans it. For the pages a form leads to (they have no address of their own to `visit`).
 */
export async function submit(
  page: Page,
  buttonName: string | RegExp,
  expectedStatus = 200,
): Promise<AxeSummary> {
  const response = await whileNavigating(page, () =>
    page.getByRole('button', { name: buttonName, exact: typeof buttonName === 'string' }).click(),
  );
  assert.equal(response.status(), expectedStatus, `After “${String(buttonName)}”: ${response.url()}`);
  return expectNoAxeViolations(page);
}

/**
 * Follows a link the way a person would (by its text; GOV.UK start buttons are links that look like
 * buttons), waits for the page, and scans it.
 */
export async function follow(page: Page, linkName: string, expectedStatus = 200): Promise<AxeSummary> {
  const link = page
    .getByRole('link', { name: linkName, exact: true })
    .or(page.locator('a[role="button"]').filter({ hasText: linkName }));
  const response = await whileNavigating(page, () => link.first().click());
  assert.equal(response.status(), expectedStatus, `After the link “${linkName}”: ${response.url()}`);
  return expectNoAxeViolations(page);
}

/**
 * Does something that loads a new page (a click, a submit) and waits until that page has loaded:
 * returns the response that ended the navigation, after any redirects.
 */
export async function whileNavigating(page: Page, action: () => Promise<void>): Promise<Response> {
  const frame = page.mainFrame();
  const arrived = page.waitForResponse((r) => {
    const request = r.request();
    return (
      request.isNavigationRequest() && request.frame() === frame && (r.status() < 300 || r.status() >= 400)
    );
  });
  const loaded = page.waitForEvent('load');
  try {
    await action();
  } catch (error) {
    // The page never started loading: what we were waiting for will time out unheard.
    arrived.catch(() => undefined);
    loaded.catch(() => undefined);
    throw error;
  }
  const [response] = await Promise.all([arrived, loaded]);
  return response;
}

/** Fills in the sign-in form and submits it; the caller checks where it led. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  expectedStatus = 200,
): Promise<void> {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await submit(page, 'Sign in', expectedStatus);
}

/** Signs out with the header's button; lands on the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await submit(page, 'Sign out');
}
