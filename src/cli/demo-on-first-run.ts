import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { Config } from '../platform/config.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../platform/errors.ts';
import { organisations, staffAccounts } from '../platform/db/schema.ts';
import { createDemoLandlord } from '../modules/demo/create-demo-landlord.ts';
import { systemClock } from '../modules/complaints/case-context.ts';
import { createDemoStaff, DEMO_EMAIL_DOMAIN, type DemoSignIn } from '../modules/staff/create-demo-staff.ts';

export interface DemoAccess {
  name: string;
  organisationId: string;
  apiKey: string;
  /** One staff sign-in per role (a local demo only: real passwords are never written down). */
  signIns?: DemoSignIn[];
}

function save(file: string, dataDir: string, access: DemoAccess): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(access, null, 2), { mode: 0o600 });
}

/**
 * On a database with no organisations, creates the demo landlord and its staff. Its key and the
 * staff passwords are kept (readable only by this user) in the data directory so that every later
 * `npm start` can print them again. A demo made before staff sign-in existed gets its staff now.
 */
export async function ensureDemoLandlord(db: DatabaseHandle, config: Config): Promise<DemoAccess | null> {
  const file = join(config.dataDir, 'demo-access.json');
  const deps = { db, clock: systemClock };
  const existing = await db.privileged(async (tx) => {
    const [row] = await tx.select({ n: count() }).from(organisations);
    return row?.n ?? 0;
  });
  if (existing === 0) {
    const created = await createDemoLandlord(db, new Date(), { emailDomain: DEMO_EMAIL_DOMAIN });
    const signIns = created.signIns;
    const access = {
      name: created.name,
      organisationId: created.organisationId,
      apiKey: created.apiKey,
      signIns,
    };
    save(file, config.dataDir, access);
    return access;
  }
  if (!existsSync(file)) return null;
  const access = JSON.parse(readFileSync(file, 'utf8')) as DemoAccess;
  if (access.signIns === undefined) {
    const staff = await db.privileged(async (tx) => {
      const [row] = await tx
        .select({ n: count() })
        .from(staffAccounts)
        .where(eq(staffAccounts.organisationId, access.organisationId));
      return row?.n ?? 0;
    });
    if (staff === 0) {
      try {
        access.signIns = await createDemoStaff(deps, access.organisationId);
        save(file, config.dataDir, access);
      } catch (error) {
        // The file names a landlord that is gone, or the demo addresses are taken: no demo sign-ins.
        if (!(error instanceof NotFoundError || error instanceof InvalidInputError)) throw error;
      }
    }
  }
  return access;
}
