import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { staffAccounts } from '../../src/platform/db/schema.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  DIRECTOR,
  HANDLER,
  HANDLER_2,
  OFFICER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';

/**
 * The rules a landlord relies on at the Ombudsman, through the API (issue 7): each country's own
 * Ombudsman and benchmark, escalation never refused for lack of reasons and possible when stage 1 is
 * late, people as staff accounts, actions dated when they happened, the Code's clock beside the
 * policy's, and the smaller rules of the seed policies.
 */

const at = (date: string, time = '10:00:00') => `${date}T${time}Z`;

void describe('the rules as the Ombudsmen read them', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const post = (org: TestOrganisation, id: string, command: string, body: object) =>
    api(t, org, 'POST', `/api/v1/complaints/${id}/${command}`, body);

  async function received(org: TestOrganisation, overrides: Record<string, unknown> = {}) {
    const created = await api(t, org, 'POST', '/api/v1/complaints', complaintInput(overrides));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body as { id: string; reference: string };
  }

  /** Received 2 March, accepted, acknowledged 4 March by the handler with two points. */
  async function atStage1(org: TestOrganisation, overrides: Record<string, unknown> = {}) {
    t.clock.set(at('2026-03-02'));
    const c = await received(org, overrides);
    assert.equal((await post(org, c.id, 'accept', { actor: OFFICER })).status, 200);
    t.clock.set(at('2026-03-04'));
    const ack = await post(org, c.id, 'acknowledge', {
      actor: HANDLER,
      handler: HANDLER,
      points: [{ text: 'Missed appointments' }, { text: 'No call back' }],
      outcomesSought: ['Boiler fixed'],
    });
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    return c;
  }

  const decisions = [
    { pointId: 'P1', outcome: 'upheld', reasons: 'Two appointments were missed.' },
    { pointId: 'P2', outcome: 'upheld', reasons: 'Nobody called.' },
  ];

  void describe('each country’s own Ombudsman and benchmark', () => {
    for (const [country, ombudsman, benchmark] of [
      ['england', 'housing-ombudsman', 'Housing Ombudsman Complaint Handling Code 2024'],
      ['wales', 'psow', 'Public Services Ombudsman for Wales model concerns and complaints policy'],
      ['scotland', 'spso', 'SPSO model complaints handling procedure for social landlords'],
      ['northern-ireland', 'nipso', 'NIPSO model complaints handling procedure'],
    ] as const) {
      void it(`${country}: every case names ${ombudsman}, and the policy is checked against its benchmark`, async () => {
        t.clock.set(at('2026-03-02'));
        const org = await createTestOrganisation(t, undefined, country);
        const c = await received(org);
        const view = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}`)).body;
        assert.equal(view.country, country);
        assert.equal(view.ombudsman.id, ombudsman);
        assert.deepEqual(
          view.externalRoutes.map((r: { body: { id: string } }) => r.body.id),
          [ombudsman],
        );
        assert.equal(view.benchmark.name, benchmark);
        const policy = await api(t, org, 'GET', '/api/v1/policy');
        assert.equal(policy.status, 200);
        assert.equal(policy.body.policy.defaultCountry, country);
        if (country !== 'england') assert.notEqual(view.ombudsman.id, 'housing-ombudsman');
      });
    }

    void it('a leaseholder’s service-charge complaint has two routes: the Ombudsman and the tribunal', async () => {
      t.clock.set(at('2026-03-02'));
      const org = await createTestOrganisation(t, 'association-2022');
      const c = await received(org, { serviceType: 'leasehold-service-charges' });
      const view = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}`)).body;
      assert.deepEqual(
        view.externalRoutes.map((r: { body: { id: string } }) => r.body.id),
        ['first-tier-tribunal-property', 'housing-ombudsman'],
      );
      assert.match(view.externalRoutes[0].when, /service charges or the terms of the lease/);
      const hos = view.externalRoutes[1].body;
      assert.equal(hos.email, undefined, 'the Housing Ombudsman takes no new complaints by e-mail');
      assert.ok(hos.onlineForm && hos.phone);
    });
  });

  void describe('escalation', () => {
    void it('a refusal needs a ground from the closed list; "no reasons given" is not one', async () => {
      const org = await createTestOrganisation(t);
      const c = await atStage1(org);
      t.clock.set(at('2026-03-10'));
      await post(org, c.id, 'respond', { actor: HANDLER, decisions });
      await post(org, c.id, 'escalate', { actor: OFFICER });
      const free = await post(org, c.id, 'refuse-escalation', {
        actor: OFFICER,
        reason: 'The resident did not say why',
        ombudsmanDetailsGiven: true,
      });
      assert.equal(free.status, 400);
      const late = await post(org, c.id, 'refuse-escalation', {
        actor: OFFICER,
        ground: 'outside-escalation-window',
        discretionConsidered: 'Considered',
        explanation: 'Too late',
        ombudsmanDetailsGiven: true,
      });
      assert.equal(late.status, 422, 'the Code sets no window');
      assert.equal(late.body.code, 'escalation-within-window');
      const ok = await post(org, c.id, 'refuse-escalation', {
        actor: OFFICER,
        ground: 'legal-proceedings',
        explanation: 'A claim about the same repair was filed at court.',
        ombudsmanDetailsGiven: true,
      });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.escalation.refusal.ground, 'legal-proceedings');
    });

    void it('a behaviour exclusion is never a ground; a policy’s set-aside exclusion is never offered', async () => {
      const org = await createTestOrganisation(t, 'people-first');
      t.clock.set(at('2026-03-02'));
      const c = await received(org);
      const refused = await post(org, c.id, 'not-accept', {
        actor: OFFICER,
        reasonCode: 'unacceptable-behaviour',
        explanation: 'Rude on the phone',
        ombudsmanRightGiven: true,
      });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'unknown-exclusion-reason');
    });

    void it('a resident may escalate once the stage 1 response is overdue, and not before', async () => {
      const org = await createTestOrganisation(t, 'one-manchester');
      const c = await atStage1(org, { representative: undefined });
      t.clock.set(at('2026-03-18'));
      const early = await post(org, c.id, 'escalate', { actor: OFFICER });
      assert.equal(early.status, 422);
      assert.equal(early.body.code, 'stage-1-not-overdue');
      const view = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}`)).body;
      assert.ok(!view.allowedCommands.includes('escalate'), 'not offered while stage 1 is on time');
      t.clock.set(at('2026-03-19'));
      const offered = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}`)).body;
      assert.ok(offered.allowedCommands.includes('escalate'), 'offered once overdue');
      const escalated = await post(org, c.id, 'escalate', { actor: OFFICER });
      assert.equal(escalated.status, 200, JSON.stringify(escalated.body));
      assert.equal(escalated.body.escalation.route, 'stage-1-overdue');
      assert.equal(escalated.body.deadlines.stage1Response.status, 'missed');
      assert.equal(escalated.body.currentDeadline.kind, 'stage-2-acknowledgement');
    });

    void it('under the SPSO model a complex complaint may go straight to stage 2', async () => {
      const org = await createTestOrganisation(t, 'spso-mchp');
      t.clock.set(at('2026-03-02'));
      const c = await received(org);
      const without = await post(org, c.id, 'escalate', { actor: OFFICER });
      assert.equal(without.status, 422);
      assert.equal(without.body.code, 'direct-reason-needed');
      const direct = await post(org, c.id, 'escalate', { actor: OFFICER, directReason: 'complex' });
      assert.equal(direct.status, 200);
      assert.equal(direct.body.escalation.route, 'direct');
      assert.equal(direct.body.deadlines.stage1Response.status, null, 'stage 1 was not needed');
      const ack = await post(org, c.id, 'acknowledge-stage-2', {
        actor: DIRECTOR,
        handler: DIRECTOR,
        points: [{ text: 'The whole repairs history' }],
        outcomesSought: ['A full investigation'],
      });
      assert.equal(ack.status, 200, JSON.stringify(ack.body));
      assert.equal(ack.body.points[0].stage, 2);
    });

    void it('Peaks & Plains asks for reasons; PutRight escalates without them (Code 6.12)', async () => {
      const org = await createTestOrganisation(t, 'peaks-and-plains');
      const c = await atStage1(org);
      t.clock.set(at('2026-03-10'));
      await post(org, c.id, 'respond', { actor: HANDLER, decisions });
      const escalated = await post(org, c.id, 'escalate', { actor: OFFICER });
      assert.equal(escalated.status, 200);
      assert.equal(escalated.body.escalation.reason, null);
    });
  });

  void describe('people are staff accounts', () => {
    void it('refuses a free-text person, an unknown account and a disabled one', async () => {
      const org = await createTestOrganisation(t);
      t.clock.set(at('2026-03-02'));
      const c = await received(org);
      const typed = await post(org, c.id, 'accept', { actor: { id: 'H1 ', name: 'Someone' } });
      assert.equal(typed.status, 400);
      const unknown = await post(org, c.id, 'accept', {
        actor: { staffId: '00000000-0000-4000-8000-0000000000ff' },
      });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.detail, /no active staff account/);
      await t.database.db.forOrganisation(org.organisationId, (tx) =>
        tx
          .update(staffAccounts)
          .set({ disabledAt: new Date() })
          .where(eq(staffAccounts.staffId, HANDLER_2.staffId)),
      );
      const disabled = await post(org, c.id, 'accept', { actor: HANDLER_2 });
      assert.equal(disabled.status, 400);
    });

    void it('refuses an account whose role may not take the action', async () => {
      const org = await createTestOrganisation(t);
      t.clock.set(at('2026-03-02'));
      const c = await received(org);
      const handlerAccepts = await post(org, c.id, 'accept', { actor: HANDLER });
      assert.equal(handlerAccepts.status, 403);
    });

    void it('records the integration and the member of staff it acted for', async () => {
      const org = await createTestOrganisation(t);
      const c = await atStage1(org);
      const timeline = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}/timeline`)).body.events;
      const ack = timeline.find((e: { type: string }) => e.type === 'complaint-acknowledged');
      assert.deepEqual(ack.actor, { id: HANDLER.staffId, name: 'Tom Okafor' });
      assert.equal(ack.via.integration, 'initial key');
      assert.match(ack.via.apiKeyId, /^[0-9a-f-]{36}$/);
    });

    void it('6.13 compares accounts: the stage 1 handler is refused at stage 2 however named', async () => {
      const org = await createTestOrganisation(t);
      t.clock.set(at('2026-03-02'));
      const c = await received(org);
      await post(org, c.id, 'accept', { actor: OFFICER });
      await post(org, c.id, 'acknowledge', {
        actor: DIRECTOR,
        handler: DIRECTOR,
        points: [{ text: 'A point' }],
        outcomesSought: ['An outcome'],
      });
      t.clock.set(at('2026-03-10'));
      await post(org, c.id, 'respond', { actor: DIRECTOR, decisions: [decisions[0]] });
      await post(org, c.id, 'escalate', { actor: OFFICER });
      const byId = await post(org, c.id, 'acknowledge-stage-2', { actor: DIRECTOR, handler: DIRECTOR });
      assert.equal(byId.status, 422);
      assert.equal(byId.body.code, 'stage-2-handler-was-stage-1-handler');
      const email = `senior-lead.a3@${org.organisationId}.example.test`;
      const byEmail = await post(org, c.id, 'acknowledge-stage-2', {
        actor: DIRECTOR,
        handler: { email: email.toUpperCase() },
      });
      assert.equal(byEmail.status, 422, 'the same account by e-mail, in capitals');
      assert.equal(byEmail.body.code, 'stage-2-handler-was-stage-1-handler');
    });
  });

  void describe('actions happen when they happened', () => {
    void it('a letter sent on Friday and logged on Monday is judged on Friday', async () => {
      const org = await createTestOrganisation(t);
      t.clock.set(at('2026-03-02'));
      const c = await received(org);
      // Accepted on the 3rd; acknowledgement due Monday 9 March, sent Friday 6th; both logged Tuesday 10th.
      t.clock.set(at('2026-03-10', '09:00:00'));
      const accepted = await post(org, c.id, 'accept', { actor: OFFICER, occurredAt: at('2026-03-03') });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const ack = await post(org, c.id, 'acknowledge', {
        actor: HANDLER,
        handler: HANDLER,
        points: [{ text: 'A point' }],
        outcomesSought: ['An outcome'],
        occurredAt: at('2026-03-06', '16:00:00'),
      });
      assert.equal(ack.status, 200, JSON.stringify(ack.body));
      assert.equal(ack.body.deadlines.stage1Acknowledgement.met, true);
      assert.equal(ack.body.deadlines.stage1Response.due, '2026-03-20', '10 working days from the 6th');
      const timeline = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}/timeline`)).body.events;
      const event = timeline.find((e: { type: string }) => e.type === 'complaint-acknowledged');
      assert.equal(event.occurredAt, '2026-03-06T16:00:00.000Z');
      assert.equal(event.recordedAt, '2026-03-10T09:00:00.000Z');
      const acceptance = timeline.find((e: { type: string }) => e.type === 'complaint-accepted');
      assert.equal(acceptance.occurredAt, '2026-03-03T10:00:00.000Z');
    });

    void it('a time in the future, or before the previous event, is refused', async () => {
      const org = await createTestOrganisation(t);
      t.clock.set(at('2026-03-02'));
      const c = await received(org);
      t.clock.set(at('2026-03-03'));
      await post(org, c.id, 'accept', { actor: OFFICER });
      const body = {
        actor: HANDLER,
        handler: HANDLER,
        points: [{ text: 'A point' }],
        outcomesSought: ['An outcome'],
      };
      const future = await post(org, c.id, 'acknowledge', { ...body, occurredAt: at('2026-03-04') });
      assert.equal(future.status, 422);
      assert.equal(future.body.code, 'occurred-in-future');
      const early = await post(org, c.id, 'acknowledge', {
        ...body,
        occurredAt: at('2026-03-02', '09:00:00'),
      });
      assert.equal(early.status, 422);
      assert.equal(early.body.code, 'occurred-before-previous-event');
      assert.match(early.body.detail, /3 March 2026/);
    });

    void it('an extension is in time if the resident was told before the deadline, whenever it was logged', async () => {
      const org = await createTestOrganisation(t);
      const c = await atStage1(org);
      // Due 18 March; the resident was told on the 18th, logged on the 19th.
      t.clock.set(at('2026-03-19'));
      const extended = await post(org, c.id, 'extend', {
        actor: HANDLER,
        newDueDate: '2026-03-25',
        reason: 'Waiting for the contractor',
        ombudsmanDetailsGiven: true,
        occurredAt: at('2026-03-18', '15:00:00'),
      });
      assert.equal(extended.status, 200);
      assert.equal(extended.body.deadlines.stage1Response.due, '2026-03-25');
      assert.equal(extended.body.extensions.stage1[0].notifiedInTime, true);
    });
  });

  void describe('the Code’s clock beside the policy’s', () => {
    void it('Peaks & Plains: on track by its policy (no cap), late by the Code (10 working days)', async () => {
      const org = await createTestOrganisation(t, 'peaks-and-plains');
      const c = await atStage1(org);
      t.clock.set(at('2026-03-16'));
      // Due 18 March; 15 working days later without a good reason: allowed by the policy, not the Code.
      const extended = await post(org, c.id, 'extend', {
        actor: HANDLER,
        newDueDate: '2026-04-10',
        reason: 'Busy',
        ombudsmanDetailsGiven: true,
      });
      assert.equal(extended.status, 200);
      t.clock.set(at('2026-04-06'));
      const view = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}`)).body;
      assert.equal(view.deadlineStatus, 'on-track');
      assert.equal(view.benchmark.deadlines.stage1Response.due, '2026-04-01', 'capped at 10 working days');
      assert.equal(view.benchmark.deadlineStatus, 'overdue');
      assert.equal(view.benchmark.differs, true);
      const answered = await post(org, c.id, 'respond', { actor: HANDLER, decisions });
      assert.equal(answered.body.deadlines.stage1Response.met, true);
      assert.equal(answered.body.benchmark.deadlines.stage1Response.met, false);
    });
  });

  void describe('the smaller rules', () => {
    void it('stage 2 records what is not the landlord’s responsibility, and outcomes per stage', async () => {
      const org = await createTestOrganisation(t);
      const c = await atStage1(org);
      t.clock.set(at('2026-03-10'));
      await post(org, c.id, 'respond', { actor: HANDLER, decisions });
      await post(org, c.id, 'escalate', { actor: OFFICER });
      const ack = await post(org, c.id, 'acknowledge-stage-2', {
        actor: DIRECTOR,
        handler: DIRECTOR,
        outcomesSought: ['Compensation'],
        notLandlordResponsibility: ['The gas supply (the network operator)'],
      });
      assert.equal(ack.status, 200);
      assert.deepEqual(ack.body.definition.stage1.outcomesSought, ['Boiler fixed']);
      assert.deepEqual(ack.body.definition.stage2.outcomesSought, ['Compensation']);
      assert.deepEqual(ack.body.definition.stage2.notLandlordResponsibility, [
        'The gas supply (the network operator)',
      ]);
    });

    void it('legal proceedings take a complaint out of the process after acknowledgement (Homes Plus 22.8)', async () => {
      const org = await createTestOrganisation(t, 'homes-plus');
      const c = await atStage1(org);
      const out = await post(org, c.id, 'discontinue', {
        actor: OFFICER,
        ground: 'legal-proceedings',
        explanation: 'You have filed a disrepair claim at court about the same matters.',
        ombudsmanRightGiven: true,
      });
      assert.equal(out.status, 200, JSON.stringify(out.body));
      assert.equal(out.body.status, 'discontinued');
      assert.equal(out.body.currentDeadline, null);
      assert.deepEqual(out.body.allowedCommands, ['record-contact']);
    });

    void it('One Manchester: new points at stage 2 become a new complaint', async () => {
      const org = await createTestOrganisation(t, 'one-manchester');
      const c = await atStage1(org);
      t.clock.set(at('2026-03-10'));
      await post(org, c.id, 'respond', { actor: HANDLER, decisions });
      await post(org, c.id, 'escalate', { actor: OFFICER });
      const stage2 = await post(org, c.id, 'acknowledge-stage-2', { actor: DIRECTOR, handler: DIRECTOR });
      assert.ok(!stage2.body.allowedCommands.includes('add-point'), 'not offered');
      assert.ok(stage2.body.allowedCommands.includes('spin-off'), 'the spin-off is');
      const added = await post(org, c.id, 'add-point', { actor: DIRECTOR, text: 'Also the fence' });
      assert.equal(added.status, 422);
      assert.equal(added.body.code, 'new-points-are-a-new-complaint');
    });

    void it('One Manchester: anyone who acted at stage 1 is out of stage 2, not only its handler', async () => {
      const org = await createTestOrganisation(t, 'one-manchester');
      const c = await atStage1(org);
      t.clock.set(at('2026-03-05'));
      await post(org, c.id, 'record-contact', {
        actor: DIRECTOR,
        kind: 'note',
        summary: 'Reviewed the repairs log',
      });
      t.clock.set(at('2026-03-10'));
      await post(org, c.id, 'respond', { actor: HANDLER, decisions });
      await post(org, c.id, 'escalate', { actor: OFFICER });
      const refused = await post(org, c.id, 'acknowledge-stage-2', { actor: DIRECTOR, handler: DIRECTOR });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'stage-2-handler-involved-at-stage-1');
    });

    void it('consent first where the policy asks for it: accept waits for it, or a recorded reason', async () => {
      const org = await createTestOrganisation(t, 'one-manchester');
      t.clock.set(at('2026-03-02'));
      const c = await received(org, {
        representative: { name: 'Dana Daughter', relationship: 'relative', consentHeld: false },
      });
      const view = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}`)).body;
      assert.equal(view.flags.consentNeededFirst, true);
      assert.equal(view.representative.name, 'Dana Daughter', 'the representative is kept');
      const waiting = await post(org, c.id, 'accept', { actor: OFFICER });
      assert.equal(waiting.status, 422);
      assert.equal(waiting.body.code, 'consent-needed');
      const consent = await post(org, c.id, 'record-consent', {
        actor: OFFICER,
        how: 'Mrs Ellis confirmed by phone, and a signed form followed',
      });
      assert.equal(consent.status, 200, JSON.stringify(consent.body));
      assert.equal(consent.body.flags.consentOutstanding, false);
      assert.equal((await post(org, c.id, 'accept', { actor: OFFICER })).status, 200);
    });

    void it('a collective complaint keeps each member’s contact details', async () => {
      const org = await createTestOrganisation(t, 'homes-plus');
      t.clock.set(at('2026-03-02'));
      const c = await received(org, {
        collectiveMembers: [{ name: 'Flat 2', contact: { email: 'flat2@example.org' } }, { name: 'Flat 3' }],
      });
      const view = (await api(t, org, 'GET', `/api/v1/complaints/${c.id}`)).body;
      assert.deepEqual(view.collectiveMembers, [
        { name: 'Flat 2', contact: { email: 'flat2@example.org' } },
        { name: 'Flat 3' },
      ]);
    });

    void it('a case holds at most the 100 points a response can answer (one limit for both)', async () => {
      const org = await createTestOrganisation(t);
      t.clock.set(at('2026-03-02'));
      const c = await received(org);
      await post(org, c.id, 'accept', { actor: OFFICER });
      const ack = await post(org, c.id, 'acknowledge', {
        actor: HANDLER,
        handler: HANDLER,
        points: Array.from({ length: 100 }, (_, i) => ({ text: `Point ${String(i + 1)}` })),
        outcomesSought: ['All of it'],
      });
      assert.equal(ack.status, 200);
      const more = await post(org, c.id, 'add-point', { actor: HANDLER, text: 'One more' });
      assert.equal(more.status, 422);
      assert.equal(more.body.code, 'too-many-points');
      const all = Array.from({ length: 100 }, (_, i) => ({
        pointId: `P${String(i + 1)}`,
        outcome: 'not-upheld',
        reasons: 'Considered',
      }));
      t.clock.set(at('2026-03-03'));
      assert.equal((await post(org, c.id, 'respond', { actor: HANDLER, decisions: all })).status, 200);
    });
  });
});
