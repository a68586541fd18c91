import { dateTimeInWords, londonDateInWords } from '../../domain/calendar/dates-in-words.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { actorNames } from './actor-names.ts';
import { requireAdministration } from './administration-access.ts';
import { findApiKey, listApiKeys, type ApiKeyRow } from './api-keys.repository.ts';

/** A key as the administration pages show it: never its secret nor its hash. */
export interface ApiKeyView {
  apiKeyId: string;
  name: string;
  createdInWords: string;
  createdByName: string;
  lastUsedInWords: string;
  active: boolean;
  revokedInWords: string | undefined;
}

const present =
  (nameOf: (actor: string | null) => string) =>
  (key: ApiKeyRow): ApiKeyView => ({
    apiKeyId: key.apiKeyId,
    name: key.name,
    createdInWords: londonDateInWords(key.createdAt),
    createdByName: nameOf(key.createdBy),
    lastUsedInWords: key.lastUsedAt ? dateTimeInWords(key.lastUsedAt) : 'Never',
    active: key.revokedAt === null,
    revokedInWords: key.revokedAt ? londonDateInWords(key.revokedAt) : undefined,
  });

/** The organisation's API keys, active first. */
export async function listOrganisationApiKeys(
  deps: StaffDeps,
  principal: StaffPrincipal,
): Promise<ApiKeyView[]> {
  requireAdministration(principal);
  const { organisationId } = principal;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const keys = await listApiKeys(tx, organisationId);
    const nameOf = await actorNames(
      tx,
      organisationId,
      keys.map((k) => k.createdBy ?? ''),
    );
    return keys.map(present(nameOf));
  });
}

/** One of the organisation's keys; another organisation's is not found (row-level security). */
export async function getOrganisationApiKey(
  deps: StaffDeps,
  principal: StaffPrincipal,
  apiKeyId: string,
): Promise<ApiKeyView> {
  requireAdministration(principal);
  const { organisationId } = principal;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const key = await findApiKey(tx, organisationId, apiKeyId);
    if (!key) throw new NotFoundError('There is no such API key');
    const nameOf = await actorNames(tx, organisationId, [key.createdBy ?? '']);
    return present(nameOf)(key);
  });
}
