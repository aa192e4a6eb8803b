// npm run corpus: how well parsePlanText reads the real documents in test/corpus (see its README).
//
//   npm run corpus                      per document and in total, plans/ and tables/ separately, with
//                                       subtotals for the documents in an INDEX.md's held-out section and the rest
//   npm run corpus -- --raise           also raise test/corpus/floors.json to today's figures (never down)
//   npm run corpus -- --json out.json   also write the per-document figures as JSON
//   npm run corpus -- --before out.json print "before → after" against figures written earlier
//   npm run corpus -- --parser path.ts  read with another parsePlanText (e.g. an older checkout in .tmp/)
//   npm run corpus -- --show <id>       print each golden task beside what was read, for one document
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parsePlanText } from "../src/index.js";
import {
  type CorpusDocument,
  FOLDERS,
  type Figures,
  type Floors,
  type ParseFn,
  ZERO,
  addFigures,
  alignTasks,
  conjunctionFigures,
  f1,
  floorKey,
  floorOf,
  floorsFile,
  heldOutOf,
  loadFolder,
  measureDocument,
  precision,
  raiseFloors,
  readTasks,
  recall,
  unitAtoms,
} from "../test/corpus/measure.js";
import { criteriaSummary, heldOutSplit, measureCorpus, totalsOf } from "../test/support/criteria-corpus.js";

const { values } = parseArgs({
  options: {
    raise: { type: "boolean", default: false },
    json: { type: "string" },
    before: { type: "string" },
    parser: { type: "string" },
    show: { type: "string" },
  },
});

const parse: ParseFn = values.parser === undefined ? (text) => parsePlanText(text) : ((await import(pathToFileURL(resolve(values.parser)).href)) as { parsePlanText: ParseFn }).parsePlanText;
const before: Record<string, Figures> = values.before === undefined ? {} : (JSON.parse(readFileSync(values.before, "utf8")) as Record<string, Figures>);

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
const leadPct = (f: Figures): string => (f.leadTasks === 0 ? "–" : `${f.leadExact}/${f.leadTasks}`);
const columns = (f: Figures): Record<string, string | number> => ({
  expected: f.expected,
  found: f.found,
  clean: f.clean,
  titles: f.titles,
  "lead exact": leadPct(f),
  P: pct(precision(f)),
  R: pct(recall(f)),
  F1: pct(f1(f)),
  "diag e/w": `${f.errors}/${f.warnings}`,
});
const summary = (f: Figures): string =>
  `${f.clean}/${f.expected} tasks cleanly matched, ${f.titles} titles right, lead exact ${leadPct(f)}, units P ${pct(precision(f))} R ${pct(recall(f))} F1 ${pct(f1(f))}`;
/** a − b, field by field (b a part of a). */
const subtract = (a: Figures, b: Figures): Figures => addFigures(a, Object.fromEntries(Object.entries(b).map(([k, v]) => [k, -v])) as unknown as Figures);
/** "before → after" for each column that changed. */
const withBefore = (now: Record<string, string | number>, then: Figures | undefined): Record<string, string | number> => {
  if (then === undefined) return now;
  const old = columns(then);
  return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, old[k] === v ? v : `${old[k]} → ${v}`]));
};

