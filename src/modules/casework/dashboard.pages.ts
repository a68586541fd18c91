import type { PageRoute } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';

/** The dashboard: what is due, for me and my team. */
export function dashboardPages(_deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [];
}
