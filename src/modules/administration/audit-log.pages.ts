import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { dateFromInput, dateInputIds, withDateInputMessages } from '../../platform/web/date-input.ts';
import { formErrorsFrom, type FormErrors, type FormValues } from '../../platform/web/forms.ts';
import type { PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import {
  auditLogPeople,
  readAuditLog,
  type AuditFilters,
  type AuditPage,
} from './read-audit-log.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();
const DATE_FIELDS = ['from', 'to'] as const;
/** The filter form's fields, kept in the address of every page of results. */
const FILTER_FIELDS = [
  'person',
  'caseReference',
  ...DATE_FIELDS.flatMap((d) => [`${d}-day`, `${d}-month`, `${d}-year`]),
];

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value : undefined);

function filtersFrom(query: FormValues): AuditFilters {
  return {
    person: blankToUndefined(query.person),
    caseReference: blankToUndefined(query.caseReference),
    from: dateFromInput(query, 'from'),
    to: dateFromInput(query, 'to'),
  };
}

/** The page's address with the filters as given, from the newest entry or after a cursor. */
function auditHref(query: FormValues, cursor?: string): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = query[field];
    if (value) params.set(field, value);
  }
  if (cursor) params.set('after', cursor);
  const search = params.toString();
  return search ? `${ADMIN_PATHS.audit}?${search}` : ADMIN_PATHS.audit;
}

/**
 * The audit log: administrators only. It shows who signed in and what they changed across the
 * whole organisation (staff accounts, keys, settings and every case), so it is not opened to
 * complaints officers, whose work is the cases themselves (each case has its own timeline).
 */
export function auditLogPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: ADMIN_PATHS.audit,
      roles: rolesAllowedTo('administer'),
      handler: async ({ principal, query }) => {
        let page: AuditPage | undefined;
        let errors: FormErrors | null = null;
        try {
          page = await readAuditLog(deps, principal, filtersFrom(query), query.after);
        } catch (error) {
          errors = formErrorsFrom(
            withDateInputMessages(error, query, DATE_FIELDS),
            dateInputIds(DATE_FIELDS),
          );
          if (!errors) throw error;
          // Without the filters the person asked for, show no entries rather than the wrong ones.
          page = { entries: [], older: undefined, people: await auditLogPeople(deps, principal) };
        }
        return {
          view: 'admin/audit.njk',
          status: errors ? 400 : 200,
          data: {
            adminPaths: ADMIN_PATHS,
            values: query,
            errors: errors ?? undefined,
            entries: page.entries,
            people: [
              { value: '', text: 'Anyone' },
              ...page.people.map((p) => ({
                value: p.staffId,
                text: p.name,
                selected: p.staffId === query.person,
              })),
            ],
            filtered: FILTER_FIELDS.some((f) => Boolean(query[f]?.trim())),
            isFirstPage: !query.after,
            olderHref: page.older ? auditHref(query, page.older) : undefined,
            newestHref: auditHref(query),
          },
        };
      },
    }),
  ];
}
