import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addCalendarDays, londonDateOf } from '../../../src/domain/calendar/index.ts';
import type { CaseActor } from '../../../src/modules/complaints/case-actor.ts';
import type { CommandName } from '../../../src/domain/complaint/decide.ts';
import { rolesAllowedTo } from '../../../src/domain/access/permissions.ts';
import { actOnComplaint } from '../../../src/modules/complaints/act-on-complaint.use-case.ts';
import { receiveComplaintUseCase } from '../../../src/modules/complaints/receive-complaint.use-case.ts';
import { createDemoContacts } from '../../../src/modules/demo/create-demo-contacts.ts';
import type { StaffRole } from '../../../src/modules/staff/staff-roles.ts';
import { actorOf, signIn, submit, TEST_TIMEOUT_MS, visit, type BrowserApp } from '../support/browser-app.ts';

const timeout = 3 * TEST_TIMEOUT_MS;

/** Each lifecycle command and the status its form is opened in (the case built for it). */
const FORMS: readonly [
  CommandName,
  'received' | 'accepted' | 'stage-1' | 'responded' | 'requested' | 'stage-2',
][] = [
  ['accept', 'received'],
  ['not-accept', 'received'],
  ['withdraw', 'received'],
  ['acknowledge', 'accepted'],
  ['assign-handler', 'stage-1'],
  ['add-point', 'stage-1'],
  ['spin-off', 'stage-1'],
  ['extend', 'stage-1'],
  ['record-contact', 'stage-1'],
  ['respond', 'stage-1'],
  ['escalate', 'responded'],
  ['close', 'responded'],
  ['complete-action', 'responded'],
  ['refuse-escalation', 'requested'],
  ['acknowledge-stage-2', 'requested'],
  ['final-response', 'stage-2'],
];

/**
 * Every page a member of staff can reach, scanned by axe (each visit is): a form for every lifecycle
 * command, opened by a role allowed it on a case in a status that allows it; every kind of contact's
 * page with its actions; the service-area and category pages.
 */
