import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommandName } from '../../../../src/domain/complaint/decide.ts';
import {
  ASSOCIATION_2022,
  HOS_CODE_2024,
  ONE_MANCHESTER,
  PEAKS_AND_PLAINS,
  PRESETS,
} from '../../../../src/domain/policy/presets/index.ts';
import type { Policy } from '../../../../src/domain/policy/policy-schema.ts';
import {
  HANDLER_1,
  HANDLER_2,
  OFFICER,
  SOMEONE_ELSE,
  decisionsFor,
  expectRefusal,
  only,
  receiveCase,
  type CaseBuilder,
  type RawInput,
} from './case-builder.ts';

/** Received Wed 23 Dec 2026, accepted 24 Dec, acknowledged Mon 4 Jan 2027 by HANDLER_1 (response due 18 Jan). */
function investigating(policy: Policy = HOS_CODE_2024): CaseBuilder {
  return receiveCase({ policy }).on('2026-12-24').accept().on('2027-01-04').acknowledge();
}

/** ...answered on Fri 15 Jan 2027 with remedy R1 and action A1. */
function responded(policy: Policy = HOS_CODE_2024): CaseBuilder {
  return investigating(policy)
    .on('2027-01-15')
    .respond({
      remedies: [{ kind: 'apology', description: 'Apology', dueDate: '2027-01-18' }],
      actions: [{ description: 'Fix the boiler', dueDate: '2027-01-29' }],
    });
}

/** ...escalated on Wed 20 Jan 2027. */
function escalated(policy: Policy = HOS_CODE_2024): CaseBuilder {
  return responded(policy).on('2027-01-20').escalate();
}

/** A valid input for every command, to try each one in a state that does not allow it. */
const SAMPLE: { [K in CommandName]: RawInput<K> } = {
  accept: {},
  'not-accept': { reasonCode: 'legal-proceedings', explanation: 'Claim filed', ombudsmanRightGiven: true },
  'record-consent': { how: 'By letter' },
  acknowledge: { points: [{ text: 'A point' }], outcomesSought: ['An outcome'], handler: HANDLER_1 },
  'assign-handler': { handler: HANDLER_2 },
  'add-point': { text: 'Another point' },
  'spin-off': { points: [{ text: 'A new matter' }], reason: 'unrelated' },
  extend: { newDueDate: '2027-03-01', reason: 'Complex', ombudsmanDetailsGiven: true },
  'record-contact': { kind: 'note', summary: 'A note' },
  respond: { decisions: [{ pointId: 'P1', outcome: 'upheld', reasons: 'Because' }] },
  escalate: {},
  'refuse-escalation': {
    ground: 'already-considered',
    explanation: 'Already considered',
    ombudsmanDetailsGiven: true,
  },
  'acknowledge-stage-2': { handler: HANDLER_2 },
  'final-response': { decisions: [{ pointId: 'P1', outcome: 'upheld', reasons: 'Because' }] },
  'complete-action': { itemId: 'R1' },
  discontinue: { ground: 'legal-proceedings', explanation: 'A claim was filed', ombudsmanRightGiven: true },
  withdraw: { reason: 'No longer needed' },
  close: {},
};
const NEW_CASE = { caseId: '33333333-3333-4333-8333-333333333333', reference: 'CMP-0003' };

function attempt(c: CaseBuilder, name: CommandName): () => unknown {
  return () => c.decide(name, SAMPLE[name], { newCase: NEW_CASE });
}

