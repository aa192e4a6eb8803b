import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Plan } from "../../src/model/plan.js";
import { buildMatrix, tasksLedBy, workload } from "../../src/units/matrix.js";
import { fictionalRoster } from "../support/rosters.js";

const roster = fictionalRoster();
const names = roster.units.map((u) => u.name);
const phrases = ["各乡镇人民政府、街道办事处", "县直有关单位", "县政府各部门", "县政府其他部门按职责分工负责"];
const ref = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom(...phrases) });
const assignment = fc.record({ lead: fc.array(ref, { maxLength: 3 }), responsible: fc.array(ref, { maxLength: 4 }), support: fc.array(ref, { maxLength: 2 }) });

const arbPlan = fc.array(fc.array(assignment, { maxLength: 3 }), { minLength: 1, maxLength: 8 }).map((tasks) =>
  Plan.parse({
    id: "p-2024",
    title: "t",
    year: 2024,
    sections: [
      {
        no: 1,
        title: "s",
        tasks: tasks.map((clauses, i) => {
          const id = `p-2024.t${i + 1}`;
          return {
            id,
            no: i + 1,
            title: "t",
            text: "",
            requirements: [],
            clauses: clauses.map((a, c) => ({
              id: `${id}.c${c + 1}`,
              text: "",
              assignment: { lead: a.lead.map((text) => ({ text })), responsible: a.responsible.map((text) => ({ text })), support: a.support.map((text) => ({ text })) },
            })),
          };
        }),
      },
    ],
  }),
);

const byName = new Map(roster.units.map((u) => [u.name, u.id as string]));

describe("buildMatrix (properties)", () => {
  test.prop([arbPlan])("one cell per (unit, clause, role)", (plan) => {
    const m = buildMatrix(plan, roster);
    const keys = m.cells.map((c) => `${c.unitId}|${c.clauseId}|${c.role}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.prop([arbPlan])("every unit named directly gets a definite cell in its role", (plan) => {
    const m = buildMatrix(plan, roster);
    for (const task of plan.sections[0]!.tasks)
      for (const clause of task.clauses)
        for (const role of ["lead", "responsible", "support"] as const)
          for (const r of clause.assignment[role]) {
            const id = byName.get(r.text);
            if (id === undefined) continue;
            expect(m.cells.some((c) => c.clauseId === clause.id && c.unitId === id && c.role === role && c.certainty === "definite" && c.origin.kind === "direct")).toBe(true);
          }
  });

  test.prop([arbPlan])("a group never adds a unit already named in the same clause", (plan) => {
    const m = buildMatrix(plan, roster);
    const direct = new Set(m.cells.filter((c) => c.origin.kind === "direct").map((c) => `${c.unitId}|${c.clauseId}`));
    expect(m.cells.filter((c) => c.origin.kind === "group" && direct.has(`${c.unitId}|${c.clauseId}`))).toEqual([]);
  });

  test.prop([arbPlan])("tasksLedBy agrees with the lead cells and with workload", (plan) => {
    const m = buildMatrix(plan, roster);
    // One assertion per plan: per unit, [tasks it leads by tasksLedBy, by the lead cells, by workload].
    const rows = workload(m).map((row) => [row.unitId, tasksLedBy(m, row.unitId).length, new Set(m.cells.filter((c) => c.unitId === row.unitId && c.role === "lead").map((c) => c.taskId)).size, row.lead.definite + row.lead.candidate] as const);
    expect(rows).toEqual(rows.map(([unitId, n]) => [unitId, n, n, n]));
  });

  test.prop([arbPlan])("the same input gives the same matrix, and the input is not changed", (plan) => {
    const before = JSON.stringify(plan);
    expect(JSON.stringify(buildMatrix(plan, roster))).toBe(JSON.stringify(buildMatrix(plan, roster)));
    expect(JSON.stringify(plan)).toBe(before);
  });
});
