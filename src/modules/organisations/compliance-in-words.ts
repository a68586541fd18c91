import { checkCompliance, countriesOf, type FindingKind } from '../../domain/policy/compliance-check.ts';
import { COUNTRY_NAMES } from '../../domain/policy/country.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { benchmarkFor, HOUSING_OMBUDSMAN_CODE } from '../../domain/policy/regimes.ts';

export interface ComplianceFinding {
  text: string;
  /** "Code provision 6.2", or a model procedure's section. */
  provision: string;
}

/** The compliance check of one country's rules, for a landlord's staff. */
export interface ComplianceInWords {
  country: string;
  benchmark: string;
  /** "the Code", "the SPSO model procedure". */
  shortName: string;
  /** "No departures from the Code", "2 departures from the Code". */
  headline: string;
  departures: ComplianceFinding[];
  advisories: ComplianceFinding[];
  /** Where the policy is silent and the benchmark's rule applies. */
  notStated: ComplianceFinding[];
}

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/** `checkCompliance`'s findings, one block per country the policy covers. */
export function complianceInWords(policy: Policy): ComplianceInWords[] {
  const findings = checkCompliance(policy);
  return countriesOf(policy).map((country) => {
    const benchmark = benchmarkFor(country);
    const mine = findings.filter((f) => f.country === country);
    const inWords = (severity: FindingKind) =>
      mine
        .filter((f) => f.severity === severity)
        .map((f) => ({
          text: f.explanation,
          provision: benchmark === HOUSING_OMBUDSMAN_CODE ? `Code provision ${f.provision}` : f.provision,
        }));
    const departures = inWords('departure');
    return {
      country: COUNTRY_NAMES[country],
      benchmark: benchmark.name,
      shortName: benchmark.shortName,
      headline:
        departures.length === 0
          ? `No departures from ${benchmark.shortName}`
          : `${plural(departures.length, 'departure', 'departures')} from ${benchmark.shortName}`,
      departures,
      advisories: inWords('advisory'),
      notStated: inWords('not-stated'),
    };
  });
}

/** One line for a list of presets: each country's headline, and any advisories. */
export function complianceSummary(policy: Policy): string {
  return complianceInWords(policy)
    .map((c) => {
      const where = Object.keys(policy.rules).length > 1 ? `${c.country}: ` : '';
      const care = c.advisories.length
        ? ` (${plural(c.advisories.length, 'point', 'points')} to take care over)`
        : '';
      const silent = c.notStated.length ? `; ${plural(c.notStated.length, 'rule', 'rules')} not stated` : '';
      return `${where}${c.headline}${care}${silent}`;
    })
    .join('. ');
}

/** The countries a policy covers, in words, its main one first. */
export function countriesInWords(policy: Policy): string {
  return countriesOf(policy)
    .map((c) => COUNTRY_NAMES[c])
    .join(', ');
}
