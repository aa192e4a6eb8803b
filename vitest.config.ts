import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // test/e2e runs too: it uses Debian's Chromium, is skipped on a machine without it, and
    // fails under CI=true if it is missing (.ci/run installs it).
    include: ["test/**/*.test.ts"],
    exclude: ["node_modules/**"],
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 30_000,
  },
});
