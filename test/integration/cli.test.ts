import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs the CLI expecting it to fail; returns its exit code and error output. */
async function runFailing(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  try {
    await run('node', args, { env });
  } catch (error: unknown) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
  throw new Error(`Expected putright ${args.slice(1).join(' ')} to fail`);
}
const BIN = new URL('../../bin/putright.js', import.meta.url).pathname;

void describe('the putright command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'putright-cli-'));
  const env = { ...process.env, PUTRIGHT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  void it('policy check lists Peaks & Plains’ departures with provision numbers', async () => {
    const { stdout } = await run('node', [BIN, 'policy', 'check', 'peaks-and-plains'], { env });
    assert.match(stdout, /Departures \(10\):/);
    for (const provision of [
      '2.3',
      '5.2, 5.3',
      '6.4',
      '6.5',
      '6.12',
      '6.15',
      '6.16',
      '5.11, 6.10',
      '2.2, 5.15',
    ]) {
      assert.match(stdout, new RegExp(`Complaint Handling Code 2024 ${provision.replace(/\./g, '\\.')} `));
    }
    assert.match(stdout, /6 months/);
    assert.match(stdout, /Not stated \(the benchmark applies\) \(3\):/);
  });

  void it('policy check --json prints the findings for machines', async () => {
    const { stdout } = await run('node', [BIN, 'policy', 'check', 'people-first', '--json'], { env });
    const report = JSON.parse(stdout) as {
      policy: { key: string };
      countries: string[];
      findings: { check: string; severity: string; provision: string; field?: string }[];
    };
    assert.equal(report.policy.key, 'people-first');
    assert.deepEqual(report.countries, ['england']);
    assert.deepEqual(
      report.findings.filter((f) => f.severity !== 'advisory').map((f) => [f.check, f.severity, f.provision]),
      [
        ['exclusion-behaviour', 'departure', '2.2, 5.15'],
        ['escalation-window', 'not-stated', '6.10'],
      ],
    );
  });

  void it('policy check finds none in the Code itself, and --strict fails on departures', async () => {
    const { stdout } = await run('node', [BIN, 'policy', 'check', 'hos-code-2024', '--strict'], { env });
    assert.match(stdout, /No departures/);
    await assert.rejects(
      run('node', [BIN, 'policy', 'check', 'peaks-and-plains', '--strict'], { env }),
      (e: { code: number }) => e.code === 2,
    );
  });

  void it('policy check explains what is wrong with a bad policy file', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ key: 'mine', version: 0 }));
    const failure = await runFailing([BIN, 'policy', 'check', file], env);
    assert.equal(failure.code, 1);
    assert.match(failure.stderr, /is not a valid policy:\n {2}version: /);
    const unknown = await runFailing([BIN, 'policy', 'check', 'no-such-preset'], env);
    assert.match(unknown.stderr, /neither a preset .* nor a file/);
  });

  void it('org create prints the id and a usable API key once', async () => {
    const { stdout } = await run(
      'node',
      [BIN, 'org', 'create', '--name', 'Homes Plus', '--preset', 'homes-plus', '--country', 'scotland'],
      { env },
    );
    assert.match(stdout, /Organisation id: [0-9a-f-]{36}/);
    assert.match(stdout, /API key \(shown once; store it now\): pr_[0-9a-f]{32}_[A-Za-z0-9_-]{43}/);
    assert.match(stdout, /scotland/);
    assert.match(stdout, /Case references: HP-YYYY-NNNNNN/);
    const refused = await runFailing(
      [BIN, 'org', 'create', '--name', 'X', '--preset', 'one-manchester', '--country', 'scotland'],
      env,
    );
    assert.match(refused.stderr, /has no rules for Scotland/);
    const welsh = await run(
      'node',
      [BIN, 'org', 'create', '--name', 'Cartrefi Cymru', '--country', 'wales'],
      {
        env,
      },
    );
    assert.match(welsh.stdout, /Policy: PSOW model concerns and complaints policy \(psow-model v1\), wales/);
  });
});
