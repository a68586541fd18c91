import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarFor } from '../../../../src/domain/calendar/index.ts';
import { DUE_SOON_WORKING_DAYS } from '../../../../src/domain/complaint/deadlines.ts';
import {
  ASSOCIATION_2022,
  HOS_CODE_2024,
  PEAKS_AND_PLAINS,
  SPSO_MCHP,
} from '../../../../src/domain/policy/presets/index.ts';
import type { Policy } from '../../../../src/domain/policy/policy-schema.ts';
import { receiveCase, type CaseBuilder } from './case-builder.ts';

/*
 * The Christmas 2026 calendar, worked by hand (see test/unit/domain/calendar for the full table).
 * England and Wales: Fri 25 Dec, Mon 28 Dec (Boxing Day substitute) and Fri 1 Jan 2027 are bank holidays.
 * Scotland: the same, plus Mon 4 Jan 2027 (substitute for Sat 2 January).
 * Working days after Wed 23 Dec 2026 in England: Thu 24 Dec (1), Tue 29 (2), Wed 30 (3), Thu 31 (4),
 * Mon 4 Jan (5), Tue 5 (6), Wed 6 (7), Thu 7 (8), Fri 8 (9), Mon 11 (10), ...
 */
const RECEIVED = '2026-12-23T10:00:00Z';

function received(
  policy: Policy = HOS_CODE_2024,
  input: Parameters<typeof receiveCase>[0] = {},
): CaseBuilder {
  return receiveCase({ policy, receivedAt: RECEIVED, ...input });
}

