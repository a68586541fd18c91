/**
 * The database the benchmark runs on: a fresh PostgreSQL database `putright_bench` (dropped and
 * re-created; the database in the URL is only used to issue CREATE/DROP DATABASE), or PGlite in a
 * temporary directory. Either way it is deleted afterwards unless `keep` is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Transaction } from '../src/platform/db/database.ts';

export const BENCH_DATABASE = 'putright_bench';

export interface BenchDatabase {
  readonly kind: 'pglite' | 'postgres';
  /** Where it lives: the bench database URL (without password) or the PGlite directory. */
  readonly location: string;
  /** The application's handle; replaced when PGlite is reopened. */
  handle(): DatabaseHandle;
  /** Statements that cannot run in a transaction (VACUUM, CHECKPOINT), on their own connection. */
  maintenance(statements: readonly string[]): Promise<void>;
  /** Closes everything and deletes the database (unless kept). */
  dispose(): Promise<void>;
}

/** Rows from `tx.execute`, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('The query returned no rows array');
  return rows as T[];
}

export async function query<T>(tx: Transaction, statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await tx.execute(statement));
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.password = '';
  return copy.href;
}

export async function openBenchDatabase(adminUrl: string | undefined, keep: boolean): Promise<BenchDatabase> {
  return adminUrl ? openPostgres(adminUrl, keep) : openPglite(keep);
}

async function openPostgres(adminUrlText: string, keep: boolean): Promise<BenchDatabase> {
  const adminUrl = new URL(adminUrlText);
  // Never drop the database we connect through; use the maintenance database if it is the bench one.
  if (adminUrl.pathname.replace(/^\//, '') === BENCH_DATABASE) adminUrl.pathname = '/postgres';
  const benchUrl = new URL(adminUrl.href);
  benchUrl.pathname = `/${BENCH_DATABASE}`;

  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }

  const handle = await openDatabase({ url: benchUrl.href, dataDir: 'unused' });
  return {
    kind: 'postgres',
    location: redact(benchUrl),
    handle: () => handle,
    async maintenance(statements) {
      const client = new pg.Client({ connectionString: benchUrl.href });
      await client.connect();
      try {
        for (const statement of statements) await client.query(statement);
      } finally {
        await client.end();
      }
    },
    async dispose() {
      await handle.close();
      if (keep) return;
      const client = new pg.Client({ connectionString: adminUrl.href });
      await client.connect();
      try {
        await client.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function openPglite(keep: boolean): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'putright-bench-'));
  let handle = await openDatabase({ dataDir: dir });
  return {
    kind: 'pglite',
    location: dir,
    handle: () => handle,
    async maintenance(statements) {
      // PGlite allows one connection: close the application's, run the statements, reopen it.
      await handle.close();
      const raw = new PGlite(dir);
      try {
        for (const statement of statements) await raw.exec(statement);
      } finally {
        await raw.close();
      }
      handle = await openDatabase({ dataDir: dir });
    },
    async dispose() {
      await handle.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
