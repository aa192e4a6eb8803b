import { defineConfig } from "vitest/config";
import { requestedRuns } from "./test/support/runs.js";

/**
 * Dates must not depend on the host's time zone, so the date-sensitive files run again under
 * zones that are far apart or skipped whole days (Kiritimati has no 1994-12-31, Apia no
 * 2011-12-30). They run as projects of the same `vitest run`, in parallel with the rest, rather
 * than as four more vitest processes; test/model/tz.test.ts fails if a zone did not take effect.
 */
export const TZ_ZONES = ["America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati", "Pacific/Apia"] as const;
const TZ_FILES = ["test/model/dates.test.ts", "test/model/dates.prop.test.ts", "test/model/tz.test.ts", "test/schedule/**/*.test.ts"];

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
    projects: [
      // test/e2e runs too: it uses Debian's Chromium, is skipped (saying why) on a machine
      // without it, and fails under CI=true if it is missing (.ci/run installs it).
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"] } },
      ...TZ_ZONES.map((zone) => ({
        extends: true as const,
        test: { name: `TZ=${zone}`, include: TZ_FILES, env: { TZ: zone, FAZHI_EXPECT_TZ: zone } },
      })),
    ],
  },
});
