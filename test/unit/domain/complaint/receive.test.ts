import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { receiveSchema } from '../../../../src/domain/complaint/command-schemas.ts';
import { linkedComplaintInput } from '../../../../src/domain/complaint/receive.ts';
import { evolve } from '../../../../src/domain/complaint/state.ts';
import {
  HOMES_PLUS,
  HOS_CODE_2024,
  ONE_MANCHESTER,
  PEAKS_AND_PLAINS,
  SPSO_MCHP,
} from '../../../../src/domain/policy/presets/index.ts';
import { HANDLER_1, OFFICER, RECEPTIONIST, expectRefusal, receive, receiveCase } from './case-builder.ts';

void describe('receiving a complaint', () => {
  void it('records a named complaint with the policy version, channel, who took it and when', () => {
    const event = receive({ receivedAt: '2026-12-23T10:00:00Z', now: '2026-12-23T10:05:00Z' });
    assert.equal(event.type, 'complaint-received');
    assert.equal(event.at, '2026-12-23T10:00:00.000Z', 'it happened when it was received');
    assert.equal(event.recordedAt, '2026-12-23T10:05:00.000Z', 'and was recorded by the clock');
    assert.deepEqual(event.actor, OFFICER);
    assert.deepEqual(event.data.policy, { key: 'hos-code-2024', version: 1 });
    assert.equal(event.data.receivedAt, '2026-12-23T10:00:00.000Z');
    assert.equal(event.data.channel, 'phone');
    assert.deepEqual(event.data.receivedBy, RECEPTIONIST);
    assert.deepEqual(event.data.complainant, {
      kind: 'named',
      name: 'Pat Resident',
      contact: { email: 'pat@example.com' },
    });
    assert.equal(event.data.representative, undefined);
    assert.deepEqual(event.data.collectiveMembers, []);

    const state = evolve(null, event);
    assert.equal(state.status, 'received');
    assert.equal(state.stage, 1);
    assert.equal(state.version, 1);
    assert.equal(state.caseId, '00000000-0000-4000-8000-000000000001');
    assert.equal(state.reference, 'CMP-0001');
    assert.equal(state.receivedOn, '2026-12-23');
    assert.equal(state.representative, null);
    assert.equal(state.outsideTimeLimit, false);
    assert.equal(state.timeLimitEnds, '2027-12-23', 'the Code: 12 months from the issue');
  });

  void it('records an anonymous complaint', () => {
    const state = receiveCase({ input: { complainant: { kind: 'anonymous' } } }).state;
    assert.deepEqual(state.complainant, { kind: 'anonymous' });
  });

  void it('records a representative with the resident’s consent', () => {
    const state = receiveCase({
      input: { representative: { name: 'Alex Advocate', relationship: 'advocate', consentHeld: true } },
    }).state;
    assert.deepEqual(state.representative, {
      name: 'Alex Advocate',
      relationship: 'advocate',
      consentHeld: true,
    });
  });

  void it('records a representative without consent (an MP needs none; anyone else is chased, not refused)', () => {
    for (const relationship of ['mp', 'relative'] as const) {
      const state = receiveCase({
        input: { representative: { name: 'Chris Rep', relationship, consentHeld: false } },
      }).state;
      assert.equal(state.representative?.relationship, relationship);
      assert.equal(state.representative?.consentHeld, false);
    }
  });

  void it('keeps each member of a collective complaint with their contact details (each gets the response)', () => {
    const state = receiveCase({
      input: {
        collectiveMembers: [
          { name: 'Flat 2 resident', contact: { phone: '0161 000 0000' } },
          { name: 'Flat 3 resident' },
        ],
      },
    }).state;
    assert.deepEqual(state.collectiveMembers, [
      { name: 'Flat 2 resident', contact: { phone: '0161 000 0000' } },
      { name: 'Flat 3 resident' },
    ]);
  });

  void it('takes the country from the policy when none is given, and serviceType defaults to all', () => {
    assert.equal(receiveCase({ policy: HOS_CODE_2024 }).state.country, 'england');
    assert.equal(receiveCase({ policy: SPSO_MCHP }).state.country, 'scotland');
    const given = receiveCase({
      policy: HOMES_PLUS,
      input: { country: 'scotland', serviceType: 'care' },
    });
    assert.equal(given.state.country, 'scotland');
    assert.equal(given.state.serviceType, 'care');
    assert.equal(receiveCase().state.serviceType, 'all');
  });

  void it('keeps the link to the complaint it was spun off from', () => {
    const parent = '11111111-1111-4111-8111-111111111111';
    assert.equal(receiveCase({ input: { linkedFrom: parent } }).state.linkedFrom, parent);
  });
});

