import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  readonly kind: 'pglite' | 'postgres';
  /** A transaction as the tenant role for one organisation: row-level security applies. */
  forOrganisation<T>(organisationId: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** A transaction as the connection's own role, for the few operations above tenants. */
  privileged<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('../../../drizzle', import.meta.url));
/** Serialises migrations when several instances start at once against one PostgreSQL. */
const MIGRATION_LOCK = 72_460_001;

export interface DatabaseOptions {
  /** A PostgreSQL URL; without it PGlite runs embedded. */
  url?: string | undefined;
  /** PGlite's data directory, or 'memory' for a throwaway database. */
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url);
  return Promise.resolve(openPglite(options.dataDir));
}

function handle(
  kind: DatabaseHandle['kind'],
  db: Database,
  migrate: () => Promise<void>,
  close: () => Promise<void>,
): DatabaseHandle {
  return {
    kind,
    forOrganisation: (organisationId, work) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local role putright_app`);
        await tx.execute(sql`select set_config('app.organisation_id', ${organisationId}, true)`);
        return work(tx);
      }),
    privileged: (work) => db.transaction(work),
    migrate,
    close,
  };
}

function openPglite(dataDir: string): DatabaseHandle {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const client = dataDir === 'memory' ? new PGlite() : new PGlite(dataDir);
  const db = drizzlePglite(client, { schema });
  return handle(
    'pglite',
    db,
    () => migratePglite(db, { migrationsFolder: MIGRATIONS }),
    () => client.close(),
  );
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (the server restarting) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema });
  await pool.query('select 1');
  return handle(
    'postgres',
    db,
    async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    () => pool.end(),
  );
}
