import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { formErrorsFrom } from '../../platform/web/forms.ts';
import type { PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import { createStaffAccount } from './create-staff-account.use-case.ts';
import type { StaffDeps } from './deps.ts';
import { disableStaffAccount } from './disable-staff-account.use-case.ts';
import { enableStaffAccount } from './enable-staff-account.use-case.ts';
import { getStaffAccount, listStaffAccounts } from './list-staff-accounts.use-case.ts';
import { resetStaffPassword } from './reset-staff-password.use-case.ts';
import { PATHS } from './staff-layout.ts';
import { staffActor, type StaffPrincipal } from './staff-principal.ts';
import { roleInWords, STAFF_ROLES } from './staff-roles.ts';
import type { StaffAccountView } from './staff-accounts.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { successMessage } from '../../platform/web/success-banner.ts';

const pages = pageRoutes<StaffPrincipal>();
const ADMINISTRATORS = rolesAllowedTo('administer');
const accountParams = z.object({ id: z.uuid() });

/** The role radios, with the submitted answer kept. */
const roleItems = (chosen: string | undefined) =>
  STAFF_ROLES.map((role) => ({ value: role, text: roleInWords(role), checked: role === chosen }));

const ACCOUNT_MESSAGES = {
  disabled: 'The account has been disabled. They have been signed out.',
  enabled: 'The account has been re-enabled. They can sign in again with their current password.',
  'password-reset':
    'Temporary password set. Give it to them yourself: they must change it when they next sign in.',
};

function accountPage(
  account: StaffAccountView,
  principal: StaffPrincipal,
  extra: { done?: string | undefined; errors?: FormErrors; status?: number } = {},
) {
  return {
    view: 'admin/staff-account.njk',
    status: extra.status ?? 200,
    data: {
      account,
      isSelf: account.staffId === principal.staffId,
      successMessage: successMessage(ACCOUNT_MESSAGES, extra.done),
      errors: extra.errors,
    },
  };
}

/** Administrators manage their own organisation's staff accounts; everyone else gets 403. */
export function adminStaffPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: PATHS.staffAccounts,
      roles: ADMINISTRATORS,
      handler: async ({ principal, query }) => {
        const accounts = await listStaffAccounts(deps, principal);
        const created = accounts.find((a) => a.staffId === query.created);
        return { view: 'admin/staff-list.njk', data: { accounts, created } };
      },
    }),

    pages.staff({
      method: 'GET',
      path: `${PATHS.staffAccounts}/new`,
      roles: ADMINISTRATORS,
      handler: () =>
        Promise.resolve({
          view: 'admin/staff-new.njk',
          data: { values: {}, roleItems: roleItems(undefined) },
        }),
    }),

    pages.staff({
      method: 'POST',
      path: `${PATHS.staffAccounts}/new`,
      roles: ADMINISTRATORS,
      handler: async ({ principal, form }) => {
        const values = { name: form.name ?? '', email: form.email ?? '', role: form.role ?? '' };
        try {
          const created = await createStaffAccount(deps, staffActor(principal), principal.organisationId, {
            ...values,
            temporaryPassword: form.temporaryPassword ?? '',
          });
          return { redirect: `${PATHS.staffAccounts}?created=${created.staffId}` };
        } catch (error) {
          const errors = formErrorsFrom(error);
          if (!errors) throw error;
          return {
            view: 'admin/staff-new.njk',
            status: 400,
            data: { values, roleItems: roleItems(values.role), errors },
          };
        }
      },
    }),

    pages.staff({
      method: 'GET',
      path: `${PATHS.staffAccounts}/:id`,
      roles: ADMINISTRATORS,
      params: accountParams,
      handler: async ({ principal, params, query }) => {
        const account = await getStaffAccount(deps, principal, params.id);
        return accountPage(account, principal, { done: query.done });
      },
    }),

    pages.staff({
      method: 'POST',
      path: `${PATHS.staffAccounts}/:id/disable`,
      roles: ADMINISTRATORS,
      params: accountParams,
      handler: async ({ principal, params }) => {
        await disableStaffAccount(deps, principal, params.id);
        return { redirect: `${PATHS.staffAccounts}/${params.id}?done=disabled` };
      },
    }),

    pages.staff({
      method: 'POST',
      path: `${PATHS.staffAccounts}/:id/enable`,
      roles: ADMINISTRATORS,
      params: accountParams,
      handler: async ({ principal, params }) => {
        await enableStaffAccount(deps, principal, params.id);
        return { redirect: `${PATHS.staffAccounts}/${params.id}?done=enabled` };
      },
    }),

    pages.staff({
      method: 'POST',
      path: `${PATHS.staffAccounts}/:id/reset-password`,
      roles: ADMINISTRATORS,
      params: accountParams,
      handler: async ({ principal, params, form }) => {
        try {
          await resetStaffPassword(deps, principal, params.id, {
            temporaryPassword: form.temporaryPassword ?? '',
          });
        } catch (error) {
          const errors = formErrorsFrom(error);
          if (!errors) throw error;
          const account = await getStaffAccount(deps, principal, params.id);
          return accountPage(account, principal, { errors, status: 400 });
        }
        return { redirect: `${PATHS.staffAccounts}/${params.id}?done=password-reset` };
      },
    }),
  ];
}
