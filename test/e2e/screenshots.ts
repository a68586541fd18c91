/**
 * Screenshots of the main staff pages, to look at as a member of staff would. Not a test:
 *
 *   node --import tsx test/e2e/screenshots.ts [output folder]
 *
 * writes PNGs (desktop, and a phone-sized few) to /tmp/putright-screens/ unless told otherwise.
 * Runs the real app on a fresh database (PGlite, or a new PostgreSQL database with DATABASE_URL)
 * with the demo landlord, its cases and its staff.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { STAFF_ROLES } from '../../src/modules/staff/staff-roles.ts';
import { startBrowserApp, whileNavigating, type BrowserApp } from './support/browser-app.ts';

const OUT = process.argv[2] ?? '/tmp/putright-screens';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

async function shoot(page: Page, name: string): Promise<void> {
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`${file}  (${page.url()})`);
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'load' });
}

async function press(page: Page, button: string): Promise<void> {
  await whileNavigating(page, () => page.getByRole('button', { name: button, exact: true }).click());
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await open(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await press(page, 'Sign in');
}

async function desktop(app: BrowserApp): Promise<void> {
  const page = await app.newPage({ viewport: DESKTOP });
  await open(page, '/sign-in');
  await shoot(page, '01-sign-in');
  await press(page, 'Sign in');
  await shoot(page, '02-sign-in-empty-errors');
  await page.getByLabel('Email address').fill(app.staff.handler.email);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await press(page, 'Sign in');
  await shoot(page, '03-sign-in-wrong-password');

  for (const [i, role] of STAFF_ROLES.entries()) {
    const person = app.staff[role];
    const staffPage = await app.newPage({ viewport: DESKTOP });
    await signInAs(staffPage, person.email, person.password);
    await shoot(staffPage, `1${i}-dashboard-${role}`);
    if (role === 'handler') {
      await open(staffPage, '/admin/staff');
      await shoot(staffPage, '40-error-403-handler');
      await open(staffPage, '/no-such-page');
      await shoot(staffPage, '41-error-404-signed-in');
      await open(staffPage, '/change-password');
      await shoot(staffPage, '30-change-password');
      await press(staffPage, 'Change password');
      await shoot(staffPage, '31-change-password-errors');
      await press(staffPage, 'Sign out');
      await shoot(staffPage, '04-signed-out');
    }
  }

  const admin = await app.newPage({ viewport: DESKTOP });
  await signInAs(admin, app.staff.administrator.email, app.staff.administrator.password);
  await open(admin, '/admin/staff');
  await shoot(admin, '20-admin-staff-list');
  await open(admin, '/admin/staff/new');
  await shoot(admin, '21-admin-staff-new');
  await press(admin, 'Create account');
  await shoot(admin, '22-admin-staff-new-errors');
  await admin.getByLabel('Full name').fill('Dev Patel');
  await admin.getByLabel('Email address').fill('dev.patel@demo.putright.test');
  await admin.getByLabel('Complaints officer').check();
  await admin.getByLabel('Temporary password').fill('a-temporary-pass-9876');
  await press(admin, 'Create account');
  await shoot(admin, '23-admin-staff-created');
  await whileNavigating(admin, () => admin.getByRole('link', { name: 'Dev Patel', exact: true }).click());
  await shoot(admin, '24-admin-staff-account');

  await open(admin, '/admin');
  await shoot(admin, '25-admin-index');
  await open(admin, '/admin/service-areas');
  await shoot(admin, '26-admin-service-areas');
  await open(admin, '/admin/policy');
  await shoot(admin, '27-admin-policy');
  await open(admin, '/admin/closure-days');
  await shoot(admin, '28-admin-closure-days');

  await casework(app);

  const newStarter = await app.newPage({ viewport: DESKTOP });
  await signInAs(newStarter, app.newStarter.email, app.newStarter.password);
  await shoot(newStarter, '32-change-password-required');

  const stranger = await app.newPage({ viewport: DESKTOP });
  await open(stranger, '/no-such-page');
  await shoot(stranger, '42-error-404-signed-out');
}

/** The officer's working day: list, search, a case, its forms (with errors), the contact log. */
async function casework(app: BrowserApp): Promise<void> {
  const officer = await app.newPage({ viewport: DESKTOP });
  const person = app.staff['complaints-officer'];
  await signInAs(officer, person.email, person.password);
  await open(officer, '/cases');
  await shoot(officer, '70-case-list');
  await open(officer, '/cases?q=boiler');
  await shoot(officer, '71-case-list-search');
  await open(officer, '/cases?deadlineStatus=overdue&sort=deadline');
  await shoot(officer, '72-case-list-overdue');
  const firstCaseOf = async (query: string): Promise<string> => {
    await open(officer, `/cases?${query}`);
    await whileNavigating(officer, () => officer.locator('main table tbody tr a').first().click());
    return new URL(officer.url()).pathname;
  };
  const atStage1 = await firstCaseOf('status=stage-1');
  await shoot(officer, '73-case-page');
  for (const command of ['extend', 'respond', 'record-contact']) {
    await open(officer, `${atStage1}/${command}`);
    await shoot(officer, `74-case-${command}`);
  }
  const accepted = await firstCaseOf('status=accepted');
  await open(officer, `${accepted}/acknowledge`);
  await shoot(officer, '74-case-acknowledge');
  await press(officer, 'Acknowledge complaint');
  await shoot(officer, '75-case-acknowledge-errors');
  await open(officer, `${accepted}/close`);
  await shoot(officer, '75-case-close-refused');
  await open(officer, '/contacts/new');
  await shoot(officer, '76-log-a-contact');
  await press(officer, 'Continue');
  await shoot(officer, '77-log-a-contact-errors');
  await open(officer, '/contacts');
  await shoot(officer, '78-contact-log');
}

