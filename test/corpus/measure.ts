// How well the plan reader reads the corpus: shared by `npm run corpus` (scripts/corpus.ts) and the
// floors test (test/corpus/corpus.test.ts). The rules of comparison are those of test/corpus/README.md.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import type { Plan } from "../../src/model/plan.js";
import { normalizeText } from "../../src/text/normalize.js";

/** The folders of running-text documents read by parsePlanText. Tables get their own reader later. */
export const FOLDERS = ["plans", "tables"] as const;
export type Folder = (typeof FOLDERS)[number];

export interface GoldenTask {
  readonly label: string;
  readonly title: string;
  readonly lead: readonly string[];
  readonly responsible: readonly string[];
  readonly support: readonly string[];
}

export interface CorpusDocument {
  readonly folder: Folder;
  readonly id: string;
  /** The text after the `----` line: what a reader is given. */
  readonly text: string;
  readonly golden: readonly GoldenTask[];
  /** A short hash of the golden file, so that a floor applies only to the golden it was measured on. */
  readonly goldenHash: string;
}

/** The figures of one document (or a sum of documents). */
export interface Figures {
  readonly documents: number;
  readonly expected: number;
  readonly found: number;
  /** Pairs whose label and title both match. */
  readonly clean: number;
  readonly titles: number;
  /** Golden tasks with lead units, and how many of them the reader got exactly (as a set). */
  readonly leadTasks: number;
  readonly leadExact: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly errors: number;
  readonly warnings: number;
  /** The same unit counts when 及/和 between two unit names also splits (a secondary figure). */
  readonly tpConj: number;
  readonly fpConj: number;
  readonly fnConj: number;
}

export type ParseFn = (text: string) => { plan: Plan; diagnostics: readonly Diagnostic[] };

const corpusDir = new URL("./", import.meta.url);

/** The documents of a folder that have a golden, in file-name order. */
export const loadFolder = (folder: Folder): CorpusDocument[] => {
  const dir = new URL(`${folder}/`, corpusDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".txt") && names.includes(n.replace(/\.txt$/, ".golden.json")))
    .sort()
    .map((n) => {
      const id = n.replace(/\.txt$/, "");
      const raw = readFileSync(new URL(n, dir), "utf8");
      const goldenRaw = readFileSync(new URL(`${id}.golden.json`, dir), "utf8");
      return { folder, id, text: bodyOf(raw), golden: (JSON.parse(goldenRaw) as { tasks: GoldenTask[] }).tasks, goldenHash: createHash("sha256").update(goldenRaw).digest("hex").slice(0, 12) };
    });
};

/**
 * The ids listed in the held-out section of an INDEX.md: the documents added after the reader's rules were
 * written, to measure them on text they were not tuned on. The section is the last one whose heading says
 * "held out" (an earlier held-out set that rules were since written from counts as tuned-on); it runs to the
 * next heading of the same or a higher level, and its ids are the first cells of its table rows
 * (`| id | … |`, or the id in backticks; header and ruler rows excepted).
 */
export const heldOutIds = (index: string): Set<string> => {
  const ids = new Set<string>();
  let level = 0;
  for (const line of index.split(/\r?\n/)) {
    const heading = /^(#+)\s/.exec(line);
    if (heading !== null) {
      const depth = (heading[1] as string).length;
      if (level > 0 && depth <= level) level = 0;
      if (level === 0 && /held[ -]out/i.test(line)) {
        level = depth;
        ids.clear();
      }
      continue;
    }
    const cell = /^\|\s*`?([A-Za-z0-9][A-Za-z0-9._-]*)`?\s*\|/.exec(line);
    if (level > 0 && cell !== null && cell[1] !== "id") ids.add(cell[1] as string);
  }
  return ids;
};

/** The held-out ids of a folder (empty when it has no INDEX.md or no held-out section). */
export const heldOutOf = (folder: Folder | "criteria"): Set<string> => {
  try {
    return heldOutIds(readFileSync(new URL(`${folder}/INDEX.md`, corpusDir), "utf8"));
  } catch {
    return new Set();
  }
};

/** The text after the header: everything after the first line that is exactly `----`. */
export const bodyOf = (raw: string): string => {
  const m = /^----\r?\n/m.exec(raw);
  return m === null ? raw : raw.slice(m.index + m[0].length);
};

/** Spaces removed, widths normalised (so `(一)` and `（一）`, `1．` and `1.` compare equal). */
const clean = (s: string): string => normalizeText(s).replace(/\s+/g, "");

/**
 * Split a unit list at the README's separators (、，,；; / and line breaks), outside brackets only, so
 * that 各县(市、区)政府 stays whole on both sides.
 */
export const unitAtoms = (names: readonly string[], conjunctions = false): string[] => {
  const out: string[] = [];
  for (const name of names) {
    const s = clean(name);
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= s.length; i++) {
      const ch = s[i];
      if (ch === "（" || ch === "〔" || ch === "【" || ch === "《") depth += 1;
      else if ((ch === "）" || ch === "〕" || ch === "】" || ch === "》") && depth > 0) depth -= 1;
      if (i === s.length || (depth === 0 && (ch === "、" || ch === "，" || ch === "；" || ch === "/" || ch === "\n"))) {
        if (i > start) out.push(...(conjunctions ? splitConjunctions(s.slice(start, i)) : [s.slice(start, i)]));
        start = i + 1;
      }
    }
  }
  return out;
};