void describe('wrong-state', () => {
  void it('respond before the acknowledgement', () => {
    const c = receiveCase().accept();
    const refusal = c.as(HANDLER_1).refused('wrong-state', 'respond', SAMPLE.respond);
    assert.match(refusal.message, /stage 1 response/);
    assert.match(refusal.message, /accepted and waiting to be acknowledged/);
  });

  void it('final-response at stage 1', () => {
    const refusal = investigating()
      .as(HANDLER_1)
      .refused('wrong-state', 'final-response', SAMPLE['final-response']);
    assert.match(refusal.message, /final response/);
    assert.match(refusal.message, /being investigated at stage 1/);
  });

  void it('close while investigating', () => {
    assert.match(
      investigating().refused('wrong-state', 'close', {}).message,
      /being investigated at stage 1/,
    );
  });

  void it('escalate twice', () => {
    assert.match(
      escalated().refused('wrong-state', 'escalate', {}).message,
      /waiting for its stage 2 acknowledgement/,
    );
  });

  void it('escalate after the final response and closure', () => {
    const c = escalated().on('2027-01-21').acknowledgeStage2().on('2027-02-01').finalResponse().close();
    assert.match(c.refused('wrong-state', 'escalate', {}).message, /closed after its final response/);
  });

  void it('accept twice, and acknowledge before acceptance', () => {
    receiveCase().accept().refused('wrong-state', 'accept', {});
    receiveCase().refused('wrong-state', 'acknowledge', SAMPLE.acknowledge);
  });

  void it('after withdrawal, only a contact or note can be recorded', () => {
    const c = investigating().on('2027-01-06');
    c.run('withdraw', { reason: 'Sorted out' });
    for (const name of Object.keys(SAMPLE) as CommandName[]) {
      if (name === 'record-contact') continue;
      const refusal = assertRefused(c, name);
      assert.match(refusal.message, /it is withdrawn/, name);
    }
    c.run('record-contact', { kind: 'contact', direction: 'inbound', summary: 'Pat rang to say thanks' });
    assert.equal(c.state.contactCount, 1);
    assert.equal(c.state.status, 'withdrawn');
  });

  void it('a not-accepted complaint can no longer be acknowledged, extended or withdrawn', () => {
    const c = receiveCase();
    c.run('not-accept', SAMPLE['not-accept']);
    for (const name of ['acknowledge', 'extend', 'withdraw', 'spin-off'] as const) assertRefused(c, name);
  });
});

function assertRefused(c: CaseBuilder, name: CommandName) {
  return expectRefusal('wrong-state', attempt(c, name));
}

void describe('time limit', () => {
  void it('hos-code-2024: received more than 12 months after the issue needs a recorded discretion', () => {
    const c = receiveCase({ input: { issueDate: '2025-12-22' } });
    const refusal = c.refused('time-limit-discretion-needed', 'accept', {});
    assert.match(refusal.message, /22 December 2026/, 'says when the time limit ended, in words');
    assert.equal(refusal.field, 'timeLimitDiscretion');
    c.accept({ timeLimitDiscretion: { reason: 'Ongoing disrepair' } });
    assert.equal(c.state.status, 'accepted');
  });

  void it('peaks-and-plains: more than 6 months after the issue needs it too', () => {
    receiveCase({ policy: PEAKS_AND_PLAINS, input: { issueDate: '2026-06-22' } }).refused(
      'time-limit-discretion-needed',
      'accept',
      {},
    );
    // 23 June is exactly 6 months before 23 December: still inside.
    receiveCase({ policy: PEAKS_AND_PLAINS, input: { issueDate: '2026-06-23' } }).accept();
  });

  void it('peaks-and-plains: no discretion needed when the safeguarding exception applies', () => {
    const c = receiveCase({
      policy: PEAKS_AND_PLAINS,
      input: { issueDate: '2026-01-05', timeLimitException: 'safeguarding' },
    }).accept();
    assert.equal(c.state.status, 'accepted');
    assert.equal(c.state.timeLimitDiscretion, null);
  });
});

void describe('not-accept', () => {
  void it('unknown-exclusion-reason lists the policy’s reasons', () => {
    const refusal = receiveCase().refused('unknown-exclusion-reason', 'not-accept', {
      ...SAMPLE['not-accept'],
      reasonCode: 'too-many-complaints',
    });
    assert.match(refusal.message, /outside-time-limit, legal-proceedings, already-considered/);
  });
});

