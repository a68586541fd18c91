import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { SHIPPED_BANK_HOLIDAY_LIST, toGovUkFormat } from '../../src/domain/calendar/index.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/putright.js', import.meta.url).pathname;

async function runFailing(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  try {
    await run('node', [BIN, ...args], { env });
  } catch (error: unknown) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
  throw new Error(`Expected putright ${args.join(' ')} to fail`);
}

void describe('putright holidays', () => {
  const dir = mkdtempSync(join(tmpdir(), 'putright-holidays-'));
  const env = { ...process.env, PUTRIGHT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  let server: Server;
  let url: string;

  before(async () => {
    const published = toGovUkFormat(SHIPPED_BANK_HOLIDAY_LIST);
    published.scotland.events.push({ title: 'Another day', date: '2026-06-16', notes: '', bunting: true });
    server = createServer((request, response) => {
      if (request.url === '/bank-holidays.json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(published));
      } else {
        response.writeHead(503, 'Service Unavailable');
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/bank-holidays.json`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  void it('show: the shipped snapshot is in force on a new database, with Scotland’s 15 June 2026', async () => {
    const { stdout } = await run(
      'node',
      [BIN, 'holidays', 'show', '--division', 'scotland', '--year', '2026'],
      {
        env,
      },
    );
    assert.match(stdout, /the snapshot shipped with PutRight/);
    assert.match(stdout, /scotland 2026 \(from the list; the list covers 2019–2027\)/);
    assert.match(stdout, /2026-06-15 {2}Extra bank holiday/);
    const later = await run('node', [BIN, 'holidays', 'show', '--division', 'scotland', '--year', '2031'], {
      env,
    });
    assert.match(later.stdout, /scotland 2031 \(from date-holidays/);
  });

  void it('import refuses a malformed file, saying why, and leaves the snapshot in force', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'england-and-wales': { events: [] } }));
    const refused = await runFailing(['holidays', 'import', bad], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not in the gov\.uk format: england-and-wales\.events has no events/);
    const missing = await runFailing(['holidays', 'import', join(dir, 'nowhere.json')], env);
    assert.match(missing.stderr, /Cannot read .*nowhere\.json/);
    const { stdout } = await run('node', [BIN, 'holidays', 'show', '--year', '2026'], { env });
    assert.match(stdout, /the snapshot shipped with PutRight/);
  });

  void it('update fetches the list from BANK_HOLIDAYS_URL or --url, and says clearly when it cannot', async () => {
    const failed = await runFailing(
      ['holidays', 'update', '--url', url.replace('bank-holidays', 'down')],
      env,
    );
    assert.match(
      failed.stderr,
      /Could not fetch the bank holiday list from .*answered 503 Service Unavailable/,
    );
    const { stdout } = await run('node', [BIN, 'holidays', 'update'], {
      env: { ...env, BANK_HOLIDAYS_URL: url },
    });
    assert.match(stdout, new RegExp(`Bank holiday list from ${url} is now in force`));
    assert.match(stdout, /scotland: 86 holidays, 2019–2027/);
    const shown = await run('node', [BIN, 'holidays', 'show', '--division', 'scotland', '--year', '2026'], {
      env,
    });
    assert.match(shown.stdout, new RegExp(`Bank holiday list in force: from ${url}, imported .* by cli\\.`));
    assert.match(shown.stdout, /2026-06-16 {2}Another day/);
  });
});
