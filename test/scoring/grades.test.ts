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
