import type { Country } from '../country.ts';
import type { Policy } from '../policy-schema.ts';
import { ASSOCIATION_2022 } from './association-2022.ts';
import { HOMES_PLUS } from './homes-plus.ts';
import { HOS_CODE_2024 } from './hos-code-2024.ts';
import { NIPSO_MODEL } from './nipso-model.ts';
import { ONE_MANCHESTER } from './one-manchester.ts';
import { PEAKS_AND_PLAINS } from './peaks-and-plains.ts';
import { PEOPLE_FIRST } from './people-first.ts';
import { PSOW_MODEL } from './psow-model.ts';
import { SPSO_MCHP } from './spso-mchp.ts';

export {
  ASSOCIATION_2022,
  HOMES_PLUS,
  HOS_CODE_2024,
  NIPSO_MODEL,
  ONE_MANCHESTER,
  PEAKS_AND_PLAINS,
  PEOPLE_FIRST,
  PSOW_MODEL,
  SPSO_MCHP,
};

/** The policies a landlord can start from: each country's benchmark, then the five seed policies. */
export const PRESETS: readonly Policy[] = [
  HOS_CODE_2024,
  PSOW_MODEL,
  SPSO_MCHP,
  NIPSO_MODEL,
  PEOPLE_FIRST,
  ASSOCIATION_2022,
  HOMES_PLUS,
  ONE_MANCHESTER,
  PEAKS_AND_PLAINS,
];

export const PRESET_KEYS: readonly string[] = PRESETS.map((p) => p.key);

export const DEFAULT_PRESET_KEY = 'hos-code-2024';

/** Each country's own benchmark, the preset a new landlord there starts from. */
export const DEFAULT_PRESET_FOR: Readonly<Record<Country, string>> = {
  england: 'hos-code-2024',
  wales: 'psow-model',
  scotland: 'spso-mchp',
  'northern-ireland': 'nipso-model',
};

export function findPreset(key: string): Policy | undefined {
  return PRESETS.find((p) => p.key === key);
}
