import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { audit } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireAdministration } from './administration-access.ts';
import { retryingOnUniqueViolation } from '../../platform/db/unique-violation.ts';
import {
  findServiceArea,
  insertServiceArea,
  insertServiceCategory,
  listServiceAreas,
  updateServiceArea,
  updateServiceCategory,
  type ServiceArea,
} from './service-areas.repository.ts';

/**
 * Service areas and their categories. Cases store the codes, so nothing is ever deleted: an area
 * or category is retired (no longer offered for new cases) and can be restored. A rename changes
 * only the name people see; the code stays.
 */

export const serviceAreaNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name')
    .max(100, 'The name must be 100 characters or fewer')
    .refine((name) => codeFromName(name) !== '', 'The name must include letters or numbers'),
});

/** "Damp & mould" -> "damp-mould": lower-case words joined by hyphens, as cases store them. */
function codeFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

async function areaOr404(tx: Transaction, organisationId: string, code: string): Promise<ServiceArea> {
  const area = await findServiceArea(tx, organisationId, code);
  if (!area) throw new NotFoundError('There is no such service area');
  return area;
}

function categoryOr404(area: ServiceArea, code: string) {
  const category = area.categories.find((c) => c.code === code);
  if (!category) throw new NotFoundError('There is no such category');
  return category;
}

export async function addServiceArea(
  deps: StaffDeps,
  principal: StaffPrincipal,
  raw: { name: string },
): Promise<{ code: string; name: string }> {
  const actor = requireAdministration(principal);
  const { name } = serviceAreaNameSchema.parse(raw);
  const code = codeFromName(name);
  const { organisationId } = principal;
  return retryingOnUniqueViolation(() =>
    deps.db.forOrganisation(organisationId, async (tx) => {
      const existing = await findServiceArea(tx, organisationId, code);
      if (existing) {
        throw new InvalidInputError(
          existing.retired
            ? `There is already a retired service area called ${existing.name}. Restore it instead`
            : `There is already a service area called ${existing.name}`,
          'name',
        );
      }
      await insertServiceArea(tx, organisationId, { code, name });
      await audit(tx, { organisationId, actor, action: 'service-area-added', details: { code, name } });
      return { code, name };
    }),
  );
}

export async function renameServiceArea(
  deps: StaffDeps,
  principal: StaffPrincipal,
  code: string,
  raw: { name: string },
): Promise<void> {
  const actor = requireAdministration(principal);
  const { name } = serviceAreaNameSchema.parse(raw);
  const { organisationId } = principal;
  await deps.db.forOrganisation(organisationId, async (tx) => {
    const area = await areaOr404(tx, organisationId, code);
    if (area.name === name) return;
    await updateServiceArea(tx, organisationId, code, { name });
    await audit(tx, {
      organisationId,
      actor,
      action: 'service-area-renamed',
      details: { code, from: area.name, to: name },
    });
  });
}

/** Retires an area (no longer offered for new cases) or restores it. */
export async function setServiceAreaRetired(
  deps: StaffDeps,
  principal: StaffPrincipal,
  code: string,
  retired: boolean,
): Promise<void> {
  const actor = requireAdministration(principal);
  const { organisationId } = principal;
  await deps.db.forOrganisation(organisationId, async (tx) => {
    const area = await areaOr404(tx, organisationId, code);
    if (area.retired === retired) return;
    await updateServiceArea(tx, organisationId, code, { retiredAt: retired ? deps.clock.now() : null });
    await audit(tx, {
      organisationId,
      actor,
      action: retired ? 'service-area-retired' : 'service-area-restored',
      details: { code },
    });
  });
}

export async function addServiceCategory(
  deps: StaffDeps,
  principal: StaffPrincipal,
  areaCode: string,
  raw: { name: string },
): Promise<{ code: string; name: string }> {
  const actor = requireAdministration(principal);
  const { organisationId } = principal;
  return retryingOnUniqueViolation(() =>
    deps.db.forOrganisation(organisationId, async (tx) => {
      const area = await areaOr404(tx, organisationId, areaCode);
      const { name } = serviceAreaNameSchema.parse(raw);
      const code = codeFromName(name);
      const existing = area.categories.find((c) => c.code === code);
      if (existing) {
        throw new InvalidInputError(
          existing.retired
            ? `There is already a retired category called ${existing.name} in ${area.name}. Restore it instead`
            : `There is already a category called ${existing.name} in ${area.name}`,
          'name',
        );
      }
      await insertServiceCategory(tx, organisationId, { serviceArea: areaCode, code, name });
      await audit(tx, {
        organisationId,
        actor,
        action: 'service-category-added',
        details: { serviceArea: areaCode, code, name },
      });
      return { code, name };
    }),
  );
}

export async function renameServiceCategory(
  deps: StaffDeps,
  principal: StaffPrincipal,
  key: { serviceArea: string; code: string },
  raw: { name: string },
): Promise<void> {
  const actor = requireAdministration(principal);
  const { organisationId } = principal;
  await deps.db.forOrganisation(organisationId, async (tx) => {
    const category = categoryOr404(await areaOr404(tx, organisationId, key.serviceArea), key.code);
    const { name } = serviceAreaNameSchema.parse(raw);
    if (category.name === name) return;
    await updateServiceCategory(tx, organisationId, key, { name });
    await audit(tx, {
      organisationId,
      actor,
      action: 'service-category-renamed',
      details: { ...key, from: category.name, to: name },
    });
  });
}

export async function setServiceCategoryRetired(
  deps: StaffDeps,
  principal: StaffPrincipal,
  key: { serviceArea: string; code: string },
  retired: boolean,
): Promise<void> {
  const actor = requireAdministration(principal);
  const { organisationId } = principal;
  await deps.db.forOrganisation(organisationId, async (tx) => {
    const category = categoryOr404(await areaOr404(tx, organisationId, key.serviceArea), key.code);
    if (category.retired === retired) return;
    await updateServiceCategory(tx, organisationId, key, { retiredAt: retired ? deps.clock.now() : null });
    await audit(tx, {
      organisationId,
      actor,
      action: retired ? 'service-category-retired' : 'service-category-restored',
      details: key,
    });
  });
}

/** Every area with its categories, retired ones included (the administration list). */
export async function listAllServiceAreas(
  deps: StaffDeps,
  principal: StaffPrincipal,
): Promise<ServiceArea[]> {
  requireAdministration(principal);
  const { organisationId } = principal;
  return deps.db.forOrganisation(organisationId, (tx) =>
    listServiceAreas(tx, organisationId, { includeRetired: true }),
  );
}

/** One area, or 404 (another organisation's area is never there). */
export async function getServiceArea(
  deps: StaffDeps,
  principal: StaffPrincipal,
  code: string,
): Promise<ServiceArea> {
  requireAdministration(principal);
  return deps.db.forOrganisation(principal.organisationId, (tx) =>
    areaOr404(tx, principal.organisationId, code),
  );
}
