import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { Config } from '../platform/config.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { organisations } from '../platform/db/schema.ts';
import { createDemoLandlord } from '../modules/demo/create-demo-landlord.ts';

export interface DemoAccess {
  name: string;
  organisationId: string;
  apiKey: string;
}

/**
 * On a database with no organisations, creates the demo landlord. Its key is kept (readable only by
 * this user) in the data directory so that every later `npm start` can print it again.
 */
export async function ensureDemoLandlord(db: DatabaseHandle, config: Config): Promise<DemoAccess | null> {
  const file = join(config.dataDir, 'demo-access.json');
  const existing = await db.privileged(async (tx) => {
    const [row] = await tx.select({ n: count() }).from(organisations);
    return row?.n ?? 0;
  });
  if (existing === 0) {
    const created = await createDemoLandlord(db);
    const access = { name: created.name, organisationId: created.organisationId, apiKey: created.apiKey };
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(access, null, 2), { mode: 0o600 });
    return access;
  }
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccess) : null;
}
