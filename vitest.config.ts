import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { requestedRuns } from "./test/support/runs.js";

export default defineConfig({
  test: {
    exclude: ["node_modules/**"],
    setupFiles: ["test/support/setup.ts"],
    // A longer run (FAZHI_PROP_RUNS) gives each test more time; no test asserts wall-clock time.
    testTimeout: requestedRuns() !== undefined ? 300_000 : 30_000,
    // Test files share their worker's module cache instead of each importing zod, fast-check and
    // the library afresh: this halves the CPU time of npm test. The code under test is pure (no
    // module state beyond bounded caches), and no test leaves a mock or a global behind.
    isolate: false,
    // Every core (vitest's default leaves one free): the CLI tests wait on child processes, and
    // another worker uses that time.
    maxWorkers: availableParallelism(),
    // A larger young generation: the properties allocate many short-lived values, and with V8's
    // default the workers spent about a tenth of their time collecting them.
    execArgv: ["--max-semi-space-size=64"],
    projects: [
      // test/model/zones.test.ts runs the date-sensitive files again under four time zones.
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["node_modules/**", "test/e2e/**"], globalSetup: ["test/support/e2e-note.ts"] } },
      // The browser tests: npm run test:e2e (.ci/run runs them after npm test). They use Debian's
      // Chromium, are skipped (saying why) on a machine without it, and fail under CI=true if it
      // is missing.
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"] } },
    ],
  },
});
