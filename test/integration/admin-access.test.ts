import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { rolesAllowedTo, ROLES } from '../../src/domain/access/permissions.ts';
import { addServiceArea } from '../../src/modules/administration/manage-service-areas.use-case.ts';
import { ForbiddenError } from '../../src/platform/errors.ts';
import { toProblem } from '../../src/platform/http/problem.ts';
import { auditLog, closureDays, policyVersions, serviceAreas } from '../../src/platform/db/schema.ts';
import { createTestOrganisation, startTestApp, type TestApp } from '../support/test-app.ts';
import { heading, signedIn, TestBrowser } from '../support/web-client.ts';

const ROUTES: ['GET' | 'POST', string, Record<string, string>][] = [
  ['GET', '/admin', {}],
  ['GET', '/admin/service-areas', {}],
  ['POST', '/admin/service-areas', { name: 'Intruders' }],
  ['GET', '/admin/service-areas/repairs', {}],
  ['POST', '/admin/service-areas/repairs/rename', { name: 'Broken' }],
  ['POST', '/admin/service-areas/repairs/retire', {}],
  ['POST', '/admin/service-areas/repairs/restore', {}],
  ['POST', '/admin/service-areas/repairs/categories', { categoryName: 'Intruders' }],
  ['GET', '/admin/service-areas/repairs/categories/damp-and-mould', {}],
  ['POST', '/admin/service-areas/repairs/categories/damp-and-mould/rename', { name: 'Broken' }],
  ['POST', '/admin/service-areas/repairs/categories/damp-and-mould/retire', {}],
  ['POST', '/admin/service-areas/repairs/categories/damp-and-mould/restore', {}],
  ['GET', '/admin/policy', {}],
  ['GET', '/admin/policy/choose', {}],
  [
    'POST',
    '/admin/policy/choose',
    {
      preset: 'peaks-and-plains',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2027',
    },
  ],
  [
    'GET',
    '/admin/policy/confirm?preset=peaks-and-plains&effectiveFrom-day=1&effectiveFrom-month=1&effectiveFrom-year=2027',
    {},
  ],
  [
    'POST',
    '/admin/policy/confirm',
    {
      preset: 'peaks-and-plains',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2027',
    },
  ],
  ['GET', '/admin/closure-days', {}],
  [
    'POST',
    '/admin/closure-days',
    { 'day-day': '1', 'day-month': '6', 'day-year': '2026', description: 'No' },
  ],
  ['POST', '/admin/closure-days/2026-12-29/remove', {}],
  ['GET', '/admin/bank-holidays', {}],
  ['GET', '/admin/api-keys', {}],
  ['GET', '/admin/api-keys/new', {}],
  ['POST', '/admin/api-keys/new', { name: 'Intruders' }],
  // The confirmation page of a real key is in admin-api-keys.test.ts: this one is unknown (404 here).
  ['POST', '/admin/api-keys/00000000-0000-4000-8000-000000000000/revoke', {}],
  ['GET', '/admin/audit', {}],
  ['GET', '/admin/audit?caseReference=AH-2026-000001&from-day=1&from-month=1&from-year=2026', {}],
];

void describe('administration is for administrators only', () => {
  let t: TestApp;
  let alpha: string;

  before(async () => {
    t = await startTestApp();
    alpha = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes')).organisationId;
  });
  after(() => t.close());

  const counts = async () =>
    t.database.db.privileged(async (tx) => ({
      areas: (await tx.select().from(serviceAreas).where(eq(serviceAreas.organisationId, alpha))).map(
        (a) => `${a.code}:${a.name}:${String(a.retiredAt)}`,
      ),
      policies: (await tx.select().from(policyVersions).where(eq(policyVersions.organisationId, alpha)))
        .length,
      closures: (await tx.select().from(closureDays).where(eq(closureDays.organisationId, alpha))).length,
      audits: (await tx.select().from(auditLog).where(eq(auditLog.organisationId, alpha)))
        .map((a) => a.action)
        .filter((a) => !a.startsWith('staff-')),
    }));

  void it('the administration pages follow the permission table', () => {
    assert.deepEqual(rolesAllowedTo('administer'), ['administrator']);
  });

  void it('refuses every administration page and form to every other role (403), changing nothing', async () => {
    const before = await counts();
    for (const role of ROLES.filter((r) => !rolesAllowedTo('administer').includes(r))) {
      const { browser } = await signedIn(t, alpha, role);
      await browser.get('/dashboard');
      for (const [method, url, form] of ROUTES) {
        const response = method === 'GET' ? await browser.get(url) : await browser.post(url, form);
        assert.equal(response.status, 403, `${role} ${method} ${url}`);
        assert.equal(heading(response.body), 'You do not have permission');
      }
      const dashboard = await browser.get('/dashboard');
      assert.doesNotMatch(dashboard.body, /href="\/admin"/, `${role} is not offered Administration`);
    }
    assert.deepEqual(await counts(), before);
  });

  void it('sends strangers to sign in', async () => {
    const stranger = new TestBrowser(t);
    await stranger.get('/sign-in');
    for (const [method, url, form] of ROUTES) {
      const response = method === 'GET' ? await stranger.get(url) : await stranger.post(url, form);
      assert.equal(response.location, '/sign-in', `${method} ${url}`);
    }
  });

  void it('opens every page to an administrator, with the index linking to each function', async () => {
    const { browser } = await signedIn(t, alpha, 'administrator');
    const index = await browser.get('/admin');
    assert.equal(index.status, 200);
    assert.equal(heading(index.body), 'Administration');
    for (const href of [
      '/admin/staff',
      '/admin/service-areas',
      '/admin/policy',
      '/admin/closure-days',
      '/admin/bank-holidays',
      '/admin/api-keys',
      '/admin/audit',
    ]) {
      assert.match(index.body, new RegExp(`<a class="govuk-link" href="${href}">`));
    }
    for (const [method, url] of ROUTES) {
      if (method === 'GET') assert.equal((await browser.get(url)).status, 200, url);
    }
  });

  void it('refuses the use cases themselves to other roles (defence in depth), as 403 problems', async () => {
    const { staff } = await signedIn(t, alpha, 'senior-lead');
    const principal = {
      organisationId: alpha,
      organisationName: 'Alpha Homes',
      staffId: staff.staffId,
      sessionId: 'x',
      name: staff.name,
      email: staff.email,
      role: staff.role,
      mustChangePassword: false,
    };
    await assert.rejects(
      addServiceArea({ db: t.database.db, clock: t.clock }, principal, { name: 'Sneaky' }),
      ForbiddenError,
    );
    assert.equal(toProblem(new ForbiddenError()).status, 403);
    assert.equal(toProblem(new ForbiddenError()).type, 'https://putright.dev/problems/forbidden');
  });
});
