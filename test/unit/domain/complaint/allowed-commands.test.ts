import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays } from '../../../../src/domain/calendar/index.ts';
import type { StaffMember } from '../../../../src/domain/complaint/command-schemas.ts';
import { findDeadline } from '../../../../src/domain/complaint/deadlines.ts';
import {
  ALLOWED_IN,
  actorRefusal,
  allowedCommands,
  stage2HandlerRefusal,
  type CommandName,
} from '../../../../src/domain/complaint/decide.ts';
import { exclusionVerdict } from '../../../../src/domain/policy/exclusions.ts';
import { CommandRefused } from '../../../../src/domain/complaint/refusal.ts';
import { stageOf } from '../../../../src/domain/complaint/state.ts';
import type { Country } from '../../../../src/domain/policy/country.ts';
import { ONE_MANCHESTER, PRESETS } from '../../../../src/domain/policy/presets/index.ts';
import {
  HANDLER_1,
  HANDLER_2,
  OFFICER,
  SOMEONE_ELSE,
  decisionsFor,
  expectRefusal,
  receiveCase,
  type CaseBuilder,
  type RawInput,
} from './case-builder.ts';

/**
 * `allowedCommands` is what pages and the API offer. Offered must mean possible: on every state a
 * walk reaches, each offered command succeeds on a valid answer (given by the person the rules want),
 * and each command not offered is refused whatever is answered.
 */

const COMMANDS = Object.keys(ALLOWED_IN) as CommandName[];
const NEW_CASE = { caseId: '44444444-4444-4444-8444-444444444444', reference: 'CMP-0044' };

const rulesContext = (c: CaseBuilder) => ({ rules: c.rules, calendar: c.calendar, today: c.today });
const offered = (c: CaseBuilder) => allowedCommands(c.state, rulesContext(c));

/** Someone who has never acted on the case: a stage 2 handler any policy accepts. */
let fresh = 0;
function newcomer(): StaffMember {
  fresh += 1;
  return { id: `staff-new-${String(fresh)}`, name: `New Person ${String(fresh)}` };
}

/** The stage's handler, or the officer before there is one. */
const handlerOf = (c: CaseBuilder, stage: 1 | 2): StaffMember => stageOf(c.state, stage).handler ?? OFFICER;

/** A decision on every point; before there are points, one on a point that does not exist (still valid input). */
function decisions(c: CaseBuilder): RawInput<'respond'>['decisions'] {
  const all = decisionsFor(c.state);
  return all.length > 0 ? all : [{ pointId: 'P1', outcome: 'upheld', reasons: 'Because' }];
}

/** A valid answer to each command for the case as it stands, and who gives it. */
const VALID: {
  [K in CommandName]: (c: CaseBuilder) => { by: StaffMember; input: RawInput<K> };
} = {
  accept: () => ({
    by: OFFICER,
    input: { timeLimitDiscretion: { reason: 'Good reason' }, proceedWithoutConsent: { reason: 'Urgent' } },
  }),
  'not-accept': (c) => {
    const usable = c.rules.exclusionReasons.find(
      (r) => exclusionVerdict(r, c.state.country).kind !== 'not-allowed',
    );
    assert.ok(usable, 'the policy has a reason for not accepting');
    return {
      by: OFFICER,
      input: { reasonCode: usable.code, explanation: 'Outside our policy', ombudsmanRightGiven: true },
    };
  },
  'record-consent': () => ({ by: OFFICER, input: { how: 'By e-mail to the complaints team' } }),
  acknowledge: () => ({
    by: OFFICER,
    input: {
      points: [{ text: 'A point' }],
      outcomesSought: ['An outcome'],
      handler: HANDLER_1,
      proceedWithoutConsent: { reason: 'Urgent' },
    },
  }),
  'assign-handler': () => ({ by: OFFICER, input: { handler: newcomer() } }),
  'add-point': () => ({ by: OFFICER, input: { text: 'Another point' } }),
  'spin-off': () => ({ by: OFFICER, input: { points: [{ text: 'A new matter' }], reason: 'unrelated' } }),
  extend: (c) => {
    const due = findDeadline(c.deadlines(), c.state.stage === 1 ? 'stage-1-response' : 'stage-2-response');
    return {
      by: handlerOf(c, c.state.stage),
      input: {
        newDueDate: addCalendarDays(due?.due ?? c.today, 10),
        reason: 'Complex',
        goodReason: 'complexity',
        ombudsmanDetailsGiven: true,
      },
    };
  },
  'record-contact': () => ({ by: OFFICER, input: { kind: 'contact', summary: 'Spoke to the resident' } }),
  respond: (c) => ({ by: handlerOf(c, 1), input: { decisions: decisions(c) } }),
  escalate: () => ({ by: OFFICER, input: { directReason: 'complex' } }),
  'refuse-escalation': () => ({
    by: OFFICER,
    input: { ground: 'already-considered', explanation: 'Already considered', ombudsmanDetailsGiven: true },
  }),
  'acknowledge-stage-2': (c) => ({
    by: OFFICER,
    input: {
      handler: newcomer(),
      lateEscalationDecision: { reason: 'Accepted late' },
      ...(c.state.points.length ? {} : { points: [{ text: 'A point' }] }),
    },
  }),
  'final-response': (c) => ({ by: handlerOf(c, 2), input: { decisions: decisions(c) } }),
  'complete-action': (c) => ({
    by: OFFICER,
    input: { itemId: c.state.items.find((i) => i.completedOn === null)?.id ?? 'R1' },
  }),
  discontinue: () => ({
    by: OFFICER,
    input: { ground: 'legal-proceedings', explanation: 'A claim was filed', ombudsmanRightGiven: true },
  }),
  withdraw: () => ({ by: OFFICER, input: { reason: 'No longer needed' } }),
  close: () => ({ by: OFFICER, input: {} }),
};

