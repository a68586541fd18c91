import { ZodError } from 'zod';
import { londonDateOf } from '../../domain/calendar/index.ts';
import type { ReceiveInput } from '../../domain/complaint/command-schemas.ts';
import { CommandRefused } from '../../domain/complaint/refusal.ts';
import { contactIdFrom, logContactSchema, type LoggedContact } from '../../domain/contact/contact-schemas.ts';
import type { ContactKind } from '../../domain/contact/triage.ts';
import { randomUUID } from 'node:crypto';
import type { Transaction } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { dateFromInput, withDateInputMessages } from '../../platform/web/date-input.ts';
import { checkServiceArea } from '../administration/check-service-area.ts';
import { nextReference } from '../complaints/complaint.repository.ts';
import { receiveComplaintUseCase } from '../complaints/receive-complaint.use-case.ts';
import { audit, findOrganisation } from '../organisations/organisation.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import { auditActor, type StaffPrincipal } from '../staff/staff-principal.ts';
import { caseActorOf, depsInTransaction, requireContactLogger, staffMemberOf } from './contact-access.ts';
import {
  findContactById,
  insertContact,
  type ContactDetails,
  type ContactRow,
} from './contact.repository.ts';

export interface LoggedContactResult {
  reference: string;
  kind: ContactKind;
  /** The complaint's reference when the contact was a complaint. */
  caseReference: string | null;
}

/** Where the complaint's own checks report a problem, on the contact form. */
const COMPLAINT_FIELDS: Record<string, string> = {
  receivedAt: 'received',
  issueDate: 'issueDate',
  'complainant.name': 'residentName',
  'complainant.contact.email': 'residentEmail',
  'complainant.contact.phone': 'residentPhone',
  'complainant.contact.address': 'residentAddress',
  'complainant.contact.postcode': 'residentPostcode',
  'representative.name': 'representativeName',
  serviceArea: 'serviceArea',
  category: 'category',
  summary: 'summary',
};

/** Runs a complaint use case, reporting its refusals against the contact form's fields. */
export async function onContactForm<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CommandRefused) {
      throw new InvalidInputError(error.message, COMPLAINT_FIELDS[error.field ?? ''] ?? 'form');
    }
    if (error instanceof ZodError && error.issues[0]) {
      const issue = error.issues[0];
      throw new InvalidInputError(issue.message, COMPLAINT_FIELDS[issue.path.join('.')] ?? 'form');
    }
    throw error;
  }
}

/** What a complaint logged from the contact form is received as. */
export function complaintInputOf(
  contact: Pick<LoggedContact, 'channel' | 'receivedAt' | 'resident' | 'representative' | 'summary'> & {
    serviceArea: string;
    category?: string | undefined;
  },
  issue: NonNullable<LoggedContact['complaint']>,
): ReceiveInput {
  const { name, phone, email, address, postcode, ...rest } = contact.resident;
  const details = { phone, email, address, postcode };
  const hasContact = Object.values(details).some((v) => v !== undefined);
  return {
    receivedAt: contact.receivedAt,
    channel: contact.channel,
    issueDate: issue.issueDate,
    issueDateKind: issue.issueDateKind,
    complainant: name
      ? {
          kind: 'named',
          name,
          ...(hasContact
            ? { contact: Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) }
            : {}),
          ...rest,
        }
      : { kind: 'anonymous' },
    ...(contact.representative ? { representative: contact.representative } : {}),
    serviceArea: contact.serviceArea,
    ...(contact.category ? { category: contact.category } : {}),
    summary: contact.summary,
  };
}

/** Rolls back a contact (and its complaint) that another submission of the same page logged first. */
class AlreadyLogged extends Error {}

/** Where a contact that was logged went: its own page, or a complaint's case. */
function loggedResult(row: ContactRow): LoggedContactResult {
  return {
    reference: row.reference,
    kind: row.kind,
    caseReference: row.kind === 'complaint' ? (row.details.cases?.[0]?.reference ?? null) : null,
  };
}

/**
 * Logs a contact from any channel. A complaint is received through the complaint use case in the
 * same transaction as its contact record, so neither exists without the other.
 *
 * Idempotent: the check-your-answers page gives the contact its id, so the same page submitted
 * twice (double click, back button, a retry) returns the contact already logged. Two submissions at
 * once both get past the first look; the primary key (organisation, contact id) lets only one insert,
 * and the other rolls back its complaint and returns the first one's contact.
 */
export async function logContact(
  deps: StaffDeps,
  principal: StaffPrincipal,
  form: Record<string, string | undefined>,
): Promise<LoggedContactResult> {
  requireContactLogger(principal);
  const now = deps.clock.now();
  const contact = parseContact(form, now);
  const organisationId = principal.organisationId;
  // Without an id (a caller other than the check page), every call is a new contact.
  const contactId = contactIdFrom(form) ?? randomUUID();
  const logged = (tx: Transaction) => findContactById(tx, organisationId, contactId);
  try {
    return await deps.db.forOrganisation(organisationId, (tx) =>
      logOnce(deps, principal, tx, contactId, contact, now, logged),
    );
  } catch (error) {
    if (!(error instanceof AlreadyLogged)) throw error;
    const first = await deps.db.forOrganisation(organisationId, logged);
    if (!first) throw error;
    return loggedResult(first);
  }
}

