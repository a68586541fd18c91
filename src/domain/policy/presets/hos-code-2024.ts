import type { Policy } from '../policy-schema.ts';
import { CODE_2024_RULES } from './shared-rules.ts';

/**
 * The Housing Ombudsman Complaint Handling Code 2024 (in force 1 April 2024), run as written. It is the
 * default policy and the benchmark the compliance check compares every other policy with.
 *
 * Northern Ireland runs the same rules so that NI landlords can use the Code as their policy. Note that
 * the Housing Ombudsman has no jurisdiction there (social housing complaints go to the NI Public Services
 * Ombudsman), so an NI landlord should replace the external body before going live.
 */
export const HOS_CODE_2024: Policy = {
  key: 'hos-code-2024',
  version: 1,
  effectiveFrom: '2024-04-01',
  name: 'Housing Ombudsman Complaint Handling Code 2024',
  landlord: 'Any landlord (the Housing Ombudsman Complaint Handling Code 2024)',
  source: 'Housing Ombudsman Service: Complaint Handling Code (2024), statutory from 1 April 2024',
  defaultCountry: 'england',
  rules: { england: CODE_2024_RULES },
};
