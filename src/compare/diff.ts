import type { ComparedTask, PlanDiff, RequirementRef, ScheduleChange, TaskChange, TaskMove, UnitChange } from "../model/compare.js";
import { addMonths } from "../model/dates.js";
import { deepFreeze } from "../model/freeze.js";
import type { UnitId } from "../model/ids.js";
import type { Plan, Requirement, Role, Section, UnitRef } from "../model/plan.js";
import type { ScheduleRule } from "../model/schedule.js";
import { argument } from "../model/guard.js";
import { Roster } from "../model/unit.js";
import { type AlignOptions, type Group, type Matching, checkedArguments, groupScore, matchPlans, settingsOf, unpaired } from "./align.js";
import { compareStrings, contentKey } from "./similarity.js";
import { type PlanTask, comparedTask, planRef } from "./tasks.js";
import { diffText } from "./text-diff.js";

/**
 * {@link diffPlans} 的选项。Options of {@link diffPlans}.
 *
 * @category Compare
 * @example
 * const options: DiffOptions = { roster, threshold: 0.3 };
 */
export interface DiffOptions extends AlignOptions {
  /**
   * 单位名录：有名录时，按名称、别名和曾用名判断两年写法不同的是否为同一单位（记为更名，而非增删）。
   * The roster: with it, two names of one unit (name, alias or former name) count as a rename,
   * not as a unit removed and another added. Without it, units compare by their written names
   * (or by `unitId` when the plans were resolved).
   */
  readonly roster?: Roster;
}

const ROLES: readonly Role[] = ["lead", "responsible", "support"];

// ---- units ----

/** Names (normalised, without spaces) → unit id; a name two units share is ambiguous (null). */
const rosterNames = (roster: Roster | undefined): Map<string, UnitId | null> => {
  const names = new Map<string, UnitId | null>();
  for (const unit of roster?.units ?? []) {
    for (const name of [unit.name, ...(unit.aliases ?? []), ...(unit.formerNames ?? []).map((f) => f.name)]) {
      const k = contentKey(name);
      const seen = names.get(k);
      names.set(k, seen === undefined || seen === unit.id ? unit.id : null);
    }
  }
  return names;
};

interface Named {
  readonly text: string;
  readonly unitId?: UnitId;
}

/** The units of some tasks in one role, by identity (unit id, else the written name), first writing kept. */
const unitsIn = (tasks: readonly PlanTask[], role: Role, names: Map<string, UnitId | null>): Map<string, Named> => {
  const out = new Map<string, Named>();
  const refs: UnitRef[] = tasks.flatMap((t) => t.task.clauses.flatMap((c) => c.assignment[role]));
  for (const ref of refs) {
    const unitId = ref.unitId ?? names.get(contentKey(ref.text)) ?? undefined;
    const id = unitId !== undefined ? `u:${unitId}` : `t:${contentKey(ref.text)}`;
    if (!out.has(id)) out.set(id, unitId !== undefined ? { text: ref.text, unitId } : { text: ref.text });
  }
  return out;
};

const unitChanges = (previous: readonly PlanTask[], next: readonly PlanTask[], names: Map<string, UnitId | null>): UnitChange[] =>
  ROLES.flatMap((role) => {
    const before = unitsIn(previous, role, names);
    const after = unitsIn(next, role, names);
    const changes: UnitChange[] = [];
    for (const [id, u] of before) {
      const now = after.get(id);
      if (now === undefined) changes.push({ role, change: "removed", unit: u.text, ...(u.unitId !== undefined ? { unitId: u.unitId } : {}) });
      else if (u.unitId !== undefined && contentKey(u.text) !== contentKey(now.text)) changes.push({ role, change: "renamed", from: u.text, to: now.text, unitId: u.unitId });
    }
    for (const [id, u] of after) if (!before.has(id)) changes.push({ role, change: "added", unit: u.text, ...(u.unitId !== undefined ? { unitId: u.unitId } : {}) });
    return changes;
  });

// ---- schedule ----

