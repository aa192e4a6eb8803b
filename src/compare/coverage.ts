import type { Coverage, CoverageLink } from "../model/compare.js";
import { deepFreeze } from "../model/freeze.js";
import type { Plan } from "../model/plan.js";
import { type AlignOptions, type Candidate, checkedArguments, linkOf, matchPlans, settingsOf } from "./align.js";
import type { Profile } from "./similarity.js";
import { type PlanTask, comparedTask, planRef } from "./tasks.js";

/**
 * {@link planCoverage} 的选项（与 {@link alignPlans} 相同）。Options of {@link planCoverage}: the
 * same as {@link alignPlans}'s.
 *
 * @category Compare
 * @example
 * const options: CoverageOptions = { threshold: 0.2 };
 */
export type CoverageOptions = AlignOptions;

/**
 * 对照上级文件（如市、省的工作要点）检查本级工作安排的落实情况：上级每项任务由哪些本级任务承接（带相似度、
 * 上级任务文字被包含的比例和共同词句，最相似的在前），哪些上级任务没有承接，哪些本级任务没有上级依据。
 * 一项本级任务可以承接多项上级任务，一项上级任务也可以由多项本级任务分解落实：除 {@link alignPlans}
 * 的对应外，相似度达到阈值、或大部分文字包含在对方之中的任务也算承接。
 *
 * How a plan covers a higher-level document (the city's or province's 要点): for each
 * higher-level task, the plan's tasks that take it up (with the similarity, the share of the
 * higher-level text they contain and the shared phrases, best first); the higher-level tasks nobody
 * took up; and the plan's tasks with no anchor above. Coverage is many-to-many: besides the pairs
 * of {@link alignPlans}, any two tasks at or above the threshold, or one mostly contained in the
 * other, are linked.
 *
 * @category Compare
 * @example
 * const coverage = planCoverage(cityPlan, countyPlan);
 * coverage.counts;
 * //=> { upperTasks: 3, taken: 3, untaken: 0, planTasks: 3, anchored: 3, unanchored: 0 }
 * coverage.items[0]!.takenUpBy[0]!.phrases;
 */
export const planCoverage = (upper: Plan, plan: Plan, options?: CoverageOptions): Coverage => {
  const m = matchPlans(upper, plan, settingsOf(checkedArguments("planCoverage", ["upper", "plan"], upper, plan, options)));
  const { threshold, containment, minScore } = m.settings;
  const links = new Map<number, Set<number>>();
  const link = (i: number, j: number) => (links.get(i) ?? links.set(i, new Set()).get(i)!).add(j);
  for (const g of m.groups) for (const i of g.a) for (const j of g.b) link(i, j);
  const strong = (c: Candidate) => c.dice >= threshold || (c.dice >= minScore && Math.max(c.coverA, c.coverB) >= containment);
  for (const c of m.candidates) if (strong(c)) link(c.i, c.j);

  const items = m.a.map((t, i) => {
    const takenUpBy: CoverageLink[] = [...(links.get(i) ?? [])]
      .map((j) => {
        const l = linkOf(m, i, j);
        return { j, link: { task: comparedTask(m.b[j] as PlanTask), score: l.score, coverage: l.coverageA, phrases: l.phrases } };
      })
      .sort((x, y) => y.link.score - x.link.score || (m.pb[x.j] as Profile).rank - (m.pb[y.j] as Profile).rank)
      .map(({ link: l }) => l);
    return { task: comparedTask(t), takenUpBy };
  });
  const anchored = new Set([...links.values()].flatMap((s) => [...s]));
  const untaken = items.filter((x) => x.takenUpBy.length === 0).map((x) => x.task);
  const unanchored = m.b.filter((_, j) => !anchored.has(j)).map(comparedTask);
  return deepFreeze({
    upper: planRef(upper),
    plan: planRef(plan),
    counts: {
      upperTasks: m.a.length,
      taken: m.a.length - untaken.length,
      untaken: untaken.length,
      planTasks: m.b.length,
      anchored: anchored.size,
      unanchored: unanchored.length,
    },
    items,
    untaken,
    unanchored,
  });
};
