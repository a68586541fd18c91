import type { Policy } from '../policy-schema.ts';
import { PSOW_MODEL_RULES } from './shared-rules.ts';

/**
 * The Public Services Ombudsman for Wales' model concerns and complaints policy, run as written: the
 * default for a Welsh landlord and the benchmark every Welsh policy is checked against. The rule set
 * is PSOW_MODEL_RULES in shared-rules.ts.
 */
export const PSOW_MODEL: Policy = {
  key: 'psow-model',
  version: 1,
  effectiveFrom: '2024-04-01',
  name: 'PSOW model concerns and complaints policy',
  landlord: 'Any Welsh social landlord (the Public Services Ombudsman for Wales model policy)',
  source: 'Public Services Ombudsman for Wales: model concerns and complaints policy and guidance',
  defaultCountry: 'wales',
  rules: { wales: PSOW_MODEL_RULES },
};
