// A capped bonus or penalty says it was capped, and only then: at exactly the cap there is no
// note and nothing "over the cap"; a hundredth over, the note names the cap that bit (the
// category's, the group's or the overall one) and the excess is shown as not counted.
import { describe, expect, it } from "vitest";
import { NOT_ASSESSED, type ScoreCard, ScoringScheme } from "../../src/model/scoring.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readScheme } from "../../src/scoring/validate-scheme.js";
import { ledgerOf, world } from "../support/small-world.js";

const w = world();
const scheme = (adjustments: Record<string, unknown>) => {
  const r = readScheme(
    {
      id: "caps", title: "封顶", total: 10, normalise: false,
      areas: [{ id: "a", name: "甲", points: 10 }],
      indicators: [{ id: "i", name: "工作", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "失误", per: 1 }] }],
      adjustments,
      grades: [{ name: "优秀", min: 90 }], lowestGrade: "不合格",
    },
    { plan: w.plan, roster: w.roster },
  );
  if (!r.ok) throw new Error(r.issues.map((d) => `${d.path.join(".")} ${d.message}`).join("\n"));
  return r.value;
};
let n = 0;
const award = (category: string) => ({ id: `a${++n}`, unitId: "sfj", date: "2024-05-01", kind: "award", category, awardId: `A${n}` });
const penalty = (category: string) => ({ id: `p${++n}`, unitId: "sfj", date: "2024-05-01", kind: "incident", tag: category });
const sfj = (adjustments: Record<string, unknown>, entries: unknown[]): ScoreCard =>
  scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme: scheme(adjustments), ledger: ledgerOf(entries), asOf: w.asOf }).find((c) => c.unitId === "sfj")!;
const lineOf = (c: ScoreCard, id: string) => c.lines.find((l) => l.id === id)!;
const over = (c: ScoreCard, id: string) => lineOf(c, id).adjustments.filter((a) => a.reason.startsWith("超出上限"));

describe("a capped bonus says so, and only when the cap took something away", () => {
  const category = { categories: [{ id: "prov", name: "省级表彰", per: 1.25, cap: 2.5 }] };

  it("category cap: exactly at the cap (2 × 1.25 = 2.5) no note; over it (3 × 1.25) capped, 1.25 not counted", () => {
    const at = sfj(category, [award("prov"), award("prov")]);
    expect([lineOf(at, "prov").earned, lineOf(at, "prov").note, over(at, "prov")]).toEqual([250, undefined, []]);
    expect(at.total).toBe(1250);
    const above = sfj(category, [award("prov"), award("prov"), award("prov")]);
    expect(lineOf(above, "prov")).toMatchObject({ earned: 250, note: "本类最多2.5分，已封顶", noteEn: "capped at 2.5 for the category" });
    expect(over(above, "prov").map((a) => [a.reason, a.hundredths])).toEqual([["超出上限的1.25分不计", 125]]);
    expect(above.total).toBe(1250);
  });

  it("under the cap: no note", () => {
    const under = sfj(category, [award("prov")]);
    expect([lineOf(under, "prov").earned, lineOf(under, "prov").note, lineOf(under, "prov").noteEn]).toEqual([125, undefined, undefined]);
  });

  it("group cap: the second category of a group is capped by what the first left; the first is not", () => {
    const groups = { groups: [{ id: "h", name: "表彰类", cap: 3.5 }], categories: [{ id: "nat", name: "国家级表彰", per: 2.25, group: "h" }, { id: "prov", name: "省级表彰", per: 1.25, group: "h" }] };
    const at = sfj(groups, [award("nat"), award("prov")]); // 2.25 + 1.25 = 3.5: exactly the cap
    expect([lineOf(at, "nat").note, lineOf(at, "prov").note, lineOf(at, "prov").earned]).toEqual([undefined, undefined, 125]);
    const above = sfj(groups, [award("nat"), award("prov"), award("prov")]); // 2.25 + 2.5 = 4.75 → 3.5
    expect(lineOf(above, "nat").note).toBeUndefined();
    expect(lineOf(above, "prov")).toMatchObject({ earned: 125, note: "表彰类合计最多3.5分，已封顶", noteEn: "capped at 3.5 for 表彰类" });
    expect(over(above, "prov").map((a) => a.hundredths)).toEqual([125]);
  });

  it("overall bonus cap and penalty cap, each only when exceeded", () => {
    const all = { cap: 1.14, penaltyCap: 0.58, categories: [{ id: "rank", name: "排名靠前", per: 0.57 }, { id: "pen", name: "被通报批评", sign: "penalty", per: 0.29 }] };
    const at = sfj(all, [award("rank"), award("rank"), penalty("pen"), penalty("pen")]);
    expect([lineOf(at, "rank").earned, lineOf(at, "rank").note, lineOf(at, "pen").earned, lineOf(at, "pen").note]).toEqual([114, undefined, -58, undefined]);
    const above = sfj(all, [award("rank"), award("rank"), award("rank"), penalty("pen"), penalty("pen"), penalty("pen")]);
    expect(lineOf(above, "rank")).toMatchObject({ earned: 114, note: "加分合计最多1.14分，已封顶", noteEn: "capped at 1.14 in all" });
    expect(lineOf(above, "pen")).toMatchObject({ earned: -58, note: "减分合计最多0.58分，已封顶" });
    expect(over(above, "pen").map((a) => a.hundredths)).toEqual([-29]);
  });
});

