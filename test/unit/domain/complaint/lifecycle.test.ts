import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replay } from '../../../../src/domain/complaint/state.ts';
import { ASSOCIATION_2022 } from '../../../../src/domain/policy/presets/index.ts';
import {
  HANDLER_1,
  HANDLER_2,
  OFFICER,
  SOMEONE_ELSE,
  decisionsFor,
  only,
  receiveCase,
  type CaseBuilder,
} from './case-builder.ts';

/** Received Wed 23 Dec 2026 under the Code, accepted the next day. */
function accepted(): CaseBuilder {
  return receiveCase().on('2026-12-24').accept();
}

/** Acknowledged on Mon 4 Jan 2027 with P1 and P2, handled by HANDLER_1. */
function investigating(): CaseBuilder {
  return accepted().on('2027-01-04').acknowledge();
}

/** Answered at stage 1 on Fri 8 Jan 2027, with one remedy and one action. */
function respondedAtStage1(): CaseBuilder {
  return investigating()
    .on('2027-01-08')
    .respond({
      remedies: [{ kind: 'apology', description: 'A written apology', dueDate: '2027-01-11' }],
      actions: [{ description: 'Replace the boiler', dueDate: '2027-02-01' }],
    });
}

/** Escalated on Tue 12 Jan 2027 and acknowledged at stage 2 on Wed 13 Jan by HANDLER_2. */
function atStage2(): CaseBuilder {
  return respondedAtStage1().on('2027-01-12').escalate().on('2027-01-13').acknowledgeStage2();
}

void describe('accept and not-accept', () => {
  void it('accept: the case waits to be acknowledged', () => {
    const c = receiveCase().on('2026-12-24');
    const events = c.run('accept', {});
    assert.deepEqual(
      events.map((e) => [e.type, e.at, e.actor.id]),
      [['complaint-accepted', '2026-12-24T12:00:00.000Z', OFFICER.id]],
    );
    assert.deepEqual(events[0]?.data, {});
    assert.equal(c.state.status, 'accepted');
    assert.equal(c.state.timeLimitDiscretion, null);
    assert.equal(c.state.version, 2);
  });

  void it('accept with discretion outside the time limit records why', () => {
    const c = receiveCase({ input: { issueDate: '2025-06-01' } });
    assert.equal(c.state.outsideTimeLimit, true);
    c.accept({ timeLimitDiscretion: { reason: 'The resident was in hospital' } });
    assert.equal(c.state.status, 'accepted');
    assert.equal(c.state.timeLimitDiscretion, 'The resident was in hospital');
  });

  void it('not-accept with a policy reason, from received or accepted', () => {
    for (const c of [receiveCase(), accepted()]) {
      const event = only(
        c.run('not-accept', {
          reasonCode: 'legal-proceedings',
          explanation: 'A disrepair claim has been filed at court',
          ombudsmanRightGiven: true,
        }),
        'complaint-not-accepted',
      );
      assert.deepEqual(event.data, {
        reasonCode: 'legal-proceedings',
        explanation: 'A disrepair claim has been filed at court',
        ombudsmanRightGiven: true,
      });
      assert.equal(c.state.status, 'not-accepted');
      assert.deepEqual(c.state.notAccepted, { ...event.data, at: event.at });
    }
  });
});

