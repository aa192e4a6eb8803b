import { describe, expect, it } from "vitest";
import { type MatrixCell, ResponsibilityMatrix } from "../../src/model/matrix.js";
import { Plan } from "../../src/model/plan.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { buildMatrix, emptyGroupsOf, groupMembers, tasksLedBy, tasksOf, tasksWithoutLead, unitsFor, workload } from "../../src/units/matrix.js";
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

// A fictional county for the small documents below (names made up for the test).
const units = [
  { id: "sfj", name: "县司法局", kind: "government_department" },
  { id: "gaj", name: "县公安局", kind: "government_department" },
  { id: "xwb", name: "县委办", kind: "party_department" },
  { id: "rmy", name: "县人民医院", kind: "public_institution" },
];
const smallRoster = (groups: readonly Record<string, unknown>[] = []) => Roster.parse({ id: "m", name: "测试县", source: { title: "虚构名录 / fictional roster for tests" }, units, groups });

describe("buildMatrix on small hand-made documents", () => {
  const roster = smallRoster;
  const doc = (...lines: string[]) => parsePlanText(["测试县2024年度法治政府建设工作安排", "一、甲", ...lines].join("\n"), { id: "m-2024" }).plan;
  const row = (c: MatrixCell) => `${c.taskId.slice(-3)} ${c.unitId} ${c.role} ${c.certainty} ${c.origin.kind === "group" ? c.origin.groupId : "direct"}`;
  const responsible = (m: ResponsibilityMatrix) => m.cells.filter((c) => c.role === "responsible").map(row);

  it("a unit a `relevant` group offers and an `all` group names in the same clause and role is definite, once", () => {
    const m = buildMatrix(doc("（一）执法监督。", "牵头单位：县委办", "责任单位：县直有关单位、县政府各部门"), roster());
    expect(responsible(m)).toEqual([
      "t01 sfj responsible definite county-units-relevant",
      "t01 gaj responsible definite county-units-relevant",
      "t01 rmy responsible candidate county-units-relevant",
    ]);
    // The other order: the `all` group first, then the candidates do not lower it.
    const m2 = buildMatrix(doc("（一）执法监督。", "牵头单位：县委办", "责任单位：县政府各部门、县直有关单位"), roster());
    expect(responsible(m2)).toEqual([
      "t01 sfj responsible definite government-departments",
      "t01 gaj responsible definite government-departments",
      "t01 rmy responsible candidate county-units-relevant",
    ]);
  });

  it("a unit two `relevant` groups offer in one clause stays a candidate", () => {
    const m = buildMatrix(doc("（一）执法监督。", "牵头单位：县委办", "责任单位：县直有关单位、县政府其他部门"), roster());
    expect(responsible(m)).toEqual([
      "t01 sfj responsible candidate county-units-relevant",
      "t01 gaj responsible candidate county-units-relevant",
      "t01 rmy responsible candidate county-units-relevant",
    ]);
  });

  it("a unit named in one role is not added again by a group in another role of the same clause, but is in the next clause", () => {
    const m = buildMatrix(doc("（一）执法监督。", "牵头单位：县司法局", "责任单位：县政府各部门", "（二）普法。", "牵头单位：县委办", "责任单位：县政府各部门"), roster());
    expect(m.cells.map(row)).toEqual([
      "t01 sfj lead definite direct",
      "t01 gaj responsible definite government-departments",
      "t02 xwb lead definite direct",
      "t02 sfj responsible definite government-departments",
      "t02 gaj responsible definite government-departments",
    ]);
    expect(m.tasks).toEqual([
      { id: "m-2024.t01", no: 1, title: "执法监督" },
      { id: "m-2024.t02", no: 2, title: "普法" },
    ]);
  });

  it("lists only the units with a cell, in roster order, with their names and kinds", () => {
    const m = buildMatrix(doc("（一）执法监督。", "牵头单位：县人民医院、县司法局"), roster());
    expect(m.units).toEqual([
      { id: "sfj", name: "县司法局", kind: "government_department" },
      { id: "rmy", name: "县人民医院", kind: "public_institution" },
    ]);
    expect(m.planId).toBe("m-2024");
  });

  it("a clause with units but no lead is warned about at its path; a clause with no units is not", () => {
    const m = buildMatrix(doc("（一）执法监督。", "责任单位：县司法局", "（二）普法。", "牵头单位：县委办"), roster());
    const noLead = m.diagnostics.filter((d) => d.code === "no_lead");
    expect(noLead.map((d) => [d.severity, d.path.join("."), d.message, d.messageEn])).toEqual([["warning", "sections.0.tasks.0.clauses.0", "任务1的这一段落没有牵头单位", "This clause of task 1 has no lead unit"]]);
    expect(noLead[0]!.source).toBeDefined();
    const none = Plan.parse({ id: "e-2024", title: "t", year: 2024, sections: [{ no: 1, title: "s", tasks: [{ id: "e-2024.t01", no: 1, title: "t", text: "", requirements: [], clauses: [{ id: "e-2024.t01.c1", text: "", assignment: { lead: [], responsible: [], support: [] } }] }] }] });
    expect(buildMatrix(none, roster()).diagnostics).toEqual([]);
    const supportOnly = Plan.parse({ ...none, sections: [{ ...none.sections[0]!, tasks: [{ ...none.sections[0]!.tasks[0]!, clauses: [{ id: "e-2024.t01.c1", text: "", assignment: { lead: [], responsible: [], support: [{ text: "县公安局" }] } }] }] }] });
    expect(buildMatrix(supportOnly, roster()).diagnostics.map((d) => d.code)).toEqual(["no_lead"]);
  });

  it("a unit twice in a clause is warned about at the second mention, with its name", () => {
    const m = buildMatrix(doc("（一）执法监督。", "牵头单位：县司法局", "责任单位：县公安局、县司法局"), roster());
    const dup = m.diagnostics.filter((d) => d.code === "duplicate_unit_in_clause");
    expect(dup.map((d) => [d.path.join("."), d.message, d.messageEn])).toEqual([["sections.0.tasks.0.clauses.0.assignment.responsible.1", "“县司法局”在同一段落中出现两次", '"县司法局" appears twice in one clause']]);
    expect(dup[0]!.source).toBeDefined();
    // Both mentions keep a cell: lead and responsible are different roles.
    expect(m.cells.map(row)).toEqual(["t01 sfj lead definite direct", "t01 gaj responsible definite direct", "t01 sfj responsible definite direct"]);
  });

  it("a cell carries the reference's source span from a parsed document, and none from a hand-built plan", () => {
    const m = buildMatrix(doc("（一）执法监督。", "牵头单位：县司法局", "责任单位：县政府各部门"), roster());
    expect(m.cells.every((c) => c.source !== undefined)).toBe(true);
    const hand = Plan.parse({ id: "h-2024", title: "t", year: 2024, sections: [{ no: 1, title: "s", tasks: [{ id: "h-2024.t01", no: 1, title: "t", text: "", requirements: [], clauses: [{ id: "h-2024.t01.c1", text: "", assignment: { lead: [{ text: "县司法局" }], responsible: [{ text: "县政府各部门" }], support: [] } }] }] }] });
    const cells = buildMatrix(hand, roster()).cells;
    expect(cells.map((c) => Object.keys(c).includes("source"))).toEqual([false, false]);
    expect(cells[1]).toEqual({ unitId: "gaj", taskId: "h-2024.t01", clauseId: "h-2024.t01.c1", role: "responsible", certainty: "definite", origin: { kind: "group", groupId: "government-departments", text: "县政府各部门" } });
  });

  it("a group with no members is reported once with the number of places; a group by members says to add its units", () => {
    const members = { id: "core", name: "核心单位", phrases: ["核心单位"], scope: "all", select: { members: [] } };
    const m = buildMatrix(doc("（一）执法监督。", "牵头单位：县司法局", "责任单位：核心单位、各乡镇人民政府、街道办事处", "（二）普法。", "牵头单位：县委办", "责任单位：核心单位"), roster([members]));
    const d = m.diagnostics.filter((x) => x.code === "group_unexpanded");
    expect(d.map((x) => [x.severity, x.path.join("."), x.message, x.messageEn])).toEqual([
      [
        "warning",
        "sections.0.tasks.0.clauses.0.assignment.responsible.0",
        "单位组“核心单位”在名录中没有成员（共2处引用），无法展开；请在名录中补充单位",
        'Group "核心单位" has no members in the roster (2 references) and cannot be expanded; add its units to the roster',
      ],
      [
        "warning",
        "sections.0.tasks.0.clauses.0.assignment.responsible.1",
        "单位组“各乡镇人民政府、街道办事处”在名录中没有成员（共1处引用），无法展开；请在名录中补充类别为 township、subdistrict 的单位",
        'Group "各乡镇人民政府、街道办事处" has no members in the roster (1 references) and cannot be expanded; add units of kind township、subdistrict to the roster',
      ],
    ]);
    expect(d[0]!.source).toBeDefined();
  });

  it("references carrying a unit or group id the roster lacks get no cell (and an error), the others theirs", () => {
    const p = structuredClone(doc("（一）执法监督。", "牵头单位：县司法局、县公安局", "责任单位：县政府各部门、各部门"));
    const a = p.sections[0]!.tasks[0]!.clauses[0]!.assignment;
    Object.assign(a.lead[1]!, { unitId: "ghost" });
    Object.assign(a.responsible[1]!, { groupId: "ghost" });
    const m = buildMatrix(Plan.parse(p), roster());
    expect(m.cells.map(row)).toEqual(["t01 sfj lead definite direct", "t01 gaj responsible definite government-departments"]);
    expect(m.diagnostics.map((d) => d.code)).toEqual(["unknown_unit", "unknown_group"]);
  });

  it("reads a group's members at the date given in the options", () => {
    const r = Roster.parse({ id: "m", name: "测试县", source: { title: "虚构名录 / fictional roster for tests" }, units: [...units, { id: "new", name: "县新局", kind: "government_department", validFrom: "2024-07-01" }], groups: [] });
    const plan = doc("（一）执法监督。", "牵头单位：县委办", "责任单位：县政府各部门");
    const members = (date?: string) => buildMatrix(plan, r, date === undefined ? {} : { date: date as never }).cells.filter((c) => c.role === "responsible").map((c) => c.unitId);
    expect(members()).toEqual(["sfj", "gaj"]);
    expect(members("2024-07-01")).toEqual(["sfj", "gaj", "new"]);
    expect(buildMatrix(plan, r, { defaultGroups: false }).diagnostics.map((d) => d.code)).toEqual(["unknown_unit"]);
  });
});

