import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEvent } from '../../../../src/domain/complaint/describe-event.ts';
import type { ComplaintEvent, ComplaintEventType } from '../../../../src/domain/complaint/events.ts';
import { ASSOCIATION_2022 } from '../../../../src/domain/policy/presets/index.ts';
import { HANDLER_1, receiveCase } from './case-builder.ts';

/** Every event type; a Record so the compiler says when a new one is added. */
const ALL_TYPES: Record<ComplaintEventType, true> = {
  'complaint-received': true,
  'complaint-accepted': true,
  'complaint-not-accepted': true,
  'consent-recorded': true,
  'complaint-acknowledged': true,
  'late-escalation-accepted': true,
  'handler-assigned': true,
  'point-added': true,
  'linked-complaint-created': true,
  'deadline-extended': true,
  'contact-recorded': true,
  'response-sent': true,
  'escalation-requested': true,
  'escalation-refused': true,
  'item-completed': true,
  'complaint-discontinued': true,
  'complaint-withdrawn': true,
  'complaint-closed': true,
};

/** Stories that between them produce every event type, through the real lifecycle. */
function everyEvent(): ComplaintEvent[] {
  // association-2022, so a late escalation can be accepted.
  const full = receiveCase({ policy: ASSOCIATION_2022, input: { channel: 'social-media' } })
    .on('2026-12-24')
    .accept();
  full.run('assign-handler', { handler: HANDLER_1 });
  full.on('2026-12-29').acknowledge();
  full.run('add-point', { text: 'The engineer left a mess' });
  full.run(
    'spin-off',
    { points: [{ text: 'Rent account error' }], reason: 'unrelated' },
    {
      newCase: { caseId: '55555555-5555-4555-8555-555555555555', reference: 'CMP-0055' },
    },
  );
  full.run('record-contact', { kind: 'contact', summary: 'Called Pat' });
  full.run('record-contact', { kind: 'note', summary: 'Checked the job log' });
  full
    .on('2027-01-08')
    .run('extend', { newDueDate: '2027-01-15', reason: 'Waiting for a report', ombudsmanDetailsGiven: true });
  full
    .on('2027-01-15')
    .respond({ remedies: [{ kind: 'apology', description: 'Apology', dueDate: '2027-01-18' }] });
  full.run('complete-action', { itemId: 'R1' });
  full.on('2027-03-01').escalate();
  full.acknowledgeStage2({ lateEscalationDecision: { reason: 'The resident was in hospital' } });
  full.on('2027-03-10').finalResponse().close();

  const notAccepted = receiveCase().on('2026-12-24');
  notAccepted.run('not-accept', {
    reasonCode: 'already-considered',
    explanation: 'We answered this in June',
    ombudsmanRightGiven: true,
  });
  const refused = receiveCase().on('2026-12-24').accept().acknowledge().respond().escalate();
  refused.run('refuse-escalation', {
    ground: 'already-considered',
    explanation: 'Nothing new raised',
    ombudsmanDetailsGiven: true,
  });
  const withdrawn = receiveCase();
  withdrawn.run('withdraw', { reason: 'Sorted by the contractor' });
  const inCourt = receiveCase({
    input: { representative: { name: 'Jo Relative', relationship: 'relative', consentHeld: false } },
  });
  inCourt.on('2026-12-24').run('record-consent', { how: 'Signed form by post' });
  inCourt.accept().acknowledge();
  inCourt.run('discontinue', {
    ground: 'legal-proceedings',
    explanation: 'A claim about the same repair was filed at court on 20 December',
    ombudsmanRightGiven: true,
  });

  return [
    ...full.events,
    ...notAccepted.events.slice(1),
    ...refused.events.slice(-2),
    ...withdrawn.events.slice(1),
    ...inCourt.events.filter((e) => e.type === 'consent-recorded' || e.type === 'complaint-discontinued'),
  ];
}

