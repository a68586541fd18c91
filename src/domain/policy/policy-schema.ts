import { z } from 'zod';
import { countryFromLegacy, countrySchema } from './country.ts';
import {
  customExternalBodySchema,
  EXTERNAL_BODIES,
  EXTERNAL_BODY_IDS,
  externalBodyIdSchema,
} from './external-bodies.ts';

/**
 * A landlord's complaint policy as data. Every figure the lifecycle uses comes from here, so
 * that each landlord's own policy runs as written and the compliance check can compare it with
 * the Code. Periods are working days unless the unit says otherwise.
 */

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
  /**
   * When the resident is given the Ombudsman's details with an extension: with every one (Code 6.5,
   * 6.16), or only when no new date can be agreed (seeds 001 and 004). PutRight gives them every time.
   */
  ombudsmanDetails: z.enum(['every-extension', 'when-no-new-date-agreed']).default('every-extension'),
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
  /**
   * New points raised at stage 2: added to it, or made a new complaint (One Manchester 5.5.10,
   * Homes Plus §10). With 'new-complaint', staff are offered the spin-off instead.
   */
  newPoints: z.enum(['add-to-stage-2', 'new-complaint']).default('add-to-stage-2'),
});

export const escalationWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('after-stage-1-response'), period: periodSchema }),
  z.object({ kind: z.literal('after-receipt'), period: periodSchema }),
  /** SPSO: 6 months from the event or 2 months from the stage 1 response, whichever is later. */
  z.object({ kind: z.literal('later-of'), afterEvent: periodSchema, afterStage1Response: periodSchema }),
]);
export type EscalationWindow = z.infer<typeof escalationWindowSchema>;

const labelled = z.object({ code, label: z.string().min(1) });

/**
 * A way out of the landlord's process to an external body, and when it applies. A case shows every
 * route for its service type and every route for all services, unless a route for its type replaces
 * them (`instead`). A leaseholder's service-charge complaint has two: the Ombudsman and the tribunal.
 */
export const externalRouteSchema = z.object({
  /** 'all' or a service type code such as 'care' or 'leasehold-service-charges'. */
  serviceType: z.union([z.literal('all'), code]),
  /** A body from PutRight's list (its details kept current there), or one the policy describes. */
  body: z.union([externalBodyIdSchema, customExternalBodySchema]),
  /** When the resident can go there, in plain words. */
  when: z.string().min(1),
  instead: z.boolean().default(false),
});
export type ExternalRoute = z.infer<typeof externalRouteSchema>;

/**
 * The benchmark's rules a policy document can be silent on. The preset then runs the benchmark's
 * value, and records the silence so that the compliance check can say "not stated: the Code's value
 * applies" rather than pretend the landlord chose it. (Where the benchmark sets nothing, such as a
 * survey's timing, a preset's default is simply PutRight's and is commented as such.)
 */
export const SILENT_FIELDS = [
  'stage1.acknowledgement',
  'stage1.response',
  'stage1.extension',
  'stage2.acknowledgement',
  'stage2.response',
  'stage2.extension',
  'stage2.handler',
  'escalation.window',
  'timeLimit',
  'timeLimit.discretion',
] as const;
export type SilentField = (typeof SILENT_FIELDS)[number];

export const ruleSetSchema = z
  .object({
    stage1: stage1Schema,
    stage2: stage2Schema,
    escalation: z.object({
      window: escalationWindowSchema.nullable(),
      reasonsRequired: z.boolean(),
      /**
       * Someone who decides whether a complaint goes to stage 2 at all (Peaks & Plains §6.3.2). The
       * Code allows no such gate (5.11, 6.10): PutRight escalates on request and reports it.
       */
      gate: z
        .object({ description: z.string().min(1) })
        .nullable()
        .default(null),
      /** SPSO: a complex complaint, or one the resident asks, may go straight to stage 2. */
      directToStage2: z.boolean().default(false),
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
    /**
     * What the written policy says that its benchmark forbids and PutRight will not run, kept so the
     * compliance check can report it: exclusions for unacceptable behaviour (Code 5.15).
     */
    setAside: z.object({ exclusionReasons: z.array(labelled) }).default({ exclusionReasons: [] }),
    externalRoutes: z.array(externalRouteSchema).min(1),
    /** One Manchester 4.1, Peaks & Plains §8.2: the resident's consent before dealing with a representative. */
    representatives: z.object({ consentBeforeDealing: z.boolean() }).default({ consentBeforeDealing: false }),
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
    notStated: z.array(z.enum(SILENT_FIELDS)).default([]),
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
    if (!rules.externalRoutes.some((b) => b.serviceType === 'all')) {
      ctx.addIssue({
        code: 'custom',
        path: ['externalRoutes'],
        message: "Name the external body for all services (serviceType 'all')",
      });
    }
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;

export const OUTSIDE_TIME_LIMIT = 'outside-time-limit';

const currentPolicySchema = z
  .object({
    key: code,
    version: z.number().int().min(1),
    effectiveFrom: isoDate,
    name: z.string().min(1),
    landlord: z.string().min(1),
    /** Where the rules come from (the seed document, the Code, ...). */
    source: z.string().min(1),
    defaultCountry: countrySchema,
    /** A rule set for each country the landlord works in (Homes Plus: England and Scotland). */
    rules: z.partialRecord(countrySchema, ruleSetSchema),
  })
  .superRefine((policy, ctx) => {
    if (!policy.rules[policy.defaultCountry]) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', policy.defaultCountry],
        message: `The policy needs rules for its default country, ${policy.defaultCountry}`,
      });
    }
  });

/** Names the policies stored before bodies had ids used for them; anything else stays as written. */
const LEGACY_BODY_NAMES: Record<string, (typeof EXTERNAL_BODY_IDS)[number]> = Object.fromEntries(
  EXTERNAL_BODY_IDS.map((id) => [EXTERNAL_BODIES[id].name, id]),
);

/**
 * Policy versions are kept as adopted. Those stored before countries were separated from calendars
 * (rules keyed by 'england-and-wales', `defaultJurisdiction`) and before external bodies were routes
 * are read into the current shape here; everything added since has a default.
 */
function upgradeLegacyPolicy(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('defaultJurisdiction' in raw)) return raw;
  const { defaultJurisdiction, rules, ...rest } = raw as {
    defaultJurisdiction: string;
    rules: Record<string, Record<string, unknown>>;
  };
  const upgraded: Record<string, unknown> = {};
  for (const [jurisdiction, ruleSet] of Object.entries(rules)) {
    const { externalBodies, ...others } = ruleSet as {
      externalBodies?: { serviceType: string; name: string; contact: string }[];
    };
    upgraded[countryFromLegacy(jurisdiction)] = {
      ...others,
      externalRoutes: (externalBodies ?? []).map((b) => ({
        serviceType: b.serviceType,
        body: LEGACY_BODY_NAMES[b.name] ?? { name: b.name, contact: b.contact },
        when:
          b.serviceType === 'all'
            ? 'After the landlord’s final response, or if the complaint is not being dealt with'
            : `For complaints about ${b.serviceType.replace(/-/g, ' ')}`,
      })),
    };
  }
  return { ...rest, defaultCountry: countryFromLegacy(defaultJurisdiction), rules: upgraded };
}

export const policySchema = z.preprocess(upgradeLegacyPolicy, currentPolicySchema);
export type Policy = z.infer<typeof currentPolicySchema>;
/** A policy as written, before defaults: what a policy file or preset may leave out. */
export type PolicyInput = z.input<typeof currentPolicySchema>;