describe("the queries on a small matrix", () => {
  const roster = smallRoster();
  const matrix = lazy(() =>
    buildMatrix(
      parsePlanText(
        ["测试县2024年度法治政府建设工作安排", "一、甲",
          "（一）甲任务。", "牵头单位：县公安局", "责任单位：县直有关单位",
          "（二）乙任务。", "牵头单位：县委办", "责任单位：县司法局", "配合单位：县人民医院",
          "（三）丙任务。", "牵头单位：县司法局、县公安局", "责任单位：县政府各部门、县直有关单位",
          "（四）丁任务。", "责任单位：县委办"].join("\n"),
        { id: "q-2024" },
      ).plan,
      roster,
    ),
  );
  const t = (...nos: number[]) => nos.map((n) => `q-2024.t0${n}`);

  it("tasksOf: by id or name, with each filter", () => {
    const m = matrix();
    expect(tasksOf(m, "sfj")).toEqual(t(1, 2, 3));
    expect(tasksOf(m, "县司法局")).toEqual(t(1, 2, 3));
    expect(tasksOf(m, "县司法局", { role: "lead" })).toEqual(t(3));
    expect(tasksOf(m, "县司法局", { includeGroups: false })).toEqual(t(2, 3));
    expect(tasksOf(m, "县司法局", { includeGroups: true, role: "responsible" })).toEqual(t(1, 2));
    expect(tasksOf(m, "县司法局", { certainty: "candidate" })).toEqual(t(1));
    expect(tasksOf(m, "县人民医院", { certainty: "definite" })).toEqual(t(2));
    expect(tasksOf(m, "县人民医院", { role: "support" })).toEqual(t(2));
    expect(tasksOf(m, "县委办", { certainty: "definite", role: "responsible" })).toEqual(t(4));
    expect(tasksOf(m, "县财政局")).toEqual([]);
  });

  it("unitsFor: in roster order, with each filter; tasksLedBy; tasksWithoutLead", () => {
    const m = matrix();
    expect(unitsFor(m, "q-2024.t03")).toEqual(["sfj", "gaj", "xwb", "rmy"]);
    expect(unitsFor(m, "q-2024.t03", { role: "lead" })).toEqual(["sfj", "gaj"]);
    expect(unitsFor(m, "q-2024.t03", { certainty: "candidate" })).toEqual(["xwb", "rmy"]);
    expect(unitsFor(m, "q-2024.t01", { includeGroups: false })).toEqual(["gaj"]);
    expect(unitsFor(m, "q-2024.t09")).toEqual([]);
    expect(tasksLedBy(m, "县公安局")).toEqual(t(1, 3));
    expect(tasksLedBy(m, "gaj")).toEqual(t(1, 3));
    expect(tasksLedBy(m, "rmy")).toEqual([]);
    expect(tasksWithoutLead(m)).toEqual(t(4));
  });

  it("workload: tasks per role, definite and candidate (a task counts once), most definite tasks first, then roster order", () => {
    expect(workload(matrix())).toEqual([
      { unitId: "sfj", name: "县司法局", lead: { definite: 1, candidate: 0 }, responsible: { definite: 1, candidate: 1 }, support: { definite: 0, candidate: 0 }, tasks: 2 },
      { unitId: "gaj", name: "县公安局", lead: { definite: 2, candidate: 0 }, responsible: { definite: 0, candidate: 0 }, support: { definite: 0, candidate: 0 }, tasks: 2 },
      { unitId: "xwb", name: "县委办", lead: { definite: 1, candidate: 0 }, responsible: { definite: 1, candidate: 2 }, support: { definite: 0, candidate: 0 }, tasks: 2 },
      { unitId: "rmy", name: "县人民医院", lead: { definite: 0, candidate: 0 }, responsible: { definite: 0, candidate: 2 }, support: { definite: 1, candidate: 0 }, tasks: 1 },
    ]);
  });

  it("workload: a unit definite and a candidate in one role of one task (two clauses) counts as definite only", () => {
    const m = buildMatrix(
      parsePlanText(["测试县2024年度法治政府建设工作安排", "一、甲", "（一）甲任务。", "牵头单位：县委办", "责任单位：县司法局", "一是开展检查。", "牵头单位：县委办", "责任单位：县直有关单位"].join("\n"), { id: "w-2024" }).plan,
      roster,
    );
    expect(m.tasks).toHaveLength(1);
    expect(workload(m).find((r) => r.unitId === "sfj")).toMatchObject({ responsible: { definite: 1, candidate: 0 }, tasks: 1 });
    expect(workload(m).find((r) => r.unitId === "gaj")).toMatchObject({ responsible: { definite: 0, candidate: 1 }, tasks: 0 });
  });

  it("workload passes over a cell whose unit a hand-made matrix does not list", () => {
    const m = matrix();
    const extra = { ...m, cells: [...m.cells, { ...m.cells[0]!, unitId: "ghost" }] };
    expect(workload(extra as never)).toEqual(workload(m));
  });

  it("check their arguments", () => {
    const m = matrix();
    expect(() => tasksOf(m, 1 as never)).toThrow("tasksOf：参数 unit 不正确：应为单位编号或名称 (tasksOf: bad argument unit: must be a unit id or name)");
    expect(() => tasksLedBy(m, 1 as never)).toThrow("tasksLedBy：参数 unit 不正确：应为单位编号或名称 (tasksLedBy: bad argument unit: must be a unit id or name)");
    expect(() => unitsFor(m, undefined as never)).toThrow("unitsFor：参数 taskId 不正确：应为任务编号 (unitsFor: bad argument taskId: must be a task id)");
    expect(() => tasksOf(m, "sfj", { role: "boss" } as never)).toThrow(/参数 filter 不正确/);
    expect(() => tasksOf(m, "sfj", { extra: 1 } as never)).toThrow(/参数 filter 不正确/);
    expect(() => tasksLedBy({} as never, "sfj")).toThrow(/tasksLedBy：参数 matrix 不正确/);
    expect(() => tasksWithoutLead({} as never)).toThrow(/tasksWithoutLead：参数 matrix 不正确/);
    expect(() => workload({} as never)).toThrow(/workload：参数 matrix 不正确/);
    expect(() => groupMembers({} as never, {} as never)).toThrow(/groupMembers：参数 roster 不正确/);
    expect(() => groupMembers(roster, {} as never)).toThrow(/groupMembers：参数 group 不正确/);
    expect(() => groupMembers(roster, { id: "g", name: "g", scope: "all", select: {} } as never, "2024-13-01" as never)).toThrow(/groupMembers：参数 date 不正确/);
    expect(() => buildMatrix({} as never, roster)).toThrow(/buildMatrix：参数 plan 不正确/);
  });
});

