import { describe, expect, it } from "vitest";
import { Plan } from "../../src/model/plan.js";
import { Roster } from "../../src/model/unit.js";
import { readPlan, readRoster, validatePlan, validateRoster } from "../../src/model/validate.js";
import { countCollectionOps } from "../support/count-ops.js";

const plan = (): Plan =>
  Plan.parse({
    id: "demo-2024",
    title: "示例县2024年度法治政府建设工作安排",
    year: 2024,
    sections: [
      {
        no: 1,
        title: "第一部分",
        tasks: [
          {
            id: "demo-2024.t01",
            no: 1,
            title: "任务一",
            text: "任务一。6月底前完成。",
            clauses: [{ id: "demo-2024.t01.c1", text: "任务一", assignment: { lead: [{ text: "县司法局", unitId: "sfj" }], responsible: [], support: [] } }],
            requirements: [{ id: "demo-2024.t01.r1", clauseId: "demo-2024.t01.c1", phrase: "6月底前完成", action: "完成", rule: { kind: "deadline", due: "2024-06-30" } }],
          },
          { id: "demo-2024.t02", no: 2, title: "任务二", text: "", clauses: [], requirements: [] },
        ],
      },
    ],
  });

const roster = (): Roster =>
  Roster.parse({
    id: "demo",
    name: "示例县",
    source: { title: "测试用名录（虚构）" },
    units: [
      { id: "sfj", name: "县司法局", kind: "government_department", aliases: ["司法局"] },
      { id: "zfb", name: "县政府办", kind: "government_department", aliases: ["县政府办公室"] },
      { id: "town-a", name: "甲乡人民政府", kind: "township", parent: "zfb" },
    ],
    groups: [{ id: "townships", name: "各乡镇人民政府", phrases: ["各乡镇人民政府"], scope: "all", select: { kinds: ["township"] } }],
  });

const codes = (ds: ReadonlyArray<{ code: string }>) => ds.map((d) => d.code);

describe("validatePlan", () => {
  it("accepts a consistent plan", () => {
    expect(validatePlan(plan())).toEqual([]);
  });

  it("reports duplicate ids with the path of the repeat", () => {
    const p = structuredClone(plan());
    p.sections[0]!.tasks[1]!.id = p.sections[0]!.tasks[0]!.id;
    const issues = validatePlan(p);
    expect(codes(issues)).toEqual(["duplicate_id"]);
    expect(issues[0]!.path).toEqual(["sections", 0, "tasks", 1, "id"]);
    expect(issues[0]!.message).toContain("重复");
    expect(issues[0]!.messageEn).toContain("Duplicate");
  });

  it("warns about numbering gaps and repeats", () => {
    const p = structuredClone(plan());
    p.sections[0]!.tasks[1]!.no = 3;
    expect(codes(validatePlan(p))).toEqual(["numbering_gap"]);
    p.sections[0]!.tasks[1]!.no = 1;
    expect(codes(validatePlan(p)).sort()).toEqual(["duplicate_task_no", "numbering_repeat"]);
  });

  it("checks requirement clauses, windows and the plan year", () => {
    const p = structuredClone(plan());
    const req = p.sections[0]!.tasks[0]!.requirements[0]!;
    (req as { clauseId: string }).clauseId = "demo-2024.t01.c9";
    req.rule = { kind: "window", from: "2025-09-30", to: "2024-09-01" } as typeof req.rule;
    const issues = validatePlan(p);
    expect(codes(issues).sort()).toEqual(["date_outside_plan_year", "unknown_clause", "window_reversed"]);
    expect(issues.find((d) => d.code === "date_outside_plan_year")!.severity).toBe("warning");
    expect(issues.find((d) => d.code === "unknown_clause")!.path).toEqual(["sections", 0, "tasks", 0, "requirements", 0, "clauseId"]);
  });

  it("checks task groups and the year range of a multi-year plan", () => {
    const p = structuredClone(plan()) as Plan & { endYear?: number };
    p.sections[0]!.groups = [{ label: "（一）", title: "分组", level: 1, tasks: ["demo-2024.t01" as never, "demo-2024.t09" as never] }];
    expect(validatePlan(p).map((d) => [d.code, d.path.join(".")])).toEqual([["unknown_group_task", "sections.0.groups.0.tasks.1"]]);
    p.sections[0]!.groups = [];
    p.sections[0]!.tasks[0]!.requirements[0]!.rule = { kind: "deadline", due: "2025-06-30" as never };
    expect(codes(validatePlan(p))).toEqual(["date_outside_plan_year"]);
    p.endYear = 2025;
    expect(codes(validatePlan(p))).toEqual([]);
    p.endYear = 2023;
    expect(codes(validatePlan(p))).toEqual(["year_range_reversed", "date_outside_plan_year"]);
  });

  it("rejects a reference to both a unit and a group, and reversed spans", () => {
    const p = structuredClone(plan());
    const ref = p.sections[0]!.tasks[0]!.clauses[0]!.assignment.lead[0]!;
    Object.assign(ref, { groupId: "townships", source: { start: 10, end: 5, line: 1 } });
    expect(codes(validatePlan(p)).sort()).toEqual(["ambiguous_ref", "invalid_source_span"]);
  });
});

