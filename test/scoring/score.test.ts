import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IsoDate } from "../../src/model/dates.js";
import { ScoreCard, type ScoreLine, ScoringScheme } from "../../src/model/scoring.js";
import { readLedger } from "../../src/ledger/ledger.js";
import { explainScoreCard } from "../../src/scoring/explain.js";
import { formatPoints } from "../../src/scoring/points.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readScheme, validateScheme } from "../../src/scoring/validate-scheme.js";
import { planDate } from "../../src/units/resolve.js";
import { seedContext } from "../support/context.js";
import { ledgerOf, schemeOf, world } from "../support/small-world.js";

const w = world();
const score = (scheme: ScoringScheme, entries: unknown[], extra: Record<string, unknown> = {}) =>
  scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme, ledger: ledgerOf(entries), asOf: w.asOf, ...extra });
const card = (cards: readonly ScoreCard[], unit: string) => cards.find((c) => c.unitId === unit)!;
/** Two areas of 50 weighted 30 % and 70 %: an incident clause for everyone, an occurrence clause for t01's lead. */
const weighted = () =>
  ScoringScheme.parse({
    id: "w", title: "t", total: 100,
    areas: [{ id: "a", name: "甲", points: 50 }, { id: "b", name: "乙", points: 50 }],
    indicators: [
      { id: "i", name: "执法过错", area: "a", points: 50, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 10 }] },
      { id: "s", name: "执法监督", area: "b", points: 50, appliesTo: { taskIds: ["test-2024.t01"], roles: ["lead"] }, methods: [{ kind: "occurrences", perMissing: 5 }] },
    ],
    components: [{ id: "ca", name: "甲", weight: 30, areas: ["a"] }, { id: "cb", name: "乙", weight: 70, areas: ["b"] }],
    grades: [{ name: "优秀", min: 90 }], lowestGrade: "其他",
  });
const Q = (n: number) => `test-2024.t01.r1.2024-Q${n}`;
const done = (id: string, unit: string, task: string, req: string, date: string, extra: Record<string, unknown> = {}) => ({ id, unitId: unit, taskId: `test-2024.${task}`, requirementId: `test-2024.${req}`, date, kind: "done", ...extra });

