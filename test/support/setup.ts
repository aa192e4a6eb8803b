// How many runs a property gets in a quick `npm test`: 50, half of fast-check's own default, for
// properties that name no number of runs (others say theirs with propRuns(n)). Two cores run the
// whole suite in well under a minute this way; FAZHI_PROP_RUNS=N raises every property to at
// least N runs for a longer hunt (test/support/runs.ts), and CI raises it to 300 (.ci/run).
// The mutation run (test/support/fixed-seed.ts) keeps fast-check's 100.
import fc from "fast-check";
import { propRuns } from "./runs.js";

fc.configureGlobal({ numRuns: propRuns(50) });