void describe('stage 1 under hos-code-2024 (England), received Wed 23 Dec 2026', () => {
  void it('the acknowledgement is due Mon 4 Jan 2027 (5 working days)', () => {
    const c = received();
    const ack = c.deadline('stage-1-acknowledgement', '2026-12-23');
    assert.equal(ack.due, '2027-01-04');
    assert.equal(ack.originalDue, '2027-01-04');
    assert.equal(ack.met, null);
    assert.equal(ack.completedOn, null);
    assert.equal(c.deadlines('2026-12-23').current?.kind, 'stage-1-acknowledgement');
  });

  void it('before the acknowledgement the response date is provisional, from the acknowledgement deadline', () => {
    // 10 working days after Mon 4 Jan: 5, 6, 7, 8, 11, 12, 13, 14, 15, 18 → Mon 18 Jan 2027.
    const c = received().on('2026-12-24').accept();
    assert.equal(c.deadline('stage-1-response').due, '2027-01-18');
  });

  void it('acknowledged on Mon 4 Jan 2027: acknowledgement met, response due Mon 18 Jan 2027', () => {
    const c = received().on('2026-12-24').accept().on('2027-01-04').acknowledge();
    const ack = c.deadline('stage-1-acknowledgement');
    assert.equal(ack.completedOn, '2027-01-04');
    assert.equal(ack.met, true);
    assert.equal(ack.status, 'met');
    assert.equal(ack.workingDaysLeft, null);
    assert.equal(c.deadline('stage-1-response').due, '2027-01-18');
    assert.equal(c.deadlines().current?.kind, 'stage-1-response');
  });

  void it('the response date moves with the actual acknowledgement date', () => {
    // Acknowledged Thu 24 Dec: 29, 30, 31 Dec, 4, 5, 6, 7, 8, 11, 12 Jan → Tue 12 Jan 2027.
    const early = received().on('2026-12-24').accept().acknowledge();
    assert.equal(early.deadline('stage-1-response').due, '2027-01-12');
    // Acknowledged late on Wed 6 Jan: acknowledgement missed; 7, 8, 11–15, 18, 19, 20 → Wed 20 Jan.
    const late = received().on('2026-12-24').accept().on('2027-01-06').acknowledge();
    assert.equal(late.deadline('stage-1-acknowledgement').status, 'missed');
    assert.equal(late.deadline('stage-1-acknowledgement').met, false);
    assert.equal(late.deadline('stage-1-response').due, '2027-01-20');
  });

  void it('met or missed is set from the completion date against the due date', () => {
    const onTime = received()
      .on('2026-12-24')
      .accept()
      .on('2027-01-04')
      .acknowledge()
      .on('2027-01-18')
      .respond();
    assert.equal(onTime.deadline('stage-1-response').status, 'met');
    assert.equal(onTime.deadline('stage-1-response').completedOn, '2027-01-18');
    assert.equal(onTime.deadlines().current, null, 'nothing left to do');
    assert.equal(onTime.deadlines().status, 'met');
    const late = received()
      .on('2026-12-24')
      .accept()
      .on('2027-01-04')
      .acknowledge()
      .on('2027-01-19')
      .respond();
    assert.equal(late.deadline('stage-1-response').status, 'missed');
    assert.equal(late.deadline('stage-1-response').met, false);
    assert.equal(late.deadlines().status, 'missed');
  });

  void it('status moves on-track → due-soon → overdue as today moves (due Mon 18 Jan)', () => {
    assert.equal(DUE_SOON_WORKING_DAYS, 2);
    const c = received().on('2026-12-24').accept().on('2027-01-04').acknowledge();
    const at = (today: string) => {
      const d = c.deadline('stage-1-response', today);
      return [d.status, d.workingDaysLeft];
    };
    assert.deepEqual(at('2027-01-04'), ['on-track', 10]);
    assert.deepEqual(at('2027-01-13'), ['on-track', 3]); // Thu 14, Fri 15, Mon 18 to go
    assert.deepEqual(at('2027-01-14'), ['due-soon', 2]);
    assert.deepEqual(at('2027-01-16'), ['due-soon', 1]); // a Saturday: Mon 18 to go
    assert.deepEqual(at('2027-01-18'), ['due-soon', 0]);
    assert.deepEqual(at('2027-01-19'), ['overdue', -1]);
    assert.deepEqual(at('2027-01-25'), ['overdue', -5]);
    assert.equal(c.deadlines('2027-01-19').status, 'overdue', 'the case status is its current deadline’s');
  });

  void it('not accepting answers the acknowledgement deadline and ends the response deadline', () => {
    const nad = {
      reasonCode: 'legal-proceedings',
      explanation: 'A claim has been filed at court',
      ombudsmanRightGiven: true as const,
    };
    const inTime = received().on('2026-12-30');
    inTime.run('not-accept', nad);
    const ack = inTime.deadline('stage-1-acknowledgement');
    assert.equal(ack.completedOn, '2026-12-30');
    assert.equal(ack.status, 'met');
    assert.equal(inTime.hasDeadline('stage-1-response'), false);
    assert.equal(inTime.deadlines().current, null);
    assert.equal(inTime.deadlines().status, 'met');

    const late = received().on('2027-01-05');
    late.run('not-accept', nad);
    assert.equal(late.deadline('stage-1-acknowledgement').status, 'missed');
    assert.equal(late.deadlines().status, 'missed');
  });

  void it('a closed case has no current deadline and keeps its last outcome', () => {
    const c = received().on('2026-12-24').accept().on('2027-01-04').acknowledge().on('2027-01-19').respond();
    c.on('2027-01-20').close();
    assert.equal(c.deadlines('2027-03-01').current, null);
    assert.equal(c.deadlines('2027-03-01').status, 'missed');
  });

  void it('has no first-contact deadline (the Code sets none)', () => {
    const c = received().on('2026-12-24').accept().on('2027-01-04').acknowledge();
    assert.equal(c.hasDeadline('stage-1-first-contact'), false);
  });
});

