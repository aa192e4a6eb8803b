// Real plans for the comparison tests (the seed and the corpus's plans, as parsePlanText reads them),
// and fast-check arbitraries of their permutations and edits.
import { readdirSync } from "node:fs";
import fc from "fast-check";
import { planTasks } from "../../../src/compare/tasks.js";
import { addMonths } from "../../../src/model/dates.js";
import type { Plan, Section, Task } from "../../../src/model/plan.js";
import { parsePlanText } from "../../../src/parse/parse-plan.js";
import { seedText } from "../../support/seed.js";
import { reword, rngOf } from "./edits.js";
import { corpusText } from "./evaluate.js";

export const seedPlan = (id = "wuzhi-2024"): Plan => parsePlanText(seedText(), { id }).plan;

/** A corpus plan as parsePlanText reads it, its id made from the corpus id. */
export const corpusPlan = (id: string): Plan => parsePlanText(corpusText(`plans/${id}`), { id: id.replace(/[^A-Za-z0-9-]/g, "") }).plan;

/** Every corpus plan the parser reads at least one task from, by corpus id. */
export const corpusPlans = (): Array<[string, Plan]> =>
  readdirSync(new URL("../../corpus/plans/", import.meta.url))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f): [string, Plan] => [f.replace(/\.txt$/, ""), corpusPlan(f.replace(/\.txt$/, ""))])
    .filter(([, p]) => planTasks(p).length > 0);

const SEED = seedPlan();
const CORPUS = corpusPlans();
/** The seed and every corpus plan with tasks. */
export const REAL_PLANS: readonly Plan[] = [SEED, ...CORPUS.map(([, p]) => p)];
export const arbRealPlan: fc.Arbitrary<Plan> = fc.constantFrom(...REAL_PLANS);

/** A copy of a plan whose ids, numbers and requirement ids follow the tasks' new order. */
export const renumber = (plan: Plan, id: string, sections: ReadonlyArray<{ section: Section; tasks: Task[] }>): Plan => {
  let no = 0;
  return {
    ...plan,
    id: id as Plan["id"],
    sections: sections.map(({ section, tasks }) => ({
      ...section,
      tasks: tasks.map((t) => {
        no += 1;
        const tid = `${id}.t${String(no).padStart(2, "0")}`;
        return {
          ...t,
          id: tid,
          no,
          clauses: t.clauses.map((c, k) => ({ ...c, id: `${tid}.c${k + 1}` })),
          requirements: t.requirements.map((r, k) => ({ ...r, id: `${tid}.r${k + 1}`, ...(r.clauseId !== undefined ? { clauseId: `${tid}.c${r.clauseId.split(".c").pop()}` } : {}) })),
        } as Task;
      }),
    })),
  } as Plan;
};

/**
 * Tasks put in another order, possibly into other sections, given one sort key and one section
 * pick per task. With `keepIds`, the tasks keep their ids (the same plan, listed differently);
 * without, they are renumbered as a new document would be.
 */
export const permuted = (plan: Plan, keys: readonly number[], picks: readonly number[], keepIds: boolean, id = `${plan.id}-p`): Plan => {
  const tasks = planTasks(plan).map((t, k) => ({ task: t.task, key: keys[k] ?? 0, section: (picks[k] ?? 0) % plan.sections.length }));
  tasks.sort((x, y) => x.key - y.key);
  const sections = plan.sections.map((section, s) => ({ section, tasks: tasks.filter((t) => t.section === s).map((t) => t.task) }));
  if (keepIds) return { ...plan, sections: sections.map(({ section, tasks: ts }) => ({ ...section, tasks: ts })) } as Plan;
  return renumber(plan, id, sections);
};

/** A permutation of a real plan: per task a sort key and a section. */
export const arbPermutation = (plan: Plan) => {
  const n = planTasks(plan).length;
  return fc.record({ keys: fc.array(fc.nat(1000), { minLength: n, maxLength: n }), picks: fc.array(fc.nat(20), { minLength: n, maxLength: n }) });
};

/**
 * A real plan with twins: after each picked task, a reworded copy of it (a sentence dropped or
 * swapped, synonyms) or an exact copy, renumbered. Aligning such a plan with itself must still
 * pair every task with itself, not with its twin.
 */
