import {
  CHANNELS,
  DIRECT_TO_STAGE_2_REASONS,
  DISCONTINUE_GROUNDS,
  ESCALATION_REFUSAL_GROUNDS,
  GOOD_REASONS,
  OUTCOME_NAMES,
  OUTCOMES,
  REMEDY_KINDS,
  SPIN_OFF_REASONS,
  type StaffMember,
  type StaffRef,
} from '../../domain/complaint/command-schemas.ts';
import type { CommandName } from '../../domain/complaint/decide.ts';
import { dateFromInput } from '../../platform/web/date-input.ts';
import type { FormValues } from '../../platform/web/forms.ts';
import type { ComplaintView } from '../complaints/complaint.presenter.ts';
import {
  anyAnswered,
  lines,
  optional,
  penceFrom,
  ticked,
  type Choice,
  type FieldSpec,
} from './case-form-fields.ts';
import { codeInWords, formatDate } from './case-format.ts';
import { instantOfLondon, isIsoDate } from '../../domain/calendar/index.ts';

/** What a form needs to draw itself and read its answers. */
export interface ActionContext {
  view: ComplaintView;
  /** Staff who can be given the case to handle. */
  staff: StaffMember[];
  /** The policy's reasons for not accepting a complaint (for this case's country). */
  exclusionReasons: { code: string; label: string }[];
  today: string;
}

/** A form's answers as the command's input, and where each input path's problems are shown. */
export interface ReadForm {
  input: unknown;
  /** The form field for an input path like `decisions.0.reasons`; the path's first part by default. */
  fieldOf?(path: string): string | undefined;
  /** The answers read, so that a date's error can be worded for its boxes as typed. */
  values?: FormValues;
  /** A problem's words for an input path, naming which of several alike (point 2, remedy 3). */
  reword?(path: string, message: string): string;
}

export interface ActionForm {
  title: string;
  button: string;
  /** The success banner on the case page. */
  done: string;
  intro?(ctx: ActionContext): string | undefined;
  /** The fields, given the answers so far (a form that grows rows counts them from the answers). */
  fields(ctx: ActionContext, values?: FormValues): FieldSpec[];
  /** Kinds of row the form's "Add another" buttons add (`add=<kind>` redraws it with one more). */
  addsRows?: readonly string[];
  defaults?(ctx: ActionContext): FormValues;
  read(values: FormValues, ctx: ActionContext): ReadForm;
  /** What to say when a field's answer is missing or unreadable and the schema only says "Invalid input". */
  missing?: Record<string, string>;
  /** For a field answered from a list the page offers: what to say for any answer the schema refuses. */
  choiceMessages?: Record<string, string>;
}

const NO_CHOICE: Choice = { value: '', text: 'Choose…' };

const handlerField = (ctx: ActionContext, label: string, hint?: string): FieldSpec => ({
  type: 'select',
  name: 'handler',
  label,
  ...(hint ? { hint } : {}),
  items: [NO_CHOICE, ...ctx.staff.map((s) => ({ value: s.id, text: s.name }))],
});

/** A staff id no account has: what a choice that is not on the list is read as, for the schema to refuse. */
const NOT_ON_THE_LIST = 'not-on-the-list';

/**
 * The handler chosen as a staff account, none when left blank. Someone not on the list (disabled
 * meanwhile, no longer able to take the stage, or a forged value) is refused, never silently dropped.
 */
const chosenStaff = (values: FormValues, ctx: ActionContext): StaffRef | undefined =>
  values.handler
    ? { staffId: ctx.staff.some((s) => s.id === values.handler) ? values.handler : NOT_ON_THE_LIST }
    : undefined;

const SELECT_A_HANDLER = { handler: 'Select a handler from the list' };

/** "When was it done?": a date, blank for today; the same reading as the escalation date. */
const occurredField = (legend: string): FieldSpec => ({
  type: 'date',
  name: 'occurredOn',
  legend,
  hint: 'Leave blank if it was today. For example, 27 3 2026',
});

/**
 * A date alone as an instant: today means now; an earlier day is the end of that London day, so
 * something done that day is never put before what was recorded earlier the same day. A date that
 * does not exist is passed on as typed, for the schema to refuse.
 */
function instantFromDate(values: FormValues, name: string, today: string): string | undefined {
  const date = dateFromInput(values, name);
  if (date === undefined || date === today) return undefined;
  return isIsoDate(date) ? instantOfLondon(date, '23:59').toISOString() : date;
}

