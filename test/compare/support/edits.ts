// Realistic edits of a real plan, with the truth known by construction: renumbering (always),
// tasks moved within and between sections, reworded (genre synonyms, a sentence dropped, two
// sentences swapped, the year), split in two, merged with the next, deleted, and tasks added from
// other real documents. The edited plan is written out as a document in the seed's layout and read
// back with parsePlanText, so it goes through the pipeline users run.
import type { Plan, Task, UnitRef } from "../../../src/model/plan.js";
import { formatChineseNumeral } from "../../../src/text/numerals.js";

/** A small seeded PRNG (mulberry32): the same seed gives the same edits on every machine. */
export const rngOf = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Words the genre uses interchangeably; a rewording swaps some of them. */
const SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ["加强", "强化"],
  ["推进", "推动"],
  ["深入", "扎实"],
  ["持续", "不断"],
  ["健全", "完善"],
  ["全面", "全力"],
  ["进一步", "更加"],
  ["严格", "切实"],
  ["积极", "主动"],
  ["提升", "提高"],
  ["建立", "构建"],
  ["开展", "组织开展"],
];

const sentences = (text: string): string[] => text.match(/[^。；]+[。；]?/g)?.filter((s) => s.trim().length > 0) ?? [text];

/**
 * Reword a text: synonyms, the year, and sometimes a sentence dropped or two swapped. A heavy
 * rewording keeps about half of the sentences and adds one or two from `fresh` (other documents).
 */
export const reword = (text: string, rnd: () => number, year?: readonly [string, string], fresh: readonly string[] = []): string => {
  let parts = sentences(text);
  if (fresh.length > 0) {
    const kept = parts.filter(() => rnd() < 0.5);
    parts = kept.length > 0 ? kept : parts.slice(0, 1);
    for (let k = 1 + Math.floor(rnd() * 2); k > 0; k--) parts.splice(Math.floor(rnd() * (parts.length + 1)), 0, fresh[Math.floor(rnd() * fresh.length)] as string);
  }
  if (parts.length >= 4 && rnd() < 0.5) parts.splice(1 + Math.floor(rnd() * (parts.length - 1)), 1);
  if (parts.length >= 3 && rnd() < 0.4) {
    const k = 1 + Math.floor(rnd() * (parts.length - 2));
    parts = [...parts.slice(0, k), parts[k + 1] as string, parts[k] as string, ...parts.slice(k + 2)];
  }
  let out = parts.join("");
  for (const [x, y] of SYNONYMS) out = out.replace(new RegExp(x, "g"), (m) => (rnd() < 0.5 ? y : m));
  if (year !== undefined) out = out.split(year[0]).join(year[1]);
  return out;
};

/** One task of the edited plan: its text, units and which tasks of the original it came from. */
export interface EditedTask {
  text: string;
  lead: string[];
  responsible: string[];
  sources: number[];
}

/** The edited document and the true pairs (indices into the original's and the edited plan's tasks). */
export interface EditedPlan {
  readonly text: string;
  readonly tasks: readonly EditedTask[];
  readonly truth: ReadonlyArray<{ a: number[]; b: number[] }>;
  /** What was done, counted. */
  readonly ops: Readonly<Record<string, number>>;
}

export interface EditRates {
  delete: number;
  reword: number;
  split: number;
  merge: number;
  moveSection: number;
  moveOrder: number;
  /** The share of rewordings that are heavy (half the sentences replaced). */
  heavy: number;
  /** How many tasks to add from other documents. */
  add: number;
}

export const DEFAULT_RATES: EditRates = { delete: 0.06, reword: 0.4, split: 0.08, merge: 0.05, moveSection: 0.1, moveOrder: 0.1, heavy: 0, add: 3 };
/** Heavier edits: more rewording, and most of it heavy. */
export const HEAVY_RATES: EditRates = { ...DEFAULT_RATES, reword: 0.6, heavy: 0.7 };

const names = (refs: readonly UnitRef[]) => refs.map((r) => r.text);
const unitsOf = (t: Task, role: "lead" | "responsible") => [...new Set(t.clauses.flatMap((c) => names(c.assignment[role])))];

/**
 * Edit a plan. `extra` are texts of tasks from other real documents, to be added as new tasks.
 * Returns the new document text (seed layout: 一、 sections, （一） tasks numbered through, unit
 * lines) and the truth.
 */
