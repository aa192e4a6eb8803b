import { readFileSync } from "node:fs";
import { Plan, Roster, buildMatrix, parsePlanText, readRoster, resolveUnits } from "../src/index.js";
import { fmt, measure, ratio, table } from "./harness.js";

// buildMatrix on the seed, and on synthetic plans up to 1,000 tasks × 3,000 units: time per
// cell should stay flat as cells grow (linear cost). The baseline is the smallest synthetic size.

/** Requirements of the synthetic plans, in turn: every rule kind. */
const RULES = [
  { kind: "recurring", period: "quarter", times: 1 },
  { kind: "deadline", due: "2024-06-30" },
  { kind: "quota", period: "year", atLeast: 2 },
  { kind: "window", from: "2024-09-01", to: "2024-09-30" },
  { kind: "ongoing" },
  { kind: "on_event" },
];

/**
 * A synthetic county: `tasks` tasks, each with one clause naming 7 of `units` units and a group of
 * 50, and `requirements` requirements per task (rules of every kind in turn).
 */
export const synthetic = (tasks: number, units: number, requirements = 0): { plan: Plan; roster: Roster } => {
  const kinds = ["government_department", "party_department", "township", "subdistrict", "public_institution"] as const;
  const roster = Roster.parse({
    id: "bench",
    name: "基准县",
    source: { title: "benchmark (synthetic)" },
    units: Array.from({ length: units }, (_, i) => ({ id: `u${i}`, name: `县单位${i}局`, kind: kinds[i % kinds.length] })),
    groups: [{ id: "slice", name: "基准组", phrases: ["基准组"], scope: "relevant", select: { members: Array.from({ length: 50 }, (_, i) => `u${i * 7}`) } }],
  });
  const plan = Plan.parse({
    id: "bench-2024",
    title: "基准",
    year: 2024,
    sections: [
      {
        no: 1,
        title: "s",
        tasks: Array.from({ length: tasks }, (_, t) => ({
          id: `bench-2024.t${t + 1}`,
          no: t + 1,
          title: "t",
          text: "",
          requirements: Array.from({ length: requirements }, (_, r) => ({
            id: `bench-2024.t${t + 1}.r${r + 1}`,
            clauseId: `bench-2024.t${t + 1}.c1`,
            phrase: "p",
            action: "开展",
            rule: RULES[(t * requirements + r) % RULES.length],
          })),
          clauses: [
            {
              id: `bench-2024.t${t + 1}.c1`,
              text: "",
              assignment: {
                lead: [0, 1].map((k) => ({ text: `县单位${(t * 3 + k) % units}局` })),
                responsible: [...[2, 3, 4, 5, 6].map((k) => ({ text: `县单位${(t * 11 + k) % units}局` })), { text: "基准组" }],
                support: [],
              },
            },
          ],
        })),
      },
    ],
  });
  return { plan, roster };
};

export const benchMatrix = (): void => {
  const seed = readFileSync(new URL("../seeds/wuzhi-2024.txt", import.meta.url), "utf8");
  const roster = Roster.parse(JSON.parse(readFileSync(new URL("../seeds/wuzhi-2024.roster.json", import.meta.url), "utf8")));
  const { plan } = parsePlanText(seed, { id: "wuzhi-2024" });
  const seedRun = measure("seed", () => buildMatrix(plan, roster), { minRuns: 50 });
  const cellsSeed = buildMatrix(plan, roster).cells.length;

  const rows: Array<Record<string, string | number>> = [{ input: "Wuzhi 2024 seed (32 units)", cells: cellsSeed, median: fmt(seedRun.median), "per cell": fmt(seedRun.median / cellsSeed), "per cell vs smallest synthetic": "" }];
  let base = 0;
  for (const [tasks, units] of [[125, 3000], [250, 3000], [500, 3000], [1000, 3000]] as const) {
    const { plan: p, roster: r } = synthetic(tasks, units);
    const cells = buildMatrix(p, r).cells.length;
    const m = measure(`${tasks}x${units}`, () => buildMatrix(p, r), { minRuns: 5, minMs: 500 });
    const perCell = m.median / cells;
    if (base === 0) base = perCell;
    rows.push({ input: `${tasks} tasks × ${units} units`, cells, median: fmt(m.median), "per cell": fmt(perCell), "per cell vs smallest synthetic": ratio(perCell, base) });
  }
  table("buildMatrix (goal: per-cell cost flat as cells grow)", rows);
};