void describe('stage 1 under other presets', () => {
  void it('association-2022: acknowledgement in 2 working days, response 10 from receipt', () => {
    // Ack: Thu 24 Dec (1), Tue 29 Dec (2). Response: 10 working days after Wed 23 Dec → Mon 11 Jan 2027.
    const c = received(ASSOCIATION_2022);
    assert.equal(c.deadline('stage-1-acknowledgement').due, '2026-12-29');
    assert.equal(c.deadline('stage-1-response').due, '2027-01-11');
    // Acknowledged on its last day, the response date does not move.
    c.on('2026-12-29').accept().acknowledge();
    assert.equal(c.deadline('stage-1-acknowledgement').status, 'met');
    assert.equal(c.deadline('stage-1-response').due, '2027-01-11');
  });

  void it('association-2022: an anonymous complaint is recorded but has no acknowledgement deadline', () => {
    const c = received(ASSOCIATION_2022, { input: { complainant: { kind: 'anonymous' } } });
    assert.equal(c.hasDeadline('stage-1-acknowledgement'), false);
    assert.equal(c.deadlines().current?.kind, 'stage-1-response');
    assert.equal(c.deadline('stage-1-response').due, '2027-01-11');
    // Under the Code an anonymous complaint is acknowledged like any other.
    const code = received(HOS_CODE_2024, { input: { complainant: { kind: 'anonymous' } } });
    assert.equal(code.deadline('stage-1-acknowledgement').due, '2027-01-04');
  });

  void it('spso-mchp (Scotland): no acknowledgement deadline; the response is due Tue 5 Jan 2027', () => {
    // 5 Scottish working days after Wed 23 Dec 2026: 24 (1), 29 (2), 30 (3), 31 (4) Dec, then Fri 1 Jan and
    // Mon 4 Jan are holidays, so Tue 5 Jan (5). Not Thu 31 Dec: that is only 4 working days.
    const scotland = calendarFor('scotland');
    assert.equal(scotland.isWorkingDay('2027-01-04'), false);
    assert.equal(scotland.workingDaysBetween('2026-12-23', '2026-12-31'), 4);
    const c = received(SPSO_MCHP);
    assert.equal(c.state.country, 'scotland');
    assert.equal(c.hasDeadline('stage-1-acknowledgement'), false);
    assert.equal(c.deadline('stage-1-response').due, '2027-01-05');
    assert.equal(c.deadlines().current?.kind, 'stage-1-response');
  });

  void it('peaks-and-plains: the investigating manager contacts the resident within 3 working days of the ack', () => {
    // Acknowledged Mon 4 Jan 2027: Tue 5 (1), Wed 6 (2), Thu 7 (3) → due Thu 7 Jan.
    const c = received(PEAKS_AND_PLAINS).on('2026-12-24').accept();
    c.run('record-contact', { kind: 'contact', summary: 'Before the acknowledgement: does not count' });
    assert.equal(c.hasDeadline('stage-1-first-contact'), false, 'only once acknowledged');
    c.on('2027-01-04').acknowledge();
    const open = c.deadline('stage-1-first-contact');
    assert.equal(open.due, '2027-01-07');
    assert.equal(open.completedOn, null);
    assert.equal(c.deadline('stage-1-first-contact', '2027-01-08').status, 'overdue');
    assert.equal(
      c.deadlines().current?.kind,
      'stage-1-response',
      'first contact is never the current deadline',
    );

    c.on('2027-01-05').run('record-contact', { kind: 'note', summary: 'A note is not a contact' });
    assert.equal(c.deadline('stage-1-first-contact').completedOn, null);
    c.on('2027-01-06').run('record-contact', { kind: 'contact', direction: 'outbound', summary: 'Rang Pat' });
    const met = c.deadline('stage-1-first-contact');
    assert.equal(met.completedOn, '2027-01-06');
    assert.equal(met.status, 'met');
  });

  void it('peaks-and-plains: a first contact after three working days is missed', () => {
    const c = received(PEAKS_AND_PLAINS).on('2026-12-24').accept().on('2027-01-04').acknowledge();
    c.on('2027-01-08').run('record-contact', { kind: 'contact', direction: 'outbound', summary: 'Rang Pat' });
    assert.equal(c.deadline('stage-1-first-contact').status, 'missed');
  });

  void it('peaks-and-plains: only contact with the resident meets it, not the resident chasing', () => {
    const c = received(PEAKS_AND_PLAINS).on('2026-12-24').accept().on('2027-01-04').acknowledge();
    c.on('2027-01-05').run('record-contact', {
      kind: 'contact',
      direction: 'inbound',
      summary: 'Pat chased us',
    });
    c.run('record-contact', { kind: 'contact', summary: 'Pat chased again (direction not recorded)' });
    assert.equal(c.deadline('stage-1-first-contact').completedOn, null);
    c.on('2027-01-06').run('record-contact', {
      kind: 'contact',
      channel: 'in-person',
      summary: 'Met Pat at home',
    });
    assert.equal(c.deadline('stage-1-first-contact').completedOn, '2027-01-06', 'a meeting counts');
  });
});