void describe('describeEvent', () => {
  const events = everyEvent();

  void it('the stories cover every event type', () => {
    assert.deepEqual(new Set(events.map((e) => e.type)), new Set(Object.keys(ALL_TYPES)));
  });

  void it('gives a non-empty line of plain words for every event', () => {
    for (const event of events) {
      const line = describeEvent(event);
      assert.equal(typeof line, 'string');
      assert.ok(line.trim().length > 5, `${event.type}: "${line}"`);
      assert.doesNotMatch(line, /undefined|null|\[object/, `${event.type}: "${line}"`);
      assert.ok(!line.includes('\n'), 'one line');
    }
  });

  void it('says what happened, with the details that matter', () => {
    const line = (type: ComplaintEventType, index = 0) => {
      const found = events.filter((e) => e.type === type)[index];
      assert.ok(found, type);
      return describeEvent(found);
    };
    assert.equal(line('complaint-received'), 'Complaint received by social media (taken by Rita Reception)');
    assert.equal(line('complaint-accepted'), 'Accepted as a complaint');
    assert.equal(
      line('complaint-not-accepted'),
      'Not accepted (already-considered): We answered this in June',
    );
    assert.equal(line('complaint-acknowledged'), 'Stage 1 acknowledged with 2 points defined');
    assert.equal(line('complaint-acknowledged', 1), 'Stage 2 acknowledged');
    assert.equal(line('handler-assigned'), 'Hana Handler assigned to handle stage 1');
    assert.equal(line('point-added'), 'Point P3 added: The engineer left a mess');
    assert.equal(line('linked-complaint-created'), 'New linked complaint CMP-0055 created (unrelated)');
    assert.equal(
      line('deadline-extended'),
      'Stage 1 response date extended from 11 January 2027 to 15 January 2027: Waiting for a report',
    );
    assert.equal(line('contact-recorded'), 'Contact: Called Pat');
    assert.equal(line('contact-recorded', 1), 'Note: Checked the job log');
    assert.equal(line('response-sent'), 'Stage 1 response sent');
    assert.equal(line('response-sent', 1), 'Final (stage 2) response sent');
    assert.equal(line('escalation-requested'), 'Escalation to stage 2 requested after the escalation window');
    assert.equal(line('escalation-requested', 1), 'Escalation to stage 2 requested');
    assert.equal(line('late-escalation-accepted'), 'Late escalation accepted: The resident was in hospital');
    assert.equal(
      line('escalation-refused'),
      'Escalation refused (already considered under the complaints process): Nothing new raised',
    );
    assert.equal(line('item-completed'), 'R1 completed on 15 January 2027');
    assert.equal(
      line('consent-recorded'),
      'The resident’s consent to their representative recorded: Signed form by post',
    );
    assert.equal(
      line('complaint-discontinued'),
      'Taken out of the complaints process because legal proceedings started: A claim about the same repair was filed at court on 20 December',
    );
    assert.equal(line('complaint-withdrawn'), 'Withdrawn: Sorted by the contractor');
    assert.equal(line('complaint-closed'), 'Complaint closed');
  });

  void it('an acceptance using discretion says so', () => {
    const c = receiveCase({ input: { issueDate: '2025-01-01' } }).accept({
      timeLimitDiscretion: { reason: 'Hospital stay' },
    });
    const accepted = c.events[1];
    assert.ok(accepted);
    assert.equal(describeEvent(accepted), 'Accepted outside the time limit using discretion: Hospital stay');
  });
});

void describe('describeEvent: handler assignments', () => {
  const at = '2026-03-02T10:00:00.000Z';
  const actor = { id: 'a', name: 'Priya Shah' };
  const event = (data: Record<string, unknown>) =>
    ({
      type: 'handler-assigned',
      at,
      actor,
      data: { stage: 1, handler: { id: 'h2', name: 'Tom Okafor' }, ...data },
    }) as ComplaintEvent;

  void it('says who the case moved from and why, when the event records it', () => {
    assert.equal(
      describeEvent(event({ previous: { id: 'h1', name: 'Aisha Begum' }, reason: 'Aisha is on leave' })),
      'Reassigned from Aisha Begum to Tom Okafor: Aisha is on leave',
    );
    assert.equal(
      describeEvent(event({ previous: { id: 'h1', name: 'Aisha Begum' } })),
      'Reassigned from Aisha Begum to Tom Okafor',
    );
  });

  void it('reads events stored before assignments had a reason as before', () => {
    assert.equal(describeEvent(event({})), 'Tom Okafor assigned to handle stage 1');
    assert.equal(
      describeEvent(event({ reason: 'New team' })),
      'Tom Okafor assigned to handle stage 1: New team',
    );
  });
});