// readRoster on rosters whose units form one parent chain or one big cycle, against the same
// roster without parents (goal: the parent check stays a small factor of reading the roster at
// 10k and 100k units; one chain of a 1.2 MB roster took 47 s when every unit walked its chain).
// The per-unit columns show how reading itself grows (schema check, memory) on this machine.
export const benchRoster = (): void => {
  const rosterJson = (n: number, shape: "flat" | "chain" | "cycle") => ({
    id: "bench",
    name: "基准县",
    source: { title: "benchmark (synthetic)" },
    units: Array.from({ length: n }, (_, i) => ({
      id: `u${i}`,
      name: `县单位${i}局`,
      kind: "government_department",
      ...(shape === "chain" && i + 1 < n ? { parent: `u${i + 1}` } : shape === "cycle" ? { parent: `u${(i + 1) % n}` } : {}),
    })),
    groups: [],
  });
  const rows: Array<Record<string, string | number>> = [];
  let base = 0;
  let flatBase = 0;
  for (const n of [10_000, 100_000]) {
    const [flat, chain, cycle] = (["flat", "chain", "cycle"] as const).map((shape) => {
      const json = rosterJson(n, shape);
      return measure(`${shape} ${n}`, () => readRoster(json), { minRuns: 3, minMs: 500, warmup: 1 }).median;
    }) as [number, number, number];
    if (base === 0) [base, flatBase] = [chain / n, flat / n];
    rows.push({
      units: n,
      "no parents": fmt(flat),
      chain: fmt(chain),
      cycle: fmt(cycle),
      "chain vs no parents": ratio(chain, flat),
      "cycle vs no parents": ratio(cycle, flat),
      "chain per unit vs 10k": ratio(chain / n, base),
      "no parents per unit vs 10k": ratio(flat / n, flatBase),
    });
  }
  table("readRoster with one parent chain / one big cycle (goal: the parent check a small factor of reading the same roster without parents, at every size)", rows);
};

// "Did you mean": resolveUnits on a plan naming n units that the roster of n units does not have
// (a typo of each: 局 → 厅), against the same plan with the names spelt right. Goal: per-name cost
// flat from 1k to 10k (comparing every unknown name with every roster name was O(n²)).
export const benchSuggestions = (): void => {
  const rows: Array<Record<string, string | number>> = [];
  let base = 0;
  for (const n of [1_000, 10_000]) {
    const roster = Roster.parse({
      id: "bench",
      name: "基准县",
      source: { title: "benchmark (synthetic)" },
      units: Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `县单位${i}局`, kind: "government_department" })),
      groups: [],
    });
    const planNaming = (name: (i: number) => string) =>
      Plan.parse({
        id: "bench-2024",
        title: "基准",
        year: 2024,
        sections: [{ no: 1, title: "s", tasks: Array.from({ length: n / 10 }, (_, t) => ({ id: `bench-2024.t${t + 1}`, no: t + 1, title: "t", text: "", requirements: [], clauses: [{ id: `bench-2024.t${t + 1}.c1`, text: "", assignment: { lead: Array.from({ length: 10 }, (_, k) => ({ text: name(t * 10 + k) })), responsible: [], support: [] } }] })) }],
      });
    const known = planNaming((i) => `县单位${i}局`);
    const typos = planNaming((i) => `县单位${i}厅`);
    if (resolveUnits(typos, roster).diagnostics.filter((d) => d.message.includes("是否指")).length !== n) throw new Error("every typo should get a suggestion");
    const a = measure(`known ${n}`, () => resolveUnits(known, roster), { minRuns: 3, minMs: 500 }).median;
    const b = measure(`typos ${n}`, () => resolveUnits(typos, roster), { minRuns: 3, minMs: 500 }).median;
    if (base === 0) base = b / n;
    rows.push({ "names (= roster units)": n, "names known": fmt(a), "names unknown (suggestions)": fmt(b), "unknown vs known": ratio(b, a), "per unknown name vs 1k": ratio(b / n, base) });
  }
  table("Suggestions for unknown unit names (goal: per-name cost flat from 1k to 10k)", rows);
};
