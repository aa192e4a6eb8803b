// Generated schemes and ledgers for the scoring properties, over the small fictional county of
// test/support/small-world.ts. Points have two decimals (0.57, 0.29, 2.25 …) so that a wrong
// hundredth shows; every mechanic of the scoring model appears.
import fc from "fast-check";
import type { ProgressEntry } from "../../src/model/ledger.js";
import { type Floor, type Rounding, ScoringScheme } from "../../src/model/scoring.js";
import type { ScoreInput } from "../../src/scoring/score.js";
import { ledgerOf, world } from "../support/small-world.js";

export const w = world();
export const units = w.roster.units.map((u) => u.id as string);
export const ROUNDINGS: readonly Rounding[] = ["half_up", "half_even", "half_down", "down", "up"];

/** Points with two decimals, including the ones float arithmetic gets wrong (0.29 × 100 = 28.999…). */
export const amount = fc.oneof(fc.constantFrom(0.57, 0.29, 2.25, 0.5, 1, 3, 1.15, 0.01), fc.integer({ min: 1, max: 400 }).map((n) => n / 100));
const itemPoints = fc.oneof(fc.constantFrom(4.57, 2.29, 10, 5, 8.25), fc.integer({ min: 100, max: 1500 }).map((n) => n / 100));
const rounding = fc.constantFrom(...ROUNDINGS);
const floor: fc.Arbitrary<Floor | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: "zero" as const }),
  fc.constantFrom(1.5, 2).map((multiple) => ({ kind: "multiple" as const, multiple })),
  amount.map((points) => ({ kind: "deduction" as const, points })),
  fc.constant({ kind: "none" as const }),
);

export const TAGS = ["x", "t1", "t2", "pen"] as const;
const tag = fc.constantFrom("x", "t1", "t2");
const method = fc.oneof(
  fc.record({ kind: fc.constant("incidents"), tag, per: amount }),
  fc.record({ kind: fc.constant("condition"), tag, points: amount }),
  fc.record({ kind: fc.constant("tier"), tiers: fc.constant([{ tag: "t1", name: "制度不健全", deduct: 3 }, { tag: "t2", name: "落实不到位", deduct: 2.29 }]) }),
  fc.record({ kind: fc.constant("occurrences"), perMissing: amount, perLate: amount, perShort: amount, latePer: fc.record({ unit: fc.constantFrom("day", "week", "month"), points: amount }) }, { requiredKeys: ["kind", "perMissing"] }),
  fc.record({ kind: fc.constant("count"), atLeast: fc.integer({ min: 1, max: 4 }), metric: fc.constant("n"), perShort: amount, below: amount }, { requiredKeys: ["kind", "atLeast", "metric", "perShort"] }),
  fc.record({ kind: fc.constant("count"), atLeast: fc.integer({ min: 1, max: 4 }), taskIds: fc.constant(["test-2024.t02"]), below: amount }),
  fc.record(
    {
      kind: fc.constant("rate"),
      metric: fc.constant("r"),
      bound: fc.constantFrom("at_least", "at_most"),
      target: fc.oneof(fc.constantFrom(90, 95, 99.5, 80.01), fc.constant({ benchmark: "avg" })),
      per: amount,
      step: fc.constantFrom(1, 10, 0.5),
      steps: fc.constantFrom("exact", "whole", "started", "once"),
      rounding,
    },
    { requiredKeys: ["kind", "metric", "bound", "target", "per"] },
  ),
  fc.record({ kind: fc.constant("rate"), ratio: fc.constant({ numerator: "n", denominator: "d" }), bound: fc.constant("at_least"), target: fc.constantFrom(95, 100), per: amount }),
  fc.record({ kind: fc.constant("trend"), metrics: fc.constant(["a", "b"]), when: fc.constantFrom("rose", "not_fell", "fell", "not_rose"), per: amount }),
  fc.record({ kind: fc.constant("rectification"), perOpen: amount, perLate: amount }),
);
const applies = fc.constantFrom({}, { taskIds: ["test-2024.t01"], roles: ["lead"] }, { taskIds: ["test-2024.t01"], responsibleShare: 50 }, { kinds: ["party_department"] }, { units: ["gaj", "xwb"] }, { taskIds: ["test-2024.t03"] });
const indicator = fc.record({ points: itemPoints, appliesTo: applies, methods: fc.array(method, { minLength: 1, maxLength: 3 }), floor, area: fc.constantFrom("b", "c", "a") });

