import { compareIsoDates, londonDateOf, type IsoDate, type WorkingDayCalendar } from '../calendar/index.ts';
import { addPeriod } from '../policy/period.ts';
import type { Policy, RuleSet } from '../policy/policy-schema.ts';
import { COUNTRIES, COUNTRY_NAMES, type Country } from '../policy/country.ts';
import { channelSchema, type ReceiveInput, type StaffMember } from './command-schemas.ts';
import type { WithStaff } from './staff-refs.ts';
import type { ComplaintState } from './state.ts';
import type { ComplaintReceived, PolicyRef } from './events.ts';
import { refuse } from './refusal.ts';

export interface ReceiveContext {
  caseId: string;
  reference: string;
  policy: Policy;
  actor: StaffMember;
  now: Date;
  calendarFor: (rules: RuleSet, country: Country) => WorkingDayCalendar;
}

/** A receipt as the rules see it: who took it is a staff member (the one logging it, if not said). */
export type ReceiveCommand = Omit<WithStaff<ReceiveInput>, 'receivedBy'> & { receivedBy: StaffMember };

/** Clock skew tolerated between a client's "received at" and the server's clock. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export function rulesFor(policy: Policy, country: Country): RuleSet {
  return (
    policy.rules[country] ??
    refuse(
      'no-rules-for-country',
      `The policy "${policy.name}" has no rules for ${COUNTRY_NAMES[country]}. It covers ${COUNTRIES.filter(
        (c) => policy.rules[c],
      )
        .map((c) => COUNTRY_NAMES[c])
        .join(', ')}`,
      'country',
    )
  );
}

/** The last day a complaint about an issue on `issueDate` is within the policy's time limit. */
export function timeLimitEnds(
  rules: RuleSet,
  calendar: WorkingDayCalendar,
  issueDate: IsoDate,
): IsoDate | null {
  return rules.timeLimit ? addPeriod(calendar, issueDate, rules.timeLimit.period) : null;
}

export function receiveComplaint(input: ReceiveCommand, ctx: ReceiveContext): ComplaintReceived {
  const country = input.country ?? ctx.policy.defaultCountry;
  const rules = rulesFor(ctx.policy, country);
  const calendar = ctx.calendarFor(rules, country);
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    refuse('received-in-future', 'The date and time received cannot be in the future', 'receivedAt');
  }
  const receivedOn = londonDateOf(receivedAt);
  if (compareIsoDates(input.issueDate, receivedOn) > 0) {
    refuse(
      'issue-after-receipt',
      'The date of the issue must be on or before the date received',
      'issueDate',
    );
  }
  const exception = input.timeLimitException;
  if (exception !== undefined && !rules.timeLimit?.exceptions.some((e) => e.code === exception)) {
    const allowed = rules.timeLimit?.exceptions.map((e) => e.code).join(', ') || 'none';
    refuse(
      'unknown-time-limit-exception',
      `"${exception}" is not an exception to this policy's time limit (allowed: ${allowed})`,
      'timeLimitException',
    );
  }
  const ends = timeLimitEnds(rules, calendar, input.issueDate);
  const policyRef: PolicyRef = { key: ctx.policy.key, version: ctx.policy.version };
  // Received then, recorded now: later actions may be dated back to the receipt, not before it.
  const at = new Date(Math.min(receivedAt.getTime(), ctx.now.getTime())).toISOString();
  return {
    type: 'complaint-received',
    at,
    recordedAt: ctx.now.toISOString(),
    actor: ctx.actor,
    data: {
      caseId: ctx.caseId,
      reference: ctx.reference,
      policy: policyRef,
      receivedAt: receivedAt.toISOString(),
      channel: input.channel,
      receivedBy: input.receivedBy,
      issueDate: input.issueDate,
      issueDateKind: input.issueDateKind,
      complainant: input.complainant,
      ...(input.representative ? { representative: input.representative } : {}),
      collectiveMembers: input.collectiveMembers ?? [],
      country,
      serviceArea: input.serviceArea,
      serviceType: input.serviceType ?? 'all',
      ...(input.category !== undefined ? { category: input.category } : {}),
      summary: input.summary,
      ...(exception !== undefined ? { timeLimitException: exception } : {}),
      timeLimit: ends
        ? { ends, outside: exception === undefined && compareIsoDates(receivedOn, ends) > 0 }
        : null,
      ...(input.linkedFrom ? { linkedFrom: input.linkedFrom } : {}),
    },
  };
}

/** The receipt of a new complaint spun off from `parent`: same people and service, raised today. */
export function linkedComplaintInput(
  parent: ComplaintState,
  points: readonly { text: string }[],
  actor: StaffMember,
  now: Date,
): ReceiveCommand {
  return {
    receivedAt: now.toISOString(),
    channel: channelSchema.parse(parent.channel),
    receivedBy: actor,
    issueDate: londonDateOf(now),
    issueDateKind: 'became-aware',
    complainant: parent.complainant,
    ...(parent.representative ? { representative: parent.representative } : {}),
    collectiveMembers: parent.collectiveMembers,
    country: parent.country,
    serviceArea: parent.serviceArea,
    serviceType: parent.serviceType,
    summary: `Raised during complaint ${parent.reference}: ${points.map((p) => p.text).join('; ')}`,
    linkedFrom: parent.caseId,
  };
}
