import type { PageRoute } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';

/** Administration: service areas and categories, the policy, closure days. */
export function administrationPages(_deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [];
}
