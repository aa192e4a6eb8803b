import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { ProgressEntry } from "../../src/model/ledger.js";
import { ScoringScheme, type ScoreCard } from "../../src/model/scoring.js";
import { type ScoreInput, scoreUnits } from "../../src/scoring/score.js";
import { ledgerOf, world } from "../support/small-world.js";

// Properties of scoring, over generated schemes and ledgers in a small fictional county. Each
// property runs against the real scorer (it must hold) and against a deliberately broken one (it
// must fail), so that every property is shown to be able to fail.

const w = world();
const units = w.roster.units.map((u) => u.id as string);
const bound = w.occurrences.filter((o) => o.window !== undefined && o.unitIds.length > 0);
type Scorer = (input: ScoreInput) => ScoreCard[];
const real: Scorer = scoreUnits;

const amount = fc.integer({ min: 1, max: 5 });
const applies = fc.constantFrom({}, { taskIds: ["test-2024.t01"], roles: ["lead"] }, { taskIds: ["test-2024.t01"], responsibleShare: 50 }, { kinds: ["party_department"] }, { units: ["gaj", "xwb"] });
const method = fc.oneof(
  fc.record({ kind: fc.constant("incidents"), tag: fc.constant("x"), per: amount }),
  fc.record({ kind: fc.constant("occurrences"), perMissing: amount, perLate: amount, perShort: amount, latePer: fc.record({ unit: fc.constantFrom("day", "week", "month"), points: amount }) }, { requiredKeys: ["kind", "perMissing"] }),
  fc.record({ kind: fc.constant("rate"), metric: fc.constant("r"), target: fc.constantFrom(90, 95, 100), perPoint: amount }),
  fc.record({ kind: fc.constant("trend"), metrics: fc.constant(["a", "b"]), perMetric: amount }),
  fc.record({ kind: fc.constant("rectification"), perOpen: amount, perLate: amount }),
  fc.record({ kind: fc.constant("tier"), tiers: fc.constant([{ tag: "t1", name: "制度不健全", deduct: 3 }, { tag: "t2", name: "落实不到位", deduct: 2 }]) }),
);
const indicator = fc.record({ points: fc.integer({ min: 1, max: 20 }), appliesTo: applies, method, floor: fc.constantFrom(undefined, { kind: "zero" }, { kind: "multiple", multiple: 2 }) });

const arbScheme = fc
  .record({ indicators: fc.array(indicator, { minLength: 1, maxLength: 6 }), onMissing: fc.constantFrom("zero", "full", "exclude"), weighted: fc.boolean() })
  .map(({ indicators, onMissing, weighted }) => {
    const inds = indicators.map((i, k) => ({ id: `i${k}`, name: `指标${k}`, area: k % 2 === 0 ? "a" : "b", points: i.points, appliesTo: i.appliesTo, method: i.method, ...(i.floor ? { floor: i.floor } : {}) }));
    const sum = (area: string) => inds.filter((i) => i.area === area).reduce((s, i) => s + i.points, 0);
    const areas = [{ id: "a", name: "甲", points: sum("a") }, { id: "b", name: "乙", points: sum("b") }].filter((a) => a.points > 0);
    return ScoringScheme.parse({
      id: "p",
      title: "性质测试方案",
      total: 100,
      onMissing,
      areas,
      indicators: inds,
      ...(weighted && areas.length === 2 ? { components: [{ id: "ca", name: "甲", weight: 40, areas: ["a"] }, { id: "cb", name: "乙", weight: 60, areas: ["b"] }] } : {}),
      bonus: { cap: 5, categories: [{ id: "nat", name: "国家级", per: 3, cap: 5 }, { id: "prov", name: "省级", per: 2, cap: 4 }] },
      vetoes: [{ id: "v", name: "严重违法" }],
      grades: [{ name: "优秀", min: 90, maxShare: 50 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }],
      lowestGrade: "不合格",
    });
  });

