import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { addCalendarDays, calendarFor, londonDateOf } from '../../../src/domain/calendar/index.ts';
import { divisionOf } from '../../../src/domain/policy/country.ts';
import { adoptPolicyPreset } from '../../../src/modules/organisations/adopt-policy-preset.use-case.ts';
import type { StaffPrincipal } from '../../../src/modules/staff/staff-principal.ts';
import { formatDate } from '../../../src/modules/casework/case-format.ts';
import { getComplaint } from '../../../src/modules/complaints/get-complaint.use-case.ts';
import { follow, signIn, submit, TEST_TIMEOUT_MS, visit, type BrowserApp } from '../support/browser-app.ts';
import { assertFormErrors, heading, successBanner } from '../support/govuk.ts';

const timeout = 3 * TEST_TIMEOUT_MS;

/** The deadlines table: each deadline's name and the cells that follow it, as read. */
async function deadlines(page: Page): Promise<Record<string, string>> {
  const rows = await page.locator('table').first().locator('tbody tr').all();
  const read: Record<string, string> = {};
  for (const row of rows) {
    const name = (await row.locator('th').innerText()).trim();
    read[name] = (await row.locator('td').allInnerTexts())
      .map((c) => c.replace(/\s+/g, ' ').trim())
      .join(' | ');
  }
  return read;
}

async function timeline(page: Page): Promise<string> {
  return (await page.locator('table').last().innerText()).replace(/\s+/g, ' ');
}

async function fillDate(page: Page, name: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(day)));
  await page.locator(`#${name}-month`).fill(String(Number(month)));
  await page.locator(`#${name}-year`).fill(year ?? '');
}

/** The organisation adopts a preset from today (as its administrator would): new complaints follow it. */
async function adoptFromToday(app: BrowserApp, preset: string): Promise<void> {
  const administrator: StaffPrincipal = {
    organisationId: app.organisationId,
    organisationName: app.organisationName,
    staffId: randomUUID(),
    sessionId: 'e2e',
    name: app.staff.administrator.name,
    email: app.staff.administrator.email,
    role: 'administrator',
    mustChangePassword: false,
  };
  const deps = { db: app.testApp.database.db, clock: app.testApp.clock };
  const adopted = await adoptPolicyPreset(deps, administrator, {
    preset,
    effectiveFrom: londonDateOf(app.testApp.clock.now()),
  });
  assert.equal(adopted.key, preset);
}

/** Logs a phone complaint on the "Log a contact" form, through check-your-answers; its reference. */
async function logPhoneComplaint(page: Page): Promise<string> {
  await visit(page, '/contacts/new');
  await page.getByLabel('Phone', { exact: true }).check();
  await page.getByLabel('No, the resident is acting for themselves').check();
  await page.getByLabel('Resident’s name').fill('Margaret Ellis');
  await page.getByLabel('Phone number (optional)').fill('07700 900123');
  await page.getByLabel('Reasonable adjustments (optional)').fill('Large print letters');
  await page.getByLabel('Summary', { exact: true }).fill('The boiler repair appointment was missed twice.');
  await page.getByLabel('Service area').selectOption({ label: 'Repairs' });
  await page
    .getByRole('group', { name: /unhappy with our service/ })
    .getByLabel('Yes')
    .check();
  await page.getByLabel('I offered them the choice to make a complaint').check();
  await page.getByLabel('To make a complaint', { exact: true }).check();
  await page.getByLabel('Complaint', { exact: true }).check();
  const issue = page.getByRole('group', { name: 'Date of the issue' });
  const [year, month, day] = addCalendarDays(new Date().toISOString().slice(0, 10), -7).split('-');
  await issue.getByLabel('Day').fill(String(Number(day)));
  await issue.getByLabel('Month').fill(String(Number(month)));
  await issue.getByLabel('Year').fill(year ?? '');
  await page.getByLabel('When it happened').check();
  await submit(page, 'Continue');
  assert.equal(await heading(page), 'Check your answers before logging the contact');
  await submit(page, 'Log the contact');
  const reference = /^\/cases\/([A-Z]+-\d{4}-\d{6})$/.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(reference, `the complaint’s case page, not ${page.url()}`);
  return reference;
}

