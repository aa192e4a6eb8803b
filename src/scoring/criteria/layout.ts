// Layout rules: how a criteria table reaches us (rows, or text copied from a page, a PDF or a
// Word table) → a sequence of units (cells or paragraphs) with offsets into the source, and the
// column roles of the table's header when one is printed. Each layout rule is small and named.
import { type MappedText, lineIndex, normalizeLine, splitLines } from "../../text/normalize.js";

/** What a column of a criteria table holds. */
export type ColumnRole = "number" | "item" | "content" | "points" | "criteria" | "office" | "method" | "ignore";

/** A cell or paragraph, normalised, with the map back to its source. */
export interface Unit {
  readonly m: MappedText;
  /** 0-based row and column (rows input, and text laid out as rows). */
  readonly row?: number;
  readonly column?: number;
  /** The column's role when a header names it (rows input only: text cells are classified by content). */
  readonly role?: ColumnRole;
  /** The unit is a whole cell of a table (not a paragraph of running or flattened text). */
  readonly cell: boolean;
  /** The line inside the cell of an offset into the cell's text (rows input, cells of more than one line). */
  readonly cellLineOf?: (offset: number) => number;
}

/** The header of a table: the roles of its columns, in order. */
export interface Header {
  readonly roles: readonly ColumnRole[];
}

/** The layout found and the units to read. */
export interface Layout {
  readonly name: "rows" | "pipe_rows" | "spaced_cells" | "cell_paragraphs" | "running_text";
  readonly header?: Header;
  readonly units: readonly Unit[];
  /** Units before the header (title, notice, page furniture): read only for a declared total. */
  readonly preamble: readonly Unit[];
  /** Source line of a text offset (text input only). */
  readonly lineOf?: (offset: number) => number;
}

// ---- column words ----

const WORDS: ReadonlyArray<readonly [ColumnRole, readonly string[]]> = [
  ["number", ["序号", "编号"]],
  ["item", ["考核项目", "考评项目", "测评项目", "检查项目", "评价项目", "项目", "类别", "考核类别", "一级指标", "考核指标", "指标名称", "考核事项"]],
  [
    "content",
    ["考核内容", "考评内容", "测评内容", "检查内容", "评价内容", "评分项", "二级指标", "三级指标", "指标内容", "工作内容", "具体项目内容", "项目内容", "考核要点", "考核要求", "工作任务", "工作要求", "测评标准", "内容", "具体内容", "考核细则"],
  ],
  ["points", ["分值", "分数", "标准分", "基本分", "满分", "权重分"]],
  ["criteria", ["评分标准", "扣分标准", "评分细则", "计分方法", "扣分项", "评分办法", "考核标准", "评分方法", "考评标准", "计分标准", "评分依据", "扣分细则", "评价标准"]],
  ["office", ["责任单位", "评分单位", "责任处室", "考核单位", "责任部门", "信息提供部门", "考评单位", "牵头单位", "评分部门", "考核部门", "评分责任单位", "考核责任单位"]],
  ["method", ["考核方式", "测评方式", "考核方法", "评分方式", "考评方式", "检查方式", "考核途径", "评价方式"]],
  ["ignore", ["得分", "自评分", "考评分", "扣分", "实得分", "备注", "自查得分", "考核得分", "扣分原因", "扣分情况", "自评得分", "评分"]],
];

const ROLE_OF = new Map<string, ColumnRole>(WORDS.flatMap(([role, words]) => words.map((w) => [w, role] as const)));
const WORD_LIST = [...ROLE_OF.keys()].sort((a, b) => b.length - a.length);
/** A run of column words written together (a flattened header): 考评项目考评内容分值评分标准责任单位. */
const HEADER_RUN = new RegExp(`(?:${WORD_LIST.join("|")}){3,12}`, "g");
const ONE_WORD = new RegExp(`${WORD_LIST.join("|")}`, "y");

/** Split a run of column words into the words (longest first at each position). */
const wordsOf = (run: string): string[] => {
  const out: string[] = [];
  let i = 0;
  while (i < run.length) {
    ONE_WORD.lastIndex = i;
    const m = ONE_WORD.exec(run);
    if (m === null) break;
    out.push(m[0]);
    i += m[0].length;
  }
  return out;
};

