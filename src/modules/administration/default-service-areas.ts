import type { Transaction } from '../../platform/db/database.ts';
import { insertServiceArea, insertServiceCategory } from './service-areas.repository.ts';

/**
 * The areas a new organisation starts with; administrators rename, retire and add to them. The
 * codes are what cases store (and what the demo landlord's cases use), so they are set here rather
 * than made from the names.
 */
const DEFAULT_SERVICE_AREAS: readonly {
  code: string;
  name: string;
  categories: readonly { code: string; name: string }[];
}[] = [
  {
    code: 'repairs',
    name: 'Repairs',
    categories: [
      { code: 'damp-and-mould', name: 'Damp and mould' },
      { code: 'heating-and-hot-water', name: 'Heating and hot water' },
      { code: 'gas-safety', name: 'Gas safety' },
      { code: 'leaks-and-plumbing', name: 'Leaks and plumbing' },
      { code: 'doors-windows-and-locks', name: 'Doors, windows and locks' },
      { code: 'missed-appointments', name: 'Missed appointments' },
    ],
  },
  { code: 'adaptations', name: 'Adaptations', categories: [] },
  { code: 'lettings', name: 'Lettings and allocations', categories: [] },
  {
    code: 'income',
    name: 'Rents and service charges',
    categories: [
      { code: 'rent-accounts', name: 'Rent accounts' },
      { code: 'service-charges', name: 'Service charges' },
    ],
  },
  { code: 'neighbourhoods', name: 'Anti-social behaviour and neighbourhoods', categories: [] },
  {
    code: 'estate-services',
    name: 'Estate services and grounds',
    categories: [
      { code: 'grounds-maintenance', name: 'Grounds maintenance' },
      { code: 'cleaning', name: 'Communal cleaning' },
      { code: 'communal-lighting', name: 'Communal lighting' },
      { code: 'waste-and-bins', name: 'Waste and bins' },
    ],
  },
  { code: 'customer-services', name: 'Customer service', categories: [] },
];

/** Gives a new organisation the default areas and categories (inside its creating transaction). */
export async function insertDefaultServiceAreas(tx: Transaction, organisationId: string): Promise<void> {
  for (const area of DEFAULT_SERVICE_AREAS) {
    await insertServiceArea(tx, organisationId, { code: area.code, name: area.name });
    for (const category of area.categories) {
      await insertServiceCategory(tx, organisationId, { serviceArea: area.code, ...category });
    }
  }
}
