import * as z from "zod";
import { argument, badArgument } from "../model/guard.js";
import { type MatrixCell, ResponsibilityMatrix } from "../model/matrix.js";
import { Role } from "../model/plan.js";

/**
 * CSV 输出选项。Options of the CSV writers.
 * @category Export
 * @example
 * const options: CsvOptions = { bom: true, eol: "\r\n" };
 */
export interface CsvOptions {
  /** 在开头写 UTF-8 BOM，Excel 才能正确打开中文（默认 false）。Start with a UTF-8 BOM so Excel reads Chinese correctly (default false). */
  readonly bom?: boolean;
  /** 行结束符（默认 RFC 4180 的 `\r\n`）。Line ending (default `\r\n`, as RFC 4180 says). */
  readonly eol?: "\r\n" | "\n";
}

const Rows = z.array(z.array(z.union([z.string(), z.number(), z.undefined()])));
const csvShape = { bom: z.boolean().optional(), eol: z.enum(["\r\n", "\n"]).optional() };
const CsvOptionsSchema = z.strictObject(csvShape);
const MatrixCsvOptionsSchema = z.strictObject({ ...csvShape, layout: z.enum(["long", "wide"]).optional(), includeCandidates: z.boolean().optional() });

/** Cells starting with these are formulas to spreadsheet programs (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const LEADING_BOM = /^\uFEFF+/;

/**
 * 写一个 CSV 单元格：去掉开头的 BOM（电子表格读入时会去掉它），以 `=`、`+`、`-`、`@`、制表符或回车开头的内容前加 `'`，
 * 使电子表格不把它当公式；含逗号、引号或换行时按 RFC 4180 加引号。Write one CSV field: drop a
 * leading BOM (spreadsheets strip it when reading, which would expose a formula behind it),
 * neutralise formula starts (prefix `'`), then quote per RFC 4180 when needed.
 *
 * @category Export
 * @example
 * csvField("=HYPERLINK(\"x\")");
 * //=> "\"'=HYPERLINK(\"\"x\"\")\""
 * csvField("县司法局");
 * //=> "县司法局"
 */
export const csvField = (value: string | number | undefined): string => {
  if (value !== undefined && typeof value !== "string" && typeof value !== "number") throw badArgument("csvField", "value", "应为字符串、数字或 undefined", "must be a string, a number or undefined");
  return field(value);
};

const field = (value: string | number | undefined): string => {
  let s = value === undefined ? "" : String(value).replace(LEADING_BOM, "");
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * 把二维表写成 CSV 文本。Write rows as CSV text.
 *
 * @category Export
 * @example
 * toCsv([["单位", "任务数"], ["县司法局", 18]]);
 * //=> "单位,任务数\r\n县司法局,18\r\n"
 */
export const toCsv = (rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, options: CsvOptions = {}): string => {
  argument("toCsv", "rows", Rows, rows);
  argument("toCsv", "options", CsvOptionsSchema, options);
  return writeRows(rows, options);
};

const writeRows = (rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, options: CsvOptions): string => {
  const eol = options.eol ?? "\r\n";
  const body = rows.map((row) => row.map(field).join(",")).join(eol);
  return `${options.bom === true ? "\uFEFF" : ""}${body}${rows.length > 0 ? eol : ""}`;
};

/**
 * {@link matrixToCsv} 的选项。Options of {@link matrixToCsv}.
 * @category Export
 * @example
 * const options: MatrixCsvOptions = { layout: "wide", bom: true };
 */
export interface MatrixCsvOptions extends CsvOptions {
  /**
   * `long`（默认）：每个单元格一行；`wide`：单位为行、任务为列，格内为 `牵`/`责`/`配`，候选加 `*`。
   * `long` (default): one row per cell; `wide`: units × tasks with 牵/责/配 marks, `*` for candidates.
   */
  readonly layout?: "long" | "wide";
  /** 是否包含候选单元格（默认 true）。Include candidate cells (default true). */
  readonly includeCandidates?: boolean;
}

const ROLE_ZH: Readonly<Record<Role, string>> = { lead: "牵头单位", responsible: "责任单位", support: "配合单位" };
const MARK: Readonly<Record<Role, string>> = { lead: "牵", responsible: "责", support: "配" };

/**
 * 把责任分工表导出为 CSV：长表（每个单元格一行）或宽表（单位 × 任务）。
 * Export the responsibility matrix as CSV, long (one row per cell) or wide (units × tasks).
 *
 * 长表列 Long columns：任务序号, 任务编号, 任务, 段落编号, 角色, 单位编号, 单位, 来源, 单位组, 原文, 确定性。
 * 宽表 Wide：单位编号, 单位, then one column per task (`任务1` …); a cell lists the unit's roles
 * (`牵`, `责`, `配`, joined by `/`), `*` marks a candidate (有关单位).
 *
 * @category Export
 * @example
 * const csv = matrixToCsv(matrix, { layout: "wide", bom: true });
 * csv.split("\r\n")[0]!.startsWith("\uFEFF单位编号,单位,任务1");
 * //=> true
 */
export const matrixToCsv = (matrix: ResponsibilityMatrix, options: MatrixCsvOptions = {}): string => {
  argument("matrixToCsv", "matrix", ResponsibilityMatrix, matrix);
  argument("matrixToCsv", "options", MatrixCsvOptionsSchema, options);
  const cells = options.includeCandidates === false ? matrix.cells.filter((c) => c.certainty === "definite") : matrix.cells;
  const name = new Map(matrix.units.map((u) => [u.id as string, u.name]));
  if ((options.layout ?? "long") === "long") {
    const task = new Map(matrix.tasks.map((t) => [t.id as string, t]));
    const rows: Array<Array<string | number | undefined>> = [["任务序号", "任务编号", "任务", "段落编号", "角色", "单位编号", "单位", "来源", "单位组", "原文", "确定性"]];
    for (const c of cells) {
      const t = task.get(c.taskId);
      rows.push([
        t?.no,
        c.taskId,
        t?.title,
        c.clauseId,
        ROLE_ZH[c.role],
        c.unitId,
        name.get(c.unitId),
        c.origin.kind === "direct" ? "直接点名" : "单位组",
        c.origin.kind === "group" ? c.origin.groupId : "",
        c.origin.text,
        c.certainty === "definite" ? "确定" : "候选",
      ]);
    }
    return writeRows(rows, options);
  }
  const marks = new Map<string, Map<Role, MatrixCell["certainty"]>>();
  for (const c of cells) {
    const k = `${c.unitId}\u0000${c.taskId}`;
    const roles = marks.get(k) ?? new Map<Role, MatrixCell["certainty"]>();
    if (roles.get(c.role) !== "definite") roles.set(c.role, c.certainty);
    marks.set(k, roles);
  }
  const used = new Set(cells.map((c) => c.unitId as string));
  const rows: Array<Array<string | number | undefined>> = [["单位编号", "单位", ...matrix.tasks.map((t) => `任务${t.no}`)]];
  for (const u of matrix.units) {
    if (!used.has(u.id)) continue;
    rows.push([
      u.id,
      u.name,
      ...matrix.tasks.map((t) => {
        const roles = marks.get(`${u.id}\u0000${t.id}`);
        if (roles === undefined) return "";
        return (Role.options)
          .filter((r) => roles.has(r))
          .map((r) => `${MARK[r]}${roles.get(r) === "candidate" ? "*" : ""}`)
          .join("/");
      }),
    ]);
  }
  return writeRows(rows, options);
};
