import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { deriveDeadlines } from '../../domain/complaint/deadlines.ts';
import { searchKeysOf } from '../../domain/complaint/search-keys.ts';
import { STATE_SCHEMA } from '../../domain/complaint/state.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { cases, organisations } from '../../platform/db/schema.ts';
import { loadCaseContext, projectionOf, systemClock, type Clock } from './case-context.ts';
import { rebuildState } from './complaint.repository.ts';

const BATCH_SIZE = 200;

/**
 * Brings every stored case state up to the current shape (STATE_SCHEMA) by replaying its events,
 * which are read into their current shape on the way out, and fills in the search keys of cases
 * stored before there were any (migration 0008). Run at start-up after the migrations: a
 * one-off after an upgrade, and a quick empty scan after that. Reads of a single case upgrade it on
 * the fly as well, so a case is never judged by an old shape in between. Returns how many changed.
 */
export async function upgradeStoredCases(db: DatabaseHandle, clock: Clock = systemClock): Promise<number> {
  const organisationIds = await db.privileged(async (tx) =>
    (await tx.select({ id: organisations.organisationId }).from(organisations)).map((r) => r.id),
  );
  let upgraded = 0;
  for (const organisationId of organisationIds) {
    for (;;) {
      const changed = await db.forOrganisation(organisationId, async (tx) => {
        const stale = await tx
          .select({ caseId: cases.caseId, version: cases.version })
          .from(cases)
          .where(
            and(
              eq(cases.organisationId, organisationId),
              or(
                sql`coalesce((${cases.state} ->> 'schema')::int, 1) <> ${STATE_SCHEMA}`,
                isNull(cases.searchKeys),
              ),
            ),
          )
          .limit(BATCH_SIZE);
        for (const row of stale) {
          const state = await rebuildState(tx, organisationId, row.caseId);
          const ctx = await loadCaseContext(tx, organisationId, state, clock, 'write');
          const projection = projectionOf(deriveDeadlines(state, ctx.rules, ctx.calendar, ctx.today));
          await tx
            .update(cases)
            .set({ state, ...projection, searchKeys: searchKeysOf(state) })
            .where(
              and(
                eq(cases.organisationId, organisationId),
                eq(cases.caseId, row.caseId),
                eq(cases.version, row.version),
              ),
            );
        }
        return stale.length;
      });
      upgraded += changed;
      if (changed < BATCH_SIZE) break;
    }
  }
  return upgraded;
}
