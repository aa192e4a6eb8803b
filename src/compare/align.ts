import type { AlignedPair, Alignment, AlignmentLink, PairKind } from "../model/compare.js";
import { FazhiError } from "../model/diagnostic.js";
import { argument, optionsOf } from "../model/guard.js";
import { deepFreeze } from "../model/freeze.js";
import { Plan } from "../model/plan.js";
import {
  type Measure,
  type Profile,
  candidatePairs,
  compareLinks,
  measureSets,
  profileOf,
  round3,
  sharedPhrases,
  unionOf,
  prepareProfiles,
} from "./similarity.js";
import { type PlanTask, planRef, planTasks } from "./tasks.js";

/**
 * {@link alignPlans}、{@link diffPlans}、{@link planCoverage} 的选项。Options of the comparisons.
 *
 * @category Compare
 * @example
 * const options: AlignOptions = { threshold: 0.4, maxPhrases: 3 };
 */
export interface AlignOptions {
  /**
   * 一对一配对的最低相似度（加权字符二元组 Dice 系数，0–1，默认 0.25）。
   * The least similarity for a one-to-one pair (weighted Dice over character bigrams, 0–1; default 0.25).
   */
  readonly threshold?: number;
  /**
   * 拆分、合并和部分承接：一个任务至少有这么多文字（按权重）出现在另一任务中（默认 0.6）。
   * For splits, merges and partial take-up: the least share of one task's text found in the other (default 0.6).
   */
  readonly containment?: number;
  /** 上述情形的最低相似度（默认 0.15）。The least similarity for those links (default 0.15). */
  readonly minScore?: number;
  /** 每条对应最多列出几条共同词句（默认 5）。How many shared phrases each link shows (default 5). */
  readonly maxPhrases?: number;
}

/** Options with their defaults, checked once. */
export interface Settings {
  readonly threshold: number;
  readonly containment: number;
  readonly minScore: number;
  readonly maxPhrases: number;
}

const share = (name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new FazhiError("invalid_argument", `选项 ${name} 应为 0 到 1 之间的数`, `Option ${name} must be a number from 0 to 1`);
  }
  return value;
};

/** The two plans and the options of a public comparison function, checked at the boundary. */
export const checkedArguments = <O extends AlignOptions>(fn: string, names: readonly [string, string], a: unknown, b: unknown, options: O | undefined): Partial<O> => {
  argument(fn, names[0], Plan, a);
  argument(fn, names[1], Plan, b);
  return optionsOf(fn, options);
};

export const settingsOf = (options: AlignOptions = {}): Settings => {
  const maxPhrases = options.maxPhrases ?? 5;
  if (!Number.isInteger(maxPhrases) || maxPhrases < 0 || maxPhrases > 100) {
    throw new FazhiError("invalid_argument", "选项 maxPhrases 应为 0 到 100 之间的整数", "Option maxPhrases must be an integer from 0 to 100");
  }
  return {
    threshold: share("threshold", options.threshold, 0.25),
    containment: share("containment", options.containment, 0.6),
    minScore: share("minScore", options.minScore, 0.15),
    maxPhrases,
  };
};

/** The text a task is compared by: its full text, or its title when it has none. */
const textOf = (t: PlanTask): string => (t.task.text.length > 0 ? t.task.text : t.task.title);

/** One candidate link, measured. */
export interface Candidate extends Measure {
  readonly i: number;
  readonly j: number;
}

/** A group of corresponding tasks, by index into each plan's task list. */
export interface Group {
  kind: PairKind;
  a: number[];
  b: number[];
}

/** Everything the comparisons need: the tasks, their profiles, the groups and every measured candidate. */
export interface Matching {
  readonly a: readonly PlanTask[];
  readonly b: readonly PlanTask[];
  readonly pa: readonly Profile[];
  readonly pb: readonly Profile[];
  readonly groups: readonly Group[];
  readonly candidates: readonly Candidate[];
  readonly settings: Settings;
}

/**
 * Pair the tasks of two plans. (1) Identical texts pair first, in id order. (2) Candidates come
 * from shared shingles and are measured on weighted bigrams; best first, pairs at or above the
 * threshold become 1:1. (3) A task left over joins a group when most of its text is found in a
 * task of the other plan (a split part, a merged part, or a partial take-up), best first.
 */
