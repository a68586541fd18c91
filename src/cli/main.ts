import { Command, Option } from 'commander';
import { join } from 'node:path';
import { buildApp, VERSION } from '../app.ts';
import { COUNTRIES, type Country } from '../domain/policy/country.ts';
import { PRESET_KEYS } from '../domain/policy/presets/index.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { toProblem } from '../platform/http/problem.ts';
import { createOrganisation } from '../modules/organisations/create-organisation.use-case.ts';
import { createDemoLandlord } from '../modules/demo/create-demo-landlord.ts';
import { systemClock } from '../modules/complaints/case-context.ts';
import { upgradeStoredCases } from '../modules/complaints/upgrade-stored-cases.ts';
import { createStaffAccount } from '../modules/staff/create-staff-account.use-case.ts';
import { generateTemporaryPassword } from '../modules/staff/passwords.ts';
import { roleInWords, STAFF_ROLES, type StaffRole } from '../modules/staff/staff-roles.ts';
import { ensureDemoLandlord } from './demo-on-first-run.ts';
import { policyCheckReport } from './policy-check.ts';
import { importList, importReport, readBankHolidayFile, showHolidays } from './holidays.ts';
import { JURISDICTIONS, type Jurisdiction } from '../domain/calendar/index.ts';
import { loadBankHolidayListInForce } from '../modules/bank-holidays/bank-holiday-list-in-force.ts';
import { fetchBankHolidayList } from '../modules/bank-holidays/fetch-bank-holiday-list.ts';

