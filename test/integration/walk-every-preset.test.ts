import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Country } from '../../src/domain/policy/country.ts';
import {
  api,
  complaintInput,
  createTestOrganisation,
  DIRECTOR,
  HANDLER,
  OFFICER,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';

/**
 * One complaint walked from receipt to final response under every preset, through the API, with
 * every deadline checked. Dates worked out by hand (2026): received Mon 2 March; Good Friday 3 April
 * is a holiday everywhere, Easter Monday 6 April everywhere but Scotland.
 */
interface Expected {
  preset: string;
  country: Country;
  /** null: the policy has no separate stage 1 acknowledgement (SPSO). */
  s1Ack: string | null;
  s1Response: string;
  /** Extended by 5 working days (within every preset's cap), notified on 6 March. */
  s1Extended: string;
  s2Ack: string;
  s2Response: string;
  /** On the day of receipt: an acknowledgement due within 2 working days is already "due soon". */
  statusAtReceipt?: 'on-track' | 'due-soon';
}

// Code-style clocks: ack 5 from receipt (9 Mar); response 10 after the 4 Mar acknowledgement (18 Mar),
// extended to 25 Mar; stage 2 ack 5 after the 26 Mar request (2 Apr); response 20 after the 30 Mar
// acknowledgement, skipping 3 and 6 April (29 Apr).
const CODE_DATES = {
  s1Ack: '2026-03-09',
  s1Response: '2026-03-18',
  s1Extended: '2026-03-25',
  s2Ack: '2026-04-02',
  s2Response: '2026-04-29',
};
// SPSO-style (Scotland): response 5 from receipt (9 Mar) -> 16 Mar; stage 2 ack 3 after 26 Mar (31 Mar);
// response 20 after the 26 Mar request, skipping only Good Friday (24 Apr).
const SPSO_DATES = {
  s1Ack: null,
  s1Response: '2026-03-09',
  s1Extended: '2026-03-16',
  s2Ack: '2026-03-31',
  s2Response: '2026-04-24',
};
// NIPSO (Northern Ireland): as the SPSO's, in Northern Ireland's calendar (St Patrick's Day 17 Mar,
// Good Friday and Easter Monday): stage 2 response 20 after the 26 Mar request (27 Apr).
const NIPSO_DATES = { ...SPSO_DATES, s2Response: '2026-04-27' };
// PSOW (Wales): informal response 10 from receipt (16 Mar) -> 23 Mar; formal acknowledgement 5 after
// the 26 Mar request (2 Apr); response 20 after the request, skipping 3 and 6 April (27 Apr).
const PSOW_DATES = {
  s1Ack: null,
  s1Response: '2026-03-16',
  s1Extended: '2026-03-23',
  s2Ack: '2026-04-02',
  s2Response: '2026-04-27',
};

const EXPECTED: Expected[] = [
  { preset: 'hos-code-2024', country: 'england', ...CODE_DATES },
  { preset: 'psow-model', country: 'wales', ...PSOW_DATES },
  { preset: 'spso-mchp', country: 'scotland', ...SPSO_DATES },
  { preset: 'nipso-model', country: 'northern-ireland', ...NIPSO_DATES },
  { preset: 'people-first', country: 'england', ...CODE_DATES },
  // Association 2022: ack 2 from receipt (4 Mar); response 10 from receipt (16 Mar) -> 23 Mar;
  // stage 2 ack 2 after 26 Mar (30 Mar); response 20 from the request (27 Apr).
  {
    preset: 'association-2022',
    country: 'england',
    s1Ack: '2026-03-04',
    s1Response: '2026-03-16',
    s1Extended: '2026-03-23',
    s2Ack: '2026-03-30',
    s2Response: '2026-04-27',
    statusAtReceipt: 'due-soon',
  },
  { preset: 'homes-plus', country: 'england', ...CODE_DATES },
  // Homes Plus in Scotland: the SPSO's, but stage 2 answered 20 after the 30 Mar acknowledgement (§9.5).
  { preset: 'homes-plus', country: 'scotland', ...SPSO_DATES, s2Response: '2026-04-28' },
  { preset: 'one-manchester', country: 'england', ...CODE_DATES },
  { preset: 'peaks-and-plains', country: 'england', ...CODE_DATES },
];

const at = (date: string) => `${date}T10:00:00Z`;

void describe('a complaint from receipt to final response under every preset', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const expected of EXPECTED) {
    void it(`${expected.preset} (${expected.country})`, async () => {
      const org = await createTestOrganisation(t, expected.preset, expected.country);
      const step = async (date: string, command: string, actor: object, body: object = {}) => {
        t.clock.set(at(date));
        const result = await api(t, org, 'POST', `/api/v1/complaints/${id}/${command}`, { actor, ...body });
        assert.equal(result.status, 200, `${command}: ${JSON.stringify(result.body)}`);
        return result.body;
      };

      t.clock.set(at('2026-03-02'));
      const created = await api(
        t,
        org,
        'POST',
        '/api/v1/complaints',
        complaintInput({ country: expected.country }),
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id: string = created.body.id;
      assert.match(created.body.reference, new RegExp(`^${org.referencePrefix}-2026-\\d{6}$`));
      assert.equal(created.body.policy.key, expected.preset);
      assert.equal(created.body.deadlines.stage1Acknowledgement?.due ?? null, expected.s1Ack);
      assert.equal(created.body.deadlineStatus, expected.statusAtReceipt ?? 'on-track');

      await step('2026-03-02', 'accept', OFFICER);
      const acknowledged = await step('2026-03-04', 'acknowledge', HANDLER, {
        points: [{ text: 'Missed appointments' }, { text: 'No call back' }],
        outcomesSought: ['Boiler fixed', 'An apology'],
        handler: HANDLER,
      });
      assert.equal(acknowledged.deadlines.stage1Response.due, expected.s1Response);
      if (expected.s1Ack) assert.equal(acknowledged.deadlines.stage1Acknowledgement.met, true);

      await step('2026-03-05', 'record-contact', HANDLER, {
        kind: 'contact',
        direction: 'outbound',
        channel: 'phone',
        summary: 'Called to discuss the complaint',
      });
      const extended = await step('2026-03-06', 'extend', HANDLER, {
        newDueDate: expected.s1Extended,
        reason: 'Waiting for the contractor’s job records',
        ombudsmanDetailsGiven: true,
      });
      assert.equal(extended.deadlines.stage1Response.due, expected.s1Extended);
      assert.equal(extended.deadlines.stage1Response.originalDue, expected.s1Response);

      const responded = await step(expected.s1Extended, 'respond', HANDLER, {
        decisions: [
          { pointId: 'P1', outcome: 'upheld', reasons: 'Two appointments were missed.' },
          { pointId: 'P2', outcome: 'partly-upheld', reasons: 'One call back was missed.' },
        ],
        remedies: [
          {
            kind: 'financial',
            description: '£75 for the missed appointments',
            amountPence: 7500,
            dueDate: '2026-04-10',
          },
        ],
        actions: [{ description: 'Replace the boiler', dueDate: '2026-04-30' }],
      });
      assert.equal(responded.status, 'stage-1-responded');
      assert.equal(responded.deadlines.stage1Response.met, true);
      assert.deepEqual(
        responded.remediesAndActions.map((i: { id: string }) => i.id),
        ['R1', 'A1'],
      );

      const escalated = await step('2026-03-26', 'escalate', OFFICER);
      assert.equal(escalated.deadlines.stage2Acknowledgement.due, expected.s2Ack);
      assert.equal(escalated.escalation.outsideWindow, false);

      // Stage 2 is never offered to someone who cannot send the final response (nor, in the
      // staff-accounts test, to the stage 1 handler), under any preset.
      t.clock.set(at('2026-03-30'));
      const refused = await api(t, org, 'POST', `/api/v1/complaints/${id}/acknowledge-stage-2`, {
        actor: DIRECTOR,
        handler: HANDLER,
      });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.match(refused.body.detail, /Tom Okafor cannot handle stage 2/);

      const stage2 = await step('2026-03-30', 'acknowledge-stage-2', DIRECTOR, { handler: DIRECTOR });
      assert.equal(stage2.deadlines.stage2Acknowledgement.met, true);
      assert.equal(stage2.deadlines.stage2Response.due, expected.s2Response);

      const final = await step('2026-04-15', 'final-response', DIRECTOR, {
        decisions: [
          { pointId: 'P1', outcome: 'upheld', reasons: 'Confirmed on review.' },
          { pointId: 'P2', outcome: 'upheld', reasons: 'Both call backs were missed.' },
        ],
      });
      assert.equal(final.status, 'stage-2-responded');
      assert.equal(final.deadlines.stage2Response.met, true);
      assert.equal(final.deadlineStatus, 'met');

      const completed = await step('2026-04-16', 'complete-action', OFFICER, { itemId: 'R1' });
      assert.equal(
        completed.remediesAndActions.find((i: { id: string }) => i.id === 'R1').completedOn,
        '2026-04-16',
      );
      const closed = await step('2026-04-16', 'close', OFFICER);
      assert.equal(closed.status, 'closed');

      const timeline = await api(t, org, 'GET', `/api/v1/complaints/${id}/timeline`);
      assert.deepEqual(
        timeline.body.events.map((e: { type: string }) => e.type),
        [
          'complaint-received',
          'complaint-accepted',
          'handler-assigned',
          'complaint-acknowledged',
          'contact-recorded',
          'deadline-extended',
          'response-sent',
          'escalation-requested',
          'handler-assigned',
          'complaint-acknowledged',
          'response-sent',
          'item-completed',
          'complaint-closed',
        ],
      );
      assert.ok(
        timeline.body.events.every((e: { policy: { key: string } }) => e.policy.key === expected.preset),
      );
      assert.deepEqual(
        timeline.body.events.map((e: { sequence: number }) => e.sequence),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      );
    });
  }
});
