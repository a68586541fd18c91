import { NotFoundError } from '../../platform/errors.ts';
import { audit } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireAdministration } from './administration-access.ts';
import { findApiKey, revokeApiKey } from './api-keys.repository.ts';

/**
 * Revokes one of the organisation's keys: from then on every request with it is refused (401).
 * Revoking a key already revoked changes nothing and is not audited again.
 */
export async function revokeOrganisationApiKey(
  deps: StaffDeps,
  principal: StaffPrincipal,
  apiKeyId: string,
): Promise<{ name: string }> {
  const actor = requireAdministration(principal);
  const { organisationId } = principal;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const key = await findApiKey(tx, organisationId, apiKeyId);
    if (!key) throw new NotFoundError('There is no such API key');
    if (await revokeApiKey(tx, organisationId, apiKeyId, deps.clock.now())) {
      await audit(tx, {
        organisationId,
        actor,
        action: 'api-key-revoked',
        details: { apiKeyId, name: key.name },
      });
    }
    return { name: key.name };
  });
}
