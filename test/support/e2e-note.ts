// npm test leaves the browser tests out (npm run test:e2e runs them): say so once, at the start of
// the run, so nobody takes a green npm test for a run of the browser tests.
import type { TestProject } from "vitest/node";

export default function setup(project: TestProject): void {
  if (project.vitest.projects.some((p) => p.name === "e2e")) return;
  console.log(
    "浏览器端到端测试（test/e2e，需要 Chromium）不在本次运行中：用 npm run test:e2e 运行（.ci/run 会运行）。\n" +
      "The browser end-to-end tests (test/e2e, need Chromium) are not in this run: npm run test:e2e runs them (.ci/run does).",
  );
}