void describe('handlers', () => {
  void it('handler-needed: acknowledging without anyone to handle it', () => {
    const refusal = receiveCase()
      .accept()
      .refused('handler-needed', 'acknowledge', {
        points: [{ text: 'A point' }],
        outcomesSought: ['An outcome'],
      });
    assert.match(refusal.message, /who is dealing with their complaint/);
  });

  void it('handler-needed: acknowledging stage 2 without a stage 2 handler', () => {
    escalated().refused('handler-needed', 'acknowledge-stage-2', {});
  });

  void it('already-assigned: assigning the current handler again', () => {
    assert.match(
      investigating().refused('already-assigned', 'assign-handler', { handler: HANDLER_1 }).message,
      /Hana Handler/,
    );
  });

  void it('wrong-person: the stage 1 response from someone other than the stage 1 handler', () => {
    const c = investigating().as(SOMEONE_ELSE);
    const refusal = c.refused('wrong-person', 'respond', { decisions: decisionsFor(c.state) });
    assert.match(refusal.message, /Only the stage 1 handler, Hana Handler/);
  });

  void it('wrong-person: the final response from someone other than the stage 2 handler', () => {
    const c = escalated().on('2027-01-21').acknowledgeStage2();
    for (const who of [HANDLER_1, SOMEONE_ELSE]) {
      const refusal = c
        .as(who)
        .refused('wrong-person', 'final-response', { decisions: decisionsFor(c.state) });
      assert.match(refusal.message, /Only the stage 2 handler, Dev Director, can send the final response/);
    }
  });

  for (const policy of PRESETS) {
    void it(`stage-2-handler-was-stage-1-handler under ${policy.key}`, () => {
      const c = escalated(policy).on('2027-01-21');
      const description = c.rules.stage2.handler.description;
      const viaAck = c.refused('stage-2-handler-was-stage-1-handler', 'acknowledge-stage-2', {
        handler: HANDLER_1,
      });
      assert.match(viaAck.message, /Hana Handler handled this complaint at stage 1/);
      assert.ok(viaAck.message.includes(description), 'names the policy’s stage 2 rule');
      c.refused('stage-2-handler-was-stage-1-handler', 'assign-handler', { handler: HANDLER_1 });
      // Someone new is fine.
      c.acknowledgeStage2({ handler: HANDLER_2 });
      assert.equal(c.state.status, 'stage-2');
    });
  }

  void it('peaks-and-plains allows it on paper (mayBeStage1Handler), but the Code’s rule is enforced', () => {
    assert.equal(PEAKS_AND_PLAINS.rules['england']?.stage2.handler.mayBeStage1Handler, true);
    // Covered by the loop above; this states the intent.
    escalated(PEAKS_AND_PLAINS).refused('stage-2-handler-was-stage-1-handler', 'assign-handler', {
      handler: HANDLER_1,
    });
  });

  void it('anyone who held the case at stage 1, not just the last handler, is refused at stage 2', () => {
    const c = receiveCase().accept();
    c.run('assign-handler', { handler: SOMEONE_ELSE });
    c.run('assign-handler', { handler: HANDLER_1 });
    c.on('2027-01-04').acknowledge().on('2027-01-15').respond().on('2027-01-20').escalate();
    c.refused('stage-2-handler-was-stage-1-handler', 'acknowledge-stage-2', { handler: SOMEONE_ELSE });
  });

  void it('one-manchester: the stage 1 responder is refused at stage 2 (caught by the handler rule first)', () => {
    // Through decide the responder is always the stage 1 handler (wrong-person), so the Code rule answers.
    const c = escalated(ONE_MANCHESTER);
    assert.deepEqual(c.state.stage1.respondedBy, HANDLER_1);
    c.refused('stage-2-handler-was-stage-1-handler', 'acknowledge-stage-2', { handler: HANDLER_1 });
  });

  void it('one-manchester: stage-2-handler-involved-at-stage-1 for a responder who was not a handler', () => {
    // A history decide cannot produce but a case can hold, e.g. one imported from a previous system: the
    // stage 1 response was sent by the complaints manager (SOMEONE_ELSE) for the handler.
    const history = (policy: Policy) => {
      const c = investigating(policy);
      c.apply({
        type: 'response-sent',
        at: '2027-01-15T12:00:00.000Z',
        actor: SOMEONE_ELSE,
        data: { stage: 1, decisions: decisionsFor(c.state).map((d) => ({ ...d })), items: [] },
      });
      return c.on('2027-01-20').escalate().on('2027-01-21');
    };
    const om = history(ONE_MANCHESTER);
    assert.deepEqual(om.state.stage1.respondedBy, SOMEONE_ELSE);
    const refusal = om.refused('stage-2-handler-involved-at-stage-1', 'acknowledge-stage-2', {
      handler: SOMEONE_ELSE,
    });
    assert.match(
      refusal.message,
      /Sam Other was involved at stage 1.*a senior manager not previously involved/,
    );
    om.refused('stage-2-handler-involved-at-stage-1', 'assign-handler', { handler: SOMEONE_ELSE });
    // The Code only excludes the stage 1 handler.
    history(HOS_CODE_2024).acknowledgeStage2({ handler: SOMEONE_ELSE });
  });
});

