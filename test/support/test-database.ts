import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';

export interface TestDatabase {
  db: DatabaseHandle;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — when DATABASE_URL
 * is set — a new database on that PostgreSQL server, dropped afterwards.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: 'memory' });
    await db.migrate();
    return { db, kind: 'pglite', close: () => db.close() };
  }
  const name = `putright_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), dataDir: 'unused' });
  await db.migrate();
  return {
    db,
    kind: 'postgres',
    close: async () => {
      await db.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Asserts a promise rejects with an error whose message, or any cause's message, matches. */
export async function rejectsWithCause(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    if (messages.some((m) => pattern.test(m))) return;
    throw new Error(`Expected an error matching ${String(pattern)}, got: ${messages.join(' <- ')}`, {
      cause: error,
    });
  }
  throw new Error(`Expected a rejection matching ${String(pattern)}`);
}