// The rest of a card past its indicators: an area's own cap and floor, adjustments counted inside
// an area, normalisation, vetoes, units nobody assesses, and schemes that were never validated
// (scoreUnits checks only their shape: an indicator or a component may name an area the scheme lacks).
const GRADES = { grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }], lowestGrade: "不合格" };
/** A scheme read as a county would (readScheme with the plan and roster): it must be valid. */
const valid = (s: Record<string, unknown>) => {
  const r = readScheme({ id: "rest", title: "评分卡其余部分", ...GRADES, ...s }, { plan: w.plan, roster: w.roster });
  if (!r.ok) throw new Error(r.issues.map((d) => `${d.path.join(".")} ${d.message}`).join("\n"));
  return r.value;
};
/** A scheme only of the right shape, as scoreUnits accepts it without readScheme. */
const shaped = (s: Record<string, unknown>) => ScoringScheme.parse({ id: "rest", title: "未校验的方案", ...GRADES, ...s });
const cardsOf = (s: ScoringScheme, entries: unknown[]) => scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme: s, ledger: ledgerOf(entries), asOf: w.asOf });
const cardOf = (cards: readonly ScoreCard[], unit: string) => cards.find((c) => c.unitId === unit)!;
const slip = (unitId: string, tag: string, count = 1) => ({ id: `s${++n}`, unitId, date: "2024-06-01", kind: "incident", tag, count });
const item = (id: string, area: string, points: number, tag: string, extra: Record<string, unknown> = {}) => ({ id, name: id, area, points, appliesTo: {}, methods: [{ kind: "incidents", tag, per: 1 }], ...extra });

