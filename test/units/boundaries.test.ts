// Boundaries the other unit tests do not reach: a group defined by its listed members (with
// kinds and exclusions beside them), and a unit whose existence starts or ends on the plan date
// (validity is inclusive at both ends).
import { describe, expect, it } from "vitest";
import { IsoDate } from "../../src/model/dates.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { buildMatrix, groupMembers } from "../../src/units/matrix.js";
import { resolveUnits } from "../../src/units/resolve.js";

const doc = (lines: readonly string[]) => parsePlanText(["测试县2024年度法治政府建设工作安排", "一、甲", ...lines].join("\n"), { id: "b-2024" }).plan;

const roster = (units: readonly Record<string, unknown>[], groups: readonly Record<string, unknown>[] = []) =>
  Roster.parse({ id: "b", name: "测试县", source: { title: "虚构名录 / fictional roster for tests" }, units, groups });

const base = [
  { id: "sfj", name: "县司法局", kind: "government_department" },
  { id: "gaj", name: "县公安局", kind: "government_department" },
  { id: "xwb", name: "县委办", kind: "party_department" },
  { id: "rmy", name: "县人民医院", kind: "public_institution" },
];

describe("a group defined by its listed members", () => {
  const members = { id: "core", name: "核心单位", phrases: ["核心单位"], scope: "all", select: { members: ["xwb", "rmy"] } };
  const mixed = { id: "mixed", name: "执法单位", phrases: ["执法单位"], scope: "relevant", select: { kinds: ["government_department"], members: ["rmy"], exclude: ["gaj"] } };
  const r = roster(base, [members, mixed]);

  it("groupMembers: exactly the listed units, in roster order; kinds and members add up, exclude takes away", () => {
    expect(groupMembers(r, r.groups[0]!).map((u) => u.id)).toEqual(["xwb", "rmy"]);
    expect(groupMembers(r, r.groups[1]!).map((u) => u.id)).toEqual(["sfj", "rmy"]);
  });

  it("buildMatrix binds every listed member of an `all` group for certain, and a `relevant` group's as candidates", () => {
    const plan = doc(["（一）执法监督。每季度开展一次执法监督。", "牵头单位：县司法局", "责任单位：核心单位", "（二）专题讲座。每年举办两期。", "牵头单位：县公安局", "责任单位：执法单位"]);
    const m = buildMatrix(plan, r);
    const t1 = m.cells.filter((c) => c.taskId === "b-2024.t01" && c.origin.kind === "group");
    expect(t1.map((c) => [c.unitId, c.role, c.certainty])).toEqual([
      ["xwb", "responsible", "definite"],
      ["rmy", "responsible", "definite"],
    ]);
    const t2 = m.cells.filter((c) => c.taskId === "b-2024.t02" && c.origin.kind === "group");
    expect(t2.map((c) => [c.unitId, c.certainty])).toEqual([
      ["sfj", "candidate"],
      ["rmy", "candidate"],
    ]);
    expect(m.diagnostics.filter((d) => d.code === "group_unexpanded")).toEqual([]);
  });
});

describe("a unit's validity is inclusive at both ends, measured on the plan date (1 January of the plan year)", () => {
  const plan = doc(["（一）执法监督。每季度开展一次执法监督。", "牵头单位：县司法局", "责任单位：县公安局"]);
  const codes = (units: readonly Record<string, unknown>[]) => resolveUnits(plan, roster(units)).diagnostics.map((d) => d.code);
  const gaj = (validity: Record<string, string>) => base.map((u) => (u.id === "gaj" ? { ...u, ...validity } : u));

  it("a unit dissolved on the plan date still exists on it; dissolved the day before, it does not", () => {
    expect(codes(gaj({ validTo: "2024-01-01" }))).not.toContain("dissolved_unit");
    expect(codes(gaj({ validTo: "2023-12-31" }))).toContain("dissolved_unit");
  });

  it("a unit established on the plan date exists on it; established the day after, it does not yet", () => {
    expect(codes(gaj({ validFrom: "2024-01-01" }))).not.toContain("unit_not_established");
    expect(codes(gaj({ validFrom: "2024-01-02" }))).toContain("unit_not_established");
  });

  it("a group leaves out a member dissolved before the plan date and keeps one dissolved on it", () => {
    const group = { id: "g", name: "各部门", phrases: ["各部门"], scope: "all", select: { kinds: ["government_department"] } };
    const on = roster(gaj({ validTo: "2024-01-01" }), [group]);
    expect(groupMembers(on, on.groups[0]!, IsoDate.parse("2024-01-01")).map((u) => u.id)).toEqual(["sfj", "gaj"]);
    const before = roster(gaj({ validTo: "2023-12-31" }), [group]);
    expect(groupMembers(before, before.groups[0]!, IsoDate.parse("2024-01-01")).map((u) => u.id)).toEqual(["sfj"]);
  });
});
