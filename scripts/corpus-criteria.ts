// npm run corpus:criteria — how well the criteria reader reads the real tables in
// test/corpus/criteria: items found, points matching, phrases read exactly (text, kind and numbers
// equal to the golden), phrases reported as not understood. `--verbose` lists every miss.
import { criteriaSummary, heldOutSplit, measureCorpus, totalsOf } from "../test/support/criteria-corpus.js";

const verbose = process.argv.includes("--verbose");
const results = measureCorpus();
const pct = (a: number, b: number): string => (b === 0 ? "  –  " : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

console.log("考核细则语料 criteria corpus (test/corpus/criteria)\n");
console.log(`${"table".padEnd(36)} ${"items found".padStart(12)} ${"points ok".padStart(10)} ${"level+parent".padStart(13)} ${"phrases exact".padStart(14)} ${"unread".padStart(7)}`);
for (const r of results) {
  const found = r.items.filter((i) => i.read !== undefined).length;
  const points = r.items.filter((i) => i.pointsMatch).length;
  const level = r.items.filter((i) => i.levelMatch && i.parentMatch).length;
  const exact = r.phrases.filter((p) => p.exact).length;
  console.log(
    `${r.id.padEnd(36)} ${`${found}/${r.items.length}`.padStart(12)} ${`${points}/${r.items.length}`.padStart(10)} ${`${level}/${r.items.length}`.padStart(13)} ${`${exact}/${r.phrases.length}`.padStart(14)} ${String(r.unread).padStart(7)}`,
  );
  if (verbose) {
    for (const i of r.items) {
      if (i.read === undefined) console.log(`    item missing: ${i.golden.number} ${i.golden.name.slice(0, 30)}`);
      else if (!i.pointsMatch || !i.levelMatch || !i.parentMatch)
        console.log(`    item ${i.golden.number} ${i.golden.name.slice(0, 16)}: points ${i.read.points} (golden ${i.golden.points}), level ${i.read.level} (${i.golden.level}), parent ok ${i.parentMatch}`);
    }
    for (const p of r.phrases) if (!p.exact) console.log(`    phrase ${p.why}: ${p.golden.text.slice(0, 50)}${p.read === undefined ? "" : ` ← read “${p.read.text.slice(0, 40)}”`}`);
  }
}
const t = totalsOf(results);
console.log("");
console.log(`total: ${t.tables} tables`);
console.log(`  items found            ${t.itemsFound}/${t.items} ${pct(t.itemsFound, t.items)}`);
console.log(`  items whose points match ${t.pointsMatch}/${t.items} ${pct(t.pointsMatch, t.items)}`);
console.log(`  items at the right level and parent ${t.levelMatch}/${t.items} ${pct(t.levelMatch, t.items)}`);
console.log(`  phrases read exactly   ${t.phrasesExact}/${t.phrases} ${pct(t.phrasesExact, t.phrases)}`);
console.log(`    of which golden 'other' read by an extra kind (不得分, 限扣, 得N分 …): ${t.extended}`);
console.log(`  phrases reported as not understood: ${t.unread}`);
console.log(`\n${criteriaSummary(t)}`);
// Subtotals: the tables of the INDEX's last held-out section (not used to tune the reader) and the rest.
const split = heldOutSplit(results);
if (split.heldOut.length > 0) {
  console.log(`  HELD OUT: ${criteriaSummary(totalsOf(split.heldOut))}`);
  console.log(`  TUNED ON: ${criteriaSummary(totalsOf(split.tunedOn))}`);
}
