import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ensureDemoLandlord } from '../../src/cli/demo-on-first-run.ts';
import { systemClock } from '../../src/modules/complaints/case-context.ts';
import { createOrganisation } from '../../src/modules/organisations/create-organisation.use-case.ts';
import { signIn } from '../../src/modules/staff/sign-in.use-case.ts';
import { STAFF_ROLES } from '../../src/modules/staff/staff-roles.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { openTestDatabase } from '../support/test-database.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/putright.js', import.meta.url).pathname;

void describe('staff accounts from the command line, and the demo sign-ins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'putright-staff-cli-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  void it('`putright staff create` prints a temporary password once, which must then be changed', async () => {
    const dataDir = join(dir, 'cli-data');
    const db = await openDatabase({ dataDir });
    await db.migrate();
    const org = await createOrganisation(db, { name: 'Gamma Homes', preset: 'hos-code-2024' }, 'test');
    await db.close();

    const env = { ...process.env, PUTRIGHT_DATA_DIR: dataDir, DATABASE_URL: '' };
    const { stdout } = await run(
      'node',
      [
        BIN,
        'staff',
        'create',
        '--org',
        org.organisationId,
        '--email',
        'Gwen@Gamma.example',
        '--name',
        'Gwen Jones',
        '--role',
        'administrator',
      ],
      { env },
    );
    assert.match(stdout, /Staff account: Gwen Jones <gwen@gamma\.example>, Administrator/);
    const password = /Temporary password \(shown once; they must change it at first sign-in\): (\S+)/.exec(
      stdout,
    )?.[1];
    assert.ok(password && password.length >= 12, stdout);

    const reopened = await openDatabase({ dataDir });
    try {
      const result = await signIn(
        { db: reopened, clock: systemClock },
        { email: 'gwen@gamma.example', password },
      );
      assert.equal(result.ok, true);
      assert.equal(result.ok && result.mustChangePassword, true);
    } finally {
      await reopened.close();
    }
  });

  void it('creates a demo sign-in for every role, and a second handler, and prints the same ones on every start', async () => {
    const database = await openTestDatabase();
    try {
      const config = loadConfig({ PUTRIGHT_DATA_DIR: join(dir, 'demo-data') });
      const first = await ensureDemoLandlord(database.db, config);
      assert.ok(first?.signIns);
      assert.deepEqual(
        first.signIns.map((s) => s.role),
        [...STAFF_ROLES, 'handler'],
        'one per role, then a second handler so that stage 2 can go to someone other than stage 1’s',
      );
      const officer = first.signIns.find((s) => s.email === 'officer@demo.putright.test');
      assert.ok(officer);
      const deps = { db: database.db, clock: systemClock };
      const result = await signIn(deps, { email: officer.email, password: officer.password });
      assert.equal(result.ok && result.mustChangePassword, false, 'demo sign-ins are ready to use');

      const file = join(config.dataDir, 'demo-access.json');
      assert.equal(statSync(file).mode & 0o777, 0o600, 'only this user can read the demo passwords');
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).signIns, first.signIns);
      const again = await ensureDemoLandlord(database.db, config);
      assert.deepEqual(again?.signIns, first.signIns);
    } finally {
      await database.close();
    }
  });
});
