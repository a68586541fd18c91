import type { Policy } from '../policy-schema.ts';
import { SPSO_MCHP_RULES } from './shared-rules.ts';

/**
 * The Scottish Public Services Ombudsman's model complaints handling procedure (MCHP) for social landlords.
 * The rule set itself is SPSO_MCHP_RULES in shared-rules.ts, because seed 002's Scottish rules fall back on
 * it where the seed is silent. In short:
 * - stage 1 "frontline response" within 5 working days of receipt, with no separate acknowledgement (the
 *   response is the acknowledgement); extension up to 5 more working days (10 in total);
 * - stage 2 "investigation": acknowledgement within 3 working days of the request, response within 20
 *   working days (modelled from the acknowledgement), extension capped at 10;
 * - escalation within 6 months of the event or 2 months of the stage 1 response, whichever is later;
 * - complaints normally within 6 months, later in "special circumstances" (discretion);
 * - the MCHP is silent on who handles stage 2: we use the rule that the stage 2 investigator is not the
 *   stage 1 handler (mayBeStage1Handler false).
 * No seed gives an effective date for it, so it takes the default 2024-04-01.
 */
export const SPSO_MCHP: Policy = {
  key: 'spso-mchp',
  version: 1,
  effectiveFrom: '2024-04-01',
  name: 'SPSO model complaints handling procedure',
  landlord: 'Any Scottish social landlord (the SPSO model complaints handling procedure)',
  source: 'Scottish Public Services Ombudsman: Model Complaints Handling Procedure for social landlords',
  defaultCountry: 'scotland',
  rules: { scotland: SPSO_MCHP_RULES },
};