/**
 * A phone complaint from receipt to the final response, in the browser: front-line staff log it, the officer accepts and
 * defines it, the handler extends and answers it, the officer escalates it, and the senior lead (not
 * the stage 1 handler, as the Code requires) acknowledges stage 2 and gives the final response.
 */
export function caseLifecycleJourneys(started: () => BrowserApp, preset?: string): void {
  void describe(`a complaint’s lifecycle on the case page${preset ? ` under ${preset}` : ''}`, () => {
    let app: BrowserApp;
    let reference: string;
    let casePath: string;
    const view = () =>
      getComplaint({ db: app.testApp.database.db, clock: app.testApp.clock }, app.organisationId, reference);

    before(() => {
      app = started();
    });

    // The steps share one complaint, in order: each test goes on from where the last one stopped.
    void it('starts as a phone complaint logged by front-line staff', { timeout }, async () => {
      if (preset) await adoptFromToday(app, preset);
      const frontLine = await app.newPage();
      await signIn(frontLine, app.staff['front-line'].email, app.staff['front-line'].password);
      reference = await logPhoneComplaint(frontLine);
      casePath = `/cases/${reference}`;
      assert.equal(await heading(frontLine), `Complaint ${reference}`);
      const first = await deadlines(frontLine);
      // The Code and most presets set an acknowledgement deadline; the SPSO model's stage 1 has none.
      const acknowledged = (await view()).deadlines.stage1Acknowledgement !== undefined;
      assert.match(
        first[acknowledged ? 'Stage 1 acknowledgement' : 'Stage 1 response'] ?? '',
        /On track|Due soon/,
      );
      assert.match(await timeline(frontLine), /Complaint received by phone/);
    });

    void it(
      'is accepted, acknowledged, extended, answered, escalated and finally answered',
      { timeout },
      async () => {
        const officer = await app.newPage();
        await signIn(
          officer,
          app.staff['complaints-officer'].email,
          app.staff['complaints-officer'].password,
        );
        await visit(officer, casePath);
        assert.equal(await heading(officer), `Complaint ${reference}`);
        assert.match(await officer.locator('.govuk-warning-text').innerText(), /Large print letters/);
        const hasAcknowledgement = (await view()).deadlines.stage1Acknowledgement !== undefined;
        if (hasAcknowledgement) {
          assert.match((await deadlines(officer))['Stage 1 acknowledgement'] ?? '', /On track|Due soon/);
        }

        await follow(officer, 'Accept the complaint');
        await submit(officer, 'Accept complaint');
        assert.equal(await successBanner(officer), 'Complaint accepted');

        await follow(officer, 'Acknowledge and define the complaint');
        await submit(officer, 'Acknowledge complaint', 400);
        await assertFormErrors(officer, {
          points: 'Enter at least one point of complaint',
          outcomesSought: 'Enter the outcome the resident wants',
        });
        await officer
          .getByLabel('Points of complaint')
          .fill('The appointment was missed twice\nNobody called back');
        await officer.getByLabel('Outcomes the resident wants').fill('A working boiler');
        await officer
          .getByLabel('Who will handle it at stage 1?')
          .selectOption({ label: app.staff.handler.name });
        await submit(officer, 'Acknowledge complaint');
        assert.equal(await successBanner(officer), 'Complaint acknowledged');
        if (hasAcknowledgement) {
          assert.match((await deadlines(officer))['Stage 1 acknowledgement'] ?? '', /\| Met/);
        }
        assert.match(await timeline(officer), /Stage 1 acknowledged with 2 points defined/);
        assert.match(
          await timeline(officer),
          new RegExp(`${app.staff.handler.name} assigned to handle stage 1`),
        );

        const handler = await app.newPage();
        await signIn(handler, app.staff.handler.email, app.staff.handler.password);
        await visit(handler, casePath);
        const originalDue = (await view()).deadlines.stage1Response?.due ?? '';
        // Three working days: within every preset's extension limit, so no "good reason" is needed.
        const newDue = calendarFor(divisionOf((await view()).country)).addWorkingDays(originalDue, 3);
        await follow(handler, 'Extend the response date');
        await fillDate(handler, 'newDueDate', newDue);
        await handler.getByLabel('Reason for the extension').fill('Waiting for the contractor’s report');
        await submit(handler, 'Extend response date', 400);
        await assertFormErrors(handler, {
          ombudsmanDetailsGiven: 'Confirm the resident was given the Ombudsman’s contact details',
        });
        await handler.getByLabel('The resident was given the Ombudsman’s contact details').check();
        await submit(handler, 'Extend response date');
        assert.equal(await successBanner(handler), 'Response date extended');
        assert.match(
          (await deadlines(handler))['Stage 1 response'] ?? '',
          new RegExp(`${formatDate(newDue)} Extended from ${formatDate(originalDue)}`),
        );

        await follow(handler, 'Send the stage 1 response');
        await handler.locator('#decision-0-outcome').check();
        await handler.getByLabel('Reasons for the decision on point P1').fill('We missed both appointments');
        await handler.locator('#decision-1-outcome-3').check();
        await handler
          .getByLabel('Reasons for the decision on point P2')
          .fill('Our records show two calls back');
        await handler.getByLabel('Kind of remedy 1').selectOption({ label: 'Financial' });
        await handler.getByLabel('What remedy 1 is').fill('Compensation for the missed appointments');
        await handler.getByLabel('Amount of remedy 1, if financial').fill('75');
        const dueLater = addCalendarDays(new Date().toISOString().slice(0, 10), 14);
        await fillDate(handler, 'remedy-1-due', dueLater);
        await handler.getByLabel('What action 1 is').fill('Service the boiler');
        await fillDate(handler, 'action-1-due', dueLater);
        await submit(handler, 'Record stage 1 response');
        assert.equal(await successBanner(handler), 'Stage 1 response recorded');
        const answered = await handler.locator('main').innerText();
        assert.match(answered, /Upheld\s+We missed both appointments/);
        assert.match(answered, /Compensation for the missed appointments \(£75\.00\)/);
        assert.match(answered, /Action: Service the boiler/);
        assert.match((await deadlines(handler))['Stage 1 response'] ?? '', /\| Met/);

        await visit(officer, casePath);
        await follow(officer, 'Escalate to stage 2');
        await submit(officer, 'Record escalation');
        assert.equal(await successBanner(officer), 'Escalation to stage 2 recorded');
        assert.match((await deadlines(officer))['Stage 2 acknowledgement'] ?? '', /On track|Due soon/);

        const senior = await app.newPage();
        await signIn(senior, app.staff['senior-lead'].email, app.staff['senior-lead'].password);
        await visit(senior, casePath);
        await follow(senior, 'Acknowledge stage 2');
        // The stage 1 handler is never offered for stage 2 (Code 6.13).
        const offered = await senior
          .getByLabel('Who will handle it at stage 2?')
          .locator('option')
          .allInnerTexts();
        assert.ok(offered.includes(app.staff['senior-lead'].name), offered.join(', '));
        assert.ok(!offered.includes(app.staff.handler.name), offered.join(', '));
        await senior
          .getByLabel('Who will handle it at stage 2?')
          .selectOption({ label: app.staff['senior-lead'].name });
        await submit(senior, 'Acknowledge stage 2');
        assert.equal(await successBanner(senior), 'Stage 2 acknowledged');
        assert.match((await deadlines(senior))['Stage 2 acknowledgement'] ?? '', /\| Met/);

        await follow(senior, 'Send the final response');
        await senior.locator('#decision-0-outcome').check();
        await senior.getByLabel('Reasons for the decision on point P1').fill('Stage 1 was right');
        await senior.locator('#decision-1-outcome-2').check();
        await senior.getByLabel('Reasons for the decision on point P2').fill('One call back was missed');
        await submit(senior, 'Record final response');
        assert.equal(await successBanner(senior), 'Final response recorded');
        assert.match(await senior.locator('.govuk-caption-l').innerText(), /Final response sent/);
        assert.match((await deadlines(senior))['Stage 2 (final) response'] ?? '', /\| Met/);
        const events = await timeline(senior);
        for (const step of [
          'Complaint received by phone',
          'Accepted as a complaint',
          'Stage 1 response date extended',
          'Stage 1 response sent',
          'Escalation to stage 2 requested',
          `${app.staff['senior-lead'].name} assigned to handle stage 2`,
          'Final (stage 2) response sent',
        ]) {
          assert.ok(events.includes(step), `The timeline shows “${step}”`);
        }
      },
    );
  });
}
