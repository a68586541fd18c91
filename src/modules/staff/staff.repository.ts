import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { auditLog, organisations, staffAccounts, staffSessions } from '../../platform/db/schema.ts';
import type { StaffRole } from './staff-roles.ts';

export interface StaffAccountRow {
  organisationId: string;
  staffId: string;
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  disabledAt: Date | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const accountColumns = {
  organisationId: staffAccounts.organisationId,
  staffId: staffAccounts.staffId,
  email: staffAccounts.email,
  name: staffAccounts.name,
  role: staffAccounts.role,
  passwordHash: staffAccounts.passwordHash,
  disabledAt: staffAccounts.disabledAt,
  failedAttempts: staffAccounts.failedAttempts,
  lockedUntil: staffAccounts.lockedUntil,
  mustChangePassword: staffAccounts.mustChangePassword,
  createdAt: staffAccounts.createdAt,
  updatedAt: staffAccounts.updatedAt,
};

/** The role column is constrained by the database to the known roles. */
const asRow = (row: Omit<StaffAccountRow, 'role'> & { role: string }): StaffAccountRow =>
  row as StaffAccountRow;

/**
 * Privileged: finds which organisation an e-mail address belongs to, before any organisation is
 * known. Returns only the keys; the account itself is then read as that organisation's tenant.
 */
export async function findAccountKeysByEmail(
  tx: Transaction,
  email: string,
): Promise<{ organisationId: string; staffId: string } | null> {
  const rows = await tx
    .select({ organisationId: staffAccounts.organisationId, staffId: staffAccounts.staffId })
    .from(staffAccounts)
    .where(eq(sql`lower(${staffAccounts.email})`, email.toLowerCase()));
  return rows[0] ?? null;
}

export async function findAccount(
  tx: Transaction,
  organisationId: string,
  staffId: string,
  options: { forUpdate?: boolean } = {},
): Promise<StaffAccountRow | null> {
  const query = tx
    .select(accountColumns)
    .from(staffAccounts)
    .where(and(eq(staffAccounts.organisationId, organisationId), eq(staffAccounts.staffId, staffId)));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ? asRow(rows[0]) : null;
}

/** An account of the organisation by its e-mail address (stored lower-cased). */
export async function findAccountByEmail(
  tx: Transaction,
  organisationId: string,
  email: string,
): Promise<StaffAccountRow | null> {
  const rows = await tx
    .select(accountColumns)
    .from(staffAccounts)
    .where(
      and(eq(staffAccounts.organisationId, organisationId), eq(staffAccounts.email, email.toLowerCase())),
    );
  return rows[0] ? asRow(rows[0]) : null;
}

export async function listAccounts(tx: Transaction, organisationId: string): Promise<StaffAccountRow[]> {
  const rows = await tx
    .select(accountColumns)
    .from(staffAccounts)
    .where(eq(staffAccounts.organisationId, organisationId))
    .orderBy(asc(staffAccounts.name), asc(staffAccounts.email));
  return rows.map(asRow);
}

export async function insertAccount(
  tx: Transaction,
  account: Pick<
    StaffAccountRow,
    'organisationId' | 'staffId' | 'email' | 'name' | 'role' | 'passwordHash' | 'mustChangePassword'
  > & { now: Date },
): Promise<void> {
  const { now, ...values } = account;
  await tx.insert(staffAccounts).values({ ...values, createdAt: now, updatedAt: now });
}

export async function updateAccount(
  tx: Transaction,
  organisationId: string,
  staffId: string,
  changes: Partial<
    Pick<
      StaffAccountRow,
      'passwordHash' | 'disabledAt' | 'failedAttempts' | 'lockedUntil' | 'mustChangePassword'
    >
  > & { updatedAt: Date },
): Promise<void> {
  await tx
    .update(staffAccounts)
    .set(changes)
    .where(and(eq(staffAccounts.organisationId, organisationId), eq(staffAccounts.staffId, staffId)));
}

export async function insertSession(
  tx: Transaction,
  session: {
    organisationId: string;
    sessionId: string;
    staffId: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await tx.insert(staffSessions).values({ ...session, lastSeenAt: session.createdAt });
}

export interface SessionWithStaff {
  sessionId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  staffId: string;
  email: string;
  name: string;
  role: StaffRole;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  organisationName: string;
}

export async function findSessionWithStaff(
  tx: Transaction,
  organisationId: string,
  sessionId: string,
): Promise<SessionWithStaff | null> {
  const rows = await tx
    .select({
      sessionId: staffSessions.sessionId,
      lastSeenAt: staffSessions.lastSeenAt,
      expiresAt: staffSessions.expiresAt,
      revokedAt: staffSessions.revokedAt,
      staffId: staffAccounts.staffId,
      email: staffAccounts.email,
      name: staffAccounts.name,
      role: staffAccounts.role,
      disabledAt: staffAccounts.disabledAt,
      mustChangePassword: staffAccounts.mustChangePassword,
      organisationName: organisations.name,
    })
    .from(staffSessions)
    .innerJoin(
      staffAccounts,
      and(
        eq(staffAccounts.organisationId, staffSessions.organisationId),
        eq(staffAccounts.staffId, staffSessions.staffId),
      ),
    )
    .innerJoin(organisations, eq(organisations.organisationId, staffSessions.organisationId))
    .where(and(eq(staffSessions.organisationId, organisationId), eq(staffSessions.sessionId, sessionId)));
  const row = rows[0];
  return row ? ({ ...row, role: row.role as StaffRole } satisfies SessionWithStaff) : null;
}

export async function touchSession(
  tx: Transaction,
  organisationId: string,
  sessionId: string,
  at: Date,
): Promise<void> {
  await tx
    .update(staffSessions)
    .set({ lastSeenAt: at })
    .where(and(eq(staffSessions.organisationId, organisationId), eq(staffSessions.sessionId, sessionId)));
}

export async function revokeSession(
  tx: Transaction,
  organisationId: string,
  sessionId: string,
  at: Date,
): Promise<{ staffId: string } | null> {
  const rows = await tx
    .update(staffSessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(staffSessions.organisationId, organisationId),
        eq(staffSessions.sessionId, sessionId),
        isNull(staffSessions.revokedAt),
      ),
    )
    .returning({ staffId: staffSessions.staffId });
  return rows[0] ?? null;
}

/** Revokes every open session of one member of staff, except (optionally) the one in use. */
export async function revokeSessionsOf(
  tx: Transaction,
  organisationId: string,
  staffId: string,
  at: Date,
  except?: string,
): Promise<number> {
  const rows = await tx
    .update(staffSessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(staffSessions.organisationId, organisationId),
        eq(staffSessions.staffId, staffId),
        isNull(staffSessions.revokedAt),
        except === undefined ? undefined : sql`${staffSessions.sessionId} <> ${except}`,
      ),
    )
    .returning({ sessionId: staffSessions.sessionId });
  return rows.length;
}

/** Housekeeping: sessions that ended long ago are of no further use (sign-ins are in the audit log). */
export async function deleteSessionsEndedBefore(
  tx: Transaction,
  organisationId: string,
  staffId: string,
  before: Date,
): Promise<void> {
  await tx
    .delete(staffSessions)
    .where(
      and(
        eq(staffSessions.organisationId, organisationId),
        eq(staffSessions.staffId, staffId),
        lt(staffSessions.expiresAt, before),
      ),
    );
}

/** Every change to staff accounts and sessions; never a password or a hash of one. */
export async function auditStaff(
  tx: Transaction,
  entry: {
    organisationId: string;
    at: Date;
    actor: string;
    action: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
