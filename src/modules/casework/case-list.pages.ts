import type { PageRoute } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';

/** The case list: filters, search, sorting, pages. */
export function caseListPages(_deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [];
}
