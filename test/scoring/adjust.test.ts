// Adjustments (加减分) line by line: which awards count (once per award document, not again after
// an earlier year, only with evidence when the category asks for it), the other tiers of one
// award document at the group's share, penalties per count, and the caps of the category, the
// group and the whole — each line with its Chinese and English reasons and notes, exactly.
import { describe, expect, it } from "vitest";
import { type ScoreCard, ScoringScheme } from "../../src/model/scoring.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readScheme } from "../../src/scoring/validate-scheme.js";
import { ledgerOf, world } from "../support/small-world.js";

const w = world();
const scheme = (adjustments: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const r = readScheme(
    {
      id: "adj", title: "加减分", total: 10, normalise: false,
      areas: [{ id: "a", name: "甲", points: 10 }],
      indicators: [{ id: "i", name: "工作", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "失误", per: 1 }] }],
      adjustments,
      grades: [{ name: "优秀", min: 90 }], lowestGrade: "不合格",
      ...extra,
    },
    { plan: w.plan, roster: w.roster },
  );
  if (!r.ok) throw new Error(r.issues.map((d) => `${d.path.join(".")} ${d.message}`).join("\n"));
  return r.value;
};
const sfj = (adjustments: Record<string, unknown>, entries: unknown[], extra: Record<string, unknown> = {}): ScoreCard =>
  scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme: scheme(adjustments, extra), ledger: ledgerOf(entries), asOf: w.asOf }).find((c) => c.unitId === "sfj")!;
const adjustmentLines = (c: ScoreCard) => c.lines.filter((l) => l.kind === "bonus" || l.kind === "penalty");
const award = (id: string, category: string, awardId: string | undefined, extra: Record<string, unknown> = {}) => ({ id, unitId: "sfj", date: "2024-05-01", kind: "award", category, ...(awardId === undefined ? {} : { awardId }), ...extra });
const evidence = { evidence: [{ title: "表彰文件" }] };
const line = (kind: string, id: string, name: string, earned: number, adjustments: unknown[], extra: Record<string, unknown> = {}) => ({ kind, id, name, available: 0, earned, state: "scored", adjustments, ...extra });
const item = (reason: string, reasonEn: string, hundredths: number, entries: string[]) => ({ reason, reasonEn, hundredths, entries });

