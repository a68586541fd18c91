/**
 * Test support for the complaint lifecycle: builds a case under a policy preset with a clock the test
 * sets, applying each command through the real `decide` and `evolve`, so a test reads as a story:
 *
 *   const c = receiveCase({ receivedAt: '2026-12-23T10:00:00Z' });
 *   c.on('2026-12-24').accept().acknowledge();
 *   c.on('2027-01-08').respond();
 *
 * Command inputs go through the command's zod schema first, so defaults apply as they do in the API.
 */
import assert from 'node:assert/strict';
import type { z } from 'zod';
import {
  calendarFor,
  londonDateOf,
  type IsoDate,
  type WorkingDayCalendar,
} from '../../../../src/domain/calendar/index.ts';
import {
  COMMAND_SCHEMAS,
  receiveSchema,
  type StaffMember,
} from '../../../../src/domain/complaint/command-schemas.ts';
import {
  deriveDeadlines,
  findDeadline,
  type Deadline,
  type DeadlineKind,
  type DeadlineSummary,
} from '../../../../src/domain/complaint/deadlines.ts';
import {
  decide,
  type CommandInputs,
  type CommandName,
  type ComplaintCommand,
  type DecisionContext,
} from '../../../../src/domain/complaint/decide.ts';
import type { ComplaintEvent, ComplaintReceived } from '../../../../src/domain/complaint/events.ts';
import { receiveComplaint, rulesFor, type ReceiveCommand } from '../../../../src/domain/complaint/receive.ts';
import { divisionOf } from '../../../../src/domain/policy/country.ts';
import { CommandRefused } from '../../../../src/domain/complaint/refusal.ts';
import { evolve, type ComplaintState } from '../../../../src/domain/complaint/state.ts';
import type { Policy, RuleSet } from '../../../../src/domain/policy/policy-schema.ts';
import { HOS_CODE_2024 } from '../../../../src/domain/policy/presets/index.ts';

// The cast of staff.
export const RECEPTIONIST: StaffMember = { id: 'staff-rita', name: 'Rita Reception' };
export const OFFICER: StaffMember = { id: 'staff-olu', name: 'Olu Officer' };
export const HANDLER_1: StaffMember = { id: 'staff-hana', name: 'Hana Handler' };
export const HANDLER_2: StaffMember = { id: 'staff-dev', name: 'Dev Director' };
export const SOMEONE_ELSE: StaffMember = { id: 'staff-sam', name: 'Sam Other' };

/** A staff id the schemas accept, standing in for the members the rules are given directly. */
const ANY_STAFF_ID = '00000000-0000-4000-8000-00000000ffff';

type WithMembers<T> = T extends { handler?: unknown }
  ? Omit<T, 'handler'> & { handler?: StaffMember | undefined }
  : T;

/**
 * What a caller types: the schema's input, before defaults, with people as staff members (the use
 * case resolves the API's staff references before the rules see them; that is tested through it).
 */
export type RawInput<K extends CommandName> = WithMembers<z.input<(typeof COMMAND_SCHEMAS)[K]>>;
export type RawReceiveInput = Omit<z.input<typeof receiveSchema>, 'receivedBy'> & {
  receivedBy?: StaffMember;
};

/** A command's input through its schema (defaults, checks), keeping the staff member it names. */
export function parseCommand<K extends CommandName>(name: K, input: RawInput<K>): CommandInputs[K] {
  const { handler, ...rest } = input as { handler?: StaffMember };
  const parsed = COMMAND_SCHEMAS[name].parse(
    handler ? { ...rest, handler: { staffId: ANY_STAFF_ID } } : rest,
  ) as Record<string, unknown>;
  return (handler ? { ...parsed, handler } : parsed) as CommandInputs[K];
}

