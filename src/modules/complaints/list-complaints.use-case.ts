import { z } from 'zod';
import {
  addCalendarDays,
  calendarFor,
  FIRST_SUPPORTED_DATE,
  isIsoDate,
  JURISDICTIONS,
  LAST_SUPPORTED_DATE,
  londonDateOf,
  type IsoDate,
  type Jurisdiction,
  type WorkingDayCalendar,
} from '../../domain/calendar/index.ts';
import { CHANNELS, instantSchema, isoDateInput } from '../../domain/complaint/command-schemas.ts';
import {
  DEADLINE_STATUSES,
  DUE_SOON_WORKING_DAYS,
  type DeadlineStatus,
} from '../../domain/complaint/deadlines.ts';
import { formatPostcode, postcodesIn } from '../../domain/complaint/search-keys.ts';
import { STATUSES, type ComplaintState } from '../../domain/complaint/state.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { closureDaysFor } from './case-context.ts';
import {
  CASE_SORTS,
  listCases,
  type CaseListPosition,
  type CaseSort,
  type CountFilters,
  type DeadlineThresholds,
  type ListedCase,
} from './complaint.repository.ts';
import type { ComplaintDeps } from './deps.ts';

/**
 * A narrowing filter: "true" keeps only the matching cases; leaving it out keeps every case. "false"
 * is refused rather than ignored, since it would read as "the opposite set" and silently not be.
 */
const flag = (name: string) =>
  z
    .union([z.literal(true), z.literal('true').transform(() => true as const)], {
      error: `${name} can only be true: leave it out to include every case`,
    })
    .optional();

const listFields = z.object({
  status: z.enum(STATUSES, { error: `Select a status: ${STATUSES.join(', ')}` }).optional(),
  stage: z.coerce
    .number({ error: 'Select stage 1 or 2' })
    .pipe(z.union([z.literal(1), z.literal(2)], { error: 'Select stage 1 or 2' }))
    .optional(),
  deadlineStatus: z
    .enum(DEADLINE_STATUSES, { error: `Select a deadline status: ${DEADLINE_STATUSES.join(', ')}` })
    .optional(),
  handlerId: z.string().min(1).max(100).optional(),
  serviceArea: z.string().min(1).max(100).optional(),
  open: flag('open'),
  channel: z.enum(CHANNELS, { error: `Select a channel: ${CHANNELS.join(', ')}` }).optional(),
  receivedFrom: isoDateInput('the earliest date received').optional(),
  receivedTo: isoDateInput('the latest date received').optional(),
  q: z.string().trim().max(200, 'Enter 200 characters or fewer to search for').optional(),
  awaiting: flag('awaiting'),
  dueThisWeek: flag('dueThisWeek'),
  extended: flag('extended'),
  actionsOverdue: flag('actionsOverdue'),
  sort: z.enum(CASE_SORTS, { error: `Select how to sort: ${CASE_SORTS.join(', ')}` }).default('newest'),
  limit: z.coerce
    .number({ error: 'Enter a limit from 1 to 200' })
    .int('Enter a whole number limit')
    .min(1, 'Enter a limit from 1 to 200')
    .max(200, 'Enter a limit from 1 to 200')
    .default(50),
  cursor: z.string().max(300).optional(),
});

const receivedInOrder = {
  check: (q: { receivedFrom?: string | undefined; receivedTo?: string | undefined }) =>
    !q.receivedFrom || !q.receivedTo || q.receivedFrom <= q.receivedTo,
  message: 'The earliest date received must be on or before the latest',
  path: ['receivedTo'],
};

export const listComplaintsQuerySchema = listFields.refine(receivedInOrder.check, receivedInOrder);

/** The list's filters and sort without its paging: what an export of every page takes. */
export const listFiltersSchema = listFields
  .omit({ cursor: true, limit: true })
  .refine(receivedInOrder.check, receivedInOrder);
export type ListComplaintsQuery = z.input<typeof listComplaintsQuerySchema>;

/** The cursor carries the sort and its key, so a page always continues in the order it began. */
const cursorSchema = z.object({
  s: z.enum(CASE_SORTS).default('newest'),
  r: instantSchema('Not an instant'),
  c: z.uuid(),
  // A deadline the calendar computed, so within its years (PostgreSQL refuses year 0000, for one).
  d: z
    .string()
    .refine((d) => isIsoDate(d) && d >= FIRST_SUPPORTED_DATE && d <= LAST_SUPPORTED_DATE)
    .nullable()
    .optional(),
  b: z.literal(1).optional(),
});