export const matchPlans = (planA: Plan, planB: Plan, settings: Settings): Matching => {
  const a = planTasks(planA);
  const b = planTasks(planB);
  const pa = a.map((t) => profileOf(textOf(t), t.task.id));
  const pb = b.map((t) => profileOf(textOf(t), t.task.id));
  prepareProfiles([...pa, ...pb]);
  const groupOfA = new Int32Array(a.length).fill(-1);
  const groupOfB = new Int32Array(b.length).fill(-1);
  const groups: Group[] = [];
  const join = (g: number, side: "a" | "b", k: number) => {
    const group = groups[g] as Group;
    group[side].push(k);
    (side === "a" ? groupOfA : groupOfB)[k] = g;
    group.kind = group.a.length > 1 ? "merge" : group.b.length > 1 ? "split" : "same";
  };
  const pair = (i: number, j: number) => {
    groups.push({ kind: "same", a: [], b: [] });
    join(groups.length - 1, "a", i);
    join(groups.length - 1, "b", j);
  };

  // (1) Exact matches, like git's exact renames: same key, zipped in id order.
  const byKey = new Map<string, { a: number[]; b: number[] }>();
  pa.forEach((p, i) => (byKey.get(p.key) ?? byKey.set(p.key, { a: [], b: [] }).get(p.key)!).a.push(i));
  pb.forEach((p, j) => byKey.get(p.key)?.b.push(j));
  for (const { a: is, b: js } of byKey.values()) {
    if (js.length === 0) continue;
    const ids = (ps: readonly Profile[]) => (x: number, y: number) => (ps[x] as Profile).rank - (ps[y] as Profile).rank;
    is.sort(ids(pa));
    js.sort(ids(pb));
    for (let k = 0; k < Math.min(is.length, js.length); k++) pair(is[k] as number, js[k] as number);
  }

  // (2) Candidates from the shingle index, measured; one to one, best first.
  const done = (g: Int32Array) => Uint8Array.from(g, (x) => (x >= 0 ? 1 : 0));
  const candidates: Candidate[] = candidatePairs(pa, pb, done(groupOfA), done(groupOfB))
    .map(([i, j]) => ({ i, j, ...measureSets(pa[i] as Profile, pb[j] as Profile) }))
    .filter((c) => c.shared > 0);
  const tie = (x: Candidate, y: Candidate) => compareLinks(pa[x.i] as Profile, pb[x.j] as Profile, pa[y.i] as Profile, pb[y.j] as Profile);
  candidates.sort((x, y) => y.dice - x.dice || tie(x, y));
  for (const c of candidates) {
    if (c.dice < settings.threshold) break;
    if (groupOfA[c.i] === -1 && groupOfB[c.j] === -1) pair(c.i, c.j);
  }

  // (3) Parts: a task left over whose text is mostly inside a task of the other plan.
  const within = (c: Candidate) => Math.max(groupOfB[c.j] === -1 ? c.coverB : 0, groupOfA[c.i] === -1 ? c.coverA : 0);
  const parts = candidates.filter((c) => c.dice >= settings.minScore && within(c) >= settings.containment);
  parts.sort((x, y) => within(y) - within(x) || y.dice - x.dice || tie(x, y));
  for (const c of parts) {
    const gi = groupOfA[c.i] as number;
    const gj = groupOfB[c.j] as number;
    if (gi === -1 && gj === -1) pair(c.i, c.j);
    else if (gj === -1 && c.coverB >= settings.containment && (groups[gi] as Group).a.length === 1) join(gi, "b", c.j);
    else if (gi === -1 && c.coverA >= settings.containment && (groups[gj] as Group).b.length === 1) join(gj, "a", c.i);
  }
  for (const g of groups) {
    g.a.sort((x, y) => x - y);
    g.b.sort((x, y) => x - y);
  }
  groups.sort((x, y) => (x.a[0] as number) - (y.a[0] as number) || (x.b[0] as number) - (y.b[0] as number));
  return { a, b, pa, pb, groups, candidates, settings };
};