void describe('extensions', () => {
  // Acknowledged Mon 4 Jan 2027, so the response is due Mon 18 Jan 2027.
  const acknowledged = () => received().on('2026-12-24').accept().on('2027-01-04').acknowledge();
  const extension = (newDueDate: string) => ({
    newDueDate,
    reason: 'Waiting for a surveyor',
    ombudsmanDetailsGiven: true as const,
  });

  void it('an extension notified in time moves the due date; the original date stays', () => {
    const c = acknowledged().on('2027-01-15');
    c.run('extend', extension('2027-01-29'));
    const d = c.deadline('stage-1-response');
    assert.equal(d.originalDue, '2027-01-18');
    assert.equal(d.due, '2027-01-29');
    c.on('2027-01-25').respond();
    assert.equal(c.deadline('stage-1-response').status, 'met');
  });

  void it('an extension on the due date itself is still in time', () => {
    const c = acknowledged().on('2027-01-18');
    c.run('extend', extension('2027-01-29'));
    assert.equal(c.state.stage1.extensions[0]?.notifiedInTime, true);
    assert.equal(c.deadline('stage-1-response').due, '2027-01-29');
  });

  void it('an extension notified after the deadline is recorded but does not rescue it', () => {
    const c = acknowledged().on('2027-01-19');
    c.run('extend', extension('2027-01-29'));
    assert.equal(c.state.stage1.extensions[0]?.notifiedInTime, false);
    const d = c.deadline('stage-1-response');
    assert.equal(d.due, '2027-01-18');
    assert.equal(d.status, 'overdue');
    c.on('2027-01-25').respond();
    assert.equal(c.deadline('stage-1-response').status, 'missed');
  });

  void it('the latest in-time extension wins', () => {
    const c = acknowledged().on('2027-01-15');
    c.run('extend', extension('2027-01-22'));
    c.on('2027-01-21').run('extend', extension('2027-01-27'));
    assert.equal(c.state.stage1.extensions[1]?.previousDueDate, '2027-01-22');
    assert.equal(c.deadline('stage-1-response').due, '2027-01-27');
    assert.equal(c.deadline('stage-1-response').originalDue, '2027-01-18');
  });
});

void describe('withdrawn cases', () => {
  void it('have no current deadline and a null status; completed deadlines keep their outcome', () => {
    const c = received().on('2026-12-24').accept().on('2027-01-04').acknowledge().on('2027-01-06');
    c.run('withdraw', { reason: 'Resolved with the contractor' });
    const summary = c.deadlines('2027-02-01');
    assert.equal(summary.current, null);
    assert.equal(summary.status, null);
    const response = c.deadline('stage-1-response', '2027-02-01');
    assert.equal(response.status, null, 'not overdue: nobody is waiting for it');
    assert.equal(response.workingDaysLeft, null);
    assert.equal(c.deadline('stage-1-acknowledgement').status, 'met');
  });
});

