import { may, rolesAllowedTo } from '../../domain/access/permissions.ts';
import type { PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { PATHS } from '../staff/staff-layout.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { roleInWords } from '../staff/staff-roles.ts';
import {
  countQuery,
  DASHBOARD_COUNTS,
  DASHBOARD_TABLE_SIZE,
  RECENT_ASSIGNMENT_DAYS,
  showDashboard,
} from './dashboard.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();

/** The dashboard: what is due, for me and my team. What it shows depends on the role. */
export function dashboardPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: PATHS.home,
      roles: rolesAllowedTo('view-dashboard'),
      handler: async ({ principal, query }) => {
        const dashboard = await showDashboard(deps, principal);
        // Links to cases only for roles that may open them: board members see aggregates alone.
        const linksToCases = may(principal.role, 'view-cases');
        return {
          view: 'dashboard.njk',
          data: {
            organisationName: principal.organisationName,
            name: principal.name,
            roleInWords: roleInWords(principal.role),
            mayAdminister: may(principal.role, 'administer'),
            passwordChanged: query['password-changed'] !== undefined,
            counts: DASHBOARD_COUNTS.map((c) => ({
              label: c.label,
              count: dashboard.counts[c.key],
              href: linksToCases ? `${PATHS.cases}?${countQuery(c.filter, c.sort)}` : null,
            })),
            cases: dashboard.cases,
            tableSize: DASHBOARD_TABLE_SIZE,
            myCasesHref: `${PATHS.cases}?open=true&sort=deadline&handlerId=${encodeURIComponent(principal.staffId)}`,
            teamCasesHref: `${PATHS.cases}?open=true&sort=deadline`,
            reminders: dashboard.reminders,
            recentDays: RECENT_ASSIGNMENT_DAYS,
            myDeadlineHref: (status: string) =>
              `${PATHS.cases}?handlerId=${encodeURIComponent(principal.staffId)}&deadlineStatus=${status}&sort=deadline`,
          },
        };
      },
    }),
  ];
}