describe("bonuses: which awards count", () => {
  it("one award document counts once; one credited in an earlier year and one without evidence add nothing, and say why", () => {
    const c = sfj({ categories: [{ id: "prov", name: "省级表彰", per: 1.25, requiresEvidence: true }] }, [
      award("a0", "prov", "P0", { date: "2023-04-01", ...evidence }),
      award("a1", "prov", "P1", evidence),
      award("a2", "prov", "P1", { date: "2024-06-01", ...evidence }),
      award("a3", "prov", "P2"),
      award("a4", "prov", "P3", { evidence: [] }),
      award("a5", "prov", "P0", evidence),
      award("a6", "prov", undefined, evidence),
    ]);
    expect(adjustmentLines(c)).toEqual([
      line("bonus", "prov", "省级表彰", 250, [
        item("获得“省级表彰”", "省级表彰: +1.25", -125, ["a1"]),
        item("获得“省级表彰”", "省级表彰: +1.25", -125, ["a6"]),
        item("“省级表彰”没有表彰文件等佐证，不加分", '"省级表彰" has no evidence: no bonus', 0, ["a3"]),
        item("“省级表彰”没有表彰文件等佐证，不加分", '"省级表彰" has no evidence: no bonus', 0, ["a4"]),
        item("“省级表彰”已在以前年度加过分，不重复加分", '"省级表彰" was credited in an earlier year', 0, ["a5"]),
      ]),
    ]);
    expect(c.total).toBe(1250);
  });

  it("without requiresEvidence an award without evidence counts; a category nobody was awarded has no line", () => {
    const c = sfj({ categories: [{ id: "city", name: "市级表彰", per: 0.57 }, { id: "prov", name: "省级表彰", per: 1.25 }] }, [award("a1", "city", "C1")]);
    expect(adjustmentLines(c)).toEqual([line("bonus", "city", "市级表彰", 57, [item("获得“市级表彰”", "市级表彰: +0.57", -57, ["a1"])])]);
  });

  it("the other tiers of one award document count at the group's share (rounded by the scheme), the highest in full", () => {
    const groups = [{ id: "h", name: "表彰类", othersShare: 50 }];
    const categories = [
      { id: "city", name: "市级表彰", per: 0.57, group: "h" },
      { id: "nat", name: "国家级表彰", per: 2.25, group: "h" },
      { id: "prov", name: "省级表彰", per: 1.25, group: "h" },
    ];
    const entries = [award("a1", "city", "N1"), award("a2", "nat", "N1"), award("a3", "prov", "N1"), award("a4", "prov", "N2")];
    const up = sfj({ groups, categories }, entries);
    // 国家级 2.25 in full; 市级 0.57 × 50% = 0.285 → 0.29 (half up); 省级 N1 1.25 × 50% = 0.625 → 0.63; 省级 N2 in full.
    expect(adjustmentLines(up)).toEqual([
      line("bonus", "city", "市级表彰", 29, [item("获得“市级表彰”（同一表彰的其他层次，按50%计）", "市级表彰 (another tier of the same award, at 50%): +0.29", -29, ["a1"])]),
      line("bonus", "nat", "国家级表彰", 225, [item("获得“国家级表彰”", "国家级表彰: +2.25", -225, ["a2"])]),
      line("bonus", "prov", "省级表彰", 188, [
        item("获得“省级表彰”（同一表彰的其他层次，按50%计）", "省级表彰 (another tier of the same award, at 50%): +0.63", -63, ["a3"]),
        item("获得“省级表彰”", "省级表彰: +1.25", -125, ["a4"]),
      ]),
    ]);
    // Rounded down instead: 0.28 and 0.62.
    const down = sfj({ groups, categories }, entries, { rounding: "down" });
    expect(adjustmentLines(down).map((l) => l.earned)).toEqual([28, 225, 187]);
  });

  it("two categories of one document with equal points: the earlier category counts in full", () => {
    const groups = [{ id: "h", name: "表彰类", othersShare: 40 }];
    const categories = [{ id: "x", name: "甲类", per: 2, group: "h" }, { id: "y", name: "乙类", per: 2, group: "h" }];
    const c = sfj({ groups, categories }, [award("b1", "y", "D"), award("a1", "x", "D")]);
    expect(adjustmentLines(c).map((l) => [l.id, l.earned])).toEqual([["x", 200], ["y", 80]]);
  });

  it("awards are taken by date, then id, whatever the ledger's order: the earlier report of one document is the one listed", () => {
    const c = sfj({ categories: [{ id: "prov", name: "省级表彰", per: 1 }] }, [award("b", "prov", "B", { date: "2024-07-01" }), award("a2", "prov", "A", { date: "2024-06-01" }), award("a1", "prov", "A", { date: "2024-06-01" }), award("c", "prov", "C", { date: "2024-02-01" })]);
    expect(adjustmentLines(c)[0]!.adjustments.map((a) => a.entries)).toEqual([["c"], ["a1"], ["b"]]);
  });

  it("awards that name no document are not tiers of one document: each counts in full", () => {
    const c = sfj({ groups: [{ id: "h", name: "表彰类", othersShare: 50 }], categories: [{ id: "x", name: "甲类", per: 2, group: "h" }, { id: "y", name: "乙类", per: 1, group: "h" }] }, [award("a1", "x", undefined), award("a2", "y", undefined)]);
    expect(adjustmentLines(c).map((l) => [l.id, l.earned])).toEqual([["x", 200], ["y", 100]]);
  });

  it("a group without othersShare counts every tier in full", () => {
    const c = sfj({ groups: [{ id: "h", name: "表彰类" }], categories: [{ id: "x", name: "甲类", per: 2, group: "h" }, { id: "y", name: "乙类", per: 1, group: "h" }] }, [award("a1", "x", "D"), award("a2", "y", "D")]);
    expect(adjustmentLines(c).map((l) => [l.id, l.earned, l.note])).toEqual([["x", 200, undefined], ["y", 100, undefined]]);
  });
});

