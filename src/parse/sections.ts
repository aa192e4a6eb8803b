import type { Section, Task, TaskGroup } from "../model/plan.js";
import type { SectionDraft } from "./layout.js";
import type { ParseContext } from "./rules.js";
import { type UnitReading, readTaskContent } from "./tasks.js";

/** A section of the plan from its draft and its built tasks, with its groups. */
export const buildSection = (s: SectionDraft, tasks: Task[], reading: UnitReading, ctx: ParseContext): Section => {
  const first = s.block ?? s.tasks[0]?.blocks[0];
  const source = first === undefined ? undefined : s.block !== undefined ? ctx.spanOf(s.block) : ctx.spanOf(first, 0, 0);
  const groups: TaskGroup[] = s.groups.map((g) => {
    const roles = g.roles.length === 0 ? undefined : readTaskContent({ label: "", numeral: undefined, blocks: g.roles, cut: g.roles[0] === g.block ? (g.block.marker?.length ?? 0) : 0, container: 0 }, reading, ctx, []);
    const assignment = roles?.clauses.map((c) => c.assignment).reduce((a, b) => ({ lead: [...a.lead, ...b.lead], responsible: [...a.responsible, ...b.responsible], support: [...a.support, ...b.support] }));
    const group: TaskGroup = {
      ...(g.label !== "" ? { label: g.label } : {}),
      title: g.title,
      level: g.level,
      ...(g.text.length > 0 ? { text: g.text.map((b) => b.text).join("\n") } : {}),
      tasks: g.tasks.map((k) => (tasks[k] as Task).id),
      ...(assignment !== undefined ? { assignment } : {}),
      source: ctx.spanOf(g.block),
    };
    return group;
  });
  return {
    no: s.no,
    title: s.title,
    tasks,
    ...(source !== undefined ? { source } : {}),
    ...(s.intro.length > 0 ? { text: s.intro.map((b) => b.text).join("\n") } : {}),
    ...(groups.length > 0 ? { groups } : {}),
  };
};

