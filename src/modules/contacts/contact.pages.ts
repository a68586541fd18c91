import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { answersFrom, contactIdFrom, SUGGESTION_DECISIONS } from '../../domain/contact/contact-schemas.ts';
import { CONTACT_KINDS } from '../../domain/contact/triage.ts';
import { CHANNEL_NAMES, INTAKE_CHANNELS } from '../../domain/complaint/command-schemas.ts';
import { successMessage } from '../../platform/web/success-banner.ts';
import { formErrorsFrom, type FormErrors, type FormValues } from '../../platform/web/forms.ts';
import type { PageResult, PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import { listServiceAreas, type ServiceArea } from '../administration/service-areas.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { PATHS } from '../staff/staff-layout.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { closeServiceRequest } from './close-service-request.use-case.ts';
import {
  answerRows,
  blankAnswers,
  CONTACT_FIELD_IDS,
  contactFormData,
  hiddenAnswers,
} from './contact-form.view.ts';
import { DECISION_IN_WORDS, KIND_IN_WORDS, STATUS_IN_WORDS } from './contact.presenter.ts';
import { checkContactAnswers, logContact } from './log-contact.use-case.ts';
import { raiseComplaintAboutServiceRequest } from './raise-complaint-about-service-request.use-case.ts';
import { recordComplimentPassedOn } from './record-compliment-passed-on.use-case.ts';
import { recordSuggestionOutcome } from './record-suggestion-outcome.use-case.ts';
import { getContact, listContactLog } from './view-contacts.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();
const CONTACT_STAFF = rolesAllowedTo('log-contact');
const PAGE_SIZE = 25;
const contactParams = z.object({
  reference: z
    .string()
    .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/)
    .max(40),
});

/** The contact log's filters, from the query string; anything unrecognised is ignored. */
function logFilters(query: FormValues) {
  const kind = CONTACT_KINDS.find((k) => k === query.kind);
  const status = (['open', 'closed'] as const).find((s) => s === query.status);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1));
  return { kind, status, page, pageSize: PAGE_SIZE };
}

/** The success banner after an action, by the `done` word in the address; anything else shows none. */
function doneMessage(done: string | undefined, kindInWords: string): string | null {
  const messages: Record<string, string> = {
    logged: `${kindInWords} logged.`,
    closed: 'The service request has been closed.',
    'passed-on': 'Recorded that the compliment was passed on.',
    assessed: 'The suggestion’s outcome has been recorded.',
  };
  return successMessage(messages, done) ?? null;
}

/** Actions on a contact's page, each a small form; the one that failed shows its errors. */
type ContactAction = 'raise-complaint' | 'close' | 'passed-on' | 'suggestion-outcome';