/** A date alone means midday UTC that day, which is the same London date in winter and in summer. */
export function instant(when: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T12:00:00Z` : when);
}

/** A plain receipt: a named resident phones about a repair, the issue happening the day it is received. */
export function receiptInput(receivedAt: string, overrides: Partial<RawReceiveInput> = {}): RawReceiveInput {
  return {
    receivedAt,
    channel: 'phone',
    receivedBy: RECEPTIONIST,
    issueDate: londonDateOf(receivedAt),
    issueDateKind: 'occurred',
    complainant: { kind: 'named', name: 'Pat Resident', contact: { email: 'pat@example.com' } },
    serviceArea: 'repairs',
    summary: 'The boiler repair appointment was missed twice',
    ...overrides,
  };
}

export interface ReceiveOptions {
  policy?: Policy;
  /** Default 2026-12-23T10:00:00Z, a Wednesday before Christmas. */
  receivedAt?: string;
  /** The clock when the receipt is recorded; default the moment received. */
  now?: string;
  input?: Partial<RawReceiveInput>;
  caseId?: string;
  reference?: string;
}

/** Runs `receiveComplaint` as the API would (schema first), returning the event or throwing the refusal. */
export function receive(options: ReceiveOptions = {}): ComplaintReceived {
  const policy = options.policy ?? HOS_CODE_2024;
  const receivedAt = options.receivedAt ?? '2026-12-23T10:00:00Z';
  const { receivedBy, ...raw } = receiptInput(receivedAt, options.input);
  const input: ReceiveCommand = { ...receiveSchema.parse(raw), receivedBy: receivedBy ?? OFFICER };
  return receiveComplaint(input, {
    caseId: options.caseId ?? '00000000-0000-4000-8000-000000000001',
    reference: options.reference ?? 'CMP-0001',
    policy,
    actor: OFFICER,
    now: instant(options.now ?? receivedAt),
    calendarFor: (_rules, country) => calendarFor(divisionOf(country)),
  });
}

export function receiveCase(options: ReceiveOptions = {}): CaseBuilder {
  return new CaseBuilder(options.policy ?? HOS_CODE_2024, receive(options));
}

export class CaseBuilder {
  readonly events: ComplaintEvent[];
  state: ComplaintState;
  readonly rules: RuleSet;
  readonly calendar: WorkingDayCalendar;
  now: Date;
  actor: StaffMember = OFFICER;

  constructor(
    readonly policy: Policy,
    received: ComplaintReceived,
  ) {
    this.events = [received];
    this.state = evolve(null, received);
    this.rules = rulesFor(policy, this.state.country);
    this.calendar = calendarFor(divisionOf(this.state.country));
    this.now = new Date(received.data.receivedAt);
  }

  /** Moves the clock: a date (midday UTC) or an instant. */
  on(when: string): this {
    this.now = instant(when);
    return this;
  }

  /** The member of staff giving the next commands. */
  as(actor: StaffMember): this {
    this.actor = actor;
    return this;
  }

  get today(): IsoDate {
    return londonDateOf(this.now);
  }

  context(extra: Partial<DecisionContext> = {}): DecisionContext {
    return {
      policy: this.policy,
      rules: this.rules,
      calendar: this.calendar,
      actor: this.actor,
      now: this.now,
      ...extra,
    };
  }

  /** Decides without applying: the events, or a thrown CommandRefused. */
  decide<K extends CommandName>(
    name: K,
    input: RawInput<K>,
    extra: Partial<DecisionContext> = {},
  ): ComplaintEvent[] {
    return decide(
      this.state,
      { name, input: parseCommand(name, input) } as ComplaintCommand,
      this.context(extra),
    );
  }

  /** Decides and applies; returns the events recorded. */
  run<K extends CommandName>(
    name: K,
    input: RawInput<K>,
    extra: Partial<DecisionContext> = {},
  ): ComplaintEvent[] {
    const emitted = this.decide(name, input, extra);
    for (const event of emitted) this.apply(event);
    return emitted;
  }

  /** Applies an event as given (for histories `decide` would not produce, such as imported cases). */
  apply(event: ComplaintEvent): this {
    this.events.push(event);
    this.state = evolve(this.state, event);
    return this;
  }

  /** Asserts the command is refused with `code`, and returns the refusal for further checks. */
  refused<K extends CommandName>(
    code: string,
    name: K,
    input: RawInput<K>,
    extra: Partial<DecisionContext> = {},
  ): CommandRefused {
    return expectRefusal(code, () => this.decide(name, input, extra));
  }

  // Story steps with sensible inputs.

  accept(input: RawInput<'accept'> = {}): this {
    this.run('accept', input);
    return this;
  }

  acknowledge(input: Partial<RawInput<'acknowledge'>> = {}): this {
    this.run('acknowledge', {
      points: [{ text: 'The repair appointment was missed twice' }, { text: 'Nobody called back' }],
      outcomesSought: ['The boiler fixed this week'],
      handler: this.state.stage1.handler ? undefined : HANDLER_1,
      ...input,
    });
    return this;
  }

  /** The stage 1 handler responds, upholding every point. */
  respond(input: Partial<RawInput<'respond'>> = {}): this {
    return this.asHandler(1, () => this.run('respond', { decisions: decisionsFor(this.state), ...input }));
  }

  escalate(input: RawInput<'escalate'> = {}): this {
    this.run('escalate', input);
    return this;
  }

  acknowledgeStage2(input: RawInput<'acknowledge-stage-2'> = {}): this {
    this.run('acknowledge-stage-2', { handler: this.state.stage2.handler ? undefined : HANDLER_2, ...input });
    return this;
  }

  /** The stage 2 handler sends the final response, upholding every point. */
  finalResponse(input: Partial<RawInput<'final-response'>> = {}): this {
    return this.asHandler(2, () =>
      this.run('final-response', { decisions: decisionsFor(this.state), ...input }),
    );
  }

  close(): this {
    this.run('close', {});
    return this;
  }

  private asHandler(stage: 1 | 2, step: () => void): this {
    const handler = (stage === 1 ? this.state.stage1 : this.state.stage2).handler;
    assert.ok(handler, `the case has a stage ${stage} handler`);
    const previous = this.actor;
    this.actor = handler;
    try {
      step();
    } finally {
      this.actor = previous;
    }
    return this;
  }

  deadlines(today: IsoDate = this.today): DeadlineSummary {
    return deriveDeadlines(this.state, this.rules, this.calendar, today);
  }

  deadline(kind: DeadlineKind, today: IsoDate = this.today): Deadline {
    const found = findDeadline(this.deadlines(today), kind);
    assert.ok(found, `the case has a ${kind} deadline`);
    return found;
  }

  hasDeadline(kind: DeadlineKind): boolean {
    return findDeadline(this.deadlines(), kind) !== undefined;
  }
}

/** A decision on every point of the case, all upheld. */
export function decisionsFor(state: ComplaintState): RawInput<'respond'>['decisions'] {
  return state.points.map((p) => ({
    pointId: p.id,
    outcome: 'upheld' as const,
    reasons: `We got ${p.id} wrong`,
  }));
}

/** Asserts `act` throws a CommandRefused with `code`, and returns it. */
export function expectRefusal(code: string, act: () => unknown): CommandRefused {
  let caught: unknown;
  try {
    act();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof CommandRefused, `expected a refusal '${code}', got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.ok(caught.message.length > 20, `the message says why: "${caught.message}"`);
  return caught;
}

/** The one event of `type` among `events`. */
export function only<T extends ComplaintEvent['type']>(
  events: readonly ComplaintEvent[],
  type: T,
): Extract<ComplaintEvent, { type: T }> {
  const found = events.filter((e): e is Extract<ComplaintEvent, { type: T }> => e.type === type);
  assert.equal(found.length, 1, `exactly one ${type} event in ${events.map((e) => e.type).join(', ')}`);
  return found[0] as Extract<ComplaintEvent, { type: T }>;
}
