// The mechanics of issue 13 for which no published example was found within the search budget,
// written in the issue's own phrasing, each with the hand computation beside it.
import { describe, expect, it } from "vitest";
import { NOT_ASSESSED, type ScoreCard } from "../../src/model/scoring.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readScheme } from "../../src/scoring/validate-scheme.js";
import { ledgerOf, world } from "../support/small-world.js";

const w = world();
const GRADES = { grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }], lowestGrade: "不合格" };
const scheme = (s: Record<string, unknown>) => {
  const r = readScheme({ id: "m", title: "mechanics", ...GRADES, ...s }, { plan: w.plan, roster: w.roster });
  if (!r.ok) throw new Error(r.issues.map((d) => `${d.path.join(".")} ${d.message}`).join("\n"));
  return r.value;
};
const score = (s: ReturnType<typeof scheme>, entries: unknown[]) => scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme: s, ledger: ledgerOf(entries), asOf: w.asOf });
const card = (cards: readonly ScoreCard[], unit: string) => cards.find((c) => c.unitId === unit)!;
let n = 0;
const incident = (unitId: string, tag: string, extra: Record<string, unknown> = {}) => ({ id: `i${++n}`, unitId, date: "2024-06-01", kind: "incident", tag, ...extra });
const measure = (unitId: string, metric: string, value: number, date = "2024-11-30") => ({ id: `m${++n}`, unitId, date, kind: "measure", metric, value });
const one = (id: string, points: number, methods: unknown[], extra: Record<string, unknown> = {}) => ({ id, name: id, area: "a", points, appliesTo: {}, methods, ...extra });

describe("floors at any level: 扣完为止 and 扣完标准分的2倍为止", () => {
  it("an area of 10 points that stops at twice its points (−10), over items with no floor of their own", () => {
    const s = scheme({
      total: 10,
      normalise: false,
      areas: [{ id: "a", name: "执法监督", points: 10, floor: { kind: "multiple", multiple: 2 } }],
      indicators: [one("x", 6, [{ kind: "incidents", tag: "执法过错", per: 4 }], { floor: { kind: "none" } }), one("y", 4, [{ kind: "incidents", tag: "程序违法", per: 3 }], { floor: { kind: "none" } })],
    });
    const cards = score(s, [incident("sfj", "执法过错", { count: 5 }), incident("sfj", "程序违法", { count: 3 }), incident("gaj", "执法过错", { count: 2 })]);
    // 县司法局: x 6 − 20 = −14; y 4 − 9 = −5; area −19, below 10 − 2 × 10 = −10 → −10 (the area's line gives back 9).
    expect(card(cards, "sfj").total).toBe(-1000);
    expect(card(cards, "sfj").lines.find((l) => l.kind === "limit")).toMatchObject({ earned: 900, note: "扣完标准分的2倍为止（最低-10分）" });
    // 县公安局: x 6 − 8 = −2; y 4; area 2 (above the floor).
    expect(card(cards, "gaj").total).toBe(200);
  });

  it("the whole scheme can stop at zero too (总分扣完为止)", () => {
    const s = scheme({ total: 5, normalise: false, floor: { kind: "zero" }, areas: [{ id: "a", name: "甲", points: 5 }], indicators: [one("x", 5, [{ kind: "incidents", tag: "t", per: 2 }], { floor: { kind: "none" } })] });
    // 5 − 4 × 2 = −3 → 0 at the whole.
    expect(card(score(s, [incident("sfj", "t", { count: 4 })]), "sfj").total).toBe(0);
  });
});

