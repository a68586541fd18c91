import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { dateFromInput, dateInputIds, withDateInputMessages } from '../../platform/web/date-input.ts';
import { formErrorsFrom, type FormErrors, type FormValues } from '../../platform/web/forms.ts';
import type { PageResult, PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import type { ClosureDay } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { addClosureDay, closureDaysOverview, removeClosureDay } from './closure-days.use-case.ts';
import { dayInWords } from '../../domain/calendar/dates-in-words.ts';
import { countFromQuery, successMessage } from '../../platform/web/success-banner.ts';

const pages = pageRoutes<StaffPrincipal>();
const ROLES = rolesAllowedTo('administer');
const DATE_FIELD = 'day';
const dayParams = z.object({ day: z.iso.date() });

/** A closure day for the list; only days after today can be removed (see the use case). */
const present = (today: string) => (c: ClosureDay) => ({
  ...c,
  dayInWords: dayInWords(c.day),
  removable: c.day > today,
});

/** The banner after adding or removing a day (`?done=added&moved=2`); none unless both make sense. */
function closureDayMessage(done: string | undefined, movedText: string | undefined): string | undefined {
  const moved = countFromQuery(movedText);
  if (moved === undefined) return undefined;
  const movedInWords =
    moved === 0
      ? "No open case's current deadline moved."
      : `Deadlines were recalculated: ${String(moved)} ${moved === 1 ? "case's" : "cases'"} current deadline moved.`;
  return successMessage(
    { added: `Closure day added. ${movedInWords}`, removed: `Closure day removed. ${movedInWords}` },
    done,
  );
}

/** Closure days: listed, added (today or later) and removed (after today). */
export function closureDayPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  const listPage = async (
    principal: StaffPrincipal,
    extra: {
      done?: string | undefined;
      moved?: string | undefined;
      form?: FormValues;
      errors?: FormErrors;
    } = {},
  ): Promise<PageResult> => {
    const { upcoming, past, today } = await closureDaysOverview(deps, principal);
    const form = extra.form ?? {};
    return {
      view: 'admin/closure-days.njk',
      status: extra.errors ? 400 : 200,
      data: {
        adminPaths: ADMIN_PATHS,
        upcoming: upcoming.map(present(today)),
        past: past.map(present(today)),
        successMessage: closureDayMessage(extra.done, extra.moved),
        values: form,
        errors: extra.errors,
      },
    };
  };

  return [
    pages.staff({
      method: 'GET',
      path: ADMIN_PATHS.closureDays,
      roles: ROLES,
      handler: ({ principal, query }) => listPage(principal, { done: query.done, moved: query.moved }),
    }),
    pages.staff({
      method: 'POST',
      path: ADMIN_PATHS.closureDays,
      roles: ROLES,
      handler: async ({ principal, form }) => {
        try {
          const { casesMoved } = await addClosureDay(deps, principal, {
            day: dateFromInput(form, DATE_FIELD) ?? '',
            description: form.description ?? '',
          });
          return { redirect: `${ADMIN_PATHS.closureDays}?done=added&moved=${String(casesMoved)}` };
        } catch (error) {
          const errors = formErrorsFrom(
            withDateInputMessages(error, form, [DATE_FIELD]),
            dateInputIds([DATE_FIELD]),
          );
          if (!errors) throw error;
          return listPage(principal, { form, errors });
        }
      },
    }),
    pages.staff({
      method: 'POST',
      path: `${ADMIN_PATHS.closureDays}/:day/remove`,
      roles: ROLES,
      params: dayParams,
      handler: async ({ principal, params }) => {
        const { casesMoved } = await removeClosureDay(deps, principal, params.day);
        return { redirect: `${ADMIN_PATHS.closureDays}?done=removed&moved=${String(casesMoved)}` };
      },
    }),
  ];
}
