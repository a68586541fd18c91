import { readFileSync } from 'node:fs';
import {
  JURISDICTIONS,
  bankHolidaySourceOf,
  calendarFor,
  dateTimeInWords,
  londonDateOf,
  parseBankHolidayListText,
  yearsCovered,
  bankHolidayListInUse,
  type BankHolidayList,
  type Jurisdiction,
} from '../domain/calendar/index.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import type { Clock } from '../modules/complaints/case-context.ts';
import { loadBankHolidayListInForce } from '../modules/bank-holidays/bank-holiday-list-in-force.ts';
import {
  importBankHolidayList,
  type BankHolidayImport,
} from '../modules/bank-holidays/import-bank-holiday-list.use-case.ts';

/** `putright holidays import <file>`: reads and validates the file before touching the database. */
export function readBankHolidayFile(file: string): BankHolidayList {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return parseBankHolidayListText(text);
}

export async function importList(
  db: DatabaseHandle,
  clock: Clock,
  list: BankHolidayList,
  source: string,
): Promise<BankHolidayImport> {
  return importBankHolidayList({ db, clock }, list, source, 'cli');
}

export function importReport(result: BankHolidayImport, list: BankHolidayList, source: string): string {
  const lines = [`Bank holiday list from ${source} is now in force (list ${result.listId}).`];
  for (const division of JURISDICTIONS) {
    const years = yearsCovered(list, division);
    lines.push(`  ${division}: ${String(list.divisions[division].length)} holidays, ${yearSpan(years)}`);
  }
  if (result.organisations.length === 0) lines.push('No organisations yet: no deadlines to recalculate.');
  for (const o of result.organisations) {
    lines.push(
      `${o.name} (${o.organisationId}): ${String(o.casesMoved)} open ${o.casesMoved === 1 ? "case's" : "cases'"} deadlines moved`,
    );
  }
  return lines.join('\n');
}

function yearSpan(years: readonly number[]): string {
  if (years.length === 0) return 'no years';
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? 0;
  return years.length === last - first + 1 ? `${String(first)}–${String(last)}` : years.join(', ');
}

/** `putright holidays show`: the list in force and the holidays of one year. */
export async function showHolidays(
  db: DatabaseHandle,
  clock: Clock,
  options: { division?: Jurisdiction | undefined; year?: number | undefined },
): Promise<string> {
  const record = await loadBankHolidayListInForce(db);
  const list = bankHolidayListInUse();
  const year = options.year ?? Number(londonDateOf(clock.now()).slice(0, 4));
  const lines = [
    record
      ? `Bank holiday list in force: from ${record.source}, imported ${dateTimeInWords(record.importedAt)} by ${record.importedBy}.`
      : 'Bank holiday list in force: the snapshot shipped with PutRight (run `putright holidays update` to fetch the published list).',
  ];
  for (const division of options.division ? [options.division] : JURISDICTIONS) {
    const source = bankHolidaySourceOf(division, year) === 'list' ? 'from the list' : 'from date-holidays';
    lines.push(
      '',
      `${division} ${String(year)} (${source}; the list covers ${yearSpan(yearsCovered(list, division))}):`,
    );
    for (const h of calendarFor(division).bankHolidays(year)) lines.push(`  ${h.date}  ${h.name}`);
  }
  return lines.join('\n');
}
