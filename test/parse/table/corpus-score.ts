// Scoring a plan read from a corpus table against its golden answer (test/corpus/README.md):
// tasks expected / found / matched (label equal when the golden has one, text starting with the
// golden title), lead exact-set over golden tasks that have leads, unit precision / recall over
// (role, unit) pairs, units split at the README's separators on both sides.
import { readFileSync, readdirSync } from "node:fs";
import type { Plan, Role } from "../../../src/model/plan.js";
import { normalizeText } from "../../../src/text/normalize.js";
import type { GoldenTask } from "../../corpus/measure.js";

/** A golden task as the corpus README defines it (the shape the corpus runner reads). */
export type { GoldenTask } from "../../corpus/measure.js";

export interface CorpusDoc {
  readonly id: string;
  /** The text after the `----` line. */
  readonly text: string;
  readonly golden: readonly GoldenTask[];
}

const DIR = new URL("../../corpus/tables/", import.meta.url);

export const corpusTables = (): CorpusDoc[] =>
  readdirSync(DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const raw = readFileSync(new URL(f, DIR), "utf8");
      const id = f.slice(0, -4);
      const golden = (JSON.parse(readFileSync(new URL(`${id}.golden.json`, DIR), "utf8")) as { tasks: GoldenTask[] }).tasks;
      return { id, text: raw.slice(raw.indexOf("\n----\n") + 6), golden };
    });

const ROLES: readonly Role[] = ["lead", "responsible", "support"];
const squash = (s: string): string => normalizeText(s).replace(/\s+/g, "");
/** Split unit names as the README says: at 、，,；;/ and line breaks; brackets and 含 inside a list give their own units. */
const splitUnits = (names: readonly string[]): string[] =>
  names
    .flatMap((n) => squash(n).split(/[、，,；;/\n]/))
    .map((n) => n.replace(/[。]$/, ""))
    .filter((n) => n.length > 0);

export interface Score {
  readonly id: string;
  readonly expected: number;
  readonly found: number;
  readonly matched: number;
  readonly leadTasks: number;
  readonly leadExact: number;
  readonly unitsGolden: number;
  readonly unitsFound: number;
  readonly unitsRight: number;
}

const unitsOf = (task: Plan["sections"][number]["tasks"][number], role: Role): string[] => splitUnits(task.clauses.flatMap((c) => c.assignment[role].map((u) => u.text)));

/** Compare a plan with a golden. Found tasks are matched to golden tasks in order. */
export const scorePlan = (id: string, plan: Plan, golden: readonly GoldenTask[]): Score => {
  const tasks = plan.sections.flatMap((s) => s.tasks);
  let next = 0;
  let matched = 0;
  let leadTasks = 0;
  let leadExact = 0;
  let unitsRight = 0;
  let unitsGolden = 0;
  const unitsFound = tasks.reduce((n, t) => n + ROLES.reduce((m, r) => m + unitsOf(t, r).length, 0), 0);
  for (const g of golden) {
    const gl = ROLES.map((r) => splitUnits(g[r]));
    unitsGolden += gl.reduce((n, u) => n + u.length, 0);
    if (g.lead.length > 0) leadTasks += 1;
    const title = squash(g.title);
    const at = tasks.findIndex((t, i) => i >= next && (g.label === "" || t.label === g.label) && (squash(t.text).startsWith(title) || squash(t.title).startsWith(title)));
    if (at === -1) continue;
    next = at + 1;
    matched += 1;
    const t = tasks[at]!;
    ROLES.forEach((role, k) => {
      const want = [...(gl[k] ?? [])];
      for (const u of unitsOf(t, role)) {
        const i = want.indexOf(u);
        if (i !== -1) {
          unitsRight += 1;
          want.splice(i, 1);
        }
      }
    });
    const lead = new Set(unitsOf(t, "lead"));
    const want = new Set(gl[0]);
    if (g.lead.length > 0 && lead.size === want.size && [...want].every((u) => lead.has(u))) leadExact += 1;
  }
  return { id, expected: golden.length, found: tasks.length, matched, leadTasks, leadExact, unitsGolden, unitsFound, unitsRight };
};

const pct = (a: number, b: number): string => (b === 0 ? "–" : `${Math.round((a / b) * 100)}%`);

/** The scores as printable rows, with a total. */
export const scoreRows = (scores: readonly Score[]): Array<Record<string, string | number>> => {
  const total = scores.reduce(
    (t, s) => ({ ...t, expected: t.expected + s.expected, found: t.found + s.found, matched: t.matched + s.matched, leadTasks: t.leadTasks + s.leadTasks, leadExact: t.leadExact + s.leadExact, unitsGolden: t.unitsGolden + s.unitsGolden, unitsFound: t.unitsFound + s.unitsFound, unitsRight: t.unitsRight + s.unitsRight }),
    { id: "total", expected: 0, found: 0, matched: 0, leadTasks: 0, leadExact: 0, unitsGolden: 0, unitsFound: 0, unitsRight: 0 } as Score,
  );
  return [...scores, total].map((s) => ({
    table: s.id,
    "tasks expected": s.expected,
    found: s.found,
    matched: s.matched,
    "lead exact": `${s.leadExact}/${s.leadTasks}`,
    "unit P": pct(s.unitsRight, s.unitsFound),
    "unit R": pct(s.unitsRight, s.unitsGolden),
  }));
};