export function everyPageJourneys(started: () => BrowserApp): void {
  void describe('every page passes axe', () => {
    let app: BrowserApp;
    const pages = new Map<StaffRole, Page>();
    const as = async (role: StaffRole): Promise<Page> => {
      let page = pages.get(role);
      if (!page) {
        page = await app.newPage();
        await signIn(page, app.staff[role].email, app.staff[role].password);
        pages.set(role, page);
      }
      return page;
    };

    before(() => {
      app = started();
    });

    void it('draws a form for every lifecycle command', { timeout }, async () => {
      const deps = { db: app.testApp.database.db, clock: app.testApp.clock };
      const organisationId = app.organisationId;
      const officer = actorOf(app.staff['complaints-officer']);
      const handler = actorOf(app.staff.handler);
      const senior = actorOf(app.staff['senior-lead']);
      const today = londonDateOf(app.testApp.clock.now());
      const act = (
        reference: string,
        by: CaseActor,
        command: Exclude<CommandName, 'spin-off'>,
        input: unknown,
      ) => actOnComplaint(deps, { organisationId, caseRef: reference, actor: by }, command, input);
      const caseAt = async (status: (typeof FORMS)[number][1]): Promise<string> => {
        const { reference } = await receiveComplaintUseCase(
          deps,
          organisationId,
          {
            receivedAt: new Date(app.testApp.clock.now().getTime() - 60_000).toISOString(),
            channel: 'email',
            issueDate: addCalendarDays(today, -7),
            issueDateKind: 'occurred',
            complainant: { kind: 'named', name: 'Rita Every' },
            serviceArea: 'repairs',
            summary: `A case ${status}, for its forms`,
          },
          officer,
        );
        if (status === 'received') return reference;
        await act(reference, officer, 'accept', {});
        if (status === 'accepted') return reference;
        await act(reference, officer, 'acknowledge', {
          points: [{ text: 'The leak was not fixed' }],
          outcomesSought: ['Fix the leak'],
          handler: { staffId: handler.kind === 'staff' ? handler.member.id : '' },
        });
        if (status === 'stage-1') return reference;
        await act(reference, handler, 'respond', {
          decisions: [{ pointId: 'P1', outcome: 'upheld', reasons: 'We were late' }],
          actions: [{ description: 'Fix the leak', dueDate: addCalendarDays(today, 10) }],
        });
        if (status === 'responded') return reference;
        await act(reference, officer, 'escalate', {});
        if (status === 'requested') return reference;
        await act(reference, senior, 'acknowledge-stage-2', {
          handler: { staffId: senior.kind === 'staff' ? senior.member.id : '' },
        });
        return reference;
      };

      const built = new Map<string, string>();
      for (const [command, status] of FORMS) {
        const reference = built.get(status) ?? (await caseAt(status));
        built.set(status, reference);
        const role = rolesAllowedTo(command)[0];
        assert.ok(role, `someone may ${command}`);
        const page = await as(role);
        await visit(page, `/cases/${reference}/${command}`);
        assert.ok((await page.locator('main form').count()) > 0, `${command} shows its form to ${role}`);
      }
    });

    void it(
      'draws the team workload and the reassign page, at desktop and phone widths',
      { timeout },
      async () => {
        const deps = { db: app.testApp.database.db, clock: app.testApp.clock };
        const organisationId = app.organisationId;
        const officer = actorOf(app.staff['complaints-officer']);
        const handlerId = app.staff.handler.staffId;
        const { reference } = await receiveComplaintUseCase(
          deps,
          organisationId,
          {
            receivedAt: new Date(app.testApp.clock.now().getTime() - 60_000).toISOString(),
            channel: 'email',
            issueDate: addCalendarDays(londonDateOf(app.testApp.clock.now()), -7),
            issueDateKind: 'occurred',
            complainant: { kind: 'named', name: 'Tara Team' },
            serviceArea: 'repairs',
            summary: 'A case to reassign',
          },
          officer,
        );
        const request = { organisationId, caseRef: reference, actor: officer };
        await actOnComplaint(deps, request, 'accept', {});
        await actOnComplaint(deps, request, 'acknowledge', {
          points: [{ text: 'The gate' }],
          outcomesSought: ['Mend it'],
          handler: { staffId: handlerId },
        });
        const page = await as('complaints-officer');
        const reassign = `/team/${handlerId}/reassign`;
        for (const viewport of [
          { width: 1280, height: 800 },
          { width: 390, height: 844 },
        ]) {
          await page.setViewportSize(viewport);
          await visit(page, '/team');
          await visit(page, reassign);
        }
        await page.setViewportSize({ width: 1280, height: 800 });
        // The error summary, then the result with its banner.
        await submit(page, 'Reassign cases', 400);
        assert.equal(await page.locator('.govuk-error-summary').count(), 1);
        await page.getByRole('checkbox', { name: new RegExp(reference) }).check();
        await page.getByLabel('Who will handle them?').selectOption({ label: app.staff['senior-lead'].name });
        await page.getByLabel('Reason for the change').fill('On leave');
        await submit(page, 'Reassign cases');
        assert.match(
          (await page.locator('.govuk-notification-banner--success').textContent()) ?? '',
          /1 case reassigned to/,
        );
        // Leave the other journeys' counts as they were.
        await actOnComplaint(deps, request, 'withdraw', { reason: 'Journey finished' });
      },
    );

    void it(
      'adds a task and evidence from the case page, and shows the task on the dashboard, at desktop and phone widths',
      { timeout },
      async () => {
        const deps = { db: app.testApp.database.db, clock: app.testApp.clock };
        const { reference } = await receiveComplaintUseCase(
          deps,
          app.organisationId,
          {
            receivedAt: new Date(app.testApp.clock.now().getTime() - 60_000).toISOString(),
            channel: 'phone',
            issueDate: addCalendarDays(londonDateOf(app.testApp.clock.now()), -2),
            issueDateKind: 'occurred',
            complainant: { kind: 'named', name: 'Tess Task' },
            serviceArea: 'repairs',
            summary: 'A case to follow up',
          },
          actorOf(app.staff['complaints-officer']),
        );
        const page = await as('handler');
        await page.setViewportSize({ width: 1280, height: 800 });
        await visit(page, `/cases/${reference}`);
        await page.getByRole('link', { name: `Add a task to ${reference}` }).click();
        await page.waitForURL(`**/cases/${reference}/tasks/new`);
        await submit(page, 'Add the task', 400);
        assert.equal(await page.locator('.govuk-error-summary li').count(), 3);
        await page.getByLabel('Call back').check();
        await page.getByLabel('What needs doing?').fill('Ring Tess about the repair date');
        const today = londonDateOf(app.testApp.clock.now());
        const [year, month, day] = today.split('-');
        await page.getByLabel('Day').fill(String(Number(day)));
        await page.getByLabel('Month').fill(String(Number(month)));
        await page.getByLabel('Year').fill(year ?? '');
        await submit(page, 'Add the task');
        assert.match(
          (await page.locator('.govuk-notification-banner--success').innerText()) ?? '',
          /Task added/,
        );
        for (const viewport of [
          { width: 1280, height: 800 },
          { width: 390, height: 844 },
        ]) {
          await page.setViewportSize(viewport);
          await visit(page, '/dashboard');
          assert.match(await page.locator('main').innerText(), /Ring Tess about the repair date/);
          await visit(page, `/cases/${reference}`);
        }
        await page.setViewportSize({ width: 1280, height: 800 });
        await submit(page, /^Mark as done/);
        // Evidence: the form, its error, and a photo kept with the case.
        await page.getByRole('link', { name: `Add evidence to ${reference}` }).click();
        await page.waitForURL(`**/cases/${reference}/evidence/new`);
        await submit(page, 'Add the evidence', 400);
        await page.getByLabel('Upload a file').setInputFiles({
          name: 'damp.png',
          mimeType: 'image/png',
          buffer: Buffer.from(
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
            'base64',
          ),
        });
        await page.getByLabel('What is it? (optional)').fill('Damp in the bedroom');
        await submit(page, 'Add the evidence');
        assert.match(await page.locator('main').innerText(), /damp\.png \(PNG image, 1 KB\)/);
        assert.match(await page.locator('#tasks ~ *').first().innerText(), /Done by/);
        // Leave the other journeys' counts as they were.
        await actOnComplaint(
          deps,
          {
            organisationId: app.organisationId,
            caseRef: reference,
            actor: actorOf(app.staff['complaints-officer']),
          },
          'withdraw',
          { reason: 'Journey finished' },
        );
      },
    );

    void it('draws every kind of contact’s page, and the service-area pages', { timeout }, async () => {
      const references = await createDemoContacts(
        app.testApp.database.db,
        app.organisationId,
        app.testApp.clock.now(),
      );
      const frontLine = await as('front-line');
      for (const reference of references) await visit(frontLine, `/contacts/${reference}`);
      await visit(frontLine, '/contacts?kind=suggestion&status=open');

      const administrator = await as('administrator');
      await visit(administrator, '/admin/service-areas/repairs');
      await visit(administrator, '/admin/service-areas/repairs/categories/damp-and-mould');
    });
  });
}
