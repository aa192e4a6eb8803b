import { type Diagnostic, type DiagnosticPath, type SourceSpan, diag } from "../model/diagnostic.js";
import type { Assignment, Clause, Task } from "../model/plan.js";
import { findRequirements, toRequirements } from "../schedule/extract.js";
import type { MappedText } from "../text/normalize.js";
import { type Block, joinPieces } from "./blocks.js";
import type { TaskDraft } from "./layout.js";
import { type ParseContext, type RoleReading, type RoleRule, sliceMapped } from "./rules.js";
import { roleBracketOf } from "./chars.js";
import { splitUnitList } from "./units.js";

/** What the role and unit readers need. */
export interface UnitReading {
  readonly roles: readonly RoleRule[];
  readonly phrases: readonly string[];
  readonly predicates: readonly string[];
  /** The pieces of each block already read (the structure rules read them first): each block is read once. */
  readonly pieces?: WeakMap<MappedText, Piece[]>;
  /**
   * The text role rules and unit lists are matched on, offset for offset (rule `traditionalScript`:
   * traditional role words read as simplified); names are always sliced from the text itself.
   */
  readonly key?: (m: MappedText) => string;
}

/** The pieces of a text, read once per parse when `reading.pieces` remembers them. */
export const cachedPieces = (m: MappedText, reading: UnitReading, scanFrom = 0): Piece[] => {
  let p = reading.pieces?.get(m);
  if (p === undefined) {
    p = piecesOf(m, reading.roles, scanFrom, reading.key?.(m));
    reading.pieces?.set(m, p);
  }
  return p;
};

/** A stretch of text, or an assignment read from a role line or a bracket. */
export type Piece = { readonly text: MappedText } | { readonly roles: RoleReading; readonly m: MappedText; readonly from: number; readonly to: number };

/** Role brackets hold a few dozen characters; longer brackets are prose and not examined (keeps the scan linear). */
const BRACKET_MAX = 300;
const TRAILING = /[。；\s]/;

const readRoles = (rules: readonly RoleRule[], text: string, from: number, to: number, where: Parameters<RoleRule["read"]>[3]): RoleReading | undefined => {
  for (const rule of rules) {
    const r = rule.read(text, from, to, where);
    if (r !== undefined && r.segments.length > 0) return r;
  }
  return undefined;
};

/**
 * 一段文字中的分工：段中或段末的括号（“（牵头单位：X）”“（X牵头，Y配合）”“（县司法局、县法院）”）把文字分成几段。
 * The pieces of a text block: stretches of text and the role brackets between them. A bracket at the
 * end of the block (only 。； after it) may also be a bare unit list.
 */
export const piecesOf = (m: MappedText, rules: readonly RoleRule[], scanFrom = 0, key = m.text): Piece[] => {
  const t = key;
  let end = t.length;
  while (end > 0 && TRAILING.test(t[end - 1] as string)) end -= 1;
  const out: Piece[] = [];
  let textFrom = 0;
  let depth = 0;
  let open = -1;
  // A heading's own number (（一）) is never a role bracket: scanning starts after it.
  for (let i = scanFrom; i < t.length; i++) {
    const bracket = roleBracketOf(t.charCodeAt(i));
    if (bracket > 0) {
      if (depth === 0) open = i;
      depth += 1;
    } else if (bracket < 0 && depth > 0) {
      depth -= 1;
      if (depth > 0 || i - open > BRACKET_MAX) continue;
      const roles = readRoles(rules, t, open + 1, i, i === end - 1 ? "end" : "bracket");
      if (roles === undefined || roles.keepText === true) {
        if (roles !== undefined) out.push(...textPiece(m, textFrom, i + 1), { roles, m, from: open + 1, to: i });
        if (roles !== undefined) textFrom = i + 1;
        continue;
      }
      out.push(...textPiece(m, textFrom, open), { roles, m, from: open + 1, to: i });
      textFrom = i + 1;
      if (i === end - 1) textFrom = t.length;
    }
  }
  // A role bracket left open at the end (a fragment cut inside it): read what is there.
  if (depth > 0 && t.length - open <= BRACKET_MAX) {
    const roles = readRoles(rules, t, open + 1, end, "open");
    if (roles !== undefined) {
      out.push(...textPiece(m, textFrom, open), { roles, m, from: open + 1, to: end });
      textFrom = t.length;
    }
  }
  out.push(...textPiece(m, textFrom, t.length));
  return out;
};

