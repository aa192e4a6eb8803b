import { type Ledger, emptyLedger, recordMany, recordProgress } from "../src/index.js";
import { seedContextForBench } from "./context.js";
import { collectGarbage, fmt, measure, ratio, table } from "./harness.js";

// Recording ledger entries: all at once (recordMany) and one at a time (recordProgress, the way
// a reporting system appends), with every check. Goals: one at a time ≤ 3× recordMany of the same
// entries at 100,000, and the cost of one append flat from 1,000 to 100,000 entries.
export const benchLedger = (): void => {
  const ctx = seedContextForBench("2024-12-31");
  const cells = ctx.matrix.cells;
  const entries = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const c = cells[i % cells.length]!;
      return { id: `e${i}`, unitId: c.unitId, taskId: c.taskId, date: `2024-${String((i % 12) + 1).padStart(2, "0")}-15`, kind: "progress" };
    });
  const appendAll = (batch: readonly unknown[]): Ledger => {
    let ledger: Ledger = emptyLedger(ctx.plan.id);
    for (const e of batch) {
      const r = recordProgress(ledger, e, ctx);
      if (!r.ok) throw new Error(r.issues[0]!.message);
      ledger = r.ledger;
    }
    return ledger;
  };
  appendAll(entries(5_000)); // warm the JIT, so that the 1k row is not mostly compilation
  const rows: Array<Record<string, string | number>> = [];
  let perAppend1k = 0;
  let perEntryBatch1k = 0;
  for (const n of [1_000, 10_000, 100_000]) {
    const batch = entries(n);
    const many = measure(`many ${n}`, () => {
      const r = recordMany(emptyLedger(ctx.plan.id), batch, ctx);
      if (!r.ok || r.ledger.entries.length !== n) throw new Error("recordMany");
    }, { minRuns: 3, minMs: 500, warmup: 1 });
    const single = measure(`single ${n}`, () => {
      if (appendAll(batch).entries.length !== n) throw new Error("recordProgress"); // reads the whole ledger once
    }, { minRuns: 3, minMs: 500, warmup: 1 });
    const perAppend = single.median / n;
    if (n === 1_000) [perAppend1k, perEntryBatch1k] = [perAppend, many.median / n];
    rows.push({
      entries: n,
      "recordMany (all at once)": fmt(many.median),
      "recordProgress × n (one at a time)": fmt(single.median),
      "one at a time vs recordMany": ratio(single.median, many.median),
      "per append": fmt(perAppend),
      "per append vs 1k": ratio(perAppend, perAppend1k),
      "recordMany per entry vs 1k": ratio(many.median / n, perEntryBatch1k),
    });
    collectGarbage();
  }
  table("Ledger appends (goal: one at a time ≤ 3× recordMany at 100k; per append flat 1k → 100k)", rows);
};
