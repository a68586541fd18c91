import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { COUNTRY_NAMES, countrySchema } from '../../domain/policy/country.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { DEFAULT_PRESET_FOR, findPreset, PRESET_KEYS } from '../../domain/policy/presets/index.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { insertDefaultServiceAreas } from '../administration/default-service-areas.ts';
import { generateApiKey } from './api-keys.ts';
import { audit, insertApiKey, insertOrganisation, insertPolicyVersion } from './organisation.repository.ts';

export const createOrganisationSchema = z.object({
  name: z.string().trim().min(1, 'Enter the organisation’s name').max(200),
  /** Without one, the country's own benchmark (the Code in England, the PSOW model in Wales…). */
  preset: z.string().min(1, 'Select a policy preset').optional(),
  country: countrySchema.optional(),
  referencePrefix: z
    .string()
    .regex(/^[A-Z]{2,5}$/, 'The reference prefix must be 2 to 5 capital letters')
    .optional(),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

export interface CreatedOrganisation {
  organisationId: string;
  name: string;
  referencePrefix: string;
  policy: Policy;
  /** Shown once: only its hash is kept. */
  apiKey: string;
}

/** "People First Housing" -> "PFH"; "Trust" -> "TRU". */
export function prefixFromName(name: string): string {
  const words = name.toUpperCase().match(/[A-Z]+/g) ?? [];
  const initials = words
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 5);
  if (initials.length >= 2) return initials;
  return (words[0] ?? 'ORG').slice(0, 3).padEnd(2, 'X');
}

export async function createOrganisation(
  db: DatabaseHandle,
  raw: CreateOrganisationInput,
  actor: string,
): Promise<CreatedOrganisation> {
  const input = createOrganisationSchema.parse(raw);
  const presetKey = input.preset ?? DEFAULT_PRESET_FOR[input.country ?? 'england'];
  const preset = findPreset(presetKey);
  if (!preset) {
    throw new InvalidInputError(
      `Unknown policy preset "${presetKey}". Choose one of: ${PRESET_KEYS.join(', ')}`,
      'preset',
    );
  }
  const country = input.country ?? preset.defaultCountry;
  if (!preset.rules[country]) {
    throw new InvalidInputError(
      `The ${preset.key} policy has no rules for ${COUNTRY_NAMES[country]}. It covers: ${Object.keys(preset.rules).join(', ')}`,
      'country',
    );
  }
  const policy: Policy = { ...preset, defaultCountry: country };
  const organisationId = randomUUID();
  const referencePrefix = input.referencePrefix ?? prefixFromName(input.name);
  const key = generateApiKey();
  await db.privileged(async (tx) => {
    await insertOrganisation(tx, { organisationId, name: input.name, referencePrefix });
    await insertPolicyVersion(tx, organisationId, randomUUID(), policy);
    await insertDefaultServiceAreas(tx, organisationId);
    await insertApiKey(tx, {
      organisationId,
      apiKeyId: key.apiKeyId,
      name: 'initial key',
      secretHash: key.secretHash,
      createdBy: actor,
    });
    await audit(tx, {
      organisationId,
      actor,
      action: 'organisation-created',
      details: { name: input.name, preset: policy.key, country, apiKeyId: key.apiKeyId },
    });
  });
  return { organisationId, name: input.name, referencePrefix, policy, apiKey: key.plaintext };
}