/** `m[from, to)` as a text piece, trimmed (leading 。；， after a removed bracket, spaces either side), or nothing. */
const textPiece = (m: MappedText, from: number, to: number): Piece[] => {
  let a = from;
  let b = to;
  if (a > 0) while (a < b && /[。；，\s]/.test(m.text[a] as string)) a += 1;
  while (b > a && /\s/.test(m.text[b - 1] as string)) b -= 1;
  return b > a ? [{ text: sliceMapped(m, a, b) }] : [];
};

interface ClauseDraft {
  readonly paragraphs: MappedText[];
  readonly assignment: Assignment;
  readonly spans: SourceSpan[];
}

/** A task's text pieces and clauses, read from its blocks. */
export interface TaskContent {
  readonly draft: TaskDraft;
  readonly paragraphs: MappedText[];
  readonly clauses: ClauseDraft[];
  /** Text after the last assignment, not yet in a clause. */
  buffer: MappedText[];
  readonly spans: SourceSpan[];
}

const emptyAssignment = (): Assignment => ({ lead: [], responsible: [], support: [] });

/**
 * 读出任务的文字和分工段落：分工行或分工括号之前的文字属于这一分工（种子文件任务4有两段）。
 * A task's text and clauses: the text before each role line or role bracket belongs to that assignment.
 */
export const readTaskContent = (draft: TaskDraft, reading: UnitReading, ctx: ParseContext, path: DiagnosticPath): TaskContent => {
  const content: TaskContent = { draft, paragraphs: [], clauses: [], buffer: [], spans: [] };
  let pending: { assignment: Assignment; spans: SourceSpan[] } | undefined;
  const finish = (): void => {
    if (pending === undefined) return;
    content.clauses.push({ paragraphs: content.buffer, assignment: pending.assignment, spans: [...content.buffer.map((b) => ctx.spanOf(b)), ...pending.spans] });
    content.buffer = [];
    pending = undefined;
  };
  const add = (r: RoleReading, m: MappedText, from: number, to: number): void => {
    pending ??= { assignment: emptyAssignment(), spans: [] };
    pending.spans.push(ctx.spanOf(m, from, to));
    const at: DiagnosticPath = [...path, "clauses", content.clauses.length, "assignment"];
    for (const seg of r.segments) {
      const notes: Diagnostic[] = [];
      const refs = splitUnitList(m, seg.from, seg.to, ctx.lineOf, reading.phrases, notes, [...at, seg.role], reading.predicates, reading.key?.(m));
      for (const d of notes) ctx.add(d);
      if (refs.length === 0) ctx.report("empty_unit_list", "warning", `“${seg.word}”后没有单位`, `No units after "${seg.word}"`, m, from, to, at);
      pending.assignment[seg.role].push(...refs);
    }
  };
  draft.blocks.forEach((block: Block, k) => {
    content.spans.push(ctx.spanOf(block));
    const line = block.kind === "roles" ? readRoles(reading.roles, reading.key?.(block) ?? block.text, 0, block.text.length, "line") : undefined;
    if (line !== undefined) return add(line, block, 0, block.text.length);
    cachedPieces(block, reading, block.marker?.length ?? 0).forEach((piece, p) => {
      if ("roles" in piece) return add(piece.roles, piece.m, piece.from, piece.to);
      // The task's own number is not its text: the first piece of its heading starts after it.
      const text = k === 0 && p === 0 && draft.cut > 0 ? trimStart(sliceMapped(piece.text, Math.min(draft.cut, piece.text.text.length))) : piece.text;
      if (text.text.length === 0) return;
      finish();
      content.paragraphs.push(text);
      content.buffer.push(text);
    });
  });
  finish();
  return content;
};

