import { z } from 'zod';
import { dateTimeInWords } from '../../domain/calendar/dates-in-words.ts';
import { describeEvent } from '../../domain/complaint/describe-event.ts';
import { isoDateInput } from '../../domain/complaint/command-schemas.ts';
import type { Via } from '../../domain/complaint/events.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { toDomainEvent } from '../complaints/complaint.repository.ts';
import { listAccounts } from '../staff/staff.repository.ts';
import type { StaffDeps } from '../staff/deps.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { actorNames } from './actor-names.ts';
import { requireAdministration } from './administration-access.ts';
import { positionOf, readTrail, type TrailPosition, type TrailRow } from './audit-log.repository.ts';
import { describeAuditEntry, subjectStaffId } from './describe-audit-entry.ts';

export const AUDIT_PAGE_SIZE = 50;

const REFERENCE = /^[A-Z]{2,5}-\d{4}-\d{6}$/;

/** The audit page's filters, as submitted (a GET form: they stay in the address). */
export const auditFiltersSchema = z
  .object({
    person: z.uuid('Select a person from the list').optional(),
    caseReference: z
      .string()
      .trim()
      .toUpperCase()
      .regex(REFERENCE, 'Enter a case reference in the format it is given, like DH-2026-000123')
      .optional(),
    from: isoDateInput('the start date').optional(),
    to: isoDateInput('the end date').optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'The end date must be the same as or after the start date',
    path: ['to'],
  });
export type AuditFilters = z.input<typeof auditFiltersSchema>;

/** The largest value of a PostgreSQL `integer` (an event's sequence): a bigger one fails the query. */
const MAX_INTEGER = 2_147_483_647;

const positionSchema = z.union([
  z.object({
    stream: z.literal('event'),
    micros: z.string().regex(/^\d{1,18}$/),
    caseId: z.uuid(),
    sequence: z.number().int().min(0).max(MAX_INTEGER),
  }),
  z.object({
    stream: z.literal('audit'),
    micros: z.string().regex(/^\d{1,18}$/),
    auditId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  }),
]);

/** The cursor in the "older entries" link: the last entry shown, opaque to people. */
export const encodeCursor = (position: TrailPosition): string =>
  Buffer.from(JSON.stringify(position)).toString('base64url');

/** A cursor that cannot be read (edited by hand) starts from the newest entry. */
export function decodeCursor(cursor: string | undefined): TrailPosition | undefined {
  if (!cursor || cursor.length > 300) return undefined;
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface AuditEntryView {
  atInWords: string;
  who: string;
  what: string;
  /** The case an event is on, or an audit entry names. */
  caseReference: string | undefined;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Cursor for the next (older) page, if there is one. */
  older: string | undefined;
  people: { staffId: string; name: string }[];
}

function caseEventEntry(row: Extract<TrailRow, { stream: 'event' }>): AuditEntryView {
  const via = row.via as Via | null;
  const event = toDomainEvent({
    sequence: row.sequence,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.at.toISOString(),
    actor: { id: row.actorId, name: row.actorName },
    via,
    policy: { key: '', version: 0 },
    data: row.data,
  });
  return {
    atInWords: dateTimeInWords(row.at),
    who: via ? `${row.actorName} (through the API key ${via.integration})` : row.actorName,
    what: describeEvent(event),
    caseReference: row.reference,
  };
}

/**
 * The organisation's audit trail for an administrator: audit_log entries and case events, newest
 * first, filtered by who did it, the case and the dates (London days), a page at a time.
 */
export async function readAuditLog(
  deps: StaffDeps,
  principal: StaffPrincipal,
  raw: AuditFilters,
  cursor: string | undefined,
): Promise<AuditPage> {
  requireAdministration(principal);
  const filters = auditFiltersSchema.parse(raw);
  const { organisationId } = principal;
  return deps.db.forOrganisation(organisationId, async (tx) => {
    const { rows, more } = await readTrail(
      tx,
      organisationId,
      {
        person: filters.person
          ? { auditActor: `staff:${filters.person}`, eventActorId: filters.person }
          : undefined,
        caseReference: filters.caseReference,
        from: filters.from,
        to: filters.to,
      },
      decodeCursor(cursor),
      AUDIT_PAGE_SIZE,
    );
    const audits = rows.filter((r) => r.stream === 'audit');
    const nameOf = await actorNames(tx, organisationId, [
      ...audits.map((r) => r.actor),
      ...audits.map((r) => `staff:${subjectStaffId(r.details) ?? ''}`),
    ]);
    const entries = rows.map((row) => {
      if (row.stream === 'event') return caseEventEntry(row);
      const subject = subjectStaffId(row.details);
      const caseReference = row.details.caseReference;
      return {
        atInWords: dateTimeInWords(row.at),
        who: nameOf(row.actor),
        what: describeAuditEntry(row.action, row.details, subject ? nameOf(`staff:${subject}`) : ''),
        caseReference: typeof caseReference === 'string' ? caseReference : undefined,
      };
    });
    const last = rows.at(-1);
    const people = await peopleOf(tx, organisationId);
    return { entries, older: more && last ? encodeCursor(positionOf(last)) : undefined, people };
  });
}

const peopleOf = async (tx: Transaction, organisationId: string) =>
  (await listAccounts(tx, organisationId)).map((a) => ({ staffId: a.staffId, name: a.name }));

/** The people the page can filter by (every staff account), for the form when its answers are wrong. */
export async function auditLogPeople(
  deps: StaffDeps,
  principal: StaffPrincipal,
): Promise<AuditPage['people']> {
  requireAdministration(principal);
  return deps.db.forOrganisation(principal.organisationId, (tx) => peopleOf(tx, principal.organisationId));
}