describe("rates with an upper bound, and trends: 上升 is not 未下降", () => {
  it("败诉率不高于10%，每高一个百分点扣1分", () => {
    const s = scheme({ total: 5, normalise: false, areas: [{ id: "a", name: "甲", points: 5 }], indicators: [one("lose", 5, [{ kind: "rate", metric: "行政诉讼败诉率", bound: "at_most", target: 10, per: 1 }])] });
    const cards = score(s, [measure("sfj", "行政诉讼败诉率", 12.25), measure("gaj", "行政诉讼败诉率", 10)]);
    // 12.25 − 10 = 2.25 → 5 − 2.25 = 2.75; exactly 10 is not above: 5.
    expect([card(cards, "sfj").total, card(cards, "gaj").total]).toEqual([275, 500]);
    expect(card(cards, "sfj").lines[0]!.adjustments[0]!.reason).toBe("“行政诉讼败诉率”为12.25%，比要求的10%高2.25个百分点，每高1个百分点扣1分");
  });

  it("a flat figure is not a rise (上升的扣5分) but is not a fall either (未下降的扣5分)", () => {
    const make = (when: string) => scheme({ total: 5, normalise: false, areas: [{ id: "a", name: "甲", points: 5 }], indicators: [one("cases", 5, [{ kind: "trend", metrics: ["行政诉讼发案量"], when, per: 5 }])] });
    const flat = [measure("sfj", "行政诉讼发案量", 12, "2023-12-31"), measure("sfj", "行政诉讼发案量", 12, "2024-12-20")];
    // 12 → 12: rose? no (5). not fell? yes (0).
    expect(card(score(make("rose"), flat), "sfj").total).toBe(500);
    expect(card(score(make("not_fell"), flat), "sfj").total).toBe(0);
  });

  it("exact decimals: 80.01% at 0.5 per point below 100% is 9.995, rounded as declared", () => {
    const make = (rounding: string) => scheme({ total: 20, normalise: false, rounding, areas: [{ id: "a", name: "甲", points: 20 }], indicators: [one("r", 20, [{ kind: "rate", metric: "率", bound: "at_least", target: 100, per: 0.5 }])] });
    const at = (rounding: string) => 2000 - card(score(make(rounding), [measure("sfj", "率", 80.01)]), "sfj").total;
    // (100 − 80.01) × 0.5 = 9.995: half_up 10, half_even 10 (999.5 → 1000), half_down 9.99, down 9.99, up 10.
    expect(["half_up", "half_even", "half_down", "down", "up"].map(at)).toEqual([1000, 1000, 999, 999, 1000]);
  });

  it("a rate from two reported numbers (分子、分母), computed exactly", () => {
    const s = scheme({ total: 10, normalise: false, areas: [{ id: "a", name: "甲", points: 10 }], indicators: [one("r", 10, [{ kind: "rate", ratio: { numerator: "按期办结数", denominator: "受理数" }, bound: "at_least", target: 95, per: 1 }])] });
    const cards = score(s, [measure("sfj", "按期办结数", 278), measure("sfj", "受理数", 300)]);
    // 278/300 = 92.666…%; 95 − 92.666… = 2.333… → 2.33 (四舍五入); 10 − 2.33 = 7.67.
    expect(card(cards, "sfj").total).toBe(767);
  });
});

describe("adjustments counted inside the points before normalisation, or outside after it", () => {
  const make = (stage: string) =>
    scheme({
      total: 100,
      areas: [{ id: "a", name: "甲", points: 80 }, { id: "b", name: "乙", points: 20 }],
      indicators: [one("x", 80, [{ kind: "incidents", tag: "t", per: 1 }]), { ...one("y", 20, [{ kind: "incidents", tag: "t", per: 1 }]), area: "b", appliesTo: { units: ["gaj"] } }],
      adjustments: { categories: [{ id: "extra", name: "附加项", per: 2, stage }] },
    });
  const entries = [incident("sfj", "t", { count: 8 }), { id: "aw", unitId: "sfj", date: "2024-07-01", kind: "award", category: "extra" }];
  it("inside: (72 + 2) / 80 × 100 = 92.5; outside: 72 / 80 × 100 + 2 = 92", () => {
    // 县司法局 is assessed on x only (80 points): 80 − 8 = 72.
    expect(card(score(make("inside"), entries), "sfj").total).toBe(9250);
    expect(card(score(make("outside"), entries), "sfj").total).toBe(9200);
  });
});

