import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { londonDateOf } from '../../domain/calendar/index.ts';
import { audit } from '../organisations/organisation.repository.ts';
import { serviceAreaOptions } from '../casework/case-list-options.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import {
  listComplaintsQuerySchema,
  walkComplaints,
  type ListComplaintsQuery,
} from '../complaints/list-complaints.use-case.ts';
import { EXPORT_HEADINGS, exportRow, neutraliseFormula, type ExportCell } from './case-export-columns.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Cases read per page (and per transaction) while streaming. */
export const EXPORT_PAGE_SIZE = 1000;

export interface CaseExport {
  filename: string;
  contentType: string;
  /** Streams the file; the cases are read page by page as it is consumed. */
  body: Readable;
}

/**
 * Every case the list shows for these filters, in its order, as CSV or XLSX. The filters are
 * checked before anything is sent (a bad one throws, as the list does); the file is then streamed,
 * and the export is written to the audit log (who, the filters, how many rows, whether it finished)
 * once it ends.
 */
export async function exportCases(
  deps: ComplaintDeps,
  organisationId: string,
  raw: ListComplaintsQuery,
  format: ExportFormat,
  actor: string,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<CaseExport> {
  const { cursor: _cursor, limit: _limit, ...filters } = listComplaintsQuerySchema.parse(raw);
  const areas = await deps.db.forOrganisation(organisationId, (tx) => serviceAreaOptions(tx, organisationId));
  const today = londonDateOf(deps.clock.now());

  let count = 0;
  async function* rows(): AsyncGenerator<ExportCell[]> {
    let complete = false;
    try {
      for await (const item of walkComplaints(deps, organisationId, filters, pageSize)) {
        count += 1;
        yield exportRow(item, areas);
      }
      complete = true;
    } finally {
      await deps.db.forOrganisation(organisationId, (tx) =>
        audit(tx, {
          organisationId,
          actor,
          action: 'cases.exported',
          details: { format, filters, rows: count, complete },
        }),
      );
    }
  }

  return {
    filename: `cases-${today}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === 'csv' ? csvStream(rows()) : xlsxStream(rows()),
  };
}

function csvStream(rows: AsyncIterable<ExportCell[]>): Readable {
  const csv = stringify();
  async function* records() {
    yield [...EXPORT_HEADINGS];
    for await (const row of rows) {
      yield row.map((cell) =>
        cell === null ? '' : typeof cell === 'string' ? neutraliseFormula(cell) : cell.date,
      );
    }
  }
  // pipeline destroys the CSV stream with the error if reading fails part-way.
  pipeline(Readable.from(records()), csv).catch(() => undefined);
  return csv;
}

/** Date cells: midnight UTC of the date, which exceljs writes as that day's serial number. */
const xlsxValue = (cell: ExportCell) =>
  cell === null ? null : typeof cell === 'string' ? cell : new Date(`${cell.date}T00:00:00Z`);

function xlsxStream(rows: AsyncIterable<ExportCell[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Cases', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_HEADINGS.map((header) => ({
    header,
    width: Math.max(14, header.length + 2),
    ...(header === 'Received' || header === 'Current deadline date'
      ? { style: { numFmt: 'yyyy-mm-dd' } }
      : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      let written = 0;
      for await (const row of rows) {
        sheet.addRow(row.map(xlsxValue)).commit();
        written += 1;
        // Let a slow download drain before reading more cases.
        if (written % 500 === 0 && out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
