import rrulePkg from "rrule";
import { type Period, Plan, type RecurringRule, Roster, buildMatrix, expandSchedule, rulePeriods } from "../src/index.js";
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
  // Frozen, as rules are inside a plan the parser or readPlan returns (their check is then remembered).
  const rules: RecurringRule[] = Array.from({ length: 1000 }, (_, i) => Object.freeze({ kind: "recurring", period: periods[i % 4] as Period, times: 1 }));
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
};

// expandSchedule on synthetic plans of 1,000 and 10,000 requirements, with and without a matrix
// (binding each occurrence to its clause's units). Goal: linear — the cost per requirement with a
// matrix flat from 1k to 10k, and within a small factor of expanding without one (10k requirements
// with a matrix took 13.2 s when every requirement scanned every cell).
export const benchExpand = (): void => {
  const rows: Array<Record<string, string | number>> = [];
  let base = 0;
  for (const n of [1_000, 10_000]) {
    const { plan, roster } = expansionWorld(n);
    const matrix = buildMatrix(plan, roster);
    const bare = measure(`bare ${n}`, () => expandSchedule(plan), { minRuns: 5, minMs: 500 });
    // A fresh (unfrozen) copy each run, so that every run builds the clause index again.
    const bound = measure(`matrix ${n}`, () => expandSchedule(plan, { matrix: { ...matrix } }), { minRuns: 5, minMs: 500 });
    if (base === 0) base = bound.median / n;
    rows.push({
      requirements: n,
      cells: matrix.cells.length,
      occurrences: expandSchedule(plan).length,
      "without matrix": fmt(bare.median),
      "with matrix (index built each run)": fmt(bound.median),
      "with vs without": ratio(bound.median, bare.median),
      "per requirement (with) vs 1k": ratio(bound.median / n, base),
    });
  }
  table("expandSchedule (goal: per-requirement cost with a matrix flat from 1k to 10k)", rows);
};

/** A plan of `n` requirements (two per task, mixed rules), each clause naming 7 of 3,000 units. */
const expansionWorld = (n: number): { plan: Plan; roster: Roster } => {
  const units = 3000;
  const roster = Roster.parse({
    id: "bench",
    name: "基准县",
    source: { title: "benchmark (synthetic)" },
    units: Array.from({ length: units }, (_, i) => ({ id: `u${i}`, name: `县单位${i}局`, kind: "government_department" })),
    groups: [],
  });
  const rules = [
    { kind: "recurring", period: "quarter", times: 1 },
    { kind: "deadline", due: "2024-06-30" },
    { kind: "quota", period: "year", atLeast: 2 },
    { kind: "window", from: "2024-09-01", to: "2024-09-30" },
    { kind: "ongoing" },
    { kind: "on_event" },
  ];
  const plan = Plan.parse({
    id: "bench-2024",
    title: "基准",
    year: 2024,
    sections: [
      {
        no: 1,
        title: "s",
        tasks: Array.from({ length: n / 2 }, (_, t) => {
          const id = `bench-2024.t${t + 1}`;
          return {
            id,
            no: t + 1,
            title: "t",
            text: "",
            clauses: [
              {
                id: `${id}.c1`,
                text: "",
                assignment: { lead: [0, 1].map((k) => ({ text: `县单位${(t * 3 + k) % units}局` })), responsible: [2, 3, 4, 5, 6].map((k) => ({ text: `县单位${(t * 11 + k) % units}局` })), support: [] },
              },
            ],
            requirements: [0, 1].map((r) => ({ id: `${id}.r${r + 1}`, clauseId: `${id}.c1`, phrase: "p", action: "开展", rule: rules[(t * 2 + r) % rules.length] })),
          };
        }),
      },
    ],
  });
  return { plan, roster };
};
