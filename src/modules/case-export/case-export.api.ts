import { apiRoute, type ApiRoute } from '../../platform/http/api-route.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { listFiltersSchema } from '../complaints/list-complaints.use-case.ts';
import { EXPORT_FORMATS, exportCases } from './export-cases.use-case.ts';

/** GET /complaints/export.csv and .xlsx: every complaint the list would give, streamed. */
export function caseExportRoutes(deps: ComplaintDeps): ApiRoute[] {
  return EXPORT_FORMATS.map((format) =>
    apiRoute({
      method: 'GET',
      path: `/complaints/export.${format}`,
      operationId: format === 'csv' ? 'exportComplaintsCsv' : 'exportComplaintsXlsx',
      summary: `Download every complaint the list gives for these filters, in its order, as ${format.toUpperCase()} (streamed)`,
      tag: 'Complaints',
      // The list's filters and sort; the export has every page, so no cursor nor limit.
      query: listFiltersSchema,
      success: {
        status: 200,
        description:
          format === 'csv'
            ? 'text/csv: a heading row, then one row per complaint; dates are YYYY-MM-DD'
            : 'An XLSX workbook with one sheet, Cases; dates are date cells',
      },
      handler: async ({ principal, query }) => {
        const file = await exportCases(
          deps,
          principal.organisationId,
          query,
          format,
          `api-key:${principal.apiKeyId}`,
        );
        return {
          body: file.body,
          headers: {
            'content-type': file.contentType,
            'content-disposition': contentDisposition(file.filename),
          },
        };
      },
    }),
  );
}
