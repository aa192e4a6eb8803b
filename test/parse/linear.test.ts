// Small versions of the inputs `npm run bench` times from 10 KB to 10 MB (test/support/adversarial.ts):
// here they only have to finish and give a valid plan with spans inside the text; the benchmark holds
// the timing (no test asserts wall-clock time).
import { describe, expect, it } from "vitest";
import { Plan } from "../../src/model/plan.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { ADVERSARIAL, REAL } from "../support/adversarial.js";
import { requestedRuns } from "../support/runs.js";

/** 24 KB in a quick `npm test`; 1 MB when FAZHI_PROP_RUNS asks for a longer run (as CI does). */
const SIZE = requestedRuns() !== undefined ? 1 << 20 : 24 * 1024;

describe(`every input family (${SIZE >> 10} KB)`, () => {
  for (const [name, make] of [REAL, ...ADVERSARIAL]) {
    it(name, () => {
      const text = make(SIZE);
      const { plan, diagnostics } = parsePlanText(text);
      expect(Plan.safeParse(JSON.parse(JSON.stringify(plan))).success).toBe(true);
      expect(diagnostics.filter((d) => d.source !== undefined && d.source.end > text.length)).toEqual([]);
    });
  }
});
