// The criteria reader on the real tables of test/corpus/criteria: the totals may only go up.
// `npm run corpus:criteria -- --verbose` prints every table and every miss.
import { describe, expect, it } from "vitest";
import { measureCorpus, totalsOf } from "../../support/criteria-corpus.js";

/** Floors: raise them when the reader improves; never lower them. */
const FLOORS = { tables: 13, items: 125, itemsFound: 125, pointsMatch: 125, levelMatch: 125, phrases: 167, phrasesExact: 166 };
/** Phrases reported as not understood may only go down (the corpus has 22 phrases no rule should read). */
const MAX_UNREAD = 22;

describe("criteria corpus", () => {
  const results = measureCorpus();
  const totals = totalsOf(results);

  it("reads the items, their points and levels, and the phrases, at or above the floors", () => {
    expect(totals.tables).toBe(FLOORS.tables);
    expect(totals.items).toBe(FLOORS.items);
    expect(totals.phrases).toBe(FLOORS.phrases);
    expect(totals.itemsFound).toBeGreaterThanOrEqual(FLOORS.itemsFound);
    expect(totals.pointsMatch).toBeGreaterThanOrEqual(FLOORS.pointsMatch);
    expect(totals.levelMatch).toBeGreaterThanOrEqual(FLOORS.levelMatch);
    expect(totals.phrasesExact).toBeGreaterThanOrEqual(FLOORS.phrasesExact);
    expect(totals.unread).toBeLessThanOrEqual(MAX_UNREAD);
  });

  it("never reads a golden 'other' phrase as one of the golden's own kinds (a rule it should have reported)", () => {
    const misread = results.flatMap((r) => r.phrases.filter((p) => p.golden.kind === "other" && p.read?.kind !== undefined && !p.exact).map((p) => `${r.id}: ${p.golden.text}`));
    expect(misread).toEqual([]);
  });
});