void describe('decisions on points', () => {
  void it('unknown-point', () => {
    const c = investigating().as(HANDLER_1);
    const refusal = c.refused('unknown-point', 'respond', {
      decisions: [...decisionsFor(c.state), { pointId: 'P9', outcome: 'upheld', reasons: 'x' }],
    });
    assert.match(refusal.message, /no point P9/);
    assert.equal(refusal.field, 'decisions.2.pointId');
  });

  void it('duplicate-decision', () => {
    const c = investigating().as(HANDLER_1);
    const refusal = c.refused('duplicate-decision', 'respond', {
      decisions: [...decisionsFor(c.state), { pointId: 'P1', outcome: 'not-upheld', reasons: 'x' }],
    });
    assert.match(refusal.message, /P1 has more than one decision/);
  });

  void it('point-without-decision names the point and its text', () => {
    const c = investigating().as(HANDLER_1);
    const refusal = c.refused('point-without-decision', 'respond', {
      decisions: [{ pointId: 'P1', outcome: 'upheld', reasons: 'x' }],
    });
    assert.match(refusal.message, /P2 \("Nobody called back"\)/);
  });

  void it('the final response needs a decision on the stage 1 points and the stage 2 ones', () => {
    const c = escalated()
      .on('2027-01-21')
      .acknowledgeStage2({ points: [{ text: 'Late apology' }] })
      .as(HANDLER_2);
    const refusal = c.refused('point-without-decision', 'final-response', {
      decisions: [{ pointId: 'P3', outcome: 'upheld', reasons: 'x' }],
    });
    assert.match(refusal.message, /P1 .*P2 /);
  });
});

void describe('extensions', () => {
  // Acknowledged Mon 4 Jan 2027: stage 1 response due Mon 18 Jan 2027.
  void it('extension-not-later: the same date or earlier', () => {
    const c = investigating().on('2027-01-11');
    for (const newDueDate of ['2027-01-18', '2027-01-15']) {
      const refusal = c.refused('extension-not-later', 'extend', { ...SAMPLE.extend, newDueDate });
      assert.match(refusal.message, /after the current one, 18 January 2027/);
    }
  });

  void it('hos-code-2024 stage 1 (cap 10): 10 working days allowed, 11 refused, 11 with a good reason allowed', () => {
    // From Mon 18 Jan: 19-22 (4), 25-29 (9), Mon 1 Feb (10), Tue 2 Feb (11).
    const ten = investigating().on('2027-01-11');
    assert.equal(ten.calendar.workingDaysBetween('2027-01-18', '2027-02-01'), 10);
    const allowed = only(
      ten.run('extend', { ...SAMPLE.extend, newDueDate: '2027-02-01' }),
      'deadline-extended',
    );
    assert.equal(allowed.data.beyondCap, false);

    const eleven = investigating().on('2027-01-11');
    const refusal = eleven.refused('extension-beyond-cap', 'extend', {
      ...SAMPLE.extend,
      newDueDate: '2027-02-02',
    });
    assert.match(refusal.message, /11 working days beyond the original deadline of 18 January 2027/);
    assert.match(refusal.message, /at most 10 at stage 1/);

    const withReason = only(
      eleven.run('extend', {
        ...SAMPLE.extend,
        newDueDate: '2027-02-02',
        goodReason: 'awaiting-information-from-third-party',
      }),
      'deadline-extended',
    );
    assert.equal(withReason.data.beyondCap, true);
    assert.equal(withReason.data.goodReason, 'awaiting-information-from-third-party');
  });

  void it('the cap counts from the original date across several extensions', () => {
    // First to Mon 25 Jan (5 working days), then to Tue 2 Feb: only 6 beyond the current date but 11 beyond 18 Jan.
    const c = investigating().on('2027-01-11');
    c.run('extend', { ...SAMPLE.extend, newDueDate: '2027-01-25' });
    c.refused('extension-beyond-cap', 'extend', { ...SAMPLE.extend, newDueDate: '2027-02-02' });
    c.run('extend', { ...SAMPLE.extend, newDueDate: '2027-02-01' });
    assert.equal(c.state.stage1.extensions.length, 2);
  });

  void it('hos-code-2024 stage 2 (cap 20)', () => {
    // Stage 2 acknowledged Thu 21 Jan 2027: due 20 working days later, Thu 18 Feb. +20 more is Thu 18 Mar.
    const c = escalated().on('2027-01-21').acknowledgeStage2().on('2027-02-01');
    assert.equal(c.deadline('stage-2-response').due, '2027-02-18');
    c.refused('extension-beyond-cap', 'extend', { ...SAMPLE.extend, newDueDate: '2027-03-19' });
    c.run('extend', { ...SAMPLE.extend, newDueDate: '2027-03-18' });
  });

  void it('peaks-and-plains has no cap: 30 working days is allowed without a good reason', () => {
    // From Mon 18 Jan 2027: 30 working days later is Mon 1 Mar 2027 (no bank holidays between).
    const c = investigating(PEAKS_AND_PLAINS).on('2027-01-11');
    assert.equal(c.calendar.workingDaysBetween('2027-01-18', '2027-03-01'), 30);
    const event = only(c.run('extend', { ...SAMPLE.extend, newDueDate: '2027-03-01' }), 'deadline-extended');
    assert.equal(event.data.beyondCap, false);
  });
});

