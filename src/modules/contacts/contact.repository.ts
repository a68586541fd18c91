import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { LoggedContact } from '../../domain/contact/contact-schemas.ts';
import type { ContactKind } from '../../domain/contact/triage.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { contacts } from '../../platform/db/schema.ts';
import { ConflictError } from '../../platform/errors.ts';

export type ContactStatus = 'open' | 'closed';

/** One change to a contact, kept in its details so the page can show what happened and when. */
export interface ContactHistoryEntry {
  at: string;
  by: { id: string; name: string };
  what: string;
}

/** The kind-specific record kept in `details`. */
export interface ContactDetails {
  resident: Record<string, string>;
  representative?: LoggedContact['representative'];
  triage: { dissatisfied: boolean; offeredChoice: boolean; residentChose: string | null };
  /** For a complaint: the case it became; for a service request: the complaints raised about it. */
  cases?: { caseId: string; reference: string }[];
  compliment?: {
    staffMemberName: string;
    managerName: string;
    passedOn: { to: string; by: string; at: string } | null;
  };
  suggestion?: { decision: string; assessment: string; by: string; at: string };
  outcome?: { text: string; by: string; at: string };
  history: ContactHistoryEntry[];
}

export interface ContactRow {
  contactId: string;
  reference: string;
  kind: ContactKind;
  status: ContactStatus;
  channel: string;
  receivedAt: Date;
  receivedById: string;
  receivedByName: string;
  residentName: string | null;
  serviceArea: string | null;
  category: string | null;
  summary: string;
  details: ContactDetails;
  linkedCaseId: string | null;
  version: number;
}

function toRow(r: typeof contacts.$inferSelect): ContactRow {
  return {
    contactId: r.contactId,
    reference: r.reference,
    kind: r.kind as ContactKind,
    status: r.status as ContactStatus,
    channel: r.channel,
    receivedAt: r.receivedAt,
    receivedById: r.receivedById,
    receivedByName: r.receivedByName,
    residentName: r.residentName,
    serviceArea: r.serviceArea,
    category: r.category,
    summary: r.summary,
    details: r.details as ContactDetails,
    linkedCaseId: r.linkedCaseId,
    version: r.version,
  };
}

/**
 * Inserts a contact; false when one with its id already exists. On PostgreSQL a concurrent insert of
 * the same id waits for the other transaction and then does nothing, rather than failing with a
 * unique violation (23505), so the caller can tell a repeated submission from a real error.
 */
export async function insertContact(
  tx: Transaction,
  organisationId: string,
  row: Omit<ContactRow, 'version'>,
): Promise<boolean> {
  const inserted = await tx
    .insert(contacts)
    .values({ organisationId, ...row })
    .onConflictDoNothing({ target: [contacts.organisationId, contacts.contactId] })
    .returning({ contactId: contacts.contactId });
  return inserted.length === 1;
}

/** A contact by its id, for telling whether a submission was already logged. */
export async function findContactById(
  tx: Transaction,
  organisationId: string,
  contactId: string,
): Promise<ContactRow | null> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), eq(contacts.contactId, contactId)));
  return rows[0] ? toRow(rows[0]) : null;
}

/** A contact by reference; row-level security limits it to the caller's organisation. */
export async function findContact(
  tx: Transaction,
  organisationId: string,
  reference: string,
): Promise<ContactRow | null> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), eq(contacts.reference, reference.toUpperCase())));
  return rows[0] ? toRow(rows[0]) : null;
}

/** Saves a changed contact, but only if nobody else changed it since it was read. */
export async function updateContact(
  tx: Transaction,
  organisationId: string,
  row: ContactRow,
  changes: Partial<Pick<ContactRow, 'status' | 'details' | 'linkedCaseId'>>,
): Promise<void> {
  const updated = await tx
    .update(contacts)
    .set({ ...changes, version: row.version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(contacts.organisationId, organisationId),
        eq(contacts.contactId, row.contactId),
        eq(contacts.version, row.version),
      ),
    )
    .returning({ contactId: contacts.contactId });
  if (updated.length !== 1) {
    throw new ConflictError(
      'Someone else changed this contact while you were working on it. Reload it and try again.',
    );
  }
}

export interface ContactFilters {
  kind?: ContactKind | undefined;
  status?: ContactStatus | undefined;
  page: number;
  pageSize: number;
}

/** A page of the contact log, newest first, and how many contacts match in all. */
export async function listContacts(
  tx: Transaction,
  organisationId: string,
  filters: ContactFilters,
): Promise<{ rows: ContactRow[]; total: number }> {
  const where: SQL | undefined = and(
    eq(contacts.organisationId, organisationId),
    filters.kind ? eq(contacts.kind, filters.kind) : undefined,
    filters.status ? eq(contacts.status, filters.status) : undefined,
  );
  const [totals] = await tx.select({ total: count() }).from(contacts).where(where);
  const rows = await tx
    .select()
    .from(contacts)
    .where(where)
    .orderBy(desc(contacts.receivedAt), desc(contacts.contactId))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  return { rows: rows.map(toRow), total: totals?.total ?? 0 };
}

/** The contacts linked to a case, oldest first. */
export async function listContactsForCase(
  tx: Transaction,
  organisationId: string,
  caseId: string,
): Promise<ContactRow[]> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), eq(contacts.linkedCaseId, caseId)))
    .orderBy(contacts.receivedAt);
  return rows.map(toRow);
}