const all: Record<string, Figures> = {};
const floorsNow: Floors = {};
for (const folder of FOLDERS) {
  const docs = loadFolder(folder);
  if (docs.length === 0) continue;
  let total = ZERO;
  let totalBefore = ZERO;
  const heldOut = heldOutOf(folder);
  let held = ZERO;
  const rows: Array<Record<string, string | number>> = [];
  for (const doc of docs) {
    const f = measureDocument(doc, parse);
    const key = floorKey(doc);
    all[key] = f;
    floorsNow[key] = floorOf(doc, f);
    total = addFigures(total, f);
    if (heldOut.has(doc.id)) held = addFigures(held, f);
    if (before[key] !== undefined) totalBefore = addFigures(totalBefore, before[key] as Figures);
    rows.push({ document: doc.id, ...withBefore(columns(f), before[key]) });
    if (values.show === doc.id) show(doc);
  }
  rows.push({ document: `TOTAL (${docs.length})`, ...withBefore(columns(total), values.before === undefined ? undefined : totalBefore) });
  // Subtotals: the documents of the INDEX's held-out section (not used to tune the rules) and the rest.
  const tuned = subtract(total, held);
  if (held.documents > 0) {
    rows.push({ document: `HELD OUT (${held.documents})`, ...columns(held) });
    rows.push({ document: `TUNED ON (${tuned.documents})`, ...columns(tuned) });
  }
  console.log(`\n## ${folder}/${folder === "tables" ? " (parsePlanText: a text without units is tried as a table copied as text)" : ""}`);
  console.table(rows);
  console.log(`${folder}: ${summary(total)}`);
  if (held.documents > 0) {
    console.log(`${" ".repeat(folder.length)}  held out (${held.documents} documents): ${summary(held)}`);
    console.log(`${" ".repeat(folder.length)}  tuned on (${tuned.documents} documents): ${summary(tuned)}`);
  }
  const c = conjunctionFigures(total);
  console.log(`${" ".repeat(folder.length)}  (counting X及Y / X和Y between two unit names as two units, as the parser reads them: P ${pct(precision(c))} R ${pct(recall(c))} F1 ${pct(f1(c))})`);
}

// criteria/: published scoring tables read by readCriteriaText (every figure per table: npm run corpus:criteria)
console.log("\n## criteria/ (readCriteriaText: published scoring tables; per table: npm run corpus:criteria)");
const criteria = measureCorpus();
console.log(`criteria: ${criteriaSummary(totalsOf(criteria))}`);
const criteriaSplit = heldOutSplit(criteria);
if (criteriaSplit.heldOut.length > 0) {
  console.log(`  held out: ${criteriaSummary(totalsOf(criteriaSplit.heldOut))}`);
  console.log(`  tuned on: ${criteriaSummary(totalsOf(criteriaSplit.tunedOn))}`);
}

if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(all, null, 2)}\n`);
if (values.raise) {
  const old: Floors = existsSync(floorsFile) ? (JSON.parse(readFileSync(floorsFile, "utf8")) as Floors) : {};
  writeFileSync(floorsFile, `${JSON.stringify(raiseFloors(old, floorsNow), null, 2)}\n`);
  console.log(`\nfloors raised: ${floorsFile.pathname}`);
}

/** Each golden task beside the task it was paired with. */
function show(doc: CorpusDocument): void {
  const { plan, diagnostics } = parse(doc.text);
  const read = plan.sections.flatMap((s) => s.tasks);
  const roles = (t: (typeof read)[number]) =>
    (["lead", "responsible", "support"] as const).map((r) => `${r}: ${unitAtoms(t.clauses.flatMap((c) => c.assignment[r].map((u) => u.text))).join(" | ")}`).join("  ");
  const pairs = new Map(alignTasks(doc.golden, readTasks(plan)));
  console.log(`\n### ${doc.folder}/${doc.id}`);
  doc.golden.forEach((g, i) => {
    console.log(`golden ${g.label} ${g.title}  lead: ${unitAtoms(g.lead).join(" | ")}  responsible: ${unitAtoms(g.responsible).join(" | ")}  support: ${unitAtoms(g.support).join(" | ")}`);
    const j = pairs.get(i);
    const t = j === undefined ? undefined : read[j];
    console.log(t === undefined ? "  read —" : `  read ${t.label ?? ""} ${t.title.slice(0, 20)}  ${roles(t)}`);
  });
  const unpaired = read.filter((_, j) => ![...pairs.values()].includes(j));
  for (const t of unpaired) console.log(`extra ${t.label ?? ""} ${t.title.slice(0, 20)}  ${roles(t)}`);
  for (const d of diagnostics.filter((x) => x.severity !== "info")) console.log(`  ${d.severity} ${d.code} ${d.message}`);
}
