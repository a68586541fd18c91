import { z } from 'zod';

/**
 * A landlord's complaint policy as data. Every figure the lifecycle uses comes from here, so
 * that each landlord's own policy runs as written and the compliance check can compare it with
 * the Code. Periods are working days unless the unit says otherwise.
 */

export const jurisdictionSchema = z.enum(['england-and-wales', 'scotland', 'northern-ireland']);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');
const days = z.number().int().min(0).max(366);
const code = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case words joined by hyphens');

export const periodSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('working-days'), value: days }),
  z.object({ unit: z.literal('calendar-days'), value: days }),
  z.object({ unit: z.literal('months'), value: z.number().int().min(1).max(120) }),
]);
export type Period = z.infer<typeof periodSchema>;

const extensionSchema = z.object({
  /** Most working days a deadline may move without a recorded good reason; null means no cap. */
  capWorkingDays: days.nullable(),
});

const stage1Schema = z.object({
  /** null: no separate acknowledgement (SPSO: the stage 1 response is the acknowledgement). */
  acknowledgement: z.object({ workingDays: days, from: z.literal('receipt') }).nullable(),
  /** Seed 001: anonymous complaints are recorded but not acknowledged. */
  acknowledgeAnonymous: z.boolean(),
  response: z.object({ workingDays: days, from: z.enum(['receipt', 'acknowledgement']) }),
  /** Seed 004: the investigating manager contacts the resident within 3 working days of the ack. */
  firstContact: z.object({ workingDays: days, from: z.literal('acknowledgement') }).nullable(),
  extension: extensionSchema,
  /** An early-resolution step ("quick fix"); the Code allows it only inside stage 1. */
  earlyResolution: z
    .object({ name: z.string().min(1), workingDays: days, withinStage1: z.boolean() })
    .nullable(),
});

const stage2Schema = z.object({
  acknowledgement: z.object({ workingDays: days, from: z.literal('escalation-request') }).nullable(),
  response: z.object({
    workingDays: days,
    from: z.enum(['acknowledgement', 'escalation-request']),
  }),
  extension: extensionSchema,
  handler: z.object({
    /** Plain words for staff, e.g. "the Chief Executive (Operations Director in their absence)". */
    description: z.string().min(1),
    mayBeStage1Handler: z.boolean(),
    /** One Manchester: "a senior manager not previously involved". */
    excludeAnyoneInvolvedAtStage1: z.boolean(),
  }),
  /** One Manchester: a refusal to escalate is also decided within 5 working days. */
  escalationDecision: z.object({ workingDays: days }).nullable(),
});

export const escalationWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('after-stage-1-response'), period: periodSchema }),
  z.object({ kind: z.literal('after-receipt'), period: periodSchema }),
  /** SPSO: 6 months from the event or 2 months from the stage 1 response, whichever is later. */
  z.object({ kind: z.literal('later-of'), afterEvent: periodSchema, afterStage1Response: periodSchema }),
]);
export type EscalationWindow = z.infer<typeof escalationWindowSchema>;

const labelled = z.object({ code, label: z.string().min(1) });

export const externalBodySchema = z.object({
  /** 'all' or a service type code such as 'care' or 'leasehold-service-charges'. */
  serviceType: z.union([z.literal('all'), code]),
  name: z.string().min(1),
  contact: z.string().min(1),
});
export type ExternalBody = z.infer<typeof externalBodySchema>;

export const ruleSetSchema = z
  .object({
    stage1: stage1Schema,
    stage2: stage2Schema,
    escalation: z.object({
      window: escalationWindowSchema.nullable(),
      reasonsRequired: z.boolean(),
    }),
    timeLimit: z
      .object({
        period: periodSchema,
        from: z.literal('issue-or-awareness'),
        exceptions: z.array(labelled),
        discretion: z.boolean(),
      })
      .nullable(),
    exclusionReasons: z.array(labelled).min(1),
    /** Ordered: the first matching service type wins, then 'all'. */
    externalBodies: z.array(externalBodySchema).min(1),
    survey: z
      .object({
        afterClosure: periodSchema,
        method: z.string().min(1),
        dissatisfiedCallBackWorkingDays: days.nullable(),
      })
      .nullable(),
    restrictions: z.object({
      warningFirst: z.boolean(),
      maxMonths: z.number().int().min(1).max(60).nullable(),
      appealDecisionWorkingDays: days.nullable(),
      neverRestricted: z.array(z.string().min(1)),
    }),
    ombudsman: z.object({
      informationRequestWorkingDays: days,
      notifyBoardWorkingDays: days.nullable(),
    }),
    suggestionOutcome: periodSchema.nullable(),
    reportingRhythm: z.array(z.string().min(1)),
  })
  .superRefine((rules, ctx) => {
    if (rules.stage1.response.from === 'acknowledgement' && rules.stage1.acknowledgement === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['stage1', 'response', 'from'],
        message: 'The stage 1 response cannot run from an acknowledgement the policy does not have',
      });
    }
    if (rules.stage2.response.from === 'acknowledgement' && rules.stage2.acknowledgement === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['stage2', 'response', 'from'],
        message: 'The stage 2 response cannot run from an acknowledgement the policy does not have',
      });
    }
    if (rules.timeLimit && !rules.exclusionReasons.some((r) => r.code === OUTSIDE_TIME_LIMIT)) {
      ctx.addIssue({
        code: 'custom',
        path: ['exclusionReasons'],
        message: `A policy with a time limit needs the exclusion reason '${OUTSIDE_TIME_LIMIT}'`,
      });
    }
    if (!rules.externalBodies.some((b) => b.serviceType === 'all')) {
      ctx.addIssue({
        code: 'custom',
        path: ['externalBodies'],
        message: "Name the external body for all services (serviceType 'all')",
      });
    }
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;

export const OUTSIDE_TIME_LIMIT = 'outside-time-limit';

export const policySchema = z
  .object({
    key: code,
    version: z.number().int().min(1),
    effectiveFrom: isoDate,
    name: z.string().min(1),
    landlord: z.string().min(1),
    /** Where the rules come from (the seed document, the Code, ...). */
    source: z.string().min(1),
    defaultJurisdiction: jurisdictionSchema,
    rules: z.partialRecord(jurisdictionSchema, ruleSetSchema),
  })
  .superRefine((policy, ctx) => {
    if (!policy.rules[policy.defaultJurisdiction]) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', policy.defaultJurisdiction],
        message: `The policy needs rules for its default jurisdiction, ${policy.defaultJurisdiction}`,
      });
    }
  });
export type Policy = z.infer<typeof policySchema>;
