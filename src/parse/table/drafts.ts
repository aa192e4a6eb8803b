import { type Diagnostic, type SourceSpan, diag } from "../../model/diagnostic.js";
import type { Role } from "../../model/plan.js";
import { type CellText, SECTION_MARK, cellText, unitCellText } from "./cells.js";
import type { ColumnKind } from "./columns.js";
import { type Grid, lineName, rowStart } from "./grid.js";
import { type RowKind, type RowView, type Slot, slotText } from "./rows.js";

/** One row's share of a task: its text cells, its own unit cells and its deadline cells. */
export interface ClauseDraft {
  readonly texts: CellText[];
  readonly units: Array<{ role: Role; cell: CellText }>;
  /** 完成时限 cells, each with the text of its own row (the action when the cell holds only a date). */
  readonly deadlines: Array<{ cell: CellText; rowText: string | undefined }>;
}

export interface TaskDraft {
  readonly label: string;
  /** The cell the task starts in (its title cell, or its number). */
  readonly anchor: CellText;
  readonly clauses: ClauseDraft[];
}

export interface SectionDraft {
  readonly title: string;
  readonly cell: CellText | undefined;
  readonly tasks: TaskDraft[];
}

/** What the walk needs to know about the columns. */
export interface Columns {
  readonly kinds: readonly ColumnKind[];
  readonly units: ReadonlyArray<readonly [number, Role]>;
}

const cellOf = (g: Grid, slot: Slot | undefined, unit = false): CellText | undefined => {
  if (slot === undefined) return undefined;
  const raw = g.cells[slot.row]?.[slot.column] ?? "";
  if (raw.trim().length === 0) return undefined;
  const ref = g.ref(slot.row, slot.column);
  return unit ? unitCellText(raw, ref) : cellText(raw, ref);
};

/**
 * Walk the data rows into sections and tasks. A row with its own number (or, in a table without
 * numbers, its own task text) starts a task; a row without one continues the task above (its text
 * joins the task; with units of its own it is a clause of its own). Section rows and changes in a
 * grouping column open sections; cells a merged range covers are the same cell as the range's
 * top-left (a unit cell shared by two numbered tasks belongs to both).
 */
export const walkRows = (g: Grid, views: readonly RowView[], kindOf: (v: RowView) => RowKind, cols: Columns, diagnostics: Diagnostic[]): SectionDraft[] => {
  const { kinds } = cols;
  const serial = kinds.indexOf("serial");
  const sectionCols = kinds.flatMap((k, c) => (k === "section" ? [c] : []));
  const textCols = kinds.flatMap((k, c) => (k === "task" || k === "detail" ? [c] : []));
  const deadlineCols = kinds.flatMap((k, c) => (k === "deadline" ? [c] : []));
  const sections: SectionDraft[] = [];
  let section: SectionDraft | undefined;
  let task: TaskDraft | undefined;
  let groupKey: string | undefined;
  const open = (title: string, cell: CellText | undefined): SectionDraft => {
    const s: SectionDraft = { title, cell, tasks: [] };
    sections.push(s);
    task = undefined;
    return s;
  };

  for (const view of views) {
    const kind = kindOf(view);
    if (kind === "blank") continue;
    if (kind === "repeat") {
      diagnostics.push(diag("header_repeated", "info", `${lineName(g, view.row)[0]}是重复的表头，已跳过`, `${lineName(g, view.row)[1]} repeats the header and was skipped`, [], rowSpan(g, view)));
      continue;
    }
    if (kind === "section") {
      const c = view.slots.findIndex((s) => slotText(g, s).trim().length > 0);
      const cell = cellOf(g, view.slots[c]) as CellText;
      section = open(sectionTitle(cell.text), cell);
      groupKey = undefined;
      continue;
    }
    // A grouping column: a new value opens a section; an empty or merged cell keeps the current one.
    const group = sectionCols.map((c) => cellOf(g, view.slots[c])).find((cell) => cell !== undefined);
    if (group !== undefined && group.text !== groupKey) {
      section = open(sectionTitle(group.text), group);
      groupKey = group.text;
    }
    section ??= open("", undefined);

    const own = (c: number) => slotText(g, view.slots[c]).trim().length > 0;
    const number = serial === -1 ? "" : slotText(g, view.slots[serial]).trim();
    const texts = textCols.flatMap((c) => (own(c) ? [cellOf(g, view.slots[c]) as CellText] : []));
    const starts = serial !== -1 ? number.length > 0 : textCols.length > 0 && own(textCols[0] as number);
    const newTask = starts || task === undefined;
    // Unit and deadline cells: the row's own; for a new task also those a merged range shares with the row above.
    const units = cols.units.flatMap(([c, role]) => {
      const slot = view.slots[c];
      const cell = slot !== undefined && (slot.own || newTask) ? cellOf(g, slot, true) : undefined;
      return cell === undefined ? [] : [{ role, cell }];
    });
    const deadlines = deadlineCols.flatMap((c) => {
      const slot = view.slots[c];
      const cell = slot !== undefined && (slot.own || newTask) ? cellOf(g, slot) : undefined;
      return cell === undefined ? [] : [{ cell, rowText: texts[0]?.text }];
    });
    if (texts.length === 0 && units.length === 0 && deadlines.length === 0 && number.length === 0) continue;

    if (newTask) {
      const anchor = texts[0] ?? cellOf(g, view.slots[serial]) ?? units[0]?.cell ?? (deadlines[0]?.cell as CellText);
      task = { label: number.replace(/[.、]$/, ""), anchor, clauses: [{ texts, units, deadlines }] };
      section.tasks.push(task);
      continue;
    }
    const t = task as TaskDraft;
    diagnostics.push(diag("row_continued", "info", `${lineName(g, view.row)[0]}没有${serial === -1 ? "任务文字" : "序号"}，接在上一项任务之后`, `${lineName(g, view.row)[1]} has no ${serial === -1 ? "task text" : "number"}: it continues the task above`, [], rowSpan(g, view)));
    const clause = t.clauses[t.clauses.length - 1] as ClauseDraft;
    if (units.length > 0) t.clauses.push({ texts, units, deadlines });
    else {
      clause.texts.push(...texts);
      clause.deadlines.push(...deadlines);
    }
  }
  return sections;
};

/** A section's title without its number (一、 （一）), as the text parser keeps it. */
const sectionTitle = (text: string): string => text.replace(/\s+/g, "").replace(SECTION_MARK, "").replace(/[。；：]+$/, "");

const rowSpan = (g: Grid, view: RowView): SourceSpan => rowStart(g, view.row);
