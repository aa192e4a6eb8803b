import { type Diagnostic, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import { isWellFormedId } from "../model/ids.js";
import type { Plan, Role, Section, Task, TaskGroup } from "../model/plan.js";
import { yearMissing } from "../schedule/extract.js";
import { lineIndex, normalizeText, splitLines } from "../text/normalize.js";
import { type Block, buildBlocks } from "./blocks.js";
import { DATE_LINE, HEAD_RULES, bodyStart, readHead } from "./head.js";
import { type SectionDraft, checkNumbering, layoutSections } from "./layout.js";
import { readSegments } from "./lines.js";
import { NOISE_RULES } from "./noise.js";
import { NUMBERING_STYLES } from "./numbering.js";
import { roleVocabulary } from "./role-words.js";
import { bareListRule, labelRule, verbRule } from "./roles.js";
import { type PlanRuleOptions, activeRules, clip, createContext } from "./rules.js";
import { NON_TASK_SECTIONS, STRUCTURE_RULES, buildTree, unitsIndex } from "./structure.js";
import { readTableText } from "./table/read-text.js";
import { buildSection } from "./sections.js";
import { type TaskContent, type UnitReading, buildTask, cachedPieces, cover, readTaskContent } from "./tasks.js";
import { keyOf } from "./traditional.js";
import { DEFAULT_GROUP_PHRASES, UNIT_PREDICATES } from "./units.js";
import { planYear } from "./year.js";

/**
 * {@link parsePlanText} 的选项。Options of {@link parsePlanText}.
 * @category Parsing
 * @example
 * const options: ParsePlanOptions = { id: "wuzhi-2024", year: 2024, groupPhrases: ["各镇、办"], roleWords: { 主抓单位: "lead" } };
 */
export interface ParsePlanOptions {
  /** 工作安排编号（默认 `plan-<年度>`）。The plan id (default `plan-<year>`, or `plan`). */
  readonly id?: string;
  /** 年度；默认从标题（如“2024年度”）、通知标题、文号或落款日期读取。The year; read from the title, notice, number or date by default. */
  readonly year?: number;
  /**
   * 额外的集合称谓，拆分单位列表时保持完整（其中的“、”不作分隔）。Extra collective phrases kept whole
   * when splitting unit lists, added to the built-in ones (各乡镇人民政府、街道办事处, 各区、县级市政府, …).
   */
  readonly groupPhrases?: readonly string[];
  /** 额外的分工用语（后接冒号），如 `{ 主抓单位: "lead" }`。Extra role labels, added to the built-in labels (listed in docs/parsing.md). */
  readonly roleWords?: Readonly<Record<string, Role>>;
  /** 额外的分工动词，如 `{ 督办: "lead" }`。Extra role verbs (X督办), added to the built-in verbs (listed in docs/parsing.md). */
  readonly roleVerbs?: Readonly<Record<string, Role>>;
  /** 额外的单位名后谓语（记入 qualifier）。Extra trailing predicates, added to the built-in ones (listed in docs/parsing.md). */
  readonly unitPredicates?: readonly string[];
  /** 额外的非任务部分名称（如“工作措施”）。Extra non-task section words, added to the built-in ones. */
  readonly nonTaskSections?: readonly string[];
  /** 停用或添加规则，见 {@link PLAN_RULES}。Turn rules off by name or add your own. */
  readonly rules?: PlanRuleOptions;
}

/**
 * {@link parsePlanText} 的结果：工作安排和诊断信息。The plan read from the text, and what was noticed.
 * @category Parsing
 * @example
 * const { plan, diagnostics }: ParsePlanResult = parsePlanText(text);
 */
export interface ParsePlanResult {
  readonly plan: Plan;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * 解析器的内置规则，按种类和尝试顺序列出名称；`rules.disable` 用这些名称停用规则。
 * The parser's built-in rules by kind, in the order they run; pass names to `rules.disable`.
 * @category Parsing
 * @example
 * PLAN_RULES.roles;
 * //=> ["roleLabels", "roleVerbs", "bareUnitList", "traditionalScript"]
 */
export const PLAN_RULES = deepFreeze({
  noise: NOISE_RULES.map((r) => r.name),
  numbering: NUMBERING_STYLES.map((s) => s.name),
  lines: ["midLineStructure", "midSentenceMarker"],
  head: [...HEAD_RULES.map((r) => r.name), "noticeItems"],
  structure: [...STRUCTURE_RULES.map((r) => r.name), "nonTaskSection", "unnumberedTasks"],
  roles: ["roleLabels", "roleVerbs", "bareUnitList", "traditionalScript"],
  fallback: ["tableText"],
});

const TRAILER = /^(抄送|印发|附件|（此件|\(此件)/;
/** A task table has a header naming a unit column or a serial column: without one, the table reader is not tried. */
const TABLE_HEADER = /序号|编号|(?:牵头|责任|配合|协办|协助|参与|落实|实施)(?:单位|部门)/;

/**
 * 把公文文本（从 PDF 或网页复制）解析为工作安排：部分、分组、任务、分工段落、单位引用，每项都带原文位置。
 * 解析器由一组有名称的小规则组成（去噪声、编号样式、文头、结构、分工），可按名称停用或添加（见 {@link PLAN_RULES}）。
 * 对任何字符串都不抛出异常，用时与输入长度成正比；最坏情况是一个没有任务的工作安排和一条说明原因的 error 诊断。
 *
 * Read the text of a work-plan document (copied out of a PDF or a web page) into a {@link Plan}:
 * sections, groups, tasks, clauses and unit references, each with its `source` span in the original
 * text. The parser is a list of small named rules (noise, numbering styles, head, structure, roles)
 * that callers can turn off or extend ({@link PLAN_RULES}). Never throws, for any string, and takes
 * time linear in its length: the worst case is a plan with no tasks and an error diagnostic saying why.
 *
 * @category Parsing
 * @example
 * const { plan, diagnostics } = parsePlanText(text, { id: "wuzhi-2024" });
 * plan.sections.length;
 * //=> 10
 * plan.sections.flatMap((s) => s.tasks).length;
 * //=> 35
 */
export const parsePlanText = (text: string, options: ParsePlanOptions = {}): ParsePlanResult => {
  try {
    return parse(typeof text === "string" ? text : "", options, typeof text === "string");
  } catch (error) {
    const d = diag("internal_error", "error", `解析时发生内部错误：${String(error)}`, `Internal error while parsing: ${String(error)}`);
    return { plan: deepFreeze({ id: "plan", title: "", sections: [] } as unknown as Plan), diagnostics: deepFreeze([d]) };
  }
};

const parse = (text: string, options: ParsePlanOptions, isString: boolean): ParsePlanResult => {
  const lines = splitLines(text);
  const lineOf = lineIndex(lines);
  const rules = options.rules ?? {};
  const ctx = createContext(lineOf, new Set(rules.disable ?? []));
  if (!isString) ctx.report("invalid_input", "error", "输入不是字符串", "The input is not a string");
  const vocabulary = roleVocabulary(options.roleWords, options.roleVerbs);
  const styles = activeRules(NUMBERING_STYLES, rules.numbering, ctx.disabled);
  const reading: UnitReading = {
    roles: activeRules([labelRule(vocabulary), verbRule(vocabulary), bareListRule], rules.roles, ctx.disabled),
    phrases: sortedUnique([...(options.groupPhrases ?? []).map(normalizeText), ...DEFAULT_GROUP_PHRASES]),
    predicates: sortedUnique([...(options.unitPredicates ?? []).map(normalizeText), ...UNIT_PREDICATES]),
    pieces: new WeakMap(),
    ...(ctx.enabled("traditionalScript") ? { key: keyOf } : {}),
  };

  const blocks = buildBlocks(readSegments(lines, ctx, activeRules(NOISE_RULES, rules.noise, ctx.disabled), styles, vocabulary), ctx);
  const start = bodyStart(blocks, { unnumbered: ctx.enabled("unnumberedTasks"), noticeItems: ctx.enabled("noticeItems") });
  const head = readHead(blocks.slice(0, start), activeRules(HEAD_RULES, [], ctx.disabled), ctx);

  // Signature, date, 抄送 and 附件 after the body are the trailer, up to the next section heading.
  const body: Block[] = [];
  const trailer: Block[] = [];
  let inTrailer = false;
  for (const b of blocks.slice(start)) {
    const section = b.marker !== undefined && b.marker.style.rank <= 1;
    if (inTrailer && !section) trailer.push(b);
    else if (b.kind === "text" && (DATE_LINE.test(b.text) || TRAILER.test(b.text) || (head.issuer !== undefined && b.text === head.issuer))) {
      inTrailer = true;
      trailer.push(b);
    } else {
      inTrailer = false;
      body.push(b);
    }
  }

  const units = unitsIndex((b) => b.kind === "roles" || cachedPieces(b, reading, b.marker?.length ?? 0).some((p) => "roles" in p));
  const structure = activeRules(STRUCTURE_RULES, [], ctx.disabled);
  const drafts = layoutSections(buildTree(body), ctx, { rules: structure, units, nonTaskWords: [...NON_TASK_SECTIONS, ...(options.nonTaskSections ?? [])] });
  checkNumbering(drafts, (b) => ctx.spanOf(b), (code, make) => ctx.add(code, make));
  const contents = drafts.map((s, si) => s.tasks.map((t, ti) => readTaskContent(t, reading, ctx, ["sections", si, "tasks", ti])));

  // Text after the units of the very last task speaks for the whole plan (上述工作安排将作为…): the closing.
  let closing: string[] = [];
  const last = contents.at(-1)?.at(-1);
  if (last !== undefined && last.clauses.length > 0 && last.buffer.length > 0) {
    const kept = new Set(last.buffer);
    closing = last.buffer.map((m) => m.text);
    ctx.add(diag("closing_text", "info", "最后一项任务分工之后的文字作为全文结语", "Text after the last task's units is read as the plan's closing", ["closing"], cover(last.buffer.map((m) => ctx.spanOf(m)), ctx.lineOf)));
    last.buffer = [];
    last.paragraphs.splice(0, last.paragraphs.length, ...last.paragraphs.filter((p) => !kept.has(p)));
  }
  for (const b of trailer) ctx.report("trailer_text", "info", `正文后的落款或附注：“${clip(b.text)}”`, `Signature or note after the body: "${clip(b.text)}"`, b);

  const { year, endYear } = planYear(head, options.year, ctx);
  let id = year === undefined ? "plan" : `plan-${year}`;
  if (options.id !== undefined) {
    if (isWellFormedId(options.id)) id = options.id;
    else ctx.report("invalid_option", "error", `编号选项不正确：“${options.id}”（只能使用 ASCII 字母、数字和 . _ : -）`, `Invalid id option "${options.id}" (ASCII letters, digits and . _ : - only)`, undefined, undefined, undefined, ["id"]);
  }

  const undated = { value: false };
  let no = 0;
  const sections: Section[] = drafts.map((s, si) => {
    const tasks = (contents[si] as TaskContent[]).map((c, ti) => buildTask(c, ++no, id, year, undated, ctx, ["sections", si, "tasks", ti]));
    return buildSection(s, tasks, reading, ctx);
  });
  if (undated.value) ctx.add(yearMissing());
  const unitsRead = sections.some((s) => s.tasks.some((t) => t.clauses.some((c) => c.assignment.lead.length + c.assignment.responsible.length + c.assignment.support.length > 0)));
  if (!unitsRead && TABLE_HEADER.test(text) && ctx.enabled("tableText")) {
    // No units in running text: it may be a task table copied as text (the table reader's own recogniser).
    const table = readTableText(text, { ...(options.id !== undefined ? { id: options.id } : {}), ...(options.year !== undefined ? { year: options.year } : {}), ...(options.groupPhrases !== undefined ? { groupPhrases: options.groupPhrases } : {}) });
    if (table !== undefined && table.plan.sections.some((s) => s.tasks.length > 0)) {
      const note = diag("read_as_table", "info", "正文中没有读出分工，按复制出的任务分工表读取", "No units in the running text: read as a task table copied as text");
      return { plan: table.plan, diagnostics: deepFreeze([note, ...table.diagnostics]) };
    }
  }
  if (no === 0) {
    const empty = text.trim().length === 0;
    ctx.report(empty ? "empty_input" : "no_tasks", "error", `没有读出任务：${empty ? "输入为空" : "未找到任何任务标题（如“（一）”“1.”）"}`, `No tasks read: ${empty ? "the input is empty" : "no task headings (like （一） or 1.) were found"}`, undefined, undefined, undefined, ["sections"]);
  }

  const plan: Plan = {
    id: id as Plan["id"],
    title: head.title ?? "",
    ...(year !== undefined ? { year } : {}),
    ...(endYear !== undefined ? { endYear } : {}),
    ...(head.issuer !== undefined ? { issuer: head.issuer } : {}),
    ...(head.docNumber !== undefined ? { docNumber: head.docNumber } : {}),
    ...(head.noticeTitle !== undefined ? { noticeTitle: head.noticeTitle } : {}),
    ...(head.addressees !== undefined && head.addressees.length > 0 ? { addressees: head.addressees } : {}),
    ...(head.preamble.length > 0 ? { preamble: head.preamble.join("\n") } : {}),
    sections,
    ...(closing.length > 0 ? { closing: closing.join("\n") } : {}),
  };
  return { plan: deepFreeze(plan), diagnostics: deepFreeze(ctx.finish()) };
};

const sortedUnique = (words: readonly string[]): string[] => [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
