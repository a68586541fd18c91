import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { serviceAreas, serviceCategories } from '../../platform/db/schema.ts';

export interface ServiceCategory {
  code: string;
  name: string;
  retired: boolean;
}

export interface ServiceArea {
  code: string;
  name: string;
  retired: boolean;
  categories: ServiceCategory[];
}

/**
 * The organisation's service areas with their categories, by name. Retired ones are kept (cases
 * still refer to them) and listed only when asked for.
 */
export async function listServiceAreas(
  tx: Transaction,
  organisationId: string,
  options: { includeRetired?: boolean } = {},
): Promise<ServiceArea[]> {
  const areas = await tx
    .select()
    .from(serviceAreas)
    .where(
      and(
        eq(serviceAreas.organisationId, organisationId),
        options.includeRetired ? undefined : isNull(serviceAreas.retiredAt),
      ),
    )
    .orderBy(asc(serviceAreas.name));
  const categories = await tx
    .select()
    .from(serviceCategories)
    .where(
      and(
        eq(serviceCategories.organisationId, organisationId),
        options.includeRetired ? undefined : isNull(serviceCategories.retiredAt),
      ),
    )
    .orderBy(asc(serviceCategories.name));
  return areas.map((area) => ({
    code: area.code,
    name: area.name,
    retired: area.retiredAt !== null,
    categories: categories
      .filter((c) => c.serviceArea === area.code)
      .map((c) => ({ code: c.code, name: c.name, retired: c.retiredAt !== null })),
  }));
}

/** A category's display name within its area, or the code itself when it is not configured. */
export function serviceCategoryName(areas: readonly ServiceArea[], area: string, code: string): string {
  return areas.find((a) => a.code === area)?.categories.find((c) => c.code === code)?.name ?? code;
}

/** The area's display name, or the code itself for an area no longer (or never) configured. */
export function serviceAreaName(areas: readonly ServiceArea[], code: string): string {
  return areas.find((a) => a.code === code)?.name ?? code;
}

/** One area with its categories (retired included), or null. */
export async function findServiceArea(
  tx: Transaction,
  organisationId: string,
  code: string,
): Promise<ServiceArea | null> {
  const areas = await listServiceAreas(tx, organisationId, { includeRetired: true });
  return areas.find((a) => a.code === code) ?? null;
}

export async function insertServiceArea(
  tx: Transaction,
  organisationId: string,
  area: { code: string; name: string },
): Promise<void> {
  await tx.insert(serviceAreas).values({ organisationId, ...area });
}

export async function updateServiceArea(
  tx: Transaction,
  organisationId: string,
  code: string,
  changes: { name?: string; retiredAt?: Date | null },
): Promise<void> {
  await tx
    .update(serviceAreas)
    .set(changes)
    .where(and(eq(serviceAreas.organisationId, organisationId), eq(serviceAreas.code, code)));
}

export async function insertServiceCategory(
  tx: Transaction,
  organisationId: string,
  category: { serviceArea: string; code: string; name: string },
): Promise<void> {
  await tx.insert(serviceCategories).values({ organisationId, ...category });
}

export async function updateServiceCategory(
  tx: Transaction,
  organisationId: string,
  key: { serviceArea: string; code: string },
  changes: { name?: string; retiredAt?: Date | null },
): Promise<void> {
  await tx
    .update(serviceCategories)
    .set(changes)
    .where(
      and(
        eq(serviceCategories.organisationId, organisationId),
        eq(serviceCategories.serviceArea, key.serviceArea),
        eq(serviceCategories.code, key.code),
      ),
    );
}
