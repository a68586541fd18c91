/**
 * The UK government's list of bank holidays, in the format it publishes at
 * https://www.gov.uk/bank-holidays.json:
 *
 *   {"england-and-wales":{"division":"england-and-wales","events":[
 *     {"title":"New Year’s Day","date":"2019-01-01","notes":"","bunting":true}, ...]},
 *    "scotland":{...}, "northern-ireland":{...}}
 *
 * The list is the authority for the years it covers: it carries one-off holidays as soon as they are
 * proclaimed. gov.uk lists the day observed (a substitute day keeps the holiday's title, with notes
 * "Substitute day"), never the weekend original.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from './iso-date.ts';
import {
  FIRST_SUPPORTED_YEAR,
  JURISDICTIONS,
  LAST_SUPPORTED_YEAR,
  type Jurisdiction,
} from './jurisdiction.ts';

export interface BankHolidayEvent {
  readonly title: string;
  readonly date: IsoDate;
  readonly notes: string;
  readonly bunting: boolean;
}

/** A validated list: every division present, its events sorted by date. */
export interface BankHolidayList {
  readonly divisions: Readonly<Record<Jurisdiction, readonly BankHolidayEvent[]>>;
}

/** A list that cannot be used, with what is wrong with it. */
export class BankHolidayListError extends Error {
  override readonly name = 'BankHolidayListError';
}

const eventSchema = z.object({
  title: z.string('has no title').trim().min(1, 'has no title'),
  date: z
    .string('has no date')
    .refine(isIsoDate, 'is not a real date in the form YYYY-MM-DD')
    .refine(
      (date) =>
        Number(date.slice(0, 4)) >= FIRST_SUPPORTED_YEAR && Number(date.slice(0, 4)) <= LAST_SUPPORTED_YEAR,
      `is outside the supported years ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}`,
    ),
  notes: z.string().default(''),
  bunting: z.boolean().default(true),
});

const divisionSchema = (division: Jurisdiction) =>
  z.object(
    {
      division: z.literal(division, `must be "${division}"`).optional(),
      events: z.array(eventSchema, 'must be a list of events').min(1, 'has no events'),
    },
    'is missing',
  );

const listSchema = z.object(
  {
    'england-and-wales': divisionSchema('england-and-wales'),
    scotland: divisionSchema('scotland'),
    'northern-ireland': divisionSchema('northern-ireland'),
  },
  'must be an object with the divisions england-and-wales, scotland and northern-ireland',
);

function pathInWords(path: readonly PropertyKey[]): string {
  let words = '';
  for (const key of path) {
    words += typeof key === 'number' ? `[${String(key)}]` : `${words === '' ? '' : '.'}${String(key)}`;
  }
  return words;
}

const byDate = (a: BankHolidayEvent, b: BankHolidayEvent): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/** Validates a parsed gov.uk document. Throws BankHolidayListError saying what is wrong and where. */
export function parseBankHolidayList(input: unknown): BankHolidayList {
  const result = listSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? pathInWords(issue.path) : '';
    const value =
      issue && issue.path.at(-1) === 'date' && issue.code === 'custom'
        ? ` ${JSON.stringify(dateAt(input, issue.path))}`
        : '';
    throw new BankHolidayListError(
      `The bank holiday list is not in the gov.uk format: ${where === '' ? '' : `${where}${value} `}${issue?.message ?? 'is invalid'}`,
    );
  }
  const divisions = Object.fromEntries(
    JURISDICTIONS.map((j) => [
      j,
      Object.freeze(result.data[j].events.map((e) => Object.freeze({ ...e })).sort(byDate)),
    ]),
  ) as Record<Jurisdiction, readonly BankHolidayEvent[]>;
  return Object.freeze({ divisions: Object.freeze(divisions) });
}

function dateAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Parses the text of a gov.uk document (a file, a download). */
export function parseBankHolidayListText(text: string): BankHolidayList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BankHolidayListError(
      `The bank holiday list is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseBankHolidayList(json);
}

/** The list as gov.uk publishes it, for storing and exporting. */
export function toGovUkFormat(
  list: BankHolidayList,
): Record<Jurisdiction, { division: Jurisdiction; events: BankHolidayEvent[] }> {
  return Object.fromEntries(
    JURISDICTIONS.map((division) => [
      division,
      { division, events: list.divisions[division].map((e) => ({ ...e })) },
    ]),
  ) as Record<Jurisdiction, { division: Jurisdiction; events: BankHolidayEvent[] }>;
}

/**
 * The years the list covers for a division: those with at least one event in it. A year the list
 * mentions at all is taken to be listed in full (gov.uk publishes whole years), so for that year the
 * list alone decides which days are bank holidays; other years fall back to the rules library.
 */
export function yearsCovered(list: BankHolidayList, division: Jurisdiction): readonly number[] {
  return [...new Set(list.divisions[division].map((e) => Number(e.date.slice(0, 4))))].sort((a, b) => a - b);
}

/** An event's name as the calendar shows it: "Boxing Day (substitute day)". */
export function eventName(event: BankHolidayEvent): string {
  const notes = event.notes.trim();
  return notes === '' ? event.title : `${event.title} (${notes.charAt(0).toLowerCase()}${notes.slice(1)})`;
}
