// Measuring alignPlans against known pairs: the corpus's hand-made pair goldens (test/corpus/compare)
// and the seed against edits of itself (truth by construction). Used by test/compare/corpus.test.ts
// and by `npm run corpus:compare` (scripts/corpus-compare.ts), which prints the figures.
import { readFileSync, readdirSync } from "node:fs";
import { alignPlans } from "../../../src/compare/align.js";
import { planTasks } from "../../../src/compare/tasks.js";
import type { Alignment } from "../../../src/model/compare.js";
import type { Plan } from "../../../src/model/plan.js";
import { parsePlanText } from "../../../src/parse/parse-plan.js";
import { normalizeText } from "../../../src/text/normalize.js";
import { type EditRates, editPlan } from "./edits.js";

const CORPUS = new URL("../../corpus/", import.meta.url);

/** A corpus document's text (what follows the `----` line of its header). */
export const corpusText = (id: string): string => {
  const raw = readFileSync(new URL(`${id}.txt`, CORPUS), "utf8");
  const at = raw.indexOf("\n----\n");
  return at === -1 ? raw : raw.slice(at + 6);
};

interface GoldenTask {
  label: string;
  title: string;
}
interface ComparePair {
  a: number[];
  b: number[];
  kind: string;
}
interface CompareGolden {
  a: string;
  b: string;
  relation: "consecutive_years" | "upper_lower";
  pairs: ComparePair[];
}

/** Counts of links: found and true (tp), found and false (fp), true and missed (fn). */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
export const precision = (t: Tally): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
export const recall = (t: Tally): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
export const add = (x: Tally, y: Tally): Tally => ({ tp: x.tp + y.tp, fp: x.fp + y.fp, fn: x.fn + y.fn });
export const ZERO: Tally = { tp: 0, fp: 0, fn: 0 };

/** Links of groups: every (a, b) in each group, as "a:b". */
export const linksOf = (groups: ReadonlyArray<{ a: readonly (number | string)[]; b: readonly (number | string)[] }>): Set<string> =>
  new Set(groups.flatMap((g) => g.a.flatMap((a) => g.b.map((b) => `${a}:${b}`))));

export const tally = (found: ReadonlySet<string>, truth: ReadonlySet<string>): Tally => {
  let tp = 0;
  for (const l of found) if (truth.has(l)) tp++;
  return { tp, fp: found.size - tp, fn: truth.size - tp };
};

const compact = (s: string): string => normalizeText(s).replace(/\s+/g, "");

/**
 * Map the parser's tasks to the golden's, in order: a parser task matches the next golden task
 * whose title (its first ≤10 characters) its text starts with. Returns golden index by task id.
 */
export const mapToGolden = (plan: Plan, golden: readonly GoldenTask[]): Map<string, number> => {
  const tasks = planTasks(plan).map((t) => t.task);
  const out = new Map<string, number>();
  let from = 0;
  golden.forEach((g, gi) => {
    const title = compact(g.title);
    for (let k = from; k < tasks.length; k++) {
      const t = tasks[k]!;
      if (compact(t.text).startsWith(title) || compact(t.title).startsWith(title)) {
        out.set(t.id, gi);
        from = k + 1;
        return;
      }
    }
  });
  return out;
};

/** Predicted links in golden index space; a link from a task with no golden counterpart is kept as false. */
const goldenLinks = (alignment: Alignment, mapA: Map<string, number>, mapB: Map<string, number>): Set<string> =>
  new Set(alignment.pairs.flatMap((p) => p.links.map((l) => `${mapA.get(l.a) ?? `?${l.a}`}:${mapB.get(l.b) ?? `?${l.b}`}`)));

export interface CorpusResult {
  readonly id: string;
  readonly relation: string;
  readonly tally: Tally;
  /** How many golden tasks the parser's tasks were mapped to, on each side. */
  readonly mapped: readonly [number, number];
  readonly golden: readonly [number, number];
}

const goldenOf = (id: string): { tasks: GoldenTask[] } => JSON.parse(readFileSync(new URL(`${id}.golden.json`, CORPUS), "utf8")) as { tasks: GoldenTask[] };

/** Where a task's unit lines start (the oracle segmentation leaves them out, as the parser does). */
const UNITS = /[（〔【]?(牵头单位|牵头部门|责任单位|责任部门|配合单位)[：:]/;

/**
 * Plans cut at the golden's task titles instead of by the parser: the document's text from one
 * golden task's title to the next, without its unit lines. This isolates alignment from reading (an oracle segmentation).
 */