describe("the same problem is not deducted twice (同一问题不重复扣分)", () => {
  const make = (sameProblem: string) =>
    scheme({
      total: 10,
      normalise: false,
      sameProblem,
      areas: [{ id: "a", name: "甲", points: 10 }],
      indicators: [one("review", 4, [{ kind: "incidents", tag: "案卷不合格", per: 1 }]), one("enforce", 6, [{ kind: "incidents", tag: "执法过错", per: 2 }])],
    });
  // One problem (P1) found in the case review and again as an enforcement error.
  const entries = [incident("sfj", "案卷不合格", { problemId: "P1" }), incident("sfj", "执法过错", { problemId: "P1" }), incident("sfj", "执法过错", { problemId: "P2" })];
  it("each: 1 + 2 + 2 = 5 deducted; first indicator: 1 + 2 = 3; the larger deduction: 2 + 2 = 4", () => {
    expect(card(score(make("each"), entries), "sfj").total).toBe(500);
    expect(card(score(make("first"), entries), "sfj").total).toBe(700);
    expect(card(score(make("larger"), entries), "sfj").total).toBe(600);
    const enforce = card(score(make("first"), entries), "sfj").lines.find((l) => l.id === "enforce")!;
    expect(enforce.adjustments.map((a) => [a.reason, a.hundredths])).toEqual([
      ["发现“执法过错”2起，每起扣2分", 200],
      ["其中1项是同一问题，已在“review”中扣分，不重复扣分（少扣2分）", 0],
    ]);
  });
});