/** Rules with a date or a count: the ones a schedule change is about. */
const DATED: ReadonlySet<ScheduleRule["kind"]> = new Set(["deadline", "window", "recurring", "quota"]);

/** A rule with its dates moved by whole years (to compare plans of different years). */
const shiftRule = (rule: ScheduleRule, years: number): ScheduleRule => {
  if (years === 0) return rule;
  switch (rule.kind) {
    case "deadline":
      return { kind: "deadline", due: addMonths(rule.due, 12 * years) };
    case "window":
      return { kind: "window", from: addMonths(rule.from, 12 * years), to: addMonths(rule.to, 12 * years) };
    case "recurring":
    case "quota":
    case "ongoing":
    case "on_event":
      return rule;
    default: {
      const never: never = rule;
      return never;
    }
  }
};

const sameRule = (x: ScheduleRule, y: ScheduleRule): boolean => JSON.stringify(x, Object.keys(x).sort()) === JSON.stringify(y, Object.keys(y).sort());

const bigrams = (text: string): Set<string> => {
  const k = contentKey(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < k.length; i++) out.add(k.slice(i, i + 2));
  if (k.length === 1) out.add(k);
  return out;
};
const dice = (x: Set<string>, y: Set<string>): number => {
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return x.size + y.size === 0 ? 1 : (2 * shared) / (x.size + y.size);
};

const requirementRef = (r: Requirement): RequirementRef => ({ id: r.id, phrase: r.phrase, rule: r.rule });

/** Requirements pair by their action (best first, symmetric ties); pairs whose rules differ are changes. */
const scheduleChanges = (previous: readonly PlanTask[], next: readonly PlanTask[], years: number): ScheduleChange[] => {
  const before = previous.flatMap((t) => t.task.requirements);
  const after = next.flatMap((t) => t.task.requirements);
  const gramsBefore = before.map((r) => bigrams(r.action));
  const gramsAfter = after.map((r) => bigrams(r.action));
  const order = (r: Requirement) => `${contentKey(r.action)}\u0000${r.id}`;
  const candidates: Array<{ i: number; j: number; score: number; same: boolean; lo: string; hi: string }> = [];
  before.forEach((p, i) =>
    after.forEach((n, j) => {
      const score = dice(gramsBefore[i] as Set<string>, gramsAfter[j] as Set<string>);
      if (score < 0.5) return;
      const [lo, hi] = [order(p), order(n)].sort(compareStrings) as [string, string];
      candidates.push({ i, j, score, same: sameRule(shiftRule(p.rule, years), n.rule), lo, hi });
    }),
  );
  candidates.sort((x, y) => y.score - x.score || Number(y.same) - Number(x.same) || compareStrings(x.lo, y.lo) || compareStrings(x.hi, y.hi));
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const changes: ScheduleChange[] = [];
  for (const c of candidates) {
    if (usedBefore.has(c.i) || usedAfter.has(c.j)) continue;
    usedBefore.add(c.i);
    usedAfter.add(c.j);
    if (c.same) continue;
    const p = before[c.i] as Requirement;
    const n = after[c.j] as Requirement;
    if (!DATED.has(p.rule.kind) && !DATED.has(n.rule.kind)) continue;
    const change = p.rule.kind === "deadline" && n.rule.kind === "deadline" ? "deadline_moved" : p.rule.kind === "window" && n.rule.kind === "window" ? "window_moved" : "rule_changed";
    changes.push({ change, previous: requirementRef(p), next: requirementRef(n) });
  }
  before.forEach((r, i) => {
    if (!usedBefore.has(i) && DATED.has(r.rule.kind)) changes.push({ change: "removed", previous: requirementRef(r) });
  });
  after.forEach((r, j) => {
    if (!usedAfter.has(j) && DATED.has(r.rule.kind)) changes.push({ change: "added", next: requirementRef(r) });
  });
  return changes;
};

// ---- moves ----

/**
 * Groups out of their relative order: those not on a heaviest increasing chain of next-plan
 * positions taken in previous-plan order (each group weighs one, plus a little for the length of
 * its text, so that the short task is the one said to move). O(n log n) with a Fenwick tree.
 */
