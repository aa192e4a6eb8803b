import { readFileSync } from "node:fs";
import { parsePlanText } from "../src/index.js";
import { normalizeText } from "../src/text/normalize.js";
import { ADVERSARIAL } from "../test/support/adversarial.js";
import { fmt, measure, ratio, table } from "./harness.js";

// parsePlanText on the seed, and per-KB cost on inputs 1×, 10× and 100× the seed.
// Baseline: normalizeText over the same input (one linear pass over every character), so the
// ratio says how many "normalisation passes" a parse costs, whatever the machine.
export const benchParse = (): void => {
  const seed = readFileSync(new URL("../seeds/wuzhi-2024.txt", import.meta.url), "utf8");
  const seedMs = measure("seed", () => parsePlanText(seed, { id: "wuzhi-2024" }), { minRuns: 200, minMs: 1000 });
  const seedBase = measure("seed baseline", () => normalizeText(seed), { minRuns: 200, minMs: 500 });
  table("parsePlanText: the Wuzhi 2024 seed", [
    { what: "parsePlanText(seed)", median: fmt(seedMs.median), runs: seedMs.runs, "vs baseline": ratio(seedMs.median, seedBase.median), goal: "≤ 2 ms" },
    { what: "baseline normalizeText(seed)", median: fmt(seedBase.median), runs: seedBase.runs, "vs baseline": "1.00×", goal: "" },
  ]);

  const rows: Array<Record<string, string | number>> = [];
  let perKb1 = 0;
  for (const times of [1, 10, 100]) {
    const text = Array.from({ length: times }, () => seed).join("\n");
    const kb = Buffer.byteLength(text, "utf8") / 1024;
    const m = measure(`${times}x`, () => parsePlanText(text), { minRuns: times === 100 ? 5 : 20, minMs: 500 });
    const perKb = m.median / kb;
    if (times === 1) perKb1 = perKb;
    rows.push({ input: `${times}× seed`, size: `${kb.toFixed(0)} KB`, median: fmt(m.median), "per KB": fmt(perKb), "per KB vs 1×": ratio(perKb, perKb1) });
  }
  table("parsePlanText scaling (goal: per-KB cost at 100× within 1.3× of 1×)", rows);
};

// 1 MB adversarial inputs (the same shapes as the robustness test): time and cost per KB
// against the seed's per-KB cost, to show there is no catastrophic backtracking.
export const benchAdversarial = (): void => {
  const seed = readFileSync(new URL("../seeds/wuzhi-2024.txt", import.meta.url), "utf8");
  const seedPerKb = measure("seed", () => parsePlanText(seed), { minRuns: 50 }).median / (Buffer.byteLength(seed) / 1024);
  table(
    "parsePlanText on 1 MB adversarial inputs",
    ADVERSARIAL.map(([name, make]) => {
      const text = make();
      const kb = Buffer.byteLength(text) / 1024;
      const m = measure(name, () => parsePlanText(text), { minRuns: 3, minMs: 200, warmup: 1 });
      return { input: name, size: `${kb.toFixed(0)} KB`, median: fmt(m.median), "per KB vs seed per KB": ratio(m.median / kb, seedPerKb) };
    }),
  );
};
