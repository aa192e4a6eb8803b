import { describe, expect, it } from "vitest";
import { readPlan } from "../../../src/model/validate.js";
import type { Plan, Task } from "../../../src/model/plan.js";
import { readPlanTable } from "../../../src/parse/table/read-table.js";

const tasksOf = (plan: Plan): Task[] => plan.sections.flatMap((s) => s.tasks);
const units = (t: Task, role: "lead" | "responsible" | "support") => t.clauses.flatMap((c) => c.assignment[role].map((u) => u.text));
const codes = (r: { diagnostics: readonly { code: string }[] }) => r.diagnostics.map((d) => d.code);

const HEADER = ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"];

describe("readPlanTable: the header", () => {
  it("finds the header under title rows by column names and reports what each column was taken for", () => {
    const r = readPlanTable([["2024年某县重点任务分工表"], ["附件"], ["序号", "重点任务", "牵头责任 单位", "配合单位", "时间节点", "分 管 县领导", "备注"], ["1", "推进政务公开。", "县政府办", "县司法局", "6月底前", "张三", ""]]);
    expect(r.columns.map((c) => c.kind)).toEqual(["serial", "task", "lead", "support", "deadline", "person", "note"]);
    expect(r.diagnostics.filter((d) => d.code === "column_read").map((d) => d.message)).toContain("第3列“牵头责任单位”读作：牵头单位");
    expect(r.plan.title).toBe("2024年某县重点任务分工表");
    expect(r.plan.year).toBe(2024);
    const [t] = tasksOf(r.plan);
    expect(units(t!, "lead")).toEqual(["县政府办"]);
    expect(units(t!, "support")).toEqual(["县司法局"]);
    expect(t!.requirements[0]!.rule).toEqual({ kind: "deadline", due: "2024-06-30" });
  });

  it("takes words the caller gives for columns its rules do not know", () => {
    const rows = [["序号", "工作任务", "主抓部门"], ["1", "推进政务公开。", "县政府办"]];
    expect(units(tasksOf(readPlanTable(rows).plan)[0]!, "lead")).toEqual([]);
    expect(units(tasksOf(readPlanTable(rows, { headerWords: { 主抓部门: "lead" } }).plan)[0]!, "lead")).toEqual(["县政府办"]);
  });

  it("reads a second header row under a spanning one (责任单位 over 牵头 / 配合)", () => {
    const r = readPlanTable([["序号", "工作任务", "责任单位", ""], ["", "", "牵头单位", "配合单位"], ["1", "开展执法检查。", "县司法局", "县公安局"]], { merges: [{ s: { r: 0, c: 2 }, e: { r: 0, c: 3 } }] });
    const t = tasksOf(r.plan)[0]!;
    expect([units(t, "lead"), units(t, "support")]).toEqual([["县司法局"], ["县公安局"]]);
  });

  it("says clearly when a sheet is not a task table, and never throws", () => {
    expect(codes(readPlanTable([["姓名", "电话"], ["张三", "123"]]))).toContain("not_a_task_table");
    expect(codes(readPlanTable([]))).toContain("empty_input");
    expect(codes(readPlanTable([["", " "]]))).toContain("empty_input");
    expect(codes(readPlanTable("x" as unknown as string[][]))).toContain("invalid_input");
    expect(codes(readPlanTable([[1, null, undefined, {}] as unknown as string[]]))).toContain("not_a_task_table");
    expect(codes(readPlanTable([HEADER]))).toContain("no_tasks");
  });

  it("reads at most 64 columns, so a ragged sheet with one huge row stays cheap", () => {
    const r = readPlanTable([[...HEADER, ...Array.from({ length: 100_000 }, () => "x")], ...Array.from({ length: 2000 }, (_, i) => [String(i + 1), "任务。", "县司法局"])]);
    expect(codes(r)).toContain("columns_truncated");
    expect(r.plan.sections[0]!.tasks).toHaveLength(2000);
  });
});