void describe('a complaint spun off from another', () => {
  void it('is received today, for the same people and service, linked to its parent', () => {
    const parent = receiveCase({
      policy: HOMES_PLUS,
      input: {
        country: 'scotland',
        channel: 'email',
        serviceType: 'care',
        representative: { name: 'Alex Advocate', relationship: 'advocate', consentHeld: true },
      },
    });
    parent.on('2026-12-24').accept().acknowledge();
    const input = linkedComplaintInput(
      parent.state,
      [{ text: 'Rent statement wrong' }, { text: 'Letter unanswered' }],
      HANDLER_1,
      new Date('2027-01-06T12:00:00Z'),
    );
    const { receivedBy, ...wire } = input;
    assert.deepEqual(receiveSchema.parse(wire), wire, 'a valid receipt as it stands');
    assert.deepEqual(receivedBy, HANDLER_1, 'taken by whoever spun it off');
    const child = receiveCase({
      policy: HOMES_PLUS,
      receivedAt: input.receivedAt,
      input,
      caseId: '22222222-2222-4222-8222-222222222222',
      reference: 'CMP-0002',
    }).state;
    assert.equal(child.linkedFrom, parent.state.caseId);
    assert.equal(child.receivedOn, '2027-01-06');
    assert.equal(child.issueDate, '2027-01-06');
    assert.deepEqual(child.receivedBy, HANDLER_1);
    assert.deepEqual(child.complainant, parent.state.complainant);
    assert.deepEqual(child.representative, parent.state.representative);
    assert.equal(child.country, 'scotland');
    assert.equal(child.channel, 'email');
    assert.equal(child.serviceType, 'care');
    assert.equal(child.summary, 'Raised during complaint CMP-0001: Rent statement wrong; Letter unanswered');
  });
});

void describe('the complaint time limit at receipt (flagged, never refused)', () => {
  // Issue on 1 May 2026, received 23 Dec 2026: inside the Code's 12 months, outside Peaks & Plains' 6.
  const late = { issueDate: '2026-05-01' };

  void it('hos-code-2024: 12 months from the issue; the day after the last day is outside', () => {
    const lastDay = receiveCase({
      receivedAt: '2026-12-01T10:00:00Z',
      input: { issueDate: '2025-12-01' },
    }).state;
    assert.equal(lastDay.timeLimitEnds, '2026-12-01');
    assert.equal(lastDay.outsideTimeLimit, false);
    const dayAfter = receiveCase({ receivedAt: '2026-12-02T10:00:00Z', input: { issueDate: '2025-12-01' } });
    assert.equal(dayAfter.state.outsideTimeLimit, true);
    assert.equal(dayAfter.state.status, 'received', 'received all the same');
    assert.equal(receiveCase({ input: late }).state.outsideTimeLimit, false);
  });

  void it('peaks-and-plains: 6 months, so an issue 7 months ago is outside', () => {
    const state = receiveCase({ policy: PEAKS_AND_PLAINS, input: late }).state;
    assert.equal(state.timeLimitEnds, '2026-11-01');
    assert.equal(state.outsideTimeLimit, true);
  });

  void it('peaks-and-plains: not flagged when a policy exception (safeguarding) applies', () => {
    const state = receiveCase({
      policy: PEAKS_AND_PLAINS,
      input: { ...late, timeLimitException: 'safeguarding' },
    }).state;
    assert.equal(state.timeLimitException, 'safeguarding');
    assert.equal(state.outsideTimeLimit, false);
  });

  void it('refuses an exception the policy does not have, listing the ones it has', () => {
    const refusal = expectRefusal('unknown-time-limit-exception', () =>
      receive({ policy: PEAKS_AND_PLAINS, input: { ...late, timeLimitException: 'vip' } }),
    );
    assert.match(refusal.message, /"vip"/);
    assert.match(refusal.message, /safeguarding, health-and-safety/);
    assert.equal(refusal.field, 'timeLimitException');
    // The Code itself has no exceptions at all.
    const none = expectRefusal('unknown-time-limit-exception', () =>
      receive({ input: { timeLimitException: 'safeguarding' } }),
    );
    assert.match(none.message, /allowed: none/);
  });
});

void describe('receipt refusals', () => {
  void it('received-in-future: beyond five minutes of clock skew', () => {
    const refusal = expectRefusal('received-in-future', () =>
      receive({ receivedAt: '2026-12-23T10:10:00Z', now: '2026-12-23T10:00:00Z' }),
    );
    assert.equal(refusal.field, 'receivedAt');
    // Four minutes ahead is tolerated.
    assert.equal(
      receive({ receivedAt: '2026-12-23T10:04:00Z', now: '2026-12-23T10:00:00Z' }).type,
      'complaint-received',
    );
  });

  void it('issue-after-receipt: the issue cannot be after the local date received', () => {
    const refusal = expectRefusal('issue-after-receipt', () =>
      receive({ input: { issueDate: '2026-12-24' } }),
    );
    assert.equal(refusal.field, 'issueDate');
  });

  void it('no-rules-for-country: a Scottish complaint under an English-only policy', () => {
    const refusal = expectRefusal('no-rules-for-country', () =>
      receive({ policy: ONE_MANCHESTER, input: { country: 'scotland' } }),
    );
    assert.match(refusal.message, /no rules for Scotland/);
    assert.match(refusal.message, /It covers England/);
  });
});

void describe('receipt just after midnight in British Summer Time', () => {
  // 2026-06-30T23:30:00Z is 00:30 on Wednesday 1 July 2026 in London (BST = UTC+1).
  const receivedAt = '2026-06-30T23:30:00Z';

  void it('is received on the local date, 1 July', () => {
    const c = receiveCase({ receivedAt, input: { issueDate: '2026-07-01' } });
    assert.equal(c.state.receivedOn, '2026-07-01');
  });

  void it('has its acknowledgement due 5 working days after 1 July 2026: Wed 8 July', () => {
    // 1 Jul is day 0; Thu 2 (1), Fri 3 (2), Mon 6 (3), Tue 7 (4), Wed 8 (5). No bank holidays.
    const c = receiveCase({ receivedAt });
    assert.equal(c.deadline('stage-1-acknowledgement', '2026-07-01').due, '2026-07-08');
    // Read as a UTC date (30 June) it would have been Tue 7 July.
    assert.equal(c.calendar.addWorkingDays('2026-06-30', 5), '2026-07-07');
  });
});