describe("penalties and caps", () => {
  it("a penalty per count: n × per, said with the count; one time said as 一次; capped over all penalties", () => {
    const c = sfj({ penaltyCap: 1, categories: [{ id: "pen", name: "被通报批评", sign: "penalty", per: 0.29 }] }, [
      { id: "p1", unitId: "sfj", date: "2024-03-01", kind: "incident", tag: "pen", count: 3 },
      { id: "p2", unitId: "sfj", date: "2024-04-01", kind: "incident", tag: "pen" },
    ]);
    // 3 × 0.29 + 0.29 = 1.16 → at most 1: 0.16 not counted.
    expect(adjustmentLines(c)).toEqual([
      line("penalty", "pen", "被通报批评", -100, [
        item("“被通报批评”3次，每次扣0.29分", "被通报批评: −0.87", 87, ["p1"]),
        item("“被通报批评”一次", "被通报批评: −0.29", 29, ["p2"]),
        item("超出上限的0.16分不计", "0.16 over the cap not counted", -16, []),
      ], { note: "减分合计最多1分，已封顶", noteEn: "capped at 1 in all" }),
    ]);
    expect(c.total).toBe(900);
  });

  it("penalties are listed by date, then id, whatever the ledger's order", () => {
    const c = sfj({ categories: [{ id: "pen", name: "被通报批评", sign: "penalty", per: 0.29 }] }, [
      { id: "p2", unitId: "sfj", date: "2024-04-01", kind: "incident", tag: "pen" },
      { id: "p3", unitId: "sfj", date: "2024-03-01", kind: "incident", tag: "pen" },
      { id: "p1", unitId: "sfj", date: "2024-04-01", kind: "incident", tag: "pen" },
    ]);
    expect(adjustmentLines(c)[0]!.adjustments.map((a) => a.entries[0])).toEqual(["p3", "p1", "p2"]);
  });

  it("category, group and overall caps on one line: every cap that bit is named, in that order", () => {
    const c = sfj(
      { cap: 1, groups: [{ id: "h", name: "表彰类", cap: 2 }], categories: [{ id: "prov", name: "省级表彰", per: 1.25, cap: 2.5, group: "h" }] },
      [award("a1", "prov", "P1"), award("a2", "prov", "P2"), award("a3", "prov", "P3")],
    );
    // 3 × 1.25 = 3.75 → category 2.5 → group 2 → overall 1: 2.75 not counted.
    expect(adjustmentLines(c)).toEqual([
      line("bonus", "prov", "省级表彰", 100, [
        item("获得“省级表彰”", "省级表彰: +1.25", -125, ["a1"]),
        item("获得“省级表彰”", "省级表彰: +1.25", -125, ["a2"]),
        item("获得“省级表彰”", "省级表彰: +1.25", -125, ["a3"]),
        item("超出上限的2.75分不计", "2.75 over the cap not counted", 275, []),
      ], { note: "本类最多2.5分，已封顶；表彰类合计最多2分，已封顶；加分合计最多1分，已封顶", noteEn: "capped at 2.5 for the category; capped at 2 for 表彰类; capped at 1 in all" }),
    ]);
  });

  it("bonus and penalty caps are kept apart: a penalty does not use up the bonus cap", () => {
    const c = sfj({ cap: 2, penaltyCap: 2, categories: [{ id: "pen", name: "被约谈", sign: "penalty", per: 1.5 }, { id: "prov", name: "省级表彰", per: 1.5 }] }, [
      { id: "p1", unitId: "sfj", date: "2024-03-01", kind: "incident", tag: "pen" },
      award("a1", "prov", "P1"),
    ]);
    expect(adjustmentLines(c).map((l) => [l.id, l.earned, l.note])).toEqual([["pen", -150, undefined], ["prov", 150, undefined]]);
  });

  it("an inside adjustment names its area; one for the whole and an outside one have none", () => {
    const categories = [{ id: "in", name: "附加项", per: 0.5, stage: "inside", area: "a" }, { id: "whole", name: "附加项二", per: 0.25, stage: "inside" }, { id: "out", name: "附加项三", per: 0.75 }];
    const c = sfj({ categories }, [award("a1", "in", "I"), award("a2", "whole", "W"), award("a3", "out", "O")]);
    expect(adjustmentLines(c).map((l) => [l.id, l.area, l.earned])).toEqual([["in", "a", 50], ["whole", undefined, 25], ["out", undefined, 75]]);
  });

  it("an outside category that names an area anyway (a scheme not checked by readScheme) still counts after normalisation, outside the area", () => {
    const base = scheme({ categories: [{ id: "x", name: "附加项", per: 0.5 }] });
    const unchecked = ScoringScheme.parse({ ...base, adjustments: { categories: [{ id: "x", name: "附加项", per: 0.5, area: "a" }] } });
    const c = scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme: unchecked, ledger: ledgerOf([award("a1", "x", "X")]), asOf: w.asOf }).find((u) => u.unitId === "sfj")!;
    expect(adjustmentLines(c).map((l) => [l.id, l.area, l.earned])).toEqual([["x", undefined, 50]]);
    expect(c.areas).toEqual([{ id: "a", name: "甲", available: 1000, earned: 1000 }]);
  });
});
