import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formErrorsFrom, type FormErrors } from '../../platform/web/forms.ts';
import type { PageResult, PageRoute } from '../../platform/web/page-route.ts';
import { pageRoutes } from '../../platform/web/page-route.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { successMessage } from '../../platform/web/success-banner.ts';
import {
  addServiceArea,
  addServiceCategory,
  getServiceArea,
  listAllServiceAreas,
  renameServiceArea,
  renameServiceCategory,
  setServiceAreaRetired,
  setServiceCategoryRetired,
} from './manage-service-areas.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();
const ROLES = rolesAllowedTo('administer');
const code = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const areaParams = z.object({ area: code });
const categoryParams = z.object({ area: code, category: code });

const AREA_MESSAGES = {
  added: 'Service area added.',
  renamed: 'Service area renamed.',
  retired: 'Service area retired. It is no longer offered for new complaints.',
  restored: 'Service area restored. It is offered for new complaints again.',
  'category-added': 'Category added.',
};
const CATEGORY_MESSAGES = {
  renamed: 'Category renamed.',
  retired: 'Category retired. It is no longer offered for new complaints.',
  restored: 'Category restored. It is offered for new complaints again.',
};

const areaPath = (area: string) => `${ADMIN_PATHS.serviceAreas}/${area}`;
const categoryPath = (area: string, category: string) => `${areaPath(area)}/categories/${category}`;

/** Runs a form's use case; on bad answers shows `again` with the errors (400), else redirects. */
async function submit(
  work: () => Promise<string>,
  again: (errors: FormErrors) => Promise<PageResult>,
): Promise<PageResult> {
  try {
    return { redirect: await work() };
  } catch (error) {
    const errors = formErrorsFrom(error);
    if (!errors) throw error;
    const page = await again(errors);
    return 'view' in page ? { ...page, status: 400 } : page;
  }
}

