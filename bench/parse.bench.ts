// parsePlanText: the seed against a plain for…of loop over its characters, and the cost per KB of
// every input family from 10 KB to 10 MB (real documents and the adversarial shapes of
// test/support/adversarial.ts). Run alone with: node --expose-gc --import tsx bench/parse.bench.ts
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parsePlanText } from "../src/index.js";
import { ADVERSARIAL, type Family, REAL } from "../test/support/adversarial.js";
import { fmt, measure, ratio, table } from "./harness.js";

/**
 * The baseline: one plain pass over the characters that a competent engineer would write to look at
 * a document (count line breaks and Chinese characters), with nothing the parser does on top.
 */
const scan = (text: string): number => {
  let lines = 0;
  let han = 0;
  for (const ch of text) {
    if (ch === "\n") lines += 1;
    else if (ch >= "\u4e00" && ch <= "\u9fff") han += 1;
  }
  return lines * 100_000 + han;
};

export const benchParse = (): void => {
  const seed = readFileSync(new URL("../seeds/wuzhi-2024.txt", import.meta.url), "utf8");
  const parse = measure("seed", () => parsePlanText(seed, { id: "wuzhi-2024" }), { minRuns: 200, minMs: 1500 });
  const loop = measure("for…of", () => scan(seed), { minRuns: 200, minMs: 500 });
  table("parsePlanText on the Wuzhi 2024 seed (goal: ≤ 10× a for…of loop over its characters)", [
    { what: "parsePlanText(seed)", median: fmt(parse.median), runs: parse.runs, "vs baseline": ratio(parse.median, loop.median) },
    { what: "baseline: for…of over the seed's characters", median: fmt(loop.median), runs: loop.runs, "vs baseline": "1.00×" },
  ]);
};

const KB = 1024;
/** The sizes measured, in characters; FAZHI_BENCH_MAX_MB lowers the largest (default 10). */
const sizes = (): number[] => {
  const maxMb = Number(process.env.FAZHI_BENCH_MAX_MB ?? 10);
  return [10 * KB, 100 * KB, KB * KB, 10 * KB * KB].filter((n) => n <= maxMb * KB * KB);
};

/** Per-KB cost of one family at each size, the spread between sizes, and the cost per MB at the largest. */
const familyRow = ([name, make]: Family): Record<string, string> => {
  const row: Record<string, string> = { input: name };
  const perKb: number[] = [];
  let perMb = 0;
  for (const n of sizes()) {
    const text = make(n);
    const kb = text.length / KB;
    const big = n >= KB * KB;
    const m = measure(name, () => parsePlanText(text), { minRuns: big ? 3 : 10, minMs: big ? 0 : 300, warmup: big ? 1 : 3 });
    perKb.push(m.median / kb);
    perMb = m.median / (kb / KB);
    row[n >= KB * KB ? `${n / (KB * KB)} MB` : `${n / KB} KB`] = `${fmt(m.median / kb)}/KB`;
  }
  row["max/min per KB"] = ratio(Math.max(...perKb), Math.min(...perKb));
  row["per MB at largest"] = fmt(perMb);
  return row;
};

// Goal: per-KB cost flat (max/min within 1.5×) from 10 KB to 10 MB, and no input over 0.5 s per MB.
export const benchAdversarial = (): void => {
  table("parsePlanText cost per KB, 10 KB → 10 MB (goal: max/min ≤ 1.5×, ≤ 0.5 s per MB)", [REAL, ...ADVERSARIAL].map(familyRow));
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`parse benchmarks · node ${process.version} · ${process.platform}/${process.arch}`);
  benchParse();
  benchAdversarial();
}
