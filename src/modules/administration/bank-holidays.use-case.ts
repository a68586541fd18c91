import {
  JURISDICTIONS,
  bankHolidayListInUse,
  bankHolidaySourceOf,
  calendarFor,
  londonDateOf,
  yearsCovered,
  type BankHoliday,
  type Jurisdiction,
} from '../../domain/calendar/index.ts';
import { COUNTRIES, divisionOf } from '../../domain/policy/country.ts';
import { keepBankHolidayListCurrent } from '../bank-holidays/bank-holiday-list-in-force.ts';
import type { BankHolidayListRecord } from '../bank-holidays/bank-holiday-lists.repository.ts';
import { policyInForce } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireAdministration } from './administration-access.ts';

export interface DivisionHolidays {
  division: Jurisdiction;
  /** The years the gov.uk list covers for the division; date-holidays fills the others. */
  listYears: readonly number[];
  years: { year: number; source: 'list' | 'date-holidays'; holidays: readonly BankHoliday[] }[];
}

export interface BankHolidaysOverview {
  /** The stored list in force; null: the snapshot shipped with PutRight. */
  list: BankHolidayListRecord | null;
  divisions: DivisionHolidays[];
}

/**
 * The bank holidays in force for the organisation's countries (those its policy covers), this year
 * and next, and where they come from. Bank holidays are the same for every organisation: only
 * `putright holidays` on the server changes them.
 */
export async function bankHolidaysOverview(
  deps: StaffDeps,
  principal: StaffPrincipal,
): Promise<BankHolidaysOverview> {
  requireAdministration(principal);
  const today = londonDateOf(deps.clock.now());
  const year = Number(today.slice(0, 4));
  const { list, countries } = await deps.db.forOrganisation(principal.organisationId, async (tx) => {
    const record = await keepBankHolidayListCurrent(tx);
    const policy = await policyInForce(tx, principal.organisationId, today);
    return { list: record, countries: COUNTRIES.filter((c) => policy?.rules[c] !== undefined) };
  });
  const wanted = new Set(countries.map(divisionOf));
  const inUse = bankHolidayListInUse();
  return {
    list,
    divisions: JURISDICTIONS.filter((d) => wanted.has(d)).map((division) => ({
      division,
      listYears: yearsCovered(inUse, division),
      years: [year, year + 1].map((y) => ({
        year: y,
        source: bankHolidaySourceOf(division, y),
        holidays: calendarFor(division).bankHolidays(y),
      })),
    })),
  };
}
