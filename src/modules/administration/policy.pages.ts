import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { londonDateOf } from '../../domain/calendar/index.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { PRESETS } from '../../domain/policy/presets/index.ts';
import {
  dateFromInput,
  dateInputIds,
  dateInputValues,
  withDateInputMessages,
} from '../../platform/web/date-input.ts';
import { formErrorsFrom, type FormErrors, type FormValues } from '../../platform/web/forms.ts';
import type { PageResult, PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import {
  adoptPolicyPreset,
  previewPolicyPreset,
  type AdoptPresetInput,
} from '../organisations/adopt-policy-preset.use-case.ts';
import { COUNTRY_NAMES } from '../../domain/policy/country.ts';
import {
  complianceInWords,
  complianceSummary,
  countriesInWords,
} from '../organisations/compliance-in-words.ts';
import type { PolicyVersionSummary } from '../organisations/organisation.repository.ts';
import { getPolicyHistory, getPolicyInForce } from '../organisations/policy-in-force.use-case.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { requireAdministration } from './administration-access.ts';
import { dateInWords } from '../../domain/calendar/dates-in-words.ts';

const pages = pageRoutes<StaffPrincipal>();
const ROLES = rolesAllowedTo('administer');
const CHOOSE = `${ADMIN_PATHS.policy}/choose`;
const CONFIRM = `${ADMIN_PATHS.policy}/confirm`;
const DATE_FIELD = 'effectiveFrom';

/** What the pages show of a policy: its identity, dates in words, and its compliance check. */
function presentPolicy(policy: Policy) {
  return {
    name: policy.name,
    key: policy.key,
    version: policy.version,
    landlord: policy.landlord,
    effectiveFrom: dateInWords(policy.effectiveFrom),
    countries: countriesInWords(policy),
    mainCountry: COUNTRY_NAMES[policy.defaultCountry],
    compliance: complianceInWords(policy),
  };
}

const presentVersion = (v: PolicyVersionSummary) => ({ ...v, effectiveFrom: dateInWords(v.effectiveFrom) });

/** The preset radios: each with its compliance check in one line. */
const presetItems = (chosen: string | undefined) =>
  PRESETS.map((preset) => ({
    value: preset.key,
    text: preset.name,
    checked: preset.key === chosen,
    hint: {
      text: `Covers ${countriesInWords(preset)}. ${complianceSummary(preset)}.`,
    },
  }));

/** The policy in force and its compliance check; choosing a preset, with a confirm step. */
export function policyPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  const choosePage = (principal: StaffPrincipal, form: FormValues, errors?: FormErrors): PageResult => {
    requireAdministration(principal);
    return {
      view: 'admin/policy-choose.njk',
      status: errors ? 400 : 200,
      data: {
        adminPaths: ADMIN_PATHS,
        presetItems: presetItems(form.preset),
        values: form,
        errors,
      },
    };
  };

  /** Runs a use case on the chosen preset and date, from the form (or the confirm page's address). */
  const choiceOf = (values: FormValues): AdoptPresetInput => ({
    preset: values.preset ?? '',
    effectiveFrom: dateFromInput(values, DATE_FIELD) ?? '',
  });
  /** The chosen preset and date, as the confirm page's address and hidden fields. */
  const choiceValues = (policy: Policy): FormValues => ({
    preset: policy.key,
    ...dateInputValues(DATE_FIELD, policy.effectiveFrom),
  });
  const errorsOf = (error: unknown, values: FormValues) =>
    formErrorsFrom(withDateInputMessages(error, values, [DATE_FIELD]), dateInputIds([DATE_FIELD]));

  return [
    pages.staff({
      method: 'GET',
      path: ADMIN_PATHS.policy,
      roles: ROLES,
      handler: async ({ principal, query }) => {
        requireAdministration(principal);
        const { policy } = await getPolicyInForce(deps, principal.organisationId);
        const history = await getPolicyHistory(deps, principal.organisationId, policy);
        return {
          view: 'admin/policy.njk',
          data: {
            adminPaths: ADMIN_PATHS,
            policy: presentPolicy(policy),
            scheduled: history.scheduled.map(presentVersion),
            earlier: history.earlier.map(presentVersion),
            done: query.done,
          },
        };
      },
    }),
    pages.staff({
      method: 'GET',
      path: CHOOSE,
      roles: ROLES,
      handler: ({ principal, query }) => {
        // The date starts as today; coming back from the confirm page keeps the answers.
        const defaults = dateInputValues(DATE_FIELD, londonDateOf(deps.clock.now()));
        return Promise.resolve(choosePage(principal, { ...defaults, ...query }));
      },
    }),
    pages.staff({
      method: 'POST',
      path: CHOOSE,
      roles: ROLES,
      handler: async ({ principal, form }) => {
        try {
          const policy = await previewPolicyPreset(deps, principal, choiceOf(form));
          const query = new URLSearchParams(choiceValues(policy));
          return { redirect: `${CONFIRM}?${query.toString()}` };
        } catch (error) {
          const errors = errorsOf(error, form);
          if (!errors) throw error;
          return choosePage(principal, form, errors);
        }
      },
    }),
    pages.staff({
      method: 'GET',
      path: CONFIRM,
      roles: ROLES,
      handler: async ({ principal, query }) => {
        try {
          const policy = await previewPolicyPreset(deps, principal, choiceOf(query));
          return {
            view: 'admin/policy-confirm.njk',
            data: {
              adminPaths: ADMIN_PATHS,
              policy: presentPolicy(policy),
              hidden: choiceValues(policy),
              changeHref: `${CHOOSE}?${new URLSearchParams(query).toString()}`,
            },
          };
        } catch (error) {
          const errors = errorsOf(error, query);
          if (!errors) throw error;
          return choosePage(principal, query, errors);
        }
      },
    }),
    pages.staff({
      method: 'POST',
      path: CONFIRM,
      roles: ROLES,
      handler: async ({ principal, form }) => {
        try {
          await adoptPolicyPreset(deps, principal, choiceOf(form));
          return { redirect: `${ADMIN_PATHS.policy}?done=adopted` };
        } catch (error) {
          const errors = errorsOf(error, form);
          if (!errors) throw error;
          return choosePage(principal, form, errors);
        }
      },
    }),
  ];
}
