import * as z from "zod";

/**
 * 诊断的严重程度。How serious a diagnostic is.
 *
 * - `error`：数据不可用或不可信（data is wrong or unusable）；
 * - `warning`：数据可用但可疑（usable, but a person should look）；
 * - `info`：提示（for information）。
 *
 * @category Model
 * @example
 * Severity.parse("warning");
 * //=> "warning"
 */
export const Severity = z.enum(["error", "warning", "info"]).meta({ id: "Severity", title: "严重程度" });
/** @category Model */
export type Severity = z.infer<typeof Severity>;

/**
 * 表格单元格的位置：`row`、`column` 从 0 开始；`table` 为 Word 文件中第几个表格（从 0 开始，按文档顺序数 `w:tbl`），
 * 直接调用 {@link readPlanTable} 时没有 `table`，`rows[row][column]` 就是这个单元格。Word 表格的 `column` 按网格列计（合并的列也占位）。
 * Where a table cell is: `row` and `column` are 0-based; `table` is the 0-based index of the table in a
 * Word file (every `w:tbl`, in document order), absent when the rows were given to {@link readPlanTable}
 * directly, where `rows[row][column]` is the cell. In Word tables `column` counts grid columns (merged ones too).
 *
 * @category Model
 * @example
 * const rows = [["序号", "工作任务", "牵头单位"], ["1", "推进政务公开", "县政府办"]];
 * const cell: CellRef = { row: 1, column: 2 };
 * rows[cell.row]![cell.column];
 * //=> "县政府办"
 */
export const CellRef = z
  .strictObject({
    table: z.int().min(0).optional().meta({ description: "0-based index of the table in a Word file (w:tbl elements in document order)." }),
    row: z.int().min(0),
    column: z.int().min(0),
  })
  .meta({ id: "CellRef", title: "单元格位置", description: "A table cell: 0-based row and column (grid column in Word tables); table is the table's index in a Word file." });
/** @category Model */
export type CellRef = z.infer<typeof CellRef>;

/**
 * 原文位置：`start`/`end` 为原始文本中的字符偏移（UTF-16 码元，`end` 不含），`line` 从 1 开始。
 * 来自表格时带 `cell`，此时 `start`/`end`/`line` 是在该单元格文字内的位置；来自 Word 正文时带 `paragraph`
 * （文档中第几个 `w:p` 段落，从 0 开始），`start`/`end`/`line` 是在 `parseDocx`（`fazhi/docx`）返回的正文文字 `text` 中的位置。
 * Where something came from in the original text: `start`/`end` are offsets into the
 * original string (UTF-16 code units, `end` exclusive), `line` is 1-based. From a table, `cell`
 * says which cell, and `start`/`end`/`line` are inside that cell's text. From the body of a Word
 * file, `paragraph` is the 0-based index of the `w:p` element where the span starts, and the offsets
 * are in the body text that `parseDocx` returns as `text`.
 *
 * @category Model
 * @example
 * const text = "牵头单位：县司法局";
 * const span: SourceSpan = { start: 5, end: 9, line: 1 };
 * text.slice(span.start, span.end);
 * //=> "县司法局"
 * const rows = [["序号", "工作任务", "牵头单位"], ["1", "推进政务公开", "县政府办、县司法局"]];
 * const inCell: SourceSpan = { start: 5, end: 9, line: 1, cell: { row: 1, column: 2 } };
 * rows[1]![2]!.slice(inCell.start, inCell.end);
 * //=> "县司法局"
 */
export const SourceSpan = z
  .strictObject({
    start: z.int().min(0),
    end: z.int().min(0),
    line: z.int().min(1),
    cell: CellRef.optional(),
    paragraph: z.int().min(0).optional().meta({ description: "0-based index of the w:p element (document order) of a Word file where the span starts." }),
  })
  .meta({
    id: "SourceSpan",
    title: "原文位置",
    description:
      "Offsets into the original text (UTF-16 code units, end exclusive); line is 1-based. With cell, the offsets are inside that table cell's text; with paragraph, they are in the body text of a Word file and paragraph is the w:p where the span starts.",
  });
