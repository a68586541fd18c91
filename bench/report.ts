/** Timing statistics and plain-text tables for the benchmark report. */

export interface LatencyStats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function latencyStats(samples: readonly number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    runs: sorted.length,
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    minMs: round(sorted[0] ?? Number.NaN),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    meanMs: round(total / Math.max(1, sorted.length)),
  };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Runs `work` `warmup` times untimed, then `runs` times timed; returns the samples and the last result.
 * With a budget, stops early once the timed runs have taken `budgetMs` and at least `minRuns` were made
 * (so a query that takes seconds does not take the whole benchmark); the sample count says how many ran.
 */
export async function timeRuns<T>(
  runs: number,
  warmup: number,
  work: (i: number) => Promise<T>,
  budget: { budgetMs: number; minRuns: number } | null = null,
): Promise<{ samples: number[]; last: T | undefined }> {
  let last: T | undefined;
  for (let i = 0; i < warmup; i++) last = await work(i);
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await work(warmup + i);
    const elapsed = performance.now() - t;
    samples.push(elapsed);
    spent += elapsed;
    if (budget && spent > budget.budgetMs && samples.length >= budget.minRuns) break;
  }
  return { samples, last };
}

export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));
export const int = (x: number): string => Math.round(x).toLocaleString('en-GB');
export const perSecond = (count: number, elapsedMs: number): number => count / (elapsedMs / 1000);
export const seconds = (elapsedMs: number): string => `${(elapsedMs / 1000).toFixed(1)} s`;
export const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** A plain-text table; numeric-looking cells are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (cell: string) => /^[-\d.,]+( ?[a-zA-Z/%]+)?$/.test(cell);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function section(title: string): string {
  return `\n${title}\n${'='.repeat(title.length)}`;
}
