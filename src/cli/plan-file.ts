// A plan from any file the readers read — a Word file, a CSV or TSV sheet, or text (a document, or a
// table copied as text) — from its bytes, so that renamed files and standard input work too; and
// where in that file a diagnostic points, in the file's own terms.
import { extname } from "node:path";
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { parseDocx } from "../docx/index.js";
import { type Diagnostic, type Plan, type SourceSpan, parsePlanText, readPlan, readPlanTable } from "../index.js";
import { isTaskTable } from "../parse/table/read-table.js";
import { type CliEnv, decodeFile, parseJson, readBytes, shownName } from "./io.js";
import { type Text, failure, text } from "./messages.js";

/** How a plan file was read. */
export type PlanFormat = "text" | "copied_table" | "csv" | "tsv" | "docx" | "json";

export const FORMAT_NAMES: Readonly<Record<PlanFormat, Text>> = {
  json: text("计划 JSON（如 fazhi parse --json 所写）", "a plan as JSON (as fazhi parse --json writes it)"),
  text: text("公文文本", "document text"),
  copied_table: text("从表格复制的文本", "a table copied as text"),
  csv: text("CSV 表格", "a CSV sheet"),
  tsv: text("TSV 表格（制表符分隔）", "a TSV sheet (tab-separated)"),
  docx: text("Word 文件（.docx）", "a Word file (.docx)"),
};

/** Where a span is: `file:line`, `file:¶N`, `file:表T 行R 列C`, `file:R:C`, or just the file. */
export type Where = (span: SourceSpan | undefined) => Text;

/** A plan read from a file, with what was noticed and how to say where. */
export interface PlanFile {
  readonly plan: Plan;
  readonly diagnostics: readonly Diagnostic[];
  readonly format: PlanFormat;
  readonly where: Where;
  /** The year the document was read in because it gives none (see {@link PlanFileOptions.yearIfNone}). */
  readonly assumedYear?: number;
}

export interface PlanFileOptions {
  readonly id?: string;
  readonly year?: number;
  /**
   * The year to read a document in when it gives none and `year` is not given: its dated
   * requirements (6月底前 …) are read only in a known year, so the document is read again in it.
   */
  readonly yearIfNone?: number;
}

/**
 * Where a span is in the file it was read from, by the span's shape: a Word table cell (`表2 行3 列4`,
 * numbered from 1), a sheet's cell (`row:column`, from 1, as a spreadsheet numbers them), a Word
 * paragraph (`¶N`, the Nth paragraph from 1), else the line of the text.
 */
const placeOf = ({ cell, paragraph, line }: SourceSpan): Text => {
  if (cell?.table !== undefined) return text(`表${cell.table + 1} 行${cell.row + 1} 列${cell.column + 1}`, `table ${cell.table + 1}, row ${cell.row + 1}, column ${cell.column + 1}`);
  if (cell !== undefined) return text(`${cell.row + 1}:${cell.column + 1}`, `${cell.row + 1}:${cell.column + 1}`);
  if (paragraph !== undefined) return text(`¶${paragraph + 1}`, `¶${paragraph + 1}`);
  return text(String(line), String(line));
};

/** Where a span of a file is: `file:line`, `file:¶N`, `file:表T 行R 列C`, `file:R:C` (see {@link placeOf}), or just the file. */
export const whereIn =
  (file: string): Where =>
  (span) => {
    const name = shownName(file);
    if (span === undefined) return text(name, name);
    const place = placeOf(span);
    return text(`${name}:${place.zh}`, place.en.includes(" ") ? `${name}: ${place.en}` : `${name}:${place.en}`);
  };

/**
 * Where a span of a plan read from JSON is: its spans point into the document the plan was first
 * read from, not into the JSON file, so the place is named as the document's.
 */
const whereInPlanJson =
  (file: string): Where =>
  (span) => {
    const name = shownName(file);
    if (span === undefined) return text(name, name);
    const place = placeOf(span);
    const line = span.cell === undefined && span.paragraph === undefined;
    return text(`${name}（原公文 ${line ? `第${place.zh}行` : place.zh}）`, `${name} (the document it was read from: ${line ? `line ${place.en}` : place.en})`);
  };

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

type Sniffed = "docx" | "csv" | "tsv" | "text" | "pdf" | "xls";

