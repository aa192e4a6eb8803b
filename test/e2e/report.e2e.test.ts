import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/export/report.js";
import { buildBulletin } from "../../src/ledger/bulletin.js";
import { readLedger } from "../../src/ledger/ledger.js";
import { occurrenceStatus } from "../../src/ledger/status.js";
import { IsoDate } from "../../src/model/dates.js";
import { ScoringScheme } from "../../src/model/scoring.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { seedRoster } from "../support/rosters.js";
import { seedJson, seedText } from "../support/seed.js";

// Opens the HTML report in real headless Chromium (Debian's chromium; .ci/run installs it).
// Without a browser the test is skipped on a developer machine, but fails under CI=true.
const BROWSER = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const OUT = new URL("../../test-output/", import.meta.url).pathname;
if (BROWSER === undefined && process.env.CI === "true") throw new Error("CI needs Chromium for the report test: apt-get install -y chromium");

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const reportOf = (unitName?: string) => {
  const { plan } = parsePlanText(seedText(), { id: "wuzhi-2024" });
  const roster = structuredClone(seedRoster());
  if (unitName !== undefined) Object.assign(roster.units[0]!, { name: unitName, aliases: ["县委编办"] });
  const matrix = buildMatrix(plan, roster);
  const occurrences = expandSchedule(plan, { matrix });
  const asOf = IsoDate.parse("2025-01-15");
  const ledger = readLedger(seedJson("wuzhi-2024.ledger.sample.json"));
  if (!ledger.ok) throw new Error("sample ledger");
  const scheme = ScoringScheme.parse(seedJson("wuzhi-2024.scheme.json"));
  return renderReport({
    plan,
    matrix,
    occurrences,
    statuses: occurrenceStatus(occurrences, ledger.value, asOf),
    bulletin: buildBulletin(plan, matrix, occurrences, ledger.value, asOf),
    cards: scoreUnits({ plan, roster, matrix, scheme, ledger: ledger.value, asOf }),
    asOf,
    generatedOn: asOf,
  });
};

describe.skipIf(BROWSER === undefined)("the HTML report in headless Chromium", () => {
  it("opens without console errors or requests, shows 35 tasks, the matrix, the timeline and the scores", async () => {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, "report.html");
    writeFileSync(file, reportOf());
    const browser = await chromium.launch({ executablePath: BROWSER as string, args: FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator("tr[data-task]").count()).toBe(35);
      expect(await page.locator("#matrix rect.cell").count()).toBeGreaterThan(500);
      expect(await page.locator("#matrix rect.cell[data-role=lead]").count()).toBeGreaterThan(0);
      expect(await page.locator("#timeline circle.occ").count()).toBeGreaterThan(5);
      expect(await page.locator("#scores tr.score").count()).toBe(32);
      expect(await page.locator("#bulletin pre").innerText()).toContain("工作进展通报");
      await page.locator("#scores summary").first().click();
      expect(await page.locator("#scores details[open] pre").innerText()).toContain("合计：");
      await page.screenshot({ path: join(OUT, "report.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("shows a unit named <script>…</script> as text and runs nothing", async () => {
    const file = join(OUT, "report-escaping.html");
    writeFileSync(file, reportOf('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'));
    const browser = await chromium.launch({ executablePath: BROWSER as string, args: FLAGS });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator("body").innerText()).toContain("<script>window.__pwned = 1</script>");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