describe("validateRoster", () => {
  it("accepts a consistent roster", () => {
    expect(validateRoster(roster())).toEqual([]);
  });

  it("reports duplicate ids and names, alias collisions, unknown parents and cycles", () => {
    const r = structuredClone(roster());
    r.units.push({ ...r.units[0]!, aliases: ["县政府办公室"] });
    r.units[1]!.parent = "town-a" as never;
    r.units.push({ id: "x" as never, name: "某局", kind: "other", parent: "nope" as never });
    const issues = validateRoster(r);
    expect(codes(issues).sort()).toEqual(["alias_collision", "duplicate_id", "duplicate_name", "parent_cycle", "parent_cycle", "unknown_parent"]);
    expect(issues.find((d) => d.code === "alias_collision")!.path).toEqual(["units", 3, "aliases", 0]);
  });

  it("checks validity ranges and group members", () => {
    const r = structuredClone(roster());
    Object.assign(r.units[0]!, { validFrom: "2020-01-01", validTo: "2019-01-01" });
    r.groups.push({ id: "g2" as never, name: "空组", scope: "relevant", select: { members: ["ghost" as never] } });
    r.groups.push({ id: "g3" as never, name: "各乡镇", phrases: ["各乡镇人民政府"], scope: "all", select: {} });
    expect(codes(validateRoster(r)).sort()).toEqual(["duplicate_phrase", "empty_group_selector", "invalid_range", "unknown_unit"]);
  });
});

describe("validateRoster cost", () => {
  // One long parent chain, and one big cycle: the parent check was O(n²) (a 1.2 MB chain took 47 s).
  const n = 3000;
  const chain = (cycle: boolean) =>
    Roster.parse({
      id: "c",
      name: "测试县",
      source: { title: "t" },
      units: Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `单位${i}`, kind: "other", ...(i + 1 < n || cycle ? { parent: `u${(i + 1) % n}` } : {}) })),
      groups: [],
    });

  it("checks a long parent chain and a big cycle in linear work, with the same findings", () => {
    for (const cycle of [false, true]) {
      const r = chain(cycle);
      let issues: ReturnType<typeof validateRoster> = [];
      const ops = countCollectionOps(() => (issues = validateRoster(r)));
      expect(ops).toBeLessThan(60 * n);
      expect(issues.length).toBe(cycle ? n : 0);
      if (cycle) expect(issues.every((d, i) => d.code === "parent_cycle" && d.path.join(".") === `units.${i}.parent`)).toBe(true);
    }
  });

  it("reports every unit whose chain runs into a cycle, and none whose chain ends", () => {
    const r = Roster.parse({
      id: "c",
      name: "测试县",
      source: { title: "t" },
      units: [
        { id: "a", name: "甲", kind: "other", parent: "b" },
        { id: "b", name: "乙", kind: "other", parent: "c" },
        { id: "c", name: "丙", kind: "other", parent: "b" },
        { id: "d", name: "丁", kind: "other", parent: "e" },
        { id: "e", name: "戊", kind: "other" },
        { id: "f", name: "己", kind: "other", parent: "f" },
        { id: "g", name: "庚", kind: "other", parent: "nope" },
      ],
      groups: [],
    });
    expect(validateRoster(r).map((d) => [d.code, d.path[1]])).toEqual([
      ["unknown_parent", 6],
      ["parent_cycle", 0],
      ["parent_cycle", 1],
      ["parent_cycle", 2],
      ["parent_cycle", 5],
    ]);
  });
});

