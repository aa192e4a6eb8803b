// A capped bonus or penalty says it was capped, and only then: at exactly the cap there is no
// note and nothing "over the cap"; a hundredth over, the note names the cap that bit (the
// category's, the group's or the overall one) and the excess is shown as not counted.
import { describe, expect, it } from "vitest";
import type { ScoreCard } from "../../src/model/scoring.js";
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