void describe('escalation', () => {
  // association-2022: stage 1 answered Fri 15 Jan 2027, the window ends 20 working days later, Fri 12 Feb.
  void it('association-2022: a late request is flagged, never refused; its acknowledgement needs a decision', () => {
    const c = responded(ASSOCIATION_2022).on('2027-02-15');
    const event = only(c.run('escalate', {}), 'escalation-requested');
    assert.equal(event.data.windowEnds, '2027-02-12');
    assert.equal(event.data.outsideWindow, true);
    assert.equal(c.state.stage2.outsideWindow, true);

    const refusal = c.refused('late-escalation-decision-needed', 'acknowledge-stage-2', {
      handler: HANDLER_2,
    });
    assert.match(refusal.message, /window closed \(12 February 2027\)/);
    const events = c.run('acknowledge-stage-2', {
      handler: HANDLER_2,
      lateEscalationDecision: { reason: 'The resident was abroad' },
    });
    assert.deepEqual(
      events.map((e) => e.type),
      ['late-escalation-accepted', 'handler-assigned', 'complaint-acknowledged'],
    );
    assert.equal(c.state.stage2.lateEscalationAccepted, 'The resident was abroad');
  });

  void it('association-2022: a request on the last day of the window is not flagged', () => {
    const c = responded(ASSOCIATION_2022).on('2027-02-12').escalate();
    assert.equal(c.state.stage2.outsideWindow, false);
    c.acknowledgeStage2();
    assert.equal(c.state.status, 'stage-2');
  });

  void it('association-2022: the request time, not the recording time, is judged', () => {
    const c = responded(ASSOCIATION_2022).on('2027-02-15').escalate({ requestedAt: '2027-02-12T16:00:00Z' });
    assert.equal(c.state.stage2.outsideWindow, false);
  });

  void it('peaks-and-plains requires reasons on paper, but an escalation without one is accepted', () => {
    assert.equal(PEAKS_AND_PLAINS.rules['england']?.escalation.reasonsRequired, true);
    const c = responded(PEAKS_AND_PLAINS).on('2027-01-20');
    const event = only(c.run('escalate', {}), 'escalation-requested');
    assert.equal(event.data.reason, undefined);
    assert.equal(c.state.status, 'stage-2-requested');
  });

  void it('occurred-in-future: an escalation requested later than now', () => {
    const refusal = responded().on('2027-01-20T10:00:00Z').refused('occurred-in-future', 'escalate', {
      requestedAt: '2027-01-20T11:00:00Z',
    });
    assert.equal(refusal.field, 'requestedAt');
  });
});