describe("deductions", () => {
  it("per missed occurrence (少1项扣2分), per late occurrence by weeks, floor at zero", () => {
    const s = schemeOf([{ id: "sup", name: "执法监督", points: 10, appliesTo: { taskIds: ["test-2024.t01"], roles: ["lead"] }, methods: [{ kind: "occurrences", perMissing: 3, perLate: 1, latePer: { unit: "week", points: 1 } }] }]);
    const cards = score(s, [done("a", "sfj", "t01", "t01.r1", "2024-03-10"), done("b", "sfj", "t01", "t01.r1", "2024-07-12", { occurrenceId: Q(2) })]);
    const sfj = card(cards, "sfj");
    const line = sfj.lines[0]!;
    expect(line.adjustments.map((a) => [a.reason, a.hundredths, a.occurrenceId])).toEqual([
      // done 12 days late: 1 + ceil(12/7) = 2 weeks × 1
      ["任务1“开展一次执法监督”2024年第2季度的节点逾期12天完成，逾期完成扣1分，逾期2周，每周扣1分", 300, Q(2)],
      ["任务1“开展一次执法监督”2024年第3季度的节点逾期未完成（截止2024年9月30日）", 300, Q(3)],
      ["任务1“开展一次执法监督”2024年第4季度的节点逾期未完成（截止2024年12月31日）", 300, Q(4)],
    ]);
    expect(line.earned).toBe(100);
    expect(line.adjustments[1]!.requirement!.phrase).toBe("每季度开展一次执法监督");
    expect(line.adjustments[1]!.requirement!.source!.line).toBe(3);
    // Nothing done at all: 4 × 3 = 12 > 10 points, floored at 0 (扣完为止).
    const none = card(score(s, []), "sfj").lines[0]!;
    expect([none.earned, none.note]).toEqual([0, "扣完为止"]);
    // The responsible unit (县公安局) is not assessed: roles = lead only.
    expect(card(score(s, []), "gaj").lines).toEqual([]);
  });

  it("a deeper floor (扣完标准分的2倍为止) and all-or-nothing (否则得0分)", () => {
    const deep = schemeOf([{ id: "sup", name: "执法监督", points: 4, floor: { kind: "multiple", multiple: 2 }, appliesTo: { taskIds: ["test-2024.t01"], roles: ["lead"] }, methods: [{ kind: "occurrences", perMissing: 3 }] }], { normalise: false });
    expect(card(score(deep, []), "sfj").lines[0]!.earned).toBe(-400);
    const aon = schemeOf([{ id: "sup", name: "执法监督", points: 6, appliesTo: { taskIds: ["test-2024.t01"], roles: ["lead"] }, methods: [{ kind: "occurrences", perMissing: 1, allOrNothing: true }] }]);
    const l = card(score(aon, [done("a", "sfj", "t01", "t01.r1", "2024-03-10")]), "sfj").lines[0]!;
    expect([l.earned, l.adjustments.map((a) => a.reason)]).toEqual([0, ["3项未按时完成，本项不得分"]]);
  });

  it("per count short of a quota (每少一次扣2分)", () => {
    const s = schemeOf([{ id: "lec", name: "讲座", points: 10, appliesTo: { taskIds: ["test-2024.t02"] }, methods: [{ kind: "occurrences", perMissing: 10, perShort: 2 }] }]);
    const one = { id: "h1", unitId: "zfb", taskId: "test-2024.t02", requirementId: "test-2024.t02.r1", date: "2024-05-01", kind: "held" };
    const l = card(score(s, [one], { asOf: IsoDate.parse("2025-01-10") }), "zfb").lines[0]!;
    expect([l.earned, l.adjustments[0]!.reason]).toEqual([800, "任务2“举办两期以上专题讲座”2024年的节点应完成2次，完成1次，少1次，每少一次扣2分"]);
  });

  it("incidents (发现1宗扣2分), rates (每低一个百分点扣1分) and tiers (制度不健全扣3分；落实不到位扣2分)", () => {
    const s = schemeOf([
      { id: "inc", name: "执法过错", points: 10, methods: [{ kind: "incidents", tag: "执法过错", per: 2 }] },
      { id: "rate", name: "合格率", points: 10, methods: [{ kind: "rate", metric: "合格率", bound: "at_least", target: 95, per: 1 }] },
      { id: "tier", name: "机构建设", points: 5, methods: [{ kind: "tier", tiers: [{ tag: "制度不健全", name: "制度不健全", deduct: 3 }, { tag: "落实不到位", name: "落实不到位", deduct: 2 }] }] },
    ], { normalise: false });
    const cards = score(s, [
      { id: "i1", unitId: "gaj", date: "2024-04-01", kind: "incident", tag: "执法过错", count: 2 },
      { id: "m1", unitId: "gaj", date: "2024-11-01", kind: "measure", metric: "合格率", value: 92.5 },
      { id: "t1", unitId: "gaj", date: "2024-10-01", kind: "incident", tag: "落实不到位" },
      { id: "t2", unitId: "gaj", date: "2024-10-02", kind: "incident", tag: "制度不健全" },
    ]);
    expect(card(cards, "gaj").lines.map((l) => [l.id, l.earned, l.state])).toEqual([
      ["inc", 600, "scored"],
      ["rate", 750, "scored"],
      ["tier", 200, "scored"],
    ]);
    // Missing data is explicit, never a silent 0.
    expect(card(cards, "sfj").lines[1]).toMatchObject({ id: "rate", earned: 0, state: "missing_data", note: "缺少“合格率”的数据，按0分计", noteEn: "data missing: scored 0" });
  });

  it("trend (双下降): this year against last year, from the previous ledger or the same ledger", () => {
    const s = schemeOf([{ id: "trend", name: "双下降", points: 10, methods: [{ kind: "trend", metrics: ["发案量", "败诉率"], when: "not_fell", per: 5 }] }], { normalise: false });
    const m = (id: string, date: string, metric: string, value: number) => ({ id, unitId: "sfj", date, kind: "measure", metric, value });
    const same = score(s, [m("a", "2023-12-31", "发案量", 10), m("b", "2023-12-31", "败诉率", 20), m("c", "2024-12-01", "发案量", 8), m("d", "2024-12-01", "败诉率", 25)]);
    expect(card(same, "sfj").lines[0]!).toMatchObject({ earned: 500 });
    expect(card(same, "sfj").lines[0]!.adjustments[0]!.reason).toBe("“败诉率”本年为25，上年为20，上升（未下降的扣5分）");
    const prev = ledgerOf([m("p1", "2023-06-30", "发案量", 10), m("p2", "2023-06-30", "败诉率", 30)]);
    expect(card(score(s, [m("c", "2024-12-01", "发案量", 8), m("d", "2024-12-01", "败诉率", 25)], { previous: prev }), "sfj").lines[0]!.earned).toBe(1000);
    expect(card(score(s, [m("c", "2024-12-01", "发案量", 8)]), "sfj").lines[0]!.state).toBe("missing_data");
  });

  it("rectification of inspection problems: open past the deadline, late, on time", () => {
    const s = schemeOf([{ id: "rect", name: "整改", points: 10, methods: [{ kind: "rectification", perOpen: 4, perLate: 2 }] }], { normalise: false });
    const cards = score(s, [
      { id: "p1", unitId: "sfj", date: "2024-03-01", kind: "problem", problemId: "A", dueBy: "2024-05-01" },
      { id: "p2", unitId: "sfj", date: "2024-03-01", kind: "problem", problemId: "B", dueBy: "2024-05-01" },
      { id: "r2", unitId: "sfj", date: "2024-06-01", kind: "rectified", problemId: "B" },
      { id: "p3", unitId: "sfj", date: "2024-03-01", kind: "problem", problemId: "C", dueBy: "2024-05-01" },
      { id: "r3", unitId: "sfj", date: "2024-04-01", kind: "rectified", problemId: "C" },
      { id: "p4", unitId: "sfj", date: "2024-12-01", kind: "problem", problemId: "D", dueBy: "2025-02-01" },
    ]);
    expect(card(cards, "sfj").lines[0]!.adjustments.map((a) => a.hundredths)).toEqual([400, 200]);
  });
});

