import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseDocx } from "../../src/docx/index.js";
import { readPlan } from "../../src/model/validate.js";
import type { Plan, Task } from "../../src/model/plan.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { seedText } from "../support/seed.js";
import { CHINESE_NUMBERING, declareSize, makeDocx, oleFile, para, tbl, tc, tr, zerosZip } from "./make-docx.js";

const tasksOf = (plan: Plan): Task[] => plan.sections.flatMap((s) => s.tasks);
const units = (t: Task, role: "lead" | "responsible" | "support") => t.clauses.flatMap((c) => c.assignment[role].map((u) => u.text));
const codes = (r: { diagnostics: readonly { code: string; severity: string }[] }) => r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);

describe("parseDocx on a file written by LibreOffice (test/docx/fixtures)", () => {
  const bytes = new Uint8Array(readFileSync(new URL("fixtures/wuzhi-excerpt.docx", import.meta.url)));
  const r = parseDocx(bytes, { id: "wuzhi-2024" });
  const seed = tasksOf(parsePlanText(seedText(), { id: "wuzhi-2024" }).plan);
  const tasks = tasksOf(r.plan);

  it("gives one plan from the numbered text and the table with merged cells", () => {
    expect(codes(r)).toEqual([]);
    expect([r.plan.title, r.plan.year]).toEqual(["武陟县2024年度法治政府建设工作安排", 2024]);
    expect(r.plan.sections.map((s) => s.title)).toEqual(["深入学习贯彻习近平法治思想", "健全政府机构职能体系，推动更好发挥政府作用", "健全依法行政制度体系，加快推进政府治理规范化程序化法治化", "健全行政决策制度体系，不断提升行政决策公信力和执行力", "健全行政执法工作体系，全面推进严格规范公正文明执法"]);
    expect(tasks.map((t) => t.no)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(readPlan(JSON.parse(JSON.stringify(r.plan))).ok).toBe(true);
  });

  it("keeps Word's automatic numbering as printed: 一、 （一） … running on across sections", () => {
    expect(tasks.slice(0, 5).map((t) => t.label)).toEqual(["（一）", "（二）", "（三）", "（四）", "（五）"]);
    expect(r.text.split("\n").filter((l) => /^[一二]、/.test(l))).toHaveLength(2);
  });

  it("reads what the seed says: the same titles and units, from the text and from the table", () => {
    expect(tasks.map((t) => t.title)).toEqual(seed.slice(0, 14).map((t) => t.title));
    for (const role of ["lead", "responsible"] as const) expect(tasks.map((t) => units(t, role))).toEqual(seed.slice(0, 14).map((t) => units(t, role)));
    expect(tasks[3]!.clauses).toHaveLength(2);
  });

  it("points at the paragraph or the table cell", () => {
    const t3 = tasks[2]!;
    const lead = t3.clauses[0]!.assignment.lead[0]!.source!;
    expect(r.text.slice(lead.start, lead.end)).toBe("县委编办");
    expect(lead.paragraph).toBe(6);
    const t7 = tasks[6]!;
    expect(t7.source!.cell).toEqual({ table: 0, row: 2, column: 2 });
    const ref = t7.clauses[0]!.assignment.lead[1]!;
    expect(r.tables[0]!.rows[ref.source!.cell!.row]![ref.source!.cell!.column]!.slice(ref.source!.start, ref.source!.end)).toBe("县司法局");
    // (九) and (十) share one merged unit cell: both read it, both point at it.
    expect(tasks[9]!.clauses[0]!.assignment.lead.map((u) => u.source!.cell)).toEqual([{ table: 0, row: 4, column: 3 }, { table: 0, row: 4, column: 3 }]);
  });
});

describe("parseDocx: Word's structures", () => {
  it("resolves list numbering: levels, restarts under a new higher item, start overrides, bullets, style numbering", () => {
    const styles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style><w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>`;
    const r = parseDocx(
      makeDocx(
        [para("2024年度某县工作安排"), para("甲部分", { style: "H1" }), para("任务一。", { numId: 1, ilvl: 1 }), para("细项。", { numId: 1, ilvl: 2 }), para("细项。", { numId: 1, ilvl: 2 }), para("乙部分", { style: "H1b" }), para("任务二。", { numId: 1, ilvl: 1 }), para("细项。", { numId: 1, ilvl: 2 }), para("要点", { numId: 2 }), para("另起", { numId: 3 })].join(""),
        { numbering: CHINESE_NUMBERING, styles },
      ),
    );
    expect(r.text.split("\n")).toEqual(["2024年度某县工作安排", "一、甲部分", "（一）任务一。", "1.细项。", "2.细项。", "二、乙部分", "（一）任务二。", "1.细项。", "要点", "五、另起"]);
  });

  it("reads merged cells (gridSpan, vMerge) into rows and merged ranges, and tables with a text body into one plan", () => {
    const body = [
      para("2024年度某县法治政府建设工作安排"),
      para("一、深化改革"),
      para("（一）推进政务公开。"),
      para("牵头单位：县政府办"),
      para("附件"),
      tbl(
        tr(tc("序号"), tc("工作任务"), tc("责任单位", { span: 2 })),
        tr(tc(""), tc(""), tc("牵头单位"), tc("配合单位")),
        tr(tc("1"), tc("开展执法检查。"), tc("县司法局", { vMerge: "restart" }), tc("县公安局")),
        tr(tc("2"), tc("加强行政复议。"), tc("", { vMerge: "continue" }), tc("县法院")),
      ),
    ].join("");
    const r = parseDocx(makeDocx(body));
    expect(r.tables[0]!.rows).toEqual([["序号", "工作任务", "责任单位", ""], ["", "", "牵头单位", "配合单位"], ["1", "开展执法检查。", "县司法局", "县公安局"], ["2", "加强行政复议。", "", "县法院"]]);
    const tasks = tasksOf(r.plan);
    expect(tasks.map((t) => [t.no, t.title, units(t, "lead"), units(t, "support")])).toEqual([
      [1, "推进政务公开", ["县政府办"], []],
      [2, "开展执法检查", ["县司法局"], ["县公安局"]],
      [3, "加强行政复议", ["县司法局"], ["县法院"]],
    ]);
    expect(tasks[2]!.id).toBe("plan-2024.t03");
    expect(r.diagnostics.map((d) => d.code)).toContain("text_and_tables");
  });

  it("reads a table that is not a task table as text, and skips deleted text, field codes and text-box fallbacks", () => {
    const body = [
      tbl(tr(tc("某县法治政府建设领导小组文件"))),
      para("2024年度某县工作安排"),
      '<w:p><w:r><w:t>一、</w:t></w:r><w:del><w:r><w:delText>删去的</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>深化改革</w:t></w:r></w:p>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>乙</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    ].join("");
    const r = parseDocx(makeDocx(body));
    expect(r.text.split("\n")).toEqual(["某县法治政府建设领导小组文件", "2024年度某县工作安排", "一、深化改革", "甲"]);
  });
});

describe("parseDocx: bad files get a clear, coded error", () => {
  const cases: Array<[string, Uint8Array, string, RegExp]> = [
    ["empty", new Uint8Array(0), "not_a_zip", /空/],
    ["random bytes", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), "not_a_zip", /不是 zip/],
    ["a PDF", strToU8("%PDF-1.7\n..."), "not_a_zip", /PDF/],
    ["a damaged zip", strToU8("PK\u0003\u0004 not really"), "not_a_zip", /损坏/],
    ["an old .doc", oleFile(false), "legacy_doc", /另存为 \.docx/],
    ["an encrypted file", oleFile(true), "encrypted", /加密/],
    ["a zip without word/document.xml", zipSync({ "hello.txt": strToU8("hi") }), "missing_document", /word\/document\.xml/],
    ["an Excel workbook", zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }), "missing_document", /Excel/],
    ["declared over 50 MB", declareSize(zipSync({ "word/document.xml": strToU8("<x/>") }), 60 * 1024 * 1024), "zip_bomb", /50 MB/],
    ["a 10 MB part in a 10 KB file (ratio)", zerosZip("word/document.xml", 10 * 1024 * 1024), "zip_bomb", /100:1|压缩比/],
    ["a part that lies about its size (stopped while inflating)", declareSize(zerosZip("word/document.xml", 8 * 1024 * 1024), 100), "zip_bomb", /50 MB|100:1/],
    ["broken XML", makeDocx("<w:p><w:r><w:t>未闭合"), "invalid_xml", /XML/],
    [
      "an entity bomb in the XML (entities are never expanded)",
      zipSync({ "word/document.xml": strToU8(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`) }),
      "invalid_xml",
      /XML/,
    ],
  ];
  it.each(cases)("%s", (_, bytes, code, message) => {
    const r = parseDocx(bytes);
    const error = r.diagnostics.find((d) => d.severity === "error");
    expect(error?.code).toBe(code);
    expect(error?.message).toMatch(message);
    expect(error?.messageEn.length).toBeGreaterThan(0);
    expect(tasksOf(r.plan)).toEqual([]);
  });

  it("never throws on what is not bytes", () => {
    expect(codes(parseDocx("x" as unknown as Uint8Array))).toEqual(["invalid_input"]);
    expect(codes(parseDocx(null as unknown as Uint8Array))).toEqual(["invalid_input"]);
  });
});