const day = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, "0"));
const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, "0"));
const date = fc.tuple(month, day).map(([m, d]) => `2024-${m}-${d}`);
const unit = fc.constantFrom(...units);
const fact = fc.oneof(
  fc.record({ kind: fc.constant("incident"), unitId: unit, date, tag: fc.constantFrom("x", "t1", "t2"), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("measure"), unitId: unit, date: fc.oneof(date, date.map((d) => d.replace("2024", "2023"))), metric: fc.constantFrom("r", "a", "b"), value: fc.integer({ min: 80, max: 100 }) }),
  fc.record({ kind: fc.constant("problem"), unitId: unit, date, problemId: fc.constantFrom("P1", "P2"), dueBy: date }),
  fc.record({ kind: fc.constant("rectified"), unitId: unit, date, problemId: fc.constantFrom("P1", "P2") }),
  fc.record({ kind: fc.constant("award"), unitId: unit, date, category: fc.constantFrom("nat", "prov"), awardId: fc.constantFrom("A", "B", "C") }),
  fc.nat().chain((k) => {
    const o = bound[k % bound.length]!;
    return fc.record({ kind: fc.constantFrom("done", "held", "progress"), unitId: fc.constantFrom(...o.unitIds), taskId: fc.constant(o.taskId), requirementId: fc.constant(o.requirementId), date: fc.oneof(date, fc.constant(o.window!.to)) });
  }),
);
const arbEntries = fc.array(fact, { maxLength: 30 }).map((es) => es.map((e, i) => ({ id: `e${i}`, ...e })) as unknown as ProgressEntry[]);

const input = (scheme: ScoringScheme, entries: readonly ProgressEntry[], extra: Partial<ScoreInput> = {}): ScoreInput => ({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme, ledger: ledgerOf([...entries]), asOf: w.asOf, ...extra });
const totals = (cards: readonly ScoreCard[]) => new Map(cards.map((c) => [c.unitId as string, c.total]));
const gradeIndex = (scheme: ScoringScheme, grade: string) => {
  const i = scheme.grades.findIndex((g) => g.name === grade);
  return i === -1 ? scheme.grades.length : i;
};

// Broken scorers: each breaks one law.
const entriesOf = (i: ScoreInput, u: string) => i.ledger.entries.filter((e) => e.unitId === u);
const mutate = (f: (c: ScoreCard, i: ScoreInput) => Partial<ScoreCard>): Scorer => (i) => scoreUnits(i).map((c) => ({ ...c, ...f(c, i) }));

