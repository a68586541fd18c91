import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { dayInWords, londonDateInWords } from '../../domain/calendar/dates-in-words.ts';
import type { Jurisdiction } from '../../domain/calendar/index.ts';
import type { PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { bankHolidaysOverview, type BankHolidaysOverview } from './bank-holidays.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();

const DIVISION_NAMES: Record<Jurisdiction, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

function yearsInWords(years: readonly number[]): string {
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return 'no years';
  if (first === last) return String(first);
  return years.length === last - first + 1 ? `${String(first)} to ${String(last)}` : years.join(', ');
}

function sourceInWords(list: BankHolidaysOverview['list']): string {
  if (list === null) return 'The copy of the GOV.UK list shipped with PutRight';
  if (list.source === 'file') return 'A copy of the GOV.UK list imported from a file';
  if (list.source === 'snapshot') return 'The copy of the GOV.UK list shipped with PutRight';
  return `The GOV.UK list, fetched from ${list.source}`;
}

/** Presents the overview: dates in words, where each year's days come from. */
export function presentBankHolidays(overview: BankHolidaysOverview) {
  const { list } = overview;
  return {
    source: sourceInWords(list),
    lastUpdated: list ? londonDateInWords(list.importedAt) : 'Not updated since PutRight was installed',
    importedBy: list?.importedBy,
    divisions: overview.divisions.map((d) => ({
      name: DIVISION_NAMES[d.division],
      listYears: yearsInWords(d.listYears),
      years: d.years.map((y) => ({
        year: y.year,
        fromList: y.source === 'list',
        holidays: y.holidays.map((h) => ({ date: h.date, dayInWords: dayInWords(h.date), name: h.name })),
      })),
    })),
  };
}

/** The bank holidays in force (read only: the server's `putright holidays` commands change them). */
export function bankHolidayPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: ADMIN_PATHS.bankHolidays,
      roles: rolesAllowedTo('administer'),
      handler: async ({ principal }) => ({
        view: 'admin/bank-holidays.njk',
        data: {
          adminPaths: ADMIN_PATHS,
          ...presentBankHolidays(await bankHolidaysOverview(deps, principal)),
        },
      }),
    }),
  ];
}
