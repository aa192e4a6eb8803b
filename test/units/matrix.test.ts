import { describe, expect, it } from "vitest";
import { ResponsibilityMatrix } from "../../src/model/matrix.js";
import { Plan } from "../../src/model/plan.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { buildMatrix, groupMembers, tasksLedBy, tasksOf, tasksWithoutLead, unitsFor, workload } from "../../src/units/matrix.js";
import { lazy } from "../support/lazy.js";
import { fictionalRoster, seedRoster } from "../support/rosters.js";
import { seedText } from "../support/seed.js";

const { plan } = parsePlanText(seedText(), { id: "wuzhi-2024" });
// Built inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
const seedMatrix = lazy(() => buildMatrix(plan, seedRoster()));
const townsMatrix = lazy(() => buildMatrix(plan, fictionalRoster()));
const t = (no: number) => `wuzhi-2024.t${String(no).padStart(2, "0")}`;

describe("buildMatrix on the seed", () => {
  it("has 23 distinct lead units; 县司法局 leads 18 tasks and 县政府办 11", () => {
    const matrix = seedMatrix();
    expect(new Set(matrix.cells.filter((c) => c.role === "lead").map((c) => c.unitId)).size).toBe(23);
    expect(tasksLedBy(matrix, "县司法局")).toHaveLength(18);
    expect(tasksLedBy(matrix, "sfj")).toHaveLength(18);
    expect(tasksLedBy(matrix, "县政府办")).toHaveLength(11);
    expect(tasksLedBy(matrix, "县政府办")).toEqual([7, 9, 10, 20, 21, 24, 25, 30, 31, 32, 33].map(t));
  });

  it("warns that task 12 has no lead, and lists the tasks without one", () => {
    const matrix = seedMatrix();
    const noLead = matrix.diagnostics.filter((d) => d.code === "no_lead");
    expect(noLead.map((d) => [d.severity, d.path.join(".")])).toEqual([["warning", "sections.4.tasks.1.clauses.0"]]);
    expect(tasksWithoutLead(matrix)).toEqual([t(1), t(2), t(12)]);
  });

  it("reports the township group it cannot expand, once, and never invents townships", () => {
    const matrix = seedMatrix();
    const d = matrix.diagnostics.filter((x) => x.code === "group_unexpanded");
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain("各乡镇人民政府、街道办事处");
    expect(d[0]!.message).toContain("33处");
    expect(matrix.units.some((u) => u.name.includes("乡") || u.name.includes("镇"))).toBe(false);
    expect(matrix.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  });

  it("expands 各乡镇人民政府 on task 3 to exactly the roster's townships and subdistricts", () => {
    const withTowns = townsMatrix();
    const roster = fictionalRoster();
    const expected = roster.units.filter((u) => u.kind === "township" || u.kind === "subdistrict").map((u) => u.id);
    const cells = withTowns.cells.filter((c) => c.taskId === t(3) && c.origin.kind === "group" && c.origin.groupId === "townships-and-subdistricts");
    expect(cells.map((c) => c.unitId)).toEqual(expected);
    expect(cells.every((c) => c.certainty === "definite" && c.role === "responsible")).toBe(true);
    expect(cells[0]!.origin.text).toBe("各乡镇人民政府、街道办事处");
    expect(withTowns.diagnostics.filter((x) => x.code === "group_unexpanded")).toEqual([]);
  });

  it("marks 县直有关单位 members as candidates and leaves out units named in the clause", () => {
    const withTowns = townsMatrix();
    const t3 = withTowns.cells.filter((c) => c.taskId === t(3));
    const lead = t3.filter((c) => c.role === "lead");
    expect(lead.map((c) => [c.unitId, c.certainty, c.origin.kind])).toEqual([["xwbb", "definite", "direct"]]);
    const relevant = t3.filter((c) => c.origin.kind === "group" && c.origin.groupId === "county-units-relevant");
    expect(relevant.every((c) => c.certainty === "candidate")).toBe(true);
    expect(relevant.map((c) => c.unitId)).not.toContain("xwbb");
    expect(relevant).toHaveLength(31);
  });

  it("expands 县政府其他部门按职责分工负责 to government departments not named in task 12", () => {
    const matrix = seedMatrix();
    const c12 = matrix.cells.filter((c) => c.taskId === t(12));
    const other = c12.filter((c) => c.origin.kind === "group").map((c) => c.unitId);
    const named = c12.filter((c) => c.origin.kind === "direct").map((c) => c.unitId);
    expect(named).toHaveLength(15);
    expect(other.filter((u) => named.includes(u))).toEqual([]);
    const gov = seedRoster().units.filter((u) => u.kind === "government_department" && !named.includes(u.id)).map((u) => u.id);
    expect(other).toEqual(gov);
  });

  it("answers the small queries", () => {
    const matrix = seedMatrix();
    expect(unitsFor(matrix, t(21), { role: "lead" })).toEqual(["sfj", "zfb", "fy", "jcy"]);
    expect(tasksOf(matrix, "县司法局", { role: "responsible", includeGroups: false })).toEqual([t(12)]);
    expect(tasksOf(matrix, "县司法局", { role: "responsible", certainty: "definite" })).toEqual([t(12)]);
    expect(tasksOf(matrix, "县司法局", { role: "responsible" }).length).toBe(15);
    expect(tasksOf(matrix, "不存在的单位")).toEqual([]);
    const w = workload(matrix);
    expect(w[0]).toMatchObject({ name: "县司法局", lead: { definite: 18, candidate: 0 }, tasks: 19 });
    expect(w.find((r) => r.name === "县政府办")!.lead.definite).toBe(11);
  });

  it("is a valid, frozen ResponsibilityMatrix", () => {
    const matrix = seedMatrix();
    expect(ResponsibilityMatrix.safeParse(JSON.parse(JSON.stringify(matrix))).success).toBe(true);
    expect(Object.isFrozen(matrix.cells[0])).toBe(true);
  });
});

describe("buildMatrix validation", () => {
  const small = (lead: string[], responsible: string[]) =>
    Plan.parse({
      id: "v-2024",
      title: "t",
      year: 2024,
      sections: [{ no: 1, title: "s", tasks: [{ id: "v-2024.t01", no: 1, title: "t", text: "", requirements: [], clauses: [{ id: "v-2024.t01.c1", text: "", assignment: { lead: lead.map((text) => ({ text })), responsible: responsible.map((text) => ({ text })), support: [] } }] }] }],
    });

  it("reports an unknown unit (error) and one unit twice in a clause (warning)", () => {
    const m = buildMatrix(small(["县司法局", "县司法局"], ["县不存在局"]), seedRoster());
    expect(m.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["unknown_unit", "error"],
      ["duplicate_unit_in_clause", "warning"],
    ]);
    expect(m.cells.filter((c) => c.unitId === "sfj")).toHaveLength(1);
  });

  it("reports a dissolved unit (error)", () => {
    const r = structuredClone(seedRoster());
    Object.assign(r.units.find((u) => u.id === "sfj")!, { validTo: "2023-06-30" });
    const m = buildMatrix(small(["县司法局"], []), r);
    expect(m.diagnostics.map((d) => d.code)).toEqual(["dissolved_unit"]);
  });

  it("groupMembers leaves out excluded and dissolved units", () => {
    const r = fictionalRoster();
    Object.assign(r.units.find((u) => u.id === "test-town-b")!, { validTo: "2020-01-01" });
    const g = { id: "g", name: "g", scope: "all", select: { kinds: ["township", "subdistrict"], exclude: ["test-sub-c"] } } as never;
    expect(groupMembers(r, g, "2024-01-01" as never).map((u) => u.id)).toEqual(["test-town-a"]);
  });
});