export const arbPlanWithTwins = arbRealPlan.chain((plan) => {
  const n = planTasks(plan).length;
  return fc.tuple(fc.array(fc.constantFrom("none", "reworded", "exact"), { minLength: n, maxLength: n }), fc.integer()).map(([picks, seed]) => {
    const rnd = rngOf(seed);
    const sections = plan.sections.map((section) => ({ section, tasks: [] as Task[] }));
    planTasks(plan).forEach((t, k) => {
      const s = sections[plan.sections.indexOf(t.section)]!;
      s.tasks.push(t.task);
      if (picks[k] === "reworded") s.tasks.push({ ...t.task, text: reword(t.task.text, rnd) });
      if (picks[k] === "exact") s.tasks.push(t.task);
    });
    return renumber(plan, `${plan.id}-twins`, sections);
  });
});

/** What to do to each task of a plan, for an edited version of it. */
export interface TaskEdit {
  readonly drop: boolean;
  readonly reword: boolean;
  readonly unit: "keep" | "drop_lead" | "add_support";
  readonly deadline: number;
}
const arbTaskEdit: fc.Arbitrary<TaskEdit> = fc.record({
  drop: fc.nat(9).map((x) => x === 0),
  reword: fc.boolean(),
  unit: fc.constantFrom("keep", "keep", "drop_lead", "add_support"),
  deadline: fc.integer({ min: -2, max: 2 }),
});

/**
 * An edited version of a real plan, as next year's: tasks dropped, reworded (synonyms, a sentence
 * dropped or swapped; seeded), units dropped or added, deadlines moved by some months (besides the
 * year), tasks added from another real plan, everything renumbered, the year one later.
 */
export const edited = (plan: Plan, edits: readonly TaskEdit[], extra: Plan, seed: number, keys: readonly number[]): Plan => {
  const rnd = rngOf(seed);
  const kept = planTasks(plan).flatMap((t, k): Array<{ task: Task; section: Section; key: number }> => {
    const e = edits[k];
    if (e === undefined || e.drop) return [];
    let task: Task = t.task;
    if (e.reword) task = { ...task, text: reword(task.text, rnd) };
    if (e.unit !== "keep") {
      task = {
        ...task,
        clauses: task.clauses.map((c, ci) =>
          ci > 0
            ? c
            : { ...c, assignment: e.unit === "drop_lead" ? { ...c.assignment, lead: c.assignment.lead.slice(1) } : { ...c.assignment, support: [...c.assignment.support, { text: "县统计局" }] } },
        ),
      };
    }
    // The next year's plan: every date a year later, deadlines moved by e.deadline months more.
    task = {
      ...task,
      requirements: task.requirements.map((r) =>
        r.rule.kind === "deadline"
          ? { ...r, rule: { kind: "deadline", due: addMonths(r.rule.due, 12 + e.deadline) } }
          : r.rule.kind === "window"
            ? { ...r, rule: { kind: "window", from: addMonths(r.rule.from, 12), to: addMonths(r.rule.to, 12) } }
            : r,
      ),
    } as Task;
    return [{ task, section: t.section, key: keys[k] ?? k }];
  });
  const added = planTasks(extra).map((t, k) => ({ task: t.task, section: plan.sections[k % plan.sections.length] as Section, key: keys[k] ?? k }));
  const all = [...kept, ...added].sort((x, y) => x.key - y.key);
  const sections = plan.sections.map((section) => ({ section, tasks: all.filter((t) => t.section === section).map((t) => t.task) }));
  return { ...renumber(plan, `${plan.id}-e`, sections), ...(plan.year !== undefined ? { year: plan.year + 1 } : {}) } as Plan;
};

/** A real plan and an edited version of it (for the inverse law and order independence). */
export const arbEditedPair = arbRealPlan.chain((plan) => {
  const n = planTasks(plan).length;
  return fc.record({
    plan: fc.constant(plan),
    edits: fc.array(arbTaskEdit, { minLength: n, maxLength: n }),
    extra: arbRealPlan.filter((p) => p.id !== plan.id),
    seed: fc.integer(),
    keys: fc.array(fc.nat(1000), { minLength: n + 10, maxLength: n + 10 }),
  });
});