/** Both sides of 及/和 are whole unit names (ending the way unit names end). */
const UNIT_END = /(局|委|办|院|府|会|所|中心|队|站|室|厅|部门|单位|区|法庭)$/;
/**
 * For the secondary figure only: X及Y / X和Y split into X and Y when both read as unit names
 * (市政府法制办及相关部门). The README keeps 及/和 inside one atom; the parser splits there.
 */
const splitConjunctions = (atom: string): string[] => {
  const parts = atom.split(/[及和]/);
  return parts.length > 1 && parts.every((p) => p.length >= 2 && UNIT_END.test(p)) ? parts : [atom];
};

const ROLES = ["lead", "responsible", "support"] as const;
type Atoms = Set<string>;
const atomsOfGolden = (t: GoldenTask, conjunctions = false): Atoms => new Set(ROLES.flatMap((r) => unitAtoms(t[r], conjunctions).map((u) => `${r}:${u}`)));

export interface ReadTask {
  readonly label: string;
  readonly text: string;
  readonly atoms: Atoms;
  readonly lead: Set<string>;
}

export const readTasks = (plan: Plan, conjunctions = false): ReadTask[] =>
  plan.sections.flatMap((s) =>
    s.tasks.map((t) => {
      const atoms = new Set<string>();
      const lead = new Set<string>();
      for (const c of t.clauses) {
        for (const r of ROLES) {
          for (const u of unitAtoms(c.assignment[r].map((ref) => ref.text), conjunctions)) {
            atoms.add(`${r}:${u}`);
            if (r === "lead") lead.add(u);
          }
        }
      }
      return { label: clean(t.label ?? ""), text: clean(t.text), atoms, lead };
    }),
  );

/** 2 for label and title, 1 for either, 0 for neither. */
const pairScore = (g: GoldenTask, r: ReadTask): number => (clean(g.label) === r.label ? 1 : 0) + (r.text.startsWith(clean(g.title)) ? 1 : 0);

/** Pair golden and read tasks in order, maximising the summed pair score (small n: O(n·m) is fine). */
export const alignTasks = (golden: readonly GoldenTask[], read: readonly ReadTask[]): Array<[number, number]> => {
  const n = golden.length;
  const m = read.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = pairScore(golden[i] as GoldenTask, read[j] as ReadTask);
      const row = best[i] as number[];
      row[j] = Math.max((best[i + 1] as number[])[j] as number, row[j + 1] as number, s > 0 ? s + ((best[i + 1] as number[])[j + 1] as number) : 0);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = pairScore(golden[i] as GoldenTask, read[j] as ReadTask);
    const here = (best[i] as number[])[j] as number;
    if (s > 0 && here === s + ((best[i + 1] as number[])[j + 1] as number)) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (here === ((best[i + 1] as number[])[j] as number)) i += 1;
    else j += 1;
  }
  return pairs;
};

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** The figures of one document read by `parse`. */
export const measureDocument = (doc: CorpusDocument, parse: ParseFn): Figures => {
  const { plan, diagnostics } = parse(doc.text);
  const read = readTasks(plan);
  const conj = unitCounts(doc.golden, readTasks(plan, true), true);
  const pairs = alignTasks(doc.golden, read);
  let cleanPairs = 0;
  let titles = 0;
  let leadExact = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const pairedRead = new Set<number>();
  const pairOf = new Map<number, number>();
  for (const [g, r] of pairs) {
    pairOf.set(g, r);
    pairedRead.add(r);
  }
  doc.golden.forEach((g, gi) => {
    const want = atomsOfGolden(g);
    const ri = pairOf.get(gi);
    const got = ri === undefined ? new Set<string>() : (read[ri] as ReadTask).atoms;
    if (ri !== undefined) {
      const r = read[ri] as ReadTask;
      const titleOk = r.text.startsWith(clean(g.title));
      if (titleOk) titles += 1;
      if (titleOk && clean(g.label) === r.label) cleanPairs += 1;
    }
    for (const a of want) (got.has(a) ? (tp += 1) : (fn += 1));
    for (const a of got) if (!want.has(a)) fp += 1;
    if (g.lead.length > 0 && ri !== undefined && sameSet(new Set(unitAtoms(g.lead)), (read[ri] as ReadTask).lead)) leadExact += 1;
  });
  read.forEach((r, ri) => {
    if (!pairedRead.has(ri)) fp += r.atoms.size;
  });
  return {
    documents: 1,
    expected: doc.golden.length,
    found: read.length,
    clean: cleanPairs,
    titles,
    leadTasks: doc.golden.filter((g) => g.lead.length > 0).length,
    leadExact,
    tp,
    fp,
    fn,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
    tpConj: conj.tp,
    fpConj: conj.fp,
    fnConj: conj.fn,
  };
};