/**
 * What a file is. Containers by their first bytes, whatever the name says (a renamed Word file,
 * standard input): a zip is read as Word (which names an Excel workbook for what it is), an OLE
 * compound file too (the Word reader says an old .doc must be saved as .docx), unless the name says
 * it is an old Excel sheet. Text by the name: `.csv`, `.tsv`, else a document.
 */
const sniff = (file: string, bytes: Uint8Array): Sniffed => {
  const ext = file === "-" ? "" : extname(file).toLowerCase();
  if (startsWith(bytes, OLE) && ext === ".xls") return "xls";
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE) || ext === ".docx" || ext === ".doc") return "docx";
  if (startsWith(bytes, PDF)) return "pdf";
  if (ext === ".csv") return "csv";
  if (ext === ".tsv" || ext === ".tab") return "tsv";
  return "text";
};

const DELIMITERS = { csv: ",", tsv: "\t" } as const;

/** A sheet's rows, by csv-parse: a leading BOM dropped, rows of any length, stray quotes inside cells kept. */
const sheetRows = (body: string, format: "csv" | "tsv"): string[][] =>
  parseCsv(body, { bom: true, delimiter: DELIMITERS[format], relax_column_count: true, relax_quotes: true }) as string[][];

/** csv-parse's errors that the relaxed options still leave, in Chinese. */
const CSV_ERRORS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "有一个引号到文件末尾都没有闭合",
  CSV_INVALID_CLOSING_QUOTE: "引号内的格子在闭合引号后还有别的字符",
};

/** A sheet's rows; a sheet that csv-parse cannot read even relaxed ends the command, saying where. */
const readSheetRows = (file: string, body: string, format: "csv" | "tsv"): string[][] => {
  try {
    return sheetRows(body, format);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const at = `${shownName(file)}${typeof err.lines === "number" ? `:${err.lines}` : ""}`;
    const kind = format.toUpperCase();
    const why = CSV_ERRORS[err.code] ?? err.message;
    throw failure(text(`${at}：不是合法的 ${kind} 文件（${why}）`, `${at}: not a valid ${kind} file (${err.message})`));
  }
};

/**
 * The text as a sheet (CSV, else TSV), the way a spreadsheet writes one: csv-parse reads it, at
 * least four rows in five of those with any text have one same number of cells (three or more),
 * and the rows hold a task table's header (or what `isTable` looks for). Prose split at its commas has rows of every length;
 * text copied one cell per line has one cell a row.
 */
export const asSheet = (body: string, isTable: (rows: string[][]) => boolean = (rows) => isTaskTable(rows, {})): { rows: string[][]; format: "csv" | "tsv" } | undefined => {
  for (const format of ["csv", "tsv"] as const) {
    let rows: string[][];
    try {
      rows = sheetRows(body, format);
    } catch {
      continue;
    }
    const lengths = new Map<number, number>();
    let filled = 0;
    for (const r of rows) {
      if (!r.some((c) => c.trim() !== "")) continue;
      filled += 1;
      lengths.set(r.length, (lengths.get(r.length) ?? 0) + 1);
    }
    const [width, count] = [...lengths].reduce((best, e) => (e[1] > best[1] ? e : best), [0, 0]);
    if (width >= 3 && 5 * count >= 4 * filled && isTable(rows)) return { rows, format };
  }
  return undefined;
};

/**
 * Text without a sheet's name (`.txt`, no extension, standard input). A sheet first: text whose
 * rows, split as CSV or TSV, have one width and hold a task table's header row (序号, 工作任务,
 * 牵头单位 … each in a cell of its own) is a sheet piped in or misnamed — read as a document, its rows
 * would give stray tasks.
 * Otherwise a document, by the text parser — which itself reads a table copied out of a page
 * (cells between `|`, one cell per line …) when the running text names no units, and says so with
 * its `read_as_table` note.
 */
const readText = (file: string, body: string, options: PlanFileOptions): Omit<PlanFile, "where"> => {
  const json = planJson(file, body);
  if (json !== undefined) return json;
  const sheet = asSheet(body);
  if (sheet !== undefined) return { ...readPlanTable(sheet.rows, options), format: sheet.format };
  const parsed = parsePlanText(body, options);
  return { ...parsed, format: parsed.diagnostics.some((d) => d.code === "read_as_table") ? "copied_table" : "text" };
};

/** Whether text is JSON, by its first character (no document or sheet starts with `{`). */
const isJsonText = (body: string): boolean => body.trimStart().startsWith("{");