describe("attribution, normalisation, components", () => {
  it("responsible units bear a configurable share", () => {
    const s = schemeOf([{ id: "sup", name: "执法监督", points: 12, appliesTo: { taskIds: ["test-2024.t01"], responsibleShare: 50 }, methods: [{ kind: "occurrences", perMissing: 2 }] }], { normalise: false });
    const cards = score(s, []);
    expect(card(cards, "sfj").lines[0]!.earned).toBe(400); // lead: 4 × 2
    expect(card(cards, "gaj").lines[0]!).toMatchObject({ earned: 800, note: "责任单位按50%承担扣分" });
  });

  it("a unit that leads one of the indicator's tasks bears the whole deduction, even where it is responsible for another", () => {
    // 县司法局 leads t01; make it responsible for t02 too, in a cell after its lead cell.
    const lead = w.matrix.cells.find((c) => c.unitId === "sfj" && c.role === "lead")!;
    const matrix = { ...w.matrix, cells: [...w.matrix.cells, { ...lead, taskId: "test-2024.t02", role: "responsible" }] };
    const s = schemeOf([{ id: "sup", name: "执法监督", points: 12, appliesTo: { taskIds: ["test-2024.t01", "test-2024.t02"], responsibleShare: 50 }, methods: [{ kind: "incidents", tag: "执法过错", per: 2 }] }], { normalise: false });
    const cards = score(s, [{ id: "e1", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "执法过错" }, { id: "e2", unitId: "gaj", date: "2024-06-01", kind: "incident", tag: "执法过错" }], { matrix });
    expect([card(cards, "sfj").lines[0]!.earned, card(cards, "sfj").lines[0]!.note]).toEqual([1000, undefined]);
    expect(card(cards, "gaj").lines[0]!).toMatchObject({ earned: 1100, note: "责任单位按50%承担扣分" });
  });

  it("named units and unit kinds", () => {
    const s = schemeOf([
      { id: "x", name: "党委部门", points: 5, appliesTo: { kinds: ["party_department"] }, methods: [{ kind: "incidents", tag: "t", per: 1 }] },
      { id: "y", name: "点名", points: 5, appliesTo: { units: ["gaj"] }, methods: [{ kind: "incidents", tag: "t", per: 1 }] },
    ]);
    const cards = score(s, []);
    const indicators = (u: string) => card(cards, u).lines.filter((l) => l.kind === "indicator").map((l) => l.id);
    expect(indicators("xwb")).toEqual(["x"]);
    expect(indicators("gaj")).toEqual(["y"]);
    expect(card(cards, "gaj").total).toBe(1000); // 5/5, scaled to this scheme's total of 10 (折算)
    expect(card(cards, "sfj").lines).toEqual([]);
  });

  it("units assessed on different indicators are compared on a 100-point scale (折算成百分制), exactly", () => {
    const s = schemeOf([
      { id: "inc", name: "执法过错", points: 30, methods: [{ kind: "incidents", tag: "x", per: 1 }] },
      { id: "sup", name: "执法监督", points: 70, appliesTo: { taskIds: ["test-2024.t01"], roles: ["lead"] }, methods: [{ kind: "occurrences", perMissing: 7 }] },
    ]);
    const cards = score(s, [{ id: "i", unitId: "zfb", date: "2024-02-01", kind: "incident", tag: "x", count: 1 }]);
    const zfb = card(cards, "zfb");
    expect([zfb.total, zfb.available]).toEqual([9667, 3000]); // 29/30 × 100 = 96.666… → 96.67
    expect(zfb.lines.map((l) => [l.kind, l.earned])).toEqual([
      ["indicator", 2900],
      ["normalisation", 6767],
    ]);
    for (const c of cards) expect(c.lines.reduce((a, l) => a + l.earned, 0)).toBe(c.total);
  });

  it("weighted components (30% / 70%), leaving out a component with nothing available", () => {
    const s = weighted();
    const cards = score(s, [{ id: "i", unitId: "sfj", date: "2024-02-01", kind: "incident", tag: "x" }]);
    expect(card(cards, "sfj").total).toBe(6600); // 30% × 40/50 + 70% × 30/50 = 66
    expect(card(cards, "gaj").total).toBe(10000); // only component a applies: weight renormalised
  });
});

