import type { Policy } from '../policy-schema.ts';
import { NIPSO_MCHP_RULES } from './shared-rules.ts';

/**
 * The Northern Ireland Public Services Ombudsman's model complaints handling procedure, run as
 * written: the default for a Northern Irish landlord and the benchmark every Northern Irish policy
 * is checked against. The rule set is NIPSO_MCHP_RULES in shared-rules.ts.
 */
export const NIPSO_MODEL: Policy = {
  key: 'nipso-model',
  version: 1,
  effectiveFrom: '2024-04-01',
  name: 'NIPSO model complaints handling procedure',
  landlord: 'Any Northern Irish social landlord (the NIPSO model complaints handling procedure)',
  source: 'Northern Ireland Public Services Ombudsman: model complaints handling procedure',
  defaultCountry: 'northern-ireland',
  rules: { 'northern-ireland': NIPSO_MCHP_RULES },
};
