import { NotFoundError } from '../../platform/errors.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { requireContactLogger } from './contact-access.ts';
import { findContact, listContacts, type ContactFilters } from './contact.repository.ts';
import { presentContact, presentContactSummary } from './contact.presenter.ts';

/** Reading the contact log: the same people who log contacts. */

export async function listContactLog(deps: StaffDeps, principal: StaffPrincipal, filters: ContactFilters) {
  requireContactLogger(principal);
  const { rows, total } = await deps.db.forOrganisation(principal.organisationId, (tx) =>
    listContacts(tx, principal.organisationId, filters),
  );
  return { contacts: rows.map(presentContactSummary), total };
}

export async function getContact(deps: StaffDeps, principal: StaffPrincipal, reference: string) {
  requireContactLogger(principal);
  const row = await deps.db.forOrganisation(principal.organisationId, (tx) =>
    findContact(tx, principal.organisationId, reference),
  );
  if (!row) throw new NotFoundError(`There is no contact ${reference}`);
  return presentContact(row);
}
