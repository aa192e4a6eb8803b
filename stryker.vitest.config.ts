// The test run StrykerJS measures mutants with (npm run mutate; see stryker.config.mjs): the
// unit project of vitest.config.ts, without what cannot see a mutant or needs a browser.
//
// - test/model/zones.test.ts (the date files again under other zones) is in no scope's folder:
//   it matters for portability, not for whether a test notices a changed line.
// - test/cli/process.test.ts runs the command in child processes, which load the sources without
//   Stryker's active mutant; test/e2e needs Chromium.
// - Each scope (FAZHI_MUTATE, as in stryker.config.mjs) runs its own folder of tests: test/scoring
//   for src/scoring and so on. A mutant that only another folder's tests would notice counts as
//   surviving, so the score is a lower bound. It keeps a run within reach on two shared cores.
//   The tests build their fixtures inside the tests (test/support/lazy.ts), so that StrykerJS
//   charges each test with the code it runs instead of counting it as "static".
// - Files run cheapest first: examples before properties (*.prop.test.ts), a file that just failed
//   first of all. StrykerJS stops at the first failing test (bail), so a mutant an example test
//   kills costs that test, not the properties vitest's own order (longest first) would run before
//   it. Only a survivor runs every test that covers it.
// - Each file runs in its own module scope (isolate: true, unlike npm test): vitest imports every
//   file of a batch before running any of them, so without isolation a mutant killed by the first
//   file still paid for importing all the others.
// - Properties run with a fixed seed (test/support/fixed-seed.ts), so that a mutant is killed or
//   survives the same way on every run, and an incremental run can reuse the result.
import { relative } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import base from "./vitest.config.js";

class CheapFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const failed = (f: TestSpecification) => (this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`)?.failed ? 0 : 1);
    const prop = (f: TestSpecification) => (f.moduleId.endsWith(".prop.test.ts") ? 1 : 0);
    return [...files].sort((a, b) => failed(a) - failed(b) || prop(a) - prop(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

// execArgv (--max-semi-space-size, for npm test's forked workers) is left out: StrykerJS runs
// vitest in worker threads, which refuse that flag (ERR_WORKER_INVALID_EXEC_ARGV), and every test
// file then fails to start.
const { projects: _projects, execArgv: _execArgv, ...test } = base.test ?? {};
const scope = process.env.FAZHI_MUTATE ?? "scoring";

export default mergeConfig(
  { ...base, test },
  defineConfig({
    test: {
      include: [`test/${scope}/**/*.test.ts`],
      exclude: ["node_modules/**", "test/e2e/**", "test/cli/process.test.ts"],
      setupFiles: ["test/support/fixed-seed.ts"],
      sequence: { sequencer: CheapFirst },
      isolate: true,
    },
  }),
);