export const goldenSegmented = (docId: string, planId: string): Plan => {
  const text = compact(corpusText(docId));
  const golden = goldenOf(docId).tasks;
  const starts: number[] = [];
  let from = 0;
  for (const g of golden) {
    const labelled = text.indexOf(compact(g.label + g.title), from);
    const at = labelled !== -1 ? labelled + compact(g.label).length : text.indexOf(compact(g.title), from);
    starts.push(at);
    if (at !== -1) from = at + 1;
  }
  const tasks = golden.map((g, k) => {
    const start = starts[k]!;
    const next = starts.slice(k + 1).find((s) => s !== -1) ?? text.length;
    const segment = start === -1 ? g.title : text.slice(start, next);
    const units = segment.search(UNITS);
    return { id: `${planId}.t${k + 1}`, no: k + 1, label: g.label, title: g.title, text: units > 0 ? segment.slice(0, units) : segment, clauses: [], requirements: [] };
  });
  return { id: planId, title: docId, sections: [{ no: 1, title: "", tasks }] } as unknown as Plan;
};

/** Align every corpus pair (parsed with parsePlanText, or cut at the golden titles) and score the links. */
export const corpusResults = (segmentation: "parser" | "golden" = "parser"): CorpusResult[] => {
  const dir = new URL("compare/", CORPUS);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".golden.json"))
    .sort()
    .map((file) => {
      const g = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as CompareGolden;
      const ga = goldenOf(g.a).tasks;
      const gb = goldenOf(g.b).tasks;
      const a = segmentation === "parser" ? parsePlanText(corpusText(g.a), { id: "a" }).plan : goldenSegmented(g.a, "a");
      const b = segmentation === "parser" ? parsePlanText(corpusText(g.b), { id: "b" }).plan : goldenSegmented(g.b, "b");
      const mapA = mapToGolden(a, ga);
      const mapB = mapToGolden(b, gb);
      const found = goldenLinks(alignPlans(a, b), mapA, mapB);
      return { id: file.replace(".golden.json", ""), relation: g.relation, tally: tally(found, linksOf(g.pairs)), mapped: [mapA.size, mapB.size], golden: [ga.length, gb.length] };
    });
};

export interface ConstructedResult {
  readonly seed: number;
  readonly tally: Tally;
  /** Links of the truth by the kind of edit they went through, and how many were found. */
  readonly byKind: Readonly<Record<string, Tally>>;
  readonly ops: Readonly<Record<string, number>>;
}

/** Texts of tasks from the corpus's plans (real, other counties), to be added as new tasks. */
export const corpusTaskTexts = (): string[] =>
  readdirSync(new URL("plans/", CORPUS))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => planTasks(parsePlanText(corpusText(`plans/${f.replace(/\.txt$/, "")}`)).plan).map((t) => t.task.text))
    .filter((t) => t.length >= 20);

/**
 * The seed plan against `runs` edited versions of itself; the truth is known by construction.
 * Each edited version is written as a document and read back with parsePlanText.
 */
export const constructedResults = (seedPlan: Plan, runs: number, rates?: EditRates, first = 1): ConstructedResult[] => {
  const extra = corpusTaskTexts();
  const results: ConstructedResult[] = [];
  for (let seed = first; seed < first + runs; seed++) {
    const edited = editPlan(seedPlan, extra, seed, rates);
    const { plan: next } = parsePlanText(edited.text, { id: "edited-2025" });
    const ids = planTasks(next).map((t) => t.task.id);
    if (ids.length !== edited.tasks.length) throw new Error(`seed ${seed}: the parser read ${ids.length} tasks of ${edited.tasks.length}`);
    const prevIds = planTasks(seedPlan).map((t) => t.task.id);
    const alignment = alignPlans(seedPlan, next);
    const found = linksOf(alignment.pairs.map((p) => ({ a: p.a.map((id) => prevIds.indexOf(id)), b: p.b.map((id) => ids.indexOf(id)) })));
    const truth = linksOf(edited.truth);
    const byKind: Record<string, Tally> = {};
    for (const t of edited.truth) {
      const kind = t.a.length > 1 ? "merge" : t.b.length > 1 ? "split" : edited.tasks[t.b[0]!]!.text === planTasks(seedPlan)[t.a[0]!]!.task.text ? "same text" : "reworded";
      byKind[kind] = add(byKind[kind] ?? ZERO, tally(new Set([...linksOf([t])].filter((l) => found.has(l))), linksOf([t])));
    }
    results.push({ seed, tally: tally(found, truth), byKind, ops: edited.ops });
  }
  return results;
};
