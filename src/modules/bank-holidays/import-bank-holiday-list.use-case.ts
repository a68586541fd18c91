import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import {
  BankHolidayListError,
  parseBankHolidayList,
  toGovUkFormat,
  type BankHolidayList,
} from '../../domain/calendar/index.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { organisations } from '../../platform/db/schema.ts';
import { reprojectOpenCases } from '../complaints/reproject-open-cases.ts';
import { audit } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { installStoredList } from './bank-holiday-list-in-force.ts';
import { insertBankHolidayList } from './bank-holiday-lists.repository.ts';

export interface BankHolidayImport {
  listId: string;
  /** Per organisation, how many open cases' stored deadlines moved. */
  organisations: { organisationId: string; name: string; casesMoved: number }[];
}

/**
 * Puts a gov.uk bank holiday list in force: validates it, stores it (the newest list is in force for
 * every organisation), rebuilds this process's calendars from it, then re-projects every
 * organisation's open cases in that organisation's own transaction, holding its working days as a
 * closure-day change does, and audits how many moved. Other processes pick the list up before they
 * next use a calendar (bank-holiday-list-in-force.ts). Should a re-projection fail part way, the list
 * is in force and the organisations not yet done are re-projected by importing it again.
 */
export async function importBankHolidayList(
  deps: StaffDeps,
  /** A gov.uk document (parsed JSON), or a list already parsed. */
  input: unknown,
  source: string,
  actor: string,
): Promise<BankHolidayImport> {
  let list: BankHolidayList;
  try {
    list = parseBankHolidayList(isParsed(input) ? toGovUkFormat(input) : input);
  } catch (error) {
    if (error instanceof BankHolidayListError) throw new InvalidInputError(error.message, 'list');
    throw error;
  }
  const listId = randomUUID();
  const everyOrganisation = await deps.db.privileged(async (tx) => {
    await insertBankHolidayList(tx, {
      listId,
      source,
      importedAt: deps.clock.now(),
      importedBy: actor,
      content: toGovUkFormat(list),
    });
    return tx
      .select({ organisationId: organisations.organisationId, name: organisations.name })
      .from(organisations)
      .orderBy(asc(organisations.name), asc(organisations.organisationId));
  });
  installStoredList(listId, list);

  const moved: BankHolidayImport['organisations'] = [];
  for (const { organisationId, name } of everyOrganisation) {
    const casesMoved = await deps.db.forOrganisation(organisationId, async (tx) => {
      const count = await reprojectOpenCases(tx, organisationId, deps.clock);
      await audit(tx, {
        organisationId,
        actor,
        action: 'bank-holidays-imported',
        details: { listId, source, casesMoved: count },
      });
      return count;
    });
    moved.push({ organisationId, name, casesMoved });
  }
  return { listId, organisations: moved };
}

function isParsed(input: unknown): input is BankHolidayList {
  return typeof input === 'object' && input !== null && 'divisions' in input;
}
