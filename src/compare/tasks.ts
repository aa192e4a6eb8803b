import type { ComparedTask, PlanRef } from "../model/compare.js";
import type { Plan, Section, Task } from "../model/plan.js";

/** A task with the section it sits in and its position in the plan (0-based, document order). */
export interface PlanTask {
  readonly task: Task;
  readonly section: Section;
  readonly position: number;
}

/**
 * Every task of a plan in document order. This is the only place in src/compare that knows how a
 * plan holds its tasks: if the model nests them deeper, this is the line to change.
 */
export const planTasks = (plan: Plan): PlanTask[] =>
  plan.sections.flatMap((section) => section.tasks.map((task) => ({ task, section }))).map((t, position) => ({ ...t, position }));

/** The plan as a comparison result cites it. */
export const planRef = (plan: Plan): PlanRef => (plan.year === undefined ? { id: plan.id, title: plan.title } : { id: plan.id, title: plan.title, year: plan.year });

/** A task as a comparison result shows it. */
export const comparedTask = ({ task, section }: PlanTask): ComparedTask => ({
  id: task.id,
  no: task.no,
  ...(task.label !== undefined ? { label: task.label } : {}),
  title: task.title,
  section: { no: section.no, title: section.title },
});