/**
 * The roles of a header's words. 考核标准 / 测评标准 hold the item's content when a more specific
 * criteria column (评分标准, 扣分标准 …) is also printed; without any criteria column, the last
 * content column holds the criteria (a negative list: 类别 | 具体项目内容 | 信息提供部门).
 */
export const headerRoles = (words: readonly string[]): ColumnRole[] => {
  const roles = words.map((w) => ROLE_OF.get(w.replace(/\s+/g, "")) ?? (/(?:单位|部门|处室|科室)$/.test(w) ? "office" : "ignore"));
  const criteria = roles.flatMap((r, i) => (r === "criteria" ? [i] : []));
  if (criteria.length > 1) {
    const specific = criteria.filter((i) => !/^(?:考核标准|测评标准|考评标准)$/.test(words[i] as string));
    if (specific.length > 0) for (const i of criteria) if (!specific.includes(i)) roles[i] = "content";
  }
  if (!roles.includes("criteria")) {
    const last = roles.lastIndexOf("content");
    if (last !== -1 && !roles.includes("points")) roles[last] = "criteria";
  }
  return roles;
};

/** A header must name where the points or the rules are, and at least two columns. */
const isHeader = (roles: readonly ColumnRole[]): boolean =>
  roles.length >= 2 && (roles.includes("points") || roles.includes("criteria")) && roles.some((r) => r === "item" || r === "content" || r === "number");

/** Leading words of a run that cannot open a header (the tail of a title: …考核评议评分标准 序号 …). */
const trimRun = (words: string[]): number => {
  let k = 0;
  while (k < words.length) {
    const role = ROLE_OF.get(words[k] as string);
    if (role === "number" || role === "item" || role === "content") break;
    k += 1;
  }
  return k;
};

// ---- text input ----

interface Paragraph {
  readonly m: MappedText;
  readonly raw: string;
  readonly start: number;
  readonly afterBlank: boolean;
}

const slice = (m: MappedText, from: number, to = m.text.length): MappedText => ({ text: m.text.slice(from, to), map: m.map.subarray(from, to) });

/** A paragraph that ends with a complete rule (…扣2分, 扣完为止) has not stopped mid-sentence. */
const STOPS_AT_RULE = /(?:分|为止|否决|未完成)$/;

/**
 * Rule `page_marker_join`: a document-sharing site cuts its preview into pages and writes the
 * page number (`2、`) at the start of the next one. A paragraph that starts with `N、` right after a
 * long paragraph that stops mid-sentence continues that paragraph; the marker is dropped.
 */
const joinPageMarkers = (paragraphs: Paragraph[]): Paragraph[] => {
  const out: Array<{ first: Paragraph; parts: MappedText[]; length: number; last: string }> = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    const marker = /^\d{1,3}、/.exec(p.m.text);
    if (prev !== undefined && marker !== null && p.afterBlank && prev.length >= 60 && /[\u4e00-\u9fff]$/.test(prev.last) && !STOPS_AT_RULE.test(prev.last)) {
      const rest = slice(p.m, marker[0].length);
      prev.parts.push(rest);
      prev.length += rest.text.length;
      prev.last = (prev.last + rest.text).slice(-12);
      continue;
    }
    out.push({ first: p, parts: [p.m], length: p.m.text.length, last: p.m.text.slice(-12) });
  }
  return out.map((o) => (o.parts.length === 1 ? o.first : { ...o.first, m: concatAll(o.parts) }));
};

/** Join mapped texts once (joining them pairwise would copy the growing text again and again). */
const concatAll = (parts: readonly MappedText[]): MappedText => {
  const map = new Int32Array(parts.reduce((n, p) => n + p.map.length, 0));
  let at = 0;
  for (const p of parts) {
    map.set(p.map, at);
    at += p.map.length;
  }
  return { text: parts.map((p) => p.text).join(""), map };
};

/** A header found in the text: where it starts and ends (paragraph index and offset) and its roles. */
interface HeaderAt {
  readonly roles: ColumnRole[];
  /** Index of the paragraph where the body starts, and the offset inside it. */
  readonly bodyParagraph: number;
  readonly bodyOffset: number;
  /** Where the header starts inside that paragraph (a run header: the text before it is preamble). */
  readonly headerOffset: number;
  readonly firstParagraph: number;
  readonly kind: "cells" | "run" | "pipe";
  /** The run's words were separated by spaces in the source (a table flattened with spaces between cells). */
  readonly spaced: boolean;
}

const pipeCells = (text: string): string[] => text.split("|").map((c) => c.trim());