void describe('stage 1', () => {
  void it('acknowledge: points get ids P1.., the handler is assigned in the same command', () => {
    const c = accepted().on('2027-01-04');
    const events = c.run('acknowledge', {
      points: [{ text: '  Missed appointment  ' }, { text: 'No call back' }],
      outcomesSought: ['A new appointment'],
      handler: HANDLER_1,
    });
    assert.deepEqual(
      events.map((e) => e.type),
      ['handler-assigned', 'complaint-acknowledged'],
    );
    assert.deepEqual(only(events, 'handler-assigned').data, { stage: 1, handler: HANDLER_1 });
    assert.deepEqual(only(events, 'complaint-acknowledged').data, {
      stage: 1,
      points: [
        { id: 'P1', text: 'Missed appointment', stage: 1 },
        { id: 'P2', text: 'No call back', stage: 1 },
      ],
      outcomesSought: ['A new appointment'],
      notLandlordResponsibility: [],
    });
    assert.equal(c.state.status, 'stage-1');
    assert.equal(c.state.stage1.acknowledgedAt, '2027-01-04T12:00:00.000Z');
    assert.deepEqual(c.state.stage1.handler, HANDLER_1);
    assert.deepEqual(c.state.stage1.outcomesSought, ['A new appointment']);
    assert.deepEqual(
      c.state.points.map((p) => p.id),
      ['P1', 'P2'],
    );
  });

  void it('acknowledge with the handler already assigned emits no second assignment', () => {
    const c = accepted();
    c.run('assign-handler', { handler: HANDLER_1 });
    const events = c.run('acknowledge', {
      points: [{ text: 'Missed appointment' }],
      outcomesSought: ['A new appointment'],
      notLandlordResponsibility: ['The gas supply'],
    });
    assert.deepEqual(
      events.map((e) => e.type),
      ['complaint-acknowledged'],
    );
    assert.deepEqual(c.state.stage1.notLandlordResponsibility, ['The gas supply']);
  });

  void it('assign-handler at stage 1: reassigning keeps everyone who held the case', () => {
    const c = receiveCase();
    assert.deepEqual(c.run('assign-handler', { handler: SOMEONE_ELSE })[0]?.data, {
      stage: 1,
      handler: SOMEONE_ELSE,
    });
    c.accept().acknowledge({ handler: HANDLER_1 });
    assert.deepEqual(c.state.stage1.handler, HANDLER_1);
    assert.deepEqual(c.state.stage1.handlers, [SOMEONE_ELSE, HANDLER_1]);
  });

  void it('add-point: the next id, at the current stage', () => {
    const c = investigating();
    const event = only(c.run('add-point', { text: 'The engineer was rude' }), 'point-added');
    assert.deepEqual(event.data.point, { id: 'P3', text: 'The engineer was rude', stage: 1 });
    assert.deepEqual(
      c.state.points.map((p) => p.id),
      ['P1', 'P2', 'P3'],
    );
  });

  void it('spin-off: records the new linked case', () => {
    const c = investigating();
    const newCase = { caseId: '22222222-2222-4222-8222-222222222222', reference: 'CMP-0002' };
    const event = only(
      c.run('spin-off', { points: [{ text: 'Rent statement wrong' }], reason: 'unrelated' }, { newCase }),
      'linked-complaint-created',
    );
    assert.deepEqual(event.data, { ...newCase, reason: 'unrelated', points: ['Rent statement wrong'] });
    assert.deepEqual(c.state.linkedCases, [newCase]);
    assert.equal(c.state.status, 'stage-1', 'the original carries on');
  });

  void it('extend: records the move, in time, within the cap', () => {
    // Acknowledged Mon 4 Jan 2027, so the response is due Mon 18 Jan; extended on 15 Jan to Fri 22 Jan.
    const c = investigating().on('2027-01-15');
    const event = only(
      c.run('extend', {
        newDueDate: '2027-01-22',
        reason: 'Waiting for the contractor’s report',
        ombudsmanDetailsGiven: true,
        updateInterval: 'weekly',
      }),
      'deadline-extended',
    );
    assert.deepEqual(event.data, {
      stage: 1,
      previousDueDate: '2027-01-18',
      newDueDate: '2027-01-22',
      reason: 'Waiting for the contractor’s report',
      beyondCap: false,
      notifiedInTime: true,
      ombudsmanDetailsGiven: true,
      updateInterval: 'weekly',
    });
    assert.equal(c.state.stage1.extensions.length, 1);
    assert.equal(c.state.stage1.extensions[0]?.newDueDate, '2027-01-22');
  });

  void it('record-contact: counts contacts and notes', () => {
    const c = investigating();
    const event = only(
      c.run('record-contact', {
        kind: 'contact',
        direction: 'outbound',
        channel: 'phone',
        summary: 'Called Pat',
      }),
      'contact-recorded',
    );
    assert.deepEqual(event.data, {
      kind: 'contact',
      direction: 'outbound',
      channel: 'phone',
      summary: 'Called Pat',
    });
    c.run('record-contact', { kind: 'note', summary: 'Checked the job log' });
    assert.equal(c.state.contactCount, 2);
    assert.equal(c.state.firstContactAt, event.at);
  });

  void it('respond: decisions on every point, remedies R1.. and actions A1.. tracked', () => {
    const c = investigating().on('2027-01-08').as(HANDLER_1);
    const event = only(
      c.run('respond', {
        decisions: [
          { pointId: 'P1', outcome: 'upheld', reasons: 'The appointment was missed' },
          { pointId: 'P2', outcome: 'not-upheld', reasons: 'We did call back' },
        ],
        remedies: [
          { kind: 'apology', description: 'A written apology', dueDate: '2027-01-11' },
          { kind: 'financial', description: 'Compensation', amountPence: 10000, dueDate: '2027-01-22' },
        ],
        actions: [{ description: 'Replace the boiler', dueDate: '2027-02-01' }],
        learning: 'Confirm appointments by text',
      }),
      'response-sent',
    );
    assert.equal(event.data.stage, 1);
    assert.equal(event.data.learning, 'Confirm appointments by text');
    assert.deepEqual(
      event.data.items.map((i) => [i.id, i.kind, i.remedyKind, i.amountPence, i.dueDate, i.stage]),
      [
        ['R1', 'remedy', 'apology', undefined, '2027-01-11', 1],
        ['R2', 'remedy', 'financial', 10000, '2027-01-22', 1],
        ['A1', 'action', undefined, undefined, '2027-02-01', 1],
      ],
    );
    assert.equal(c.state.status, 'stage-1-responded');
    assert.deepEqual(c.state.stage1.respondedBy, HANDLER_1);
    assert.equal(c.state.stage1.respondedAt, '2027-01-08T12:00:00.000Z');
    assert.equal(c.state.stage1.decisions.length, 2);
    assert.deepEqual(
      c.state.items.map((i) => [i.id, i.completedOn]),
      [
        ['R1', null],
        ['R2', null],
        ['A1', null],
      ],
    );
  });

  void it('complete-action: on a date given, or today', () => {
    const c = respondedAtStage1().on('2027-01-20');
    const given = only(
      c.run('complete-action', { itemId: 'R1', completedOn: '2027-01-11', note: 'Sent' }),
      'item-completed',
    );
    assert.deepEqual(given.data, { itemId: 'R1', completedOn: '2027-01-11', note: 'Sent' });
    c.run('complete-action', { itemId: 'A1' });
    assert.deepEqual(
      c.state.items.map((i) => [i.id, i.completedOn]),
      [
        ['R1', '2027-01-11'],
        ['A1', '2027-01-20'],
      ],
    );
  });

  void it('close after the stage 1 response', () => {
    const c = respondedAtStage1().on('2027-01-11');
    assert.deepEqual(only(c.run('close', { note: 'Resident satisfied' }), 'complaint-closed').data, {
      note: 'Resident satisfied',
    });
    assert.equal(c.state.status, 'closed');
    assert.equal(c.state.closedAt, '2027-01-11T12:00:00.000Z');
    assert.equal(c.state.closedAtStage, 1);
  });
});

