import type { Policy } from '../policy-schema.ts';
import { ASSOCIATION_2022 } from './association-2022.ts';
import { HOMES_PLUS } from './homes-plus.ts';
import { HOS_CODE_2024 } from './hos-code-2024.ts';
import { ONE_MANCHESTER } from './one-manchester.ts';
import { PEAKS_AND_PLAINS } from './peaks-and-plains.ts';
import { PEOPLE_FIRST } from './people-first.ts';
import { SPSO_MCHP } from './spso-mchp.ts';

export {
  ASSOCIATION_2022,
  HOMES_PLUS,
  HOS_CODE_2024,
  ONE_MANCHESTER,
  PEAKS_AND_PLAINS,
  PEOPLE_FIRST,
  SPSO_MCHP,
};

/** The policies a landlord can start from: the Code, the SPSO model, then the five seed policies. */
export const PRESETS: readonly Policy[] = [
  HOS_CODE_2024,
  SPSO_MCHP,
  PEOPLE_FIRST,
  ASSOCIATION_2022,
  HOMES_PLUS,
  ONE_MANCHESTER,
  PEAKS_AND_PLAINS,
];

export const PRESET_KEYS: readonly string[] = PRESETS.map((p) => p.key);

export const DEFAULT_PRESET_KEY = 'hos-code-2024';

export function findPreset(key: string): Policy | undefined {
  return PRESETS.find((p) => p.key === key);
}
