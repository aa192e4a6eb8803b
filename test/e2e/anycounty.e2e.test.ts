// Other counties' real documents through the built `fazhi report`, with no roster, as a new user
// runs it on day one: the command exits 0, infers a roster (said on stderr), and the HTML report, in
// headless Chromium, shows every task the document has (as its hand-made golden counts them), every
// unit of the inferred roster (written by the built `fazhi roster`), the matrix and the timeline.
// Skipped, saying why, without Chromium (apt-get install -y chromium fonts-noto-cjk); failing under CI=true.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandSchedule } from "../../src/schedule/expand.js";
import type { Plan } from "../../src/model/plan.js";
import { BROWSER, FLAGS, hasTools } from "../support/browser.js";
import { builtCli, runCli as run } from "../support/built-cli.js";

const READY = hasTools("the any-county report test", { chromium: BROWSER });
const CORPUS = new URL("../corpus/plans/", import.meta.url).pathname;
const SHOTS = new URL("../../test-output/", import.meta.url).pathname;

/**
 * Documents of other places (four counties: 德清, 房县 and two XX县; three cities: two XX市 and 沈阳), each with units and dated obligations,
 * whose tasks the parser reads as their goldens count them.
 */
const DOCS = ["deqing-2022-zwgk-yaodian", "fangxian-2023-cuoshi", "xxxian-2022-jihua", "xxxian-20xx-yifa", "xxshi-20xx-yifa-g3", "xxshi-20xx-yifa-f", "shenyang-20xx-yifa"];

// Inside the package (.tmp/ is git-ignored), so the built file finds its dependencies in node_modules.
mkdirSync(".tmp", { recursive: true });
const dir = resolve(mkdtempSync(".tmp/e2e-anycounty-"));
let cli = "";

interface Ran {
  readonly report: { code: number | null; stdout: string; stderr: string };
  readonly out: string;
  readonly plan: Plan;
  readonly units: readonly string[];
  readonly goldenTasks: number;
}
const ran = new Map<string, Ran>();

describe.skipIf(!READY)("fazhi report on other counties' documents, no roster: the report in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    cli = await builtCli();
    const started = chromium.launch({ executablePath: BROWSER as string, args: FLAGS });
    await Promise.all(
      DOCS.map(async (doc) => {
        // The document as a user saves it: the text alone (the corpus file's header is its source), under a name of their choosing.
        const raw = readFileSync(join(CORPUS, `${doc}.txt`), "utf8");
        const file = join(dir, `${doc}.txt`);
        writeFileSync(file, raw.slice(raw.indexOf("\n----\n") + 6));
        const out = join(dir, `out-${doc}`);
        const [report, roster] = await Promise.all([run(cli, ["report", file, "--out", out]), run(cli, ["roster", file])]);
        const units = roster.code === 0 ? (JSON.parse(roster.stdout) as { units: Array<{ name: string }> }).units.map((u) => u.name) : [];
        const plan = report.code === 0 ? (JSON.parse(readFileSync(join(out, "plan.json"), "utf8")) as Plan) : ({ sections: [] } as unknown as Plan);
        const goldenTasks = (JSON.parse(readFileSync(join(CORPUS, `${doc}.golden.json`), "utf8")) as { tasks: unknown[] }).tasks.length;
        ran.set(doc, { report, out, plan, units, goldenTasks });
      }),
    );
    browser = await started;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(DOCS)("%s: exit 0, a roster inferred and said; every task, every unit, the matrix and the timeline", async (doc) => {
    const r = ran.get(doc) as Ran;
    expect(r.report.code, r.report.stderr).toBe(0);
    expect(r.report.stderr).toMatch(/未给出 --roster：已按公文推断单位名录[^\n]*\nNo --roster: a roster was inferred from the document/);
    expect(r.report.stderr).not.toMatch(/使用随包附带的武陟县名录|using the bundled Wuzhi roster/);
    const tasks = r.plan.sections.flatMap((s) => s.tasks);
    expect(tasks.length).toBe(r.goldenTasks);
    expect(r.units.length).toBeGreaterThan(0);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(r.out, "report.html")).href);
    // Every task: a row each, titled as the plan has it.
    expect(await page.locator("tr[data-task]").count()).toBe(tasks.length);
    const titles = await page.locator("tr[data-task] summary").allTextContents();
    expect(titles).toEqual(tasks.map((t) => t.title));
    // The matrix: a column per task, a row per unit, and every unit of the inferred roster named in the list by unit.
    expect(await page.locator("#matrix").isVisible()).toBe(true);
    expect(await page.locator("#matrix g.col").count()).toBe(tasks.length);
    expect(await page.locator("#matrix > text").count()).toBe(r.units.length);
    expect(await page.locator(".by-unit li b").allTextContents()).toEqual(expect.arrayContaining([...r.units]));
    expect(await page.locator(".by-unit li").count()).toBe(r.units.length);
    // The timeline: a row for every task with a dated obligation in the plan's year.
    const dated = [...new Set(expandSchedule(r.plan).filter((o) => o.due !== undefined && o.due.startsWith(String(r.plan.year))).map((o) => o.taskNo))];
    expect(dated.length).toBeGreaterThan(0);
    expect(await page.locator("#timeline").isVisible()).toBe(true);
    const rows = await page.locator("#timeline g.task text").allTextContents();
    expect(rows.map((t) => Number(/^任务(\d+) /.exec(t)?.[1])).sort((a, b) => a - b)).toEqual(dated.sort((a, b) => a - b));
    expect(errors).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `anycounty-${doc}.png`), fullPage: true });
    await page.close();
  }, 60_000);
});