/** One attempt at logging, in one transaction. */
async function logOnce(
  deps: StaffDeps,
  principal: StaffPrincipal,
  tx: Transaction,
  contactId: string,
  contact: LoggedContact,
  now: Date,
  logged: (tx: Transaction) => Promise<ContactRow | null>,
): Promise<LoggedContactResult> {
  const organisationId = principal.organisationId;
  const staff = staffMemberOf(principal);
  const first = await logged(tx);
  if (first) return loggedResult(first);

  await checkServiceArea(tx, organisationId, contact.serviceArea, contact.category);
  const org = await findOrganisation(tx, organisationId);
  if (!org) throw new NotFoundError('Your organisation was not found');
  const year = Number(londonDateOf(contact.receivedAt).slice(0, 4));
  const reference = await nextReference(tx, organisationId, `${org.referencePrefix}-C`, year, 'contact');

  let linked: { caseId: string; reference: string } | null = null;
  if (contact.kind === 'complaint' && contact.complaint && contact.serviceArea) {
    const input = complaintInputOf({ ...contact, serviceArea: contact.serviceArea }, contact.complaint);
    const complaint = await onContactForm(() =>
      receiveComplaintUseCase(
        depsInTransaction(deps, organisationId, tx),
        organisationId,
        input,
        caseActorOf(principal),
      ),
    );
    linked = { caseId: complaint.id, reference: complaint.reference };
  }

  const at = now.toISOString();
  const details: ContactDetails = {
    resident: contact.resident,
    ...(contact.representative ? { representative: contact.representative } : {}),
    triage: contact.triage,
    ...(linked ? { cases: [linked] } : {}),
    ...(contact.compliment
      ? {
          compliment: {
            staffMemberName: contact.compliment.staffMemberName,
            managerName: contact.compliment.managerName,
            passedOn: contact.compliment.passedOnAtIntake
              ? {
                  to: `${contact.compliment.staffMemberName} and ${contact.compliment.managerName}`,
                  by: staff.name,
                  at,
                }
              : null,
          },
        }
      : {}),
    history: [{ at, by: staff, what: linked ? `Logged as complaint ${linked.reference}` : 'Logged' }],
  };
  // A contact's status is the contact log's own work: open while something is left to do here. A
  // complaint's row is stored closed because all its work (and its own open/closed state) is on its
  // case; the log shows it as "handled as complaint …" with a link, never as a finished "Closed".
  // A compliment already passed on needs nothing more.
  const open =
    contact.kind === 'service-request' ||
    contact.kind === 'suggestion' ||
    (contact.kind === 'compliment' && !contact.compliment?.passedOnAtIntake);
  const inserted = await insertContact(tx, organisationId, {
    contactId,
    reference,
    kind: contact.kind,
    status: open ? 'open' : 'closed',
    channel: contact.channel,
    receivedAt: new Date(contact.receivedAt),
    receivedById: staff.id,
    receivedByName: staff.name,
    residentName: contact.resident.name ?? null,
    serviceArea: contact.serviceArea ?? null,
    category: contact.category ?? null,
    summary: contact.summary,
    details,
    linkedCaseId: linked?.caseId ?? null,
  });
  if (!inserted) throw new AlreadyLogged();
  await audit(tx, {
    organisationId,
    actor: auditActor(principal),
    action: 'contact.logged',
    details: { reference, kind: contact.kind, ...(linked ? { caseReference: linked.reference } : {}) },
  });
  return { reference, kind: contact.kind, caseReference: linked?.reference ?? null };
}

/** The form's date inputs (GOV.UK day, month and year boxes). */
const CONTACT_DATES = ['received', 'issueDate'] as const;

/** The contact from the form's answers, its dates read from their boxes and any problem with them worded for the boxes. */
function parseContact(form: Record<string, string | undefined>, now: Date): LoggedContact {
  const dates = Object.fromEntries(CONTACT_DATES.map((name) => [name, dateFromInput(form, name)]));
  try {
    return logContactSchema(now).parse({ ...form, ...dates });
  } catch (error) {
    throw withDateInputMessages(error, form, CONTACT_DATES);
  }
}

/** The check-your-answers step: every check logging would make, without saving anything. */
export async function checkContactAnswers(
  deps: StaffDeps,
  principal: StaffPrincipal,
  form: Record<string, string | undefined>,
): Promise<LoggedContact> {
  requireContactLogger(principal);
  const contact = parseContact(form, deps.clock.now());
  await deps.db.forOrganisation(principal.organisationId, (tx) =>
    checkServiceArea(tx, principal.organisationId, contact.serviceArea, contact.category),
  );
  return contact;
}
