import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { planCoverage } from "../../src/compare/coverage.js";
import { diffPlans } from "../../src/compare/diff.js";
import { renderCoverage, renderPlanDiff } from "../../src/export/compare-report.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { BROWSER, FLAGS, hasTools, openPage } from "../support/browser.js";
import { seedText } from "../support/seed.js";

// Opens the diff and coverage pages in real headless Chromium, like report.e2e.test.ts: skipped on
// a machine without a browser, failing under CI=true.
const READY = hasTools("the comparison pages' browser test", { chromium: BROWSER });
const OUT = new URL("../../test-output/", import.meta.url).pathname;

const previous = parsePlanText(seedText(), { id: "wuzhi-2024" }).plan;
const nextText = seedText()
  .replaceAll("2024", "2025")
  .replace("在6月底前完成", "在9月底前完成")
  .replace("牵头单位：县委编办\n", "牵头单位：<script>window.__pwned=1</script>\n");
const next = parsePlanText(nextText, { id: "wuzhi-2025" }).plan;

describe.skipIf(!READY)("the comparison pages in headless Chromium", () => {
  it("open without console errors or requests; the diff expands, the coverage lists every task", async () => {
    mkdirSync(OUT, { recursive: true });
    const diffFile = join(OUT, "diff.html");
    const coverageFile = join(OUT, "coverage.html");
    writeFileSync(diffFile, renderPlanDiff(diffPlans(previous, next)));
    writeFileSync(coverageFile, renderCoverage(planCoverage(previous, next)));
    const browser = await chromium.launch({ executablePath: BROWSER as string, args: FLAGS });
    try {
      const { page, errors, requests } = await openPage(browser, diffFile);
      expect(await page.locator("#pairs tr.change").count()).toBe(3);
      expect(await page.locator("#same-pairs tr.same").count()).toBe(32);
      expect(await page.locator("#same-pairs").isVisible()).toBe(false);
      const reworded = page.locator("#pairs tr.change details").first();
      await reworded.locator("summary").click();
      expect(await reworded.locator("ins").first().isVisible()).toBe(true);
      expect(await page.locator("body").innerText()).toContain("<script>window.__pwned=1</script>");
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await page.screenshot({ path: join(OUT, "diff.png"), fullPage: true });
      await page.goto(pathToFileURL(coverageFile).href);
      expect(await page.locator("#items tr.taken").count()).toBe(35);
      expect(await page.locator("#items .taker .bar").first().isVisible()).toBe(true);
      await page.screenshot({ path: join(OUT, "coverage.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
