import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { compareIsoDates, londonDateOf } from '../../domain/calendar/index.ts';
import { checkCompliance } from '../../domain/policy/compliance-check.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { findPreset } from '../../domain/policy/presets/index.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { requireAdministration } from '../administration/administration-access.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { audit, insertPolicyVersion, latestVersionNumber, policyInForce } from './organisation.repository.ts';

/**
 * An administrator adopts one of the preset policies from a date: it is saved as a new version
 * (the next number for that policy's key), so cases received before that date keep the version
 * they were received under, and new ones get this one.
 */

const adoptPresetSchema = z.object({
  preset: z.string().min(1, 'Select a policy'),
  effectiveFrom: z.iso.date('Enter the date the policy takes effect'),
});
export type AdoptPresetInput = z.infer<typeof adoptPresetSchema>;

const POLICY_CHANGED =
  'Someone else changed the policy at the same time. Check the policy in force and try again';

async function policyFromPreset(
  tx: Transaction,
  organisationId: string,
  input: AdoptPresetInput,
  today: string,
): Promise<Policy> {
  const preset = findPreset(input.preset);
  if (!preset) throw new InvalidInputError('Select a policy', 'preset');
  if (compareIsoDates(input.effectiveFrom, today) < 0) {
    throw new InvalidInputError(
      'The date the policy takes effect must be today or in the future',
      'effectiveFrom',
    );
  }
  // Keep the organisation's main country when the preset covers it.
  const current = await policyInForce(tx, organisationId, today);
  const country =
    current && preset.rules[current.defaultCountry] ? current.defaultCountry : preset.defaultCountry;
  const version = (await latestVersionNumber(tx, organisationId, preset.key)) + 1;
  return { ...preset, version, effectiveFrom: input.effectiveFrom, defaultCountry: country };
}

/** The policy that adopting would save, for the confirm step; nothing is saved. */
export async function previewPolicyPreset(
  deps: StaffDeps,
  principal: StaffPrincipal,
  raw: AdoptPresetInput,
): Promise<Policy> {
  requireAdministration(principal);
  const input = adoptPresetSchema.parse(raw);
  const today = londonDateOf(deps.clock.now());
  return deps.db.forOrganisation(principal.organisationId, (tx) =>
    policyFromPreset(tx, principal.organisationId, input, today),
  );
}

export async function adoptPolicyPreset(
  deps: StaffDeps,
  principal: StaffPrincipal,
  raw: AdoptPresetInput,
): Promise<Policy> {
  const actor = requireAdministration(principal);
  const input = adoptPresetSchema.parse(raw);
  const today = londonDateOf(deps.clock.now());
  const { organisationId } = principal;
  try {
    return await deps.db.forOrganisation(organisationId, async (tx) => {
      const policy = await policyFromPreset(tx, organisationId, input, today);
      await insertPolicyVersion(tx, organisationId, randomUUID(), policy);
      const findings = checkCompliance(policy);
      await audit(tx, {
        organisationId,
        actor,
        action: 'policy-version-adopted',
        details: {
          key: policy.key,
          version: policy.version,
          effectiveFrom: policy.effectiveFrom,
          defaultCountry: policy.defaultCountry,
          departures: findings.filter((f) => f.severity === 'departure').map((f) => f.check),
        },
      });
      return policy;
    });
  } catch (error) {
    // Another administrator saved the same version number first: what was confirmed is out of date.
    if (isUniqueViolation(error)) throw new InvalidInputError(POLICY_CHANGED, 'preset');
    throw error;
  }
}
