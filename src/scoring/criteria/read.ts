import { type Diagnostic, diag } from "../../model/diagnostic.js";
import { deepFreeze } from "../../model/freeze.js";
import { checkCriteria } from "./checks.js";
import { type Layout, layoutRows, layoutText } from "./layout.js";
import { PHRASE_RULES, type PhraseRule } from "./phrase-rules.js";
import { buildItems } from "./structure.js";
import type { CriteriaTable } from "./types.js";

/**
 * The rows as a grid of strings: a row that is not an array, or a cell that is not a string, is read
 * as empty and reported at its place (rows from a spreadsheet library may hold numbers or null).
 */
const gridOf = (rows: unknown): { cells: string[][]; problems: Diagnostic[] } => {
  const problems: Diagnostic[] = [];
  if (!Array.isArray(rows)) {
    if (rows !== undefined && rows !== null) problems.push(diag("invalid_rows", "error", "表格应为行的数组，每行为单元格文字的数组", "The table must be an array of rows, each an array of cell texts", ["rows"]));
    return { cells: [], problems };
  }
  const cells = rows.map((row: unknown, r) => {
    if (!Array.isArray(row)) {
      problems.push(diag("invalid_rows", "error", `第${r + 1}行不是单元格的数组，按空行处理`, `Row ${r + 1} is not an array of cells; read as empty`, ["rows", r]));
      return [];
    }
    return row.map((cell: unknown, c) => {
      if (typeof cell === "string") return cell;
      if (cell !== undefined && cell !== null && cell !== "") problems.push(diag("invalid_rows", "error", `第${r + 1}行第${c + 1}列不是文字，按空格处理`, `Row ${r + 1}, column ${c + 1} is not text; read as empty`, ["rows", r, c]));
      return "";
    });
  });
  return { cells, problems };
};

/**
 * {@link readCriteriaText} 和 {@link readCriteriaTable} 的选项。Options of {@link readCriteriaText} and {@link readCriteriaTable}.
 * @category Criteria
 * @example
 * const local: PhraseRule = { name: "local_warning", kind: "condition", read: (p) => (p.endsWith("予以警告") ? { amount: 1 } : undefined) };
 * const options: ReadCriteriaOptions = { rules: [local, ...PHRASE_RULES] };
 */
export interface ReadCriteriaOptions {
  /** 短语规则，默认 {@link PHRASE_RULES}。The phrase rules, {@link PHRASE_RULES} by default. */
  readonly rules?: readonly PhraseRule[];
}

const read = (layout: Layout, options: ReadCriteriaOptions): CriteriaTable => {
  const built = buildItems(layout, Array.isArray(options.rules) ? options.rules : PHRASE_RULES);
  const diagnostics = [...built.diagnostics, ...checkCriteria(built.items, built.total)];
  return deepFreeze({ ...(built.title === undefined ? {} : { title: built.title }), ...(built.total === undefined ? {} : { total: built.total }), items: built.items, diagnostics });
};

/**
 * 读取复制出来的考核细则文字（网页、PDF、Word 表格压成一行的文字都可以）：找出表头和各级考核项目（编号、名称、分值），
 * 把评分标准切成短语逐条识别，每项都带原文位置；不能识别的短语各有一条诊断。对任何字符串都不抛出异常，耗时与长度成线性。
 * Read criteria copied as text (a web page, a PDF, a Word table flattened onto one line): the
 * header, the items at every level (number, name, points), and the phrases of each 评分标准 read by
 * the phrase rules, each with its offsets in `text`. Never throws; linear in the length.
 *
 * @category Criteria
 * @example
 * const { items } = readCriteriaText("一、组织领导（5分）\n1.制定年度工作计划（2分）考核：未制定的扣2分。\n2.按时报送总结（3分）考核：迟报一次扣1分。");
 * items.map((i) => [i.number, i.name, i.level, i.points]);
 * //=> [["一", "组织领导", 1, 5], ["1", "制定年度工作计划", 2, 2], ["2", "按时报送总结", 2, 3]]
 */
export const readCriteriaText = (text: string, options: ReadCriteriaOptions = {}): CriteriaTable => {
  try {
    return read(layoutText(typeof text === "string" ? text : ""), typeof options === "object" && options !== null ? options : {});
  } catch (error) {
    return deepFreeze({ items: [], diagnostics: [diag("internal_error", "error", `读取考核细则时发生内部错误：${String(error)}`, `Internal error while reading criteria: ${String(error)}`)] });
  }
};

/**
 * 读取考核细则表格的各行（Word、Excel 或 CSV 的单元格文字）：按表头识别各列（序号、考核项目、考核内容、分值、评分标准、
 * 评分单位、考核方式），合并单元格重复的文字只算一项；没有表头时按内容判断。每项带行号、列号和单元格中的偏移。
 * Read the rows of a criteria table (cell strings from Word, Excel or CSV). The header names the
 * columns (序号, 考核项目, 考核内容, 分值, 评分标准, 评分单位, 考核方式); a merged cell repeated in
 * every row it spans is one item; without a header, cells are read by their content. Every item
 * and phrase keeps its `row`, `column` and offsets in the cell. Never throws.
 *
 * @category Criteria
 * @example
 * const { items } = readCriteriaTable([
 *   ["序号", "考核内容", "分值", "评分标准"],
 *   ["1", "制定年度工作计划", "2", "未制定的扣2分"],
 *   ["2", "参与协商比率不低于95%", "4", "每低一个百分点扣1分，扣完为止"],
 * ]);
 * items[1]?.phrases.map((p) => [p.kind, p.percent, p.amount]);
 * //=> [["rate_min", 95, 1], ["floor", undefined, undefined]]
 */
export const readCriteriaTable = (rows: readonly (readonly string[])[], options: ReadCriteriaOptions = {}): CriteriaTable => {
  try {
    const { cells, problems } = gridOf(rows);
    const table = read(layoutRows(cells), typeof options === "object" && options !== null ? options : {});
    return problems.length === 0 ? table : deepFreeze({ ...table, diagnostics: [...problems, ...table.diagnostics] });
  } catch (error) {
    return deepFreeze({ items: [], diagnostics: [diag("internal_error", "error", `读取考核细则时发生内部错误：${String(error)}`, `Internal error while reading criteria: ${String(error)}`)] });
  }
};