/** Without rounding, a floor of 1.5 times the points is not a whole number of hundredths: use 2. */
const exactFloor = (f: Floor, options: SchemeOptions): Floor => (options.exact && f.kind === "multiple" ? { kind: "multiple", multiple: 2 } : f);

export interface SchemeOptions {
  /** No rounding anywhere (no shares, no exact rates, no tiers of one award): scaling laws hold exactly. */
  readonly exact?: boolean;
}

/** A scheme using every mechanic: areas a ⊃ c and b, floors and caps at every level, clauses of every kind, adjustments inside and outside, vetoes, quotas. */
export const arbScheme = (options: SchemeOptions = {}): fc.Arbitrary<ScoringScheme> =>
  fc
    .record({
      indicators: fc.array(indicator, { minLength: 1, maxLength: 5 }),
      onMissing: fc.constantFrom("zero", "full", "exclude"),
      weighted: fc.boolean(),
      normalise: fc.boolean(),
      rounding,
      floors: fc.record({ a: floor, b: floor, c: floor, whole: floor }),
      caps: fc.record({ a: fc.option(amount.map((x) => x * 10), { nil: undefined }), whole: fc.option(fc.constantFrom(50, 80.5), { nil: undefined }) }),
      sameProblem: fc.constantFrom("each", "first", "larger"),
      jointLeads: fc.constantFrom("shared", "each"),
      quotaTies: fc.constantFrom("all_down", "all_in"),
      quotaRounding: rounding,
      maxShare: fc.constantFrom(25, 50, 75),
      adjust: fc.record({ cap: fc.option(amount.map((x) => x * 3), { nil: undefined }), groupCap: amount.map((x) => x * 2), othersShare: fc.constantFrom(0, 50, 100), evidence: fc.boolean(), penaltyInside: fc.boolean() }),
    })
    .map((g) => {
      const inds = g.indicators.map((i, k) => ({
        id: `i${k}`,
        name: `指标${k}`,
        area: i.area,
        points: i.points,
        appliesTo: options.exact && "responsibleShare" in i.appliesTo ? { taskIds: ["test-2024.t01"] } : i.appliesTo,
        methods: options.exact ? i.methods.map((m) => (m.kind === "rate" ? { ...m, steps: "whole" } : m)) : i.methods,
        ...(i.floor ? { floor: exactFloor(i.floor, options) } : {}),
      }));
      const sum = (area: string) => Math.round(inds.filter((i) => i.area === area).reduce((s, i) => s + i.points * 100, 0)) / 100;
      const c = sum("c");
      const a = Math.round((sum("a") * 100 + c * 100)) / 100;
      const b = sum("b");
      const withFloor = (f: Floor | undefined) => (f === undefined ? {} : { floor: exactFloor(f, options) });
      const areas = [
        { id: "a", name: "甲", points: a, ...withFloor(g.floors.a), ...(g.caps.a !== undefined && !options.exact ? { cap: g.caps.a } : {}), office: "县司法局" },
        { id: "c", name: "丙", points: c, parent: "a", ...withFloor(g.floors.c) },
        { id: "b", name: "乙", points: b, ...withFloor(g.floors.b), office: "县委办" },
      ];
      return ScoringScheme.parse({
        id: "p",
        title: "性质测试方案",
        total: Math.round(a * 100 + b * 100) / 100,
        rounding: g.rounding,
        onMissing: g.onMissing,
        normalise: g.normalise,
        ...withFloor(g.floors.whole),
        ...(g.caps.whole !== undefined && !options.exact ? { cap: g.caps.whole } : {}),
        areas,
        indicators: inds,
        ...(g.weighted && a > 0 && b > 0 ? { components: [{ id: "ca", name: "甲", weight: 40, areas: ["a"] }, { id: "cb", name: "乙", weight: 60, areas: ["b"] }] } : {}),
        adjustments: {
          ...(g.adjust.cap !== undefined ? { cap: g.adjust.cap } : {}),
          penaltyCap: 4,
          groups: [{ id: "honours", name: "表彰类", cap: g.adjust.groupCap, ...(options.exact ? {} : { othersShare: g.adjust.othersShare }) }],
          categories: [
            { id: "nat", name: "国家级表彰", per: 3, cap: 5, group: "honours", requiresEvidence: g.adjust.evidence },
            { id: "prov", name: "省级表彰", per: 2.25, cap: 4, group: "honours" },
            { id: "rank", name: "排名靠前", per: 0.57 },
            { id: "pen", name: "被通报批评", sign: "penalty", per: 0.29, ...(g.adjust.penaltyInside || options.exact ? { stage: "inside", area: "c" } : {}) },
          ],
        },
        vetoes: [{ id: "v", name: "严重违法" }, { id: "v2", name: "较大过错", below: "优秀" }],
        grades: [{ name: "优秀", min: 90, maxShare: g.maxShare }, { name: "良好", min: 80 }, { name: "合格", min: 60 }],
        lowestGrade: "不合格",
        quotaTies: g.quotaTies,
        quotaRounding: g.quotaRounding,
        jointLeads: g.jointLeads,
        sameProblem: g.sameProblem,
      });
    });

