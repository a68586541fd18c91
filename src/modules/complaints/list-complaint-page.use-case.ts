import { z } from 'zod';
import { londonDateOf } from '../../domain/calendar/index.ts';
import { countCasesUpTo, listCasesAt } from './complaint.repository.ts';
import type { ComplaintDeps } from './deps.ts';
import {
  caseFiltersOf,
  deadlineThresholds,
  listedComplaint,
  listFiltersSchema,
  type ListComplaintsQuery,
} from './list-complaints.use-case.ts';

/**
 * How far numbered pages reach: the count stops here, and so do the pages. Past it, staff narrow the
 * filters or download the list (the export walks every case); nobody pages through 10,000 cases.
 */
export const MAX_NUMBERED_CASES = 10_000;

const pageSchema = z.object({
  page: z.coerce
    .number({ error: 'Enter a page number' })
    .int('Enter a whole page number')
    .min(1, 'Enter a page number of 1 or more')
    .default(1),
});

export type ListComplaintPageQuery = Omit<ListComplaintsQuery, 'cursor' | 'limit'> & {
  page?: string | number | undefined;
};

/** The filters and page number, checked together so that every problem is reported at once. */
export function parseListComplaintPageQuery(raw: ListComplaintPageQuery) {
  const { page, ...filters } = raw;
  const parsedFilters = listFiltersSchema.safeParse(filters);
  const parsedPage = pageSchema.safeParse({ page });
  if (parsedFilters.success && parsedPage.success) return { ...parsedFilters.data, ...parsedPage.data };
  throw new z.ZodError([...(parsedFilters.error?.issues ?? []), ...(parsedPage.error?.issues ?? [])]);
}

/**
 * A numbered page of the list (the staff pages' "1 2 3 … 40"), with how many cases match. A page
 * past the last shows the last one: a list that shrank since its link was made (a case closed)
 * still shows its end rather than nothing. Count and page are read in one transaction, so they agree.
 */
export async function listComplaintPage(
  deps: ComplaintDeps,
  organisationId: string,
  raw: ListComplaintPageQuery,
  pageSize: number,
) {
  const { page: wanted, ...query } = parseListComplaintPageQuery(raw);
  const today = londonDateOf(deps.clock.now());
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const { thresholds, calendars } = await deadlineThresholds(tx, organisationId, today);
    const caseFilters = caseFiltersOf(query);
    const total = await countCasesUpTo(tx, organisationId, caseFilters, thresholds, MAX_NUMBERED_CASES);
    const pageCount = Math.max(1, Math.ceil(total.count / pageSize));
    const page = Math.min(wanted, pageCount);
    const rows = await listCasesAt(
      tx,
      organisationId,
      caseFilters,
      thresholds,
      (page - 1) * pageSize,
      pageSize,
    );
    return {
      today,
      items: rows.map((row) => listedComplaint(row, today, thresholds, calendars)),
      total,
      page,
      pageCount,
      /** The position of the page's first and last case in the whole list, counting from 1. */
      from: rows.length ? (page - 1) * pageSize + 1 : 0,
      to: (page - 1) * pageSize + rows.length,
    };
  });
}