/**
 * Text that is JSON (no document or sheet starts with `{`): a plan as `fazhi parse --json` writes
 * it, perhaps corrected by hand, taken as it is (`--id` and `--year` do not change it) and checked
 * by {@link readPlan}, whose diagnostics name the field. JSON that is not a plan, or not JSON, ends
 * the command saying so.
 */
const planJson = (file: string, body: string): Omit<PlanFile, "where"> | undefined => {
  if (!isJsonText(body)) return undefined;
  const value = parseJson(file, body);
  if (value === null || typeof value !== "object" || !Object.hasOwn(value, "sections")) {
    const name = shownName(file);
    throw failure(
      text(
        `${name} 是 JSON，但不是计划（没有 sections）：计划命令读公文（文本、Word、CSV/TSV）或 fazhi parse --json 写出的计划 JSON`,
        `${name} is JSON but not a plan (it has no sections): the plan commands read a document (text, Word, CSV/TSV) or a plan as fazhi parse --json writes it`,
      ),
    );
  }
  const read = readPlan(value);
  return { plan: read.ok ? read.value : NO_PLAN, diagnostics: read.issues, format: "json" };
};

/** What a plan JSON that does not pass {@link readPlan} gives in place of a plan (its errors end the command). */
const NO_PLAN: Plan = { id: "plan" as Plan["id"], title: "", sections: [] };

/** A file's content as the readers take it: a Word file's bytes, a sheet's rows, or decoded text. */
export type InputFile =
  | { readonly kind: "docx"; readonly bytes: Uint8Array }
  | { readonly kind: "csv" | "tsv"; readonly rows: string[][] }
  | { readonly kind: "text"; readonly body: string };

/**
 * Read any input file (`-` is standard input), whatever its name says: a Word file (by its bytes),
 * a CSV or TSV sheet split into rows, or text decoded by {@link decodeFile}. A PDF, an old Excel
 * sheet, bytes that are not text and a sheet that cannot be split end the command with a message
 * that says what to do. The one path by which the plan and criteria commands read their files.
 */
export const readInputFile = (env: CliEnv, file: string): InputFile => {
  const bytes = readBytes(env, file);
  const name = shownName(file);
  const kind = sniff(file, bytes);
  switch (kind) {
    case "pdf":
      throw failure(
        text(
          `${name} 是 PDF 文件，fazhi 不读 PDF：请把其中的文字复制出来另存为 .txt（或用 pdftotext -layout 转成文本），或使用原来的 Word 文件`,
          `${name} is a PDF file, which fazhi does not read: copy its text into a .txt file (or convert it with pdftotext -layout), or use the original Word file`,
        ),
      );
    case "xls":
      throw failure(text(`${name} 是旧版 Excel 文件（.xls），无法读取：请在 Excel 或 WPS 中另存为 CSV`, `${name} is an old Excel file (.xls): please save it as CSV in Excel or WPS`));
    case "docx":
      return { kind, bytes };
    case "csv":
    case "tsv":
      return { kind, rows: readSheetRows(file, decodeFile(env, file, bytes), kind) };
    case "text":
      return { kind, body: decodeFile(env, file, bytes) };
    default: {
      const never: never = kind;
      return never;
    }
  }
};

/**
 * Read a plan from a file (`-` is standard input), whatever kind it is (see {@link readInputFile}).
 * The readers' own diagnostics are returned for the caller to judge.
 */
export const readPlanFile = (env: CliEnv, file: string, { yearIfNone, ...options }: PlanFileOptions = {}): PlanFile => {
  const input = readInputFile(env, file);
  const where = input.kind === "text" && isJsonText(input.body) ? whereInPlanJson(file) : whereIn(file);
  const read = (o: Omit<PlanFileOptions, "yearIfNone">): PlanFile => {
    switch (input.kind) {
      case "docx": {
        const { plan, diagnostics } = parseDocx(input.bytes, o);
        return { plan, diagnostics, format: "docx", where };
      }
      case "csv":
      case "tsv":
        return { ...readPlanTable(input.rows, o), format: input.kind, where };
      case "text":
        return { ...readText(file, input.body, o), where };
      default: {
        const never: never = input;
        return never;
      }
    }
  };
  const loaded = read(options);
  if (loaded.format === "json" || loaded.plan.year !== undefined || options.year !== undefined || yearIfNone === undefined) return loaded;
  return { ...read({ ...options, year: yearIfNone }), assumedYear: yearIfNone };
};