void describe('stage 2', () => {
  void it('escalate: moves to stage 2, with no reason needed and no window under the Code', () => {
    const c = respondedAtStage1().on('2027-01-12');
    const event = only(c.run('escalate', {}), 'escalation-requested');
    assert.deepEqual(event.data, {
      requestedAt: '2027-01-12T12:00:00.000Z',
      outsideWindow: false,
      windowEnds: null,
      route: 'after-response',
    });
    assert.equal(c.state.stage, 2);
    assert.equal(c.state.status, 'stage-2-requested');
    assert.equal(c.state.stage2.reason, null);
  });

  void it('escalate: records a reason and an earlier request time when given', () => {
    const c = respondedAtStage1().on('2027-01-12');
    c.run('escalate', { requestedAt: '2027-01-11T09:00:00Z', reason: 'The boiler is still broken' });
    assert.equal(c.state.stage2.requestedAt, '2027-01-11T09:00:00.000Z');
    assert.equal(c.state.stage2.reason, 'The boiler is still broken');
  });

  void it('escalate after a stage 1 closure reopens the case at stage 2', () => {
    const c = respondedAtStage1().on('2027-01-11').close();
    c.on('2027-01-14').escalate();
    assert.equal(c.state.status, 'stage-2-requested');
    assert.equal(c.state.stage, 2);
    assert.equal(c.state.closedAt, null);
    assert.equal(c.state.closedAtStage, null);
  });

  void it('escalate under association-2022: the window is 20 working days from the stage 1 response', () => {
    // Responded Fri 15 Jan 2027; 20 working days on is Fri 12 Feb 2027 (no bank holidays between).
    const c = receiveCase({ policy: ASSOCIATION_2022 }).on('2026-12-24').accept().acknowledge();
    c.on('2027-01-15').respond().on('2027-01-20');
    const event = only(c.run('escalate', {}), 'escalation-requested');
    assert.equal(event.data.windowEnds, '2027-02-12');
    assert.equal(event.data.outsideWindow, false);
  });

  void it('assign-handler at stage 2 assigns the stage 2 handler', () => {
    const c = respondedAtStage1().on('2027-01-12').escalate();
    assert.deepEqual(c.run('assign-handler', { handler: HANDLER_2 })[0]?.data, {
      stage: 2,
      handler: HANDLER_2,
    });
    assert.deepEqual(c.state.stage2.handler, HANDLER_2);
    assert.deepEqual(c.state.stage1.handler, HANDLER_1, 'stage 1 keeps its handler');
  });

  void it('acknowledge-stage-2: assigns the handler, adds stage 2 points after the stage 1 ones', () => {
    const c = respondedAtStage1().on('2027-01-12').escalate().on('2027-01-13');
    const events = c.run('acknowledge-stage-2', {
      handler: HANDLER_2,
      points: [{ text: 'The apology was late' }],
      outcomesSought: ['Compensation'],
    });
    assert.deepEqual(
      events.map((e) => e.type),
      ['handler-assigned', 'complaint-acknowledged'],
    );
    assert.deepEqual(only(events, 'complaint-acknowledged').data, {
      stage: 2,
      points: [{ id: 'P3', text: 'The apology was late', stage: 2 }],
      outcomesSought: ['Compensation'],
      notLandlordResponsibility: [],
    });
    assert.equal(c.state.status, 'stage-2');
    assert.equal(c.state.stage2.acknowledgedAt, '2027-01-13T12:00:00.000Z');
    assert.deepEqual(c.state.stage2.outcomesSought, ['Compensation']);
    assert.deepEqual(c.state.stage1.outcomesSought, ['The boiler fixed this week'], 'stage 1 keeps its own');
  });

  void it('outcomes sought are kept per stage: stage 2 without new ones leaves stage 1 as it was', () => {
    const c = atStage2();
    assert.deepEqual(c.state.stage1.outcomesSought, ['The boiler fixed this week']);
    assert.deepEqual(c.state.stage2.outcomesSought, []);
    assert.equal(c.state.points.length, 2);
  });

  void it('add-point and extend at stage 2 work on stage 2', () => {
    const c = atStage2().on('2027-01-20');
    assert.equal(only(c.run('add-point', { text: 'New damp' }), 'point-added').data.point.stage, 2);
    // Acknowledged Wed 13 Jan: due 20 working days later, Wed 10 Feb 2027.
    const event = only(
      c.run('extend', { newDueDate: '2027-02-17', reason: 'Survey booked', ombudsmanDetailsGiven: true }),
      'deadline-extended',
    );
    assert.equal(event.data.stage, 2);
    assert.equal(event.data.previousDueDate, '2027-02-10');
    assert.equal(c.state.stage2.extensions.length, 1);
    assert.equal(c.state.stage1.extensions.length, 0);
  });

  void it('final-response: by the stage 2 handler, items numbered on from stage 1', () => {
    const c = atStage2().on('2027-01-27').as(HANDLER_2);
    const event = only(
      c.run('final-response', {
        decisions: decisionsFor(c.state),
        remedies: [
          { kind: 'financial', description: 'Compensation', amountPence: 25000, dueDate: '2027-02-10' },
        ],
        actions: [{ description: 'Service all boilers in the block', dueDate: '2027-03-01' }],
      }),
      'response-sent',
    );
    assert.equal(event.data.stage, 2);
    assert.deepEqual(
      event.data.items.map((i) => [i.id, i.stage]),
      [
        ['R2', 2],
        ['A2', 2],
      ],
    );
    assert.equal(c.state.status, 'stage-2-responded');
    assert.deepEqual(c.state.stage2.respondedBy, HANDLER_2);
    assert.equal(c.state.items.length, 4);
  });

  void it('close after the final response', () => {
    const c = atStage2().on('2027-01-27').finalResponse().on('2027-01-28').close();
    assert.equal(c.state.status, 'closed');
    assert.equal(c.state.closedAtStage, 2);
  });

  void it('refuse-escalation closes the request with the reason', () => {
    const c = respondedAtStage1().on('2027-01-12').escalate().on('2027-01-13');
    const event = only(
      c.run('refuse-escalation', {
        ground: 'already-considered',
        explanation: 'Already considered in full',
        ombudsmanDetailsGiven: true,
      }),
      'escalation-refused',
    );
    assert.deepEqual(event.data, {
      ground: 'already-considered',
      explanation: 'Already considered in full',
      ombudsmanDetailsGiven: true,
    });
    assert.equal(c.state.status, 'escalation-refused');
    assert.equal(c.state.stage2.refusal?.explanation, 'Already considered in full');
    assert.equal(c.state.stage2.refusedAt, '2027-01-13T12:00:00.000Z');
  });
});