const occurredFrom = (values: FormValues, ctx: ActionContext) =>
  instantFromDate(values, 'occurredOn', ctx.today);

/** Where the policy wants the resident's consent first and it is not held: why go ahead anyway. */
const consentField = (ctx: ActionContext): FieldSpec[] =>
  ctx.view.flags.consentNeededFirst
    ? [
        {
          type: 'textarea',
          name: 'proceedWithoutConsent',
          label: 'Why go ahead before the resident’s consent is held?',
          hint: `The policy asks for the resident’s consent before dealing with ${ctx.view.representative?.name ?? 'their representative'}. Record the consent instead if you have it.`,
        },
      ]
    : [];

const consentFrom = (values: FormValues) => {
  const reason = optional(values, 'proceedWithoutConsent');
  return reason ? { proceedWithoutConsent: { reason } } : {};
};

const REFUSAL_GROUND_WORDS: Record<(typeof ESCALATION_REFUSAL_GROUNDS)[number], string> = {
  'outside-escalation-window': 'The request came after the policy’s window, and discretion was considered',
  'legal-proceedings': 'Legal proceedings have started',
  'already-considered': 'The matter has already been considered under the complaints process',
  'policy-exclusion': 'Another exclusion in the policy',
};

const DIRECT_REASON_WORDS: Record<(typeof DIRECT_TO_STAGE_2_REASONS)[number], string> = {
  complex: 'It is complex and needs a full investigation',
  'resident-asked': 'The resident asked for it to go straight to stage 2',
};

const ombudsmanConfirm = (name: string, label: string): FieldSpec => ({
  type: 'confirm',
  name,
  legend: 'Ombudsman details',
  label,
});

const confirmed = (values: FormValues, name: string): true | undefined =>
  values[name] === 'yes' ? true : undefined;

const asPoints = (texts: string[]) => texts.map((text) => ({ text }));

const outstandingItems = (ctx: ActionContext) =>
  ctx.view.remediesAndActions.filter((item) => item.completedOn === null);

const joinSentences = (...sentences: (string | undefined)[]) => sentences.filter(Boolean).join(' ');

/**
 * Where the policy counts the response time from the acknowledgement, acknowledging sets the
 * response date: say which date, so that backdating or delaying it is a conscious choice.
 */
function responseMoves(ctx: ActionContext, stage: 1 | 2): string | undefined {
  const clock = stage === 1 ? ctx.view.responseClock.stage1 : ctx.view.responseClock.stage2;
  if (!clock.dueIfAcknowledgedToday) return undefined;
  return `The policy gives ${clock.workingDays} working days for the stage ${stage} response from the acknowledgement, so the response date is set by the date you give below: acknowledged today, the response is due on ${formatDate(clock.dueIfAcknowledgedToday)}.`;
}

/** Stage 1 not yet answered: an escalation now is either overdue or direct. */
const unanswered = (ctx: ActionContext) => ['received', 'accepted', 'stage-1'].includes(ctx.view.status);

const SPIN_OFF_WORDS: Record<(typeof SPIN_OFF_REASONS)[number], string> = {
  unrelated: 'They are not related to this complaint',
  'raised-after-response': 'They were raised after the response was sent',
  'would-unreasonably-delay': 'Including them would unreasonably delay the response',
};

/** The API's limits on a response's remedies and actions: the form offers as many rows. */
export const MAX_ROWS = 50;
const rows = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/**
 * How many remedy (or action) rows the response form shows: the count it carried, or more if rows
 * beyond it were answered, one more after "Add another" (GOV.UK add another, without JavaScript),
 * at least one and at most the API's limit.
 */
function rowCount(values: FormValues, kind: 'remedy' | 'action'): number {
  const answered = Object.keys(values)
    .map((name) => new RegExp(`^${kind}-(\\d+)-`).exec(name)?.[1])
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n <= MAX_ROWS);
  const carried = Number(values[`${kind}Rows`]);
  const count = Math.max(1, Number.isSafeInteger(carried) ? carried : 1, ...answered);
  return Math.min(MAX_ROWS, count + (values.add === kind ? 1 : 0));
}

