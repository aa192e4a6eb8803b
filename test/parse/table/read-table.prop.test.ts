import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { SourceSpan } from "../../../src/model/diagnostic.js";
import { readPlan } from "../../../src/model/validate.js";
import { findTableInText } from "../../../src/parse/table/from-text.js";
import { readPlanTable } from "../../../src/parse/table/read-table.js";

// Cells built from what real tables hold: header words, numbers, units with their separators,
// task sentences, dates, section marks, stray spaces and line breaks, brackets.
const word = fc.constantFrom(
  "序号", "工作任务", "重点工作", "牵头单位", "牵头责任 单位", "责任单位", "配合单位", "完成时限", "分管领导", "备注", "类别", "主要工作目标",
  "1", "2", "15", "一、", "（二）", "县司法局", "县 公安局", "各乡镇人民政府、街道办事处", "县直有关单位等部门", "县政府办", "各县（市、 区）",
  "、", "，", ",", " ", "\n", "。", "推进政务公开", "开展执法检查", "6月底前", "每季度", "全年", "（", "）", "|", "\t", "张三", "★",
);
const cell = fc.array(word, { maxLength: 6 }).map((ws) => ws.join(""));
const rows = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 });
/** Tables that do have a header, so that the rows are really read. */
const tables = fc.tuple(fc.shuffledSubarray(["序号", "工作任务", "牵头单位", "责任单位", "配合单位", "完成时限", "类别"], { minLength: 3 }), rows).map(([header, body]) => [header, ...body]);
const merges = fc.array(fc.record({ s: fc.record({ r: fc.nat(14), c: fc.nat(8) }), e: fc.record({ r: fc.nat(14), c: fc.nat(8) }) }), { maxLength: 3 });

/** Every source span in a value, with the unit text it belongs to when it is a unit reference's. */
const spans = (value: unknown, out: Array<{ span: SourceSpan; text?: string }> = []): Array<{ span: SourceSpan; text?: string }> => {
  if (Array.isArray(value)) for (const v of value) spans(v, out);
  else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.source !== undefined) out.push({ span: o.source as SourceSpan, ...(typeof o.text === "string" && !("clauses" in o) && !("assignment" in o) ? { text: o.text } : {}) });
    for (const v of Object.values(o)) spans(v, out);
  }
  return out;
};
const squash = (s: string) => s.replace(/\s+/g, "").replace(/,/g, "，").replace(/\(/g, "（").replace(/\)/g, "）");

describe("readPlanTable properties", () => {
  test.prop([fc.oneof(rows, tables), merges])("never throws; the plan is valid; every span points inside its cell and a unit's span holds its text", (input, m) => {
    const r = readPlanTable(input, { merges: m, year: 2024 });
    const read = readPlan(JSON.parse(JSON.stringify(r.plan)));
    expect(read.ok ? [] : read.issues).toEqual([]);
    for (const { span, text } of spans([r.plan, r.diagnostics])) {
      const raw = input[span.cell!.row]?.[span.cell!.column];
      expect(raw).toBeDefined();
      expect(span.end).toBeLessThanOrEqual(raw!.length);
      if (text !== undefined && text.length > 0 && !text.includes("等")) expect(squash(raw!.slice(span.start, span.end))).toBe(squash(text));
    }
  });

  test.prop([tables])("tasks come only from cells past the header (below it, or right of it in a sideways table), numbered 1…n across sections", (input) => {
    const r = readPlanTable(input);
    const tasks = r.plan.sections.flatMap((s) => s.tasks);
    expect(tasks.map((t) => t.no)).toEqual(tasks.map((_, i) => i + 1));
    for (const t of tasks) expect(r.sideways ? t.source!.cell!.column : t.source!.cell!.row).toBeGreaterThan(0);
  });
});

/** A well-formed table: a header and numbered rows of task text, units and a deadline. */
const wellFormed = fc
  .array(
    fc.record({
      task: fc.constantFrom("推进政务公开。", "开展执法检查，加强监督。", "完善多元调处化解机制"),
      lead: fc.constantFrom("县司法局", "县政府办、县司法局", "县委编办"),
      support: fc.constantFrom("县公安局", "各乡镇人民政府、街道办事处，县直有关单位"),
      due: fc.constantFrom("6月底前", "12月底前", "全年"),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((items) => [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"], ...items.map((it, i) => [String(i + 1), it.task, it.lead, it.support, it.due])]);

describe("findTableInText properties", () => {
  test.prop([wellFormed, fc.constantFrom(" |\n", "\n|\n", "\t")])("finds exactly the rows of a table copied with | or tab separators", (table, sep) => {
    const text = sep === "\t" ? table.map((r) => r.join("\t")).join("\n") : `某县工作任务分工表\n${table.flat().join(sep)}${sep.trimEnd()}`;
    expect(findTableInText(text)?.rows).toEqual(table);
  });

  test.prop([fc.array(fc.oneof(word, fc.constantFrom(" |\n", "\n|\n", "\n\n", "\t")), { maxLength: 80 }).map((ws) => ws.join(""))])("never throws, and every cell is the exact substring its offsets give", (text) => {
    const t = findTableInText(text);
    if (t === undefined) return;
    t.rows.forEach((row, r) => row.forEach((c, k) => expect(t.cells[r]![k] === undefined ? "" : text.slice(t.cells[r]![k]!.start, t.cells[r]![k]!.end)).toBe(c)));
  });
});
