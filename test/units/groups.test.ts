// The built-in collective phrases (src/units/groups.ts): each phrase documents write for a set of
// units is read as its group, and the group takes the units of its kinds — for certain, or as
// candidates where the document says 有关 (relevant) or 其他 (the others). The table below is
// written from how county documents phrase it, not copied from the code.
import { describe, expect, it } from "vitest";
import type { MatrixCell } from "../../src/model/matrix.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { lazy } from "../support/lazy.js";

// A fictional county with one unit of each kind that matters (names made up for the test).
const roster = () =>
  Roster.parse({
    id: "g",
    name: "测试县",
    source: { title: "虚构名录 / fictional roster for tests" },
    units: [
      { id: "sfj", name: "县司法局", kind: "government_department" },
      { id: "gaj", name: "县公安局", kind: "government_department" },
      { id: "xwb", name: "县委办", kind: "party_department" },
      { id: "town", name: "虚构甲镇人民政府", kind: "township" },
      { id: "sub", name: "虚构乙街道办事处", kind: "subdistrict" },
    ],
    groups: [],
  });

const ALL_LOCAL = "town sub";
const TABLE: ReadonlyArray<readonly [string, string, string]> = [
  // phrase, group, the units it brings (? = a candidate)
  ["各乡镇人民政府、街道办事处", "townships-and-subdistricts", ALL_LOCAL],
  ["各乡镇政府、街道办事处", "townships-and-subdistricts", ALL_LOCAL],
  ["各乡镇人民政府（街道办事处）", "townships-and-subdistricts", ALL_LOCAL],
  ["各镇人民政府（街道办事处）", "townships-and-subdistricts", ALL_LOCAL],
  ["各乡镇（街道）", "townships-and-subdistricts", ALL_LOCAL],
  ["各镇（街道）", "townships-and-subdistricts", ALL_LOCAL],
  ["各乡镇、街道", "townships-and-subdistricts", ALL_LOCAL],
  ["各镇、街道", "townships-and-subdistricts", ALL_LOCAL],
  ["各乡镇人民政府", "townships", "town"],
  ["各乡镇政府", "townships", "town"],
  ["各乡镇", "townships", "town"],
  ["各镇人民政府", "townships", "town"],
  ["各镇政府", "townships", "town"],
  ["各镇", "townships", "town"],
  ["各乡、镇人民政府", "townships", "town"],
  ["街道办事处", "subdistricts", "sub"],
  ["各街道办事处", "subdistricts", "sub"],
  ["各街道", "subdistricts", "sub"],
  ["县政府各部门", "government-departments", "sfj gaj"],
  ["各部门", "government-departments", "sfj gaj"],
  ["各部门领导班子", "government-departments", "sfj gaj"],
  ["县直有关单位", "county-units-relevant", "sfj? gaj?"],
  ["县直各有关单位", "county-units-relevant", "sfj? gaj?"],
  ["各有关部门", "county-units-relevant", "sfj? gaj?"],
  ["各有关单位", "county-units-relevant", "sfj? gaj?"],
  ["有关部门", "county-units-relevant", "sfj? gaj?"],
  ["有关单位", "county-units-relevant", "sfj? gaj?"],
  ["相关部门", "county-units-relevant", "sfj? gaj?"],
  ["相关单位", "county-units-relevant", "sfj? gaj?"],
  ["县直各单位", "county-units", "sfj gaj"],
  ["县直各部门", "county-units", "sfj gaj"],
  ["县直单位", "county-units", "sfj gaj"],
  // 其他: the government departments the task does not already name, as candidates.
  ["县政府其他部门按职责分工负责", "other-government-departments", "sfj? gaj?"],
  ["县政府其他部门", "other-government-departments", "sfj? gaj?"],
  ["其他有关部门按职责分工负责", "other-government-departments", "sfj? gaj?"],
  ["其他有关部门", "other-government-departments", "sfj? gaj?"],
];

/** One document with a task per phrase, each led by 县委办 (a unit named in the task is not brought again by a group); its matrix's responsible cells by task. */
const cellsByTask = lazy(() => {
  const tasks = TABLE.map(([phrase], i) => `（${i + 1}）任务${i + 1}。\n牵头单位：县委办\n责任单位：${phrase}`);
  const plan = parsePlanText(["测试县2024年度法治政府建设工作安排", "一、甲", ...tasks].join("\n"), { id: "g-2024" }).plan;
  const byTask = new Map<number, MatrixCell[]>();
  for (const c of buildMatrix(plan, roster()).cells) if (c.role === "responsible") byTask.set(Number(c.taskId.slice(-2)), [...(byTask.get(Number(c.taskId.slice(-2))) ?? []), c]);
  return byTask;
});

describe("the built-in collective phrases", () => {
  it.each(TABLE.map((row, i) => [...row, i + 1] as const))("%s is the group %s: %s", (_phrase, group, units, task) => {
    const cells = cellsByTask().get(task) ?? [];
    expect([...new Set(cells.map((c) => (c.origin.kind === "group" ? c.origin.groupId : "-")))]).toEqual([group]);
    expect(cells.map((c) => `${c.unitId}${c.certainty === "candidate" ? "?" : ""}`).join(" ")).toBe(units);
  });
});
