import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { generateApiKey } from '../organisations/api-keys.ts';
import { audit, insertApiKey } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireAdministration } from './administration-access.ts';
import { listApiKeys } from './api-keys.repository.ts';

export const API_KEY_NAME_MAX = 100;

/** Half of a UTF-16 surrogate pair without its other half: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name for the key, like the system that will use it')
    .max(API_KEY_NAME_MAX, `The name must be ${String(API_KEY_NAME_MAX)} characters or fewer`)
    // A name is read on the keys page and in the audit log: no control characters (NUL among them,
    // which PostgreSQL cannot store) and no broken Unicode (a lone surrogate from a bad client).
    .refine((name) => !/\p{Cc}/u.test(name), 'The name must not contain control characters')
    .refine((name) => !LONE_SURROGATE.test(name), 'The name contains a character that cannot be read'),
});

export interface CreatedApiKey {
  apiKeyId: string;
  name: string;
  /** Shown once, on the page that answers the form: only its hash is stored, and it is never logged. */
  plaintext: string;
}

/** An administrator creates a named key for their organisation; the change is audited, the secret is not. */
export async function createApiKey(
  deps: StaffDeps,
  principal: StaffPrincipal,
  raw: { name: string },
): Promise<CreatedApiKey> {
  const actor = requireAdministration(principal);
  const { name } = createApiKeySchema.parse(raw);
  const { organisationId } = principal;
  const key = generateApiKey();
  await deps.db.forOrganisation(organisationId, async (tx) => {
    const active = (await listApiKeys(tx, organisationId)).filter((k) => !k.revokedAt);
    if (active.some((k) => k.name.toLowerCase() === name.toLowerCase())) {
      throw new InvalidInputError(
        `There is already an active key called ${name}. Give this one a different name`,
        'name',
      );
    }
    await insertApiKey(tx, {
      organisationId,
      apiKeyId: key.apiKeyId,
      name,
      secretHash: key.secretHash,
      createdBy: actor,
      createdAt: deps.clock.now(),
    });
    await audit(tx, {
      organisationId,
      actor,
      action: 'api-key-created',
      details: { apiKeyId: key.apiKeyId, name },
    });
  });
  return { apiKeyId: key.apiKeyId, name, plaintext: key.plaintext };
}
