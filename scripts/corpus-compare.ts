// npm run corpus:compare — how well alignPlans finds the pairs a careful reader makes:
// (1) the corpus's pair goldens (test/corpus/compare), with the plans read by parsePlanText and,
//     to separate alignment from reading, cut at the golden's own task titles;
// (2) the seed against edited versions of itself, the truth known by construction.
// Precision and recall count links (one task of each plan); a link from a task the golden does not
// know is a false one. test/compare/corpus.test.ts keeps the totals above their floors.
import { HEAVY_RATES } from "../test/compare/support/edits.js";
import { type Tally, ZERO, add, constructedResults, corpusResults, precision, recall } from "../test/compare/support/evaluate.js";
import { seedPlan } from "../test/compare/support/plans.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (t: Tally) => `P ${pct(precision(t))}  R ${pct(recall(t))}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
const runs = Number(process.argv[2] ?? 30);

for (const segmentation of ["parser", "golden"] as const) {
  const results = corpusResults(segmentation);
  console.log(`\n## corpus pairs, tasks ${segmentation === "parser" ? "read by parsePlanText" : "cut at the golden's titles (alignment alone)"}`);
  console.table(
    results.map((r) => ({
      pair: r.id,
      relation: r.relation,
      "tasks mapped (a, b)": `${r.mapped[0]}/${r.golden[0]}, ${r.mapped[1]}/${r.golden[1]}`,
      tp: r.tally.tp,
      fp: r.tally.fp,
      fn: r.tally.fn,
    })),
  );
  console.log(`total: ${line(results.reduce((x, r) => add(x, r.tally), ZERO))}`);
}

const seed = seedPlan();
for (const [name, rates] of [["edits", undefined], ["heavy edits", HEAVY_RATES], ["heavy edits with churn (30% deleted, 20 added)", { ...HEAVY_RATES, delete: 0.3, add: 20 }]] as const) {
  const results = constructedResults(seed, runs, rates);
  const kinds: Record<string, Tally> = {};
  const ops: Record<string, number> = {};
  for (const r of results) {
    for (const [k, v] of Object.entries(r.byKind)) kinds[k] = add(kinds[k] ?? ZERO, v);
    for (const [k, v] of Object.entries(r.ops)) ops[k] = (ops[k] ?? 0) + v;
  }
  console.log(`\n## the seed against ${runs} versions of itself: ${name}`);
  console.log(`edits made: ${Object.entries(ops).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`total: ${line(results.reduce((x, r) => add(x, r.tally), ZERO))}`);
  for (const [k, v] of Object.entries(kinds).sort()) console.log(`  recall on ${k} links: ${pct(recall(v))} (${v.tp}/${v.tp + v.fn})`);
}
