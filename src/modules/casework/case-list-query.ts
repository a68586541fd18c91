import { CHANNEL_NAMES, CHANNELS } from '../../domain/complaint/command-schemas.ts';
import { DEADLINE_STATUSES } from '../../domain/complaint/deadlines.ts';
import { STATUSES } from '../../domain/complaint/state.ts';
import { dateFromInput, dateInputIds, withDateInputMessages } from '../../platform/web/date-input.ts';
import type { FormValues } from '../../platform/web/forms.ts';
import type { ServiceArea } from '../administration/service-areas.repository.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { CASE_SORTS } from '../complaints/complaint.repository.ts';
import {
  parseListComplaintPageQuery,
  type ListComplaintPageQuery,
} from '../complaints/list-complaint-page.use-case.ts';
import { PATHS } from '../staff/staff-layout.ts';
import { handlerOptions, serviceAreaOptions } from './case-list-options.ts';
import {
  DEADLINE_STATUS_IN_WORDS,
  FLAGS_IN_WORDS,
  SORT_IN_WORDS,
  STATUS_IN_WORDS,
} from './case-list-words.ts';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { dateInWords } from '../../domain/calendar/dates-in-words.ts';

/** The list's query-string fields that pass straight through to the list use case. */
const PASSED_THROUGH = [
  'stage',
  'status',
  'deadlineStatus',
  'handlerId',
  'serviceArea',
  'channel',
  'q',
  'open',
  'awaiting',
  'dueThisWeek',
  'extended',
  'actionsOverdue',
  'sort',
  'page',
] as const;

const DATE_FIELDS = ['receivedFrom', 'receivedTo'] as const;

/** Every field of the list's query string, the date boxes included. */
export const CASE_LIST_FIELDS: ReadonlySet<string> = new Set([
  ...PASSED_THROUGH,
  ...DATE_FIELDS.flatMap((name) => ['day', 'month', 'year'].map((part) => `${name}-${part}`)),
]);

/** A date's error links to its first box (GOV.UK date input). */
export const dateFieldIds = dateInputIds(DATE_FIELDS);

/**
 * The list use case's query from the page's query string: empty fields are no filter, and the date
 * boxes become ISO dates. Problems with the dates and with the rest are reported together.
 */
export function caseListQuery(values: FormValues): ListComplaintPageQuery {
  const input: Record<string, string> = {};
  for (const field of PASSED_THROUGH) {
    const value = values[field]?.trim();
    if (value) input[field] = value;
  }
  for (const field of DATE_FIELDS) {
    const date = dateFromInput(values, field);
    if (date !== undefined) input[field] = date;
  }
  try {
    parseListComplaintPageQuery(input);
  } catch (error) {
    throw withDateInputMessages(error, values, DATE_FIELDS);
  }
  return input;
}

/** Not filters: where the list is (a page number, or an API cursor in an old bookmark). */
const POSITION_FIELDS = new Set(['page', 'cursor']);

/** The list's filters and sort as a query string, without its page. */
export function filterParams(values: FormValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (!POSITION_FIELDS.has(name) && value !== '') params.set(name, value);
  }
  return params;
}

/** The same list on another page: its filters with that page's number (the first page has none). */
export function pageHref(values: FormValues, page: number): string {
  const params = filterParams(values);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${PATHS.cases}?${query}` : PATHS.cases;
}

interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

/** A GOV.UK select's items, the current value selected; `anyText` is the "no filter" choice. */
function selectItems(
  anyText: string | null,
  choices: readonly { value: string; text: string }[],
  current: string | undefined,
): SelectItem[] {
  const items: SelectItem[] = anyText === null ? [] : [{ value: '', text: anyText }];
  for (const choice of choices) items.push({ ...choice, selected: choice.value === current });
  // A value no longer offered (a handler whose account was removed, say) stays selected and visible.
  if (current && !choices.some((c) => c.value === current)) {
    items.push({ value: current, text: current, selected: true });
  }
  return items;
}

export interface CaseListOptions {
  stage: SelectItem[];
  status: SelectItem[];
  deadlineStatus: SelectItem[];
  handlerId: SelectItem[];
  serviceArea: SelectItem[];
  channel: SelectItem[];
  sort: SelectItem[];
  /** The narrowing checkboxes, as GOV.UK checkbox items. */
  flags: { name: string; value: 'true'; text: string; checked: boolean }[];
  /** For naming each case's service area in the table. */
  serviceAreas: ServiceArea[];
}

/** The filter form's choices, with the current answers selected. */
export async function caseListFilterOptions(
  deps: ComplaintDeps,
  organisationId: string,
  values: FormValues,
): Promise<CaseListOptions> {
  const { handlers, serviceAreas } = await deps.db.forOrganisation(organisationId, async (tx) => ({
    handlers: await handlerOptions(tx, organisationId),
    serviceAreas: await serviceAreaOptions(tx, organisationId),
  }));
  return {
    stage: selectItems(
      'Any stage',
      [
        { value: '1', text: 'Stage 1' },
        { value: '2', text: 'Stage 2' },
      ],
      values.stage,
    ),
    status: selectItems(
      'Any status',
      STATUSES.map((s) => ({ value: s, text: STATUS_IN_WORDS[s] })),
      values.status,
    ),
    deadlineStatus: selectItems(
      'Any',
      DEADLINE_STATUSES.map((s) => ({ value: s, text: DEADLINE_STATUS_IN_WORDS[s] })),
      values.deadlineStatus,
    ),
    handlerId: selectItems(
      'Anyone',
      handlers.map((h) => ({ value: h.id, text: h.name })),
      values.handlerId,
    ),
    serviceArea: selectItems(
      'Any service area',
      serviceAreas.map((a) => ({ value: a.code, text: a.retired ? `${a.name} (retired)` : a.name })),
      values.serviceArea,
    ),
    channel: selectItems(
      'Any channel',
      CHANNELS.map((c) => ({ value: c, text: CHANNEL_NAMES[c] })),
      values.channel,
    ),
    sort: selectItems(
      null,
      CASE_SORTS.map((s) => ({ value: s, text: SORT_IN_WORDS[s] })),
      values.sort || 'newest',
    ),
    flags: Object.entries(FLAGS_IN_WORDS).map(([name, text]) => ({
      name,
      value: 'true' as const,
      text,
      checked: values[name] === 'true',
    })),
    serviceAreas,
  };
}

/** Each filter in use, in words ("Stage: Stage 2", "Awaiting acceptance or acknowledgement"). */
export function appliedFilters(values: FormValues, options: CaseListOptions): string[] {
  const selects = [
    ['stage', 'Stage'],
    ['status', 'Status'],
    ['deadlineStatus', 'Deadline'],
    ['handlerId', 'Handler'],
    ['serviceArea', 'Service area'],
    ['channel', 'How it was made'],
  ] as const;
  const applied: string[] = [];
  for (const [name, label] of selects) {
    const chosen = options[name].find((item) => item.selected && item.value !== '');
    if (chosen) applied.push(`${label}: ${chosen.text}`);
  }
  for (const [name, label] of [
    ['receivedFrom', 'Received from'],
    ['receivedTo', 'Received up to'],
  ] as const) {
    const date = dateFromInput(values, name);
    if (date !== undefined && isIsoDate(date)) applied.push(`${label} ${dateInWords(date)}`);
  }
  for (const [name, text] of Object.entries(FLAGS_IN_WORDS)) {
    if (values[name] === 'true') applied.push(text);
  }
  return applied;
}
