// Floors for alignPlans against known pairs (floors only go up). The figures themselves are
// printed by `npm run corpus:compare`.
import { describe, expect, it } from "vitest";
import { HEAVY_RATES } from "./support/edits.js";
import { type Tally, ZERO, add, constructedResults, corpusResults, precision, recall } from "./support/evaluate.js";
import { seedPlan } from "./support/plans.js";

const total = (ts: ReadonlyArray<{ tally: Tally }>) => ts.reduce((x, r) => add(x, r.tally), ZERO);

describe("alignPlans against known pairs", () => {
  it("the corpus's pair goldens, with the plans read by parsePlanText", () => {
    const t = total(corpusResults("parser"));
    expect(precision(t)).toBeGreaterThanOrEqual(1);
    expect(recall(t)).toBeGreaterThanOrEqual(7 / 9);
  });

  it("the corpus's pair goldens, with the plans cut at the golden's task titles (alignment alone)", () => {
    const t = total(corpusResults("golden"));
    expect(precision(t)).toBeGreaterThanOrEqual(1);
    expect(recall(t)).toBeGreaterThanOrEqual(7 / 9);
  });

  it("the seed against 20 edited versions of itself (renumbered, moved, reworded, split, merged, deleted, added)", () => {
    const t = total(constructedResults(seedPlan(), 20));
    expect(precision(t)).toBeGreaterThanOrEqual(0.99);
    expect(recall(t)).toBeGreaterThanOrEqual(0.99);
  });

  it("the seed against 20 heavily edited versions (most rewordings replace half of the sentences)", () => {
    const t = total(constructedResults(seedPlan(), 20, HEAVY_RATES));
    expect(precision(t)).toBeGreaterThanOrEqual(0.99);
    expect(recall(t)).toBeGreaterThanOrEqual(0.87);
  });
});
