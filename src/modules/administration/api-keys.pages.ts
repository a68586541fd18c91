import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { formErrorsFrom } from '../../platform/web/forms.ts';
import type { PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import { successMessage } from '../../platform/web/success-banner.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { API_KEY_NAME_MAX, createApiKey } from './create-api-key.use-case.ts';
import { getOrganisationApiKey, listOrganisationApiKeys } from './list-api-keys.use-case.ts';
import { revokeOrganisationApiKey } from './revoke-api-key.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();
const ROLES = rolesAllowedTo('administer');
const keyParams = z.object({ id: z.uuid() });
const NEW_KEY = `${ADMIN_PATHS.apiKeys}/new`;
const revokePath = (apiKeyId: string) => `${ADMIN_PATHS.apiKeys}/${apiKeyId}/revoke`;

/**
 * API keys: listed with their last use, created (the secret shown once, on the page that answers
 * the form: never in an address, never stored nor logged), and revoked after a confirmation.
 */
export function apiKeyPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: ADMIN_PATHS.apiKeys,
      roles: ROLES,
      handler: async ({ principal, query }) => ({
        view: 'admin/api-keys.njk',
        data: {
          adminPaths: ADMIN_PATHS,
          keys: await listOrganisationApiKeys(deps, principal),
          successMessage: successMessage(
            { revoked: 'API key revoked. It can no longer be used.' },
            query.done,
          ),
        },
      }),
    }),
    pages.staff({
      method: 'GET',
      path: NEW_KEY,
      roles: ROLES,
      handler: () =>
        Promise.resolve({
          view: 'admin/api-key-new.njk',
          data: { adminPaths: ADMIN_PATHS, values: {}, nameMax: API_KEY_NAME_MAX },
        }),
    }),
    pages.staff({
      method: 'POST',
      path: NEW_KEY,
      roles: ROLES,
      handler: async ({ principal, form }) => {
        const values = { name: form.name ?? '' };
        try {
          const created = await createApiKey(deps, principal, values);
          return { view: 'admin/api-key-created.njk', data: { adminPaths: ADMIN_PATHS, created } };
        } catch (error) {
          const errors = formErrorsFrom(error);
          if (!errors) throw error;
          return {
            view: 'admin/api-key-new.njk',
            status: 400,
            data: { adminPaths: ADMIN_PATHS, values, errors, nameMax: API_KEY_NAME_MAX },
          };
        }
      },
    }),
    pages.staff({
      method: 'GET',
      path: revokePath(':id'),
      roles: ROLES,
      params: keyParams,
      handler: async ({ principal, params }) => {
        const key = await getOrganisationApiKey(deps, principal, params.id);
        if (!key.active) return { redirect: ADMIN_PATHS.apiKeys };
        return {
          view: 'admin/api-key-revoke.njk',
          data: { adminPaths: ADMIN_PATHS, key, action: revokePath(key.apiKeyId) },
        };
      },
    }),
    pages.staff({
      method: 'POST',
      path: revokePath(':id'),
      roles: ROLES,
      params: keyParams,
      handler: async ({ principal, params }) => {
        await revokeOrganisationApiKey(deps, principal, params.id);
        return { redirect: `${ADMIN_PATHS.apiKeys}?done=revoked` };
      },
    }),
  ];
}