const laws: Array<{ name: string; law: (scorer: Scorer) => fc.IProperty<never> | fc.IProperty<unknown[]>; broken: Scorer }> = [
  {
    name: "scores stay within [floor, total + bonus cap]",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, (scheme, entries) => {
        const deep = scheme.indicators.some((i) => i.floor?.kind === "multiple");
        for (const c of scorer(input(scheme, entries))) {
          expect(c.total).toBeGreaterThanOrEqual(deep ? -10000 : 0);
          expect(c.total).toBeLessThanOrEqual(10000 + 500);
        }
      }),
    broken: mutate((c) => ({ total: c.total + 100000 })),
  },
  {
    name: "adding a completion never lowers a unit's score",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, fc.nat(), (scheme, entries, k) => {
        const o = bound[k % bound.length]!;
        const u = o.unitIds[k % o.unitIds.length]!;
        const more = [...entries, { id: "extra", kind: "done", unitId: u, taskId: o.taskId, requirementId: o.requirementId, occurrenceId: o.id, date: o.window!.from } as ProgressEntry];
        expect(totals(scorer(input(scheme, more))).get(u)!).toBeGreaterThanOrEqual(totals(scorer(input(scheme, entries))).get(u)!);
      }),
    broken: mutate((c, i) => ({ total: c.total - 100 * entriesOf(i, c.unitId).filter((e) => e.kind === "done").length })),
  },
  {
    name: "adding an incident never raises a unit's score",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, unit, fc.constantFrom("x", "t1", "t2"), (scheme, entries, u, tag) => {
        const more = [...entries, { id: "extra", kind: "incident", unitId: u, date: "2024-06-01", tag } as ProgressEntry];
        expect(totals(scorer(input(scheme, more))).get(u)!).toBeLessThanOrEqual(totals(scorer(input(scheme, entries))).get(u)!);
      }),
    broken: mutate((c, i) => ({ total: c.total + 100 * entriesOf(i, c.unitId).filter((e) => e.kind === "incident").length })),
  },
  {
    name: "the order of ledger entries does not matter",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, fc.nat(), (scheme, entries, seed) => {
        const shuffled = [...entries].map((e, i) => [((i + 1) * (seed + 7919)) % 1009, e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
        expect(scorer(input(scheme, shuffled))).toEqual(scorer(input(scheme, entries)));
      }),
    broken: mutate((c, i) => ({ total: c.total + (i.ledger.entries[0]?.unitId === c.unitId ? 1 : 0) })),
  },
  {
    name: "a unit's points do not depend on other units' entries",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, arbEntries, unit, (scheme, a, b, u) => {
        const mine = a.filter((e) => e.unitId === u);
        const others = b.filter((e) => e.unitId !== u).map((e) => ({ ...e, id: `o${e.id}` }));
        expect(totals(scorer(input(scheme, [...mine, ...others]))).get(u)).toBe(totals(scorer(input(scheme, mine))).get(u));
      }),
    broken: mutate((c, i) => ({ total: c.total + i.ledger.entries.length })),
  },
  {
    name: "a repeated entry id is not counted twice",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, (scheme, entries) => {
        const again = [...entries, ...entries.map((e) => ({ ...e, date: "2024-01-02" }) as ProgressEntry)];
        expect(scorer(input(scheme, again))).toEqual(scorer(input(scheme, entries)));
      }),
    broken: mutate((c, i) => ({ total: c.total - entriesOf(i, c.unitId).length })),
  },
  {
    name: "a veto always gives the lowest grade",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, unit, (scheme, entries, u) => {
        const cards = scorer(input(scheme, [...entries, { id: "veto", kind: "veto", unitId: u, date: "2024-03-01", vetoId: "v" } as ProgressEntry]));
        expect(cards.find((c) => c.unitId === u)!.grade).toBe(scheme.lowestGrade);
      }),
    broken: mutate((c, i) => (c.vetoed ? { grade: (i.scheme.grades[0] as { name: string }).name } : {})),
  },
  {
    name: "the grade never falls as the score rises",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, (scheme, entries) => {
        const cards = scorer(input(scheme, entries)).filter((c) => !c.vetoed);
        for (const a of cards) for (const b of cards) if (a.total > b.total) expect(gradeIndex(scheme, a.grade)).toBeLessThanOrEqual(gradeIndex(scheme, b.grade));
      }),
    // The best-ranked units get the lowest grade, everyone else the top one.
    broken: mutate((c, i) => ({ grade: c.rank === 1 ? i.scheme.lowestGrade : (i.scheme.grades[0] as { name: string }).name })),
  },
  {
    name: "scaling every item's points by k leaves normalised scores unchanged",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, fc.integer({ min: 2, max: 5 }), (scheme, entries, k) => {
        const scale = (x: number) => x * k;
        const scaled = {
          ...scheme,
          areas: scheme.areas.map((a) => ({ ...a, points: scale(a.points) })),
          indicators: scheme.indicators.map((ind) => {
            const m = ind.method as Record<string, unknown>;
            const out: Record<string, unknown> = { ...m };
            for (const key of ["per", "perMissing", "perLate", "perShort", "perPoint", "perMetric", "perOpen"]) if (typeof m[key] === "number") out[key] = scale(m[key] as number);
            if (m.latePer) out.latePer = { ...(m.latePer as object), points: scale((m.latePer as { points: number }).points) };
            if (m.tiers) out.tiers = (m.tiers as Array<{ deduct: number }>).map((t) => ({ ...t, deduct: scale(t.deduct) }));
            return { ...ind, points: scale(ind.points), method: out };
          }),
        } as ScoringScheme;
        expect(totals(scorer(input(scaled, entries)))).toEqual(totals(scorer(input(scheme, entries))));
      }),
    broken: mutate((c) => ({ total: c.total + Math.floor(c.available / 1000) })),
  },
  {
    name: "the lines of a card add up to its total exactly (no NaN, no Infinity)",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, (scheme, entries) => {
        for (const c of scorer(input(scheme, entries))) {
          expect(Number.isSafeInteger(c.total)).toBe(true);
          expect(c.lines.reduce((s, l) => s + l.earned, 0)).toBe(c.total);
        }
      }),
    broken: mutate((c) => ({ total: c.total + 1 })),
  },
  {
    name: "the same input gives the same output",
    law: (scorer) =>
      fc.property(arbScheme, arbEntries, (scheme, entries) => {
        expect(scorer(input(scheme, entries))).toEqual(scorer(input(scheme, entries)));
      }),
    broken: mutate((c) => ({ total: c.total + (Math.random() < 0.5 ? 1 : 0) })),
  },
];

describe("scoreUnits (properties, each shown to fail on a broken scorer)", () => {
  for (const { name, law, broken } of laws) {
    it(name, () => {
      fc.assert(law(real) as fc.IProperty<unknown[]>, { numRuns: Number(process.env.FAZHI_PROP_RUNS ?? 80) });
      const r = fc.check(law(broken) as fc.IProperty<unknown[]>, { numRuns: 200 });
      expect(r.failed).toBe(true);
    });
  }
});