describe("the same problem under two indicators: once-for-a-tag deductions, shared tags, ties", () => {
  const two = (sameProblem: string, a: unknown[], b: unknown[], points: [number, number] = [5, 5]) =>
    scheme({ total: 10, normalise: false, sameProblem, areas: [{ id: "a", name: "甲", points: 10 }], indicators: [{ ...one("A", points[0], a), name: "制度建设" }, { ...one("B", points[1], b), name: "执法监督" }] });
  const lines = (s: ReturnType<typeof scheme>, entries: unknown[]) => card(score(s, entries), "sfj").lines.filter((l) => l.kind === "indicator").map((l) => [l.id, l.adjustments.map((a) => [a.reason, a.hundredths])]);
  const found = [{ id: "e1", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "制度不健全" }];

  it("a condition found once and read by two indicators: deducted in the first, or where it weighs more (the first on a tie)", () => {
    const cond = (points: number) => [{ kind: "condition", tag: "制度不健全", points }];
    expect(lines(two("first", cond(2), cond(3)), found)).toEqual([
      ["A", [["存在“制度不健全”的情形", 200]]],
      ["B", [["存在“制度不健全”的情形（同一问题已在“制度建设”中扣分，不重复扣分）", 0]]],
    ]);
    expect(lines(two("larger", cond(2), cond(3)), found)).toEqual([
      ["A", [["存在“制度不健全”的情形（同一问题已在“执法监督”中扣分，不重复扣分）", 0]]],
      ["B", [["存在“制度不健全”的情形", 300]]],
    ]);
    expect(lines(two("larger", cond(3), cond(3)), found)).toEqual([
      ["A", [["存在“制度不健全”的情形", 300]]],
      ["B", [["存在“制度不健全”的情形（同一问题已在“制度建设”中扣分，不重复扣分）", 0]]],
    ]);
    expect(lines(two("each", cond(2), cond(3)), found)).toEqual([["A", [["存在“制度不健全”的情形", 200]]], ["B", [["存在“制度不健全”的情形", 300]]]]);
  });

  it("a problem still open is the same problem as an incident that names it: deducted once", () => {
    const problem = { id: "p1", unitId: "sfj", date: "2024-03-01", kind: "problem", problemId: "P9", dueBy: "2024-05-01" };
    const wrong = { id: "e1", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "执法过错", problemId: "P9" };
    const s = (policy: string) => two(policy, [{ kind: "incidents", tag: "执法过错", per: 1 }], [{ kind: "rectification", perOpen: 2, perLate: 1 }]);
    expect(lines(s("first"), [problem, wrong])).toEqual([
      ["A", [["发现“执法过错”1起，每起扣1分", 100]]],
      ["B", [["督察发现的问题逾期未整改（整改期限2024年5月1日）", 0], ["其中1项是同一问题，已在“制度建设”中扣分，不重复扣分（少扣2分）", 0]]],
    ]);
    expect(lines(s("larger"), [problem, wrong])).toEqual([
      ["A", [["发现“执法过错”1起，每起扣1分", 0], ["其中1项是同一问题，已在“执法监督”中扣分，不重复扣分（少扣1分）", 0]]],
      ["B", [["督察发现的问题逾期未整改（整改期限2024年5月1日）", 200]]],
    ]);
    // Rectified late instead: 1 against the incident's 1, a tie: the first indicator keeps it.
    const late = { id: "r1", unitId: "sfj", date: "2024-05-20", kind: "rectified", problemId: "P9" };
    expect(card(score(s("larger"), [problem, wrong, late]), "sfj").total).toBe(900);
    expect(card(score(s("each"), [problem, wrong, late]), "sfj").total).toBe(800);
  });

  it("a problem named by a condition and by an incident of other tags is deducted once; different problems are not merged", () => {
    const cond = [{ kind: "condition", tag: "制度不健全", points: 2 }];
    const inc = [{ kind: "incidents", tag: "执法过错", per: 1 }];
    const c = (id: string, problemId?: string) => ({ id, unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "制度不健全", ...(problemId === undefined ? {} : { problemId }) });
    const e = (id: string, problemId?: string) => ({ id, unitId: "sfj", date: "2024-06-02", kind: "incident", tag: "执法过错", ...(problemId === undefined ? {} : { problemId }) });
    const total = (entries: unknown[]) => card(score(two("first", cond, inc), entries), "sfj").total;
    expect(total([c("c1", "P1"), e("e1", "P1")])).toBe(800); // the incident is the condition's problem
    expect(total([c("c1", "P1"), e("e1", "P2")])).toBe(700); // two problems
    expect(total([c("c1", "P1"), c("c2"), e("e1", "P1")])).toBe(800); // one of the condition's findings names P1
    expect(total([c("c1"), e("e1")])).toBe(700); // no problem named, no tag shared: nothing in common
  });

  it("an entry whose id happens to be another entry's problem id is not that problem", () => {
    const other = { id: "e2", unitId: "sfj", date: "2024-06-02", kind: "incident", tag: "b", problemId: "P1" };
    const own = { id: "P1", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "a" };
    const b = [{ kind: "incidents", tag: "b", per: 1 }];
    expect(card(score(two("first", [{ kind: "incidents", tag: "a", per: 1 }], b), [own, other]), "sfj").total).toBe(800);
    expect(card(score(two("first", [{ kind: "condition", tag: "a", points: 1 }], b), [own, other]), "sfj").total).toBe(800);
  });

  it("…nor when its tag is read by two indicators: the entry is its own problem, the other entry's problem another", () => {
    // "a" is read by A and B: the entry P1 is one problem, deducted under A (1) and not again under B.
    // e2 names problem "P1", which nothing else names: B deducts it (2). 10 − 1 − 2 = 7.
    const own = { id: "P1", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "a" };
    const other = { id: "e2", unitId: "sfj", date: "2024-06-02", kind: "incident", tag: "b", problemId: "P1" };
    const a = [{ kind: "incidents", tag: "a", per: 1 }];
    const s = two("first", a, [...a, { kind: "incidents", tag: "b", per: 2 }]);
    expect(card(score(s, [own, other]), "sfj").total).toBe(700);
    expect(card(score(s, [other, own]), "sfj").total).toBe(700);
  });

  it("a tier whose tags another indicator reads too: the entry is one problem; under a keyed scheme a plain incident still deducts", () => {
    const tier = [{ kind: "tier", tiers: [{ tag: "t1", name: "甲情形", deduct: 3 }, { tag: "t2", name: "乙情形", deduct: 1 }] }];
    const entries = [{ id: "x1", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "t1" }, { id: "x2", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "t2" }];
    // t1 is read by both, t2 by the tier only: the tier deducts 3 for both, the incident of t1 is its problem.
    expect(card(score(two("first", tier, [{ kind: "incidents", tag: "t1", per: 1 }]), entries), "sfj").total).toBe(700);
    expect(card(score(two("first", tier, [{ kind: "incidents", tag: "t1", per: 1 }]), entries.slice(0, 1)), "sfj").total).toBe(700);
    expect(card(score(two("larger", [{ kind: "incidents", tag: "t2", per: 1 }], [{ kind: "incidents", tag: "q", per: 1 }]), [{ id: "y", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "t2" }]), "sfj").total).toBe(900);
  });

  it("an incident without a problem id whose tag two indicators read is one problem: the entry itself", () => {
    const per = (p: number) => [{ kind: "incidents", tag: "制度不健全", per: p }];
    const entries = [...found, { id: "e2", unitId: "sfj", date: "2024-06-02", kind: "incident", tag: "制度不健全" }];
    expect(card(score(two("first", per(1), per(2)), entries), "sfj").total).toBe(800);
    expect(card(score(two("larger", per(1), per(2)), entries), "sfj").total).toBe(600);
    expect(lines(two("larger", per(1), per(2)), entries)[0]).toEqual(["A", [["发现“制度不健全”2起，每起扣1分", 0], ["其中2项是同一问题，已在“执法监督”中扣分，不重复扣分（少扣2分）", 0]]]);
  });
});

