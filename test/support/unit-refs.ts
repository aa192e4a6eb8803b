import { type Plan, Role } from "../../src/model/plan.js";
import type { Roster } from "../../src/model/unit.js";
import { resolveUnits } from "../../src/units/resolve.js";

/** Every reference of a plan that names a roster unit once resolved against it: its path (as diagnostics give it) and unit id. */
export const namedUnitRefs = (plan: Plan, roster: Roster): Array<{ path: string; unitId: string }> => {
  const out: Array<{ path: string; unitId: string }> = [];
  resolveUnits(plan, roster).plan.sections.forEach((s, si) =>
    s.tasks.forEach((t, ti) =>
      t.clauses.forEach((c, ci) =>
        Role.options.forEach((role) =>
          c.assignment[role].forEach((r, ri) => {
            if (r.unitId !== undefined) out.push({ path: ["sections", si, "tasks", ti, "clauses", ci, "assignment", role, ri].join("."), unitId: r.unitId });
          }),
        ),
      ),
    ),
  );
  return out;
};
