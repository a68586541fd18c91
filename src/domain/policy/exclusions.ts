/**
 * Which of a policy's reasons for not accepting a complaint its benchmark allows. The Code lists the
 * acceptable exclusions (section 2) and lets a landlord add others that are fair and reasonable, but
 * never unacceptable behaviour: a restriction on contact must not stop a complaint being considered.
 * The same reasons are the only grounds for refusing to take a complaint to stage 2.
 */

export interface ExclusionReason {
  code: string;
  label: string;
}

import type { Country } from './country.ts';
import { regimeOf } from './regimes.ts';

/** Exclusions the Code (section 2) names as acceptable; each has its own ground for refusing stage 2. */
export const CODE_LISTED_EXCLUSIONS = [
  'outside-time-limit',
  'legal-proceedings',
  'already-considered',
] as const;

/** Words that mark a reason as being about the complainant's behaviour rather than the complaint. */
const BEHAVIOUR = /unacceptable|vexatious|abusive|persistent|unreasonable (behaviou?r|conduct|actions)/i;

export type ExclusionVerdict =
  { kind: 'listed'; why: string } | { kind: 'allowed'; why: string } | { kind: 'not-allowed'; why: string };

/**
 * How the benchmark of the country sees one exclusion reason: one it names itself (the Code's three;
 * a model procedure's own list), one about behaviour (never, unless the benchmark itself lists
 * unacceptable actions as not a complaint, as the SPSO's does), or another that must be fair.
 */
export function exclusionVerdict(reason: ExclusionReason, country: Country): ExclusionVerdict {
  const regime = regimeOf(country);
  const listed = [...CODE_LISTED_EXCLUSIONS, ...regime.benchmark.rules.exclusionReasons.map((r) => r.code)];
  if (listed.includes(reason.code)) {
    return {
      kind: 'listed',
      why: `"${reason.label}" is one of the exclusions ${regime.benchmark.shortName} names`,
    };
  }
  if (!regime.behaviourIsAnExclusion && (BEHAVIOUR.test(reason.code) || BEHAVIOUR.test(reason.label))) {
    return {
      kind: 'not-allowed',
      why: `"${reason.label}" is about the complainant’s behaviour: that is never a reason to refuse a complaint or its escalation; restrict contact instead, and keep considering the complaint`,
    };
  }
  return {
    kind: 'allowed',
    why: `"${reason.label}" is not one ${regime.benchmark.shortName} names: it must be fair and reasonable, and judged case by case`,
  };
}
