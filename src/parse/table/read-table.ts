import { type Diagnostic, type SourceSpan, diag } from "../../model/diagnostic.js";
import { deepFreeze } from "../../model/freeze.js";
import { isWellFormedId } from "../../model/ids.js";
import type { Plan } from "../../model/plan.js";
import { yearMissing } from "../../schedule/extract.js";
import { normalizeText } from "../../text/normalize.js";
import { DEFAULT_GROUP_PHRASES } from "../units.js";
import { buildSections } from "./build.js";
import { type ColumnKind, KIND_LABELS, headerKinds, headerText, roleOf } from "./columns.js";
import { walkRows } from "./drafts.js";
import { type Grid, MAX_COLUMNS, type TableMerge, findHeaderRow, looksSideways, makeGrid, ownText, toRows, transpose } from "./grid.js";
import { planColumns, settleColumns, unitColumns } from "./layout.js";
import { rowKind, rowViews, slotText } from "./rows.js";

/**
 * {@link readPlanTable} 的选项。Options of {@link readPlanTable}.
 * @category Parsing
 * @example
 * const options: ReadPlanTableOptions = { id: "nanling-2024", year: 2024, headerWords: { 主抓单位: "lead" } };
 */
export interface ReadPlanTableOptions {
  /** 工作安排编号（默认 `plan-<年度>`）。The plan id (default `plan-<year>`, or `plan`). */
  readonly id?: string;
  /** 年度；默认从表头上方的标题行读取。The year; read from a title row above the header by default. */
  readonly year?: number;
  /** 标题；默认为表头上方的标题行。The title; by default the title row above the header. */
  readonly title?: string;
  /** 额外的集合称谓（拆分单位时保持完整）。Extra collective phrases kept whole when splitting unit cells. */
  readonly groupPhrases?: readonly string[];
  /** 额外的表头词及其用途（精确匹配，优先于内置规则）。Extra header words and the column kind each names (exact, checked first). */
  readonly headerWords?: Readonly<Record<string, ColumnKind>>;
  /** 合并单元格（SheetJS `ws["!merges"]` 的形状）。Merged ranges, in the shape of SheetJS's `ws["!merges"]`. */
  readonly merges?: readonly TableMerge[];
}

/**
 * 一列的读法：第几列（从 0 开始，横排表为第几行）、表头原文、用途。How a column was read.
 * @category Parsing
 * @example
 * const column: TableColumn = { index: 2, header: "牵头责任 单位", kind: "lead" };
 */
export interface TableColumn {
  /** 0-based column (a row, in a sideways table). */
  readonly index: number;
  readonly header: string;
  readonly kind: ColumnKind;
}

/**
 * {@link readPlanTable} 的结果。The plan read from the table, what each column was taken for, and what was noticed.
 * @category Parsing
 * @example
 * const { plan, columns, diagnostics }: ReadPlanTableResult = readPlanTable([["序号", "工作任务", "牵头单位"], ["1", "推进政务公开", "县政府办"]]);
 */