describe("validatePlan / validateRoster given something else", () => {
  it("return the schema's coded diagnostics instead of throwing", () => {
    for (const junk of [{}, null, 42, "plan", [], { sections: [{}] }, { units: [{ parent: "x" }], groups: [{}] }]) {
      const p = validatePlan(junk as never);
      const r = validateRoster(junk as never);
      expect(p.length).toBeGreaterThan(0);
      expect(r.length).toBeGreaterThan(0);
      expect([...p, ...r].every((d) => d.severity === "error" && /^[a-z_]+$/.test(d.code) && d.message !== "" && d.messageEn !== "")).toBe(true);
    }
    expect(validatePlan({} as never).map((d) => [d.code, d.path])).toEqual([
      ["invalid_type", ["id"]],
      ["invalid_type", ["title"]],
      ["invalid_type", ["sections"]],
    ]);
    expect(validateRoster({} as never).map((d) => d.path[0])).toEqual(["id", "name", "source", "units", "groups"]);
  });
});

describe("readPlan / readRoster (untrusted JSON)", () => {
  it("returns frozen values and never mutates the input", () => {
    const input = JSON.parse(JSON.stringify(roster()));
    const snapshot = JSON.stringify(input);
    const r = readRoster(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.isFrozen(r.value)).toBe(true);
    expect(Object.isFrozen(r.value.units[0])).toBe(true);
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(r.value).not.toBe(input);
  });

  it("reports unknown keys, wrong types and bad dates with paths, in Chinese and English", () => {
    const input = JSON.parse(JSON.stringify(plan()));
    input.sections[0].tasks[0].colour = "red";
    input.sections[0].tasks[0].requirements[0].rule.due = "2024-02-30";
    input.year = "2024";
    const r = readPlan(input);
    expect(r.ok).toBe(false);
    const byCode = Object.fromEntries(r.issues.map((d) => [d.code, d]));
    expect(byCode.unrecognized_keys!.path).toEqual(["sections", 0, "tasks", 0]);
    expect(byCode.unrecognized_keys!.message).toContain("不认识的字段");
    expect(byCode.invalid_format!.path).toEqual(["sections", 0, "tasks", 0, "requirements", 0, "rule", "due"]);
    expect(byCode.invalid_format!.message).toContain("日期");
    expect(byCode.invalid_type!.path).toEqual(["year"]);
    expect(byCode.invalid_type!.messageEn).toContain("Expected number");
  });

  it("keeps __proto__ and constructor keys away from Object.prototype", () => {
    const input = JSON.parse('{"id":"demo","name":"示例","source":{"title":"t"},"units":[],"groups":[],"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const r = readRoster(input);
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.code).toBe("unrecognized_keys");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("fails on cross-field errors but passes warnings through", () => {
    const p = JSON.parse(JSON.stringify(plan()));
    p.sections[0].tasks[1].no = 5;
    const r = readPlan(p);
    expect(r.ok).toBe(true);
    expect(codes(r.issues)).toEqual(["numbering_gap"]);
    p.sections[0].tasks[1].id = p.sections[0].tasks[0].id;
    expect(readPlan(p).ok).toBe(false);
  });

  it("never throws on junk", () => {
    for (const junk of [null, undefined, 42, "plan", [], { sections: "x" }, { id: 1 }]) {
      expect(readPlan(junk).ok).toBe(false);
      expect(readRoster(junk).ok).toBe(false);
    }
  });
});
