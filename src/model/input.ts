import { core } from "zod";
import type * as z from "zod";
import { type Diagnostic, type DiagnosticPath, FazhiError, type Result, diag } from "./diagnostic.js";
import { deepFreeze } from "./freeze.js";

const pathText = (path: DiagnosticPath): string => (path.length === 0 ? "（根）" : path.join("."));
const pathTextEn = (path: DiagnosticPath): string => (path.length === 0 ? "(root)" : path.join("."));

const TYPE_ZH: Record<string, string> = {
  string: "字符串",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  object: "对象",
  array: "数组",
  null: "null",
  undefined: "空值",
};

const received = (input: unknown): string =>
  input === null ? "null" : Array.isArray(input) ? "array" : typeof input === "undefined" ? "undefined" : typeof input;

/** Chinese and English text for one zod issue. */
const describe = (issue: z.core.$ZodIssue): [string, string] => {
  switch (issue.code) {
    case "invalid_type": {
      const got = received(issue.input);
      if (got === "undefined") return ["缺少必填字段", "Required field is missing"];
      return [
        `类型不正确：应为${TYPE_ZH[issue.expected] ?? issue.expected}，实际为${TYPE_ZH[got] ?? got}`,
        `Expected ${issue.expected}, received ${got}`,
      ];
    }
    case "unrecognized_keys": {
      const keys = issue.keys.map((k) => `“${k}”`).join("、");
      return [`不认识的字段：${keys}`, `Unrecognized key(s): ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`];
    }
    case "invalid_format": {
      if (issue.format === "date") return ["日期不正确：应为真实存在的 YYYY-MM-DD 日期", "Invalid date: expected a real YYYY-MM-DD date"];
      if (issue.format === "regex") return ["格式不正确（编号只能使用 ASCII 字母、数字和 . _ : -）", "Invalid format (ids use ASCII letters, digits and . _ : -)"];
      return [`格式不正确：${issue.format}`, `Invalid format: ${issue.format}`];
    }
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return ["不能为空", "Must not be empty"];
      return [`数值过小：最小为 ${String(issue.minimum)}`, `Too small: minimum is ${String(issue.minimum)}`];
    case "too_big":
      return [`数值过大：最大为 ${String(issue.maximum)}`, `Too big: maximum is ${String(issue.maximum)}`];
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return [`取值不正确：应为 ${values} 之一`, `Invalid value: expected one of ${values}`];
    }
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length > 0) {
        const values = options.map((v) => JSON.stringify(v)).join(", ");
        return [`取值不正确：应为 ${values} 之一`, `Invalid value: expected one of ${values}`];
      }
      return ["不符合任何一种允许的形式（请检查 kind 字段）", "Matches none of the allowed forms (check the kind field)"];
    }
    case "not_multiple_of":
      return [`应为 ${String(issue.divisor)} 的倍数`, `Must be a multiple of ${String(issue.divisor)}`];
    case "invalid_key":
      return ["键不正确", "Invalid key"];
    case "invalid_element":
      return ["元素不正确", "Invalid element"];
    case "custom":
      return [issue.message ?? "不符合要求", issue.message ?? "Invalid value"];
    default: {
      const unknownIssue: never = issue;
      return ["不符合要求", `Invalid value (${String((unknownIssue as { code?: unknown }).code)})`];
    }
  }
};

/**
 * 把 zod 的校验问题转换为带中英文说明的诊断。Turn zod issues into diagnostics with Chinese and
 * English messages; the `code` is zod's own (`invalid_type`, `unrecognized_keys`, …).
 *
 * @category Validation
 * @example
 * const r = Unit.safeParse({ id: "x" });
 * if (!r.success) diagnosticsFromZod(r.error)[0]?.code;
 * //=> "invalid_type"
 */
export const diagnosticsFromZod = (error: z.ZodError, basePath: DiagnosticPath = []): Diagnostic[] => {
  if (!(error instanceof core.$ZodError)) throw new FazhiError("invalid_argument", "diagnosticsFromZod：参数 error 应为 zod 的 ZodError", "diagnosticsFromZod: error must be a zod ZodError");
  if (!Array.isArray(basePath) || !basePath.every((p) => typeof p === "string" || Number.isInteger(p))) {
    throw new FazhiError("invalid_argument", "diagnosticsFromZod：参数 basePath 应为字段路径数组", "diagnosticsFromZod: basePath must be an array of keys and indexes");
  }
  return error.issues.map((issue) => {
    const path: DiagnosticPath = [...basePath, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const [zh, en] = describe(issue);
    return diag(issue.code, "error", `${pathText(path)}：${zh}`, `${pathTextEn(path)}: ${en}`, path);
  });
};

/**
 * 用 zod 模式校验不可信的输入（如另一系统发来的 JSON），返回结果而不抛出；成功的值深度冻结。
 * Validate untrusted input against a schema; returns a {@link Result}, never throws. The value is
 * a new, deeply frozen object: the input is not mutated and unknown keys are reported.
 *
 * @category Validation
 * @example
 * const r = parseInput(IsoDate, "2024-02-30");
 * r.ok;
 * //=> false
 * r.issues[0]?.code;
 * //=> "invalid_format"
 */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> => {
  if (!(schema instanceof core.$ZodType)) throw new FazhiError("invalid_argument", "parseInput：参数 schema 应为 zod 模式（如 Plan、Ledger）", "parseInput: schema must be a zod schema (Plan, Ledger, …)");
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: diagnosticsFromZod(parsed.error) };
  return { ok: true, value: deepFreeze(parsed.data), issues: [] };
};

/**
 * 先按模式校验，再运行跨字段校验函数；有 error 时失败，只有 warning 时成功并附带 warning。
 * Schema check, then a cross-field validator: fails on any error, succeeds with the warnings.
 *
 * @category Validation
 * @example
 * const r = parseAndValidate(Roster, rosterJson, validateRoster);
 */
export const parseAndValidate = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  validate: (value: z.output<S>) => readonly Diagnostic[],
): Result<z.output<S>> => {
  if (typeof validate !== "function") throw new FazhiError("invalid_argument", "parseAndValidate：参数 validate 应为函数", "parseAndValidate: validate must be a function");
  const parsed = parseInput(schema, input);
  if (!parsed.ok) return parsed;
  const issues = validate(parsed.value);
  if (!Array.isArray(issues)) throw new FazhiError("invalid_argument", "parseAndValidate：validate 应返回诊断数组", "parseAndValidate: validate must return an array of diagnostics");
  return issues.some((d) => d.severity === "error") ? { ok: false, issues } : { ok: true, value: parsed.value, issues };
};