describe("bonuses, vetoes, grades and ranks", () => {
  const s = schemeOf([{ id: "inc", name: "执法过错", points: 100, methods: [{ kind: "incidents", tag: "x", per: 5 }] }], {
    adjustments: { cap: 5, categories: [{ id: "prov", name: "省级表彰", per: 2, cap: 4 }, { id: "nat", name: "国家级表彰", per: 3, cap: 3 }] },
    vetoes: [{ id: "v", name: "严重违法" }],
    grades: [{ name: "优秀", min: 90, maxShare: 25 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }],
  });

  it("caps bonuses per category and overall, and does not count one award twice", () => {
    const cards = score(s, [
      { id: "a1", unitId: "sfj", date: "2024-05-01", kind: "award", category: "prov", awardId: "A" },
      { id: "a2", unitId: "sfj", date: "2024-05-02", kind: "award", category: "prov", awardId: "A" },
      { id: "a3", unitId: "sfj", date: "2024-06-01", kind: "award", category: "prov", awardId: "B" },
      { id: "a4", unitId: "sfj", date: "2024-07-01", kind: "award", category: "prov", awardId: "C" },
      { id: "a5", unitId: "sfj", date: "2024-08-01", kind: "award", category: "nat" },
    ]);
    const bonus = card(cards, "sfj").lines.filter((l) => l.kind === "bonus");
    expect(bonus.map((l) => [l.id, l.earned])).toEqual([["prov", 400], ["nat", 100]]); // 3 distinct × 2 → cap 4; nat 3 → overall cap 5 leaves 1
    expect(card(cards, "sfj").total).toBe(10500);
  });

  it("a veto forces the lowest grade whatever the points; equal scores share a rank; the top grade has a quota", () => {
    const cards = score(s, [
      { id: "v1", unitId: "zfb", date: "2024-05-01", kind: "veto", vetoId: "v" },
      { id: "i1", unitId: "gaj", date: "2024-05-01", kind: "incident", tag: "x", count: 3 },
    ]);
    expect(card(cards, "zfb")).toMatchObject({ total: 10000, grade: "不合格", vetoed: true });
    // sfj, xwb and zfb tie at 100 (rank 1); gaj has 85 (rank 4). The 优秀 quota is 25% of 4 = 1 unit,
    // and a tie group that would overflow it moves down whole: sfj and xwb get 良好. zfb is vetoed.
    expect(cards.map((c) => [c.unitId, c.total, c.rank, c.grade])).toEqual([
      ["sfj", 10000, 1, "良好"],
      ["zfb", 10000, 1, "不合格"],
      ["xwb", 10000, 1, "良好"],
      ["gaj", 8500, 4, "良好"],
    ]);
  });
});

describe("the seed's example scheme and sample ledger", () => {
  const ctx = seedContext("2025-01-15");
  const schemeJson = JSON.parse(readFileSync(new URL("../../seeds/wuzhi-2024.scheme.json", import.meta.url), "utf8"));
  const ledgerJson = JSON.parse(readFileSync(new URL("../../seeds/wuzhi-2024.ledger.sample.json", import.meta.url), "utf8"));
  // Read inside each test, not when the file loads: StrykerJS (npm run mutate) then knows which
  // test covers readScheme's lines instead of running every test for each of their mutants.
  const read = () => ({ scheme: readScheme(schemeJson, ctx.plan), ledger: readLedger(ledgerJson, ctx) });

  it("the scheme is valid and the sample ledger is labelled synthetic and passes every check", () => {
    const { scheme, ledger } = read();
    expect(scheme.issues).toEqual([]);
    expect(ledger.issues).toEqual([]);
    expect(ledger.ok && ledger.value.description).toContain("虚构示例数据");
  });

  it("scores every unit with lines that add up, in rank order", () => {
    const { scheme, ledger } = read();
    if (!scheme.ok || !ledger.ok) throw new Error("setup");
    const cards = scoreUnits({ ...ctx, scheme: scheme.value, ledger: ledger.value });
    expect(cards).toHaveLength(ctx.matrix.units.length);
    for (const c of cards) {
      expect(ScoreCard.safeParse(c).success).toBe(true);
      expect(c.lines.reduce((a, l) => a + l.earned, 0)).toBe(c.total);
    }
    const ranks = cards.map((c) => c.rank ?? Number.POSITIVE_INFINITY);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(cards.filter((c) => c.grade === "优秀").length).toBeLessThanOrEqual(Math.floor(cards.length * 0.3));
    const text = explainScoreCard(cards.find((c) => c.name === "县司法局")!);
    expect(text).toMatch(/^县司法局：[\d.]+分，\S+，第\d+名。\n/);
    expect(text).toContain("合计：各指标得分");
    expect(formatPoints(cards[0]!.total)).toMatch(/^\d+(\.\d{1,2})?$/);
  });
});

