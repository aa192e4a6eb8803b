// FAZHI_PROP_RUNS=N raises every property to at least N runs (test/support/runs.ts); fast-check's
// own default (100) applies to properties that name no number of runs.
import fc from "fast-check";
import { propRuns } from "./runs.js";

fc.configureGlobal({ numRuns: propRuns(100) });
