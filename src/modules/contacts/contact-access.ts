import type { CaseActor } from '../complaints/case-actor.ts';
import type { ContactKind } from '../../domain/contact/triage.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import type { ComplaintDeps } from '../complaints/deps.ts';
import { audit } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { auditActor, requireAllowed, type StaffPrincipal } from '../staff/staff-principal.ts';
import { findContact, updateContact, type ContactDetails, type ContactRow } from './contact.repository.ts';

/** Logging and working on contacts is for staff who may log a contact (defence in depth). */
export function requireContactLogger(principal: StaffPrincipal): void {
  requireAllowed(principal, 'log-contact', 'You cannot log or change contacts');
}

/** The signed-in member of staff as the complaint records and contact history name them. */
export const staffMemberOf = (principal: StaffPrincipal) => ({ id: principal.staffId, name: principal.name });

/** The signed-in member of staff as the actor on a case they log. */
export const caseActorOf = (principal: StaffPrincipal): CaseActor => ({
  kind: 'staff',
  member: staffMemberOf(principal),
  role: principal.role,
});

/**
 * Complaint use cases open their own tenant transaction; handing them deps whose transaction is
 * this one lets a contact and its complaint be written together, or not at all.
 */
export function depsInTransaction(deps: StaffDeps, organisationId: string, tx: Transaction): ComplaintDeps {
  return {
    clock: deps.clock,
    db: {
      ...deps.db,
      forOrganisation: (orgId, work) => {
        if (orgId !== organisationId)
          throw new Error('A contact and its complaint belong to one organisation');
        return work(tx);
      },
    },
  };
}

const KIND_NAMES: Record<ContactKind, string> = {
  complaint: 'complaint',
  'service-request': 'service request',
  compliment: 'compliment',
  suggestion: 'suggestion',
};

export interface ContactChange {
  changes: Partial<Pick<ContactRow, 'status' | 'linkedCaseId'>> & { details: ContactDetails };
  /** The history line, in plain English. */
  what: string;
  audit: { action: string; details: Record<string, unknown> };
}

/**
 * One action on an open contact of one kind: loads it (another organisation's is not found),
 * applies the change with a history line, saves it with optimistic concurrency and audits it.
 */
export async function changeOpenContact<T>(
  deps: StaffDeps,
  principal: StaffPrincipal,
  reference: string,
  kind: ContactKind,
  change: (contact: ContactRow, tx: Transaction, now: Date) => Promise<ContactChange & { result: T }>,
): Promise<T> {
  requireContactLogger(principal);
  const organisationId = principal.organisationId;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const contact = await findContact(tx, organisationId, reference);
    if (!contact || contact.kind !== kind)
      throw new NotFoundError(`There is no ${KIND_NAMES[kind]} ${reference}`);
    if (contact.status !== 'open') {
      throw new InvalidInputError(`This ${KIND_NAMES[kind]} is closed`);
    }
    const now = deps.clock.now();
    const made = await change(contact, tx, now);
    const details: ContactDetails = {
      ...made.changes.details,
      history: [
        ...contact.details.history,
        { at: now.toISOString(), by: staffMemberOf(principal), what: made.what },
      ],
    };
    await updateContact(tx, organisationId, contact, { ...made.changes, details });
    await audit(tx, {
      organisationId,
      actor: auditActor(principal),
      action: made.audit.action,
      details: { reference: contact.reference, ...made.audit.details },
    });
    return made.result;
  });
}