/** True and false positives and negatives of unit atoms, tasks paired as for the main figures. */
const unitCounts = (golden: readonly GoldenTask[], read: readonly ReadTask[], conjunctions: boolean): { tp: number; fp: number; fn: number } => {
  const pairs = new Map(alignTasks(golden, read));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  golden.forEach((g, gi) => {
    const want = atomsOfGolden(g, conjunctions);
    const ri = pairs.get(gi);
    const got = ri === undefined ? new Set<string>() : (read[ri] as ReadTask).atoms;
    for (const a of want) (got.has(a) ? (tp += 1) : (fn += 1));
    for (const a of got) if (!want.has(a)) fp += 1;
  });
  const paired = new Set(pairs.values());
  read.forEach((r, ri) => {
    if (!paired.has(ri)) fp += r.atoms.size;
  });
  return { tp, fp, fn };
};

export const ZERO: Figures = { documents: 0, expected: 0, found: 0, clean: 0, titles: 0, leadTasks: 0, leadExact: 0, tp: 0, fp: 0, fn: 0, errors: 0, warnings: 0, tpConj: 0, fpConj: 0, fnConj: 0 };

export const addFigures = (a: Figures, b: Figures): Figures => {
  const out: Record<string, number> = {};
  for (const k of Object.keys(ZERO) as Array<keyof Figures>) out[k] = a[k] + (b[k] ?? 0);
  return out as unknown as Figures;
};

export const precision = (f: Figures): number => (f.tp + f.fp === 0 ? 1 : f.tp / (f.tp + f.fp));
export const recall = (f: Figures): number => (f.tp + f.fn === 0 ? 1 : f.tp / (f.tp + f.fn));
export const f1 = (f: Figures): number => {
  const p = precision(f);
  const r = recall(f);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
/** The unit figures counting X及Y as two units (secondary). */
export const conjunctionFigures = (f: Figures): Figures => ({ ...f, tp: f.tpConj, fp: f.fpConj, fn: f.fnConj });

/** Per-document floors, each tied to the golden it was measured on (floors only go up). */
export interface Floor {
  readonly golden: string;
  readonly clean: number;
  readonly titles: number;
  readonly leadExact: number;
  readonly tp: number;
  /** F1 of the units, rounded down to 3 decimals. */
  readonly f1: number;
}
export type Floors = Record<string, Floor>;

export const floorsFile = new URL("floors.json", corpusDir);
export const floorKey = (doc: Pick<CorpusDocument, "folder" | "id">): string => `${doc.folder}/${doc.id}`;
export const floorOf = (doc: CorpusDocument, f: Figures): Floor => ({ golden: doc.goldenHash, clean: f.clean, titles: f.titles, leadExact: f.leadExact, tp: f.tp, f1: Math.floor(f1(f) * 1000) / 1000 });

/** The figures below a floor, as readable lines (empty when the document is at or above it). */
export const belowFloor = (floor: Floor, now: Floor): string[] =>
  (["clean", "titles", "leadExact", "tp", "f1"] as const).filter((k) => now[k] < floor[k]).map((k) => `${k} ${now[k]} < floor ${floor[k]}`);

/** Raise floors to the figures measured now: never down, except for a document whose golden changed. */
export const raiseFloors = (old: Floors, now: Floors): Floors => {
  const out: Floors = {};
  for (const key of Object.keys(now).sort()) {
    const n = now[key] as Floor;
    const o = old[key];
    out[key] =
      o === undefined || o.golden !== n.golden
        ? n
        : { golden: n.golden, clean: Math.max(o.clean, n.clean), titles: Math.max(o.titles, n.titles), leadExact: Math.max(o.leadExact, n.leadExact), tp: Math.max(o.tp, n.tp), f1: Math.max(o.f1, n.f1) };
  }
  for (const key of Object.keys(old)) if (!(key in out)) out[key] = old[key] as Floor;
  return out;
};