const trimStart = (m: MappedText): MappedText => {
  let a = 0;
  while (a < m.text.length && m.text[a] === " ") a += 1;
  return a === 0 ? m : sliceMapped(m, a);
};

const SENTENCE_END = /[。！？；]/;
/** The span from the first start to the last end of some spans. */
export const cover = (spans: readonly SourceSpan[], lineOf: (offset: number) => number): SourceSpan | undefined => {
  if (spans.length === 0) return undefined;
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end, line: lineOf(start) };
};

/** A task from its content: clauses with their requirements, title (the first sentence), text, span. */
export const buildTask = (c: TaskContent, no: number, planId: string, year: number | undefined, undated: { value: boolean }, ctx: ParseContext, path: DiagnosticPath): Task => {
  const taskId = `${planId}.t${String(no).padStart(2, "0")}`;
  if (c.buffer.length > 0 && c.clauses.length > 0) {
    // Text after the last unit block: kept as a clause of its own, without units.
    ctx.add(diag("text_after_units", "warning", "分工之后还有正文，作为没有分工的段落保留", "Text after the last unit block is kept as a clause without units", path, cover(c.buffer.map((b) => ctx.spanOf(b)), ctx.lineOf)));
    c.clauses.push({ paragraphs: c.buffer, assignment: emptyAssignment(), spans: c.buffer.map((b) => ctx.spanOf(b)) });
  }
  // Each clause's text is joined once, with its offsets: its requirements get exact spans.
  const requirementsIn = (joined: MappedText) => {
    const { found, needsYear } = findRequirements(joined.text, year);
    if (needsYear) undated.value = true;
    return { found, span: (from: number, to: number) => ctx.spanOf(joined, from, to) };
  };
  const parts: Array<Parameters<typeof toRequirements>[1][number]> = [];
  const clauses: Clause[] = c.clauses.map((cl, k) => {
    const joined = joinPieces(cl.paragraphs, "\n");
    const id = `${taskId}.c${k + 1}`;
    const found = requirementsIn(joined);
    parts.push({ clauseId: id, found: found.found, span: found.span });
    const clause: Mutable<Clause> = { id: id as Clause["id"], text: joined.text, assignment: cl.assignment };
    const source = cover(cl.spans, ctx.lineOf);
    if (source !== undefined) clause.source = source;
    return clause;
  });
  const whole = joinPieces(c.paragraphs, "\n");
  if (c.clauses.length === 0) parts.push(requirementsIn(whole));
  if (clauses.every((cl) => cl.assignment.lead.length + cl.assignment.responsible.length + cl.assignment.support.length === 0)) {
    ctx.add("task_without_units", () => diag("task_without_units", "warning", `任务${no}没有列出任何单位`, `Task ${no} names no units`, path, cover(c.spans, ctx.lineOf)));
  }
  const first = SENTENCE_END.exec(whole.text);
  const lineEnd = whole.text.indexOf("\n");
  const title = (first === null ? whole.text.slice(0, lineEnd === -1 ? whole.text.length : lineEnd) : whole.text.slice(0, first.index)).trim();
  // Property by property, in the order of the schema (object spread is slow in hot paths).
  const task: Mutable<Task> = { id: taskId as Task["id"], no } as Mutable<Task>;
  if (c.draft.label !== "") task.label = c.draft.label;
  task.title = title;
  task.text = whole.text;
  task.clauses = clauses;
  task.requirements = toRequirements(taskId, parts);
  const source = cover(c.spans, ctx.lineOf);
  if (source !== undefined) task.source = source;
  return task;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