describe("emptyGroupsOf: the groups a clause charges that the roster cannot expand", () => {
  const roster = Roster.parse({ id: "e", name: "测试县", source: { title: "虚构名录 / fictional roster for tests" }, units: [{ id: "sfj", name: "县司法局", kind: "government_department" }], groups: [] });
  const plan = () =>
    parsePlanText(
      ["测试县2024年度法治政府建设工作安排", "一、甲",
        "（一）甲任务。每季度报送一次。", "牵头单位：县司法局", "责任单位：县政府各部门、街道办事处、县司法局、街道办事处", "配合单位：各乡镇",
        "（二）乙任务。", "牵头单位：各乡镇", "责任单位：县司法局"].join("\n"),
      { id: "e-2024" },
    ).plan;

  it("names each once, in the document's order, for the task and for each clause; lead and responsible only; groups with members never", () => {
    const of = emptyGroupsOf(plan(), roster);
    expect(of("e-2024.t01")).toEqual(["街道办事处"]);
    expect(of("e-2024.t01", "e-2024.t01.c1")).toEqual(["街道办事处"]);
    expect(of("e-2024.t02")).toEqual(["各乡镇人民政府"]);
    expect(of("e-2024.t02", "e-2024.t02.c1")).toEqual(["各乡镇人民政府"]);
    expect(of("e-2024.t02", "e-2024.t01.c1")).toEqual([]);
    expect(of("e-2024.t01", "no-such-clause")).toEqual([]);
    expect(of("e-2024.t09")).toEqual([]);
  });

  it("names every empty group of a task and of a clause, not only the first or the last", () => {
    const two = parsePlanText(["测试县2024年度法治政府建设工作安排", "一、甲", "（一）甲任务。", "牵头单位：各乡镇", "责任单位：街道办事处、县司法局、街道办事处"].join("\n"), { id: "e-2024" }).plan;
    const of = emptyGroupsOf(two, roster);
    expect(of("e-2024.t01")).toEqual(["各乡镇人民政府", "街道办事处"]);
    expect(of("e-2024.t01", "e-2024.t01.c1")).toEqual(["各乡镇人民政府", "街道办事处"]);
  });
});
