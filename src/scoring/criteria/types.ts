import type { Diagnostic } from "../../model/diagnostic.js";

/**
 * 评分标准短语的种类。What a phrase of a 评分标准 says:
 *
 * | kind | 写法 phrasing | fields |
 * |---|---|---|
 * | `per_occurrence` | 每发现一起/每起/每件/每次/发生一起…扣N分 | `amount` |
 * | `condition` | 未…的扣N分；…不到位的扣N分 | `amount` |
 * | `count_each_short` | 每少一次扣N分 | `amount`, `target`? |
 * | `count_below` | 少于N次的扣M分 | `target`, `amount` |
 * | `rate_min` | 不低于X%，每低Y个百分点扣N分（无“每”时一次扣N分） | `percent`, `amount`, `stepPercent`? |
 * | `rate_max` | 不高于X%，每高Y个百分点扣N分 | `percent`, `amount`, `stepPercent`? |
 * | `late` | 迟报一次扣N分；逾期每件扣N分 | `amount` |
 * | `omitted` | 漏报一次扣N分 | `amount` |
 * | `floor` | 扣完为止；扣完标准分的2倍为止 | `multiple`? |
 * | `deduction_cap` | 累计扣分不超过N分；本项限扣N分（`condition` 为“本项”：限的是整项） | `amount` |
 * | `no_score` | …的不得分；本项即不得分 | — |
 * | `award` | 有…的得N分（给分式） | `amount` |
 * | `award_otherwise` | 否则得0分 | — |
 * | `bonus` | …的加N分 | `amount` |
 * | `bonus_cap` | 最高加N分；加分累计不超过N分 | `amount` |
 * | `veto` | 一票否决；即为当年目标未完成 | — |
 * | `grade_cap` | 不得评为优秀 | `grade` |
 *
 * @category Criteria
 * @example
 * const kind: CriteriaRuleKind = "per_occurrence";
 */
export type CriteriaRuleKind =
  | "per_occurrence"
  | "condition"
  | "count_each_short"
  | "count_below"
  | "rate_min"
  | "rate_max"
  | "late"
  | "omitted"
  | "floor"
  | "deduction_cap"
  | "no_score"
  | "award"
  | "award_otherwise"
  | "bonus"
  | "bonus_cap"
  | "veto"
  | "grade_cap";

/**
 * 原文位置。文本输入：`start`/`end` 为整段原文中的偏移（`end` 不含），`line` 从 1 开始；表格输入：`row`、`column`
 * （从 0 开始）、单元格文字中的偏移和单元格中的行（从 1 开始）。
 * Where something came from: for text, offsets into the whole text (end exclusive) and the
 * 1-based line; for rows, the 0-based `row` and `column`, offsets into that cell's string and the
 * 1-based line inside the cell.
 * @category Criteria
 * @example
 * const source: CriteriaSource = { row: 3, column: 3, start: 0, end: 12, line: 1 };
 */
export interface CriteriaSource {
  readonly start: number;
  readonly end: number;
  readonly line?: number;
  readonly row?: number;
  readonly column?: number;
}

/**
 * 评分标准中的一个短语（按原文切分），识别出的规则带种类和数字，未识别的 `kind` 为 `undefined`。
 * One phrase of a 评分标准 as printed: recognised (with its kind, the name of the rule that read it,
 * and its numbers) or not (`kind` undefined — staff fill it in by hand).
 * @category Criteria
 * @example
 * const phrase: CriteriaPhrase = {
 *   text: "每少一次扣2分", kind: "count_each_short", rule: "count_each_short", amount: 2, target: 1,
 *   source: { start: 40, end: 47, line: 3 },
 * };
 */
export interface CriteriaPhrase {
  /** 短语原文（规范化：去掉空格，标点改全角）。The phrase, normalised (spaces out, full-width punctuation). */
  readonly text: string;
  /** 识别出的种类；未识别时没有。The kind read, or none when the phrase is not understood. */
  readonly kind?: CriteriaRuleKind;
  /** 读出它的规则名。The name of the rule that read it. */
  readonly rule?: string;
  /** 扣分（或加分、得分、上限）分值。The points deducted (or added, awarded, capped). */
  readonly amount?: number;
  /** 次数目标（不少于N次）。A count target (不少于N次). */
  readonly target?: number;
  /** 比例目标（百分数）。A rate bound, in percent. */
  readonly percent?: number;
  /** 每多少个百分点扣一次。Percentage points per step. */
  readonly stepPercent?: number;
  /** 扣完标准分的几倍为止。The floor as a multiple of the item's points. */
  readonly multiple?: number;
  /** 不得评为的等次。The grade a unit may not reach. */
  readonly grade?: string;
  /** 扣分的情形（事实），如“未制定年度计划”。The condition (fact) the phrase names, e.g. 未制定年度计划. */
  readonly condition?: string;
  readonly source: CriteriaSource;
}

/**
 * 考核细则中的一项（一级、二级、三级……）：编号、名称、层级、上级、分值、评分标准各短语和原文位置。
 * An item of a criteria table (一级 / 二级 / 三级 …): number as printed, name, level (1 = top),
 * the index of its parent in the item list, its points, the phrases of its 评分标准, and where each
 * part came from.
 * @category Criteria
 * @example
 * const item: CriteriaItem = {
 *   number: "1", name: "制定年度工作计划", level: 2, parent: 0, points: 2,
 *   phrases: [], source: { start: 10, end: 18, line: 2 },
 * };
 */
export interface CriteriaItem {
  /** 编号原文，不含“、”“.”；没有编号时为 ""。The number as printed, without 、 or .; "" when none. */
  readonly number: string;
  /** 名称（考核内容），去掉空格和末尾句号。The name (the item's content), spaces and final 。 removed. */
  readonly name: string;
  /** 层级，1 为最上一级。Level, 1 = top. */
  readonly level: number;
  /** 上级在列表中的序号。The index of the parent item in the list, if it is in the table. */
  readonly parent?: number;
  /** 印出的分值。The points printed. */
  readonly points?: number;
  /** 评分标准各短语，按原文顺序。The phrases of the 评分标准, in order. */
  readonly phrases: readonly CriteriaPhrase[];
  /** 名称之外的要求说明（如评分标准前的要求句）。Requirement text printed apart from the name (e.g. before a labelled list of rules). */
  readonly description?: string;
  /** 评分单位（责任单位、责任处室）。The scoring office (评分单位 / 责任单位 / 责任处室). */
  readonly office?: string;
  /** 考核方式。How it is assessed (考核方式). */
  readonly method?: string;
  /** 名称的原文位置。Where the number and name came from. */
  readonly source: CriteriaSource;
  /** 分值的原文位置。Where the points came from. */
  readonly pointsSource?: CriteriaSource;
}

/**
 * 读取考核细则的结果：标题和总分（印出时）、各项和诊断。
 * A criteria table as read: the title and total (when printed), the items in order, and diagnostics.
 * @category Criteria
 * @example
 * const { items, diagnostics }: CriteriaTable = readCriteriaText(text);
 */
export interface CriteriaTable {
  /** 表格标题（表头前能认出的标题行）。The table's title, when a line before the items reads as one. */
  readonly title?: string;
  /** 印出的总分（百分制、以100分为标准、总分100分）。The total, when printed. */
  readonly total?: number;
  readonly items: readonly CriteriaItem[];
  readonly diagnostics: readonly Diagnostic[];
}