describe("an area's cap and floor bind only when crossed, and the note names the bound that moved the sum", () => {
  it("an area capped at 5 (最多得5分) keeps a lower sum as it is; above 5 it is cut to 5", () => {
    const s = valid({
      total: 10, normalise: false,
      areas: [{ id: "a", name: "依法决策", points: 5, cap: 5 }, { id: "b", name: "执法监督", points: 5 }],
      indicators: [item("x", "a", 5, "决策失误"), item("y", "b", 5, "执法过错")],
      adjustments: { categories: [{ id: "good", name: "决策创新", per: 1.5, stage: "inside", area: "a" }] },
    });
    const cards = cardsOf(s, [slip("sfj", "决策失误", 3), award("good"), slip("gaj", "决策失误", 1), { id: "g1", unitId: "gaj", date: "2024-05-01", kind: "award", category: "good", awardId: "G1" }]);
    // 县司法局: a = 5 − 3 + 1.5 = 3.5, under its cap: no limit line.
    const sfj = cardOf(cards, "sfj");
    expect(sfj.areas!.find((r) => r.id === "a")!.earned).toBe(350);
    expect(sfj.lines.filter((l) => l.kind === "limit")).toEqual([]);
    // 县公安局: a = 5 − 1 + 1.5 = 5.5 → 5, and the line says so.
    const gaj = cardOf(cards, "gaj");
    expect(gaj.areas!.find((r) => r.id === "a")!.earned).toBe(500);
    expect(gaj.lines.filter((l) => l.kind === "limit")).toEqual([{ kind: "limit", id: "a", name: "依法决策", area: "a", available: 0, earned: -50, state: "scored", adjustments: [], note: "最多得5分", noteEn: "at most 5" }]);
  });

  it("a cap equal to the floor (最多得5分，累计扣分不超过5分): a sum below it was raised, so the note names the floor", () => {
    const s = valid({
      total: 10, normalise: false,
      areas: [{ id: "a", name: "依法决策", points: 10, cap: 5, floor: { kind: "deduction", points: 5 } }],
      indicators: [item("x", "a", 10, "决策失误", { floor: { kind: "none" } })],
    });
    // 10 − 8 = 2, below 10 − 5 = 5: raised to 5, which is also the cap.
    const sfj = cardOf(cardsOf(s, [slip("sfj", "决策失误", 8)]), "sfj");
    expect(sfj.total).toBe(500);
    expect(sfj.lines.find((l) => l.kind === "limit")).toMatchObject({ earned: 300, note: "累计扣分不超过5分", noteEn: "at most 5 deducted" });
  });
});

describe("adjustments counted inside an area (stage: inside) go into that area's subtotal, every one of them", () => {
  it("a bonus and a penalty in area a both count in a's subtotal, after its indicators", () => {
    const s = valid({
      total: 10, normalise: false,
      areas: [{ id: "a", name: "依法决策", points: 5 }, { id: "b", name: "执法监督", points: 5 }],
      indicators: [item("x", "a", 5, "决策失误"), item("y", "b", 5, "执法过错")],
      adjustments: { categories: [{ id: "good", name: "决策创新", per: 1, stage: "inside", area: "a" }, { id: "warn", name: "被约谈", sign: "penalty", per: 0.5, stage: "inside", area: "a" }] },
    });
    const sfj = cardOf(cardsOf(s, [slip("sfj", "决策失误", 2), award("good"), slip("sfj", "warn")]), "sfj");
    // a = 5 − 2 + 1 − 0.5 = 3.5;  b = 5;  total 8.5.
    expect(sfj.areas!.map((r) => [r.id, r.available, r.earned])).toEqual([["a", 500, 350], ["b", 500, 500]]);
    expect(sfj.lines.map((l) => [l.kind, l.id, l.earned])).toEqual([["indicator", "x", 300], ["bonus", "good", 100], ["penalty", "warn", -50], ["indicator", "y", 500]]);
    expect(sfj.total).toBe(850);
  });

  it("an inside adjustment naming an area the scheme lacks still counts, in the whole (a scheme not validated)", () => {
    const s = shaped({
      total: 10, normalise: false,
      areas: [{ id: "a", name: "依法决策", points: 10 }],
      indicators: [item("x", "a", 10, "决策失误")],
      adjustments: { categories: [{ id: "good", name: "决策创新", per: 1, stage: "inside", area: "无此内容" }] },
    });
    const sfj = cardOf(cardsOf(s, [slip("sfj", "决策失误", 2), award("good")]), "sfj");
    // 10 − 2 + 1 = 9.
    expect([sfj.total, sfj.areas!.map((r) => r.earned), sfj.lines.map((l) => l.id)]).toEqual([900, [800], ["x", "good"]]);
  });
});

