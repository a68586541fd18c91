import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, policyVersions } from '../../src/platform/db/schema.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { errorSummary, heading, signedIn, type TestBrowser } from '../support/web-client.ts';
import { adoptPolicyPreset } from '../../src/modules/organisations/adopt-policy-preset.use-case.ts';
import type { StaffPrincipal } from '../../src/modules/staff/staff-principal.ts';
import { InvalidInputError } from '../../src/platform/errors.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

void describe('administration: the complaint policy', () => {
  let t: TestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let admin: TestBrowser;

  const versions = (organisationId: string) =>
    t.database.db.privileged((tx) =>
      tx
        .select({
          key: policyVersions.policyKey,
          version: policyVersions.version,
          from: policyVersions.effectiveFrom,
        })
        .from(policyVersions)
        .where(eq(policyVersions.organisationId, organisationId)),
    );

  before(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-02T10:00:00Z');
    alpha = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes');
    beta = await createTestOrganisation(t, 'people-first', undefined, 'Beta Housing');
    ({ browser: admin } = await signedIn(t, alpha.organisationId, 'administrator'));
  });
  after(() => t.close());

  void it('shows the policy in force and its compliance check in plain words', async () => {
    const page = await admin.get('/admin/policy');
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Complaint policy');
    const words = text(page.body);
    assert.match(words, /Policy Housing Ombudsman Complaint Handling Code 2024/);
    assert.match(words, /Key hos-code-2024 Version 1 Effective from 1 April 2024/);
    assert.match(words, /Covers England Main country England/);
    assert.match(words, /No departures from the Code/);
    assert.doesNotMatch(words, /People First/, 'another organisation’s policy never appears');
  });

  void it('shows each preset’s compliance check, then the chosen one’s in full before saving it', async () => {
    const choose = await admin.get('/admin/policy/choose');
    assert.equal(choose.status, 200);
    assert.match(
      text(choose.body),
      /Peaks &amp; Plains complaints policy Covers England\. 10 departures from the Code \(1 point to take care over\); 3 rules not stated\./,
    );
    assert.match(
      choose.body,
      /name="effectiveFrom-day" type="text" value="2" inputmode="numeric"/,
      'today by default',
    );

    const chosen = await admin.post('/admin/policy/choose', {
      preset: 'peaks-and-plains',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '4',
      'effectiveFrom-year': '2026',
    });
    assert.equal(chosen.status, 303);
    const confirm = await admin.get(chosen.location ?? '');
    assert.equal(confirm.status, 200);
    assert.equal(heading(confirm.body), 'Check the policy before you adopt it');
    const words = text(confirm.body);
    assert.match(words, /Takes effect 1 April 2026/);
    assert.match(words, /Saved as peaks-and-plains, version 1/);
    assert.match(words, /10 departures from the Code/);
    assert.match(words, /\(Code provision 6\.\d+\)/);
    assert.match(words, /Not stated in the policy/);
    assert.match(
      words,
      /Not stated: the Code&#39;s rule applies, an acknowledgement within 5 working days from the request/,
    );
    assert.equal((await versions(alpha.organisationId)).length, 1, 'nothing saved before confirming');

    const received = await api(t, alpha, 'POST', '/api/v1/complaints', complaintInput());
    const adopted = await admin.post('/admin/policy/confirm', {
      preset: 'peaks-and-plains',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '4',
      'effectiveFrom-year': '2026',
    });
    assert.equal(adopted.status, 303);
    assert.equal(adopted.location, '/admin/policy?done=adopted');
    const policy = await admin.get(adopted.location ?? '');
    assert.match(text(policy.body), /New policy version saved/);
    assert.match(
      text(policy.body),
      /Coming into force Policy Version Effective from [^]*peaks-and-plains 1 1 April 2026/,
    );
    const [audit] = await t.database.db.privileged((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.organisationId, alpha.organisationId),
            eq(auditLog.action, 'policy-version-adopted'),
          ),
        ),
    );
    assert.equal((audit?.details as { key: string }).key, 'peaks-and-plains');
    assert.equal((audit?.details as { departures: string[] }).departures.length, 10);

    // From 1 April it is in force; the case received in March keeps its own version.
    t.clock.set('2026-04-01T09:00:00Z');
    const { browser: later } = await signedIn(t, alpha.organisationId, 'administrator');
    const inForce = text((await later.get('/admin/policy')).body);
    assert.match(inForce, /Key peaks-and-plains Version 1 Effective from 1 April 2026/);
    assert.match(inForce, /Earlier versions [^]*hos-code-2024 1 1 April 2024/);
    const old = await api(t, alpha, 'GET', `/api/v1/complaints/${received.body.id as string}`);
    assert.equal(old.body.policy.key, 'hos-code-2024');
    assert.equal(old.body.policy.version, 1);
    const fromApi = await api(t, alpha, 'GET', '/api/v1/policy');
    assert.equal(fromApi.body.policy.key, 'peaks-and-plains');

    // Choosing the Code again makes its version 2.
    await later.get('/admin/policy/choose');
    await later.post('/admin/policy/confirm', {
      preset: 'hos-code-2024',
      'effectiveFrom-day': '2',
      'effectiveFrom-month': '4',
      'effectiveFrom-year': '2026',
    });
    assert.deepEqual(
      (await versions(alpha.organisationId)).map((v) => `${v.key} ${String(v.version)}`).sort(),
      ['hos-code-2024 1', 'hos-code-2024 2', 'peaks-and-plains 1'],
    );
    t.clock.set('2026-03-02T10:00:00Z');
  });

  void it('refuses a missing preset, a missing or past date, keeping the answers and saving nothing', async () => {
    const { browser } = await signedIn(t, beta.organisationId, 'administrator');
    await browser.get('/admin/policy/choose');
    const empty = await browser.post('/admin/policy/choose', {
      'effectiveFrom-day': '',
      'effectiveFrom-month': '',
      'effectiveFrom-year': '',
    });
    assert.equal(empty.status, 400);
    assert.equal(errorSummary(empty.body), 'Select a policy Enter the date the policy takes effect');
    assert.match(empty.body, /href="#preset"/);
    assert.match(empty.body, /href="#effectiveFrom-day"/);
    const past = await browser.post('/admin/policy/choose', {
      preset: 'spso-mchp',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '3',
      'effectiveFrom-year': '2026',
    });
    assert.equal(past.status, 400);
    assert.equal(errorSummary(past.body), 'The date the policy takes effect must be today or in the future');
    assert.match(past.body, /value="spso-mchp" checked/);
    assert.match(past.body, /name="effectiveFrom-month" type="text" value="3"/);
    const unknown = await browser.post('/admin/policy/confirm', {
      preset: 'no-such-policy',
      'effectiveFrom-day': '3',
      'effectiveFrom-month': '3',
      'effectiveFrom-year': '2026',
    });
    assert.equal(unknown.status, 400);
    assert.equal(errorSummary(unknown.body), 'Select a policy');
    const fake = await browser.get(
      '/admin/policy/confirm?preset=spso-mchp&effectiveFrom-day=30&effectiveFrom-month=2&effectiveFrom-year=2026',
    );
    assert.equal(fake.status, 400);
    assert.equal(errorSummary(fake.body), 'Enter the date the policy takes effect as a real date');
    assert.deepEqual((await versions(beta.organisationId)).length, 1);
  });
  void it('refuses with a form error, not a failure, when two people adopt a policy at the same moment', async () => {
    const gamma = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Gamma Homes');
    const principal = (name: string): StaffPrincipal => ({
      organisationId: gamma.organisationId,
      organisationName: 'Gamma Homes',
      staffId: crypto.randomUUID(),
      sessionId: name,
      name,
      email: `${name}@example.test`,
      role: 'administrator',
      mustChangePassword: false,
    });
    const deps = { db: t.database.db, clock: t.clock };
    const input = { preset: 'peaks-and-plains', effectiveFrom: '2026-04-01' };
    for (let round = 0; round < 3; round += 1) {
      const results = await Promise.allSettled([
        adoptPolicyPreset(deps, principal('alice'), input),
        adoptPolicyPreset(deps, principal('bob'), input),
      ]);
      // One after the other (PGlite runs one transaction at a time) both are saved, as two
      // versions; truly at once, the one that loses the race gets a form error saying why.
      assert.ok(results.some((r) => r.status === 'fulfilled'));
      for (const r of results) {
        if (r.status === 'fulfilled') continue;
        const reason: unknown = r.reason;
        assert.ok(reason instanceof InvalidInputError, `a form error, not ${String(reason)}`);
        assert.match(reason.message, /^Someone else changed the policy at the same time/);
        assert.equal(reason.field, 'preset');
      }
    }
    const saved = (await versions(gamma.organisationId)).filter((v) => v.key === 'peaks-and-plains');
    assert.deepEqual(
      saved.map((v) => v.version).sort((a, b) => a - b),
      saved.map((_, i) => i + 1),
    );
    assert.equal(
      (
        await t.database.db.privileged((tx) =>
          tx
            .select()
            .from(auditLog)
            .where(
              and(
                eq(auditLog.organisationId, gamma.organisationId),
                eq(auditLog.action, 'policy-version-adopted'),
              ),
            ),
        )
      ).length,
      saved.length,
      'one audit entry per saved version',
    );
  });
});