const program = new Command()
  .name('putright')
  .description('PutRight: complaint handling for UK social landlords')
  .version(VERSION);

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await db.migrate();
    await loadBankHolidayListInForce(db);
    await upgradeStoredCases(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

program
  .command('serve')
  .description('Start the server (migrates the database first)')
  .option('--demo', 'on the first run, create a demo landlord and print how to reach it')
  .action(async (options: { demo?: boolean }) => {
    const config = loadConfig();
    const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    await db.migrate();
    await loadBankHolidayListInForce(db);
    await upgradeStoredCases(db);
    const demo = options.demo ? await ensureDemoLandlord(db, config) : null;
    const app = buildApp({
      db,
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
      evidenceDir: join(config.dataDir, 'evidence'),
    });
    const shutdown = async () => {
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
    await app.listen({ port: config.port, host: config.host });
    const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    const where = config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`;
    console.log(`\nPutRight ${VERSION} is running at ${base} on ${where}.`);
    console.log(`Staff sign-in: ${base}/sign-in`);
    console.log(`API: ${base}/api/v1 — OpenAPI document: ${base}/api/v1/openapi.json`);
    if (demo) {
      console.log(`\nDemo landlord "${demo.name}" (organisation ${demo.organisationId}).`);
      if (demo.signIns?.length) {
        console.log(`Demo sign-ins at ${base}/sign-in (a local demo only):`);
        const width = Math.max(...demo.signIns.map((s) => s.email.length));
        for (const s of demo.signIns) {
          console.log(`  ${s.email.padEnd(width)}  ${s.password}  ${s.roleInWords}, ${s.name}`);
        }
      }
      console.log(`Demo API key: ${demo.apiKey}`);
      console.log(`Try: curl -H "Authorization: Bearer ${demo.apiKey}" ${base}/api/v1/complaints\n`);
    }
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    await withDatabase(() => Promise.resolve());
    console.log('The database is up to date.');
  });

const org = program.command('org').description('Manage organisations (landlords)');
org
  .command('create')
  .description('Create an organisation; prints its id and a new API key, once')
  .requiredOption('--name <name>', 'the landlord’s name')
  .addOption(
    new Option(
      '--preset <preset>',
      'the complaint policy preset (default: the country’s own benchmark)',
    ).choices(PRESET_KEYS),
  )
  .addOption(
    new Option(
      '--country <country>',
      'where it works: its Ombudsman and benchmark (default: the preset’s)',
    ).choices(COUNTRIES),
  )
  .option('--prefix <prefix>', 'case reference prefix, 2–5 capital letters (default: initials)')
  .action(async (options: { name: string; preset?: string; country?: Country; prefix?: string }) => {
    const created = await withDatabase((db) =>
      createOrganisation(
        db,
        {
          name: options.name,
          ...(options.preset ? { preset: options.preset } : {}),
          ...(options.country ? { country: options.country } : {}),
          ...(options.prefix ? { referencePrefix: options.prefix } : {}),
        },
        'cli',
      ),
    );
    console.log(`Organisation: ${created.name}`);
    console.log(`Organisation id: ${created.organisationId}`);
    console.log(
      `Policy: ${created.policy.name} (${created.policy.key} v${created.policy.version}), ${created.policy.defaultCountry}`,
    );
    console.log(`Case references: ${created.referencePrefix}-YYYY-NNNNNN`);
    console.log(`API key (shown once; store it now): ${created.apiKey}`);
  });

const staff = program.command('staff').description('Manage staff accounts');
staff
  .command('create')
  .description('Create a staff account; prints a temporary password, once, to be changed at first sign-in')
  .requiredOption('--org <id>', 'the organisation id (from `putright org create`)')
  .requiredOption('--email <email>', 'their email address: they sign in with it')
  .requiredOption('--name <name>', 'their full name')
  .addOption(new Option('--role <role>', 'their role').choices(STAFF_ROLES).makeOptionMandatory())
  .action(async (options: { org: string; email: string; name: string; role: StaffRole }) => {
    const temporaryPassword = generateTemporaryPassword();
    const created = await withDatabase((db) =>
      createStaffAccount({ db, clock: systemClock }, { kind: 'system', name: 'cli' }, options.org, {
        name: options.name,
        email: options.email,
        role: options.role,
        temporaryPassword,
      }),
    );
    console.log(`Staff account: ${created.name} <${created.email}>, ${roleInWords(created.role)}`);
    console.log(`Staff id: ${created.staffId}`);
    console.log(
      `Temporary password (shown once; they must change it at first sign-in): ${temporaryPassword}`,
    );
  });

program
  .command('policy')
  .description('Work with complaint policies')
  .command('check')
  .description(
    'List a policy’s departures from its country’s benchmark (the Code in England; the PSOW, SPSO or NIPSO model elsewhere), and what it does not state',
  )
  .argument('<preset-or-file>', `a preset (${PRESET_KEYS.join(', ')}) or a policy JSON file`)
  .option('--strict', 'exit with status 2 when there are departures (for scripts and CI)')
  .option('--json', 'print the findings as JSON')
  .action((presetOrFile: string, options: { strict?: boolean; json?: boolean }) => {
    const { text, departures } = policyCheckReport(presetOrFile, options.json ? 'json' : 'text');
    console.log(text);
    if (options.strict && departures > 0) process.exitCode = 2;
  });

const holidays = program
  .command('holidays')
  .description(
    'The bank holiday list: gov.uk’s, in its published JSON format (https://www.gov.uk/bank-holidays.json)',
  );
holidays
  .command('import')
  .description(
    'Put a copy of the gov.uk bank holiday list in force, and recalculate every open case’s deadlines',
  )
  .argument('<file>', 'a JSON file in the format of https://www.gov.uk/bank-holidays.json')
  .action(async (file: string) => {
    const list = readBankHolidayFile(file);
    const result = await withDatabase((db) => importList(db, systemClock, list, 'file'));
    console.log(importReport(result, list, file));
  });
holidays
  .command('update')
  .description('Fetch the published bank holiday list and put it in force (needs internet access)')
  .option(
    '--url <url>',
    'where to fetch it (default: BANK_HOLIDAYS_URL, or https://www.gov.uk/bank-holidays.json)',
  )
  .option('--timeout <seconds>', 'how long to wait for an answer', '30')
  .action(async (options: { url?: string; timeout: string }) => {
    const url = options.url ?? loadConfig().bankHolidaysUrl;
    const seconds = Number(options.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--timeout must be a number of seconds');
    const list = await fetchBankHolidayList(url, seconds * 1000);
    const result = await withDatabase((db) => importList(db, systemClock, list, url));
    console.log(importReport(result, list, url));
  });
holidays
  .command('show')
  .description('Show the bank holiday list in force and one year’s holidays')
  .addOption(new Option('--division <division>', 'only this division').choices(JURISDICTIONS))
  .option('--year <year>', 'the year (default: this year)')
  .action(async (options: { division?: Jurisdiction; year?: string }) => {
    const year = options.year === undefined ? undefined : Number(options.year);
    if (year !== undefined && !Number.isInteger(year)) throw new Error('--year must be a year, like 2026');
    console.log(
      await withDatabase((db) => showHolidays(db, systemClock, { division: options.division, year })),
    );
  });

program
  .command('demo')
  .description('Create a demo landlord with realistic cases in every state')
  .action(async () => {
    const created = await withDatabase((db) => createDemoLandlord(db));
    console.log(`Demo landlord "${created.name}" created (organisation ${created.organisationId}).`);
    console.log('Staff sign-ins (shown once):');
    for (const s of created.signIns) console.log(`  ${s.email}  ${s.password}  ${s.roleInWords}, ${s.name}`);
    console.log(`API key (shown once): ${created.apiKey}`);
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    const problem = toProblem(error);
    console.error(
      problem.status >= 500
        ? `Error: ${error instanceof Error ? error.message : String(error)}`
        : `Error: ${problem.detail}`,
    );
  }
  process.exitCode = 1;
});