describe("readPlanTable: rows", () => {
  it("carries a grouping column's merged cells down and opens a section at each new value", () => {
    const r = readPlanTable([
      ["类别", "序号", "工作任务", "牵头单位"],
      ["一、依法行政", "1", "任务甲。", "县司法局"],
      ["", "2", "任务乙。", "县政府办"],
      ["二、执法监督", "3", "任务丙。", "县公安局"],
    ]);
    expect(r.plan.sections.map((s) => [s.title, s.tasks.map((t) => t.label)])).toEqual([
      ["依法行政", ["1", "2"]],
      ["执法监督", ["3"]],
    ]);
    expect(r.plan.sections[0]!.source?.cell).toEqual({ row: 1, column: 0 });
  });

  it("reads full-width section rows, skips a repeated header and blank rows", () => {
    const r = readPlanTable([HEADER, ["一、深化改革", "", "", "", ""], ["1", "任务甲。", "县司法局", "", ""], [], HEADER, ["二、强化监督"], ["2", "任务乙。", "县政府办", "", ""]]);
    expect(r.plan.sections.map((s) => s.title)).toEqual(["深化改革", "强化监督"]);
    expect(codes(r)).toContain("header_repeated");
  });

  it("joins a row without a number to the task above; with units of its own it is a clause", () => {
    const r = readPlanTable([HEADER, ["5", "开工建设县老年养护楼。", "", "县民政局", "5月底前动工"], ["", "开工建设老年大学。", "", "", "12月底前"], ["6", "任务。", "县政府办", "", ""], ["", "续行有自己的分工。", "县司法局", "", ""]], { year: 2016 });
    const [five, six] = tasksOf(r.plan);
    expect(five!.text).toBe("开工建设县老年养护楼。\n开工建设老年大学。");
    expect(five!.clauses).toHaveLength(1);
    expect(five!.requirements.map((q) => [q.rule, q.action])).toEqual([
      [{ kind: "deadline", due: "2016-05-31" }, "动工"],
      [{ kind: "deadline", due: "2016-12-31" }, "开工建设老年大学"],
    ]);
    expect(six!.clauses.map((c) => c.assignment.lead.map((u) => u.text))).toEqual([["县政府办"], ["县司法局"]]);
    expect(codes(r).filter((c) => c === "row_continued")).toHaveLength(2);
  });

  it("gives a unit cell merged over two numbered rows to both tasks", () => {
    const r = readPlanTable([HEADER, ["1", "任务甲。", "县政府办、县司法局", "", ""], ["2", "任务乙。", "", "", ""]], { merges: [{ s: { r: 1, c: 2 }, e: { r: 2, c: 2 } }] });
    expect(tasksOf(r.plan).map((t) => units(t, "lead"))).toEqual([
      ["县政府办", "县司法局"],
      ["县政府办", "县司法局"],
    ]);
    expect(tasksOf(r.plan)[1]!.clauses[0]!.assignment.lead[1]!.source).toEqual({ start: 5, end: 9, line: 1, cell: { row: 1, column: 2 } });
  });

  it("aligns a copied row that lost a merged cell (枞阳 row 148) by what its cells look like", () => {
    const r = readPlanTable([
      ["序号", "主要工作目标", "目标任务主要内容", "牵头责任单位"],
      ["135", "办好更加暖心的民生实事", "坚持人民至上、生命至上。", "县卫生健康委"],
      ["148", "全面深化综合医改，争创省级健康县。", "县卫生健康委"],
    ]);
    expect(tasksOf(r.plan).map((t) => [t.label, t.title, units(t, "lead")])).toEqual([
      ["135", "坚持人民至上、生命至上", ["县卫生健康委"]],
      ["148", "全面深化综合医改，争创省级健康县", ["县卫生健康委"]],
    ]);
    expect(codes(r)).toContain("row_realigned");
    expect(tasksOf(r.plan)[1]!.source?.cell).toEqual({ row: 2, column: 1 });
  });
});

describe("readPlanTable: unit cells", () => {
  it("splits on 、，, spaces and line breaks, keeping collective names and brackets whole", () => {
    const r = readPlanTable([HEADER, ["1", "任务。", "县司法局 县信访局", "各乡镇人民政府、街道办事处，县直有关单位\n各县（市、 区）人民政府\n县公安局等部门", ""]]);
    const t = tasksOf(r.plan)[0]!;
    expect(units(t, "lead")).toEqual(["县司法局", "县信访局"]);
    expect(units(t, "responsible")).toEqual(["各乡镇人民政府、街道办事处", "县直有关单位", "各县（市、区）人民政府", "县公安局"]);
    expect(t.clauses[0]!.assignment.responsible[3]!.qualifier).toBe("等部门");
  });

  it("points every reference at its cell: rows[row][column].slice(start, end) is what was read", () => {
    const rows = [HEADER, ["1", "加强 执法。", "县 司法局、县公安局", "各镇（街道）\n县直有关单位", "6月底前"]];
    const { plan } = readPlanTable(rows, { year: 2024 });
    const t = tasksOf(plan)[0]!;
    for (const ref of t.clauses[0]!.assignment.responsible) {
      const { cell, start, end } = ref.source!;
      expect(rows[cell!.row]![cell!.column]!.slice(start, end)).toBe(ref.text);
    }
    const lead = t.clauses[0]!.assignment.lead.map((u) => u.source!);
    expect(lead.map((s) => rows[1]![2]!.slice(s.start, s.end))).toEqual(["县 司法局", "县公安局"]);
    const req = t.requirements[0]!.source!;
    expect(rows[req.cell!.row]![req.cell!.column]!.slice(req.start, req.end)).toBe("6月底前");
    expect(readPlan(JSON.parse(JSON.stringify(plan))).ok).toBe(true);
  });
});

describe("readPlanTable: sideways tables", () => {
  it("reads header words down the first column (同心: key / value)", () => {
    const r = readPlanTable([
      ["具体任务", "全面落实疫情防控。"],
      ["责任单位", "卫健局、文旅局"],
      ["配合单位", "各乡镇"],
      ["完成时限", "1月底前完成"],
    ], { year: 2023 });
    expect(r.sideways).toBe(true);
    const t = tasksOf(r.plan)[0]!;
    expect([units(t, "responsible"), units(t, "support")]).toEqual([["卫健局", "文旅局"], ["各乡镇"]]);
    expect(t.clauses[0]!.assignment.responsible[0]!.source?.cell).toEqual({ row: 1, column: 1 });
    expect(t.requirements[0]!.rule).toEqual({ kind: "deadline", due: "2023-01-31" });
  });
});
