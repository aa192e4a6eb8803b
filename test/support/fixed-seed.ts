// For the mutation run only (stryker.vitest.config.ts): a fixed fast-check seed, so that every
// property sees the same inputs on every run and a mutant's result does not depend on chance; and
// at least fast-check's default of 100 runs for properties that name no number (npm test's quick
// default is 50: test/support/setup.ts), as the scores in test/mutation/SCORES.md were measured.
import fc from "fast-check";

const global = fc.readConfigureGlobal();
fc.configureGlobal({ ...global, seed: 20240101, numRuns: Math.max(global.numRuns ?? 100, 100) });
