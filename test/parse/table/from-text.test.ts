import { describe, expect, it } from "vitest";
import { findTableInText } from "../../../src/parse/table/from-text.js";
import { readTableText } from "../../../src/parse/table/read-text.js";
import { corpusTables } from "./corpus-score.js";

/** Every cell is the exact substring its offsets say. */
const exact = (text: string) => {
  const t = findTableInText(text);
  if (t === undefined) return;
  t.rows.forEach((row, r) => row.forEach((cell, c) => expect(t.cells[r]![c] === undefined ? "" : text.slice(t.cells[r]![c]!.start, t.cells[r]![c]!.end)).toBe(cell)));
};

describe("findTableInText: layouts", () => {
  it("reads cells one per line ending in |", () => {
    const text = "某县重点工作表\n序号 |\n工作任务 |\n牵头单位 |\n1 |\n推进政务公开。 |\n县政府办 县司法局 |\n2 |\n开展执法检查。 |\n县司法局 |";
    const t = findTableInText(text)!;
    expect(t.layout).toBe("pipe_cells");
    expect(t.rows).toEqual([["序号", "工作任务", "牵头单位"], ["1", "推进政务公开。", "县政府办 县司法局"], ["2", "开展执法检查。", "县司法局"]]);
    exact(text);
  });

  it("reads cells between lines holding only |, a cell spanning several lines", () => {
    const text = "序号\n|\n工作任务\n|\n牵头单位\n|\n1\n|\n推进政务公开。\n|\n县政府办\n县司法局\n|";
    expect(findTableInText(text)!.rows).toEqual([["序号", "工作任务", "牵头单位"], ["1", "推进政务公开。", "县政府办\n县司法局"]]);
  });

  it("reads rows with | or tabs between cells", () => {
    expect(findTableInText("| 序号 | 工作任务 | 牵头单位 |\n|---|---|---|\n| 1 | 推进政务公开。 | 县政府办 |")!.rows).toEqual([["序号", "工作任务", "牵头单位"], ["1", "推进政务公开。", "县政府办"]]);
    const tabs = "说明文字\n序号\t工作任务\t牵头单位\t完成时限\n1\t推进政务公开。\t县政府办\t6月底前\n2\t开展执法检查。\t县司法局\t";
    const t = findTableInText(tabs)!;
    expect([t.layout, t.rows]).toEqual(["tabs", [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "推进政务公开。", "县政府办", "6月底前"], ["2", "开展执法检查。", "县司法局", ""]]]);
    exact(tabs);
  });

  it("reads a spaced header line followed by rows flattened with spaces", () => {
    const text = "序号 工作任务 牵头单位 完成时限\n1 推进政务公开标准化。 县政府办 6月底前 2 开展执法检查。 县司法局 12月底前";
    expect(findTableInText(text)!.rows).toEqual([["序号", "工作任务", "牵头单位", "完成时限"], ["1", "推进政务公开标准化。", "县政府办", "6月底前"], ["2", "开展执法检查。", "县司法局", "12月底前"]]);
  });

  it("reads one cell per paragraph, joining a unit cell written one unit per paragraph, and a merged 序号 as a continuation row", () => {
    const text = "序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n1\n\n启动建设东柳河综合治理工程。\n\n县水务局\n\n县住建局\n\n12月底前\n\n2\n\n开工建设县老年养护楼。\n\n县民政局\n\n5月底前动工\n\n开工建设老年大学。\n\n12月底前\n\n分享到:";
    const t = findTableInText(text)!;
    expect(t.rows.map((r) => r.map((c) => c.replace(/\n+/g, "/")))).toEqual([
      ["序号", "民生实事", "责任单位", "完成时限"],
      ["1", "启动建设东柳河综合治理工程。", "县水务局/县住建局", "12月底前"],
      ["2", "开工建设县老年养护楼。", "县民政局", "5月底前动工"],
      ["", "开工建设老年大学。", "", "12月底前"],
    ]);
    exact(text);
  });

  it("reads vertical key/value lines as a sideways table", () => {
    const t = findTableInText("具体任务\n全面落实疫情防控。\n责任单位\n卫健局、文旅局\n配合单位\n各乡镇\n完成时限\n1月底前")!;
    expect([t.layout, t.rows]).toEqual(["key_value", [["具体任务", "全面落实疫情防控。"], ["责任单位", "卫健局、文旅局"], ["配合单位", "各乡镇"], ["完成时限", "1月底前"]]]);
  });

  it("finds nothing in running text, a plan, or nonsense", () => {
    for (const text of ["", "一、工作目标\n（一）推进政务公开。\n牵头单位：县政府办\n责任单位：县直有关单位", "工作任务", "|||\n|\n|", "\t\t\n\t"]) expect(findTableInText(text)).toBeUndefined();
  });
});

describe("findTableInText on the corpus", () => {
  it("keeps every cell an exact substring of the text", () => {
    for (const d of corpusTables()) exact(d.text);
  });

  it("recognises each layout of the corpus, and nothing where there is no separator", () => {
    const layouts = Object.fromEntries(corpusTables().map((d) => [d.id, findTableInText(d.text)?.layout]));
    expect(layouts).toEqual({
      "dazhu-2016-minsheng": "paragraph_cells",
      "huoshan-2025-kaifaqu": "pipe_cells",
      "huzhou-2017-qingdan": "spaced_header",
      "meishan-2021-minsheng": undefined,
      "nanling-2023-jinzhan": "pipe_cells",
      "nanling-2024-fenjie": "pipe_cells",
      "qiaocheng-2025-jiaoyu": "paragraph_cells",
      "tongxin-2023-renwu": "key_value",
      "zhonglou-2021-minsheng": undefined,
      "zongyang-2023-luoshi": "pipe_cells",
    });
  });
});

describe("readTableText", () => {
  it("turns cell spans into spans of the text, and takes the caption line as the title", () => {
    const text = "2024年某县重点工作表\n序号 |\n工作任务 |\n牵头单位 |\n完成时限 |\n1 |\n推进政务公开。 |\n县政府办 县司法局 |\n6月底前 |";
    const r = readTableText(text)!;
    expect([r.plan.title, r.plan.year]).toEqual(["2024年某县重点工作表", 2024]);
    const t = r.plan.sections[0]!.tasks[0]!;
    for (const u of t.clauses[0]!.assignment.lead) {
      expect(text.slice(u.source!.start, u.source!.end)).toBe(u.text);
      expect(u.source!.cell).toBeUndefined();
    }
    expect(t.clauses[0]!.assignment.lead[1]!.source).toEqual({ start: text.indexOf("县司法局"), end: text.indexOf("县司法局") + 4, line: 8 });
    const req = t.requirements[0]!.source!;
    expect(text.slice(req.start, req.end)).toBe("6月底前");
  });
});