describe("units and indicators outside the tree: not assessed, and indicators whose area is missing", () => {
  it("a unit no indicator applies to has an empty card: not assessed, not vetoed, no lines", () => {
    const s = valid({ total: 5, areas: [{ id: "a", name: "依法决策", points: 5 }], indicators: [item("x", "a", 5, "决策失误", { appliesTo: { units: ["sfj"] } })] });
    expect(cardOf(cardsOf(s, []), "xwb")).toEqual({ unitId: "xwb", name: "县委办", total: 0, available: 0, assessed: false, vetoed: false, lines: [], grade: NOT_ASSESSED });
  });

  it("an indicator whose area the scheme lacks is scored in the whole, under the whole's cap, and only for the units it applies to (a scheme not validated)", () => {
    const s = shaped({
      total: 10, normalise: false, cap: 7,
      areas: [{ id: "a", name: "依法决策", points: 5 }],
      indicators: [item("x", "a", 5, "决策失误"), item("ghost", "无此内容", 5, "执法过错", { appliesTo: { units: ["sfj"] } })],
    });
    const cards = cardsOf(s, [slip("sfj", "执法过错", 2)]);
    // 县司法局: x 5 + ghost (5 − 2 = 3) = 8, over the whole's cap of 7 → 7.  县公安局: only x, 5.
    expect(cardOf(cards, "sfj").lines.map((l) => [l.id, l.earned])).toEqual([["x", 500], ["ghost", 300], ["total", -100]]);
    expect([cardOf(cards, "sfj").total, cardOf(cards, "sfj").available, cardOf(cards, "gaj").total, cardOf(cards, "gaj").available]).toEqual([700, 1000, 500, 500]);
  });
});

describe("normalisation (折算成百分制) only when the scheme asks for it, and in words", () => {
  const make = (extra: Record<string, unknown>) =>
    valid({ total: 10, areas: [{ id: "a", name: "依法决策", points: 10 }], indicators: [item("x", "a", 5, "决策失误"), item("y", "a", 5, "执法过错", { appliesTo: { units: ["sfj"] } })], ...extra });

  it("a unit assessed on 5 of 10 points is scaled to 10: 4 of 5 → 8, with the step in Chinese and English", () => {
    const gaj = cardOf(cardsOf(make({}), [slip("gaj", "决策失误")]), "gaj");
    expect(gaj.total).toBe(800);
    expect(gaj.lines.find((l) => l.kind === "normalisation")).toEqual({
      kind: "normalisation", id: "normalisation", name: "折算成百分制", available: 0, earned: 400, state: "scored", adjustments: [],
      note: "折算成10分制：本单位适用的指标满分5分，实得4分，按4÷5×10折算为8分", noteEn: "normalised to 10: 4 of 5 available → 8",
    });
  });

  it("normalise: false keeps the raw sum, with no normalisation line", () => {
    const gaj = cardOf(cardsOf(make({ normalise: false }), [slip("gaj", "决策失误")]), "gaj");
    expect([gaj.total, gaj.available, gaj.lines.map((l) => l.kind)]).toEqual([400, 500, ["indicator"]]);
  });
});