function decodeCursor(cursor: string | undefined, sort: CaseSort): CaseListPosition | undefined {
  if (!cursor) return undefined;
  const parsed = cursorSchema.safeParse(
    (() => {
      try {
        return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success || parsed.data.s !== sort) {
    throw new InvalidInputError(
      'The cursor is not one this API gave out for this sort: use nextCursor or previousCursor from a page',
      'cursor',
    );
  }
  return {
    sort,
    receivedAt: parsed.data.r,
    caseId: parsed.data.c,
    deadline: parsed.data.d ?? null,
    backward: parsed.data.b === 1,
  };
}

/** A cursor for the page after `row` or (backward) before it. */
const encodeCursor = (sort: CaseSort, row: ListedCase, backward = false) =>
  Buffer.from(
    JSON.stringify({
      s: sort,
      r: row.receivedAt.toISOString(),
      c: row.caseId,
      ...(sort === 'deadline' ? { d: row.currentDeadlineDue } : {}),
      ...(backward ? { b: 1 } : {}),
    }),
  ).toString('base64url');

/**
 * The Sunday that ends "this week" for staff: the week (Monday to Sunday) containing `today`, or,
 * on a Saturday or Sunday, the week ahead, since that is the week someone looking then plans for.
 */
export function endOfWeek(today: IsoDate): IsoDate {
  const dayOfWeek = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 is Sunday, 6 Saturday
  const daysToSunday = (7 - dayOfWeek) % 7;
  const weekend = dayOfWeek === 0 || dayOfWeek === 6;
  return addCalendarDays(today, daysToSunday + (weekend ? 7 : 0));
}

/**
 * The dates deadline filters compare against today, in each jurisdiction's calendar (with the
 * organisation's closure days), and those calendars for counting working days left.
 */
export async function deadlineThresholds(
  tx: Transaction,
  organisationId: string,
  today: IsoDate,
): Promise<{ thresholds: DeadlineThresholds; calendars: Record<Jurisdiction, WorkingDayCalendar> }> {
  const closures = await closureDaysFor(tx, organisationId, 'read');
  const calendars = Object.fromEntries(JURISDICTIONS.map((j) => [j, calendarFor(j, closures)])) as Record<
    Jurisdiction,
    WorkingDayCalendar
  >;
  const dueSoonBefore = Object.fromEntries(
    JURISDICTIONS.map((j) => [j, calendars[j].addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1)]),
  );
  return { thresholds: { today, dueSoonBefore, endOfWeek: endOfWeek(today) }, calendars };
}

/** What tells namesakes apart in a list: the first line of the address, the postcode, the tenancy. */
function residentHome(state: ComplaintState) {
  const resident = state.complainant.kind === 'named' ? state.complainant : null;
  const address = resident?.contact?.address ?? '';
  // A postcode given only within the address (as API clients may send it) counts too.
  const postcode = resident?.contact?.postcode ?? formatPostcode(postcodesIn(address).at(-1) ?? '');
  return {
    addressLine: address.split(/\r?\n|,/)[0]?.trim() || null,
    postcode,
    tenancyReference: resident?.tenancyReference ?? null,
  };
}

type ParsedListQuery = z.output<typeof listFiltersSchema>;

/** The repository's filters and sort for a parsed list query. */
export function caseFiltersOf(query: ParsedListQuery): CountFilters & { sort: CaseSort } {
  return {
    status: query.status,
    stage: query.stage,
    deadlineStatus: query.deadlineStatus,
    handlerId: query.handlerId,
    serviceArea: query.serviceArea,
    open: query.open,
    channel: query.channel,
    receivedFrom: query.receivedFrom,
    receivedTo: query.receivedTo,
    search: query.q || undefined,
    awaiting: query.awaiting,
    dueThisWeek: query.dueThisWeek,
    extended: query.extended,
    actionsOverdue: query.actionsOverdue,
    sort: query.sort,
  };
}

/**
 * One page of the list, read in its own tenant transaction: the rows after `position` (up to
 * `limit`), each with its deadline status and working days left for today in its calendar. Shared by
 * the list (pages of up to 200) and the export (which walks every page, 1,000 rows at a time).
 */
async function readPage(
  deps: ComplaintDeps,
  organisationId: string,
  query: ParsedListQuery,
  position: CaseListPosition | undefined,
  limit: number,
) {
  const today = londonDateOf(deps.clock.now());
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const { thresholds, calendars } = await deadlineThresholds(tx, organisationId, today);
    const { rows, more } = await listCases(
      tx,
      organisationId,
      { ...caseFiltersOf(query), limit, after: position },
      thresholds,
    );
    const items = rows.map((row) => listedComplaint(row, today, thresholds, calendars));
    return { today, rows, items, more };
  });
}

