/**
 * Deadline derivation over a large in-memory caseload: deriveDeadlines for each case state, as a report
 * or a nightly job over every case would run it. The states are real: each was built through the domain
 * (receiveComplaint, then decide and evolve for every step), with varied dates, policies and jurisdictions.
 */
import {
  addCalendarDays,
  calendarFor,
  fromEpochDay,
  JURISDICTIONS,
  londonDateOf,
  toEpochDay,
  type IsoDate,
} from '../src/domain/calendar/index.ts';
import { deriveDeadlines } from '../src/domain/complaint/deadlines.ts';
import type { ComplaintState } from '../src/domain/complaint/state.ts';
import {
  LIFECYCLES,
  playLifecycle,
  POLICY_MIX,
  random,
  weighted,
  type PlayedCase,
} from './complaint-scenarios.ts';
import { perSecond, round } from './report.ts';

export interface DeadlineResults {
  distinctStates: number;
  buildMs: number;
  eventsApplied: number;
  /** receiveComplaint + decide + evolve, per event, while building the pool. */
  domainEventsPerSecond: number;
  derivations: number;
  deriveMs: number;
  casesPerSecond: number;
  nsPerCase: number;
  /** JSON.parse of the stored state then deriveDeadlines: what a job reading `cases.state` pays. */
  parseAndDerive: { cases: number; ms: number; casesPerSecond: number; averageStateBytes: number };
  /**
   * deriveDeadlines turns stored ISO instants (acknowledgedAt, respondedAt…) into London dates with
   * londonDateOf(string) on every call. How many per case, what one costs (timed on the same instants),
   * and so the estimated share of deriveDeadlines' time.
   */
  instantParsing: { perCase: number; nsPerCall: number; estimatedShare: number };
  statusMix: Record<string, number>;
}

interface PoolEntry extends PlayedCase {
  today: IsoDate;
}

/** The stored instants deriveDeadlines converts with londonDateOf for this state (as deadlines.ts reads them). */
function instantsRead(entry: PoolEntry): string[] {
  const s = entry.state;
  const read: (string | null | undefined)[] = [s.stage1.acknowledgedAt, s.notAccepted?.at];
  if (entry.rules.stage1.firstContact && s.stage1.acknowledgedAt) read.push(s.firstContactAt);
  if (!s.notAccepted) read.push(s.stage1.respondedAt);
  read.push(s.stage2.requestedAt);
  if (s.stage2.requestedAt) {
    read.push(s.stage2.acknowledgedAt, s.stage2.refusal ? s.stage2.refusedAt : null);
    if (!s.stage2.refusal) read.push(s.stage2.respondedAt);
  }
  return read.filter((x): x is string => typeof x === 'string');
}

export function benchDeadlines(derivations: number, distinctStates = 5_000): DeadlineResults {
  // One-off calendar builds are measured by the calendar benchmark, not here.
  for (const j of JURISDICTIONS) calendarFor(j);
  const next = random(2026);
  const lifecycles = LIFECYCLES.map((l) => [l, l.weight] as const);
  const first = toEpochDay('2021-01-04');
  const span = toEpochDay('2026-10-30') - first;

  // Build the pool (timed separately: it is the domain's write-side cost).
  const pool: PoolEntry[] = [];
  let eventsApplied = 0;
  let t = performance.now();
  for (let i = 0; i < distinctStates; i++) {
    const lifecycle = weighted(next, lifecycles);
    const { policy, country } = weighted(next, POLICY_MIX);
    const receivedOn = fromEpochDay(first + Math.floor(next() * span));
    const played = playLifecycle(next, lifecycle, policy, country, receivedOn, i + 1);
    eventsApplied += played.events;
    // Judge each case on a day from its last step to 40 days later: on track, due soon, overdue, met...
    pool.push({ ...played, today: addCalendarDays(played.lastOn, Math.floor(next() * 40)) });
  }
  const buildMs = performance.now() - t;

  const statusMix: Record<string, number> = {};
  const derive = (entry: PoolEntry) => deriveDeadlines(entry.state, entry.rules, entry.calendar, entry.today);
  for (const entry of pool) {
    const status = derive(entry).status ?? 'none';
    statusMix[status] = (statusMix[status] ?? 0) + 1;
  }

  // Warm up the JIT, then time `derivations` calls cycling through the pool.
  let sink = 0;
  for (let i = 0; i < Math.min(derivations, 200_000); i++) {
    sink += derive(pool[i % pool.length] as PoolEntry).deadlines.length;
  }
  t = performance.now();
  for (let i = 0; i < derivations; i++) {
    sink += derive(pool[i % pool.length] as PoolEntry).deadlines.length;
  }
  const deriveMs = performance.now() - t;

  // The same from stored JSON, as a job over `cases.state` would do it.
  const stored = pool.map((entry) => JSON.stringify(entry.state));
  const averageStateBytes = stored.reduce((sum, s) => sum + Buffer.byteLength(s), 0) / stored.length;
  const parseCases = Math.min(derivations, 200_000);
  t = performance.now();
  for (let i = 0; i < parseCases; i++) {
    const k = i % pool.length;
    const entry = pool[k] as PoolEntry;
    const state = JSON.parse(stored[k] ?? '') as ComplaintState;
    sink += deriveDeadlines(state, entry.rules, entry.calendar, entry.today).deadlines.length;
  }
  const parseMs = performance.now() - t;
  // londonDateOf(string) on the very instants deriveDeadlines reads.
  const instants = pool.flatMap(instantsRead);
  const perCase = instants.length / pool.length;
  const calls = Math.min(derivations, 1_000_000);
  for (let i = 0; i < Math.min(calls, 100_000); i++)
    sink += londonDateOf(instants[i % instants.length] ?? '').length;
  t = performance.now();
  for (let i = 0; i < calls; i++) sink += londonDateOf(instants[i % instants.length] ?? '').length;
  const nsPerCall = ((performance.now() - t) * 1e6) / calls;
  if (sink === -1) console.log(sink);

  return {
    distinctStates,
    buildMs: round(buildMs, 1),
    eventsApplied,
    domainEventsPerSecond: Math.round(perSecond(eventsApplied, buildMs)),
    derivations,
    deriveMs: round(deriveMs, 1),
    casesPerSecond: Math.round(perSecond(derivations, deriveMs)),
    nsPerCase: round((deriveMs * 1e6) / derivations, 1),
    parseAndDerive: {
      cases: parseCases,
      ms: round(parseMs, 1),
      casesPerSecond: Math.round(perSecond(parseCases, parseMs)),
      averageStateBytes: Math.round(averageStateBytes),
    },
    instantParsing: {
      perCase: round(perCase, 2),
      nsPerCall: round(nsPerCall, 1),
      estimatedShare: Math.round((100 * perCase * nsPerCall) / ((deriveMs * 1e6) / derivations)),
    },
    statusMix,
  };
}
