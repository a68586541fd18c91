import type { PageRoute } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';

/** The case page and a form for every lifecycle action. */
export function casePages(_deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [];
}
