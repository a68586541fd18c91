/** An item of the GOV.UK pagination component: a page's link, or a gap ("⋯") between them. */
export type PaginationItem = { number: number; href: string; current?: true } | { ellipsis: true };

/**
 * The numbered links of the GOV.UK pagination pattern: the first and last pages, the current one and
 * those either side of it, with a gap wherever pages are left out (1 … 6 [7] 8 … 40). The last page is
 * left out when the count stopped short of it (`lastKnown` false): its number would not be the last.
 */
export function paginationItems(
  page: number,
  pageCount: number,
  href: (page: number) => string,
  lastKnown = true,
): PaginationItem[] {
  if (pageCount <= 1) return [];
  const shown = new Set([1, page - 1, page, page + 1]);
  if (lastKnown) shown.add(pageCount);
  const numbers = [...shown].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  let previous = 0;
  for (const n of numbers) {
    if (n > previous + 1) items.push({ ellipsis: true });
    items.push(n === page ? { number: n, href: href(n), current: true } : { number: n, href: href(n) });
    previous = n;
  }
  if (!lastKnown && previous < pageCount) items.push({ ellipsis: true });
  return items;
}
