import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { formErrorsFrom } from '../../platform/web/forms.ts';
import { pageRoutes, type PageRoute } from '../../platform/web/page-route.ts';
import { caseListFilterOptions, caseListQuery, dateFieldIds } from '../casework/case-list-query.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { PATHS } from '../staff/staff-layout.ts';
import { auditActor, type StaffPrincipal } from '../staff/staff-principal.ts';
import { EXPORT_FORMATS, exportCases } from './export-cases.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();

/**
 * GET /cases/export.csv and .xlsx: the case list as filtered and sorted, every page of it. The same
 * query string, read the same way, and the same roles as the list; bad filters show the list with
 * its errors, as the list itself would.
 */
export function caseExportPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return EXPORT_FORMATS.map((format) =>
    pages.staff({
      method: 'GET',
      path: `${PATHS.cases}/export.${format}`,
      roles: rolesAllowedTo('view-cases'),
      handler: async ({ principal, query }) => {
        const organisationId = principal.organisationId;
        try {
          // The list's page number is left out: the export has every page.
          const { page: _page, ...filters } = caseListQuery(query);
          const download = await exportCases(deps, organisationId, filters, format, auditActor(principal));
          return { download };
        } catch (error) {
          const errors = formErrorsFrom(error, dateFieldIds);
          if (!errors) throw error;
          const options = await caseListFilterOptions(deps, organisationId, query);
          return {
            view: 'cases/list.njk',
            status: 400,
            data: { values: query, options, errors, rows: null },
          };
        }
      },
    }),
  );
}