describe("the same problem under three indicators: what the notes say", () => {
  const three = (c: unknown[], a: unknown[] = [{ kind: "incidents", tag: "a", per: 1 }], b: unknown[] = [{ kind: "incidents", tag: "b", per: 1 }]) =>
    scheme({
      total: 20, normalise: false, sameProblem: "first",
      areas: [{ id: "a", name: "甲", points: 20 }],
      indicators: [{ ...one("A", 5, a), name: "制度建设" }, { ...one("B", 5, b), name: "执法监督" }, { ...one("C", 10, c), name: "案卷评查" }],
    });
  const hit = (id: string, tag: string, problemId?: string) => ({ id, unitId: "sfj", date: "2024-06-01", kind: "incident", tag, ...(problemId === undefined ? {} : { problemId }) });
  const lineOf = (cards: readonly ScoreCard[], id: string) => card(cards, "sfj").lines.find((l) => l.id === id)!;

  it("findings deducted one by one (每起扣分): those already deducted elsewhere are given back in one note of the same clause, naming where, with their entries", () => {
    // C's second clause finds P1 (deducted under A), P2 (under B) and P3 (new); its first clause finds
    // something no other indicator reads. Entry ids are not in ledger order.
    const s = three([{ kind: "incidents", tag: "q", per: 1 }, { kind: "incidents", tag: "c", per: 2 }]);
    const entries = [hit("e5", "a", "P1"), hit("e4", "b", "P2"), hit("e8", "q"), hit("e9", "c", "P1"), hit("e3", "c", "P2"), hit("e7", "c", "P3")];
    const cards = score(s, entries);
    expect(lineOf(cards, "C").adjustments).toEqual([
      { reason: "发现“q”1起，每起扣1分", reasonEn: '1 "q", 1 each', hundredths: 100, entries: ["e8"], clause: 0 },
      { reason: "发现“c”3起，每起扣2分", reasonEn: '3 "c", 2 each', hundredths: 200, entries: ["e7"], clause: 1 },
      { reason: "其中2项是同一问题，已在“制度建设”、“执法监督”中扣分，不重复扣分（少扣4分）", reasonEn: "2 of them already deducted under “制度建设”、“执法监督”", hundredths: 0, entries: ["e3", "e9"], clause: 1 },
    ]);
    // A 5 − 1, B 5 − 1, C 10 − 1 − 2.
    expect(card(cards, "sfj").total).toBe(1500);
    // The ledger's order changes nothing, not even the order of the names in the note (scheme order).
    expect(score(s, [...entries].reverse())).toEqual(cards);
  });

  it("a finding deducted once for its tag (存在…的情形): given back only when every problem behind it was deducted elsewhere, naming each indicator once", () => {
    const s = three([{ kind: "condition", tag: "c", points: 2 }], undefined, [{ kind: "condition", tag: "b", points: 1 }]);
    const c = (entries: unknown[]) => lineOf(score(s, entries), "C").adjustments.map((a) => [a.reason, a.reasonEn, a.hundredths]);
    // P1 under A (one by one), P2 under B (once for its tag): both of C's problems were deducted.
    const both = [hit("a1", "a", "P1"), hit("b1", "b", "P2"), hit("c1", "c", "P1"), hit("c2", "c", "P2")];
    for (const entries of [both, [...both].reverse()]) {
      expect(c(entries)).toEqual([["存在“c”的情形（同一问题已在“制度建设”、“执法监督”中扣分，不重复扣分）", 'Found: "c" (already deducted under “制度建设”、“执法监督”)', 0]]);
    }
    // P3 is new: C deducts.
    expect(c([hit("a1", "a", "P1"), hit("c1", "c", "P1"), hit("c2", "c", "P3")])).toEqual([["存在“c”的情形", 'Found: "c"', 200]]);
    // P1 under A, then again under B and C: both name A, where it was deducted, not B, where it was given back.
    const cards = score(s, [hit("a1", "a", "P1"), hit("b1", "b", "P1"), hit("c1", "c", "P1")]);
    expect(["B", "C"].map((id) => lineOf(cards, id).adjustments.map((a) => [a.reason, a.hundredths]))).toEqual([
      [["存在“b”的情形（同一问题已在“制度建设”中扣分，不重复扣分）", 0]],
      [["存在“c”的情形（同一问题已在“制度建设”中扣分，不重复扣分）", 0]],
    ]);
  });

  it("two findings naming no problem, of two tags each read twice, are two problems: each deducted once, where first read", () => {
    // "a" is read by A and B, "c" by B and C. e1 is deducted under A (not again under B), e2 under B (not again under C).
    const s = three([{ kind: "incidents", tag: "c", per: 1 }], undefined, [{ kind: "incidents", tag: "a", per: 1 }, { kind: "incidents", tag: "c", per: 1 }]);
    const cards = score(s, [hit("e1", "a"), hit("e2", "c")]);
    expect(["A", "B", "C"].map((id) => lineOf(cards, id).earned)).toEqual([400, 400, 1000]);
  });
});

