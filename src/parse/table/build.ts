import { type Diagnostic, type SourceSpan, diag } from "../../model/diagnostic.js";
import type { Assignment, Clause, Requirement, Section, Task } from "../../model/plan.js";
import { type FoundRequirement, findRequirements, toRequirements } from "../../schedule/extract.js";
import { type CellText, cellSpan, unitRefs, wholeCell } from "./cells.js";
import type { SectionDraft, TaskDraft } from "./drafts.js";

/** Text joined from several cells, each character remembering its cell and its offset there. */
interface Joined {
  readonly text: string;
  readonly owner: Int32Array;
  readonly cells: readonly CellText[];
}

const join = (cells: readonly CellText[]): Joined => {
  const text = cells.map((c) => c.text).join("\n");
  const owner = new Int32Array(text.length);
  let k = 0;
  cells.forEach((c, i) => {
    if (i > 0) owner[k++] = i - 1;
    owner.fill(i, k, k + c.text.length);
    k += c.text.length;
  });
  return { text, owner, cells };
};

/** The cell span of `joined.text[from, to)` (a range never crosses a line break, so it stays in one cell). */
const spanIn = (j: Joined, from: number, to: number): SourceSpan => {
  const i = j.owner[from] ?? 0;
  let offset = 0;
  for (let k = 0; k < i; k++) offset += (j.cells[k] as CellText).text.length + 1;
  const cell = j.cells[i] as CellText;
  return cellSpan(cell, from - offset, Math.min(to - offset, cell.text.length));
};

const SENTENCE_END = /[。！？；]/;
const firstSentence = (text: string): string => {
  const m = SENTENCE_END.exec(text);
  return (m === null ? (text.split("\n")[0] ?? "") : text.slice(0, m.index)).trim();
};

/** Where the plan is being built: its id and year, the group phrases, and a flag set when dated phrases lacked a year. */
export interface BuildContext {
  readonly planId: string;
  readonly year: number | undefined;
  readonly phrases: readonly string[];
  readonly diagnostics: Diagnostic[];
  undated: boolean;
  /** Sections and tasks already in the plan (a Word file's text and earlier tables): numbering continues after them. */
  readonly sectionsBefore: number;
  readonly tasksBefore: number;
}

/**
 * Build the plan's sections from the drafts: tasks numbered across the table, a clause per row that
 * brought its own units, requirements read from the task text and from the 完成时限 cells with the
 * text parser's extraction (a deadline cell that holds only a date takes the task's title as its action).
 */
export const buildSections = (drafts: readonly SectionDraft[], ctx: BuildContext): Section[] => {
  let no = ctx.tasksBefore;
  return drafts.map((s, k) => {
    const si = ctx.sectionsBefore + k;
    const tasks = s.tasks.map((t, ti) => buildTask(t, (no += 1), ["sections", si, "tasks", ti], ctx));
    const section: Section = { no: si + 1, title: s.title, tasks };
    return s.cell === undefined ? section : { ...section, source: wholeCell(s.cell) };
  });
};

const buildTask = (t: TaskDraft, no: number, path: Array<string | number>, ctx: BuildContext): Task => {
  const taskId = `${ctx.planId}.t${String(no).padStart(2, "0")}`;
  const titleCell = t.clauses[0]?.texts[0];
  const title = titleCell === undefined ? "" : firstSentence(titleCell.text);
  const parts: Array<Parameters<typeof toRequirements>[1][number]> = [];
  let needsYear = false;
  const found = (text: string) => {
    const r = findRequirements(text, ctx.year);
    needsYear = r.needsYear;
    if (r.needsYear) ctx.undated = true;
    return r.found;
  };
  const clauses: Clause[] = t.clauses.map((c, k) => {
    const id = `${taskId}.c${k + 1}`;
    const assignment: Assignment = { lead: [], responsible: [], support: [] };
    for (const { role, cell } of c.units) {
      const refs = unitRefs(cell, ctx.phrases, ctx.diagnostics, [...path, "clauses", k, "assignment", role]);
      assignment[role].push(...refs);
    }
    const joined = join(c.texts);
    parts.push({ clauseId: id, found: found(joined.text), span: (a, b) => spanIn(joined, a, b) });
    for (const { cell, rowText } of c.deadlines) {
      const action = rowText === undefined ? title : firstSentence(rowText);
      const inCell = found(cell.text).map((f): FoundRequirement => (f.action === f.phrase && action.length > 0 ? { ...f, action } : f));
      if (inCell.length === 0 && !needsYear) {
        ctx.diagnostics.push(diag("deadline_not_read", "info", `完成时限“${clip(cell.text)}”没有读成时间规则`, `The deadline "${clip(cell.text)}" was not read as a schedule rule`, [...path, "requirements"], cellSpan(cell)));
      }
      parts.push({ clauseId: id, found: inCell, span: (a, b) => cellSpan(cell, a, b) });
    }
    const anchor = c.texts[0] ?? c.units[0]?.cell ?? c.deadlines[0]?.cell;
    const clause: Clause = { id: id as Clause["id"], text: joined.text, assignment };
    return anchor === undefined ? clause : { ...clause, source: wholeCell(anchor) };
  });
  if (clauses.every((c) => c.assignment.lead.length + c.assignment.responsible.length + c.assignment.support.length === 0)) {
    ctx.diagnostics.push(diag("task_without_units", "warning", `任务${no}没有列出任何单位`, `Task ${no} names no units`, path, wholeCell(t.anchor)));
  }
  const requirements: Requirement[] = toRequirements(taskId, parts);
  const task: Task = {
    id: taskId as Task["id"],
    no,
    ...(t.label !== "" ? { label: t.label } : {}),
    title,
    text: clauses.map((c) => c.text).filter((x) => x.length > 0).join("\n"),
    clauses,
    requirements,
    source: wholeCell(t.anchor),
  };
  return task;
};

const clip = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s);