/** The hidden row count, and the "Add another" button while the limit allows one more. */
function addAnother(kind: 'remedy' | 'action', count: number): FieldSpec[] {
  return [
    { type: 'hidden', name: `${kind}Rows`, value: String(count) },
    ...(count < MAX_ROWS
      ? [{ type: 'add', name: 'add', value: kind, text: `Add another ${kind}` } as const]
      : []),
  ];
}

function responseForm(stage: 1 | 2): ActionForm {
  return {
    title: stage === 1 ? 'Send the stage 1 response' : 'Send the final response',
    button: stage === 1 ? 'Record stage 1 response' : 'Record final response',
    done: stage === 1 ? 'Stage 1 response recorded' : 'Final response recorded',
    intro: () =>
      'Give a decision with reasons on every point of the complaint. Remedies and actions are optional: fill in a row for each one, and add another row for each more.',
    addsRows: ['remedy', 'action'],
    fields: (ctx, values = {}) => [
      ...ctx.view.points.map((point, i): FieldSpec => ({
        type: 'fieldset',
        legend: `Point ${point.id}: ${point.text}`,
        fields: [
          {
            type: 'radios',
            name: `decision-${i}-outcome`,
            legend: `Decision on point ${point.id}`,
            inline: true,
            items: OUTCOMES.map((o) => ({ value: o, text: OUTCOME_NAMES[o] })),
          },
          {
            type: 'textarea',
            name: `decision-${i}-reasons`,
            label: `Reasons for the decision on point ${point.id}`,
            rows: 3,
          },
        ],
      })),
      ...rows(rowCount(values, 'remedy')).map((row): FieldSpec => ({
        type: 'fieldset',
        legend: `Remedy ${row} (optional)`,
        fields: [
          {
            type: 'select',
            name: `remedy-${row}-kind`,
            label: `Kind of remedy ${row}`,
            items: [NO_CHOICE, ...REMEDY_KINDS.map((k) => ({ value: k, text: codeInWords(k) }))],
          },
          { type: 'text', name: `remedy-${row}-description`, label: `What remedy ${row} is` },
          {
            type: 'text',
            name: `remedy-${row}-amount`,
            label: `Amount of remedy ${row}, if financial`,
            prefix: '£',
            width: 'govuk-input--width-10',
          },
          { type: 'date', name: `remedy-${row}-due`, legend: `When remedy ${row} is due` },
        ],
      })),
      ...addAnother('remedy', rowCount(values, 'remedy')),
      ...rows(rowCount(values, 'action')).map((row): FieldSpec => ({
        type: 'fieldset',
        legend: `Action ${row} (optional)`,
        hint: 'Something the landlord will do to put things right, with the date it is due.',
        fields: [
          { type: 'text', name: `action-${row}-description`, label: `What action ${row} is` },
          { type: 'date', name: `action-${row}-due`, legend: `When action ${row} is due` },
        ],
      })),
      ...addAnother('action', rowCount(values, 'action')),
      { type: 'textarea', name: 'learning', label: 'What the landlord has learned (optional)', rows: 3 },
      occurredField('When was the response sent?'),
    ],
    read: (values, ctx) => {
      const remedyRows = rows(rowCount(values, 'remedy')).filter((row) =>
        anyAnswered(
          values,
          ['kind', 'description', 'amount', 'due-day', 'due-month', 'due-year'].map(
            (f) => `remedy-${row}-${f}`,
          ),
        ),
      );
      const actionRows = rows(rowCount(values, 'action')).filter((row) =>
        anyAnswered(
          values,
          ['description', 'due-day', 'due-month', 'due-year'].map((f) => `action-${row}-${f}`),
        ),
      );
      const input = {
        decisions: ctx.view.points.map((point, i) => ({
          pointId: point.id,
          outcome: optional(values, `decision-${i}-outcome`),
          reasons: values[`decision-${i}-reasons`] ?? '',
        })),
        remedies: remedyRows.map((row) => ({
          kind: optional(values, `remedy-${row}-kind`),
          description: values[`remedy-${row}-description`] ?? '',
          amountPence: penceFrom(values, `remedy-${row}-amount`),
          dueDate: dateFromInput(values, `remedy-${row}-due`),
        })),
        actions: actionRows.map((row) => ({
          description: values[`action-${row}-description`] ?? '',
          dueDate: dateFromInput(values, `action-${row}-due`),
        })),
        learning: optional(values, 'learning'),
        occurredAt: occurredFrom(values, ctx),
      };
      const ITEM_FIELDS: Record<string, string> = {
        kind: 'kind',
        description: 'description',
        amountPence: 'amount',
        dueDate: 'due',
      };
      const which = (list: string | undefined, i: number): string | undefined => {
        const point = list === 'decisions' ? ctx.view.points[i] : undefined;
        if (point) return `point ${point.id}`;
        const row = list === 'remedies' ? remedyRows[i] : list === 'actions' ? actionRows[i] : undefined;
        return row === undefined ? undefined : `${list === 'remedies' ? 'remedy' : 'action'} ${row}`;
      };
      return {
        input,
        reword: (path, message) => {
          const [list, index] = path.split('.');
          const named = index === undefined ? undefined : which(list, Number(index));
          if (!named) return message;
          const plain = message.replace(/\.$/, '');
          return list === 'decisions' ? `${plain} on ${named}` : `${plain} (${named})`;
        },
        fieldOf: (path) => {
          const [list, index, field] = path.split('.');
          const i = Number(index ?? 0);
          if (list === 'decisions') return `decision-${i}-${field === 'reasons' ? 'reasons' : 'outcome'}`;
          if (list === 'remedies')
            return `remedy-${remedyRows[i] ?? 1}-${ITEM_FIELDS[field ?? 'kind'] ?? 'kind'}`;
          if (list === 'actions')
            return `action-${actionRows[i] ?? 1}-${ITEM_FIELDS[field ?? 'description'] ?? 'description'}`;
          if (list === 'occurredAt') return 'occurredOn';
          return undefined;
        },
      };
    },
    missing: { amount: 'Enter the amount in pounds, like 50 or 25.50' },
  };
}