void describe('remedies and actions', () => {
  void it('unknown-item', () => {
    assert.match(
      responded().refused('unknown-item', 'complete-action', { itemId: 'A9' }).message,
      /no remedy or action A9/,
    );
  });

  void it('already-completed', () => {
    const c = responded().on('2027-01-18');
    c.run('complete-action', { itemId: 'R1' });
    assert.match(
      c.refused('already-completed', 'complete-action', { itemId: 'R1' }).message,
      /R1 was completed on 18 January 2027/,
    );
  });

  void it('several at once: each recorded on its own, or none when one is refused', () => {
    const c = responded().on('2027-01-18');
    const version = c.state.version;
    c.refused('unknown-item', 'complete-action', { itemIds: ['R1', 'A9'] });
    assert.equal(c.state.version, version);
    assert.ok(c.state.items.every((i) => i.completedOn === null));
    const both = responded().on('2027-01-18');
    const events = both.run('complete-action', { itemIds: ['R1', 'A1', 'R1'], completedOn: '2027-01-15' });
    assert.deepEqual(
      events.map((e) => (e.type === 'item-completed' ? [e.data.itemId, e.data.completedOn] : e.type)),
      [
        ['R1', '2027-01-15'],
        ['A1', '2027-01-15'],
      ],
    );
    c.run('complete-action', { itemIds: ['R1'], completedOn: '2027-01-15' });
    const refusal = c.refused('already-completed', 'complete-action', { itemIds: ['A1', 'R1'] });
    assert.match(refusal.message, /R1 was completed on 15 January 2027/);
    assert.equal(refusal.field, 'itemIds');
  });

  void it('completed-in-future, judged on the London date', () => {
    const c = responded().on('2027-01-18');
    c.refused('completed-in-future', 'complete-action', { itemId: 'A1', completedOn: '2027-01-19' });
    c.run('complete-action', { itemId: 'A1', completedOn: '2027-01-18' });
  });

  void it('completed-in-future: at 00:30 BST the London date is already tomorrow', () => {
    const c = receiveCase({ receivedAt: '2026-06-01T10:00:00Z' }).accept().acknowledge();
    c.respond({ actions: [{ description: 'Fix it', dueDate: '2026-07-01' }] });
    c.on('2026-06-30T23:30:00Z').run('complete-action', { itemId: 'A1', completedOn: '2026-07-01' });
    assert.equal(c.state.items[0]?.completedOn, '2026-07-01');
  });
});

void describe('spin-off', () => {
  void it('no-new-case without a new case allocated', () => {
    const c = investigating();
    c.refused('no-new-case', 'spin-off', SAMPLE['spin-off']);
  });
});

void describe('rules tightened after review', () => {
  void it('one-manchester: anyone who acted at stage 1 (here, by recording a contact) cannot handle stage 2', () => {
    const withContact = (policy: Policy) => {
      const c = investigating(policy).as(SOMEONE_ELSE);
      c.run('record-contact', { kind: 'contact', direction: 'outbound', summary: 'Called the resident' });
      return c.as(HANDLER_1).on('2027-01-15').respond().on('2027-01-20').escalate().on('2027-01-21');
    };
    const om = withContact(ONE_MANCHESTER);
    // The officer who acknowledged, the contact-maker and the responder were all involved at stage 1.
    const involved = om.state.stage1.involved.map((m) => m.id);
    for (const who of [OFFICER, SOMEONE_ELSE, HANDLER_1]) assert.ok(involved.includes(who.id), who.name);
    om.refused('stage-2-handler-involved-at-stage-1', 'acknowledge-stage-2', { handler: SOMEONE_ELSE });
    // Under the Code only the stage 1 handler is excluded.
    withContact(HOS_CODE_2024).acknowledgeStage2({ handler: SOMEONE_ELSE });
  });

  void it('occurred-before-previous-event: an escalation cannot predate the stage 1 response', () => {
    const c = responded().on('2027-01-20');
    const refusal = c.refused('occurred-before-previous-event', 'escalate', {
      requestedAt: '2027-01-14T10:00:00Z',
    });
    assert.match(refusal.message, /before the last thing recorded on this complaint, on 15 January 2027/);
    assert.equal(refusal.field, 'requestedAt');
  });

  void it('a late-escalation decision is recorded only when the request was late', () => {
    const c = responded().on('2027-01-20').escalate().on('2027-01-21');
    assert.equal(c.state.stage2.outsideWindow, false);
    const events = c.decide('acknowledge-stage-2', {
      handler: HANDLER_2,
      lateEscalationDecision: { reason: 'n/a' },
    });
    assert.ok(events.every((e) => e.type !== 'late-escalation-accepted'));
  });
});
