import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { listServiceAreas } from '../../src/modules/administration/service-areas.repository.ts';
import { auditLog } from '../../src/platform/db/schema.ts';
import { createTestOrganisation, startTestApp, type TestApp } from '../support/test-app.ts';
import { errorSummary, heading, signedIn, type TestBrowser } from '../support/web-client.ts';
import {
  addServiceArea,
  addServiceCategory,
} from '../../src/modules/administration/manage-service-areas.use-case.ts';
import type { StaffPrincipal } from '../../src/modules/staff/staff-principal.ts';
import { InvalidInputError } from '../../src/platform/errors.ts';

void describe('administration: service areas and categories', () => {
  let t: TestApp;
  let alpha: string;
  let beta: string;
  let admin: TestBrowser;

  const areas = (organisationId: string) =>
    t.database.db.privileged((tx) => listServiceAreas(tx, organisationId, { includeRetired: true }));
  const audits = (organisationId: string, action: string) =>
    t.database.db.privileged((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))),
    );

  before(async () => {
    t = await startTestApp();
    alpha = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes')).organisationId;
    beta = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Beta Housing')).organisationId;
    ({ browser: admin } = await signedIn(t, alpha, 'administrator'));
  });
  after(() => t.close());

  void it('gives a new organisation the default areas, with the codes the demo cases use', async () => {
    const codes = (await areas(alpha)).map((a) => a.code);
    for (const code of [
      'repairs',
      'adaptations',
      'lettings',
      'income',
      'neighbourhoods',
      'estate-services',
      'customer-services',
    ]) {
      assert.ok(codes.includes(code), code);
    }
    const repairs = (await areas(alpha)).find((a) => a.code === 'repairs');
    assert.ok(repairs?.categories.some((c) => c.name === 'Damp and mould'));
  });

  void it('lists the areas in a table and adds one, its code made from its name, audited', async () => {
    const list = await admin.get('/admin/service-areas');
    assert.equal(list.status, 200);
    assert.equal(heading(list.body), 'Service areas');
    assert.match(
      list.body,
      /<caption class="govuk-table__caption govuk-visually-hidden">Service areas and their categories/,
    );
    assert.match(
      list.body,
      /<th scope="row" class="govuk-table__header"><a class="govuk-link" href="\/admin\/service-areas\/repairs">Repairs<\/a>/,
    );

    const added = await admin.post('/admin/service-areas', { name: '  Leasehold & Home Ownership ' });
    assert.equal(added.status, 303);
    assert.equal(added.location, '/admin/service-areas/leasehold-home-ownership?done=added');
    const page = await admin.get(added.location ?? '');
    assert.equal(heading(page.body), 'Leasehold &amp; Home Ownership');
    assert.match(page.body, /Service area added/);
    assert.ok((await areas(alpha)).some((a) => a.code === 'leasehold-home-ownership'));
    assert.equal(
      (await areas(beta)).some((a) => a.code === 'leasehold-home-ownership'),
      false,
    );
    const [row] = await audits(alpha, 'service-area-added');
    assert.deepEqual(row?.details, { code: 'leasehold-home-ownership', name: 'Leasehold & Home Ownership' });
    assert.match(row.actor, /^staff:/);
  });

  void it('refuses a blank or duplicate name with an error summary, keeping the answer and saving nothing', async () => {
    const before = (await areas(alpha)).length;
    const blank = await admin.post('/admin/service-areas', { name: '   ' });
    assert.equal(blank.status, 400);
    assert.equal(errorSummary(blank.body), 'Enter a name');
    assert.match(blank.body, /href="#name"/);
    const symbols = await admin.post('/admin/service-areas', { name: '&&&' });
    assert.equal(errorSummary(symbols.body), 'The name must include letters or numbers');
    assert.match(symbols.body, /id="name" name="name" type="text" value="&amp;&amp;&amp;"/);
    const duplicate = await admin.post('/admin/service-areas', { name: 'REPAIRS' });
    assert.equal(duplicate.status, 400);
    assert.equal(errorSummary(duplicate.body), 'There is already a service area called Repairs');
    assert.match(duplicate.body, /<title>Error: Service areas – PutRight<\/title>/);
    assert.equal((await areas(alpha)).length, before);
  });

  void it('renames, retires and restores an area: the code never changes', async () => {
    const renamed = await admin.post('/admin/service-areas/lettings/rename', { name: 'Lettings' });
    assert.equal(renamed.location, '/admin/service-areas/lettings?done=renamed');
    const blank = await admin.post('/admin/service-areas/lettings/rename', { name: '' });
    assert.equal(blank.status, 400);
    assert.equal(errorSummary(blank.body), 'Enter a name');
    assert.equal((await areas(alpha)).find((a) => a.code === 'lettings')?.name, 'Lettings');

    const retired = await admin.post('/admin/service-areas/lettings/retire');
    assert.equal(retired.location, '/admin/service-areas/lettings?done=retired');
    assert.equal((await areas(alpha)).find((a) => a.code === 'lettings')?.retired, true);
    const offered = await t.database.db.privileged((tx) => listServiceAreas(tx, alpha));
    assert.equal(
      offered.some((a) => a.code === 'lettings'),
      false,
      'a retired area is not offered',
    );
    const page = await admin.get('/admin/service-areas/lettings');
    assert.match(page.body, /Restore service area/);
    const duplicate = await admin.post('/admin/service-areas', { name: 'Lettings' });
    assert.equal(
      errorSummary(duplicate.body),
      'There is already a retired service area called Lettings. Restore it instead',
    );

    await admin.post('/admin/service-areas/lettings/restore');
    assert.equal((await areas(alpha)).find((a) => a.code === 'lettings')?.retired, false);
    const actions = (
      await Promise.all(
        ['service-area-renamed', 'service-area-retired', 'service-area-restored'].map((a) =>
          audits(alpha, a),
        ),
      )
    ).map((rows) => rows.length);
    assert.deepEqual(actions, [1, 1, 1]);
  });

  void it('adds, renames, retires and restores a category within an area', async () => {
    const bad = await admin.post('/admin/service-areas/repairs/categories', { categoryName: '' });
    assert.equal(bad.status, 400);
    assert.equal(errorSummary(bad.body), 'Enter a name');
    assert.match(bad.body, /href="#categoryName"/);
    const duplicate = await admin.post('/admin/service-areas/repairs/categories', {
      categoryName: 'damp and mould',
    });
    assert.equal(
      errorSummary(duplicate.body),
      'There is already a category called Damp and mould in Repairs',
    );

    const added = await admin.post('/admin/service-areas/repairs/categories', {
      categoryName: 'Roofs and gutters',
    });
    assert.equal(added.location, '/admin/service-areas/repairs?done=category-added');
    const category = '/admin/service-areas/repairs/categories/roofs-and-gutters';
    const page = await admin.get(category);
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Roofs and gutters');
    assert.equal(
      (await admin.post(`${category}/rename`, { name: 'Roofs, gutters and chimneys' })).status,
      303,
    );
    assert.equal((await admin.post(`${category}/rename`, { name: ' ' })).status, 400);
    assert.equal((await admin.post(`${category}/retire`)).status, 303);
    const repairs = (await areas(alpha)).find((a) => a.code === 'repairs');
    assert.deepEqual(
      repairs?.categories.find((c) => c.code === 'roofs-and-gutters'),
      { code: 'roofs-and-gutters', name: 'Roofs, gutters and chimneys', retired: true },
    );
    await admin.post(`${category}/restore`);
    for (const action of [
      'service-category-added',
      'service-category-renamed',
      'service-category-retired',
      'service-category-restored',
    ]) {
      assert.equal((await audits(alpha, action)).length, 1, action);
    }
  });

  void it('answers 404 for an area or category that is not there, and for another organisation’s', async () => {
    await admin.post('/admin/service-areas', { name: 'Beta only' }); // in alpha: fine
    const { browser: betaAdmin } = await signedIn(t, beta, 'administrator');
    await betaAdmin.get('/admin/service-areas');
    assert.equal((await betaAdmin.get('/admin/service-areas/beta-only')).status, 404);
    assert.equal((await betaAdmin.post('/admin/service-areas/beta-only/retire')).status, 404);
    assert.equal(
      (await betaAdmin.post('/admin/service-areas/beta-only/rename', { name: 'Mine' })).status,
      404,
    );
    assert.equal(
      (await betaAdmin.get('/admin/service-areas/repairs/categories/roofs-and-gutters')).status,
      404,
    );
    assert.equal((await betaAdmin.get('/admin/service-areas/Not_A_Code')).status, 404);
    const list = await betaAdmin.get('/admin/service-areas');
    assert.doesNotMatch(list.body, /Beta only|Leasehold/);
    assert.equal((await areas(alpha)).find((a) => a.code === 'beta-only')?.name, 'Beta only');
  });
  void it('shows a success banner only for a known outcome, never an inherited property', async () => {
    const banner = /govuk-notification-banner--success/;
    const area = await admin.get('/admin/service-areas/repairs?done=category-added');
    assert.match(area.body, /Category added\./);
    const category = await admin.get('/admin/service-areas/repairs/categories/gas-safety?done=renamed');
    assert.equal(category.status, 200);
    assert.match(category.body, /Category renamed\./);
    for (const done of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'nonsense']) {
      for (const path of [
        '/admin/service-areas/repairs',
        '/admin/service-areas/repairs/categories/gas-safety',
      ]) {
        const page = await admin.get(`${path}?done=${done}`);
        assert.equal(page.status, 200, `${path} ${done}`);
        assert.doesNotMatch(page.body, banner, `${path} ${done}`);
        assert.doesNotMatch(page.body, /function|native code/, `${path} ${done}`);
      }
    }
  });

  void it('gives the second of two people adding the same area or category at once the usual form error', async () => {
    const gamma = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Gamma Homes')).organisationId;
    const principal = (name: string): StaffPrincipal => ({
      organisationId: gamma,
      organisationName: 'Gamma Homes',
      staffId: crypto.randomUUID(),
      sessionId: name,
      name,
      email: `${name}@example.test`,
      role: 'administrator',
      mustChangePassword: false,
    });
    const deps = { db: t.database.db, clock: t.clock };
    const oneRefused = (results: PromiseSettledResult<unknown>[], expected: RegExp) => {
      const refused = results.filter((r) => r.status === 'rejected');
      assert.equal(refused.length, 1, 'one of the two is refused');
      const reason: unknown = refused[0]?.reason;
      assert.ok(reason instanceof InvalidInputError, `a form error, not ${String(reason)}`);
      assert.match(reason.message, expected);
      assert.equal(reason.field, 'name');
    };
    for (const name of ['Gardens', 'Parking', 'Lifts']) {
      oneRefused(
        await Promise.allSettled([
          addServiceArea(deps, principal('alice'), { name }),
          addServiceArea(deps, principal('bob'), { name }),
        ]),
        new RegExp(`^There is already a service area called ${name}$`),
      );
      oneRefused(
        await Promise.allSettled([
          addServiceCategory(deps, principal('alice'), 'repairs', { name }),
          addServiceCategory(deps, principal('bob'), 'repairs', { name }),
        ]),
        new RegExp(`^There is already a category called ${name} in Repairs$`),
      );
    }
    const saved = await areas(gamma);
    assert.deepEqual(
      saved
        .filter((a) => ['gardens', 'parking', 'lifts'].includes(a.code))
        .map((a) => a.code)
        .sort(),
      ['gardens', 'lifts', 'parking'],
    );
    assert.equal(
      saved
        .find((a) => a.code === 'repairs')
        ?.categories.filter((c) => ['gardens', 'parking', 'lifts'].includes(c.code)).length,
      3,
    );
    assert.equal((await audits(gamma, 'service-area-added')).length, 3);
    assert.equal((await audits(gamma, 'service-category-added')).length, 3);
  });
});