/** A link between task i of a and task j of b, as results show it. */
export const linkOf = (m: Matching, i: number, j: number): AlignmentLink => {
  const pa = m.pa[i] as Profile;
  const pb = m.pb[j] as Profile;
  const s = pa.key === pb.key ? { dice: 1, coverA: 1, coverB: 1 } : measureSets(pa, pb);
  return {
    a: (m.a[i] as PlanTask).task.id,
    b: (m.b[j] as PlanTask).task.id,
    score: round3(s.dice),
    coverageA: round3(s.coverA),
    coverageB: round3(s.coverB),
    phrases: sharedPhrases(pa.text, pb.text, m.settings.maxPhrases),
  };
};

/** The similarity of a group's two sides, taken together. */
export const groupScore = (m: Matching, g: Group): number => {
  const a = g.a.map((i) => m.pa[i] as Profile);
  const b = g.b.map((j) => m.pb[j] as Profile);
  if (a.length === 1 && b.length === 1 && (a[0] as Profile).key === (b[0] as Profile).key) return 1;
  return round3(measureSets(unionOf(a), unionOf(b)).dice);
};

const alignedPair = (m: Matching, g: Group): AlignedPair => ({
  kind: g.kind,
  a: g.a.map((i) => (m.a[i] as PlanTask).task.id),
  b: g.b.map((j) => (m.b[j] as PlanTask).task.id),
  score: groupScore(m, g),
  links: g.a.flatMap((i) => g.b.map((j) => linkOf(m, i, j))),
});

/** Indices of the tasks of one side that are in no group. */
export const unpaired = (m: Matching, side: "a" | "b"): number[] => {
  const paired = new Set(m.groups.flatMap((g) => g[side]));
  return m[side].map((_, k) => k).filter((k) => !paired.has(k));
};

/**
 * 按文字对照两份工作安排的任务（如上一年和本年，或上级要点和本级安排），不受编号、顺序、所在部分变化的影响，
 * 能识别改写、一拆为多（1:n）和多合为一（n:1）。每组对应带相似度和支持它的共同词句（两段原文中都有的子串）。
 *
 * 方法仿照 git 的重命名检测：先配对文字完全相同的任务；再用字符四元组索引找出候选对（不两两比较），
 * 以加权（越少见的二字组合权重越大）的字符二元组 Dice 系数打分，从最相似的开始一对一配对（默认阈值 0.25）；
 * 最后把剩下的、大部分文字包含在另一任务中的任务并入该组（拆分、合并）。结果与任务顺序和运行环境无关，
 * 输入不被修改，结果被冻结。
 *
 * Pair the tasks of two plans by their text (last year's and this year's, or a higher-level
 * document and a plan made under it), whatever their numbering, order or section, through
 * rewording, splits (1:n) and merges (n:1). Every group has a similarity score and the shared
 * phrases that justify it (substrings of both texts).
 *
 * The method is git's rename detection: identical texts pair first; then candidates come from an
 * index of character 4-grams (never every pair), are scored by weighted Dice over character
 * bigrams (rare pairs of characters count more), and pair one to one best first above the threshold
 * (default 0.25); last, a leftover task whose text lies mostly inside a task of the other plan
 * joins that task's group (a split or merge). The result depends neither on task order nor on
 * the host; inputs are not changed and the result is frozen.
 *
 * @category Compare
 * @example
 * const { plan: a } = parsePlanText(text2024);
 * const { plan: b } = parsePlanText(text2025);
 * const alignment = alignPlans(a, b);
 * alignment.pairs[0];
 * //=> { kind: "same", a: ["plan-2024.t01"], b: ["plan-2025.t01"], score: 0.94, links: [...] }
 */
export const alignPlans = (a: Plan, b: Plan, options?: AlignOptions): Alignment => {
  const m = matchPlans(a, b, settingsOf(checkedArguments("alignPlans", ["a", "b"], a, b, options)));
  return deepFreeze({
    a: planRef(a),
    b: planRef(b),
    pairs: m.groups.map((g) => alignedPair(m, g)),
    unpairedA: unpaired(m, "a").map((i) => (m.a[i] as PlanTask).task.id),
    unpairedB: unpaired(m, "b").map((j) => (m.b[j] as PlanTask).task.id),
  });
};