/** Service areas and their categories: list, add, rename, retire and restore. Never delete. */
export function serviceAreaPages(deps: StaffDeps): PageRoute<StaffPrincipal>[] {
  const listPage = async (
    principal: StaffPrincipal,
    extra: { done?: string | undefined; values?: Record<string, string>; errors?: FormErrors } = {},
  ): Promise<PageResult> => {
    const areas = await listAllServiceAreas(deps, principal);
    return {
      view: 'admin/service-areas.njk',
      data: {
        areas,
        adminPaths: ADMIN_PATHS,
        done: extra.done,
        values: extra.values ?? {},
        errors: extra.errors,
      },
    };
  };

  const areaPage = async (
    principal: StaffPrincipal,
    areaCode: string,
    extra: { done?: string | undefined; values?: Record<string, string>; errors?: FormErrors } = {},
  ): Promise<PageResult> => {
    const area = await getServiceArea(deps, principal, areaCode);
    return {
      view: 'admin/service-area.njk',
      data: {
        area,
        adminPaths: ADMIN_PATHS,
        successMessage: successMessage(AREA_MESSAGES, extra.done),
        values: { name: area.name, ...extra.values },
        errors: extra.errors,
      },
    };
  };

  const categoryPage = async (
    principal: StaffPrincipal,
    areaCode: string,
    categoryCode: string,
    extra: { done?: string | undefined; values?: Record<string, string>; errors?: FormErrors } = {},
  ): Promise<PageResult> => {
    const area = await getServiceArea(deps, principal, areaCode);
    const category = area.categories.find((c) => c.code === categoryCode);
    if (!category) throw new NotFoundError('There is no such category');
    return {
      view: 'admin/service-category.njk',
      data: {
        area,
        category,
        adminPaths: ADMIN_PATHS,
        successMessage: successMessage(CATEGORY_MESSAGES, extra.done),
        values: { name: category.name, ...extra.values },
        errors: extra.errors,
      },
    };
  };

  const retireRoutes = (
    path: string,
    params: typeof areaParams | typeof categoryParams,
    act: (principal: StaffPrincipal, params: Record<string, string>, retired: boolean) => Promise<string>,
  ) =>
    (['retire', 'restore'] as const).map((action) =>
      pages.staff({
        method: 'POST',
        path: `${path}/${action}`,
        roles: ROLES,
        params,
        handler: async ({ principal, params: p }) => ({
          redirect: await act(principal, p as Record<string, string>, action === 'retire'),
        }),
      }),
    );

  return [
    pages.staff({
      method: 'GET',
      path: ADMIN_PATHS.serviceAreas,
      roles: ROLES,
      handler: ({ principal, query }) => listPage(principal, { done: query.done }),
    }),
    pages.staff({
      method: 'POST',
      path: ADMIN_PATHS.serviceAreas,
      roles: ROLES,
      handler: ({ principal, form }) => {
        const values = { name: form.name ?? '' };
        return submit(
          async () => {
            const added = await addServiceArea(deps, principal, values);
            return `${areaPath(added.code)}?done=added`;
          },
          (errors) => listPage(principal, { values, errors }),
        );
      },
    }),
    pages.staff({
      method: 'GET',
      path: `${ADMIN_PATHS.serviceAreas}/:area`,
      roles: ROLES,
      params: areaParams,
      handler: ({ principal, params, query }) => areaPage(principal, params.area, { done: query.done }),
    }),
    pages.staff({
      method: 'POST',
      path: `${ADMIN_PATHS.serviceAreas}/:area/rename`,
      roles: ROLES,
      params: areaParams,
      handler: ({ principal, params, form }) => {
        const values = { name: form.name ?? '' };
        return submit(
          async () => {
            await renameServiceArea(deps, principal, params.area, values);
            return `${areaPath(params.area)}?done=renamed`;
          },
          (errors) => areaPage(principal, params.area, { values, errors }),
        );
      },
    }),
    ...retireRoutes(`${ADMIN_PATHS.serviceAreas}/:area`, areaParams, async (principal, p, retired) => {
      const area = p.area ?? '';
      await setServiceAreaRetired(deps, principal, area, retired);
      return `${areaPath(area)}?done=${retired ? 'retired' : 'restored'}`;
    }),
    pages.staff({
      method: 'POST',
      path: `${ADMIN_PATHS.serviceAreas}/:area/categories`,
      roles: ROLES,
      params: areaParams,
      handler: ({ principal, params, form }) => {
        const values = { categoryName: form.categoryName ?? '' };
        return submit(
          async () => {
            await addServiceCategory(deps, principal, params.area, { name: values.categoryName });
            return `${areaPath(params.area)}?done=category-added`;
          },
          async (errors) =>
            areaPage(principal, params.area, { values, errors: renameField(errors, 'name', 'categoryName') }),
        );
      },
    }),
    pages.staff({
      method: 'GET',
      path: `${ADMIN_PATHS.serviceAreas}/:area/categories/:category`,
      roles: ROLES,
      params: categoryParams,
      handler: ({ principal, params, query }) =>
        categoryPage(principal, params.area, params.category, { done: query.done }),
    }),
    pages.staff({
      method: 'POST',
      path: `${ADMIN_PATHS.serviceAreas}/:area/categories/:category/rename`,
      roles: ROLES,
      params: categoryParams,
      handler: ({ principal, params, form }) => {
        const values = { name: form.name ?? '' };
        const key = { serviceArea: params.area, code: params.category };
        return submit(
          async () => {
            await renameServiceCategory(deps, principal, key, values);
            return `${categoryPath(params.area, params.category)}?done=renamed`;
          },
          (errors) => categoryPage(principal, params.area, params.category, { values, errors }),
        );
      },
    }),
    ...retireRoutes(
      `${ADMIN_PATHS.serviceAreas}/:area/categories/:category`,
      categoryParams,
      async (principal, p, retired) => {
        const key = { serviceArea: p.area ?? '', code: p.category ?? '' };
        await setServiceCategoryRetired(deps, principal, key, retired);
        return `${categoryPath(key.serviceArea, key.code)}?done=${retired ? 'retired' : 'restored'}`;
      },
    ),
  ];
}

/** The category form's field is `categoryName` (the rename form on the same page has `name`). */
function renameField(errors: FormErrors, from: string, to: string): FormErrors {
  const fields = Object.fromEntries(
    Object.entries(errors.fields).map(([field, message]) => [field === from ? to : field, message]),
  );
  return {
    fields,
    summary: errors.summary.map((s) => (s.href === `#${from}` ? { ...s, href: `#${to}` } : s)),
  };
}