describe("grades: vetoes that cap, quotas over assessed units, ties at the line, units nobody assessed", () => {
  const base = {
    total: 10,
    normalise: false,
    areas: [{ id: "a", name: "甲", points: 10 }],
    indicators: [{ ...one("x", 10, [{ kind: "incidents", tag: "t", per: 1 }]), appliesTo: { units: ["sfj", "gaj", "zfb"] } }],
    vetoes: [{ id: "cap", name: "发生较大执法过错", below: "优秀" }],
  };
  it("不得评为优秀: 100 points, but at most 良好", () => {
    const cards = score(scheme(base), [{ id: "v", unitId: "sfj", date: "2024-05-01", kind: "veto", vetoId: "cap" }]);
    expect(card(cards, "sfj")).toMatchObject({ total: 1000, grade: "良好", vetoed: true });
    expect(card(cards, "sfj").lines.at(-1)!.note).toBe("不得评为优秀");
  });

  it("县委办 is assessed on nothing: 未考核, no rank, outside the quota (not 0分 不合格)", () => {
    const cards = score(scheme({ ...base, vetoes: [], grades: [{ name: "优秀", min: 90, maxShare: 50 }, ...GRADES.grades.slice(1)] }), [incident("gaj", "t"), incident("zfb", "t", { count: 3 })]);
    expect(card(cards, "xwb")).toMatchObject({ assessed: false, grade: NOT_ASSESSED, total: 0, lines: [] });
    expect(card(cards, "xwb").rank).toBeUndefined();
    expect(cards.at(-1)!.unitId).toBe("xwb");
    // sfj 10, gaj 9 (both ≥ 90%), zfb 7. Quota: 50% of the 3 assessed units = 1.5 → 1, so gaj moves to 良好
    // (counting the 4 roster units would have allowed 2).
    expect(cards.map((c) => [c.unitId, c.rank, c.grade])).toEqual([["sfj", 1, "优秀"], ["gaj", 2, "良好"], ["zfb", 3, "合格"], ["xwb", undefined, NOT_ASSESSED]]);
  });

  it("a tie at the quota line: all move down (today's rule) or all stay, as the scheme declares", () => {
    // sfj and gaj tie at 10; zfb 7. 优秀 quota 50% of 3 assessed = 1.5 → 1 (rounded down).
    const entries = [incident("zfb", "t", { count: 3 })];
    const quota = (quotaTies: string) => score(scheme({ ...base, vetoes: [], quotaTies, grades: [{ name: "优秀", min: 90, maxShare: 50 }, ...GRADES.grades.slice(1)] }), entries);
    // all_down: the tie group (2) overflows the quota (1): both 良好, no 优秀 at all.
    expect(quota("all_down").map((c) => [c.unitId, c.grade])).toEqual([["sfj", "良好"], ["gaj", "良好"], ["zfb", "合格"], ["xwb", NOT_ASSESSED]]);
    // all_in: both stay 优秀 (the quota is exceeded by the tie).
    expect(quota("all_in").slice(0, 2).map((c) => c.grade)).toEqual(["优秀", "优秀"]);
    // Counted over the 3 assessed units: 50% of 3 = 1.5; half up would give 2, both tied units fit.
    const up = score(scheme({ ...base, vetoes: [], quotaRounding: "half_up", grades: [{ name: "优秀", min: 90, maxShare: 50 }, ...GRADES.grades.slice(1)] }), entries);
    expect(up.slice(0, 2).map((c) => c.grade)).toEqual(["优秀", "优秀"]);
  });
});
