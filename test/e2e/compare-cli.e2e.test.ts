import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER, FLAGS, hasTools, openPage } from "../support/browser.js";

// The fazhi command as a process, on two real pairs of the corpus (test/corpus/compare: consecutive
// years of Huzhou's work-report breakdown for diff, Huzhou's 政务公开要点 and Deqing County's made
// under it for coverage), and its HTML pages in headless Chromium: no console errors, no requests
// beyond the file, and each pair of the hand-made golden shown as a row. Skipped, saying why, on a
// machine without Chromium (apt-get install -y chromium fonts-noto-cjk); failing under CI=true.
const READY = hasTools("the comparison commands' browser test", { chromium: BROWSER });
const OUT = new URL("../../test-output/compare-cli/", import.meta.url).pathname;
const CORPUS = new URL("../corpus/", import.meta.url).pathname;

interface PairGolden {
  readonly a: string;
  readonly b: string;
  readonly pairs: ReadonlyArray<{ readonly a: readonly number[]; readonly b: readonly number[] }>;
}
/** What readers are given of a corpus file: the text after its `----` header. */
const body = (doc: string): string => {
  const text = readFileSync(join(CORPUS, `${doc}.txt`), "utf8");
  return text.slice(text.indexOf("\n----\n") + 6);
};
/** The first characters of each task's title, as the golden's reader wrote them. */
const titles = (doc: string): string[] => (JSON.parse(readFileSync(join(CORPUS, `${doc}.golden.json`), "utf8")) as { tasks: Array<{ title: string }> }).tasks.map((t) => t.title);
/** Width-folded, without spaces: the golden writes titles as printed, the parser folds full-width forms. */
const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** A pair's documents as files named by their ids, and the golden pairs as (a title, b title). */
const pairOf = (id: string) => {
  const golden = JSON.parse(readFileSync(join(CORPUS, "compare", `${id}.golden.json`), "utf8")) as PairGolden;
  const [a, b] = [golden.a, golden.b].map((doc) => {
    const file = join(OUT, `${doc.replace(/^plans\//, "")}.txt`);
    writeFileSync(file, body(doc));
    return { file, titles: titles(doc) };
  }) as [{ file: string; titles: string[] }, { file: string; titles: string[] }];
  const expected = golden.pairs.flatMap((p) => p.a.flatMap((i) => p.b.map((j) => [a.titles[i] as string, b.titles[j] as string] as const)));
  return { a: a.file, b: b.file, expected };
};

const fazhi = async (argv: readonly string[]) => {
  const root = new URL("../..", import.meta.url).pathname;
  return promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...argv], { cwd: root, encoding: "utf8" });
};

/** A row's cells' text (textContent: the unchanged pairs sit in a closed <details>). */
const CELLS = new Function("rows", "return rows.map((r) => [...r.cells].map((c) => c.textContent))") as (rows: unknown[]) => unknown;

describe.skipIf(!READY)("fazhi diff and coverage: the real command, its pages in headless Chromium", () => {
  let browser: Browser;
  mkdirSync(OUT, { recursive: true });
  const diffPair = pairOf("huzhou-2023-2024-zfgzbg-fenjie");
  const coveragePair = pairOf("huzhou-deqing-2022-zwgk-yaodian");
  const diffHtml = join(OUT, "diff.html");
  const coverageHtml = join(OUT, "coverage.html");
  let runs: Array<{ stdout: string; stderr: string }>;
  beforeAll(async () => {
    // The browser and both commands start together (each command is a Node process of its own).
    [browser, ...runs] = await Promise.all([
      chromium.launch({ executablePath: BROWSER as string, args: FLAGS }),
      fazhi(["diff", diffPair.a, diffPair.b, "--format", "html", "--out", diffHtml]),
      fazhi(["coverage", coveragePair.a, coveragePair.b, "--format", "html", "--out", coverageHtml]),
    ]);
  }, 60_000);
  afterAll(async () => browser?.close());

  /** Open a page: what it logged as errors and every address it asked for are returned with it. */
  const open = (file: string) => openPage(browser, file);

  it("diff --format html --out: the golden pair is a row of the page", async () => {
    expect(runs[0]?.stdout).toBe(`已写出 Written：${diffHtml}\n`);
    expect(runs[0]?.stderr).toContain("huzhou-2023-zfgzbg-fenjie.txt：公文文本");
    const { page, errors, requests } = await open(diffHtml);
    const rows = (await page.locator("#pairs tr, #same-pairs tr").evaluateAll(CELLS)) as string[][];
    expect(diffPair.expected.length).toBeGreaterThan(0);
    for (const [a, b] of diffPair.expected) expect(rows.some((r) => fold(r[0] ?? "").includes(fold(a)) && fold(r[1] ?? "").includes(fold(b))), `${a} → ${b}`).toBe(true);
    await page.screenshot({ path: join(OUT, "diff.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    await page.close();
  }, 60_000);

  it("coverage --format html: each golden pair is a higher-level task with the county task that takes it up", async () => {
    expect(runs[1]?.stdout).toBe(`已写出 Written：${coverageHtml}\n`);
    const { page, errors, requests } = await open(coverageHtml);
    const rows = (await page.locator("#items tbody tr").evaluateAll(CELLS)) as string[][];
    expect(coveragePair.expected.length).toBeGreaterThan(0);
    for (const [upper, taker] of coveragePair.expected) expect(rows.some((r) => fold(r[0] ?? "").includes(fold(upper)) && fold(r[1] ?? "").includes(fold(taker))), `${upper} ← ${taker}`).toBe(true);
    expect(await page.locator("#items .taker .bar").first().isVisible()).toBe(true);
    await page.screenshot({ path: join(OUT, "coverage.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    await page.close();
  }, 60_000);
});
