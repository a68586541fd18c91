import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import type { PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { apiKeyPages } from './api-keys.pages.ts';
import { auditLogPages } from './audit-log.pages.ts';
import { bankHolidayPages } from './bank-holidays.pages.ts';
import { closureDayPages } from './closure-days.pages.ts';
import { policyPages } from './policy.pages.ts';
import { serviceAreaPages } from './service-areas.pages.ts';

const pages = pageRoutes<StaffPrincipal>();

/** Administration: the index, service areas and categories, the policy, closure days, bank holidays, API keys, the audit log. */
export function administrationPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: ADMIN_PATHS.index,
      roles: rolesAllowedTo('administer'),
      handler: () => Promise.resolve({ view: 'admin/index.njk', data: { adminPaths: ADMIN_PATHS } }),
    }),
    ...serviceAreaPages(deps),
    ...policyPages(deps),
    ...closureDayPages(deps),
    ...bankHolidayPages(deps),
    ...apiKeyPages(deps),
    ...auditLogPages(deps),
  ];
}
