import { scoreUnits } from "../src/index.js";
import type { Ledger } from "../src/index.js";
import { collectGarbage, fmt, table } from "./harness.js";
import { CONDITIONS, INCIDENT_TAGS, UNITS, YEAR, ledgerOf, world } from "./scoring.world.js";

// scoreUnits with a scheme that uses every mechanic (bench/scoring.world.ts), 200 units, 10k to
// 1,000,000 ledger entries, against a hand-written reference in the same run. The reference is
// what a competent engineer would write for this one scheme: one pass over the entries into
// typed arrays and small per-unit tables, then the arithmetic — no explanations, no entry lists,
// and no duplicate-id check (the generated ledger has none, and a reference need not do the
// bookkeeping the library does). Goal: ≤ 3× the reference at 1,000,000 entries, and the cost per
// entry flat from 10k to 1M.

type Rounding = "half_up" | "half_even";
/** a / b (b > 0) rounded, for non-negative a. */
const div = (a: number, b: number, mode: Rounding = "half_up"): number => {
  const q = Math.floor(a / b);
  const r = a - q * b;
  return 2 * r > b || (2 * r === b && (mode === "half_up" || q % 2 === 1)) ? q + 1 : q;
};
const h = (v: number) => Math.round(v * 100);
const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86400000;

// The scheme's numbers, by hand (bench/scoring.world.ts).
const TAGS = [...Array.from({ length: INCIDENT_TAGS }, (_, k) => `t${k}`), ...Array.from({ length: CONDITIONS }, (_, k) => [`c${k}a`, `c${k}b`]).flat(), "tierA", "tierB", "neg", "pen", "crit"];
const TAG = new Map(TAGS.map((t, i) => [t, i]));
const NT = TAGS.length;
const T_COND = INCIDENT_TAGS;
const T_TIER = INCIDENT_TAGS + 2 * CONDITIONS;
const [T_NEG, T_PEN, T_CRIT] = [T_TIER + 2, T_TIER + 3, T_TIER + 4];
const METRICS = ["r0", "r1", "r2", "r4", "num", "den", "n", "m1", "m2", "m3"];
const MET = new Map(METRICS.map((m, i) => [m, i]));
const NM = METRICS.length;
const CATS = ["nat", "prov", "rank"];
const FROM = `${YEAR}-01-01`;
const LAST = `${YEAR - 1}-`;
// Occurrences: 0–3 quarters of t01, 4 the quota of t02, 5 the deadline of t03, 6 the ongoing t04.
const DUE = [`${YEAR}-03-31`, `${YEAR}-06-30`, `${YEAR}-09-30`, `${YEAR}-12-31`, `${YEAR}-12-31`, `${YEAR}-06-30`, `${YEAR}-12-31`];
const NEEDED = [1, 1, 1, 1, 2, 1, 1];
const LEADS: ReadonlyArray<readonly number[]> = [[0, 1], [0, 1], [0, 1], [0, 1], [50, 51, 52], [100], [150]];
const occOf = (taskId: string, date: string): number => {
  if (date > `${YEAR}-12-31` || date < FROM) return -1;
  switch (taskId) {
    case "bench-2024.t01":
      return Math.floor((Number(date.slice(5, 7)) - 1) / 3);
    case "bench-2024.t02":
      return 4;
    case "bench-2024.t03":
      return date <= `${YEAR}-06-30` ? 5 : -1;
    default:
      return 6;
  }
};
const OCCS_OF_TASK: Readonly<Record<string, readonly number[]>> = { "bench-2024.t01": [0, 1, 2, 3], "bench-2024.t02": [4], "bench-2024.t03": [5], "bench-2024.t04": [6] };

interface Latest { v: number; date: string; id: string }
const newer = (a: Latest | undefined, date: string, id: string) => a === undefined || a.date < date || (a.date === date && a.id < id);

