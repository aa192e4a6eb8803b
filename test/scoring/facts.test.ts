// Which ledger entries scoring reads, at the edges of the year and of the as-of date: an entry
// dated on the as-of date or on the year's first day counts, a day outside does not; the latest
// measure wins (by date, then id); a repeated id counts once (the first); last year's measures
// come from the year before only, or from a previous ledger; a problem from last year stays open.
import { describe, expect, it } from "vitest";
import { IsoDate } from "../../src/model/dates.js";
import type { ScoreCard } from "../../src/model/scoring.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { ledgerOf, schemeOf, world } from "../support/small-world.js";

const w = world();
const sfj = (methods: unknown[], entries: unknown[], extra: { previous?: unknown[]; asOf?: string } = {}): ScoreCard =>
  scoreUnits({
    plan: w.plan, roster: w.roster, matrix: w.matrix,
    scheme: schemeOf([{ id: "i", name: "指标", points: 10, methods }], { normalise: false }),
    ledger: ledgerOf(entries), asOf: IsoDate.parse(extra.asOf ?? "2024-12-31"),
    ...(extra.previous === undefined ? {} : { previous: ledgerOf(extra.previous) }),
  }).find((c) => c.unitId === "sfj")!;
const earned = (methods: unknown[], entries: unknown[], extra: { previous?: unknown[]; asOf?: string } = {}) => sfj(methods, entries, extra).lines[0]!.earned;
const incident = (id: string, date: string, extra: Record<string, unknown> = {}) => ({ id, unitId: "sfj", date, kind: "incident", tag: "x", ...extra });
const measure = (id: string, date: string, value: number, metric = "r") => ({ id, unitId: "sfj", date, kind: "measure", metric, value });
const per1 = [{ kind: "incidents", tag: "x", per: 1 }];

describe("the year and the as-of date", () => {
  it("an incident on the year's first day and one on the as-of date count; the days outside do not", () => {
    expect(earned(per1, [incident("a", "2024-01-01"), incident("b", "2024-12-31")])).toBe(800);
    expect(earned(per1, [incident("a", "2023-12-31"), incident("b", "2024-06-01")], { asOf: "2024-05-31" })).toBe(1000);
    expect(earned(per1, [incident("a", "2024-05-31"), incident("b", "2024-06-01")], { asOf: "2024-05-31" })).toBe(900);
  });

  it("a repeated id counts once: the first reported", () => {
    const c = sfj(per1, [incident("a", "2024-03-01", { count: 2 }), incident("a", "2024-04-01", { count: 5 }), incident("b", "2024-04-01")]);
    expect(c.lines[0]!.adjustments.map((a) => [a.hundredths, a.entries])).toEqual([[300, ["a", "b"]]]);
  });
});

describe("measures", () => {
  const rate = [{ kind: "rate", metric: "r", bound: "at_least", target: 95, per: 1 }];

  it("the latest by date counts; on the same date, the larger id", () => {
    expect(earned(rate, [measure("m2", "2024-12-01", 94), measure("m1", "2024-06-01", 90)])).toBe(900);
    expect(earned(rate, [measure("m1", "2024-06-01", 90), measure("m2", "2024-12-01", 94)])).toBe(900);
    expect(earned(rate, [measure("m1", "2024-12-01", 90), measure("m2", "2024-12-01", 93)])).toBe(800);
    expect(earned(rate, [measure("m2", "2024-12-01", 93), measure("m1", "2024-12-01", 90)])).toBe(800);
  });

  it("a benchmark: its latest report by anyone, whatever the ledger's order", () => {
    const bench = [{ kind: "rate", metric: "r", bound: "at_least", target: { benchmark: "avg" }, per: 1 }];
    const avg = (id: string, unitId: string, date: string, value: number) => ({ id, unitId, date, kind: "measure", metric: "avg", value });
    const own = measure("m", "2024-12-01", 88);
    // The latest report (12-01, 90) counts: 2 below. The earlier one (10-01, 95) would give 7.
    expect(earned(bench, [own, avg("b1", "gaj", "2024-10-01", 95), avg("b2", "zfb", "2024-12-01", 90)])).toBe(800);
    expect(earned(bench, [own, avg("b2", "zfb", "2024-12-01", 90), avg("b1", "gaj", "2024-10-01", 95)])).toBe(800);
    // Two reports on one date: the larger id.
    expect(earned(bench, [own, avg("b2", "zfb", "2024-12-01", 90), avg("b1", "gaj", "2024-12-01", 95)])).toBe(800);
  });

  it("last year's value: the latest of the year before from this ledger, nothing older", () => {
    const trend = [{ kind: "trend", metrics: ["r"], when: "rose", per: 2 }];
    const now = measure("n", "2024-12-01", 10);
    expect(earned(trend, [now, measure("l1", "2023-03-01", 12), measure("l2", "2023-11-01", 9)])).toBe(800); // 9 → 10: rose
    expect(earned(trend, [now, measure("l2", "2023-11-01", 9), measure("l1", "2023-03-01", 12)])).toBe(800);
    expect(earned(trend, [now, measure("l1", "2023-11-01", 9), measure("l2", "2023-11-01", 12)])).toBe(1000); // same date: l2
    expect(sfj(trend, [now, measure("old", "2022-12-01", 9)]).lines[0]!.note).toBe("缺少“r”上年的数据，按0分计");
  });

  it("a previous ledger gives last year's values (any date in it, the latest winning) instead of this one's", () => {
    const trend = [{ kind: "trend", metrics: ["r"], when: "rose", per: 2 }];
    const now = measure("n", "2024-12-01", 10);
    const previous = [measure("p2", "2023-12-01", 11), measure("p1", "2023-01-01", 8), measure("p1", "2023-12-20", 1)];
    expect(earned(trend, [now, measure("l", "2023-11-01", 9)], { previous })).toBe(1000); // 11 → 10: fell
    expect(earned(trend, [now], { previous: [measure("p1", "2022-05-01", 9)] })).toBe(800);
    expect(sfj(trend, [now, measure("l", "2023-11-01", 9)], { previous: [] }).lines[0]!.note).toBe("缺少“r”上年的数据，按0分计");
  });
});

