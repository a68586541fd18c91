import type { Transaction } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { listServiceAreas } from './service-areas.repository.ts';

/**
 * Only the organisation's areas and categories in use may be chosen. Codes are free text only for an
 * organisation that has never configured any: retired areas count as configured (old cases keep
 * them), so retiring every area does not open the field to any code.
 */
export async function checkServiceArea(
  tx: Transaction,
  organisationId: string,
  serviceArea: string | undefined,
  category: string | undefined,
): Promise<void> {
  if (serviceArea === undefined) return;
  const areas = await listServiceAreas(tx, organisationId, { includeRetired: true });
  if (areas.length === 0) return;
  const area = areas.find((a) => a.code === serviceArea);
  if (!area) {
    throw new InvalidInputError(
      areas.some((a) => !a.retired)
        ? 'Select a service area from the list'
        : 'None of your organisation’s service areas is in use: ask an administrator to add one',
      'serviceArea',
    );
  }
  if (area.retired) {
    throw new InvalidInputError(
      `${area.name} is no longer in use: select another service area`,
      'serviceArea',
    );
  }
  if (category === undefined) return;
  const found = area.categories.find((c) => c.code === category);
  if (!found) throw new InvalidInputError(`Select a category of ${area.name}`, 'category');
  if (found.retired) {
    throw new InvalidInputError(
      `${found.name} is no longer in use: select another category of ${area.name}`,
      'category',
    );
  }
}
