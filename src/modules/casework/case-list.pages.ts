import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { formErrorsFrom, type FormValues } from '../../platform/web/forms.ts';
import type { PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { PATHS } from '../staff/staff-layout.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { listComplaintPage, MAX_NUMBERED_CASES } from '../complaints/list-complaint-page.use-case.ts';
import { paginationItems } from '../../platform/web/pagination.ts';
import {
  appliedFilters,
  caseListFilterOptions,
  caseListQuery,
  dateFieldIds,
  filterParams,
  pageHref,
} from './case-list-query.ts';
import { caseRow } from './case-list-rows.ts';
import { resultsInWords } from './case-list-words.ts';
import { rememberCaseList } from './list-return.ts';

const pages = pageRoutes<StaffPrincipal>();

/** How many cases a page of the list shows. */
export const CASE_LIST_PAGE_SIZE = 25;

/** The case list: filters, search, sorting, pages. The same use case (and rules) as the API's list. */
export function caseListPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: PATHS.cases,
      roles: rolesAllowedTo('view-cases'),
      handler: async ({ principal, query, reply }) => {
        const organisationId = principal.organisationId;
        const options = await caseListFilterOptions(deps, organisationId, query);
        const values: FormValues = query;
        try {
          const listed = await listComplaintPage(
            deps,
            organisationId,
            caseListQuery(query),
            CASE_LIST_PAGE_SIZE,
          );
          const href = (page: number) => pageHref(query, page);
          const { page, pageCount, total } = listed;
          rememberCaseList(reply, principal.staffId, query);
          return {
            view: 'cases/list.njk',
            data: {
              values,
              options,
              rows: listed.items.map((item) => caseRow(item, listed.today, options.serviceAreas)),
              results: resultsInWords(listed),
              applied: appliedFilters(query, options),
              maxNumbered: MAX_NUMBERED_CASES.toLocaleString('en-GB'),
              pagination: {
                items: paginationItems(page, pageCount, href, !total.atLeast),
                previous: page > 1 ? { href: href(page - 1) } : null,
                next: page < pageCount ? { href: href(page + 1) } : null,
              },
              // Past the numbered pages, the way to every case is narrower filters or the download.
              beyondPages: total.atLeast && page === pageCount,
              // "Download these cases": the same filters and sort, every page.
              exportQuery: filterParams(query).toString(),
            },
          };
        } catch (error) {
          // Bad filters (a hand-edited address, a date that does not exist) are explained, not a crash.
          const errors = formErrorsFrom(error, dateFieldIds);
          if (!errors) throw error;
          return {
            view: 'cases/list.njk',
            status: 400,
            data: { values, options, errors, rows: null, applied: appliedFilters(query, options) },
          };
        }
      },
    }),
  ];
}