void describe('withdraw', () => {
  void it('withdraws from any open state', () => {
    for (const c of [
      receiveCase(),
      accepted(),
      investigating(),
      respondedAtStage1().on('2027-01-12').escalate(),
      atStage2(),
    ]) {
      const event = only(c.run('withdraw', { reason: 'The resident is happy now' }), 'complaint-withdrawn');
      assert.deepEqual(event.data, { reason: 'The resident is happy now' });
      assert.equal(c.state.status, 'withdrawn');
      assert.equal(c.state.withdrawnAt, event.at);
    }
  });
});

void describe('replay', () => {
  void it('folds the whole history to the same state as applying each event', () => {
    const c = atStage2().on('2027-01-27').finalResponse();
    assert.deepEqual(replay(c.events), c.state);
    assert.equal(c.state.version, c.events.length);
  });

  void it('evolve does not change the state it is given', () => {
    const c = investigating();
    const before = structuredClone(c.state);
    const snapshot = c.state;
    c.run('add-point', { text: 'Another point' });
    assert.deepEqual(snapshot, before);
  });

  void it('a history must start with a receipt', () => {
    assert.throws(() => replay([]), /at least one event/);
    const [, accept] = accepted().events;
    assert.ok(accept);
    assert.throws(() => replay([accept]), /cannot start a case/);
  });
});
