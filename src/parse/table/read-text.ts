import type { Diagnostic, SourceSpan } from "../../model/diagnostic.js";
import { deepFreeze } from "../../model/freeze.js";
import type { Plan } from "../../model/plan.js";
import { lineIndex, splitLines } from "../../text/normalize.js";
import { type TextTable, findTableInText } from "./from-text.js";
import { type ReadPlanTableOptions, type ReadPlanTableResult, readPlanTable } from "./read-table.js";

/**
 * A copy of plain data with every `source` span passed through `fn` (plans and diagnostics: the only
 * objects with a `source` key are spans). Linear in the size of the data.
 */
export const mapSources = <T>(value: T, fn: (span: SourceSpan) => SourceSpan): T => {
  if (Array.isArray(value)) return value.map((v) => mapSources(v, fn)) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === "source" && v !== null && typeof v === "object" ? fn(v as SourceSpan) : mapSources(v, fn);
  return out as T;
};

/** The text table found and what the table reader made of it, with spans in the text. */
export interface TableTextResult extends ReadPlanTableResult {
  readonly table: TextTable;
}

/** The caption above a table: the last non-blank line before it, when short and not a sentence. */
const captionBefore = (text: string, start: number): string | undefined => {
  const before = text.slice(Math.max(0, start - 400), start).split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const last = before.at(-1);
  return last !== undefined && last.length <= 80 && !/[。；]/.test(last) ? last.replace(/\s+/g, "") : undefined;
};

/**
 * Read text copied out of a task table: {@link findTableInText}, then {@link readPlanTable}, with
 * every span turned from (cell, offset in the cell) into offsets and lines of the text, as
 * {@link parsePlanText} gives them. The title defaults to the caption line above the table. Returns
 * undefined when the text holds no recognisable task table (the text parser's result stands).
 */
export const readTableText = (text: string, options: ReadPlanTableOptions = {}): TableTextResult | undefined => {
  const table = findTableInText(text);
  if (table === undefined) return undefined;
  const caption = captionBefore(text, table.start);
  const result = readPlanTable(table.rows, { ...options, ...(options.title === undefined && caption !== undefined ? { title: caption } : {}) });
  const lineOf = lineIndex(splitLines(text));
  const toText = (span: SourceSpan): SourceSpan => {
    if (span.cell === undefined) return span;
    const row = table.cells[span.cell.row] ?? [];
    const cell = row[span.cell.column] ?? row.find((c) => c !== undefined);
    const base = cell?.start ?? table.start;
    const start = base + span.start;
    return { start, end: Math.max(start, base + span.end), line: lineOf(start) };
  };
  const plan = mapSources<Plan>(result.plan, toText);
  const diagnostics = mapSources<readonly Diagnostic[]>(result.diagnostics, toText);
  return deepFreeze({ ...result, plan, diagnostics, table });
};