const findHeader = (paragraphs: readonly Paragraph[]): HeaderAt | undefined => {
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as Paragraph;
    const t = p.m.text;
    // rule `pipe_header`: a line of cells separated by |
    if (t.includes("|")) {
      const cells = pipeCells(t.replace(/\s+/g, "")).filter((c) => c.length > 0);
      if (cells.length >= 2 && cells.every((c) => ROLE_OF.has(c))) {
        const roles = headerRoles(cells);
        if (isHeader(roles)) return { roles, bodyParagraph: i + 1, bodyOffset: 0, headerOffset: 0, firstParagraph: i, kind: "pipe", spaced: false };
      }
    }
    // rule `cell_header`: column words one per paragraph
    if (ROLE_OF.has(t.replace(/\s+/g, ""))) {
      let j = i;
      const words: string[] = [];
      while (j < paragraphs.length && ROLE_OF.has((paragraphs[j] as Paragraph).m.text.replace(/\s+/g, ""))) {
        words.push((paragraphs[j] as Paragraph).m.text.replace(/\s+/g, ""));
        j += 1;
      }
      const roles = headerRoles(words);
      if (words.length >= 2 && isHeader(roles)) return { roles, bodyParagraph: j, bodyOffset: 0, headerOffset: 0, firstParagraph: i, kind: "cells", spaced: false };
      i = j - 1;
      continue;
    }
    // rule `run_header`: column words written together inside a paragraph
    const compact = t.replace(/\s+/g, "");
    if (compact.length === 0) continue;
    for (const m of compact.matchAll(HEADER_RUN)) {
      const all = wordsOf(m[0]);
      const skip = trimRun(all);
      const words = all.slice(skip);
      const roles = headerRoles(words);
      if (words.length < 3 || !isHeader(roles)) continue;
      const skipped = all.slice(0, skip).join("").length;
      const runStart = compactToText(t, (m.index ?? 0) + skipped);
      const runEnd = compactToText(t, (m.index ?? 0) + m[0].length);
      const spaced = /\s/.test(p.raw.slice(p.m.map[runStart] === undefined ? 0 : (p.m.map[runStart] as number) - p.start, (p.m.map[Math.max(runStart, runEnd - 1)] as number) - p.start));
      return { roles, bodyParagraph: i, bodyOffset: runEnd, headerOffset: runStart, firstParagraph: i, kind: "run", spaced };
    }
  }
  return undefined;
};

/** The index in `text` of the `k`-th non-space character (text positions of a match in the compact string). */
const compactToText = (text: string, k: number): number => {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i] as string)) continue;
    if (seen === k) return i;
    seen += 1;
  }
  return text.length;
};

/**
 * Rule `spaced_cells`: a Word table flattened with a space between cells. The raw text after the
 * header is cut at runs of spaces; `1 分` (a number and its 分 split by the copy) is kept together.
 */
const spacedCells = (raw: string, start: number): Unit[] => {
  const cells: Array<{ from: number; to: number }> = [];
  const re = /\S+/g;
  for (const m of raw.matchAll(re)) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    const prev = cells[cells.length - 1];
    if (prev !== undefined && (/^分/.test(m[0]) && /\d$/.test(raw.slice(prev.from, prev.to)))) {
      cells[cells.length - 1] = { from: prev.from, to };
      continue;
    }
    cells.push({ from, to });
  }
  return cells.map((c) => ({ m: normalizeLine(raw.slice(c.from, c.to), start + c.from), cell: true }));
};

/**
 * Text → layout. Finds the header (one word per paragraph, a run of words inside a paragraph, or
 * a line of `|` cells); text before it is the preamble. After a `|` header each line is a row of
 * cells; after a spaced run each space-separated piece is a cell; otherwise every paragraph is a
 * unit (a cell of a table laid out one cell per paragraph, a line of running text, or a whole
 * table flattened onto one line — the structure reader finds the items inside).
 */
