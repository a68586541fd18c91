import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import {
  describeStatus,
  HANDLER_COMMANDS,
  type CommandName,
  type HandlerCommand,
} from '../../domain/complaint/decide.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { FormErrors, FormValues } from '../../platform/web/forms.ts';
import { pageRoutes, type PageResult, type PageRoute } from '../../platform/web/page-route.ts';
import { actOnComplaint } from '../complaints/act-on-complaint.use-case.ts';
import type { ChangeRequest } from '../complaints/change-case.ts';
import { spinOffComplaint } from '../complaints/spin-off-complaint.use-case.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { PATHS } from '../staff/staff-layout.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { ACTION_FORMS, type ActionContext } from './case-actions.ts';
import { complaintContext } from './case-form-context.ts';
import { actionFormErrors } from './case-form-errors.ts';
import { fieldIds, withAnswers } from './case-form-fields.ts';
import { casePageData } from './case-view.ts';
import { getCasePage, type CasePage } from './get-case-page.use-case.ts';
import { caseListReturnHref } from './list-return.ts';
import { taskBanner, taskInWords } from '../tasks/task-words.ts';
import { evidenceInWords } from '../evidence/evidence-words.ts';

const pages = pageRoutes<StaffPrincipal>();

/** A case reference (any letter case) such as DH-2026-000001, or a case id (links between cases use ids). */
export const caseParams = z.object({
  reference: z
    .string()
    .regex(
      /^([A-Za-z0-9]{1,20}-\d{4}-\d{6}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
    ),
});

const caseHref = (reference: string) => `${PATHS.cases}/${reference}`;

const CONFLICT =
  'This case has changed since you opened this form: someone else has updated it. Check the case, then submit the form again if it is still needed.';

/** The forms with a handler field. */
export const FORMS_WITH_A_HANDLER: readonly CommandName[] = HANDLER_COMMANDS;

const hasHandlerField = (command: CommandName): command is HandlerCommand =>
  FORMS_WITH_A_HANDLER.includes(command);

const handlerStage = (command: CommandName, caseStage: 1 | 2): 1 | 2 =>
  command === 'acknowledge' ? 1 : command === 'acknowledge-stage-2' ? 2 : caseStage;

const viewerOf = (principal: StaffPrincipal) => ({ id: principal.staffId, name: principal.name });

/** A form's context is the case page's read, with the staff only where the form offers them. */
function actionContext(
  deps: StaffDeps,
  principal: StaffPrincipal,
  reference: string,
  command: CommandName,
): Promise<CasePage> {
  return getCasePage(deps, principal.organisationId, reference, {
    viewer: viewerOf(principal),
    ...(hasHandlerField(command) ? { staffFor: command } : {}),
  });
}

function formPage(
  command: CommandName,
  ctx: ActionContext & Pick<CasePage, 'withheld'>,
  values: FormValues,
  extra: { errors?: FormErrors; status?: number; version?: string } = {},
): PageResult {
  const form = ACTION_FORMS[command];
  const allowed = ctx.view.allowedCommands.includes(command);
  const withheld = ctx.withheld[command];
  // A form whose only answer is a handler nobody can be: say so rather than offer an empty list.
  const nobody = allowed && hasHandlerField(command) && ctx.staff.length === 0;
  const title = form.title.charAt(0).toLowerCase() + form.title.slice(1);
  return {
    view: 'cases/action.njk',
    status: extra.status ?? 200,
    data: {
      reference: ctx.view.reference,
      caseHref: caseHref(ctx.view.reference),
      command,
      form: { title: form.title, button: form.button },
      intro: form.intro?.(ctx),
      complaint: complaintContext(ctx.view, command),
      fields: withAnswers(form.fields(ctx, values), values),
      values,
      version: extra.version ?? String(ctx.view.version),
      unavailable: !allowed
        ? `You cannot ${title} now: this complaint is ${describeStatus(ctx.view.status)}, and the rules do not allow it at this point.`
        : withheld
          ? `You cannot ${title} now. ${withheld.replace(/\.$/, '')}.`
          : nobody
            ? `You cannot ${title} now: there is nobody ${command === 'assign-handler' ? 'else ' : ''}who can handle stage ${handlerStage(command, ctx.view.stage)} of this complaint. It needs an active account whose role can send that stage’s response, and at stage 2 someone the policy allows (never the stage 1 handler).`
            : undefined,
      errors: extra.errors,
    },
  };
}

/** GET and POST of one lifecycle command's form; only roles the permission table allows it. */
function actionPages(deps: StaffDeps, command: CommandName): PageRoute<StaffPrincipal>[] {
  const form = ACTION_FORMS[command];
  const path = `${PATHS.cases}/:reference/${command}`;
  const roles = rolesAllowedTo(command);
  return [
    pages.staff({
      method: 'GET',
      path,
      roles,
      params: caseParams,
      handler: async ({ principal, params }) => {
        const ctx = await actionContext(deps, principal, params.reference, command);
        return formPage(command, ctx, form.defaults?.(ctx) ?? {});
      },
    }),
    pages.staff({
      method: 'POST',
      path,
      roles,
      params: caseParams,
      handler: async ({ principal, params, form: values }) => {
        const ctx = await actionContext(deps, principal, params.reference, command);
        // "Add another": the same answers, drawn again with one more row; nothing is recorded yet.
        if (values.add && form.addsRows?.includes(values.add))
          return formPage(command, ctx, values, { version: values.version ?? '' });
        const read = form.read(values, ctx);
        const submitted = Number(values.version);
        const request: ChangeRequest = {
          organisationId: principal.organisationId,
          caseRef: ctx.view.reference,
          actor: {
            kind: 'staff',
            member: { id: principal.staffId, name: principal.name },
            role: principal.role,
          },
          // A form without its version is stale by definition: it must never overwrite a change.
          expectedVersion: Number.isSafeInteger(submitted) ? submitted : 0,
        };
        try {
          const changed =
            command === 'spin-off'
              ? await spinOffComplaint(deps, request, read.input)
              : await actOnComplaint(deps, request, command, read.input);
          return { redirect: `${caseHref(changed.reference)}?done=${command}` };
        } catch (error) {
          if (error instanceof ConflictError) {
            const errors = { summary: [{ text: CONFLICT, href: '#case-action' }], fields: {} };
            // The form now carries the current version: submitting again is a deliberate choice.
            return formPage(command, ctx, values, { errors, status: 409 });
          }
          const errors = actionFormErrors(error, form, read, fieldIds(form.fields(ctx, values)));
          if (!errors) throw error;
          return formPage(command, ctx, values, { errors, status: 400, version: values.version ?? '' });
        }
      },
    }),
  ];
}

/** The case page and a form for every lifecycle action. */
export function casePages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: `${PATHS.cases}/:reference`,
      roles: rolesAllowedTo('view-cases'),
      params: caseParams,
      handler: async ({ principal, params, query, request }) => {
        const { view, offered, events, contacts, tasks, evidence, areas, today } = await getCasePage(
          deps,
          principal.organisationId,
          params.reference,
          { record: true, viewer: viewerOf(principal) },
        );
        const done =
          query.done && Object.hasOwn(ACTION_FORMS, query.done)
            ? ACTION_FORMS[query.done as CommandName].done
            : (taskBanner(query.done) ?? (query.done === 'evidence-added' ? 'Evidence added' : undefined));
        return {
          view: 'cases/case.njk',
          data: {
            ...casePageData(view, events, principal.role, today, areas, offered),
            contacts,
            tasks: tasks.map((task) => taskInWords(task, today)),
            evidence: evidence.map((row) => evidenceInWords(row, caseHref(view.reference))),
            caseHref: caseHref(view.reference),
            done,
            listHref: caseListReturnHref(request, principal.staffId),
          },
        };
      },
    }),
    ...(Object.keys(ACTION_FORMS) as CommandName[]).flatMap((command) => actionPages(deps, command)),
  ];
}
