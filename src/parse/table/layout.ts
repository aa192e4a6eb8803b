import type { Role } from "../../model/plan.js";
import { type ColumnKind, headerKinds, markGroupingColumns, roleOf } from "./columns.js";
import { SERIAL, isLongText } from "./cells.js";
import { type Grid, ownText } from "./grid.js";

/** What each column of a table is used for, once the header has been read. */
export interface ColumnPlan {
  /** One kind per column. */
  readonly kinds: ColumnKind[];
  /** The header's cells, spaces kept (for messages). */
  readonly names: string[];
  /** The first data row. */
  readonly firstRow: number;
}

/**
 * Read the header row (and a second header row under it, as in 责任单位 over 牵头 / 配合), then
 * settle the task columns: with several task-like columns, a grouping one (by its header word) is a
 * section column, the first of the others gives the title and the rest are detail. Without any
 * task-like column, the column just before the first unit column holds the tasks (a sideways
 * table's item names have no header of their own).
 */
export const planColumns = (g: Grid, headerRow: number, found: ReadonlyArray<ColumnKind | undefined>, extra: Readonly<Record<string, ColumnKind>>): ColumnPlan => {
  const width = g.width;
  const top = (g.cells[headerRow] ?? []).map((_, c) => ownText(g, headerRow, c));
  const kinds: ColumnKind[] = Array.from({ length: width }, (_, c) => found[c] ?? "other");
  const names = Array.from({ length: width }, (_, c) => top[c] ?? "");
  let firstRow = headerRow + 1;

  const next = g.cells[headerRow + 1];
  if (next !== undefined) {
    const sub = headerKinds(next.map((_, c) => ownText(g, headerRow + 1, c)), extra);
    const cells = next.map((_, c) => ownText(g, headerRow + 1, c).trim()).filter((t) => t.length > 0);
    if (sub.some((k) => k !== undefined) && cells.every((t) => !SERIAL.test(t) && !isLongText(t)) && cells.length === sub.filter((k) => k !== undefined).length) {
      sub.forEach((k, c) => {
        if (k !== undefined) {
          kinds[c] = k;
          names[c] = `${names[c] ?? ""}${names[c] ? "/" : ""}${ownText(g, headerRow + 1, c)}`;
        }
      });
      firstRow += 1;
    }
  }

  let tasks = kinds.flatMap((k, c) => (k === "task" ? [c] : []));
  if (tasks.length === 0) {
    const firstUnit = kinds.findIndex((k) => roleOf(k) !== undefined || k === "deadline");
    for (let c = (firstUnit === -1 ? width : firstUnit) - 1; c >= 0; c--) {
      if (kinds[c] === "other" && mostlyText(g, firstRow, c)) {
        kinds[c] = "task";
        tasks = [c];
        break;
      }
    }
  }
  markGroupingColumns(kinds, names);
  return { kinds, names, firstRow };
};

/**
 * After the rows are aligned: a task-like (or unrecognised) column left of the title column that is
 * empty on some rows where the title column has text is a merged grouping column (a section). Then
 * the first task column gives the title and later ones are detail.
 */
export const settleColumns = (g: Grid, plan: ColumnPlan, rowOf: (r: number) => readonly string[]): void => {
  const { kinds } = plan;
  const tasks = kinds.flatMap((k, c) => (k === "task" ? [c] : []));
  const title = tasks.at(-1);
  if (title !== undefined) {
    for (let c = 0; c < title; c++) {
      if (kinds[c] !== "task" && kinds[c] !== "other") continue;
      let blank = false;
      let filled = false;
      for (let r = plan.firstRow; r < g.cells.length && !(blank && filled); r++) {
        const row = rowOf(r);
        if ((row[title] ?? "").trim().length === 0) continue;
        if ((row[c] ?? "").trim().length === 0) blank = true;
        else filled = true;
      }
      if (blank && filled) kinds[c] = "section";
    }
  }
  let seen = false;
  kinds.forEach((k, c) => {
    if (k !== "task") return;
    if (seen) kinds[c] = "detail";
    seen = true;
  });
};

/** Most data cells of a column are text (not empty, not numbers). */
const mostlyText = (g: Grid, from: number, column: number): boolean => {
  let text = 0;
  let other = 0;
  for (let r = from; r < g.cells.length; r++) {
    const t = ownText(g, r, column).trim();
    if (t.length > 0 && !/^[\d.%]+$/.test(t)) text += 1;
    else other += 1;
  }
  return text > 0 && text >= other;
};

/** The role of each unit column, in column order. */
export const unitColumns = (kinds: readonly ColumnKind[]): Array<readonly [number, Role]> =>
  kinds.flatMap((k, c) => {
    const role = roleOf(k);
    return role === undefined ? [] : [[c, role] as const];
  });