export function listedComplaint(
  row: ListedCase,
  today: IsoDate,
  thresholds: DeadlineThresholds,
  calendars: Record<Jurisdiction, WorkingDayCalendar>,
) {
  const { state, jurisdiction, country, currentDeadlineKind, currentDeadlineDue } = row;
  const before = thresholds.dueSoonBefore[jurisdiction] ?? today;
  const deadlineStatus: DeadlineStatus | null = currentDeadlineDue
    ? currentDeadlineDue < today
      ? 'overdue'
      : currentDeadlineDue < before
        ? 'due-soon'
        : 'on-track'
    : row.lastDeadlineOutcome;
  const handler = state.stage === 2 ? state.stage2.handler : state.stage1.handler;
  return {
    id: state.caseId,
    reference: state.reference,
    status: state.status,
    stage: state.stage,
    country,
    serviceArea: state.serviceArea,
    channel: state.channel,
    receivedAt: state.receivedAt,
    complainantName: state.complainant.kind === 'named' ? state.complainant.name : null,
    ...residentHome(state),
    handler,
    currentDeadline: currentDeadlineDue
      ? {
          kind: currentDeadlineKind,
          due: currentDeadlineDue,
          extended: row.currentDeadlineExtended,
          workingDaysLeft: calendars[jurisdiction].workingDaysBetween(today, currentDeadlineDue),
        }
      : null,
    deadlineStatus,
  };
}

export type ListedComplaint = ReturnType<typeof listedComplaint>;

/**
 * A page of complaints in the order asked for (newest first by default), filtered and searched;
 * deadline statuses and working days left are computed for today in each case's calendar.
 */
export async function listComplaints(deps: ComplaintDeps, organisationId: string, raw: ListComplaintsQuery) {
  const query = listComplaintsQuerySchema.parse(raw);
  const position = decodeCursor(query.cursor, query.sort);
  const {
    today,
    rows,
    items,
    more: moreAfter,
  } = await readPage(deps, organisationId, query, position, query.limit);
  const first = rows.at(0);
  const last = rows.at(-1);
  // Reading forward, there is a page before this one whenever it was reached by a cursor; reading
  // backward ("Previous"), there is always the page it came from after it.
  const backward = position?.backward === true;
  const more = backward ? rows.length > 0 : moreAfter;
  const less = backward ? moreAfter : position !== undefined;
  return {
    today,
    items,
    nextCursor: more && last ? encodeCursor(query.sort, last) : null,
    previousCursor: less && first ? encodeCursor(query.sort, first, true) : null,
  };
}

/** What each exported case carries besides the list's fields. */
export interface ExportedComplaint extends ListedComplaint {
  collective: boolean;
  lastDeadlineOutcome: 'met' | 'missed' | null;
  today: IsoDate;
}

/**
 * Every case the list would show for these filters, in the same order, read `pageSize` rows at a
 * time so that however many there are only one page is in memory. Each page is its own short
 * transaction (a long one would hold PGlite's only connection, or a pool connection, for the whole
 * download); the keyset walk never repeats nor skips a case, though one changed during the download
 * is exported as it was when its page was read. The list's `cursor` and `limit` do not apply.
 */
export async function* walkComplaints(
  deps: ComplaintDeps,
  organisationId: string,
  raw: ListComplaintsQuery,
  pageSize = 1000,
): AsyncGenerator<ExportedComplaint> {
  const query = listComplaintsQuerySchema.parse({ ...raw, cursor: undefined, limit: undefined });
  let position: CaseListPosition | undefined;
  for (;;) {
    const { today, rows, items, more } = await readPage(deps, organisationId, query, position, pageSize);
    for (const [i, item] of items.entries()) {
      const row = rows[i] as ListedCase;
      yield {
        ...item,
        collective: row.state.collectiveMembers.length > 0,
        lastDeadlineOutcome: row.lastDeadlineOutcome,
        today,
      };
    }
    const last = rows.at(-1);
    if (!more || !last) return;
    position = {
      sort: query.sort,
      receivedAt: last.receivedAt.toISOString(),
      caseId: last.caseId,
      deadline: last.currentDeadlineDue,
    };
  }
}