describe("validateScheme", () => {
  it("warns about an area in no component", () => {
    const s = ScoringScheme.parse({
      id: "c", title: "t", total: 10, areas: [{ id: "a", name: "甲", points: 5 }, { id: "b", name: "乙", points: 5 }],
      indicators: [{ id: "i", name: "i", area: "a", points: 5, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] }, { id: "j", name: "j", area: "b", points: 5, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] }],
      components: [{ id: "c", name: "c", weight: 100, areas: ["a"] }], grades: [{ name: "优秀", min: 90 }], lowestGrade: "其他",
    });
    expect(validateScheme(s).map((d) => [d.code, d.severity])).toEqual([["area_without_component", "warning"]]);
  });

  it("reports points that do not add up, unknown references and overlapping bands", () => {
    const bad = ScoringScheme.parse({
      id: "b", title: "t", total: 100,
      areas: [{ id: "a", name: "甲", points: 60 }, { id: "a", name: "乙", points: 30 }],
      indicators: [
        { id: "i", name: "指标", area: "a", points: 50.005, appliesTo: { taskIds: ["test-2024.t09"] }, methods: [{ kind: "occurrences", requirementIds: ["test-2024.t01.r9"], perMissing: 1 }] },
        { id: "i", name: "指标2", area: "zz", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] },
      ],
      components: [{ id: "c", name: "c", weight: 90, areas: ["a"] }],
      grades: [{ name: "优秀", min: 80 }, { name: "良好", min: 80 }],
      lowestGrade: "不合格",
    });
    const codes = validateScheme(bad, w.plan).map((d) => d.code).sort();
    expect(codes).toEqual(
      // One error, one message: the 50.005 points are reported once; the sums of areas that
      // contain them are not reported again. The top-level areas (60 + 30) do not make 100.
      ["duplicate_id", "duplicate_id", "overlapping_grades", "points_mismatch", "points_precision", "unknown_area", "unknown_requirement", "unknown_task", "weights_mismatch"].sort(),
    );
  });
});

