import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { staffAccounts } from '../../platform/db/schema.ts';
import { listServiceAreas, type ServiceArea } from '../administration/service-areas.repository.ts';
import { UNASSIGNED } from '../complaints/complaint.repository.ts';

export interface HandlerOption {
  id: string;
  name: string;
}

/** Rows of a raw query: PGlite and node-postgres both answer with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * The distinct values of an indexed column of the organisation's cases (with, for handlers, the name
 * recorded alongside), read as a loose index scan: one index probe per distinct value, so it stays
 * fast however many cases there are.
 */
async function distinctCaseValues(
  tx: Transaction,
  organisationId: string,
  column: 'handler_id' | 'service_area',
): Promise<{ value: string; name: string | null }[]> {
  const col = sql.identifier(column);
  const name =
    column === 'handler_id'
      ? sql`(select c.handler_name from cases c
               where c.organisation_id = ${organisationId} and c.handler_id = seen.value limit 1)`
      : sql`null`;
  return rowsOf<{ value: string; name: string | null }>(
    await tx.execute(sql`
      with recursive seen(value) as (
        (select ${col} from cases where organisation_id = ${organisationId} and ${col} is not null
          order by ${col} limit 1)
        union all
        select (select c.${col} from cases c
                  where c.organisation_id = ${organisationId} and c.${col} > seen.value
                  order by c.${col} limit 1)
          from seen where seen.value is not null
      )
      select value, ${name} as name from seen where value is not null`),
  );
}

/** Active accounts of the roles that work on cases, by name: who may handle, or own a task. */
export async function activeCaseworkers(tx: Transaction, organisationId: string): Promise<HandlerOption[]> {
  return tx
    .select({ id: staffAccounts.staffId, name: staffAccounts.name })
    .from(staffAccounts)
    .where(
      and(
        eq(staffAccounts.organisationId, organisationId),
        inArray(staffAccounts.role, rolesAllowedTo('view-cases')),
        isNull(staffAccounts.disabledAt),
      ),
    )
    .orderBy(asc(staffAccounts.name));
}

/**
 * Who may be chosen in the handler filter: staff accounts of roles that work on cases, and anyone
 * else who has handled one (named as recorded on the case).
 */
export async function handlerOptions(tx: Transaction, organisationId: string): Promise<HandlerOption[]> {
  const accounts = await activeCaseworkers(tx, organisationId);
  const known = new Set(accounts.map((a) => a.id));
  const others = (await distinctCaseValues(tx, organisationId, 'handler_id'))
    .filter((h) => !known.has(h.value))
    .map((h) => ({ id: h.value, name: h.name ?? h.value }));
  const named = [...accounts, ...others].sort((a, b) => a.name.localeCompare(b.name));
  return [{ id: UNASSIGNED, name: 'Nobody (unassigned)' }, ...named];
}

/** The service areas configured, plus any code seen on a case that is not (or no longer) configured. */
export async function serviceAreaOptions(tx: Transaction, organisationId: string): Promise<ServiceArea[]> {
  const areas = await listServiceAreas(tx, organisationId, { includeRetired: true });
  const configured = new Set(areas.map((a) => a.code));
  const seen = (await distinctCaseValues(tx, organisationId, 'service_area'))
    .map((c) => c.value)
    .filter((c) => !configured.has(c));
  return [...areas, ...seen.map((code) => ({ code, name: code, retired: false, categories: [] }))].sort(
    (a, b) => a.name.localeCompare(b.name),
  );
}
