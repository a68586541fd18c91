import { sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';

/** The first key of PutRight's working-days advisory locks (the second is the organisation's hash). */
const WORKING_DAYS_LOCK = 72_460_002;

/**
 * Every write that stores deadlines computed from an organisation's working days holds this lock
 * shared until it commits; a change to the working days (a closure day) holds it exclusively while
 * it re-projects open cases. So a case write never stores dates from a calendar that a concurrent
 * closure-day change has just made stale, and two closure-day changes never miss each other's day.
 * Shared holders never wait for each other: case work is not serialised.
 */
export async function holdWorkingDays(
  tx: Transaction,
  organisationId: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  await (mode === 'shared'
    ? tx.execute(sql`select pg_advisory_xact_lock_shared(${WORKING_DAYS_LOCK}, hashtext(${organisationId}))`)
    : tx.execute(sql`select pg_advisory_xact_lock(${WORKING_DAYS_LOCK}, hashtext(${organisationId}))`));
}
