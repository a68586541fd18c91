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
import lockfile from 'proper-lockfile';
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
  return openPglite(options.dataDir);
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

export class DatabaseInUseError extends Error {}

/**
 * PGlite is one process's database: a second process opening the same directory (say `putright org
 * create` while the server runs) could corrupt it, so the directory is locked while open.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, { realpath: false, stale: 30_000, update: 10_000 });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    throw new DatabaseInUseError(
      `The embedded database in ${dataDir} is in use by another PutRight process (is the server running?). ` +
        'Stop it first, or use PostgreSQL with DATABASE_URL.',
      { cause: error },
    );
  }
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  if (dataDir === 'memory') {
    const client = new PGlite();
    const db = drizzlePglite(client, { schema });
    return handle(
      'pglite',
      db,
      () => migratePglite(db, { migrationsFolder: MIGRATIONS }),
      () => client.close(),
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir);
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, { schema });
  return handle(
    'pglite',
    db,
    () => migratePglite(db, { migrationsFolder: MIGRATIONS }),
    async () => {
      await client.close();
      await release();
    },
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
