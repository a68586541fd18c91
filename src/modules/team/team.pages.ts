import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { dateInWords } from '../../domain/calendar/index.ts';
import { STATUS_IN_WORDS } from '../casework/case-list-words.ts';
import { DUE_SOON_WORKING_DAYS } from '../../domain/complaint/deadlines.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formErrorsFrom, type FormErrors } from '../../platform/web/forms.ts';
import { pageRoutes, type PageResult, type PageRoute } from '../../platform/web/page-route.ts';
import { UNASSIGNED } from '../complaints/complaint.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { PATHS } from '../staff/staff-layout.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { showHandlerCases, type HandlerCases } from './handler-open-cases.ts';
import {
  MAX_CASES_PER_REASSIGNMENT,
  reassignCases,
  reassignCasesSchema,
  type ReassignOutcome,
} from './reassign-cases.use-case.ts';
import { showTeamWorkload, type Workload } from './team-workload.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();
const roles = rolesAllowedTo('assign-handler');

const handlerParams = z.object({ staffId: z.uuid() });
const reassignHref = (staffId: string) => `${PATHS.team}/${staffId}/reassign`;
const caseHref = (reference: string) => `${PATHS.cases}/${encodeURIComponent(reference)}`;

/** The case list showing exactly the cases a figure counts. */
function listHref(handlerId: string, deadlineStatus?: 'overdue' | 'due-soon'): string {
  const query = new URLSearchParams({ open: 'true', sort: 'deadline', handlerId });
  if (deadlineStatus) query.set('deadlineStatus', deadlineStatus);
  return `${PATHS.cases}?${query.toString()}`;
}

function workloadRow(w: Workload) {
  const id = w.handler?.id ?? UNASSIGNED;
  const who = w.handler?.name ?? 'nobody';
  const figure = (count: number, what: string, href: string) => ({
    count,
    href: count > 0 ? href : null,
    // The link's words for a screen reader: "3 overdue cases of Sam Patel".
    hidden: ` ${what} ${w.handler ? `of ${who}` : 'unassigned'}`,
  });
  return {
    name: w.handler?.name ?? 'Unassigned',
    active: w.active,
    open: figure(w.open, w.open === 1 ? 'open case' : 'open cases', listHref(id)),
    overdue: figure(w.overdue, w.overdue === 1 ? 'overdue case' : 'overdue cases', listHref(id, 'overdue')),
    dueSoon: figure(
      w.dueSoon,
      w.dueSoon === 1 ? 'case due soon' : 'cases due soon',
      listHref(id, 'due-soon'),
    ),
    nextDeadline: w.nextDeadline ? dateInWords(w.nextDeadline) : 'None',
    reassignHref: w.handler && w.open > 0 ? reassignHref(w.handler.id) : null,
  };
}

/** A repeated form field (checkboxes) as every value sent; `formValues` keeps only the first. */
function formList(body: unknown, name: string): string[] {
  const value: unknown =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  const values: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

/** A checkbox's value: the case's reference and the version the page showed ("DH-2026-000001@4"). */
const caseChoice = (c: { reference: string; version: number }) => `${c.reference}@${c.version}`;
const CHOICE = /^([A-Za-z0-9]{1,20}-\d{4}-\d{6})@(\d{1,9})$/;

const FIELD_IDS = { cases: 'cases', handler: 'handler', reason: 'reason' };

function reassignPage(
  data: HandlerCases,
  values: { handler?: string; reason?: string; selected?: string[] },
  extra: { errors?: FormErrors; outcome?: ReassignOutcome & { to: string }; status?: number } = {},
): PageResult {
  const selected = new Set(values.selected ?? []);
  const { outcome } = extra;
  return {
    view: 'team/reassign.njk',
    status: extra.status ?? 200,
    data: {
      handler: data.handler,
      action: reassignHref(data.handler.id),
      teamHref: PATHS.team,
      max: MAX_CASES_PER_REASSIGNMENT,
      more: data.more,
      caseItems: data.cases.map((c) => ({
        value: caseChoice(c),
        text: `${c.reference}${c.complainantName ? `, ${c.complainantName}` : ''}`,
        hint: {
          text: `${STATUS_IN_WORDS[c.status]}. ${c.deadline ? `Current deadline ${dateInWords(c.deadline)}` : 'No current deadline'}`,
        },
        checked: selected.has(caseChoice(c)),
      })),
      handlerItems: [
        { value: '', text: 'Choose…' },
        ...data.candidates.map((s) => ({ value: s.id, text: s.name, selected: values.handler === s.id })),
      ],
      values,
      errors: extra.errors,
      reassigned: outcome?.reassigned.length
        ? `${outcome.reassigned.length} ${outcome.reassigned.length === 1 ? 'case' : 'cases'} reassigned to ${outcome.to}`
        : null,
      notReassigned: outcome?.notReassigned.map((n) => ({ ...n, href: caseHref(n.reference) })) ?? [],
    },
  };
}

/** The team's workload, and reassigning one handler's cases to another, for those who assign handlers. */
export function teamPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: PATHS.team,
      roles,
      handler: async ({ principal }) => {
        const workload = await showTeamWorkload(deps, principal);
        return {
          view: 'team/workload.njk',
          data: {
            rows: workload.handlers.map(workloadRow),
            unassigned: workloadRow(workload.unassigned),
            dueSoonDays: DUE_SOON_WORKING_DAYS,
          },
        };
      },
    }),
    pages.staff({
      method: 'GET',
      path: `${PATHS.team}/:staffId/reassign`,
      roles,
      params: handlerParams,
      handler: async ({ principal, params }) =>
        reassignPage(await showHandlerCases(deps, principal, params.staffId), {}),
    }),
    pages.staff({
      method: 'POST',
      path: `${PATHS.team}/:staffId/reassign`,
      roles,
      params: handlerParams,
      handler: async ({ principal, params, form, request }) => {
        const before = await showHandlerCases(deps, principal, params.staffId);
        const selected = formList(request.body, 'cases');
        const values = { handler: form.handler ?? '', reason: form.reason ?? '', selected };
        const chosen = before.candidates.find((s) => s.id === values.handler);
        const choices = selected.map((s) => CHOICE.exec(s));
        const input = {
          // Someone not on the list (disabled meanwhile, or a forged value) is as good as no answer.
          handler: chosen?.id ?? '',
          reason: values.reason,
          cases: choices.flatMap((m) => (m?.[1] && m[2] ? [{ reference: m[1], version: Number(m[2]) }] : [])),
        };
        const checked = reassignCasesSchema.safeParse(input);
        const unreadable = choices.some((m) => m === null);
        if (!checked.success || unreadable) {
          const errors = checked.success
            ? { summary: [], fields: {} }
            : (formErrorsFrom(checked.error, FIELD_IDS) ?? { summary: [], fields: {} });
          if (unreadable && !errors.fields.cases) {
            errors.fields.cases = { text: 'Select cases from the list' };
            errors.summary.unshift({ text: 'Select cases from the list', href: '#cases' });
          }
          return reassignPage(before, values, { errors, status: 400 });
        }
        const outcome = await reassignCases(deps, principal, checked.data);
        // Someone known only from their cases is not found once every case has gone: none left.
        const after = await showHandlerCases(deps, principal, params.staffId).catch((error: unknown) => {
          if (error instanceof NotFoundError) return { ...before, cases: [], more: false };
          throw error;
        });
        return reassignPage(after, {}, { outcome: { ...outcome, to: chosen?.name ?? '' } });
      },
    }),
  ];
}