describe("awards, problems and completions across the year's start", () => {
  it("an award of last year with the same document is credited already, from this ledger or the previous one", () => {
    const scheme = schemeOf([{ id: "i", name: "指标", points: 10, methods: per1 }], { normalise: false, adjustments: { categories: [{ id: "prov", name: "省级表彰", per: 1 }] } });
    const award = (id: string, date: string, awardId?: string) => ({ id, unitId: "sfj", date, kind: "award", category: "prov", ...(awardId === undefined ? {} : { awardId }) });
    const total = (entries: unknown[], previous?: unknown[]) =>
      scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme, ledger: ledgerOf(entries), asOf: w.asOf, ...(previous === undefined ? {} : { previous: ledgerOf(previous) }) }).find((c) => c.unitId === "sfj")!.total;
    expect(total([award("a0", "2023-05-01", "A"), award("a1", "2024-05-01", "A")])).toBe(1000);
    expect(total([award("a0", "2023-05-01", "B"), award("a1", "2024-05-01", "A")])).toBe(1100);
    expect(total([award("a0", "2023-05-01"), award("a1", "2024-05-01")])).toBe(1100); // no document named: nothing to match
    expect(total([award("a1", "2024-05-01", "A")], [award("a0", "2023-05-01", "A")])).toBe(1000);
    expect(total([award("a1", "2024-05-01", "A")], [{ ...award("a0", "2023-05-01", "A"), unitId: "gaj" }])).toBe(1100); // another unit's
  });

  it("a problem found last year and still open is deducted this year; one rectified last year in time is not", () => {
    const m = [{ kind: "rectification", perOpen: 1, perLate: 0.5 }];
    const problem = (id: string, problemId: string) => ({ id, unitId: "sfj", date: "2023-10-01", kind: "problem", problemId, dueBy: "2023-12-01" });
    const entries = [problem("p1", "A"), problem("p2", "B"), { id: "r2", unitId: "sfj", date: "2023-11-01", kind: "rectified", problemId: "B" }];
    expect(earned(m, entries)).toBe(900);
  });

  it("the first of two reports of one problem or its rectification counts (by date, then id)", () => {
    const m = [{ kind: "rectification", perOpen: 1, perLate: 0.5 }];
    const p = (id: string, date: string, dueBy: string) => ({ id, unitId: "sfj", date, kind: "problem", problemId: "A", dueBy });
    const r = (id: string, date: string) => ({ id, unitId: "sfj", date, kind: "rectified", problemId: "A" });
    // Found on 03-01 due 05-01 (and reported again on 04-01 with a later due date): rectified 05-02 is late.
    expect(earned(m, [p("p2", "2024-04-01", "2024-06-01"), p("p1", "2024-03-01", "2024-05-01"), r("r1", "2024-05-02")])).toBe(950);
    expect(earned(m, [p("p1", "2024-03-01", "2024-06-01"), p("p2", "2024-03-01", "2024-05-01"), r("r1", "2024-05-02")])).toBe(1000);
    // Rectified on 05-01 (in time) and reported again on 05-03.
    expect(earned(m, [p("p1", "2024-03-01", "2024-05-01"), r("r2", "2024-05-03"), r("r1", "2024-05-01")])).toBe(1000);
    expect(earned(m, [p("p1", "2024-03-01", "2024-05-01"), r("r1", "2024-05-03"), r("r2", "2024-05-03")])).toBe(950);
  });

  it("a count of a requirement's completions (no task named) counts each done entry of it", () => {
    const m = [{ kind: "count", atLeast: 3, requirementIds: ["test-2024.t01.r1"], perShort: 1 }];
    const done = (id: string, date: string) => ({ id, unitId: "sfj", taskId: "test-2024.t01", requirementId: "test-2024.t01.r1", date, kind: "done" });
    expect(earned(m, [done("d1", "2024-03-01"), done("d2", "2024-06-01")])).toBe(900);
    expect(earned(m, [{ ...done("d1", "2024-03-01"), requirementId: undefined }, done("d2", "2024-06-01")])).toBe(800);
  });

  it("the earliest of two rectifications counts, whatever the ledger's order", () => {
    const m = [{ kind: "rectification", perOpen: 1, perLate: 0.5 }];
    const p = { id: "p1", unitId: "sfj", date: "2024-03-01", kind: "problem", problemId: "A", dueBy: "2024-05-01" };
    const r = (id: string, date: string) => ({ id, unitId: "sfj", date, kind: "rectified", problemId: "A" });
    expect(earned(m, [p, r("r1", "2024-05-01"), r("r2", "2024-05-03")])).toBe(1000);
    expect(earned(m, [p, r("r2", "2024-05-03"), r("r1", "2024-05-01")])).toBe(1000);
  });

  it("completions of last year do not count towards this year's count", () => {
    const m = [{ kind: "count", atLeast: 2, taskIds: ["test-2024.t01"], perShort: 1 }];
    const done = (id: string, date: string) => ({ id, unitId: "sfj", taskId: "test-2024.t01", requirementId: "test-2024.t01.r1", date, kind: "done" });
    expect(earned(m, [done("d1", "2023-12-31"), done("d2", "2024-01-01")])).toBe(900);
    expect(earned(m, [done("d1", "2024-01-02"), done("d2", "2024-01-01")])).toBe(1000);
  });
});