export interface ReadPlanTableResult {
  readonly plan: Plan;
  readonly columns: readonly TableColumn[];
  /** 表格是否横排（每列一项任务）。Whether the table was sideways (one task per column). */
  readonly sideways: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * 读取任务分工表（序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 …）的行，得到工作安排。按列名及其同义词找表头行
 * （并报告每列读作什么），合并的分组单元格向下沿用，没有序号的行接在上一项任务后，单位格按“、”“，”、空格和换行拆分
 * （“各乡镇人民政府、街道办事处”等集合称谓保持完整），完成时限与任务文字用同一套规则读出工作要求。每个任务、分工段落和
 * 单位引用都带 `source.cell`（行、列，从 0 开始）和单元格内的偏移。横排表（每列一项）也能读。对任何输入都不抛出异常；
 * 不是任务表时返回没有任务的工作安排和一条 `not_a_task_table` 错误。
 *
 * Read the rows of a task-division table into a {@link Plan}. The header row is found by its column
 * names and their synonyms (each column's reading is reported); merged grouping cells carry down;
 * rows without a number continue the task above; unit cells split at 、，, spaces and line breaks,
 * keeping collective names whole; 完成时限 cells go through the same requirement extraction as task
 * text. Every task, clause and unit reference has `source.cell` (0-based row and column) and offsets
 * inside the cell. Sideways tables (one item per column) are read too. Never throws; a sheet that is
 * not a task table gives a plan without tasks and a `not_a_task_table` error.
 *
 * @category Parsing
 * @example
 * const { plan } = readPlanTable([
 *   ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
 *   ["1", "推进政务公开标准化。", "县政府办", "各乡镇人民政府、街道办事处 县直有关单位", "6月底前"],
 * ], { year: 2024 });
 * const task = plan.sections[0]!.tasks[0]!;
 * task.clauses[0]!.assignment.responsible.map((u) => u.text);
 * //=> ["各乡镇人民政府、街道办事处", "县直有关单位"]
 * task.requirements[0]!.rule;
 * //=> { kind: "deadline", due: "2024-06-30" }
 * task.clauses[0]!.assignment.lead[0]!.source;
 * //=> { start: 0, end: 4, line: 1, cell: { row: 1, column: 2 } }
 */
export const readPlanTable = (rows: readonly (readonly string[])[], options: ReadPlanTableOptions = {}): ReadPlanTableResult => readTableAt(rows, options, {});

/** Where a table sits in a larger plan (a Word file): its index, and the sections and tasks before it. */
export interface TablePlace {
  readonly table?: number;
  readonly sectionsBefore?: number;
  readonly tasksBefore?: number;
}

/** {@link readPlanTable} for a table of a Word file: cell references carry the table's index, numbering continues the plan (internal). */
export const readTableAt = (rows: readonly (readonly string[])[], options: ReadPlanTableOptions, place: TablePlace): ReadPlanTableResult => {
  const diagnostics: Diagnostic[] = [];
  try {
    return read(rows, options, place, diagnostics);
  } catch (error) {
    diagnostics.push(diag("internal_error", "error", `读取表格时发生内部错误：${String(error)}`, `Internal error while reading the table: ${String(error)}`));
    return deepFreeze({ plan: { id: "plan", title: "", sections: [] } as unknown as Plan, columns: [], sideways: false, diagnostics });
  }
};

/** The grid of a table and its header row, turned round when the table is sideways. */
const orient = (rows: readonly (readonly string[])[], options: ReadPlanTableOptions, table: number | undefined) => {
  const extra = Object.fromEntries(Object.entries(options.headerWords ?? {}).map(([k, v]) => [headerText(k), v]));
  const made = makeGrid(rows, Array.isArray(options.merges) ? options.merges : [], table);
  let grid: Grid = made.grid;
  let header = findHeaderRow(grid, extra);
  // A sideways table has a few label rows: turned round, they are its columns (at most MAX_COLUMNS).
  if (header === undefined && grid.cells.length <= MAX_COLUMNS && looksSideways(grid, extra)) {
    const turned = transpose(grid);
    // Turned round, the label column is the header row; a unit label alone is enough there (眉山: the
    // item names have no label of their own, the column before the units holds them).
    const labels = headerKinds((turned.cells[0] ?? []).map((_, c) => ownText(turned, 0, c)), extra);
    const found = findHeaderRow(turned, extra) ?? (labels.some((k) => k !== undefined && roleOf(k) !== undefined) ? { row: 0, kinds: labels } : undefined);
    if (found !== undefined) [grid, header] = [turned, found];
  }
  return { grid, header, extra, badMerges: made.badMerges, truncated: made.truncated };
};

/** Whether rows hold a task table (either way round): for deciding what a Word table is (internal). */
export const isTaskTable = (rows: readonly (readonly string[])[], options: ReadPlanTableOptions): boolean => orient(toRows(rows) ?? [], options, undefined).header !== undefined;

const read = (input: unknown, options: ReadPlanTableOptions, place: TablePlace, diagnostics: Diagnostic[]): ReadPlanTableResult => {
  const rows = toRows(input);
  if (rows === undefined) diagnostics.push(diag("invalid_input", "error", "输入不是由行组成的数组", "The input is not an array of rows"));
  const { grid, header, extra, badMerges, truncated } = orient(rows ?? [], options, place.table);
  if (truncated) diagnostics.push(diag("columns_truncated", "warning", `表格超过${MAX_COLUMNS}列，只读前${MAX_COLUMNS}列`, `The table has more than ${MAX_COLUMNS} columns: only the first ${MAX_COLUMNS} were read`, []));
  if (badMerges > 0) diagnostics.push(diag("invalid_option", "warning", `有${badMerges}个合并区域不正确，已忽略`, `${badMerges} merged ranges are invalid and were ignored`, ["merges"]));
  if (grid.sideways) diagnostics.push(diag("sideways_table", "info", "表格是横排的（每列一项任务，第一列是表头），已按列读取", "The table is sideways (one task per column, headers down the first column): it was read by columns", []));
  const empty = grid.cells.every((r) => r.every((c) => c.trim().length === 0));
  const above = header === undefined ? undefined : titleAbove(grid, header.row);
  const { id, year, idDiagnostics } = planIdentity(options, above);
  diagnostics.push(...idDiagnostics);
  const finish = (plan: Plan, columns: TableColumn[]): ReadPlanTableResult => deepFreeze({ plan, columns, sideways: grid.sideways, diagnostics });
  const title = options.title ?? above ?? "";
  const bare = { id: id as Plan["id"], title, ...(year !== undefined ? { year } : {}), sections: [] } as Plan;
  if (header === undefined) {
    if (rows !== undefined) {
      diagnostics.push(
        empty
          ? diag("empty_input", "error", "没有读出任务：表格为空", "No tasks read: the table is empty", ["sections"])
          : diag("not_a_task_table", "error", "这不是任务分工表：没有找到表头（需要“工作任务”“重点工作”等任务列和“牵头单位”“责任单位”等单位列，或“序号”“完成时限”等至少三个列名）", "Not a task table: no header row found (a task column such as 工作任务 and a unit column such as 牵头单位, or at least three known column names)", ["sections"]),
      );
    }
    return finish(bare, []);
  }

  const plan0 = planColumns(grid, header.row, header.kinds, extra);
  const views = rowViews(grid, plan0.firstRow, plan0.kinds, diagnostics);
  const byRow = new Map(views.map((v) => [v.row, v.slots.map((s) => slotText(grid, s))]));
  settleColumns(grid, plan0, (r) => byRow.get(r) ?? []);
  const { kinds, names } = plan0;
  const columns: TableColumn[] = kinds.map((kind, index) => ({ index, header: names[index] ?? "", kind }));
  reportColumns(grid, header.row, columns, diagnostics);
  if (!kinds.includes("task")) {
    diagnostics.push(diag("no_task_column", "error", "找到了表头，但没有任务列（如“工作任务”“重点工作”）", "A header was found but no task column (such as 工作任务)", ["sections"]));
    return finish(bare, columns);
  }
  const units = unitColumns(kinds);
  if (units.length === 0) diagnostics.push(diag("no_unit_column", "warning", "表格没有单位列（如“牵头单位”“责任单位”）", "The table has no unit column (such as 牵头单位 or 责任单位)", []));

  const drafts = walkRows(grid, views, (v) => rowKind(grid, v, kinds, header.kinds, extra), { kinds, units }, diagnostics);
  const phrases = [...new Set([...(options.groupPhrases ?? []).map(normalizeText), ...DEFAULT_GROUP_PHRASES])].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const ctx = { planId: id, year, phrases, diagnostics, undated: false, sectionsBefore: place.sectionsBefore ?? 0, tasksBefore: place.tasksBefore ?? 0 };
  const sections = buildSections(drafts, ctx);
  if (ctx.undated) diagnostics.push(yearMissing());
  if (sections.every((s) => s.tasks.length === 0)) diagnostics.push(diag("no_tasks", "error", "没有读出任务：表头下面没有任务行", "No tasks read: no task rows under the header", ["sections"]));
  return finish({ ...bare, sections }, columns);
};

/** Info diagnostics saying what each column was taken for. */
const reportColumns = (g: Grid, headerRow: number, columns: readonly TableColumn[], diagnostics: Diagnostic[]): void => {
  for (const col of columns) {
    const name = col.header.replace(/\s+/g, "");
    if ((name.length === 0 && col.kind === "other") || !g.has(headerRow, col.index)) continue;
    const [zh, en] = KIND_LABELS[col.kind];
    const source: SourceSpan = { start: 0, end: (g.cells[headerRow]?.[col.index] ?? "").length, line: 1, cell: g.ref(headerRow, col.index) };
    const where = g.sideways ? [`第${col.index + 1}行`, `Row ${col.index + 1}`] : [`第${col.index + 1}列`, `Column ${col.index + 1}`];
    diagnostics.push(diag("column_read", "info", `${where[0]}“${name}”读作：${zh}`, `${where[1]} "${name}" read as: ${en}`, [], source));
  }
};

/** The title row above the header: the nearest row above it with one distinct text (not 附件). */
const titleAbove = (g: Grid, headerRow: number): string | undefined => {
  for (let r = headerRow - 1; r >= 0; r--) {
    const texts = [...new Set((g.cells[r] ?? []).map((_, c) => ownText(g, r, c).trim()).filter((t) => t.length > 0))];
    if (texts.length === 1 && !/^附件\s*\d*[:：]?$/.test(texts[0] as string)) return (texts[0] as string).replace(/\s+/g, "");
  }
  return undefined;
};

/** The plan id and year from the options, or the title's year; bad options are diagnostics. */
const planIdentity = (options: ReadPlanTableOptions, title: string | undefined): { id: string; year: number | undefined; idDiagnostics: Diagnostic[] } => {
  const out: Diagnostic[] = [];
  let year = options.year;
  if (year !== undefined && (!Number.isInteger(year) || year < 1949 || year > 2200)) {
    out.push(diag("invalid_option", "error", `年度选项不正确：${year}`, `Invalid year option: ${year}`, ["year"]));
    year = undefined;
  }
  const m = /((?:19|20|21)\d{2})年/.exec(options.title ?? title ?? "");
  year ??= m === null ? undefined : Number(m[1]);
  let id = year === undefined ? "plan" : `plan-${year}`;
  if (options.id !== undefined) {
    if (isWellFormedId(options.id)) id = options.id;
    else out.push(diag("invalid_option", "error", `编号选项不正确：“${options.id}”（只能使用 ASCII 字母、数字和 . _ : -）`, `Invalid id option "${options.id}" (ASCII letters, digits and . _ : - only)`, ["id"]));
  }
  return { id, year, idDiagnostics: out };
};