/** Each form's reading also keeps the answers it read (see `ReadForm.values`). */
function keepingAnswers<T extends Record<string, ActionForm>>(forms: T): T {
  const kept = Object.entries(forms).map(([command, form]) => [
    command,
    { ...form, read: (values: FormValues, ctx: ActionContext) => ({ ...form.read(values, ctx), values }) },
  ]);
  return Object.fromEntries(kept) as T;
}

/** One form per lifecycle command: the fields it shows and how its answers become the command's input. */
export const ACTION_FORMS: { readonly [K in CommandName]: ActionForm } = keepingAnswers({
  accept: {
    title: 'Accept the complaint',
    button: 'Accept complaint',
    done: 'Complaint accepted',
    intro: (ctx) =>
      ctx.view.flags.outsideTimeLimit
        ? `This complaint came in after the policy’s time limit (${formatDate(ctx.view.flags.timeLimitEnds)}). You can still accept it: record why you are using discretion.`
        : 'Accepting it starts the stage 1 process. Next, acknowledge it and define the complaint.',
    fields: (ctx) => [
      ...(ctx.view.flags.outsideTimeLimit
        ? [
            {
              type: 'textarea',
              name: 'discretionReason',
              label: 'Why are you using discretion to accept it?',
            } as const,
          ]
        : []),
      ...consentField(ctx),
      occurredField('When was it accepted?'),
    ],
    read: (values, ctx) => {
      const reason = optional(values, 'discretionReason');
      return {
        input: {
          ...(reason ? { timeLimitDiscretion: { reason } } : {}),
          ...consentFrom(values),
          occurredAt: occurredFrom(values, ctx),
        },
        fieldOf: (path) =>
          path.startsWith('timeLimitDiscretion')
            ? 'discretionReason'
            : path === 'occurredAt'
              ? 'occurredOn'
              : path.split('.')[0],
      };
    },
  },

  'record-consent': {
    title: 'Record the resident’s consent',
    button: 'Record consent',
    done: 'Consent recorded',
    intro: (ctx) =>
      `The resident’s consent for ${ctx.view.representative?.name ?? 'their representative'} to act for them.`,
    fields: () => [
      { type: 'textarea', name: 'how', label: 'How did the resident give their consent?', rows: 3 },
      occurredField('When was the consent received?'),
    ],
    read: (values, ctx) => ({
      input: { how: values.how ?? '', occurredAt: occurredFrom(values, ctx) },
      fieldOf: (path) => (path === 'occurredAt' ? 'occurredOn' : undefined),
    }),
  },

  'not-accept': {
    title: 'Do not accept the complaint',
    button: 'Record decision',
    done: 'Complaint recorded as not accepted',
    fields: (ctx) => [
      {
        type: 'radios',
        name: 'reasonCode',
        legend: 'Why is it not accepted?',
        hint: 'The reasons your policy allows.',
        items: ctx.exclusionReasons.map((r) => ({ value: r.code, text: r.label })),
      },
      { type: 'textarea', name: 'explanation', label: 'The explanation given to the resident' },
      ombudsmanConfirm(
        'ombudsmanRightGiven',
        'The resident was told they can take this decision to the Ombudsman',
      ),
      occurredField('When was the resident told?'),
    ],
    read: (values, ctx) => ({
      input: {
        reasonCode: optional(values, 'reasonCode'),
        explanation: values.explanation ?? '',
        ombudsmanRightGiven: confirmed(values, 'ombudsmanRightGiven'),
        occurredAt: occurredFrom(values, ctx),
      },
      fieldOf: (path) => (path === 'occurredAt' ? 'occurredOn' : undefined),
    }),
  },

  acknowledge: {
    title: 'Acknowledge and define the complaint',
    button: 'Acknowledge complaint',
    done: 'Complaint acknowledged',
    intro: (ctx) =>
      joinSentences(
        'Set out your understanding of the complaint and the outcomes the resident wants.',
        responseMoves(ctx, 1),
      ),
    fields: (ctx) => [
      {
        type: 'textarea',
        name: 'points',
        label: 'Points of complaint',
        hint: 'One point on each line.',
        rows: 5,
      },
      {
        type: 'textarea',
        name: 'outcomesSought',
        label: 'Outcomes the resident wants',
        hint: 'One on each line.',
        rows: 3,
      },
      {
        type: 'textarea',
        name: 'notLandlordResponsibility',
        label: 'Anything that is not the landlord’s responsibility (optional)',
        hint: 'One on each line.',
        rows: 3,
      },
      handlerField(ctx, 'Who will handle it at stage 1?'),
      ...consentField(ctx),
      occurredField('When was the acknowledgement sent?'),
    ],
    defaults: (ctx) => ({ handler: ctx.view.handlers.stage1?.id ?? '' }),
    read: (values, ctx) => ({
      input: {
        points: asPoints(lines(values, 'points')),
        outcomesSought: lines(values, 'outcomesSought'),
        notLandlordResponsibility: lines(values, 'notLandlordResponsibility'),
        handler: chosenStaff(values, ctx),
        occurredAt: occurredFrom(values, ctx),
        ...consentFrom(values),
      },
      fieldOf: (path) => (path === 'occurredAt' ? 'occurredOn' : undefined),
    }),
    missing: SELECT_A_HANDLER,
    choiceMessages: SELECT_A_HANDLER,
  },

  'assign-handler': {
    title: 'Assign a handler',
    button: 'Assign handler',
    done: 'Handler assigned',
    fields: (ctx) => [
      handlerField(ctx, `Who will handle it at stage ${ctx.view.stage}?`),
      {
        type: 'textarea',
        name: 'reason',
        label: 'Reason for the change (optional)',
        hint: 'For example, the handler is on leave. It is shown on the case’s timeline.',
        rows: 2,
      },
    ],
    read: (values, ctx) => ({
      input: { handler: chosenStaff(values, ctx), reason: optional(values, 'reason') },
    }),
    missing: SELECT_A_HANDLER,
    choiceMessages: SELECT_A_HANDLER,
  },

  'add-point': {
    title: 'Add a point of complaint',
    button: 'Add point',
    done: 'Point added',
    fields: () => [{ type: 'textarea', name: 'text', label: 'The point of complaint', rows: 3 }],
    read: (values) => ({ input: { text: values.text ?? '' } }),
  },

  'spin-off': {
    title: 'Make a new linked complaint',
    button: 'Create linked complaint',
    done: 'New linked complaint created',
    intro: () =>
      'New points that cannot be dealt with in this complaint become a new complaint, linked to this one.',
    fields: () => [
      {
        type: 'textarea',
        name: 'points',
        label: 'Points for the new complaint',
        hint: 'One point on each line.',
        rows: 4,
      },
      {
        type: 'radios',
        name: 'reason',
        legend: 'Why do they become a new complaint?',
        items: SPIN_OFF_REASONS.map((r) => ({ value: r, text: SPIN_OFF_WORDS[r] })),
      },
    ],
    read: (values) => ({
      input: { points: asPoints(lines(values, 'points')), reason: optional(values, 'reason') },
    }),
  },

  extend: {
    title: 'Extend the response date',
    button: 'Extend response date',
    done: 'Response date extended',
    intro: (ctx) => {
      const current = ctx.view.currentDeadline;
      if (!current) return undefined;
      const limit = ctx.view.extensionLimit;
      const due = `The response is due on ${formatDate(current.due)}.`;
      if (!limit) return due;
      if (limit.latestWithoutGoodReason === null)
        return `${due} The policy sets no limit on how far it can be extended.`;
      const days = `${limit.capWorkingDays} working ${limit.capWorkingDays === 1 ? 'day' : 'days'}`;
      return `${due} Without a good reason, the policy allows a new date up to ${formatDate(limit.latestWithoutGoodReason)} (${days} after the original date, ${formatDate(limit.originalDue)}).`;
    },
    fields: () => [
      { type: 'date', name: 'newDueDate', legend: 'New response date', hint: 'For example, 27 3 2026' },
      { type: 'textarea', name: 'reason', label: 'Reason for the extension', rows: 3 },
      {
        type: 'radios',
        name: 'goodReason',
        legend: 'Good reason (only to go beyond the policy’s limit on extensions)',
        items: [
          { value: '', text: 'Not needed' },
          ...GOOD_REASONS.map((r) => ({ value: r, text: codeInWords(r) })),
        ],
      },
      ombudsmanConfirm('ombudsmanDetailsGiven', 'The resident was given the Ombudsman’s contact details'),
      { type: 'text', name: 'updateInterval', label: 'How often the resident will be updated (optional)' },
      occurredField('When was the resident told of the new date?'),
    ],
    defaults: () => ({ goodReason: '' }),
    read: (values, ctx) => ({
      input: {
        newDueDate: dateFromInput(values, 'newDueDate'),
        reason: values.reason ?? '',
        goodReason: optional(values, 'goodReason'),
        ombudsmanDetailsGiven: confirmed(values, 'ombudsmanDetailsGiven'),
        updateInterval: optional(values, 'updateInterval'),
        occurredAt: occurredFrom(values, ctx),
      },
      fieldOf: (path) => (path === 'occurredAt' ? 'occurredOn' : undefined),
    }),
  },

  'record-contact': {
    title: 'Record a contact or note',
    button: 'Save',
    done: 'Contact recorded',
    fields: () => [
      {
        type: 'radios',
        name: 'kind',
        legend: 'Is this a contact with the resident or a note?',
        items: [
          { value: 'contact', text: 'Contact with the resident' },
          { value: 'note', text: 'Note' },
        ],
      },
      {
        type: 'radios',
        name: 'direction',
        legend: 'Who made the contact? (optional)',
        inline: true,
        items: [
          { value: 'inbound', text: 'The resident' },
          { value: 'outbound', text: 'We did' },
        ],
      },
      {
        type: 'select',
        name: 'channel',
        label: 'How? (optional)',
        items: [
          { value: '', text: 'Not applicable' },
          ...CHANNELS.map((c) => ({ value: c, text: codeInWords(c) })),
        ],
      },
      { type: 'textarea', name: 'summary', label: 'Summary', rows: 5 },
      occurredField('When did it happen?'),
    ],
    read: (values, ctx) => ({
      input: {
        kind: optional(values, 'kind'),
        direction: optional(values, 'direction'),
        channel: optional(values, 'channel'),
        summary: values.summary ?? '',
        occurredAt: occurredFrom(values, ctx),
      },
      fieldOf: (path) => (path === 'occurredAt' ? 'occurredOn' : undefined),
    }),
  },

  respond: responseForm(1),

  escalate: {
    title: 'Escalate to stage 2',
    button: 'Record escalation',
    done: 'Escalation to stage 2 recorded',
    intro: (ctx) =>
      unanswered(ctx)
        ? ctx.view.deadlines.stage1Response?.status === 'overdue'
          ? 'The stage 1 response is overdue, so the resident can take the complaint to stage 2 now. You cannot require reasons for it.'
          : 'There is no stage 1 response yet. The policy lets a complaint go straight to stage 2 when it is complex or the resident asks. You cannot require reasons for it.'
        : 'Record the resident’s request. You cannot require reasons for it, even where the policy asks for them.',
    fields: (ctx) => [
      {
        type: 'date',
        name: 'requestedAt',
        legend: 'When did the resident ask to escalate?',
        hint: 'Leave blank if it was today. For example, 27 3 2026',
      },
      ...(unanswered(ctx) && ctx.view.deadlines.stage1Response?.status !== 'overdue'
        ? [
            {
              type: 'radios',
              name: 'directReason',
              legend: 'Why does it go straight to stage 2?',
              items: DIRECT_TO_STAGE_2_REASONS.map((r) => ({ value: r, text: DIRECT_REASON_WORDS[r] })),
            } as const,
          ]
        : []),
      { type: 'textarea', name: 'reason', label: 'Their reasons, if they gave any (optional)', rows: 3 },
    ],
    read: (values, ctx) => ({
      input: {
        requestedAt: instantFromDate(values, 'requestedAt', ctx.today),
        reason: optional(values, 'reason'),
        directReason: optional(values, 'directReason'),
      },
    }),
  },

  'refuse-escalation': {
    title: 'Refuse the escalation',
    button: 'Refuse escalation',
    done: 'Escalation refused',
    intro: () =>
      'A complaint must go to stage 2 when the resident asks, unless one of these grounds applies. Not giving reasons is never one.',
    fields: (ctx) => [
      {
        type: 'radios',
        name: 'ground',
        legend: 'On what ground is the escalation refused?',
        items: ESCALATION_REFUSAL_GROUNDS.filter(
          (g) => g !== 'outside-escalation-window' || ctx.view.escalation?.outsideWindow,
        ).map((g) => ({ value: g, text: REFUSAL_GROUND_WORDS[g] })),
      },
      {
        type: 'select',
        name: 'exclusionCode',
        label: 'Which exclusion in the policy? (for another exclusion only)',
        items: [
          NO_CHOICE,
          ...ctx.exclusionReasons
            .filter(
              (r) => !['outside-time-limit', 'legal-proceedings', 'already-considered'].includes(r.code),
            )
            .map((r) => ({ value: r.code, text: r.label })),
        ],
      },
      {
        type: 'textarea',
        name: 'discretionConsidered',
        label: 'How did you consider using discretion to accept the late request? (for a late request only)',
        rows: 3,
      },
      { type: 'textarea', name: 'explanation', label: 'The explanation given to the resident', rows: 4 },
      ombudsmanConfirm('ombudsmanDetailsGiven', 'The resident was given the Ombudsman’s contact details'),
      occurredField('When was the resident told?'),
    ],
    read: (values, ctx) => ({
      input: {
        ground: optional(values, 'ground'),
        exclusionCode: optional(values, 'exclusionCode'),
        discretionConsidered: optional(values, 'discretionConsidered'),
        explanation: values.explanation ?? '',
        ombudsmanDetailsGiven: confirmed(values, 'ombudsmanDetailsGiven'),
        occurredAt: occurredFrom(values, ctx),
      },
      fieldOf: (path) => (path === 'occurredAt' ? 'occurredOn' : undefined),
    }),
  },

  'acknowledge-stage-2': {
    title: 'Acknowledge stage 2',
    button: 'Acknowledge stage 2',
    done: 'Stage 2 acknowledged',
    intro: (ctx) =>
      joinSentences(
        'The stage 1 points carry over. The stage 2 handler cannot be anyone who handled stage 1.',
        responseMoves(ctx, 2),
      ),
    fields: (ctx) => [
      ...(ctx.view.escalation?.outsideWindow
        ? [
            {
              type: 'textarea',
              name: 'lateEscalationReason',
              label: 'Why are you accepting this late escalation?',
              hint: `The request came after the escalation window closed (${formatDate(ctx.view.escalation.windowEnds)}).`,
            } as const,
          ]
        : []),
      handlerField(ctx, 'Who will handle it at stage 2?'),
      {
        type: 'textarea',
        name: 'points',
        label: 'Extra points for stage 2 (optional)',
        hint: 'One point on each line.',
        rows: 3,
      },
      {
        type: 'textarea',
        name: 'outcomesSought',
        label: 'Outcomes the resident now wants (optional)',
        hint: 'One on each line.',
        rows: 3,
      },
      {
        type: 'textarea',
        name: 'notLandlordResponsibility',
        label: 'Anything that is not the landlord’s responsibility (optional)',
        hint: 'One on each line.',
        rows: 3,
      },
      occurredField('When was the stage 2 acknowledgement sent?'),
    ],
    read: (values, ctx) => {
      const points = lines(values, 'points');
      const outcomes = lines(values, 'outcomesSought');
      const late = optional(values, 'lateEscalationReason');
      return {
        input: {
          handler: chosenStaff(values, ctx),
          points: points.length ? asPoints(points) : undefined,
          outcomesSought: outcomes.length ? outcomes : undefined,
          notLandlordResponsibility: lines(values, 'notLandlordResponsibility'),
          lateEscalationDecision: late ? { reason: late } : undefined,
          occurredAt: occurredFrom(values, ctx),
        },
        fieldOf: (path) =>
          path.startsWith('lateEscalationDecision')
            ? 'lateEscalationReason'
            : path === 'occurredAt'
              ? 'occurredOn'
              : undefined,
      };
    },
    missing: SELECT_A_HANDLER,
    choiceMessages: SELECT_A_HANDLER,
  },

  'final-response': responseForm(2),

  'complete-action': {
    title: 'Complete remedies or actions',
    button: 'Mark as complete',
    done: 'Marked as complete',
    fields: (ctx) => [
      {
        type: 'checkboxes',
        name: 'itemIds',
        legend: 'Which remedies or actions are complete?',
        hint: 'Select all that were completed on the same date.',
        items: outstandingItems(ctx).map((item) => ({
          value: item.id,
          text: `${item.id}: ${item.description}`,
          hint: `Due ${formatDate(item.dueDate)}`,
        })),
      },
      {
        type: 'date',
        name: 'completedOn',
        legend: 'When was it completed?',
        hint: 'Leave blank if it was today. For example, 27 3 2026',
      },
      { type: 'textarea', name: 'note', label: 'Note (optional)', rows: 3 },
    ],
    read: (values, ctx) => ({
      input: {
        itemIds: ticked(
          values,
          'itemIds',
          outstandingItems(ctx).map((item) => item.id),
        ),
        completedOn: dateFromInput(values, 'completedOn'),
        note: optional(values, 'note'),
      },
    }),
  },

  discontinue: {
    title: 'Take the complaint out of the process',
    button: 'Record decision',
    done: 'Complaint taken out of the complaints process',
    intro: () =>
      'Once legal proceedings have started (a claim has been filed at court), the policy takes the complaint out of the complaints process. The resident must be told why, and that they can take this decision to the Ombudsman.',
    fields: () => [
      {
        type: 'radios',
        name: 'ground',
        legend: 'Why does it leave the process?',
        items: DISCONTINUE_GROUNDS.map((g) => ({ value: g, text: 'Legal proceedings have started' })),
      },
      { type: 'textarea', name: 'explanation', label: 'The explanation given to the resident', rows: 4 },
      ombudsmanConfirm(
        'ombudsmanRightGiven',
        'The resident was told they can take this decision to the Ombudsman',
      ),
      occurredField('When was the resident told?'),
    ],
    read: (values, ctx) => ({
      input: {
        ground: optional(values, 'ground'),
        explanation: values.explanation ?? '',
        ombudsmanRightGiven: confirmed(values, 'ombudsmanRightGiven'),
        occurredAt: occurredFrom(values, ctx),
      },
      fieldOf: (path) => (path === 'occurredAt' ? 'occurredOn' : undefined),
    }),
  },

  withdraw: {
    title: 'Withdraw the complaint',
    button: 'Withdraw complaint',
    done: 'Complaint withdrawn',
    fields: () => [
      { type: 'textarea', name: 'reason', label: 'Why was the complaint withdrawn?', rows: 3 },
      occurredField('When did the resident withdraw it?'),
    ],
    read: (values, ctx) => ({
      input: { reason: values.reason ?? '', occurredAt: occurredFrom(values, ctx) },
      fieldOf: (path) => (path === 'occurredAt' ? 'occurredOn' : undefined),
    }),
  },

  close: {
    title: 'Close the complaint',
    button: 'Close complaint',
    done: 'Complaint closed',
    intro: () => 'A complaint closed after its stage 1 response can still be escalated.',
    fields: () => [{ type: 'textarea', name: 'note', label: 'Note (optional)', rows: 3 }],
    read: (values) => ({ input: { note: optional(values, 'note') } }),
  },
});
