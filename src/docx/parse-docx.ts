import { type Diagnostic, type SourceSpan, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import type { Plan, Section } from "../model/plan.js";
import { parsePlanText } from "../parse/parse-plan.js";
import { isTaskTable, readTableAt } from "../parse/table/read-table.js";
import { mapSources } from "../parse/table/read-text.js";
import { openContainer } from "./container.js";
import { type DocxParagraph, type DocxTable, readBlocks } from "./document.js";
import { labeller, readNumbering } from "./numbering.js";
import { type SourceLine, lineIndex } from "../text/normalize.js";
import { walkXml } from "./xml.js";

/**
 * {@link parseDocx} 的选项。Options of {@link parseDocx}.
 * @category Word
 * @example
 * const options: ParseDocxOptions = { id: "wuzhi-2024", year: 2024 };
 */
export interface ParseDocxOptions {
  /** 工作安排编号。The plan id (default `plan-<year>`). */
  readonly id?: string;
  /** 年度；默认从标题读取。The year; read from the title by default. */
  readonly year?: number;
  /** 额外的集合称谓。Extra collective phrases kept whole when splitting unit lists. */
  readonly groupPhrases?: readonly string[];
}

/**
 * {@link parseDocx} 的结果：工作安排、诊断、正文文字（`source.paragraph` 的偏移在其中）和各表格的行。
 * The plan, the diagnostics, the body text the spans with `paragraph` point into, and each table's rows.
 * @category Word
 * @example
 * const { plan, diagnostics, text, tables }: ParseDocxResult = parseDocx(bytes);
 */
export interface ParseDocxResult {
  readonly plan: Plan;
  readonly diagnostics: readonly Diagnostic[];
  /** 正文文字：段落（带列表编号）以换行相连。The body text: paragraphs (with their list labels) joined by line breaks. */
  readonly text: string;
  /** 每个表格（`index` 为文档中第几个 `w:tbl`）的行。Every table's rows, by its index among the document's tables. */
  readonly tables: ReadonlyArray<{ readonly index: number; readonly rows: readonly (readonly string[])[] }>;
}

const REL_DOCUMENT = /\/officeDocument$/;
const REL_NUMBERING = /\/numbering$/;
const REL_STYLES = /\/styles$/;

/** Targets of relationships of a given type in a .rels part, resolved against `base` (a folder, "" or "word/"). */
const relTargets = (rels: Uint8Array | undefined, type: RegExp, base: string): string[] => {
  const out: string[] = [];
  if (rels === undefined) return out;
  walkXml(rels, {
    open: (e) => {
      const target = e.plain("Target");
      if (target !== undefined && type.test(e.plain("Type") ?? "")) out.push(target.startsWith("/") ? target.slice(1) : base + target);
    },
    close: () => undefined,
  });
  return out;
};

const emptyResult = (diagnostics: Diagnostic[]): ParseDocxResult => deepFreeze({ plan: { id: "plan", title: "", sections: [] } as unknown as Plan, diagnostics, text: "", tables: [] });

/**
 * 读取 Word 文件（.docx）：正文段落交给 `parsePlanText`（保留 Word 自动编号，如“一、”“（一）”“1.”），
 * 表格交给 `readPlanTable`，正文和表格合成一份工作安排。正文来的内容带 `source.paragraph`，表格来的带 `source.cell`
 * （含 `table`）。对任何字节都不抛出异常：不是 zip、旧版 .doc（请另存为 .docx）、加密文件、解压过大（zip 炸弹）、
 * 缺少 word/document.xml 时返回带错误代码的诊断。需要 `fazhi/docx` 入口（核心包不含 zip 和 XML 库）。
 *
 * Read a Word file: body paragraphs go through `parsePlanText` (keeping Word's automatic list
 * numbering as printed), tables through `readPlanTable`, and text and tables make one plan.
 * Spans from the body carry `paragraph`; spans from tables carry `cell` (with `table`). Never throws:
 * not a zip, an old .doc, an encrypted file, a zip bomb or a missing word/document.xml is a coded error.
 * From the `fazhi/docx` entry, so the core bundle carries no zip or XML library.
 *
 * @category Word
 * @example
 * import { readFileSync } from "node:fs";
 * import { parseDocx } from "fazhi/docx";
 * const { plan, diagnostics } = parseDocx(new Uint8Array(readFileSync("分工表.docx")));
 * plan.sections.flatMap((s) => s.tasks).length;
 * //=> 10
 */
export const parseDocx = (bytes: Uint8Array, options: ParseDocxOptions = {}): ParseDocxResult => {
  const diagnostics: Diagnostic[] = [];
  try {
    if (!(bytes instanceof Uint8Array)) {
      diagnostics.push(diag("invalid_input", "error", "输入不是字节数组（Uint8Array）", "The input is not a Uint8Array"));
      return emptyResult(diagnostics);
    }
    return read(bytes, options, diagnostics);
  } catch (error) {
    diagnostics.push(diag("internal_error", "error", `读取 Word 文件时发生内部错误：${String(error)}`, `Internal error while reading the Word file: ${String(error)}`));
    return emptyResult(diagnostics);
  }
};

const read = (bytes: Uint8Array, options: ParseDocxOptions, diagnostics: Diagnostic[]): ParseDocxResult => {
  let main = "word/document.xml";
  const container = openContainer(bytes, (names) => {
    const has = new Set(names);
    return [...names.filter((n) => n.endsWith(".rels")), main, "word/numbering.xml", "word/styles.xml"].filter((n) => has.has(n));
  });
  if (!container.ok) return emptyResult([container.error]);
  const { parts } = container;
  main = relTargets(parts.get("_rels/.rels"), REL_DOCUMENT, "")[0] ?? main;
  const doc = parts.get(main);
  if (doc === undefined) {
    const excel = container.names.some((n) => n.startsWith("xl/"));
    return emptyResult([
      diag("missing_document", "error", `不是 Word 文件：压缩包中没有 word/document.xml${excel ? "（这是 Excel 工作簿，请另存为 CSV）" : ""}`, `Not a Word file: the archive has no word/document.xml${excel ? " (it is an Excel workbook: save it as CSV)" : ""}`),
    ]);
  }
  const docRels = parts.get(main.replace(/([^/]*)$/, "_rels/$1.rels"));
  const folder = main.replace(/[^/]*$/, "");
  const numbering = parts.get(relTargets(docRels, REL_NUMBERING, folder)[0] ?? "word/numbering.xml");
  const styles = parts.get(relTargets(docRels, REL_STYLES, folder)[0] ?? "word/styles.xml");
  const { blocks, error } = readBlocks(doc, labeller(readNumbering(numbering, styles)));
  if (error !== undefined) return emptyResult([diag("invalid_xml", "error", `Word 文件内容已损坏（${main} 不是合法的 XML：${error}）`, `The Word file is damaged (${main} is not well-formed XML: ${error})`)]);

  // Tables that are not task tables (letterheads, signature blocks) are read as body text, in place.
  const body: DocxParagraph[] = [];
  const taskTables: Array<{ table: DocxTable; caption: string | undefined }> = [];
  for (const b of blocks) {
    if (b.kind === "paragraph") body.push(b.paragraph);
    else if (isTaskTable(b.table.rows, { merges: b.table.merges })) taskTables.push({ table: b.table, caption: captionOf(body) });
    else body.push(...b.table.paragraphs);
  }
  // Each paragraph is one line of the body text: the line index finds the paragraph an offset falls in.
  const lines: SourceLine[] = [];
  let at = 0;
  body.forEach((p, i) => {
    lines.push({ line: i + 1, start: at, raw: p.text });
    at += p.text.length + 1;
  });
  const text = body.map((p) => p.text).join("\n");
  const lineOf = lineIndex(lines);
  const paragraphAt = (offset: number): number => body[lineOf(offset) - 1]?.index ?? 0;
  const withParagraph = (s: SourceSpan): SourceSpan => ({ ...s, paragraph: paragraphAt(s.start) });
  const parseBody = (year: number | undefined) => {
    const parsed = parsePlanText(text, { ...(options.id !== undefined ? { id: options.id } : {}), ...(year !== undefined ? { year } : {}), ...(options.groupPhrases !== undefined ? { groupPhrases: options.groupPhrases } : {}) });
    return { plan: mapSources(parsed.plan, withParagraph), diagnostics: mapSources(parsed.diagnostics, withParagraph) };
  };
  let parsed = parseBody(options.year);
  const caption = taskTables[0]?.caption;
  const year = parsed.plan.year ?? yearIn(caption);
  // A year found only in a table's caption: read the body again with it, so its dated phrases are read too.
  if (parsed.plan.year === undefined && year !== undefined) parsed = parseBody(year);
  const textPlan = parsed.plan;
  const textTasks = textPlan.sections.reduce((n, s) => n + s.tasks.length, 0);
  const title = textPlan.title || caption || "";
  const sections: Section[] = textTasks > 0 ? [...textPlan.sections] : [];
  const tableDiagnostics: Diagnostic[] = [];
  let tasks = textTasks;
  for (const { table } of taskTables) {
    const r = readTableAt(table.rows, { id: textPlan.id, ...(year !== undefined ? { year } : {}), ...(options.groupPhrases !== undefined ? { groupPhrases: options.groupPhrases } : {}), merges: table.merges }, { table: table.index, sectionsBefore: sections.length, tasksBefore: tasks });
    sections.push(...r.plan.sections);
    tasks += r.plan.sections.reduce((n, s) => n + s.tasks.length, 0);
    tableDiagnostics.push(...r.diagnostics);
  }
  // When the tasks come from tables, the text parser's "no tasks" is no longer true.
  const fromTables = tasks > textTasks;
  diagnostics.push(...parsed.diagnostics.filter((d) => !(fromTables && (d.code === "no_tasks" || d.code === "empty_input" || (d.code === "title_missing" && title !== "")))), ...tableDiagnostics);
  if (fromTables && textTasks > 0) {
    diagnostics.push(diag("text_and_tables", "info", `正文有${textTasks}项任务，表格另有${tasks - textTasks}项，表格中的任务排在正文之后`, `The text has ${textTasks} tasks and the tables ${tasks - textTasks} more; the table tasks follow the text's`, ["sections"]));
  }
  const plan: Plan = { ...textPlan, title, ...(year !== undefined ? { year } : {}), sections: textTasks > 0 || fromTables ? sections : textPlan.sections };
  return deepFreeze({ plan, diagnostics, text, tables: blocks.flatMap((b) => (b.kind === "table" ? [{ index: b.table.index, rows: b.table.rows }] : [])) });
};

/** The paragraph just above a table, when it reads as a caption (short, not a sentence). */
const captionOf = (body: readonly DocxParagraph[]): string | undefined => {
  for (let i = body.length - 1; i >= 0 && i >= body.length - 3; i--) {
    const t = (body[i] as DocxParagraph).text.trim();
    if (t.length === 0) continue;
    return t.length <= 80 && !/[。；]/.test(t) && !/^附件\s*\d*[:：]?$/.test(t) ? t.replace(/\s+/g, "") : undefined;
  }
  return undefined;
};

const yearIn = (s: string | undefined): number | undefined => {
  const m = s === undefined ? null : /((?:19|20|21)\d{2})年/.exec(s);
  return m === null ? undefined : Number(m[1]);
};
