/**
 * The case export, streamed: the newest `rows` cases of the measured landlord (a received-from date
 * chosen so that about that many match) written as CSV and as XLSX through exportCases, read page by
 * page as a download would be. The bytes are counted and dropped; the process's resident memory and
 * heap are sampled every 20 ms, so the peak growth shows whether rows pile up in memory.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { londonDateOf } from '../src/domain/calendar/index.ts';
import { exportCases, type ExportFormat } from '../src/modules/case-export/export-cases.use-case.ts';
import { systemClock } from '../src/modules/complaints/case-context.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { query } from './bench-database.ts';
import { round } from './report.ts';

export interface ExportFigures {
  format: ExportFormat;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  bytes: number;
  /** Peak growth over the resident set and heap in use before the export began. */
  peakRssGrowthBytes: number;
  peakHeapGrowthBytes: number;
}

export interface ExportResults {
  receivedFrom: string;
  exports: ExportFigures[];
}

async function measure(
  db: DatabaseHandle,
  organisationId: string,
  receivedFrom: string,
  format: ExportFormat,
): Promise<ExportFigures> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = rssBefore;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = performance.now();
  let bytes = 0;
  const file = await exportCases(
    { db, clock: systemClock },
    organisationId,
    { receivedFrom, sort: 'newest' },
    format,
    'bench',
  );
  await pipeline(
    file.body,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const [audited] = await db.privileged((tx) =>
    query<{ rows: number }>(
      tx,
      sql`select (details->>'rows')::int as rows from audit_log
          where organisation_id = ${organisationId} and action = 'cases.exported'
          order by audit_id desc limit 1`,
    ),
  );
  const rows = audited?.rows ?? 0;
  return {
    format,
    rows,
    seconds: round(seconds, 2),
    rowsPerSecond: Math.round(rows / seconds),
    bytes,
    peakRssGrowthBytes: peakRss - rssBefore,
    peakHeapGrowthBytes: peakHeap - heapBefore,
  };
}

export async function benchExport(
  db: DatabaseHandle,
  organisationId: string,
  rows: number,
): Promise<ExportResults> {
  const [row] = await db.privileged((tx) =>
    query<{ receivedAt: string }>(
      tx,
      sql`select received_at::text as "receivedAt" from cases where organisation_id = ${organisationId}
          order by received_at desc offset ${Math.max(0, rows - 1)} limit 1`,
    ),
  );
  const receivedFrom = row ? londonDateOf(row.receivedAt) : '2000-01-01';
  const exports: ExportFigures[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    exports.push(await measure(db, organisationId, receivedFrom, format));
  }
  return { receivedFrom, exports };
}
