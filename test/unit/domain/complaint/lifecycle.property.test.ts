import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, compareIsoDates, londonDateOf } from '../../../../src/domain/calendar/index.ts';
import { ALLOWED_IN, type CommandName } from '../../../../src/domain/complaint/decide.ts';
import { CommandRefused } from '../../../../src/domain/complaint/refusal.ts';
import { replay } from '../../../../src/domain/complaint/state.ts';
import type { Country } from '../../../../src/domain/policy/country.ts';
import { PRESETS } from '../../../../src/domain/policy/presets/index.ts';
import {
  HANDLER_1,
  HANDLER_2,
  OFFICER,
  SOMEONE_ELSE,
  decisionsFor,
  receiveCase,
  type CaseBuilder,
  type RawInput,
} from './case-builder.ts';

/** Every preset with every jurisdiction it has rules for (shown by key in counterexamples). */
const presetArb = fc
  .constantFrom(...PRESETS.flatMap((policy) => Object.keys(policy.rules).map((j) => `${policy.key}|${j}`)))
  .map((key) => {
    const [policyKey, jurisdiction] = key.split('|');
    const policy = PRESETS.find((x) => x.key === policyKey);
    assert.ok(policy);
    return { policy, country: jurisdiction as Country, toString: () => key };
  });
/** Any instant from 2024 to 2030, including nights, weekends, bank holidays and clock changes. */
const receivedArb = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const RUNS = { numRuns: 100 };

function start(p: { policy: (typeof PRESETS)[number]; country: Country }, receivedAt: string): CaseBuilder {
  return receiveCase({ policy: p.policy, receivedAt, input: { country: p.country } });
}

void describe('deadline properties, any preset, any receipt 2024–2030', () => {
  void it('the acknowledgement is due on a working day, exactly its working days after the local receipt date', () => {
    fc.assert(
      fc.property(presetArb, receivedArb, (p, receivedAt) => {
        const c = start(p, receivedAt);
        const receivedOn = londonDateOf(receivedAt);
        assert.equal(c.state.receivedOn, receivedOn);
        const ackRule = c.rules.stage1.acknowledgement;
        if (!ackRule) {
          assert.equal(c.hasDeadline('stage-1-acknowledgement'), false);
          return;
        }
        const ack = c.deadline('stage-1-acknowledgement', receivedOn);
        assert.ok(compareIsoDates(ack.due, receivedOn) >= 0);
        assert.ok(c.calendar.isWorkingDay(ack.due), `${ack.due} is a working day`);
        assert.equal(c.calendar.workingDaysBetween(receivedOn, ack.due), ackRule.workingDays);
        assert.equal(ack.status === 'on-track' || ack.status === 'due-soon', true);
      }),
      RUNS,
    );
  });

  void it('before the acknowledgement, a response running from it is never due before the acknowledgement', () => {
    fc.assert(
      fc.property(presetArb, receivedArb, (p, receivedAt) => {
        const c = start(p, receivedAt);
        const response = c.deadline('stage-1-response', c.state.receivedOn);
        assert.ok(c.calendar.isWorkingDay(response.due));
        if (c.rules.stage1.response.from === 'acknowledgement') {
          const ack = c.deadline('stage-1-acknowledgement', c.state.receivedOn);
          assert.ok(compareIsoDates(response.due, ack.due) > 0, `${response.due} after ${ack.due}`);
          assert.equal(
            c.calendar.workingDaysBetween(ack.due, response.due),
            c.rules.stage1.response.workingDays,
          );
        } else {
          assert.equal(
            c.calendar.workingDaysBetween(c.state.receivedOn, response.due),
            c.rules.stage1.response.workingDays,
          );
        }
      }),
      RUNS,
    );
  });

  void it('once acknowledged, the response runs from the actual acknowledgement date (or stays from receipt)', () => {
    fc.assert(
      fc.property(presetArb, receivedArb, fc.integer({ min: 0, max: 20 }), (p, receivedAt, delay) => {
        const c = start(p, receivedAt);
        const before = c.deadline('stage-1-response', c.state.receivedOn).due;
        const ackOn = addCalendarDays(c.state.receivedOn, delay);
        c.on(ackOn).accept().acknowledge();
        const after = c.deadline('stage-1-response');
        if (c.rules.stage1.response.from === 'acknowledgement') {
          assert.ok(compareIsoDates(after.due, ackOn) > 0);
          assert.equal(c.calendar.workingDaysBetween(ackOn, after.due), c.rules.stage1.response.workingDays);
        } else {
          assert.equal(after.due, before);
        }
      }),
      RUNS,
    );
  });

  void it('status is overdue after the due date, due-soon within 2 working days, else on-track', () => {
    fc.assert(
      fc.property(presetArb, receivedArb, fc.integer({ min: 0, max: 40 }), (p, receivedAt, offset) => {
        const c = start(p, receivedAt);
        const today = addCalendarDays(c.state.receivedOn, offset);
        const d = c.deadline('stage-1-response', today);
        assert.equal(d.workingDaysLeft, c.calendar.workingDaysBetween(today, d.due));
        const expected =
          compareIsoDates(today, d.due) > 0
            ? 'overdue'
            : (d.workingDaysLeft ?? 0) <= 2
              ? 'due-soon'
              : 'on-track';
        assert.equal(d.status, expected);
      }),
      RUNS,
    );
  });
});

/** A decision on every point; before there are points, one on a point that does not exist (still valid input). */
function someDecisions(c: CaseBuilder): RawInput<'respond'>['decisions'] {
  const all = decisionsFor(c.state);
  return all.length > 0 ? all : [{ pointId: 'P1', outcome: 'upheld', reasons: 'Because' }];
}