describe("edges a user meets: missing data, candidates, units that ended, explicit occurrences, vetoes in words", () => {
  const rateAndIncidents = (extra: Record<string, unknown>) =>
    schemeOf([
      { id: "rate", name: "合格率", points: 10, methods: [{ kind: "rate", metric: "合格率", bound: "at_least", target: 95, per: 1 }] },
      { id: "inc", name: "执法过错", points: 10, methods: [{ kind: "incidents", tag: "x", per: 1 }] },
    ], extra);
  const oneIncident = [{ id: "i1", unitId: "sfj", date: "2024-02-01", kind: "incident", tag: "x" }];

  it("missing data scored 0, full marks or left out, as the scheme says, in words", () => {
    const rate = (onMissing?: string) => card(score(rateAndIncidents({ normalise: false, ...(onMissing === undefined ? {} : { onMissing }) }), oneIncident), "sfj");
    const line = (c: ScoreCard) => { const l = c.lines[0]!; return [l.state, l.available, l.earned, l.note, l.noteEn]; };
    expect(line(rate())).toEqual(["missing_data", 1000, 0, "缺少“合格率”的数据，按0分计", "data missing: scored 0"]);
    expect(line(rate("full"))).toEqual(["missing_data", 1000, 1000, "缺少“合格率”的数据，按满分计", "data missing: full marks"]);
    expect(line(rate("exclude"))).toEqual(["missing_data", 0, 0, "缺少“合格率”的数据，不计入可得分", "data missing: left out"]);
    // Left out and normalised: 9 of the 10 points that count, on the scheme's 20 → 18.
    const normalised = card(score(rateAndIncidents({ onMissing: "exclude" }), oneIncident), "sfj");
    expect([normalised.available, normalised.total]).toEqual([1000, 1800]);
  });

  it("a unit whose every indicator is left out for missing data has nothing available and scores 0, not a division by zero", () => {
    const s = schemeOf([{ id: "rate", name: "合格率", points: 10, methods: [{ kind: "rate", metric: "合格率", bound: "at_least", target: 95, per: 1 }] }], { onMissing: "exclude" });
    const c = card(score(s, []), "sfj");
    expect([c.available, c.total, c.assessed]).toEqual([0, 0, true]);
  });

  it("a scheme not checked by readScheme still scores every indicator: one whose area is missing counts at the top; an area that is its own parent is a top area", () => {
    const s = ScoringScheme.parse({
      id: "u", title: "未校验", total: 20, normalise: false,
      areas: [{ id: "a", name: "甲", points: 10, parent: "a", cap: 9 }],
      indicators: [
        { id: "i", name: "执法过错", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] },
        { id: "o", name: "无所属", area: "zz", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "y", per: 2 }] },
      ],
      grades: [{ name: "优秀", min: 90 }], lowestGrade: "其他",
    });
    const c = card(score(s, [{ id: "y1", unitId: "sfj", date: "2024-02-01", kind: "incident", tag: "y" }]), "sfj");
    expect(c.lines.map((l) => [l.kind, l.id, l.earned])).toEqual([["indicator", "i", 1000], ["limit", "a", -100], ["indicator", "o", 800]]);
    expect([c.total, c.available, c.areas]).toEqual([1700, 2000, [{ id: "a", name: "甲", available: 1000, earned: 900, parent: "a" }]]);
  });

  it("two pieces of missing data on one indicator are named together", () => {
    const s = schemeOf([{ id: "r", name: "两率", points: 10, methods: [{ kind: "rate", metric: "甲率", bound: "at_least", target: 95, per: 1 }, { kind: "rate", metric: "乙率", bound: "at_least", target: 95, per: 1 }] }]);
    expect(card(score(s, []), "sfj").lines[0]!.note).toBe("缺少“甲率”、“乙率”的数据，按0分计");
  });

  it("a unit that is only a candidate for a task is assessed on it only when the indicator includes candidates", () => {
    const matrix = { ...w.matrix, cells: w.matrix.cells.map((c) => (c.unitId === "gaj" ? { ...c, certainty: "candidate" } : c)) };
    const s = (includeCandidates?: boolean) =>
      schemeOf([{ id: "sup", name: "执法监督", points: 10, appliesTo: { taskIds: ["test-2024.t01"], ...(includeCandidates === undefined ? {} : { includeCandidates }) }, methods: [{ kind: "incidents", tag: "x", per: 1 }] }]);
    expect(card(score(s(), [], { matrix }), "gaj").assessed).toBe(false);
    expect(card(score(s(false), [], { matrix }), "gaj").assessed).toBe(false);
    expect(card(score(s(true), [], { matrix }), "gaj").assessed).toBe(true);
    expect(card(score(s(), [], { matrix }), "sfj").assessed).toBe(true);
  });

  it("with a roster, a unit that ended before the plan's date gets no card; one that ended on it does", () => {
    const ended = (validTo: string) => ({ ...w.roster, units: w.roster.units.map((u) => (u.id === "xwb" ? { ...u, validTo } : u)) });
    const s = schemeOf([{ id: "inc", name: "执法过错", points: 10, methods: [{ kind: "incidents", tag: "x", per: 1 }] }]);
    const date = planDate(w.plan, {}) as string;
    const dayBefore = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(score(s, [], { roster: ended(dayBefore) }).map((c) => c.unitId)).not.toContain("xwb");
    expect(score(s, [], { roster: ended(date) }).map((c) => c.unitId)).toContain("xwb");
    // Without a roster: the matrix's units (县委办 leads nothing, so it has no card).
    expect(score(s, [], { roster: undefined }).map((c) => c.unitId).sort()).toEqual(["gaj", "sfj", "zfb"]);
  });

  it("occurrences given by the caller are the ones scored", () => {
    const s = schemeOf([{ id: "sup", name: "执法监督", points: 10, appliesTo: { taskIds: ["test-2024.t01"], roles: ["lead"] }, methods: [{ kind: "occurrences", perMissing: 1 }] }]);
    const firstHalf = w.occurrences.filter((o) => o.due !== undefined && o.due <= "2024-06-30");
    expect(card(score(s, []), "sfj").lines[0]!.earned).toBe(600);
    expect(card(score(s, [], { occurrences: firstHalf }), "sfj").lines[0]!.earned).toBe(800);
  });

  it("vetoes in words: the lowest grade, not the top grade, not a grade or above; the strictest of two decides", () => {
    const s = schemeOf([{ id: "inc", name: "执法过错", points: 10, methods: [{ kind: "incidents", tag: "x", per: 1 }] }], {
      vetoes: [{ id: "top", name: "一般问题", below: "优秀" }, { id: "mid", name: "较重问题", below: "良好" }, { id: "low", name: "严重问题" }],
    });
    const veto = (ids: string[]) => card(score(s, ids.map((v, i) => ({ id: `v${i}`, unitId: "sfj", date: "2024-05-01", kind: "veto", vetoId: v }))), "sfj");
    const words = (c: ScoreCard) => c.lines.filter((l) => l.kind === "veto").map((l) => [l.note, l.noteEn, l.adjustments[0]!.reason]);
    expect(words(veto(["top"]))).toEqual([["不得评为优秀", "below 优秀", "一票否决：一般问题，不得评为优秀"]]);
    expect(words(veto(["mid"]))).toEqual([["不得评为良好及以上等次", "below 良好", "一票否决：较重问题，不得评为良好及以上等次"]]);
    expect(words(veto(["low"]))).toEqual([["直接定为不合格", "lowest grade", "一票否决：严重问题，直接定为不合格"]]);
    expect([veto(["top"]).grade, veto(["mid"]).grade, veto(["top", "mid"]).grade, veto(["mid", "top"]).grade, veto(["top", "low"]).grade, veto(["low", "mid"]).grade]).toEqual(["良好", "合格", "合格", "合格", "不合格", "不合格"]);
  });

  it("a component with nothing available says so in the normalisation line", () => {
    const s = weighted();
    const gaj = card(score(s, [{ id: "i", unitId: "gaj", date: "2024-02-01", kind: "incident", tag: "x" }]), "gaj");
    expect(gaj.lines.find((l) => l.kind === "normalisation")).toMatchObject({
      name: "按权重折算", earned: 4000,
      note: "按权重折算：“甲”实得40分（满分50分，权重30%），“乙”不适用；各部分按实得分与满分之比乘以权重，合计80分",
      noteEn: "weighted by component: 80",
    });
  });

  it("floors and caps in words, in Chinese and in English, at the indicator, the area and the whole", () => {
    const inc = (points: number, extra: Record<string, unknown> = {}) => ({ id: "inc", name: "执法过错", points, methods: [{ kind: "incidents", tag: "x", per: 1 }], ...extra });
    const three = [{ id: "i1", unitId: "sfj", date: "2024-02-01", kind: "incident", tag: "x", count: 3 }];
    const sfj = (indicator: Record<string, unknown>, extra: Record<string, unknown> = {}) => card(score(schemeOf([indicator], { normalise: false, ...extra }), three), "sfj");
    const words = (l: ScoreLine) => [l.kind, l.earned, l.note, l.noteEn];
    expect(words(sfj(inc(5, { floor: { kind: "deduction", points: 2 } })).lines[0]!)).toEqual(["indicator", 300, "累计扣分不超过2分", "at most 2 deducted"]);
    expect(words(sfj(inc(2)).lines[0]!)).toEqual(["indicator", 0, "扣完为止", "deductions stop at zero"]);
    expect(words(sfj(inc(2, { floor: { kind: "multiple", multiple: 1.25 } })).lines[0]!)).toEqual(["indicator", -50, "扣完标准分的1.25倍为止（最低-0.5分）", "deductions stop at 1.25 times the points (-0.5)"]);
    // Exactly at the floor: no note.
    expect(words(sfj(inc(3)).lines[0]!)).toEqual(["indicator", 0, undefined, undefined]);
    // An area that gives at most 1.5 of its 5, and a whole that gives at most 1.
    const capped = sfj(inc(5), { areas: [{ id: "a", name: "甲", points: 5, cap: 1.5 }] });
    expect(capped.lines.map((l) => [l.kind, l.id, l.name, l.area, l.earned, l.note, l.noteEn])).toEqual([
      ["indicator", "inc", "执法过错", "a", 200, undefined, undefined],
      ["limit", "a", "甲", "a", -50, "最多得1.5分", "at most 1.5"],
    ]);
    const whole = sfj(inc(5), { cap: 1 });
    expect(whole.lines[1]).toEqual({ kind: "limit", id: "total", name: "总分", available: 0, earned: -100, state: "scored", adjustments: [], note: "最多得1分", noteEn: "at most 1" });
    expect(whole.total).toBe(100);
  });

  it("a responsible unit's share and the floor are both said, joined", () => {
    const s = schemeOf([{ id: "sup", name: "执法监督", points: 2, appliesTo: { taskIds: ["test-2024.t01"], responsibleShare: 50 }, methods: [{ kind: "occurrences", perMissing: 2 }] }], { normalise: false });
    const l = card(score(s, []), "gaj").lines[0]!;
    expect([l.earned, l.note, l.noteEn]).toEqual([0, "责任单位按50%承担扣分；扣完为止", "a responsible unit bears 50% of deductions; deductions stop at zero"]);
    expect(l.adjustments.map((a) => a.hundredths)).toEqual([100, 100, 100, 100]);
  });

  it("joint leads share one completion (the default) unless the scheme says each reports its own", () => {
    // 任务3 (3月底前报送年度报告) is led by 县司法局 and 县政府办; only 县司法局 reports it.
    const s = (extra: Record<string, unknown>) =>
      schemeOf([{ id: "rep", name: "年度报告", points: 10, appliesTo: { taskIds: ["test-2024.t03"], roles: ["lead"] }, methods: [{ kind: "occurrences", perMissing: 4 }] }], { normalise: false, ...extra });
    const earned = (extra: Record<string, unknown>) => {
      const cards = score(s(extra), [done("d1", "sfj", "t03", "t03.r1", "2024-03-20")]);
      return ["sfj", "zfb"].map((u) => card(cards, u).lines[0]!.earned);
    };
    expect(earned({})).toEqual([1000, 1000]);
    expect(earned({ jointLeads: "shared" })).toEqual([1000, 1000]);
    expect(earned({ jointLeads: "each" })).toEqual([1000, 600]);
  });

  it("an area's scoring office passes down to the areas and indicators under it that name none of their own", () => {
    const inc = (id: string, area: string, points: number) => ({ id, name: id, area, points, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] });
    const s = ScoringScheme.parse({
      id: "o", title: "t", total: 10, normalise: false,
      areas: [
        { id: "top", name: "依法行政", points: 10, office: "县司法局" },
        { id: "sub", name: "执法监督", points: 6, parent: "top" },
        { id: "deep", name: "执法检查", points: 3, parent: "sub" },
        { id: "own", name: "决策", points: 4, parent: "top", office: "县政府办" },
      ],
      indicators: [inc("i", "sub", 3), inc("j", "deep", 3), inc("k", "own", 4)],
      grades: [{ name: "优秀", min: 90 }], lowestGrade: "其他",
    });
    const c = card(score(s, []), "sfj");
    expect(c.lines.filter((l) => l.kind === "indicator").map((l) => [l.id, l.office])).toEqual([["i", "县司法局"], ["j", "县司法局"], ["k", "县政府办"]]);
    expect(c.areas!.map((a) => [a.id, a.office])).toEqual([["top", "县司法局"], ["sub", "县司法局"], ["deep", "县司法局"], ["own", "县政府办"]]);
  });

  it("a plan that does not give its year is scored over the year of the as-of date", () => {
    const { year: _, ...plan } = w.plan;
    const s = schemeOf([{ id: "inc", name: "执法过错", points: 10, methods: [{ kind: "incidents", tag: "x", per: 1 }] }], { normalise: false });
    const entries = [{ id: "old", unitId: "sfj", date: "2023-06-01", kind: "incident", tag: "x" }, { id: "new", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "x" }];
    const c = card(scoreUnits({ plan, roster: w.roster, matrix: w.matrix, scheme: s, ledger: ledgerOf(entries), asOf: IsoDate.parse("2024-12-31") }), "sfj");
    expect(c.lines[0]!.adjustments.map((a) => a.entries)).toEqual([["new"]]);
  });

  it("refuses arguments that are not what they say, naming the argument", () => {
    const s = schemeOf([{ id: "inc", name: "执法过错", points: 10, methods: [{ kind: "incidents", tag: "x", per: 1 }] }]);
    const good = { plan: w.plan, roster: w.roster, matrix: w.matrix, scheme: s, ledger: ledgerOf([]), asOf: w.asOf };
    expect(() => scoreUnits(null as never)).toThrow("scoreUnits：参数 input 不正确：应为对象");
    expect(() => scoreUnits([] as never)).toThrow("参数 input 不正确");
    // Any value that is not an object, said in both languages (the message is Chinese, then English).
    for (const bad of [undefined, 42, "input"]) expect(() => scoreUnits(bad as never)).toThrow("scoreUnits：参数 input 不正确：应为对象 (scoreUnits: bad argument input: must be an object)");
    for (const name of ["plan", "matrix", "scheme", "ledger", "asOf", "roster", "previous", "occurrences"] as const) {
      expect(() => scoreUnits({ ...good, [name]: 42 } as never), name).toThrow(`参数 input.${name} 不正确`);
    }
    expect(scoreUnits({ plan: w.plan, matrix: w.matrix, scheme: s, ledger: ledgerOf([]), asOf: w.asOf }).length).toBe(3); // no roster, previous or occurrences: nothing to check
  });
});
