import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { TASK_KIND_NAMES, TASK_KINDS } from '../../domain/task/task.ts';
import { dateFromInput, dateInputIds, withDateInputMessages } from '../../platform/web/date-input.ts';
import { formErrorsFrom, type FormErrors, type FormValues } from '../../platform/web/forms.ts';
import { pageRoutes, type PageRoute, type PageResult } from '../../platform/web/page-route.ts';
import { caseParams } from '../casework/case.pages.ts';
import { getCasePage } from '../casework/get-case-page.use-case.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { PATHS } from '../staff/staff-layout.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { addTask } from './add-task.use-case.ts';
import { completeTask } from './complete-task.use-case.ts';
import { taskOwners } from './tasks.repository.ts';

const pages = pageRoutes<StaffPrincipal>();
const roles = rolesAllowedTo('view-cases');
const DATE_FIELDS = ['dueOn'] as const;
const taskParams = caseParams.extend({ taskId: z.uuid() });

const caseHref = (reference: string) => `${PATHS.cases}/${encodeURIComponent(reference)}`;

/** The "Add a task" form, with the answers so far and any errors. */
async function taskForm(
  deps: StaffDeps,
  principal: StaffPrincipal,
  reference: string,
  values: FormValues,
  errors: FormErrors | null = null,
): Promise<PageResult> {
  // The case must exist (and be this organisation's) before a form for it is drawn.
  const { view } = await getCasePage(deps, principal.organisationId, reference);
  const owners = await deps.db.forOrganisation(principal.organisationId, (tx) =>
    taskOwners(tx, principal.organisationId),
  );
  const owner = values.ownerId ?? principal.staffId;
  return {
    view: 'tasks/new.njk',
    status: errors ? 400 : 200,
    data: {
      reference: view.reference,
      caseHref: caseHref(view.reference),
      values,
      errors,
      kindItems: TASK_KINDS.map((kind) => ({
        value: kind,
        text: TASK_KIND_NAMES[kind],
        checked: values.kind === kind,
      })),
      ownerItems: [
        { value: '', text: 'Choose…' },
        ...owners.map((o) => ({
          value: o.id,
          text: o.id === principal.staffId ? `${o.name} (you)` : o.name,
          selected: o.id === owner,
        })),
      ],
    },
  };
}

/** Adding a task to a case, and marking one done: for everyone who works on cases. */
export function taskPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: `${PATHS.cases}/:reference/tasks/new`,
      roles,
      params: caseParams,
      handler: ({ principal, params }) => taskForm(deps, principal, params.reference, {}),
    }),
    pages.staff({
      method: 'POST',
      path: `${PATHS.cases}/:reference/tasks/new`,
      roles,
      params: caseParams,
      handler: async ({ principal, params, form }) => {
        try {
          await addTask(deps, principal, params.reference, {
            kind: form.kind,
            description: form.description,
            dueOn: dateFromInput(form, 'dueOn'),
            ownerId: form.ownerId || undefined,
          });
        } catch (error) {
          const errors = formErrorsFrom(withDateInputMessages(error, form, DATE_FIELDS), {
            ...dateInputIds(DATE_FIELDS),
            kind: 'kind',
          });
          if (!errors) throw error;
          return taskForm(deps, principal, params.reference, form, errors);
        }
        return { redirect: `${caseHref(params.reference)}?done=task-added#tasks` };
      },
    }),
    pages.staff({
      method: 'POST',
      path: `${PATHS.cases}/:reference/tasks/:taskId/done`,
      roles,
      params: taskParams,
      handler: async ({ principal, params }) => {
        await completeTask(deps, principal, params.reference, params.taskId);
        return { redirect: `${caseHref(params.reference)}?done=task-done#tasks` };
      },
    }),
  ];
}