/** A valid input for each command; whether it is allowed depends on the state it meets. */
const INPUTS: { [K in CommandName]: (c: CaseBuilder) => RawInput<K> } = {
  accept: () => ({ timeLimitDiscretion: { reason: 'Good reason' } }),
  'not-accept': () => ({
    reasonCode: 'legal-proceedings',
    explanation: 'Claim filed',
    ombudsmanRightGiven: true,
  }),
  'record-consent': () => ({ how: 'By e-mail to the complaints team' }),
  acknowledge: () => ({ points: [{ text: 'A point' }], outcomesSought: ['An outcome'], handler: HANDLER_1 }),
  'assign-handler': () => ({ handler: HANDLER_2 }),
  'add-point': () => ({ text: 'Another point' }),
  'spin-off': () => ({ points: [{ text: 'A new matter' }], reason: 'unrelated' }),
  extend: (c) => ({
    newDueDate: addCalendarDays(c.today, 10),
    reason: 'Complex',
    goodReason: 'complexity',
    ombudsmanDetailsGiven: true,
  }),
  'record-contact': () => ({ kind: 'contact', summary: 'Spoke to the resident' }),
  respond: (c) => ({ decisions: someDecisions(c) }),
  escalate: () => ({}),
  'refuse-escalation': () => ({
    ground: 'already-considered',
    explanation: 'Already considered',
    ombudsmanDetailsGiven: true,
  }),
  'acknowledge-stage-2': () => ({ handler: HANDLER_2, lateEscalationDecision: { reason: 'Accepted late' } }),
  'final-response': (c) => ({ decisions: someDecisions(c) }),
  'complete-action': () => ({ itemId: 'R1' }),
  discontinue: () => ({
    ground: 'legal-proceedings',
    explanation: 'A claim was filed',
    ombudsmanRightGiven: true,
  }),
  withdraw: () => ({ reason: 'No longer needed' }),
  close: () => ({}),
};
const COMMANDS = Object.keys(INPUTS) as CommandName[];
/** Commands that end a case early; a guided walk gives them a small chance so walks get far. */
const ENDINGS: readonly CommandName[] = ['withdraw', 'not-accept', 'refuse-escalation', 'close'];
/** The commands that move a case on; a guided walk favours them. */
const FORWARD: readonly CommandName[] = [
  'accept',
  'acknowledge',
  'respond',
  'escalate',
  'acknowledge-stage-2',
  'final-response',
];
const STAFF = [OFFICER, HANDLER_1, HANDLER_2, SOMEONE_ELSE];

/**
 * One step of a walk. A guided step picks among the commands the state allows (so walks reach stage 2);
 * an unguided one picks any command. 'handler' means the current stage's handler gives the command.
 */
const stepArb = fc.record({
  guided: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
  pick: fc.nat(),
  actor: fc.oneof(
    { weight: 3, arbitrary: fc.constant('handler' as const) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: STAFF.length - 1 }) },
  ),
  days: fc.integer({ min: 0, max: 6 }),
});

function choose(c: CaseBuilder, step: { guided: boolean; pick: number }): CommandName {
  const allowed = COMMANDS.filter((n) => ALLOWED_IN[n].includes(c.state.status));
  const forward = allowed.find((n) => FORWARD.includes(n));
  if (step.guided && forward && step.pick % 2 === 0) return forward;
  const pool = !step.guided
    ? COMMANDS
    : step.pick % 8 === 0 || allowed.every((n) => ENDINGS.includes(n))
      ? allowed
      : allowed.filter((n) => !ENDINGS.includes(n));
  const name = pool.length > 0 ? pool[step.pick % pool.length] : COMMANDS[step.pick % COMMANDS.length];
  assert.ok(name);
  return name;
}

function attempt(c: CaseBuilder, name: CommandName): void {
  c.run(name, INPUTS[name](c), {
    newCase: { caseId: '44444444-4444-4444-8444-444444444444', reference: 'CMP-0044' },
  });
}

void describe('any sequence of commands', () => {
  void it('is either applied or refused with a CommandRefused, never changes state on refusal, and replays', () => {
    fc.assert(
      fc.property(
        presetArb,
        receivedArb,
        fc.array(stepArb, { minLength: 4, maxLength: 25 }),
        (p, receivedAt, steps) => {
          const c = start(p, receivedAt);
          let at = new Date(receivedAt).getTime();
          for (const step of steps) {
            at += step.days * 86_400_000;
            const name = choose(c, step);
            const handler = (c.state.stage === 1 ? c.state.stage1 : c.state.stage2).handler ?? OFFICER;
            c.on(new Date(at).toISOString()).as(
              step.actor === 'handler' ? handler : (STAFF[step.actor] ?? OFFICER),
            );
            const before = c.state;
            const snapshot = structuredClone(before);
            try {
              attempt(c, name);
            } catch (error) {
              assert.ok(error instanceof CommandRefused, `${name} in ${before.status}: ${String(error)}`);
              assert.equal(c.state, before);
            }
            assert.deepEqual(before, snapshot, 'decide and evolve never change the state they are given');
          }
          assert.deepEqual(replay(c.events), c.state);
          assert.equal(c.state.version, c.events.length);
          // Deadlines can always be derived, and a live case never has a deadline from a later stage as current.
          const summary = c.deadlines();
          if (summary.current?.kind.startsWith('stage-2')) assert.equal(c.state.stage, 2);
        },
      ),
      { numRuns: 80 },
    );
  });
});