/** The same scoring, by hand: totals and grades per unit. */
export const reference = (ledger: Ledger, asOf: string): Map<string, { total: number; grade: string }> => {
  const unitIndex = new Map(Array.from({ length: UNITS }, (_, i) => [`u${i}`, i]));
  const inc = new Int32Array(UNITS * NT);
  const keyed: Array<Array<{ t: number; pid: string; n: number }>> = Array.from({ length: UNITS }, () => []);
  const now: Array<Latest | undefined> = new Array(UNITS * NM);
  const last: Array<Latest | undefined> = new Array(UNITS * NM);
  let avg: Latest | undefined;
  // Completions: per occurrence and unit, the (date, id, weight) reported in the window; late ones apart.
  const work: Array<Array<{ date: string; id: string; w: number }> | undefined> = new Array(7 * UNITS);
  const late = new Map<string, Array<{ date: string; id: string; w: number; task: string }>>();
  const t02 = new Int32Array(UNITS);
  const awards: Array<Array<{ cat: number; date: string; id: string; award: string; evidence: boolean }>> = Array.from({ length: UNITS }, () => []);
  const credited = new Set<string>();
  const problems: Array<Map<string, { p?: { date: string; id: string; due: string }; r?: { date: string; id: string } }>> = Array.from({ length: UNITS }, () => new Map());
  const veto = new Uint8Array(UNITS);
  for (const e of ledger.entries) {
    if (e.date > asOf) continue;
    const u = unitIndex.get(e.unitId) as number;
    switch (e.kind) {
      case "incident": {
        if (e.date < FROM) break;
        const t = TAG.get(e.tag) as number;
        inc[u * NT + t]! += e.count ?? 1;
        if (e.problemId !== undefined && t < INCIDENT_TAGS) keyed[u]!.push({ t, pid: e.problemId, n: e.count ?? 1 });
        break;
      }
      case "measure": {
        if (e.metric === "avg") {
          if (e.date >= FROM && newer(avg, e.date, e.id)) avg = { v: e.value, date: e.date, id: e.id };
          break;
        }
        const k = u * NM + (MET.get(e.metric) as number);
        const table = e.date >= FROM ? now : e.date.startsWith(LAST) ? last : undefined;
        if (table !== undefined && newer(table[k], e.date, e.id)) table[k] = { v: e.value, date: e.date, id: e.id };
        break;
      }
      case "done":
      case "held": {
        if (e.date < FROM) break;
        const w = e.kind === "held" ? (e.count ?? 1) : (e.count ?? (e.taskId === "bench-2024.t02" ? 2 : 1));
        if (e.taskId === "bench-2024.t02") t02[u]! += e.count ?? 1;
        const o = occOf(e.taskId, e.date);
        if (o >= 0) (work[o * UNITS + u] ??= []).push({ date: e.date, id: e.id, w });
        else {
          const key = `${e.taskId}|${u}`;
          const list = late.get(key);
          if (list === undefined) late.set(key, [{ date: e.date, id: e.id, w, task: e.taskId }]);
          else list.push({ date: e.date, id: e.id, w, task: e.taskId });
        }
        break;
      }
      case "award":
        if (e.date < FROM) {
          if (e.awardId !== undefined) credited.add(`${u}|${e.awardId}`);
        } else awards[u]!.push({ cat: CATS.indexOf(e.category), date: e.date, id: e.id, award: e.awardId ?? e.id, evidence: (e.evidence?.length ?? 0) > 0 });
        break;
      case "problem":
      case "rectified": {
        const p = problems[u]!.get(e.problemId) ?? {};
        if (e.kind === "problem") {
          if (p.p === undefined || e.date < p.p.date || (e.date === p.p.date && e.id < p.p.id)) p.p = { date: e.date, id: e.id, due: e.dueBy };
        } else if (p.r === undefined || e.date < p.r.date || (e.date === p.r.date && e.id < p.r.id)) p.r = { date: e.date, id: e.id };
        problems[u]!.set(e.problemId, p);
        break;
      }
      case "veto":
        veto[u]! |= e.vetoId === "v" ? 1 : 2;
        break;
      default:
        break;
    }
  }
  // Late reports: the latest occurrence due before them that the unit has not completed.
  const cmp = (a: { date: string; id: string }, b: { date: string; id: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const [key, list] of late) {
    const u = Number(key.slice(key.indexOf("|") + 1));
    const occs = OCCS_OF_TASK[(list[0] as { task: string }).task] as readonly number[];
    list.sort(cmp);
    const done = occs.map((o) => (work[o * UNITS + u] ?? []).reduce((s, x) => s + x.w, 0));
    for (const e of list) {
      for (let k = occs.length - 1; k >= 0; k--) {
        const o = occs[k] as number;
        if ((DUE[o] as string) >= e.date || (done[k] as number) >= (NEEDED[o] as number)) continue;
        (work[o * UNITS + u] ??= []).push(e);
        done[k]! += e.w;
        break;
      }
    }
  }
  // Status → days late (−1 overdue, 0 on time, > 0 late), joint leads sharing their reports.
  const asOfDay = day(asOf);
  const daysLate = (o: number, u: number): number => {
    const leads = LEADS[o] as readonly number[];
    const pool = leads.length > 1 && leads.includes(u) ? leads.flatMap((l) => work[o * UNITS + l] ?? []) : (work[o * UNITS + u] ?? []);
    const sorted = pool.length > 1 ? [...pool].sort(cmp) : pool;
    let done = 0;
    for (const x of sorted) {
      if (x.w === 0) continue;
      done += x.w;
      if (done >= (NEEDED[o] as number)) return Math.max(0, day(x.date) - day(DUE[o] as string));
    }
    return asOfDay > day(DUE[o] as string) ? -1 : 0;
  };

  const T = 10000;
  const out = new Map<string, { total: number; grade: string }>();
  const totals: number[] = new Array(UNITS);
  for (let u = 0; u < UNITS; u++) {
    const I = (t: number) => inc[u * NT + t] as number;
    const M = (m: string) => now[u * NM + (MET.get(m) as number)];
    // 同一问题不重复扣分 (first indicator): tag t0 also feeds 整改, where it is always a repeat; a
    // problem id reported under two tags counts in the first of them.
    const drop = new Int32Array(INCIDENT_TAGS);
    if (keyed[u]!.length > 0) {
      const first = new Map<string, number>();
      for (const k of keyed[u]!) if (!first.has(k.pid) || (first.get(k.pid) as number) > k.t) first.set(k.pid, k.t);
      for (const k of keyed[u]!) if ((first.get(k.pid) as number) < k.t) drop[k.t]! += k.n;
    }
    // A1: 20 items of 1 point.
    let a1 = 0;
    for (let k = 0; k < INCIDENT_TAGS; k++) {
      let d = (I(k) - (drop[k] as number)) * (k % 2 === 0 ? 57 : 29);
      if (k % 3 === 0) d = Math.min(d, 80);
      a1 += k % 4 === 0 ? 100 - d : Math.max(100 - d, 0);
    }
    a1 = Math.max(a1, 2000 - 1500);
    // A: A1, conditions, the tier, the inside penalty; 扣完为止.
    let a = a1;
    for (let k = 0; k < CONDITIONS; k++) a += Math.max(300 - (I(T_COND + 2 * k) > 0 ? 115 : 0) - (I(T_COND + 2 * k + 1) > 0 ? 225 : 0), 0);
    a += 500 - (I(T_TIER) > 0 ? 300 : I(T_TIER + 1) > 0 ? 200 : 0);
    const pen = Math.min(I(T_PEN) * 29, 600);
    a = Math.max(a - pen, 0);
    // B: occurrences by role, counts, rates; down to −(its points).
    let b = 0;
    let bAvail = 0;
    if (u < 50) {
      const lead = u < 2;
      for (let o = 0; o < 4; o++) {
        const d = daysLate(o, u);
        const amount = d < 0 ? 300 : d > 0 ? 100 + Math.ceil(d / 7) * 25 : 0;
        b -= lead ? amount : div(amount * 50, 100);
      }
      b += 800;
      bAvail += 800;
    } else if (u < 100) {
      const leads = LEADS[4] as readonly number[];
      const pool = leads.includes(u) ? leads.flatMap((l) => work[4 * UNITS + l] ?? []) : (work[4 * UNITS + u] ?? []);
      const done = Math.min(pool.reduce((s, x) => s + x.w, 0), 2);
      b += Math.max(800 - (done >= 2 ? 0 : (2 - done) * 400), 0);
      bAvail += 800;
    } else {
      const d = daysLate(u < 150 ? 5 : 6, u);
      b += Math.max(600 - (d < 0 ? 300 : d > 0 ? 150 : 0), 0);
      bAvail += 600;
    }
    const n = M("n");
    b += n === undefined ? 0 : Math.max(400 - Math.min(Math.max(0, 3 - Math.floor(n.v)) * 50, 100) - ((t02[u] as number) < 2 ? 100 : 0), 0);
    const r0 = M("r0");
    b += r0 === undefined ? 0 : Math.max(300 - (h(r0.v) < 9500 ? div(50 * (9500 - h(r0.v)), 100, "half_even") : 0), 0);
    const r1 = M("r1");
    b += r1 === undefined ? 0 : Math.max(300 - (h(r1.v) > 1000 ? Math.floor((h(r1.v) - 1000) / 50) * 100 : 0), 0);
    const r2 = M("r2");
    b += r2 === undefined || avg === undefined ? 0 : Math.max(300 - (h(r2.v) < h(avg.v) ? div(25 * (h(avg.v) - h(r2.v)), 100) : 0), 0);
    const num = M("num");
    const den = M("den");
    if (num !== undefined && den !== undefined && den.v > 0) {
      const gap = 90 * h(den.v) - 100 * h(num.v); // (90 − 100·num/den) × den
      b += Math.max(300 - (gap > 0 ? div(20 * gap, h(den.v)) : 0), 0);
    }
    const r4 = M("r4");
    b += r4 === undefined ? 0 : Math.max(200 - (h(r4.v) < 9000 ? Math.ceil((9000 - h(r4.v)) / 1000) * 100 : 0), 0);
    bAvail += 1800; // 专题研究次数 4 + 合格率 3 + 败诉率 3 + 知晓率 3 + 办结率 3 + 结案率 2
    b = Math.max(b, bAvail - 2 * bAvail);
    // C: the trend and rectification.
    let c = 0;
    const trendOk = ["m1", "m2", "m3"].every((m) => M(m) !== undefined && last[u * NM + (MET.get(m) as number)] !== undefined);
    if (trendOk) {
      let d = 0;
      for (const m of ["m1", "m2"]) if ((M(m) as Latest).v > (last[u * NM + (MET.get(m) as number)] as Latest).v) d += 200;
      if ((M("m3") as Latest).v >= (last[u * NM + (MET.get("m3") as number)] as Latest).v) d += 150;
      c += Math.max(600 - d, 0);
    }
    let r = 0;
    for (const p of problems[u]!.values()) {
      if (p.p === undefined) continue;
      if (p.r === undefined) r += p.p.due < asOf ? 150 : 0;
      else if (p.r.date > p.p.due) r += 75;
    }
    c += Math.max(1400 - r, 0);
    // N: the negative list, 限扣5分.
    const neg = Math.max(-29 * I(T_NEG), -500);
    // Weighted components (40 / 40 / 20) over 40 + 0, bAvail and 20 points, exactly.
    const parts: Array<[number, number, number]> = [[40, a + neg, 4000], [40, b, bAvail], [20, c, 2000]];
    let nn = 0n;
    let dd = 1n;
    for (const [wt, e, av] of parts) {
      nn = nn * BigInt(av) + BigInt(wt) * BigInt(e) * dd;
      dd *= BigInt(av);
    }
    const num2 = nn * BigInt(T);
    const den2 = dd * 100n;
    const neg2 = num2 < 0n;
    const q = (neg2 ? -num2 : num2) / den2;
    const rem = (neg2 ? -num2 : num2) % den2;
    let score = Number(2n * rem >= den2 ? q + 1n : q) * (neg2 ? -1 : 1);
    // Outside: awards (honours ≤ 5 with the lower tier of one award at 50%, ranks ≤ 15, all ≤ 20) and criticism (penalties ≤ 6 in all).
    const list = awards[u]!.sort(cmp);
    const amounts = [0, 0, 0];
    const seen = [new Set<string>(), new Set<string>(), new Set<string>()];
    const eligible = [new Set<string>(), new Set<string>()];
    for (const x of list) {
      if (seen[x.cat]!.has(x.award)) continue;
      seen[x.cat]!.add(x.award);
      if (credited.has(`${u}|${x.award}`) || (x.cat === 0 && !x.evidence)) continue;
      amounts[x.cat]! += [300, 200, 150][x.cat] as number;
      if (x.cat < 2) eligible[x.cat]!.add(x.award);
    }
    for (const id of eligible[1]!) if (eligible[0]!.has(id)) amounts[1]! -= 100;
    const nat = Math.min(amounts[0]!, 500);
    const prov = Math.min(amounts[1]!, 500 - nat);
    const rank = Math.min(amounts[2]!, 1500);
    score += Math.min(nat, 2000) + Math.min(prov, 2000 - nat) + Math.min(rank, 2000 - nat - prov);
    score -= Math.min(I(T_CRIT) * 100, 600 - pen);
    totals[u] = score;
    out.set(`u${u}`, { total: score, grade: "" });
  }
  // Grades: bands on 100 points, the top one at most 30% (60 of 200), ties moving down together; vetoes.
  const order = Array.from({ length: UNITS }, (_, i) => i).sort((x, y) => (totals[y] as number) - (totals[x] as number) || x - y);
  const band = (t: number) => (t >= 9000 ? 0 : t >= 8000 ? 1 : t >= 6000 ? 2 : 3);
  const grade = new Int8Array(UNITS);
  for (let u = 0; u < UNITS; u++) {
    let g = band(totals[u] as number);
    if ((veto[u] as number) & 1) g = 3;
    else if ((veto[u] as number) & 2 && g === 0) g = 1;
    grade[u] = g;
  }
  const top = order.filter((u) => grade[u] === 0);
  let taken = 0;
  for (let i = 0; i < top.length; ) {
    let j = i;
    while (j < top.length && totals[top[j] as number] === totals[top[i] as number]) j++;
    if (taken + (j - i) > 60) {
      for (const u of top.slice(i)) grade[u] = 1;
      break;
    }
    taken += j - i;
    i = j;
  }
  const names = ["优秀", "良好", "合格", "不合格"];
  for (let u = 0; u < UNITS; u++) out.set(`u${u}`, { total: totals[u] as number, grade: names[grade[u] as number] as string });
  return out;
};

/**
 * Median times of ours and the reference, measured in alternation (ours, reference, ours, …) so
 * that a busy machine slows both alike; and the median of the per-round ratios.
 */
const alternate = (ours: () => unknown, ref: () => unknown, rounds: number): { ours: number; ref: number; ratio: number } => {
  const a: number[] = [];
  const b: number[] = [];
  const r: number[] = [];
  ours();
  ref();
  for (let i = 0; i < rounds; i++) {
    collectGarbage();
    let t0 = performance.now();
    ours();
    a.push(performance.now() - t0);
    collectGarbage();
    t0 = performance.now();
    ref();
    b.push(performance.now() - t0);
    r.push((a.at(-1) as number) / (b.at(-1) as number));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return { ours: median(a), ref: median(b), ratio: median(r) };
};

export const benchScoring = (): void => {
  const w = world();
  const rows: Array<Record<string, string | number>> = [];
  let fixed = { ours: 0, ref: 0 };
  for (const n of [0, 10_000, 100_000, 1_000_000]) {
    const ledger = ledgerOf(n, w.occurrences);
    const ours = () => scoreUnits({ ...w, ledger });
    const ref = () => reference(ledger, w.asOf);
    const cards = ours();
    const expected = ref();
    const same = cards.every((c) => expected.get(c.unitId)?.total === c.total && expected.get(c.unitId)?.grade === c.grade);
    const m = alternate(ours, ref, n >= 1_000_000 ? 5 : n >= 100_000 ? 9 : 21);
    if (n === 0) fixed = m;
    // The cost of each entry above the fixed cost of an empty ledger (200 cards of ~45 lines):
    // flat from 10k to 1M means the cost grows linearly with the ledger.
    const perEntry = (t: number, base: number) => (n === 0 ? "—" : `${(((t - base) / n) * 1000).toFixed(2)} µs`);
    rows.push({
      entries: n,
      scoreUnits: fmt(m.ours),
      reference: fmt(m.ref),
      "vs reference (median of rounds)": `${m.ratio.toFixed(2)}×`,
      "scoreUnits per entry above empty": perEntry(m.ours, fixed.ours),
      "reference per entry above empty": perEntry(m.ref, fixed.ref),
      "same totals and grades": same ? "yes" : "NO",
    });
  }
  table(`scoreUnits: ${UNITS} units, a scheme using every mechanic (goal: ≤ 3× the reference at 1,000,000 entries; per-entry cost flat)`, rows);
};
