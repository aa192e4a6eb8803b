import type { Role } from "../../model/plan.js";
import { normalizeLine } from "../../text/normalize.js";

/**
 * 分工表中一列的用途。What a column of a task table holds.
 *
 * - `serial` 序号；`task` 任务文字（第一列任务文字为标题，其后的任务类列为 `detail`）；`section` 分组列（合并单元格的类别、目标）；
 * - `lead` / `responsible` / `support` 三种角色的单位；`deadline` 完成时限；
 * - `person` 人名（责任领导、分管领导），`progress` 进展（完成情况、落实情况），`note` 备注，`other` 不认识的列：这些列不读。
 *
 * `serial` numbers, `task` text (the first task-like column gives the title, later ones are `detail`),
 * `section` grouping columns, the three unit roles, `deadline`; `person`, `progress`, `note` and `other`
 * columns are reported and not read.
 *
 * @category Parsing
 * @example
 * const kind: ColumnKind = "lead";
 */
export type ColumnKind = "serial" | "section" | "task" | "detail" | "lead" | "responsible" | "support" | "deadline" | "person" | "progress" | "note" | "other";

/** A header word rule: the kind a header cell names when the pattern matches (tried in order). */
interface HeaderRule {
  readonly name: string;
  readonly test: RegExp;
  readonly kind: ColumnKind;
}

/**
 * Header rules, in order (the first that matches wins). Person columns come before unit columns
 * (责任领导 is a person, 牵头领导单位 a unit); progress before deadline (完成情况 vs 完成时限).
 */
const HEADER_RULES: readonly HeaderRule[] = [
  { name: "serial", test: /^(序号|编号|序|项目编号|任务编号|No\.?)$/i, kind: "serial" },
  { name: "person", test: /^(?!.*(单位|部门)$).*(领导|责任人|联系人|负责人|牵头人|分管)/, kind: "person" },
  { name: "support_unit", test: /(配合|协办|协助|参与|参加|协同).*(单位|部门|机构)$/, kind: "support" },
  { name: "lead_unit", test: /^(牵头|主责|主办).*(单位|部门|机构)$|^牵头$/, kind: "lead" },
  { name: "responsible_unit", test: /(单位|部门|主体|机构)$/, kind: "responsible" },
  { name: "progress", test: /(情况|进展|成效|督查|评价|结果)$/, kind: "progress" },
  { name: "deadline", test: /(时限|时间|期限|节点|进度安排|时间安排|进度要求|时序)/, kind: "deadline" },
  { name: "note", test: /^(备注|说明|附注)$/, kind: "note" },
  { name: "section", test: /^(类别|分类|领域|板块|方面|部分|专项|篇目|章节)$/, kind: "section" },
  { name: "task", test: /(任务|工作|措施|内容|事项|实事|项目|举措|目标|要点|名称)/, kind: "task" },
];

/** A numbered line (一、工作目标, （二）, 1.) is a heading, never a column name. */
const NUMBERED = /^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]/;

/** A title or a year (2016年…分解表, …清单) is not a column name. */
const NOT_A_NAME = /\d{4}|表$|清单$/;

/** Header cells are short names: longer text, or a sentence, is never a header. */
const HEADER_MAX = 16;

/** A header cell's text with spaces and line breaks removed (`牵头责任 单位` → `牵头责任单位`) and widths normalised. */
export const headerText = (raw: string): string => normalizeLine(raw.replace(/\s+/g, "")).text.replace(/[：:*＊]+$/, "");

/** Cells longer than this (spaces and line breaks included) are never header words: checked before any normalising. */
const RAW_MAX = 40;

/**
 * 表头单元格所指的列用途；不是表头词时返回 `undefined`。`extra` 为调用方给出的表头词（精确匹配，优先）。
 * The kind of column a header cell names, or undefined when it is not a header word. Words the
 * caller gives in `extra` match exactly and win.
 */
export const classifyHeader = (raw: string, extra: Readonly<Record<string, ColumnKind>> = {}): ColumnKind | undefined => {
  if (raw.length > RAW_MAX) return undefined;
  const text = headerText(raw);
  if (text.length === 0 || text.length > HEADER_MAX) return undefined;
  const own = extra[text];
  if (own !== undefined) return own;
  if (/[。，；！？]/.test(text) || NUMBERED.test(text) || NOT_A_NAME.test(text)) return undefined;
  for (const rule of HEADER_RULES) if (rule.test.test(text)) return rule.kind;
  return undefined;
};

/** Header words of grouping columns that stand before the task text (主要工作目标, 类别, 领域). */
const GROUPING_WORD = /(类别|分类|领域|方面|板块|目标)$/;

/**
 * With several task-like columns, one whose header is a grouping word (主要工作目标, 类别) and that
 * stands before another task-like column is a section column. Changes `kinds` in place.
 */
export const markGroupingColumns = (kinds: ColumnKind[], names: readonly string[]): void => {
  const tasks = kinds.flatMap((k, c) => (k === "task" ? [c] : []));
  for (const c of tasks.slice(0, -1)) if (GROUPING_WORD.test(headerText(names[c] ?? ""))) kinds[c] = "section";
};

/** The role of a unit column kind, if it is one. */
export const roleOf = (kind: ColumnKind): Role | undefined => (kind === "lead" || kind === "responsible" || kind === "support" ? kind : undefined);

/** The Chinese and English names of column kinds, for diagnostics. */
export const KIND_LABELS: Readonly<Record<ColumnKind, readonly [string, string]>> = {
  serial: ["序号", "number"],
  section: ["分组（部分）", "grouping (section)"],
  task: ["任务", "task"],
  detail: ["任务说明", "task detail"],
  lead: ["牵头单位", "lead units"],
  responsible: ["责任单位", "responsible units"],
  support: ["配合单位", "support units"],
  deadline: ["完成时限", "deadline"],
  person: ["人名（不读）", "person names (not read)"],
  progress: ["进展（不读）", "progress (not read)"],
  note: ["备注（不读）", "note (not read)"],
  other: ["未识别（不读）", "unrecognised (not read)"],
};

/** How much a row looks like a header: the kinds its cells name (undefined for cells that are not header words). */
export const headerKinds = (cells: readonly string[], extra: Readonly<Record<string, ColumnKind>>): Array<ColumnKind | undefined> =>
  cells.map((c) => classifyHeader(c, extra));

/**
 * Whether classified header cells make a task-table header: a task column and a unit column, or at
 * least three known columns one of which is a task column.
 */
export const isHeader = (kinds: ReadonlyArray<ColumnKind | undefined>): boolean => {
  let known = 0;
  let task = false;
  let unit = false;
  for (const k of kinds) {
    if (k === undefined) continue;
    known += 1;
    if (k === "task") task = true;
    if (roleOf(k) !== undefined) unit = true;
  }
  return (task && unit) || (task && known >= 3) || (unit && known >= 3);
};
