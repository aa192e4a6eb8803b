import { IsoDate, Roster, ScoringScheme, buildMatrix, parsePlanText, scoreUnits } from "../src/index.js";
import type { Ledger, ProgressEntry } from "../src/index.js";
import { fmt, measure, ratio, table } from "./harness.js";

// Scoring 200 units × 50 indicators with up to 1,000,000 ledger entries, against a hand-written
// reference loop that does the same arithmetic (deductions per incident, rate shortfalls, floors,
// normalisation) without explanations, in the same run. Goal: ≤ 1 s and ≤ 3× the reference, and
// cost growing linearly with entries.
const UNITS = 200;
const TAGS = 40;
const METRICS = 10;

export const world = () => {
  const { plan } = parsePlanText("基准县2024年度法治政府建设工作安排\n一、甲\n（一）乙。\n牵头单位：县单位0局", { id: "bench-2024" });
  const roster = Roster.parse({
    id: "bench",
    name: "基准县",
    source: { title: "benchmark (synthetic)" },
    units: Array.from({ length: UNITS }, (_, i) => ({ id: `u${i}`, name: `县单位${i}局`, kind: "government_department" })),
    groups: [],
  });
  const scheme = ScoringScheme.parse({
    id: "bench",
    title: "基准方案",
    total: 100,
    areas: [{ id: "a", name: "甲", points: 100 }],
    indicators: [
      ...Array.from({ length: TAGS }, (_, i) => ({ id: `inc${i}`, name: `问题${i}`, area: "a", points: 2, appliesTo: {}, method: { kind: "incidents", tag: `t${i}`, per: 0.5 } })),
      ...Array.from({ length: METRICS }, (_, i) => ({ id: `rate${i}`, name: `比率${i}`, area: "a", points: 2, appliesTo: {}, method: { kind: "rate", metric: `m${i}`, target: 95, perPoint: 1 } })),
    ],
    grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }],
    lowestGrade: "不合格",
  });
  return { plan, roster, matrix: buildMatrix(plan, roster), scheme };
};

export const ledgerOf = (n: number): Ledger => {
  let s = 42;
  const rnd = (k: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % k;
  };
  const entries: ProgressEntry[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const unitId = `u${rnd(UNITS)}`;
    const date = `2024-${String(1 + rnd(12)).padStart(2, "0")}-${String(1 + rnd(28)).padStart(2, "0")}`;
    entries[i] = (i % 10 === 0
      ? { id: `e${i}`, kind: "measure", unitId, date, metric: `m${rnd(METRICS)}`, value: 90 + rnd(11) }
      : { id: `e${i}`, kind: "incident", unitId, date, tag: `t${rnd(TAGS)}`, count: 1 }) as unknown as ProgressEntry;
  }
  return { planId: "bench-2024", entries } as unknown as Ledger;
};

/** The same arithmetic, by hand: totals in hundredths per unit. */
const reference = (ledger: Ledger): Map<string, number> => {
  const ded = new Map<string, Int32Array>();
  const latest = new Map<string, Array<{ date: string; id: string; value: number } | undefined>>();
  const seen = new Set<string>();
  for (const e of ledger.entries) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    if (e.kind === "incident") {
      let d = ded.get(e.unitId);
      if (d === undefined) ded.set(e.unitId, (d = new Int32Array(TAGS)));
      d[Number(e.tag.slice(1))]! += 50 * (e.count ?? 1);
    } else if (e.kind === "measure") {
      let l = latest.get(e.unitId);
      if (l === undefined) latest.set(e.unitId, (l = new Array(METRICS).fill(undefined)));
      const k = Number(e.metric.slice(1));
      const prev = l[k];
      if (prev === undefined || prev.date < e.date || (prev.date === e.date && prev.id < e.id)) l[k] = { date: e.date, id: e.id, value: e.value };
    }
  }
  const out = new Map<string, number>();
  for (let u = 0; u < UNITS; u++) {
    const id = `u${u}`;
    let raw = 0;
    const d = ded.get(id);
    for (let t = 0; t < TAGS; t++) raw += Math.max(200 - (d?.[t] ?? 0), 0);
    const l = latest.get(id);
    for (let m = 0; m < METRICS; m++) {
      const v = l?.[m];
      raw += v === undefined ? 0 : Math.max(200 - (v.value >= 95 ? 0 : Math.round(100 * (95 - v.value))), 0);
    }
    out.set(id, raw);
  }
  return out;
};

export const benchScoring = (): void => {
  const w = world();
  const asOf = IsoDate.parse("2024-12-31");
  const rows: Array<Record<string, string | number>> = [];
  let perEntryBase = 0;
  for (const n of [100_000, 300_000, 1_000_000]) {
    const ledger = ledgerOf(n);
    const ours = () => scoreUnits({ ...w, ledger, asOf });
    const cards = ours();
    const ref = reference(ledger);
    const same = cards.every((c) => c.total === ref.get(c.unitId));
    const a = measure(`ours ${n}`, ours, { minRuns: 3, minMs: 500, warmup: 1 });
    const b = measure(`ref ${n}`, () => reference(ledger), { minRuns: 3, minMs: 500, warmup: 1 });
    const perEntry = a.median / n;
    if (perEntryBase === 0) perEntryBase = perEntry;
    rows.push({ entries: n, scoreUnits: fmt(a.median), reference: fmt(b.median), "vs reference": ratio(a.median, b.median), "per entry vs 100k": ratio(perEntry, perEntryBase), "same totals": same ? "yes" : "NO" });
  }
  table(`scoreUnits: ${UNITS} units × ${TAGS + METRICS} indicators (goal: ≤ 1 s and ≤ 3× the reference at 1,000,000 entries)`, rows);
};
