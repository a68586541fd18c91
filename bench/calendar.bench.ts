/**
 * Working-day calendar throughput: calendar builds (one-off) and deadline queries (hot path).
 * Returns human-readable figures; the caller prints them.
 */
import { calendarFor, fromEpochDay, londonDateOf, toEpochDay } from '../src/domain/calendar/index.ts';
import { buildWorkingDayCalendar } from '../src/domain/calendar/working-day-calendar.ts';

const QUERIES = 1_000_000;

function opsPerSecond(count: number, ms: number): string {
  return `${Math.round(count / (ms / 1000)).toLocaleString('en-GB')} ops/s`;
}

function milliseconds(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
}

/** Deterministic pseudo-random integers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function benchCalendar(): Promise<Record<string, string>> {
  const results: Record<string, string> = {};

  // One-off costs. The first build of a jurisdiction includes reading 110 years of holidays from date-holidays.
  let t = performance.now();
  const eng = calendarFor('england-and-wales');
  results['build england-and-wales (first, incl. date-holidays)'] = milliseconds(performance.now() - t);

  const rebuilds = 20;
  t = performance.now();
  for (let i = 0; i < rebuilds; i++) buildWorkingDayCalendar('england-and-wales');
  results['build england-and-wales (holidays cached), per build'] = milliseconds(
    (performance.now() - t) / rebuilds,
  );

  t = performance.now();
  for (let i = 0; i < rebuilds; i++) buildWorkingDayCalendar('england-and-wales', [fromEpochDay(20_000 + i)]);
  results['build with a closure day, per build'] = milliseconds((performance.now() - t) / rebuilds);

  // Random receipt dates 2020-2034 and deadlines of 0-40 working days.
  const next = random(42);
  const first = toEpochDay('2020-01-01');
  const dates: string[] = [];
  const days = new Int32Array(QUERIES);
  const ns = new Int32Array(QUERIES);
  for (let i = 0; i < QUERIES; i++) {
    days[i] = first + Math.floor(next() * 365 * 15);
    ns[i] = Math.floor(next() * 41);
    dates.push(fromEpochDay(days[i] ?? first));
  }

  let sink = 0;
  t = performance.now();
  for (let i = 0; i < QUERIES; i++) {
    const date = dates[i] ?? '';
    const due = eng.addWorkingDays(date, ns[i] ?? 0);
    sink += eng.workingDaysBetween(date, due);
  }
  results['addWorkingDays + workingDaysBetween (IsoDate), 1M pairs'] = opsPerSecond(
    2 * QUERIES,
    performance.now() - t,
  );

  t = performance.now();
  for (let i = 0; i < QUERIES; i++) {
    const day = days[i] ?? first;
    sink += eng.workingEpochDaysBetween(day, eng.addWorkingEpochDays(day, ns[i] ?? 0));
  }
  results['addWorkingEpochDays + workingEpochDaysBetween, 1M pairs'] = opsPerSecond(
    2 * QUERIES,
    performance.now() - t,
  );

  t = performance.now();
  for (let i = 0; i < QUERIES; i++) sink += eng.isWorkingDay(dates[i] ?? '') ? 1 : 0;
  results['isWorkingDay (IsoDate), 1M'] = opsPerSecond(QUERIES, performance.now() - t);

  // Receipt instants: spread over 15 years, so the per-UTC-day offset cache sees ~5,500 distinct days.
  const instants: Date[] = [];
  const instantCount = QUERIES / 4;
  for (let i = 0; i < instantCount; i++)
    instants.push(new Date(Date.UTC(2020, 0, 1) + next() * 15 * 365 * 86_400_000));
  t = performance.now();
  for (const instant of instants) sink += londonDateOf(instant).length;
  results['londonDateOf (Date), 250k'] = opsPerSecond(instantCount, performance.now() - t);

  // Keeps the loops from being optimised away.
  if (sink === -1) results['sink'] = String(sink);
  return Promise.resolve(results);
}