export function contactPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  const areasOf = (principal: StaffPrincipal): Promise<ServiceArea[]> =>
    deps.db.forOrganisation(principal.organisationId, (tx) => listServiceAreas(tx, principal.organisationId));

  const formPage = async (
    principal: StaffPrincipal,
    values: ReturnType<typeof answersFrom>,
    errors?: FormErrors,
    contactId?: string,
  ): Promise<PageResult> => ({
    view: 'contacts/new.njk',
    status: errors ? 400 : 200,
    // The id from a check page goes round again, so changing an answer does not make a second contact.
    data: { ...contactFormData(values, await areasOf(principal), errors), contactId },
  });

  const contactPage = async (
    principal: StaffPrincipal,
    reference: string,
    extra: {
      done?: string | undefined;
      action?: ContactAction;
      errors?: FormErrors;
      values?: FormValues;
    } = {},
  ): Promise<PageResult> => {
    const contact = await getContact(deps, principal, reference);
    const areas = contact.serviceArea ? await areasOf(principal) : [];
    const area = areas.find((a) => a.code === contact.serviceArea);
    return {
      view: 'contacts/contact.njk',
      status: extra.errors ? 400 : 200,
      data: {
        contact,
        // Names for the codes, when the area (and category) are still configured.
        serviceAreaInWords: contact.serviceArea
          ? [
              area?.name ?? contact.serviceArea,
              contact.category
                ? (area?.categories.find((c) => c.code === contact.category)?.name ?? contact.category)
                : null,
            ]
              .filter(Boolean)
              .join(': ')
          : null,
        doneMessage: doneMessage(extra.done, contact.kindInWords),
        errors: extra.errors,
        failedAction: extra.action,
        values: extra.values ?? {},
        channelItems: INTAKE_CHANNELS.map((c) => ({
          value: c,
          text: CHANNEL_NAMES[c],
          selected: c === (extra.values?.channel ?? 'phone'),
        })),
        decisionItems: SUGGESTION_DECISIONS.map((d) => ({
          value: d,
          text: DECISION_IN_WORDS[d],
          checked: d === extra.values?.decision,
        })),
      },
    };
  };

  /** An action on one contact: POST, then back to its page with a banner, or its errors shown. */
  const action = (
    path: string,
    name: ContactAction,
    run: (principal: StaffPrincipal, reference: string, form: FormValues) => Promise<string>,
  ) =>
    pages.staff({
      method: 'POST',
      path: `${PATHS.contacts}/:reference/${path}`,
      roles: CONTACT_STAFF,
      params: contactParams,
      handler: async ({ principal, params, form }) => {
        try {
          return { redirect: await run(principal, params.reference, form) };
        } catch (error) {
          const errors = formErrorsFrom(error, { form: `${name}-form` });
          if (!errors) throw error;
          return contactPage(principal, params.reference, { action: name, errors, values: form });
        }
      },
    });

  return [
    pages.staff({
      method: 'GET',
      path: PATHS.contacts,
      roles: CONTACT_STAFF,
      handler: async ({ principal, query }) => {
        const filters = logFilters(query);
        const { contacts, total } = await listContactLog(deps, principal, filters);
        const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
        const link = (page: number) =>
          `${PATHS.contacts}?${new URLSearchParams({
            ...(filters.kind ? { kind: filters.kind } : {}),
            ...(filters.status ? { status: filters.status } : {}),
            page: String(page),
          }).toString()}`;
        return {
          view: 'contacts/list.njk',
          data: {
            contacts,
            total,
            filters,
            kindItems: [
              { value: '', text: 'Any kind' },
              ...CONTACT_KINDS.map((k) => ({
                value: k,
                text: KIND_IN_WORDS[k],
                selected: k === filters.kind,
              })),
            ],
            statusItems: [
              { value: '', text: 'Open or closed' },
              ...(['open', 'closed'] as const).map((s) => ({
                value: s,
                text: s === 'closed' ? 'Closed or handled as a complaint' : STATUS_IN_WORDS[s],
                selected: s === filters.status,
              })),
            ],
            pagination:
              pages > 1
                ? {
                    ...(filters.page > 1 ? { previous: { href: link(filters.page - 1) } } : {}),
                    ...(filters.page < pages ? { next: { href: link(filters.page + 1) } } : {}),
                    items: Array.from({ length: pages }, (_, i) => ({
                      number: i + 1,
                      href: link(i + 1),
                      current: i + 1 === filters.page,
                    })).filter(
                      (item) =>
                        Math.abs(item.number - filters.page) <= 3 ||
                        item.number === 1 ||
                        item.number === pages,
                    ),
                  }
                : null,
          },
        };
      },
    }),

    pages.staff({
      method: 'GET',
      path: PATHS.logContact,
      roles: CONTACT_STAFF,
      handler: ({ principal }) => formPage(principal, blankAnswers(deps.clock.now())),
    }),

    // One address, three steps: "check" (the form's Continue), "change" (back to the form from the
    // check page, answers kept), "save". The answers travel in the form, so no draft is stored.
    pages.staff({
      method: 'POST',
      path: PATHS.logContact,
      roles: CONTACT_STAFF,
      handler: async ({ principal, form }) => {
        const values = answersFrom(form);
        const contactId = contactIdFrom(form);
        if (form._step === 'change') return formPage(principal, values, undefined, contactId);
        try {
          if (form._step === 'save') {
            const logged = await logContact(deps, principal, form);
            return {
              redirect: logged.caseReference
                ? `${PATHS.cases}/${logged.caseReference}`
                : `${PATHS.contacts}/${logged.reference}?done=logged`,
            };
          }
          const contact = await checkContactAnswers(deps, principal, form);
          return {
            view: 'contacts/check.njk',
            data: {
              rows: answerRows(contact, await areasOf(principal)),
              // The contact's id is chosen now, so submitting this page twice logs it once.
              hidden: [...hiddenAnswers(values), { name: 'contactId', value: contactId ?? randomUUID() }],
              contact,
            },
          };
        } catch (error) {
          const errors = formErrorsFrom(error, CONTACT_FIELD_IDS);
          if (!errors) throw error;
          return formPage(principal, values, errors, contactId);
        }
      },
    }),

    pages.staff({
      method: 'GET',
      path: `${PATHS.contacts}/:reference`,
      roles: CONTACT_STAFF,
      params: contactParams,
      handler: ({ principal, params, query }) =>
        contactPage(principal, params.reference, { done: query.done }),
    }),

    action('raise-complaint', 'raise-complaint', async (principal, reference, form) => {
      const { caseReference } = await raiseComplaintAboutServiceRequest(deps, principal, reference, form);
      return `${PATHS.cases}/${caseReference}`;
    }),
    action('close', 'close', async (principal, reference, form) => {
      await closeServiceRequest(deps, principal, reference, form);
      return `${PATHS.contacts}/${reference}?done=closed`;
    }),
    action('passed-on', 'passed-on', async (principal, reference, form) => {
      await recordComplimentPassedOn(deps, principal, reference, form);
      return `${PATHS.contacts}/${reference}?done=passed-on`;
    }),
    action('suggestion-outcome', 'suggestion-outcome', async (principal, reference, form) => {
      await recordSuggestionOutcome(deps, principal, reference, form);
      return `${PATHS.contacts}/${reference}?done=assessed`;
    }),
  ];
}