const outOfOrder = (m: Matching): Set<number> => {
  const groups = m.groups;
  const n = groups.length;
  const byB = groups.map((g, k) => [g.b[0] as number, k] as const).sort((x, y) => x[0] - y[0]);
  const rankB = new Int32Array(n);
  byB.forEach(([, k], r) => (rankB[k] = r + 1));
  const weight = (g: Group) => 2 ** 32 + Math.min(2 ** 31, [...g.a.map((i) => (m.pa[i]?.key.length ?? 0)), ...g.b.map((j) => (m.pb[j]?.key.length ?? 0))].reduce((s, x) => s + x, 0));
  const treeBest = new Float64Array(n + 1);
  const treeAt = new Int32Array(n + 1).fill(-1);
  const best = new Float64Array(n);
  const before = new Int32Array(n).fill(-1);
  // groups are sorted by their first task in the previous plan
  for (let k = 0; k < n; k++) {
    let bestPrev = 0;
    let at = -1;
    for (let r = (rankB[k] as number) - 1; r > 0; r -= r & -r) {
      if ((treeBest[r] as number) > bestPrev) {
        bestPrev = treeBest[r] as number;
        at = treeAt[r] as number;
      }
    }
    best[k] = bestPrev + weight(groups[k] as Group);
    before[k] = at;
    for (let r = rankB[k] as number; r <= n; r += r & -r) {
      if ((best[k] as number) > (treeBest[r] as number)) {
        treeBest[r] = best[k] as number;
        treeAt[r] = k;
      }
    }
  }
  let end = -1;
  for (let k = 0; k < n; k++) if (end === -1 || (best[k] as number) > (best[end] as number)) end = k;
  const chain = new Set<number>();
  for (let k = end; k !== -1; k = before[k] as number) chain.add(k);
  return new Set(groups.map((_, k) => k).filter((k) => !chain.has(k)));
};

/**
 * Whether two sections (one of each plan) correspond: the same title; or, for a section whose
 * title the other plan does not have, the section that received (or gave) most of its tasks.
 * Symmetric, so that diffPlans(b, a) says the same about moves.
 */
const sectionsCorrespond = (m: Matching): ((s: Section, t: Section) => boolean) => {
  const titles = (tasks: readonly PlanTask[]) => new Set(tasks.map((t) => contentKey(t.section.title)));
  const titlesA = titles(m.a);
  const titlesB = titles(m.b);
  const majority = (from: "a" | "b"): Map<Section, Section> => {
    const counts = new Map<Section, Map<Section, number>>();
    for (const g of m.groups) {
      const s = (from === "a" ? m.a[g.a[0] as number] : m.b[g.b[0] as number]) as PlanTask;
      const t = (from === "a" ? m.b[g.b[0] as number] : m.a[g.a[0] as number]) as PlanTask;
      const row = counts.get(s.section) ?? counts.set(s.section, new Map()).get(s.section)!;
      row.set(t.section, (row.get(t.section) ?? 0) + 1);
    }
    const out = new Map<Section, Section>();
    for (const [s, row] of counts) {
      const [best] = [...row].sort((x, y) => y[1] - x[1] || x[0].no - y[0].no);
      if (best !== undefined) out.set(s, best[0]);
    }
    return out;
  };
  const forward = majority("a");
  const backward = majority("b");
  return (s, t) => {
    const ks = contentKey(s.title);
    const kt = contentKey(t.title);
    if (ks === kt) return true;
    return (!titlesB.has(ks) && forward.get(s) === t) || (!titlesA.has(kt) && backward.get(t) === s);
  };
};

// ---- the diff ----

const joinedText = (tasks: readonly PlanTask[]): string => tasks.map((t) => (t.task.text.length > 0 ? t.task.text : t.task.title)).join("\n");