export const layoutText = (text: string): Layout => {
  const lines = splitLines(text);
  const lineOf = lineIndex(lines);
  const paragraphs: Paragraph[] = [];
  let blank = false;
  for (const l of lines) {
    const m = normalizeLine(l.raw, l.start);
    const trimmed = m.text.trim();
    if (trimmed.length === 0) {
      blank = true;
      continue;
    }
    const lead = m.text.length - m.text.trimStart().length;
    paragraphs.push({ m: slice(m, lead, lead + trimmed.length), raw: l.raw, start: l.start, afterBlank: blank });
    blank = false;
  }
  const joined = joinPageMarkers(paragraphs);
  const header = findHeader(joined);
  if (header === undefined) {
    return { name: "running_text", units: joined.map((p) => ({ m: p.m, cell: false })), preamble: [], lineOf };
  }
  const preamble: Unit[] = joined.slice(0, header.firstParagraph).map((p) => ({ m: p.m, cell: false }));
  const units: Unit[] = [];
  const first = joined[header.bodyParagraph];
  if (header.kind === "pipe") {
    for (let i = header.bodyParagraph, row = 0; i < joined.length; i++, row++) {
      const p = joined[i] as Paragraph;
      let at = 0;
      for (const [column, piece] of p.m.text.split("|").entries()) {
        const lead = piece.length - piece.trimStart().length;
        const body = piece.trim();
        if (body.length > 0) units.push({ m: slice(p.m, at + lead, at + lead + body.length), row, column, cell: true });
        at += piece.length + 1;
      }
    }
    return { name: "pipe_rows", header: { roles: header.roles }, units, preamble, lineOf };
  }
  let from = header.bodyParagraph;
  if (header.kind === "run" && first !== undefined) {
    const before = slice(first.m, 0, header.headerOffset);
    preamble.push({ m: before, cell: false });
    const rest = slice(first.m, header.bodyOffset);
    if (header.spaced) {
      const rawFrom = rest.map.length > 0 ? (rest.map[0] as number) - first.start : first.raw.length;
      units.push(...spacedCells(first.raw.slice(rawFrom), first.start + rawFrom));
    } else if (rest.text.trim().length > 0) units.push({ m: rest, cell: false });
    from += 1;
  }
  for (let i = from; i < joined.length; i++) units.push({ m: (joined[i] as Paragraph).m, cell: header.kind === "cells" });
  return { name: header.kind === "cells" ? "cell_paragraphs" : header.spaced ? "spaced_cells" : "running_text", header: { roles: header.roles }, units, preamble, lineOf };
};

// ---- rows input ----

/**
 * Rows (a Word or Excel table, or CSV) → layout. The header is the first of the first ten rows
 * whose cells are column words (`序号 | 考核项目 | 分值 | 评分标准 …`); rows above it are the
 * preamble. Every non-empty cell is a unit with its row, column and, under a header, its role.
 */
export const layoutRows = (rows: readonly (readonly string[])[]): Layout => {
  let headerRow = -1;
  let roles: ColumnRole[] = [];
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const cells = (rows[r] ?? []).map((c) => (typeof c === "string" ? c.replace(/\s+/g, "") : ""));
    const named = cells.filter((c) => c.length > 0);
    if (named.length < 2 || !named.every((c) => ROLE_OF.has(c) || /(?:单位|部门|处室|科室)$/.test(c))) continue;
    const candidate = headerRoles(cells.map((c) => (c.length === 0 ? "备注" : c)));
    if (isHeader(candidate)) {
      headerRow = r;
      roles = candidate;
      break;
    }
  }
  const units: Unit[] = [];
  const preamble: Unit[] = [];
  rows.forEach((row, r) => {
    if (r === headerRow) return;
    (Array.isArray(row) ? row : []).forEach((cell, column) => {
      if (typeof cell !== "string" || cell.trim().length === 0) return;
      const lines = splitLines(cell);
      const parts: MappedText[] = [];
      for (const l of lines) {
        const part = normalizeLine(l.raw, l.start);
        if (part.text.trim().length === 0) continue;
        if (parts.length > 0) parts.push({ text: "\n", map: Int32Array.of(l.start - 1) });
        parts.push(part);
      }
      if (parts.length === 0) return;
      const m = concatAll(parts);
      const lead = m.text.length - m.text.trimStart().length;
      const unit: Unit = { m: slice(m, lead, m.text.trimEnd().length), row: r, column, cell: true, ...(lines.length > 1 ? { cellLineOf: lineIndex(lines) } : {}), ...(headerRow !== -1 && r > headerRow ? { role: roles[column] ?? "ignore" } : {}) };
      (headerRow !== -1 && r < headerRow ? preamble : units).push(unit);
    });
  });
  return headerRow === -1 ? { name: "rows", units, preamble } : { name: "rows", header: { roles }, units, preamble };
};
