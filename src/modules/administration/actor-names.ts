import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { staffAccounts } from '../../platform/db/schema.ts';

/** How the command line and the demo appear in the audit log (`auditActor`), in words. */
const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  cli: 'The command line',
  demo: 'The demo set-up',
};

const STAFF_PREFIX = 'staff:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The staff id in an audit actor (`staff:<id>`), if it is one. */
export function staffIdOf(actor: string): string | undefined {
  const id = actor.startsWith(STAFF_PREFIX) ? actor.slice(STAFF_PREFIX.length) : '';
  return UUID.test(id) ? id : undefined;
}

/**
 * Audit actors (`staff:<id>`, `cli`, `demo`) as people read them: the staff member's current name,
 * read in one query for the whole page. An account that cannot be found stays "A former staff account".
 */
export async function actorNames(
  tx: Transaction,
  organisationId: string,
  actors: readonly string[],
): Promise<(actor: string | null) => string> {
  const staffIds = [...new Set(actors.map(staffIdOf).filter((id) => id !== undefined))];
  const rows =
    staffIds.length === 0
      ? []
      : await tx
          .select({ staffId: staffAccounts.staffId, name: staffAccounts.name })
          .from(staffAccounts)
          .where(
            and(eq(staffAccounts.organisationId, organisationId), inArray(staffAccounts.staffId, staffIds)),
          );
  const names = new Map(rows.map((r) => [r.staffId, r.name]));
  return (actor) => {
    if (actor === null) return 'Not recorded';
    const staffId = staffIdOf(actor);
    if (staffId !== undefined) return names.get(staffId) ?? 'A former staff account';
    return SYSTEM_ACTORS[actor] ?? actor;
  };
}
