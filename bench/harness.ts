// A tiny benchmark harness: median wall time of repeated runs, after a warm-up.
// Benchmarks print ratios against a baseline measured in the same run, so that numbers from
// different machines can be compared; absolute times are shown for orientation only.

export interface Measure {
  readonly name: string;
  /** Median milliseconds per call. */
  readonly median: number;
  readonly runs: number;
}

export const measure = (name: string, fn: () => unknown, options: { minRuns?: number; minMs?: number; warmup?: number } = {}): Measure => {
  const { minRuns = 15, minMs = 300, warmup = 3 } = options;
  collectGarbage();
  for (let i = 0; i < warmup; i++) fn();
  collectGarbage();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < minRuns || performance.now() - started < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    if (times.length > 10_000) break;
  }
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)] as number, runs: times.length };
};

/** Start each measurement from the same heap (npm run bench passes --expose-gc). */
export const collectGarbage = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
};

export const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`);
export const ratio = (x: number, base: number): string => `${(x / base).toFixed(2)}×`;

export const table = (title: string, rows: ReadonlyArray<Record<string, string | number>>): void => {
  console.log(`\n## ${title}`);
  console.table(rows);
};