export const editPlan = (plan: Plan, extra: readonly string[], seed: number, rates: EditRates = DEFAULT_RATES): EditedPlan => {
  const rnd = rngOf(seed);
  const ops: Record<string, number> = {};
  const count = (op: string) => (ops[op] = (ops[op] ?? 0) + 1);
  const fresh = extra.flatMap(sentences).filter((x) => x.length >= 12);
  const year = plan.year !== undefined ? ([String(plan.year), String(plan.year + 1)] as const) : undefined;
  const sections: Array<{ title: string; tasks: EditedTask[] }> = plan.sections.map((s) => ({ title: s.title, tasks: [] }));
  let index = 0;
  plan.sections.forEach((s, si) => {
    const tasks = sections[si]!.tasks;
    for (const t of s.tasks) {
      const i = index++;
      const base: EditedTask = { text: t.text, lead: unitsOf(t, "lead"), responsible: unitsOf(t, "responsible"), sources: [i] };
      if (rnd() < rates.delete) {
        count("delete");
        continue;
      }
      const prev = tasks[tasks.length - 1];
      if (prev !== undefined && prev.sources.length === 1 && prev.sources[0] === i - 1 && rnd() < rates.merge) {
        count("merge");
        prev.text = `${prev.text}${t.text}`;
        prev.sources.push(i);
        prev.lead = [...new Set([...prev.lead, ...base.lead])];
        continue;
      }
      if (rnd() < rates.reword) {
        count("reword");
        base.text = reword(base.text, rnd, year, rnd() < rates.heavy ? fresh : []);
      }
      const parts = sentences(base.text);
      if (parts.length >= 4 && rnd() < rates.split) {
        count("split");
        const cut = Math.floor(parts.length / 2);
        tasks.push({ ...base, text: parts.slice(0, cut).join("") });
        tasks.push({ ...base, text: parts.slice(cut).join(""), sources: [i] });
        continue;
      }
      tasks.push(base);
    }
  });
  // Moves: to another section, or to another place in the same section.
  for (const s of sections) {
    for (const t of [...s.tasks]) {
      const r = rnd();
      if (r < rates.moveSection && sections.length > 1) {
        count("moveSection");
        s.tasks.splice(s.tasks.indexOf(t), 1);
        const to = sections[Math.floor(rnd() * sections.length)]!;
        to.tasks.splice(Math.floor(rnd() * (to.tasks.length + 1)), 0, t);
      } else if (r < rates.moveSection + rates.moveOrder && s.tasks.length > 1) {
        count("moveOrder");
        s.tasks.splice(s.tasks.indexOf(t), 1);
        s.tasks.splice(Math.floor(rnd() * (s.tasks.length + 1)), 0, t);
      }
    }
  }
  const pool = [...extra];
  for (let k = 0; k < rates.add && pool.length > 0; k++) {
    count("add");
    const text = pool.splice(Math.floor(rnd() * pool.length), 1)[0]!;
    const s = sections[Math.floor(rnd() * sections.length)]!;
    s.tasks.splice(Math.floor(rnd() * (s.tasks.length + 1)), 0, { text, lead: [], responsible: [], sources: [] });
  }
  const kept = sections.filter((s) => s.tasks.length > 0);
  const lines: string[] = [`${plan.title.replace(year?.[0] ?? "\u0000", year?.[1] ?? "")}`, ""];
  const tasks: EditedTask[] = [];
  kept.forEach((s, si) => {
    lines.push(`${formatChineseNumeral(si + 1)}、${s.title}`, "");
    for (const t of s.tasks) {
      tasks.push(t);
      lines.push(`（${formatChineseNumeral(tasks.length)}）${t.text}`, "");
      if (t.lead.length > 0) lines.push(`牵头单位：${t.lead.join("、")}`, "");
      if (t.responsible.length > 0) lines.push(`责任单位：${t.responsible.join("，")}`, "");
    }
  });
  // The truth: every original task's pieces, and merged tasks' sources.
  const truth: Array<{ a: number[]; b: number[] }> = [];
  const pieces = new Map<number, number[]>();
  tasks.forEach((t, b) => {
    if (t.sources.length > 1) truth.push({ a: [...t.sources], b: [b] });
    else if (t.sources.length === 1) pieces.set(t.sources[0]!, [...(pieces.get(t.sources[0]!) ?? []), b]);
  });
  for (const [a, bs] of pieces) truth.push({ a: [a], b: bs });
  return { text: lines.join("\n"), tasks, truth, ops };
};
