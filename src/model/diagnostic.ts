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
 * 原文位置：`start`/`end` 为原始文本中的字符偏移（UTF-16 码元，`end` 不含），`line` 从 1 开始。
 * Where something came from in the original text: `start`/`end` are offsets into the
 * original string (UTF-16 code units, `end` exclusive), `line` is 1-based.
 *
 * @category Model
 * @example
 * const text = "牵头单位：县司法局";
 * const span: SourceSpan = { start: 5, end: 9, line: 1 };
 * text.slice(span.start, span.end);
 * //=> "县司法局"
 */
export const SourceSpan = z
  .strictObject({
    start: z.int().min(0),
    end: z.int().min(0),
    line: z.int().min(1),
  })
  .meta({ id: "SourceSpan", title: "原文位置", description: "Offsets into the original text (UTF-16 code units, end exclusive); line is 1-based." });
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
