// Grade bands at their edges: a band's minimum is reached at exactly that share of the available
// points (inclusive), and a hundredth below it is the next band — also when the scheme's points do
// not add up to 100, so that the share of the scheme's total, not the raw total, decides.
import { describe, expect, it } from "vitest";
import { scoreUnits } from "../../src/scoring/score.js";
import { ledgerOf, schemeOf, world } from "../support/small-world.js";

const w = world();
const gradeAt = (points: number, lost: number, normalise: boolean) => {
  const scheme = schemeOf([{ id: "i", name: "工作", points, methods: [{ kind: "incidents", tag: "x", per: 0.01 }] }], { normalise });
  const entries = lost === 0 ? [] : [{ id: "e", unitId: "sfj", date: "2024-06-01", kind: "incident", tag: "x", count: lost }];
  const card = scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme, ledger: ledgerOf(entries), asOf: w.asOf }).find((c) => c.unitId === "sfj")!;
  return [card.total, card.grade];
};

describe("grade bands are inclusive at their minimum, to the hundredth", () => {
  it("out of 100: 90 is 优秀, 89.99 良好, 80 良好, 79.99 合格, 60 合格, 59.99 不合格", () => {
    expect([1000, 1001, 2000, 2001, 4000, 4001].map((lost) => gradeAt(100, lost, false))).toEqual([
      [9000, "优秀"],
      [8999, "良好"],
      [8000, "良好"],
      [7999, "合格"],
      [6000, "合格"],
      [5999, "不合格"],
    ]);
  });

  it("out of 50, not normalised: 45 (90 %) is 优秀 and 44.99 良好", () => {
    expect([500, 501].map((lost) => gradeAt(50, lost, false))).toEqual([
      [4500, "优秀"],
      [4499, "良好"],
    ]);
  });

  it("out of 50, normalised (earned / available × 50, every item applying): the same edge", () => {
    expect([500, 501].map((lost) => gradeAt(50, lost, true))).toEqual([
      [4500, "优秀"],
      [4499, "良好"],
    ]);
  });
});

// Four units (sfj, gaj, zfb, xwb); each loses `lost[unit]` points; grades 优秀 90 / 良好 80 / 合格 60.
const cardsFor = (lost: Record<string, number>, extra: Record<string, unknown>, more: unknown[] = []) => {
  const bands = (extra.grades as unknown) ?? [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }];
  const scheme = schemeOf([{ id: "i", name: "工作", points: 100, methods: [{ kind: "incidents", tag: "x", per: 1 }] }], { normalise: false, ...extra, grades: bands });
  const entries = Object.entries(lost).filter(([, n]) => n > 0).map(([unitId, count]) => ({ id: `l-${unitId}`, unitId, date: "2024-06-01", kind: "incident", tag: "x", count }));
  return scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme, ledger: ledgerOf([...entries, ...more]), asOf: w.asOf }).map((c) => [c.unitId, c.total, c.rank, c.grade]);
};
const veto = (unitId: string, vetoId: string) => ({ id: `v-${unitId}`, unitId, date: "2024-06-01", kind: "veto", vetoId });

describe("ranks: equal totals share a rank and keep the roster's order", () => {
  it("all four equal: rank 1 each, in roster order; then one below: the next rank counts the tied units", () => {
    expect(cardsFor({}, {})).toEqual([
      ["sfj", 10000, 1, "优秀"],
      ["gaj", 10000, 1, "优秀"],
      ["zfb", 10000, 1, "优秀"],
      ["xwb", 10000, 1, "优秀"],
    ]);
    expect(cardsFor({ sfj: 3 }, {}).map((c) => [c[0], c[2]])).toEqual([
      ["gaj", 1],
      ["zfb", 1],
      ["xwb", 1],
      ["sfj", 4],
    ]);
  });
});

describe("a veto that names a grade puts the unit below it, and never raises it", () => {
  const vetoes = { vetoes: [{ id: "v", name: "较大过错", below: "良好" }, { id: "w", name: "不得评为合格", below: "合格" }] };

  it("below 良好: 95 and 85 become 合格; 70 stays 合格; 50 stays 不合格", () => {
    const grade = (lost: number) => cardsFor({ sfj: lost }, vetoes, [veto("sfj", "v")]).find((c) => c[0] === "sfj")![3];
    expect([5, 15, 30, 50].map(grade)).toEqual(["合格", "合格", "合格", "不合格"]);
  });

  it("below 优秀: a unit two bands lower stays there (合格, not raised to 良好)", () => {
    const top = { vetoes: [{ id: "t", name: "不得评为优秀", below: "优秀" }] };
    const grade = (lost: number) => cardsFor({ sfj: lost }, top, [veto("sfj", "t")]).find((c) => c[0] === "sfj")![3];
    expect([5, 15, 30, 50].map(grade)).toEqual(["良好", "良好", "合格", "不合格"]);
  });

  it("below the last band: the lowest grade", () => {
    const grade = (lost: number) => cardsFor({ sfj: lost }, vetoes, [veto("sfj", "w")]).find((c) => c[0] === "sfj")![3];
    expect([5, 30].map(grade)).toEqual(["不合格", "不合格"]);
  });
});

describe("quotas (maxShare) over 4 assessed units: 25 % is one unit", () => {
  const top = [{ name: "优秀", min: 90, maxShare: 25 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }];

  it("a tie crossing the line moves down whole by default (all_down), and stays whole with all_in", () => {
    const lost = { sfj: 5, gaj: 5, zfb: 15, xwb: 15 };
    expect(cardsFor(lost, { grades: top })).toEqual([
      ["sfj", 9500, 1, "良好"],
      ["gaj", 9500, 1, "良好"],
      ["zfb", 8500, 3, "良好"],
      ["xwb", 8500, 3, "良好"],
    ]);
    expect(cardsFor(lost, { grades: top, quotaTies: "all_in" }).map((c) => c[3])).toEqual(["优秀", "优秀", "良好", "良好"]);
  });

  it("with the quota already full, a tie below it moves down even under all_in", () => {
    const lost = { sfj: 2, gaj: 5, zfb: 5, xwb: 15 };
    expect(cardsFor(lost, { grades: top, quotaTies: "all_in" }).map((c) => [c[0], c[3]])).toEqual([
      ["sfj", "优秀"],
      ["gaj", "良好"],
      ["zfb", "良好"],
      ["xwb", "良好"],
    ]);
    expect(cardsFor(lost, { grades: top }).map((c) => c[3])).toEqual(["优秀", "良好", "良好", "良好"]);
  });

  it("distinct totals fill a quota one by one: 75 % of 4 keeps three 优秀 and moves the fourth down", () => {
    const three = [{ name: "优秀", min: 90, maxShare: 75 }, { name: "良好", min: 80 }];
    expect(cardsFor({ sfj: 2, gaj: 5, zfb: 7, xwb: 9 }, { grades: three }).map((c) => c[3])).toEqual(["优秀", "优秀", "优秀", "良好"]);
  });

  it("a quota on the last band moves the rest to the lowest grade; one unit under the quota keeps its band", () => {
    const last = [{ name: "优秀", min: 90 }, { name: "合格", min: 60, maxShare: 50 }];
    expect(cardsFor({ sfj: 30, gaj: 31, zfb: 32, xwb: 33 }, { grades: last }).map((c) => [c[0], c[3]])).toEqual([
      ["sfj", "合格"],
      ["gaj", "合格"],
      ["zfb", "不合格"],
      ["xwb", "不合格"],
    ]);
  });
});