describe("weighted components (按权重折算) count each area once, and an unknown area as nothing (schemes not validated)", () => {
  // x earns 10 of 10, y and z 0 of 10 (one 执法过错 each, per 10).
  const areas = [{ id: "x", name: "甲", points: 10 }, { id: "y", name: "乙", points: 10 }, { id: "z", name: "丙", points: 10 }];
  const indicators = [item("ix", "x", 10, "决策失误"), { ...item("iy", "y", 10, "执法过错"), methods: [{ kind: "incidents", tag: "执法过错", per: 10 }] }, { ...item("iz", "z", 10, "执法过错"), methods: [{ kind: "incidents", tag: "执法过错", per: 10 }] }];
  const total = (components: unknown[]) => cardOf(cardsOf(shaped({ total: 100, areas, indicators, components }), [slip("sfj", "执法过错")]), "sfj");

  it("an area listed in two components counts in one of them only", () => {
    // Once: one component has 0 of 10, the other 10 of 20 → (0 × 50 + 0.5 × 50) ÷ 100 × 100 = 25 (twice it would be 50).
    const c = total([{ id: "A", name: "A", weight: 50, areas: ["x", "y"] }, { id: "B", name: "B", weight: 50, areas: ["x", "z"] }]);
    expect(c.total).toBe(2500);
    expect(c.lines.find((l) => l.kind === "normalisation")!.name).toBe("按权重折算");
  });

  it("a component naming an area the scheme lacks counts only the areas it has", () => {
    // A = x (10 of 10), B = y (0 of 10): 1 × 50 + 0 × 50 → 50.
    const c = total([{ id: "A", name: "A", weight: 50, areas: ["x", "无此内容"] }, { id: "B", name: "B", weight: 50, areas: ["y"] }]);
    expect(c.total).toBe(5000);
  });
});

describe("vetoes: the strictest one decides, and its line names the entries in order", () => {
  const s = () => valid({
    total: 10, areas: [{ id: "a", name: "依法决策", points: 10 }], indicators: [item("x", "a", 10, "决策失误")],
    vetoes: [{ id: "major", name: "重大执法过错" }, { id: "talk", name: "被约谈", below: "良好" }, { id: "news", name: "被媒体曝光", below: "优秀" }],
  });
  const veto = (id: string, unitId: string, vetoId: string) => ({ id, unitId, date: "2024-08-01", kind: "veto", vetoId });

  it("the lowest grade beats 不得评为优秀; 不得评为良好 beats 不得评为优秀 whichever comes first", () => {
    const cards = cardsOf(s(), [veto("vb", "sfj", "major"), veto("va", "sfj", "major"), veto("vc", "sfj", "news"), veto("vd", "gaj", "talk"), veto("ve", "gaj", "news"), veto("vf", "zfb", "news")]);
    // All score 10 of 10 (优秀 by points). 县司法局: lowest grade and 不得评为优秀 → 不合格.
    // 县公安局: not 良好 or above, and not 优秀 → 合格.  县政府办: only not 优秀 → 良好.
    expect(["sfj", "gaj", "zfb"].map((u) => [cardOf(cards, u).grade, cardOf(cards, u).vetoed])).toEqual([["不合格", true], ["合格", true], ["良好", true]]);
    expect(cardOf(cards, "sfj").lines.find((l) => l.id === "major")).toEqual({
      kind: "veto", id: "major", name: "重大执法过错", available: 0, earned: 0, state: "scored",
      adjustments: [{ reason: "一票否决：重大执法过错，直接定为不合格", reasonEn: "Veto: 重大执法过错", hundredths: 0, entries: ["va", "vb"] }],
      note: "直接定为不合格", noteEn: "lowest grade",
    });
  });
});

describe("a card is plain data: it comes back from JSON unchanged (no field set to undefined)", () => {
  it("indicator, limit and area rows without office, parent or area carry no such key", () => {
    const s = valid({
      total: 10, normalise: false, floor: { kind: "zero" },
      areas: [{ id: "a", name: "依法决策", points: 10 }, { id: "a1", name: "决策程序", points: 10, parent: "a" }],
      indicators: [item("x", "a1", 10, "决策失误", { floor: { kind: "none" } })],
    });
    const sfj = cardOf(cardsOf(s, [slip("sfj", "决策失误", 12)]), "sfj");
    // 10 − 12 = −2; the areas have no floor; the whole stops at 0 (its limit line gives back 2).
    expect(sfj.lines.map((l) => [l.kind, l.id, l.earned])).toEqual([["indicator", "x", -200], ["limit", "total", 200]]);
    expect(JSON.parse(JSON.stringify(sfj))).toStrictEqual(sfj);
  });
});
