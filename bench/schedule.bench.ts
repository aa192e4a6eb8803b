import rrulePkg from "rrule";
import { type Period, type RecurringRule, emptyLedger, recordMany, rulePeriods } from "../src/index.js";
import { seedContextForBench } from "./context.js";
import { fmt, measure, ratio, table } from "./harness.js";

const { RRule } = rrulePkg as unknown as { RRule: typeof import("rrule").RRule };

const RRULE_OF: Record<Period, string> = {
  month: "FREQ=MONTHLY;BYMONTHDAY=-1",
  quarter: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
  half_year: "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
  year: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
};

// 1,000 recurring rules over 10 years: rulePeriods against rrule's all() on the same RRULEs,
// in the same run (goal: ≥ 20× faster, same dates).
export const benchSchedule = (): void => {
  const periods: Period[] = ["month", "quarter", "half_year", "year"];
  const rules: RecurringRule[] = Array.from({ length: 1000 }, (_, i) => ({ kind: "recurring", period: periods[i % 4] as Period, times: 1 }));
  const ours = () => {
    const out: string[] = [];
    for (const rule of rules) for (let y = 2020; y < 2030; y++) for (const p of rulePeriods(rule, y)) out.push(p.due);
    return out;
  };
  // noCache: RRule.all() otherwise returns its cached result on every run after the first.
  const options = rules.map((r) => RRule.parseString(`DTSTART:20200101T000000Z\nRRULE:${RRULE_OF[r.period]};UNTIL=20291231T000000Z`));
  const theirs = () => {
    const out: string[] = [];
    for (const o of options) for (const d of new RRule(o, true).all()) out.push(d.toISOString().slice(0, 10));
    return out;
  };
  const a = ours();
  const b = theirs();
  const same = a.length === b.length && a.every((d, i) => d === b[i]);
  const m1 = measure("fazhi", ours, { minRuns: 10, minMs: 1000 });
  const m2 = measure("rrule", theirs, { minRuns: 3, minMs: 1000 });
  table("Expanding 1,000 recurring rules over 10 years (goal: ≥ 20× faster than rrule, same dates)", [
    { what: "fazhi rulePeriods", dates: a.length, median: fmt(m1.median), "speed vs rrule": ratio(m2.median, m1.median), "same dates": same ? "yes" : "NO" },
    { what: "rrule RRule.all() (baseline)", dates: b.length, median: fmt(m2.median), "speed vs rrule": "1.00×", "same dates": "" },
  ]);

  // Recording 100,000 ledger entries with every check, in one batch, and 10,000 for scale.
  const ctx = seedContextForBench("2024-12-31");
  const cells = ctx.matrix.cells;
  const entries = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const c = cells[i % cells.length]!;
      return { id: `e${i}`, unitId: c.unitId, taskId: c.taskId, date: `2024-${String((i % 12) + 1).padStart(2, "0")}-15`, kind: "progress" };
    });
  const rows: Array<Record<string, string | number>> = [];
  let perEntry10k = 0;
  for (const n of [10_000, 100_000]) {
    const batch = entries(n);
    const m = measure(`${n}`, () => {
      const r = recordMany(emptyLedger(ctx.plan.id), batch, ctx);
      if (!r.ok) throw new Error(r.issues[0]!.message);
    }, { minRuns: 3, minMs: 500, warmup: 1 });
    const per = m.median / n;
    if (n === 10_000) perEntry10k = per;
    rows.push({ entries: n, median: fmt(m.median), "per entry": fmt(per), "per entry vs 10k": ratio(per, perEntry10k) });
  }
  table("recordMany: checking and recording ledger entries (linear: per-entry cost flat)", rows);
};