async function phone(app: BrowserApp): Promise<void> {
  const page = await app.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await open(page, '/sign-in');
  await shoot(page, '50-phone-sign-in');
  await signInAs(page, app.staff.administrator.email, app.staff.administrator.password);
  await shoot(page, '51-phone-dashboard-administrator');
  await open(page, '/admin/staff');
  await shoot(page, '52-phone-admin-staff-list');
  await open(page, '/admin/staff/new');
  await press(page, 'Create account');
  await shoot(page, '53-phone-admin-staff-new-errors');
  const officer = await app.newPage({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const person = app.staff['complaints-officer'];
  await signInAs(officer, person.email, person.password);
  await shoot(officer, '54-phone-dashboard-officer');
  await open(officer, '/cases');
  await shoot(officer, '55-phone-case-list');
  await whileNavigating(officer, () => officer.locator('main table tbody tr a').first().click());
  await shoot(officer, '56-phone-case-page');
  await open(officer, '/contacts/new');
  await shoot(officer, '57-phone-log-a-contact');
}

async function withoutJavaScript(app: BrowserApp): Promise<void> {
  const page = await app.newPage({ viewport: DESKTOP, javaScriptEnabled: false });
  await open(page, '/sign-in');
  await shoot(page, '60-nojs-sign-in');
  await signInAs(page, app.staff.administrator.email, app.staff.administrator.password);
  await open(page, '/admin/staff/new');
  await press(page, 'Create account');
  await shoot(page, '61-nojs-admin-staff-new-errors');
  const small = await app.newPage({ viewport: PHONE, javaScriptEnabled: false });
  await signInAs(small, app.staff['complaints-officer'].email, app.staff['complaints-officer'].password);
  await shoot(small, '62-nojs-phone-dashboard');
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const app = await startBrowserApp({ demoCases: true });
try {
  await desktop(app);
  await phone(app);
  await withoutJavaScript(app);
} finally {
  await app.close();
}