const day = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, "0"));
const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, "0"));
export const date = fc.tuple(month, day).map(([m, d]) => `2024-${m}-${d}`);
export const unit = fc.constantFrom(...units);
/** Two-decimal values, with ties at .5 of a hundredth reachable through steps and shares. */
const value = fc.oneof(fc.constantFrom(80.01, 94.5, 95, 99.49, 100, 89.995), fc.integer({ min: 7000, max: 10000 }).map((n) => n / 100));
const bound = w.occurrences.filter((o) => o.window !== undefined && o.unitIds.length > 0);

export const fact = fc.oneof(
  fc.record({ kind: fc.constant("incident"), unitId: unit, date, tag: fc.constantFrom(...TAGS), count: fc.integer({ min: 1, max: 3 }), problemId: fc.constantFrom("P1", "P2", "P3") }, { requiredKeys: ["kind", "unitId", "date", "tag"] }),
  fc.record({ kind: fc.constant("measure"), unitId: unit, date: fc.oneof(date, date.map((d) => d.replace("2024", "2023"))), metric: fc.constantFrom("r", "a", "b", "n", "d", "avg"), value }),
  fc.record({ kind: fc.constant("problem"), unitId: unit, date, problemId: fc.constantFrom("P1", "P2"), dueBy: date }),
  fc.record({ kind: fc.constant("rectified"), unitId: unit, date, problemId: fc.constantFrom("P1", "P2") }),
  fc.record(
    { kind: fc.constant("award"), unitId: unit, date: fc.oneof(date, fc.constant("2023-06-01")), category: fc.constantFrom("nat", "prov", "rank"), awardId: fc.constantFrom("A", "B", "C"), evidence: fc.constant([{ title: "表彰文件" }]) },
    { requiredKeys: ["kind", "unitId", "date", "category"] },
  ),
  fc.record({ kind: fc.constant("veto"), unitId: unit, date, vetoId: fc.constantFrom("v", "v2") }),
  fc.nat().chain((k) => {
    const o = bound[k % bound.length]!;
    return fc.record({ kind: fc.constantFrom("done", "held", "progress"), unitId: fc.constantFrom(...o.unitIds), taskId: fc.constant(o.taskId), requirementId: fc.constant(o.requirementId), date: fc.oneof(date, fc.constant(o.window!.to), fc.constant("2025-01-05")) });
  }),
);
export const arbEntries = fc.array(fact, { maxLength: 30 }).map((es) => es.map((e, i) => ({ id: `e${i}`, ...e })) as unknown as ProgressEntry[]);

export const input = (scheme: ScoringScheme, entries: readonly ProgressEntry[], extra: Partial<ScoreInput> = {}): ScoreInput => ({
  plan: w.plan,
  roster: w.roster,
  matrix: w.matrix,
  scheme,
  ledger: ledgerOf([...entries]),
  asOf: w.asOf,
  occurrences: w.occurrences,
  ...extra,
});

/** The lowest an indicator or area may go, computed here independently of the library. */
export const floorValue = (f: Floor | undefined, fallback: "zero" | "none", available: number, mode: Rounding): number => {
  const k: Floor = f ?? { kind: fallback };
  if (k.kind === "zero") return 0;
  if (k.kind === "none") return Number.NEGATIVE_INFINITY;
  if (k.kind === "deduction") return available - Math.round(k.points * 100);
  return available - roundDiv(available * Math.round(k.multiple * 100), 100, mode);
};

/** a / b (b > 0) rounded by mode, with plain integer arithmetic (an oracle for the library's BigInt one). */
export const roundDiv = (a: number, b: number, mode: Rounding): number => {
  const q = Math.trunc(a / b) + 0; // never -0
  const r = a - q * b; // same sign as a
  const twice = Math.abs(2 * r);
  const away = a < 0 ? q - 1 : q + 1;
  if (r === 0) return q;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return away;
    case "half_up":
      return twice >= b ? away : q;
    case "half_down":
      return twice > b ? away : q;
    case "half_even":
      return twice > b || (twice === b && Math.abs(q) % 2 === 1) ? away : q;
  }
};