void describe('stage 2', () => {
  /** Acknowledged 4 Jan, answered Fri 15 Jan 2027, escalation requested Wed 20 Jan 2027. */
  const escalated = (policy: Policy = HOS_CODE_2024) =>
    received(policy)
      .on('2026-12-24')
      .accept()
      .on('2027-01-04')
      .acknowledge()
      .on('2027-01-15')
      .respond()
      .on('2027-01-20')
      .escalate();

  void it('hos-code-2024: acknowledgement in 5 working days of the request, response 20 from the acknowledgement', () => {
    // Ack: 21, 22, 25, 26, 27 Jan → Wed 27 Jan. Provisional response: 20 after 27 Jan → Wed 24 Feb.
    const c = escalated();
    assert.equal(c.deadline('stage-2-acknowledgement').due, '2027-01-27');
    assert.equal(c.deadline('stage-2-response').due, '2027-02-24');
    assert.equal(c.deadlines().current?.kind, 'stage-2-acknowledgement');
    // Acknowledged Fri 22 Jan: 25–29 Jan, 1–5, 8–12, 15–19 Feb → Fri 19 Feb.
    c.on('2027-01-22').acknowledgeStage2();
    assert.equal(c.deadline('stage-2-acknowledgement').status, 'met');
    assert.equal(c.deadline('stage-2-response').due, '2027-02-19');
    assert.equal(c.deadlines().current?.kind, 'stage-2-response');
    c.on('2027-02-19').finalResponse();
    assert.equal(c.deadline('stage-2-response').status, 'met');
    assert.equal(c.deadlines().current, null);
  });

  void it('the stage 1 deadlines keep their outcomes at stage 2', () => {
    const c = escalated();
    assert.equal(c.deadline('stage-1-response').status, 'met');
    assert.equal(c.deadline('stage-1-acknowledgement').status, 'met');
  });

  void it('association-2022: acknowledgement in 2 working days, response 20 from the request itself', () => {
    // Ack: 21, 22 Jan → Fri 22 Jan. Response: 21–22, 25–29 Jan, 1–5, 8–12 Feb, 15, 16, 17 Feb → Wed 17 Feb.
    const c = escalated(ASSOCIATION_2022);
    assert.equal(c.deadline('stage-2-acknowledgement').due, '2027-01-22');
    assert.equal(c.deadline('stage-2-response').due, '2027-02-17');
    c.on('2027-01-22').acknowledgeStage2();
    assert.equal(c.deadline('stage-2-response').due, '2027-02-17', 'does not move with the acknowledgement');
  });

  void it('the request time given, not the recording time, starts the stage 2 clock', () => {
    const c = received().on('2026-12-24').accept().on('2027-01-04').acknowledge().on('2027-01-15').respond();
    c.on('2027-01-20').escalate({ requestedAt: '2027-01-18T09:00:00Z' });
    // 5 working days after Mon 18 Jan → Mon 25 Jan.
    assert.equal(c.deadline('stage-2-acknowledgement').due, '2027-01-25');
  });

  void it('a refused escalation answers the stage 2 acknowledgement and has no response deadline', () => {
    const c = escalated().on('2027-01-26');
    c.run('refuse-escalation', {
      ground: 'already-considered',
      explanation: 'Already considered in full',
      ombudsmanDetailsGiven: true,
    });
    const ack = c.deadline('stage-2-acknowledgement');
    assert.equal(ack.completedOn, '2027-01-26');
    assert.equal(ack.status, 'met');
    assert.equal(c.hasDeadline('stage-2-response'), false);
    assert.equal(c.deadlines().current, null);
  });

  void it('stage 2 extensions move the stage 2 response only', () => {
    const c = escalated().on('2027-01-22').acknowledgeStage2().on('2027-02-10');
    c.run('extend', { newDueDate: '2027-03-05', reason: 'Independent survey', ombudsmanDetailsGiven: true });
    const d = c.deadline('stage-2-response');
    assert.equal(d.originalDue, '2027-02-19');
    assert.equal(d.due, '2027-03-05');
    assert.equal(c.deadline('stage-1-response').due, '2027-01-18');
  });

  void it('escalation after a stage 1 closure gets stage 2 deadlines', () => {
    const c = received()
      .on('2026-12-24')
      .accept()
      .on('2027-01-04')
      .acknowledge()
      .on('2027-01-15')
      .respond()
      .close();
    assert.equal(c.hasDeadline('stage-2-acknowledgement'), false);
    c.on('2027-01-20').escalate();
    assert.equal(c.deadline('stage-2-acknowledgement').due, '2027-01-27');
    assert.equal(c.deadlines().current?.kind, 'stage-2-acknowledgement');
  });
});