/** @category Model */
export type SourceSpan = z.infer<typeof SourceSpan>;

/**
 * 指向数据中某个字段的路径，如 `["sections", 0, "tasks", 3, "title"]`。
 * A path to a field in the data, like zod's issue paths.
 *
 * @category Model
 * @example
 * DiagnosticPath.parse(["units", 2, "name"]);
 */
export const DiagnosticPath = z.array(z.union([z.string(), z.int()])).meta({ id: "DiagnosticPath", title: "字段路径" });
/** @category Model */
export type DiagnosticPath = z.infer<typeof DiagnosticPath>;

/**
 * 诊断：稳定的 snake_case 代码、严重程度、中文说明（`messageEn` 为英文）、字段路径和原文位置。
 * A diagnostic: a stable snake_case `code`, a severity, a Chinese `message` with the English in
 * `messageEn`, the `path` to the field and, for parsed text, the `source` span.
 *
 * @category Model
 * @example
 * const d: Diagnostic = {
 *   code: "duplicate_id",
 *   severity: "error",
 *   message: "编号重复：“t1”",
 *   messageEn: "Duplicate id: \"t1\"",
 *   path: ["units", 1, "id"],
 * };
 */
export const Diagnostic = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    severity: Severity,
    message: z.string(),
    messageEn: z.string(),
    path: DiagnosticPath,
    source: SourceSpan.optional(),
  })
  .meta({ id: "Diagnostic", title: "诊断信息" });
/** @category Model */
export type Diagnostic = z.infer<typeof Diagnostic>;

/**
 * 不可信输入的处理结果：成功时带 `value`，失败时带 `issues`（至少一条 error）。
 * The result of reading untrusted input: `{ ok: true, value }` (with any warnings in
 * `issues`) or `{ ok: false, issues }` (at least one error). Never an exception.
 *
 * @category Model
 * @example
 * const r: Result<number> = { ok: true, value: 1, issues: [] };
 * if (r.ok) r.value;
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Diagnostic[] }
  | { readonly ok: false; readonly issues: readonly Diagnostic[] };

/**
 * 程序错误的代码。Codes of {@link FazhiError} (programmer errors, not bad input).
 *
 * @category Model
 * @example
 * const code: FazhiErrorCode = "invalid_argument";
 */
export type FazhiErrorCode = "invalid_argument" | "out_of_range" | "not_covered" | "internal";

/**
 * 程序错误（调用方式不对），带错误代码。不可信数据的问题不会抛出，而是返回 {@link Result}。
 * Thrown for programmer errors only (a wrong argument, not bad data); bad data gives a
 * {@link Result} with issues instead.
 *
 * @category Model
 * @example
 * try {
 *   addDays("2024-13-01" as IsoDate, 1);
 * } catch (e) {
 *   (e as FazhiError).code;
 *   //=> "invalid_argument"
 * }
 */
export class FazhiError extends Error {
  /** 错误代码。The stable error code. */
  readonly code: FazhiErrorCode;
  /** 英文说明。The message in English (the `message` is Chinese). */
  readonly messageEn: string;

  constructor(code: FazhiErrorCode, message: string, messageEn: string) {
    super(`${message} (${messageEn})`);
    this.name = "FazhiError";
    this.code = code;
    this.messageEn = messageEn;
  }
}

/**
 * 判断一组诊断中是否有 error。Whether any diagnostic is an error.
 *
 * @category Model
 * @example
 * hasErrors([{ code: "x", severity: "warning", message: "", messageEn: "", path: [] }]);
 * //=> false
 */
export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean => {
  if (!Array.isArray(diagnostics)) throw new FazhiError("invalid_argument", "hasErrors：参数应为诊断数组", "hasErrors: expected an array of diagnostics");
  return diagnostics.some((d) => typeof d === "object" && d !== null && d.severity === "error");
};

/** Build a diagnostic (internal helper; `source` only when given). */
export const diag = (
  code: string,
  severity: Severity,
  message: string,
  messageEn: string,
  path: DiagnosticPath = [],
  source?: SourceSpan,
): Diagnostic => (source === undefined ? { code, severity, message, messageEn, path } : { code, severity, message, messageEn, path, source });