/**
 * 比较两年（或两个版本）的工作安排：新增、删去的任务，移动（换部分或换顺序；仅编号变化不算移动）、拆分、合并、
 * 改写（附字符级差异，Myers 算法，长文本有工作量上限）、各角色的单位变化（有单位名录时，曾用名或别名视为更名）、
 * 时间变化（截止时间提前或推后、周期规则改变，按年度差换算后比较）。任务按文字对应（见 {@link alignPlans}），
 * 与编号无关。`diffPlans(a, b)` 与 `diffPlans(b, a)` 互逆：新增与删去互换，更名方向相反。
 *
 * What changed from one plan to the next: tasks added and removed; moved (to another section or
 * out of order — renumbering alone is not a move), split, merged; reworded, with a
 * character-level diff (Myers, with a work budget for long texts); units per role (with a roster,
 * a former name or alias of the same unit is a rename); and the schedule (a deadline or window
 * moved, a rule changed, compared after shifting by the difference of the plan years). Tasks
 * correspond by their text ({@link alignPlans}), not by their numbers. `diffPlans(a, b)` and
 * `diffPlans(b, a)` are inverses: added and removed swap, renames run the other way.
 *
 * @category Compare
 * @example
 * const diff = diffPlans(plan2024, plan2025, { roster });
 * diff.counts;
 * //=> { previousTasks: 35, nextTasks: 36, added: 2, removed: 1, reworded: 9, … }
 * diff.tasks.filter((t) => t.units.length > 0);
 */
export const diffPlans = (previous: Plan, next: Plan, options?: DiffOptions): PlanDiff => {
  const checked = checkedArguments("diffPlans", ["previous", "next"], previous, next, options);
  if (checked.roster !== undefined) argument("diffPlans", "options.roster", Roster, checked.roster);
  const m = matchPlans(previous, next, settingsOf(checked));
  const names = rosterNames(checked.roster);
  const years = previous.year !== undefined && next.year !== undefined ? next.year - previous.year : 0;
  const disordered = outOfOrder(m);
  const correspond = sectionsCorrespond(m);
  const changes = m.groups.map((g, k): [number, TaskChange] => {
    const before = g.a.map((i) => m.a[i] as PlanTask);
    const after = g.b.map((j) => m.b[j] as PlanTask);
    const first = [before[0] as PlanTask, after[0] as PlanTask] as const;
    const move: TaskMove = !correspond(first[0].section, first[1].section) ? "section" : disordered.has(k) ? "order" : "none";
    const reworded = g.a.map((i) => m.pa[i]?.key).join("\n") !== g.b.map((j) => m.pb[j]?.key).join("\n");
    const change: TaskChange = {
      kind: g.kind,
      previous: before.map(comparedTask),
      next: after.map(comparedTask),
      score: groupScore(m, g),
      move,
      renumbered: first[0].task.no !== first[1].task.no || (first[0].task.label ?? "") !== (first[1].task.label ?? ""),
      reworded,
      ...(reworded ? { text: diffText(joinedText(before), joinedText(after)) } : {}),
      units: unitChanges(before, after, names),
      schedule: scheduleChanges(before, after, years),
    };
    return [g.b[0] as number, change];
  });
  const tasks = changes.sort((x, y) => x[0] - y[0]).map(([, c]) => c);
  const added: ComparedTask[] = unpaired(m, "b").map((j) => comparedTask(m.b[j] as PlanTask));
  const removed: ComparedTask[] = unpaired(m, "a").map((i) => comparedTask(m.a[i] as PlanTask));
  const count = (f: (c: TaskChange) => boolean | number) => tasks.reduce((n, c) => n + Number(f(c)), 0);
  return deepFreeze({
    previous: planRef(previous),
    next: planRef(next),
    counts: {
      previousTasks: m.a.length,
      nextTasks: m.b.length,
      added: added.length,
      removed: removed.length,
      split: count((c) => c.kind === "split"),
      merged: count((c) => c.kind === "merge"),
      moved: count((c) => c.move !== "none"),
      renumbered: count((c) => c.renumbered),
      reworded: count((c) => c.reworded),
      unitChanges: count((c) => c.units.length),
      scheduleChanges: count((c) => c.schedule.length),
      unchanged: count((c) => c.move === "none" && !c.reworded && c.units.length === 0 && c.schedule.length === 0),
    },
    added,
    removed,
    tasks,
  });
};
