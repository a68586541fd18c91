/**
 * PutRight benchmark: `npm run bench [-- options]`.
 *
 *   (default)          PGlite in a temporary directory, 200,000 cases (+ a 40,000-case neighbour)
 *   --postgres         PostgreSQL at postgres://postgres@127.0.0.1:5432/test (or DATABASE_URL when set):
 *                      creates a fresh database putright_bench there, 1,000,000 cases (+ 200,000)
 *   --cases N          cases for the measured landlord      --neighbour N  cases for the other landlord
 *   --runs N           timed runs per query (default 50)    --writes N     complaints on the write path
 *   --deadline-cases N deriveDeadlines calls (default 1M)   --keep         keep the database afterwards
 *   --export-rows N    cases in the streamed CSV and XLSX export (default 100,000)
 *
 * Prints the figures and writes them to .bench/results.json (and .bench/results-<database>.json).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { createOrganisation } from '../src/modules/organisations/create-organisation.use-case.ts';
import { insertServiceArea } from '../src/modules/administration/service-areas.repository.ts';
import { openBenchDatabase, query, type BenchDatabase } from './bench-database.ts';
import { benchCalendar } from './calendar.bench.ts';
import { benchDeadlines, type DeadlineResults } from './deadlines.bench.ts';
import { benchExport, type ExportResults } from './export.bench.ts';
import { benchReadPath, thresholds, type ReadPathResults } from './queries.bench.ts';
import { int, mebibytes, ms, section, seconds, table } from './report.ts';
import {
  createIndexes,
  createBenchStaff,
  createTemplates,
  dropSecondaryIndexes,
  prepareSeed,
  type SeedResult,
} from './seed.ts';
import { benchWritePath, type WritePathResults } from './write-path.bench.ts';

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

const { values: args } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    cases: { type: 'string' },
    neighbour: { type: 'string' },
    runs: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    writes: { type: 'string', default: '500' },
    'deadline-cases': { type: 'string', default: '1000000' },
    'export-rows': { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  console.log(/\/\*\*([\s\S]*?)\*\//.exec(source)?.[1]?.replace(/^ \* ?/gm, '') ?? '');
  process.exit(0);
}

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
  return n;
}

const adminUrl = loadConfig().databaseUrl ?? (args.postgres ? DEFAULT_POSTGRES_URL : undefined);
const onPostgres = adminUrl !== undefined;
const measuredCases = count(args.cases, 'cases') ?? (onPostgres ? 1_000_000 : 200_000);
const neighbourCases =
  count(args.neighbour, 'neighbour') ?? (onPostgres ? 200_000 : Math.round(measuredCases / 5));
const runs = count(args.runs, 'runs') ?? 50;
const warmup = count(args.warmup, 'warmup') ?? 5;
const writes = count(args.writes, 'writes') ?? 500;
const deadlineCases = count(args['deadline-cases'], 'deadline-cases') ?? 1_000_000;
const exportRows = Math.min(measuredCases, count(args['export-rows'], 'export-rows') ?? 100_000);
const batchSize = onPostgres ? 100_000 : 50_000;

const started = performance.now();
function log(message: string): void {
  console.error(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
}

const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model ?? 'unknown',
  cores: cpus.length,
  memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
  os: `${os.type()} ${os.release()} (${os.arch()})`,
  node: process.version,
};

interface DatabaseResults {
  kind: BenchDatabase['kind'];
  version: string;
  location: string;
  sizes: { measuredCases: number; neighbourCases: number; events: number };
  seeding: {
    templatesMs: number;
    measured: SeedResult;
    neighbour: SeedResult;
    totalInsertMs: number;
    indexBuildMs: number;
    vacuumAnalyzeMs: number;
  };
  storage: Record<string, number>;
  distribution: { byStatus: Record<string, number>; open: number; overdue: number; dueSoon: number };
  readPath: ReadPathResults;
  export: ExportResults;
  writePath: WritePathResults;
}

const results: {
  date: string;
  command: string;
  machine: typeof machine & { database: string };
  options: Record<string, number | string | boolean>;
  calendar: Record<string, string>;
  deadlines: DeadlineResults;
  database: DatabaseResults | null;
  totalSeconds: number;
} = {
  date: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: { ...machine, database: '' },
  options: { measuredCases, neighbourCases, runs, warmup, writes, deadlineCases, exportRows, batchSize },
  calendar: {},
  deadlines: {} as DeadlineResults,
  database: null,
  totalSeconds: 0,
};

function printMachine(database: string): void {
  console.log(section('PutRight benchmark'));
  console.log(
    table(
      ['', ''],
      [
        ['date', results.date],
        ['cpu', `${machine.cpu}, ${machine.cores} cores`],
        ['memory', `${machine.memoryGiB} GiB`],
        ['os', machine.os],
        ['node', machine.node],
        ['database', database],
      ],
    ),
  );
}

function printDeadlines(d: DeadlineResults): void {
  console.log(section('Deadline derivation (deriveDeadlines, in memory)'));
  console.log(
    table(
      ['measure', 'value'],
      [
        ['distinct case states (built via receiveComplaint/decide/evolve)', int(d.distinctStates)],
        ['  building them: domain events applied', int(d.eventsApplied)],
        ['  building them: events/s (zod parse + decide + evolve)', int(d.domainEventsPerSecond)],
        ['deriveDeadlines calls', int(d.derivations)],
        ['deriveDeadlines: cases/s', int(d.casesPerSecond)],
        ['deriveDeadlines: µs/case', (d.nsPerCase / 1000).toFixed(2)],
        ['  stored instants parsed per case (londonDateOf(string))', d.instantParsing.perCase.toFixed(2)],
        ['  londonDateOf(string): µs/call', (d.instantParsing.nsPerCall / 1000).toFixed(2)],
        ['  estimated share of deriveDeadlines spent parsing instants', `${d.instantParsing.estimatedShare}%`],
        [`JSON.parse(state) + deriveDeadlines (${int(d.parseAndDerive.cases)} cases)`, `${int(d.parseAndDerive.casesPerSecond)} cases/s`],
        ['  average stored state size', `${int(d.parseAndDerive.averageStateBytes)} bytes`],
        ['status mix of the pool', Object.entries(d.statusMix).map(([k, v]) => `${k} ${v}`).join(', ')],
      ], // prettier-ignore
    ),
  );
}

function printDatabase(d: DatabaseResults): void {
  console.log(section(`Database: ${d.kind} (${d.version})`));
  const s = d.seeding;
  console.log(
    table(
      ['seeding', 'value'],
      [
        ['template cases via the use cases', ms(s.templatesMs) + ' ms'],
        [`insert ${int(s.measured.cases)} + ${int(s.neighbour.cases)} cases, ${int(s.measured.events + s.neighbour.events)} events`, seconds(s.totalInsertMs)],
        ['  insert rate (cases/s, with their events)', int(((s.measured.cases + s.neighbour.cases) / s.totalInsertMs) * 1000)],
        ['rebuild 5 secondary indexes on cases', seconds(s.indexBuildMs)],
        ['VACUUM ANALYZE', seconds(s.vacuumAnalyzeMs)],
        ...Object.entries(d.storage).map(([k, v]) => [k, mebibytes(v)]),
      ], // prettier-ignore
    ),
  );
  const dist = d.distribution;
  console.log(
    `\nMeasured landlord: ${int(dist.open)} open with a deadline, ${int(dist.overdue)} overdue, ${int(dist.dueSoon)} due soon; ` +
      Object.entries(dist.byStatus)
        .map(([k, v]) => `${k} ${int(v)}`)
        .join(', '),
  );

  console.log(section('Read path, through the use cases (latency includes the transaction and mapping)'));
  console.log(
    table(
      [
        'query',
        'rows',
        'runs',
        'median ms',
        'p95 ms',
        'plan (EXPLAIN ANALYZE: nodes, rows read)',
        'index?',
        'server ms',
      ],
      d.readPath.queries.map((q) => [
        q.name,
        String(q.rows),
        String(q.runs),
        ms(q.medianMs),
        ms(q.p95Ms),
        q.plan + (q.planMatchesUseCase ? '' : ' [mirror differs!]'),
        q.indexDriven ? 'yes' : 'NO',
        q.explainMs === null ? '' : ms(q.explainMs),
      ]),
    ),
  );
  const rls = d.readPath.rlsOverhead;
  console.log(
    `\nRow-level security: overdue list query as owner (no RLS) median ${ms(rls.privileged.medianMs)} ms, ` +
      `as tenant role ${ms(rls.tenant.medianMs)} ms; a tenant sees ${int(d.readPath.rlsVisibility.visibleToTenant)} ` +
      `of ${int(d.readPath.rlsVisibility.total)} rows.`,
  );
  const overdue = d.readPath.queries.find((q) => q.name.includes('overdue'));
  if (overdue) console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the overdue filter:\n${overdue.explain}`);

  console.log(section(`Export, streamed in pages of 1,000 (cases received from ${d.export.receivedFrom})`));
  console.log(
    table(
      ['format', 'rows', 'seconds', 'rows/s', 'size', 'peak RSS growth', 'peak heap growth'],
      d.export.exports.map((e) => [
        e.format.toUpperCase(),
        int(e.rows),
        e.seconds.toFixed(2),
        int(e.rowsPerSecond),
        mebibytes(e.bytes),
        mebibytes(e.peakRssGrowthBytes),
        mebibytes(e.peakHeapGrowthBytes),
      ]),
    ),
  );

  const w = d.writePath;
  console.log(section(`Write path: ${w.complaints} complaints received, accepted and acknowledged`));
  console.log(
    table(
      ['command', 'per second', 'median ms', 'p95 ms'],
      [
        ...w.sequential.map((c) => [c.command, c.perSecond.toFixed(1), ms(c.medianMs), ms(c.p95Ms)]),
        ['all commands, one at a time', w.sequentialCommandsPerSecond.toFixed(1), '', ''],
        ...(w.concurrent
          ? [[`all commands, ${w.concurrent.inFlight} in flight`, w.concurrent.commandsPerSecond.toFixed(1), '', '']]
          : []),
      ], // prettier-ignore
    ),
  );
}

async function benchDatabase(): Promise<DatabaseResults> {
  log(onPostgres ? `PostgreSQL: creating a fresh database putright_bench` : 'PGlite: temporary directory');
  const bench = await openBenchDatabase(adminUrl, args.keep);
  try {
    const db = () => bench.handle();
    await db().migrate();
    const [version] = await db().privileged((tx) =>
      query<{ version: string }>(tx, sql`select version() as version`),
    );
    // 'PostgreSQL 18.6 (PGlite 0.5.16) on wasm32…' or 'PostgreSQL 15.20 (Debian …) on x86_64…'.
    const versionText = (version?.version ?? '').split(' on ')[0] ?? '';
    results.machine.database = versionText;

    const measured = await createOrganisation(
      db(),
      { name: 'Bench Homes', preset: 'hos-code-2024', referencePrefix: 'BH' },
      'bench',
    );
    const neighbour = await createOrganisation(
      db(),
      { name: 'Noisy Neighbour Housing', preset: 'hos-code-2024', referencePrefix: 'NN' },
      'bench',
    );
    // The bench's caseload files damp and mould as a service area of its own (see complaint-scenarios.ts).
    for (const org of [measured, neighbour]) {
      await db().forOrganisation(org.organisationId, (tx) =>
        insertServiceArea(tx, org.organisationId, { code: 'damp-and-mould', name: 'Damp and mould' }),
      );
    }
    await createBenchStaff(db(), measured.organisationId);
    let t = performance.now();
    const templates = await createTemplates(db(), measured.organisationId);
    const templatesMs = performance.now() - t;
    log(`templates: ${Object.keys(templates.states).length} statuses captured`);

    const indexes = await dropSecondaryIndexes(db());
    const now = new Date();
    const batches = Math.ceil(measuredCases / batchSize);
    const a = await prepareSeed(db(), {
      organisationId: measured.organisationId,
      referencePrefix: measured.referencePrefix,
      cases: measuredCases,
      now,
      years: 5,
      batchSize,
      seed: 1,
    }, templates); // prettier-ignore
    const b = await prepareSeed(db(), {
      organisationId: neighbour.organisationId,
      referencePrefix: neighbour.referencePrefix,
      cases: neighbourCases,
      now,
      years: 5,
      batchSize: Math.max(1, Math.ceil(neighbourCases / batches)),
      seed: 2,
    }, templates); // prettier-ignore
    // Interleave the two landlords' batches, so their rows share pages as they would in real use; on
    // PostgreSQL two batches run at once (one per core). PGlite has one connection, so one at a time.
    const tasks: (() => Promise<void>)[] = [];
    for (let i = 0; i < Math.max(a.batches, b.batches); i++) {
      if (i < a.batches) tasks.push(() => a.runBatch(i));
      if (i < b.batches) tasks.push(() => b.runBatch(i));
    }
    let done = 0;
    t = performance.now();
    await Promise.all(
      Array.from({ length: bench.kind === 'postgres' ? 2 : 1 }, async () => {
        for (let task = tasks.shift(); task; task = tasks.shift()) {
          await task();
          log(`seeded batch ${++done}/${a.batches + b.batches}`);
        }
      }),
    );
    const measuredSeed = await a.finish();
    const neighbourSeed = await b.finish();
    const totalInsertMs = performance.now() - t;

    t = performance.now();
    await createIndexes(db(), indexes);
    const indexBuildMs = performance.now() - t;
    log(`indexes rebuilt: ${indexes.map((i) => i.name).join(', ')}`);
    t = performance.now();
    await bench.maintenance(
      bench.kind === 'postgres'
        ? ['vacuum analyze cases', 'vacuum analyze case_events', 'checkpoint']
        : ['vacuum analyze cases', 'vacuum analyze case_events'],
    );
    const vacuumAnalyzeMs = performance.now() - t;
    log('vacuum analyze done');

    const [storage] = await db().privileged((tx) =>
      query<Record<string, string | number>>(
        tx,
        sql`select pg_relation_size('cases') as "cases: heap",
                   pg_total_relation_size('cases') - pg_relation_size('cases') - pg_indexes_size('cases') as "cases: TOAST",
                   pg_indexes_size('cases') as "cases: indexes (8)",
                   pg_total_relation_size('case_events') as "case_events: total",
                   pg_database_size(current_database()) as "database"`,
      ),
    );
    const th = thresholds(new Date());
    const byStatus = await db().privileged((tx) =>
      query<{ status: string; n: number }>(
        tx,
        sql`select status, count(*)::int as n from cases where organisation_id = ${measured.organisationId}
            group by status order by n desc`,
      ),
    );
    const [deadlineCounts] = await db().privileged((tx) =>
      query<{ open: number; overdue: number; dueSoon: number }>(
        tx,
        sql`select count(*) filter (where current_deadline_due is not null)::int as open,
                   count(*) filter (where current_deadline_due < ${th.today}::date)::int as overdue,
                   count(*) filter (where current_deadline_due >= ${th.today}::date and (
                     (jurisdiction = 'england-and-wales' and current_deadline_due < ${th.dueSoonBefore['england-and-wales']}::date)
                     or (jurisdiction = 'northern-ireland' and current_deadline_due < ${th.dueSoonBefore['northern-ireland']}::date)))::int as "dueSoon"
            from cases where organisation_id = ${measured.organisationId}`,
      ),
    ); // prettier-ignore

    log(`read path: ${runs} runs per query`);
    const readPath = await benchReadPath(db(), measured.organisationId, { runs, warmup, budgetMs: 60_000 });
    log(`export: ${int(exportRows)} cases as CSV and XLSX`);
    const exported = await benchExport(db(), measured.organisationId, exportRows);
    log(`write path: ${writes} complaints`);
    const writePath = await benchWritePath(
      db(),
      measured.organisationId,
      writes,
      bench.kind === 'postgres' ? 8 : null,
    );

    return {
      kind: bench.kind,
      version: versionText,
      location: bench.location,
      sizes: { measuredCases, neighbourCases, events: measuredSeed.events + neighbourSeed.events },
      seeding: {
        templatesMs,
        measured: measuredSeed,
        neighbour: neighbourSeed,
        totalInsertMs,
        indexBuildMs,
        vacuumAnalyzeMs,
      },
      storage: Object.fromEntries(Object.entries(storage ?? {}).map(([k, v]) => [k, Number(v)])),
      distribution: {
        byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
        open: deadlineCounts?.open ?? 0,
        overdue: deadlineCounts?.overdue ?? 0,
        dueSoon: deadlineCounts?.dueSoon ?? 0,
      },
      readPath,
      export: exported,
      writePath,
    };
  } finally {
    await bench.dispose();
    log(args.keep ? `database kept: ${bench.location}` : 'database removed');
  }
}

async function main(): Promise<void> {
  log('calendar maths');
  results.calendar = await benchCalendar();
  log(`deadline derivation: ${int(deadlineCases)} cases`);
  results.deadlines = benchDeadlines(deadlineCases);
  results.database = await benchDatabase();
  results.totalSeconds = Math.round((performance.now() - started) / 1000);

  printMachine(results.machine.database);
  console.log(section('Calendar maths (bench/calendar.bench.ts)'));
  console.log(
    table(
      ['measure', 'value'],
      Object.entries(results.calendar).map(([k, v]) => [k, v]),
    ),
  );
  printDeadlines(results.deadlines);
  printDatabase(results.database);
  console.log(`\nTotal time: ${results.totalSeconds} s`);

  const dir = new URL('../.bench/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(new URL('results.json', dir), json);
  writeFileSync(new URL(`results-${results.database.kind}.json`, dir), json);
  console.log('Written to .bench/results.json and .bench/results-' + results.database.kind + '.json');
}

await main();