/** Runs a command with a valid answer, on the case itself or (dry) on a copy. */
function attempt(c: CaseBuilder, name: CommandName, dry: boolean): void {
  const { by, input } = VALID[name](c);
  c.as(by);
  if (dry) c.decide(name, input, { newCase: NEW_CASE });
  else c.run(name, input, { newCase: NEW_CASE });
}

/** Every preset with every jurisdiction it has rules for (shown by key in counterexamples). */
const presetArb = fc
  .constantFrom(...PRESETS.flatMap((policy) => Object.keys(policy.rules).map((j) => `${policy.key}|${j}`)))
  .map((key) => {
    const [policyKey, jurisdiction] = key.split('|');
    const policy = PRESETS.find((x) => x.key === policyKey);
    assert.ok(policy);
    return { policy, country: jurisdiction as Country, toString: () => key };
  });
const receivedArb = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
/** A representative or none: consent is one of the things a state can still need. */
const representativeArb = fc.constantFrom(
  undefined,
  { name: 'Jo Relative', relationship: 'relative' as const, consentHeld: false },
  { name: 'Cllr Patel', relationship: 'councillor' as const, consentHeld: false },
);
const stepArb = fc.record({ pick: fc.nat(), days: fc.integer({ min: 0, max: 12 }) });

void describe('allowedCommands: what is offered is exactly what the rules allow', () => {
  void it('on any state a walk of offered commands reaches, every offered command succeeds and every other is refused', () => {
    fc.assert(
      fc.property(
        presetArb,
        receivedArb,
        representativeArb,
        fc.array(stepArb, { minLength: 1, maxLength: 14 }),
        (p, receivedAt, representative, steps) => {
          const c = receiveCase({
            policy: p.policy,
            receivedAt,
            input: { country: p.country, ...(representative ? { representative } : {}) },
          });
          let at = new Date(receivedAt).getTime();
          for (const step of steps) {
            at += step.days * 86_400_000;
            c.on(new Date(at).toISOString());
            const allowed = offered(c);
            for (const name of COMMANDS) {
              if (allowed.includes(name)) {
                assert.doesNotThrow(
                  () => {
                    attempt(c, name, true);
                  },
                  `${name} is offered in ${c.state.status} under ${String(p)}`,
                );
              } else {
                assert.throws(
                  () => {
                    attempt(c, name, true);
                  },
                  CommandRefused,
                  `${name} is not offered in ${c.state.status} under ${String(p)}`,
                );
              }
            }
            // Walk on by an offered command; the record stays open, so there is always one.
            const next = allowed[step.pick % allowed.length];
            assert.ok(next, `something is offered in ${c.state.status}`);
            attempt(c, next, false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  void it('applies the status table', () => {
    const c = receiveCase();
    for (const name of offered(c)) assert.ok(ALLOWED_IN[name].includes('received'), name);
    assert.ok(offered(c).includes('accept'));
    assert.ok(!offered(c).includes('respond'));
  });

  void it('does not offer escalation of a case closed after its final response', () => {
    const c = receiveCase();
    c.on('2026-12-24').accept().acknowledge();
    c.on('2027-01-05').respond();
    c.on('2027-01-06').escalate();
    c.on('2027-01-07').acknowledgeStage2();
    c.on('2027-01-20').finalResponse({ remedies: [], actions: [] });
    c.on('2027-01-21').close();
    assert.equal(c.state.status, 'closed');
    assert.ok(!offered(c).includes('escalate'));
    expectRefusal('wrong-state', () => c.decide('escalate', {}));
  });

  void it('offers completing a remedy or action only while one is left', () => {
    const none = receiveCase();
    none.on('2026-12-24').accept().acknowledge();
    none.on('2027-01-05').respond({ remedies: [], actions: [] });
    assert.equal(none.state.items.length, 0);
    assert.ok(!offered(none).includes('complete-action'));
    expectRefusal('nothing-to-complete', () => none.decide('complete-action', { itemId: 'R1' }));

    const one = receiveCase();
    one.on('2026-12-24').accept().acknowledge();
    one
      .on('2027-01-05')
      .respond({ remedies: [], actions: [{ description: 'Fix the door', dueDate: '2027-01-20' }] });
    assert.ok(offered(one).includes('complete-action'));
    one.on('2027-01-06').run('complete-action', { itemId: 'A1' });
    assert.ok(!offered(one).includes('complete-action'));
    expectRefusal('nothing-to-complete', () => one.decide('complete-action', { itemId: 'A1' }));
  });

  void it('agrees with the rules on who may handle stage 2: never the stage 1 handler; under One Manchester, nobody who acted at stage 1', () => {
    for (const policy of [PRESETS[0], ONE_MANCHESTER]) {
      assert.ok(policy);
      const c = receiveCase({ policy, receivedAt: '2026-03-02T10:00:00Z' });
      c.on('2026-03-03').as(OFFICER).accept().acknowledge({ handler: HANDLER_1 });
      c.as(SOMEONE_ELSE).run('record-contact', { kind: 'contact', summary: 'Called the resident' });
      c.on('2026-03-10').respond();
      c.on('2026-03-11').as(HANDLER_2).escalate();
      for (const person of [OFFICER, HANDLER_1, HANDLER_2, SOMEONE_ELSE, newcomer()]) {
        const refusal = stage2HandlerRefusal(c.state, person, c.rules);
        let refused: CommandRefused | null = null;
        try {
          c.as(OFFICER).decide('acknowledge-stage-2', { handler: person });
        } catch (error) {
          assert.ok(error instanceof CommandRefused);
          refused = error;
        }
        assert.equal(refused?.code ?? null, refusal?.code ?? null, `${person.name} under ${policy.key}`);
      }
      assert.ok(stage2HandlerRefusal(c.state, HANDLER_1, c.rules), 'the stage 1 handler, always');
      assert.equal(
        stage2HandlerRefusal(c.state, SOMEONE_ELSE, c.rules) !== null,
        policy.key === ONE_MANCHESTER.key,
        'someone who acted at stage 1, under One Manchester only',
      );
      assert.equal(
        stage2HandlerRefusal(c.state, HANDLER_2, c.rules),
        null,
        'asking for stage 2 is not acting',
      );
    }
  });

  void it('offers a response only to the stage’s handler, as decide requires', () => {
    const c = receiveCase();
    c.on('2026-12-24').accept().acknowledge({ handler: HANDLER_1 });
    assert.ok(offered(c).includes('respond'));
    for (const person of [OFFICER, HANDLER_1, HANDLER_2]) {
      const refusal = actorRefusal(c.state, 'respond', person);
      let code: string | null = null;
      try {
        c.as(person).decide('respond', { decisions: decisionsFor(c.state) });
      } catch (error) {
        assert.ok(error instanceof CommandRefused);
        code = error.code;
      }
      assert.equal(code, refusal?.code ?? null, person.name);
      assert.equal(refusal === null, person.id === HANDLER_1.id, person.name);
    }
    for (const command of COMMANDS.filter((n) => n !== 'respond' && n !== 'final-response')) {
      assert.equal(actorRefusal(c.state, command, OFFICER), null, command);
    }
  });
});
