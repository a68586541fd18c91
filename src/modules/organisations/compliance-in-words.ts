import type { Jurisdiction } from '../../domain/calendar/index.ts';
import {
  benchmarkFor,
  checkCompliance,
  HOUSING_OMBUDSMAN_CODE,
} from '../../domain/policy/compliance-check.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';

export const JURISDICTION_NAMES: Record<Jurisdiction, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export interface ComplianceFinding {
  text: string;
  /** "Code provision 6.2", or the SPSO model procedure's section. */
  provision: string;
}

/** The compliance check of one jurisdiction's rules, for a landlord's staff. */
export interface ComplianceInWords {
  jurisdiction: string;
  benchmark: string;
  /** "No departures from the Code", "2 departures from the Code". */
  headline: string;
  departures: ComplianceFinding[];
  advisories: ComplianceFinding[];
}

const shortName = (jurisdiction: Jurisdiction) =>
  benchmarkFor(jurisdiction) === HOUSING_OMBUDSMAN_CODE ? 'the Code' : 'the SPSO model procedure';

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/** The jurisdictions a policy covers, its main one first. */
export function jurisdictionsOf(policy: Policy): Jurisdiction[] {
  const others = (Object.keys(policy.rules) as Jurisdiction[]).filter(
    (j) => j !== policy.defaultJurisdiction,
  );
  return [policy.defaultJurisdiction, ...others];
}

/** `checkCompliance`'s findings, one block per jurisdiction the policy covers. */
export function complianceInWords(policy: Policy): ComplianceInWords[] {
  const findings = checkCompliance(policy);
  return jurisdictionsOf(policy).map((jurisdiction) => {
    const mine = findings.filter((f) => f.jurisdiction === jurisdiction);
    const inWords = (severity: 'departure' | 'advisory') =>
      mine
        .filter((f) => f.severity === severity)
        .map((f) => ({
          text: f.explanation,
          provision:
            benchmarkFor(jurisdiction) === HOUSING_OMBUDSMAN_CODE
              ? `Code provision ${f.provision}`
              : f.provision,
        }));
    const departures = inWords('departure');
    return {
      jurisdiction: JURISDICTION_NAMES[jurisdiction],
      benchmark: benchmarkFor(jurisdiction).name,
      headline:
        departures.length === 0
          ? `No departures from ${shortName(jurisdiction)}`
          : `${plural(departures.length, 'departure', 'departures')} from ${shortName(jurisdiction)}`,
      departures,
      advisories: inWords('advisory'),
    };
  });
}

/** One line for a list of presets: each jurisdiction's headline, and any advisories. */
export function complianceSummary(policy: Policy): string {
  return complianceInWords(policy)
    .map((c) => {
      const where = Object.keys(policy.rules).length > 1 ? `${c.jurisdiction}: ` : '';
      const care = c.advisories.length
        ? ` (${plural(c.advisories.length, 'point', 'points')} to take care over)`
        : '';
      return `${where}${c.headline}${care}`;
    })
    .join('. ');
}
