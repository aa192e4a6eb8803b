// @ts-check
// Mutation testing with StrykerJS (npm run mutate): how well the tests notice a small wrong edit
// in the code. Slow, so never part of npm test or CI. One folder at a time (FAZHI_MUTATE names it;
// scripts/mutate.mjs runs the folders one after another), each with its own incremental file,
// so that a run reuses what the last run of that folder found for code and tests left unchanged.
// The incremental files and reports stay local (reports/ is git-ignored): they copy every source
// and test file they cover and change with any edit.
//
// Survivors that no test can kill (the code behaves the same) are listed with a reason in
// test/mutation/EQUIVALENT.md.

/** The folders measured, with the score each must keep (--thresholds.break). */
export const SCOPES = {
  // src/scoring/criteria/** (the criteria-table reader) is another branch's, not on main yet.
  scoring: { mutate: ["src/scoring/**/*.ts", "!src/scoring/criteria/**"], goal: 90 },
  units: { mutate: ["src/units/**/*.ts"], goal: 85 },
  // The holiday table is data (from /work/shared/data/holiday-cn), not logic.
  schedule: { mutate: ["src/schedule/**/*.ts", "!src/schedule/holidays-cn.data.ts"], goal: 85 },
  ledger: { mutate: ["src/ledger/**/*.ts"], goal: 85 },
  export: { mutate: ["src/export/**/*.ts"], goal: 85 },
};

const name = process.env.FAZHI_MUTATE ?? "scoring";
const scope = SCOPES[/** @type {keyof typeof SCOPES} */ (name)];
if (scope === undefined) throw new Error(`FAZHI_MUTATE=${name}: expected one of ${Object.keys(SCOPES).join(", ")}`);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.ts" },
  coverageAnalysis: "perTest",
  mutate: scope.mutate,
  // Two runners at most: the machines this runs on have two cores, shared with other work.
  concurrency: 2,
  // A mutant that runs too long counts as killed (a timeout). On a loaded machine the default
  // (1.5 × the dry run + 5 s) mistakes slowness for an endless loop and restarts the runner, so
  // allow a minute; the report still lists timeouts apart from kills.
  timeoutMS: 60_000,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: scope.goal, low: scope.goal, break: scope.goal },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
