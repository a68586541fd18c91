import { existsSync, readFileSync } from 'node:fs';
import { checkCompliance, countriesOf } from '../domain/policy/compliance-check.ts';
import { COUNTRY_NAMES } from '../domain/policy/country.ts';
import { policySchema, type Policy } from '../domain/policy/policy-schema.ts';
import { findPreset, PRESET_KEYS } from '../domain/policy/presets/index.ts';
import { InvalidInputError } from '../platform/errors.ts';

function loadPolicy(presetOrFile: string): Policy {
  const preset = findPreset(presetOrFile);
  if (preset) return preset;
  if (!existsSync(presetOrFile)) {
    throw new InvalidInputError(
      `"${presetOrFile}" is neither a preset (${PRESET_KEYS.join(', ')}) nor a file`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(presetOrFile, 'utf8'));
  } catch {
    throw new InvalidInputError(`${presetOrFile} is not valid JSON`);
  }
  const parsed = policySchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(policy)'}: ${i.message}`);
    throw new InvalidInputError(`${presetOrFile} is not a valid policy:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The compliance check, as text for a person to read or as JSON for a machine. */
export function policyCheckReport(
  presetOrFile: string,
  format: 'text' | 'json' = 'text',
): { text: string; departures: number } {
  const policy = loadPolicy(presetOrFile);
  const found = checkCompliance(policy);
  const departures = found.filter((d) => d.severity === 'departure');
  if (format === 'json') {
    const report = {
      policy: {
        key: policy.key,
        version: policy.version,
        name: policy.name,
        effectiveFrom: policy.effectiveFrom,
      },
      countries: countriesOf(policy),
      findings: found,
    };
    return { text: JSON.stringify(report, null, 2), departures: departures.length };
  }
  const lines = [`${policy.name} (${policy.key} v${policy.version}, effective ${policy.effectiveFrom})`, ''];
  if (departures.length === 0)
    lines.push('No departures: the policy meets the benchmark for every country it covers.', '');
  const section = (title: string, items: typeof found) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`);
    for (const d of items) {
      lines.push(`  - ${d.benchmark} ${d.provision} [${COUNTRY_NAMES[d.country]}]`, `    ${d.explanation}`);
    }
    lines.push('');
  };
  section('Departures', departures);
  section(
    'Not stated (the benchmark applies)',
    found.filter((d) => d.severity === 'not-stated'),
  );
  section(
    'Advisories',
    found.filter((d) => d.severity === 'advisory'),
  );
  return { text: lines.join('\n').trimEnd(), departures: departures.length };
}
