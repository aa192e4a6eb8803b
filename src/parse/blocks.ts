import type { MappedText } from "../text/normalize.js";
import type { Segment } from "./lines.js";
import type { Marker } from "./numbering.js";
import type { ParseContext } from "./rules.js";

/** A logical paragraph: one or more segments joined, with original offsets. */
export interface Block extends MappedText {
  /** 1-based number of its first line. */
  readonly line: number;
  readonly kind: "heading" | "roles" | "text";
  readonly marker?: Marker;
}

const TERMINAL = new Set(["。", "！", "？", "；", "：", "…", "”", "）", "〕", "】", "」", "』", "!", "?", ".", "\""]);
const FRAGMENT_MAX = 40;
/** Lines that are never the tail of the paragraph before them. */
const STANDALONE = [/文件$/, /〔\d{4}〕\d+号$/, /的通知$/, /^\d{4}年\d{1,2}月\d{1,2}日$/, /^(抄送|印发|附件)/, /年度?.{0,40}(工作安排|工作要点|工作计划|实施方案)$/];
/** The second line of a title broken after 关于 or before 的通知 joins the first. */
const TITLE_TAIL = /的(通知|意见|决定|方案|要点)$/;

export const isStandalone = (text: string): boolean => text.length <= 80 && STANDALONE.some((re) => re.test(text));

/** A heading with a short title and no sentence in it (（一）加强学习): never continued. */
const isTitleOnlyHeading = (s: Segment): boolean => {
  if (s.marker === undefined) return false;
  // A section heading is a title unless it stops at a comma (then the line after continues it).
  if (s.marker.style.rank <= 1) return !/[，、]$/.test(s.text);
  const rest = s.text.slice(s.marker.length);
  return rest.length <= 30 && !/[。，；]/.test(rest);
};

interface Open {
  readonly first: Segment;
  readonly kind: Block["kind"];
  readonly pieces: MappedText[];
  last: string;
}

/**
 * 把行段合并为段落：被空行或分页打断的句子、被分页拆开的单位列表接回原段落（info 诊断），
 * 折成两行的标题（“…关于”+“…的通知”）接回一行。每段只拼接一次：线性时间。
 * Segments into paragraphs: a sentence or a unit list broken by a blank line or a page break is
 * joined back (an info diagnostic), as is a title broken after 关于. Each paragraph's pieces are
 * joined once, at its end, so a run of short unterminated lines stays linear.
 */
export const buildBlocks = (segments: readonly Segment[], ctx: ParseContext): Block[] => {
  const out: Block[] = [];
  let open: Open | undefined;
  let closed = true;
  const flush = (): void => {
    if (open === undefined) return;
    const joined = joinPieces(open.pieces);
    const block: { -readonly [K in keyof Block]: Block[K] } = { text: joined.text, map: joined.map, line: open.first.line, kind: open.kind };
    if (open.first.marker !== undefined) block.marker = open.first.marker;
    out.push(block);
    open = undefined;
  };
  for (const s of segments) {
    const startsNew = !s.lineStart || s.roleLabel || s.marker !== undefined || (isStandalone(s.text) && !titleTail(open, s.text));
    if (open !== undefined && !closed && !startsNew && continues(open, s.text)) {
      ctx.report(
        "joined_across_break",
        "info",
        open.kind === "roles" ? `单位列表被分页或空行打断，已与下一行“${s.text}”接合` : "句子被分页或空行打断，已接合",
        open.kind === "roles" ? `A unit list broken by a page break was joined with the next line "${s.text}"` : "A sentence broken by a page break or blank line was joined",
        s,
      );
      const space = /[A-Za-z]$/.test(open.last) && /^[A-Za-z]/.test(s.text);
      if (space) open.pieces.push({ text: " ", map: Int32Array.of((open.pieces[open.pieces.length - 1]?.map.at(-1) ?? 0) + 1) });
      open.pieces.push(s);
      open.last = s.text;
      closed = TERMINAL.has(s.text[s.text.length - 1] as string);
      continue;
    }
    flush();
    open = { first: s, kind: s.marker !== undefined ? "heading" : s.roleLabel ? "roles" : "text", pieces: [s], last: s.text };
    closed = isStandalone(s.text) || isTitleOnlyHeading(s) || TERMINAL.has(s.text[s.text.length - 1] as string);
  }
  flush();
  return out;
};

const titleTail = (open: Open | undefined, next: string): boolean =>
  open !== undefined && open.kind === "text" && open.pieces.length === 1 && open.last.length <= 60 && open.last.includes("关于") && TITLE_TAIL.test(next);

const continues = (open: Open, next: string): boolean => {
  if (open.kind === "roles") return next.length <= FRAGMENT_MAX && !next.includes("。");
  return true;
};

/** Pieces joined into one mapped text, in one pass. */
export const joinPieces = (pieces: readonly MappedText[], separator = ""): MappedText => {
  if (pieces.length === 1) return pieces[0] as MappedText;
  const text = pieces.map((p) => p.text).join(separator);
  const map = new Int32Array(text.length);
  let k = 0;
  pieces.forEach((p, i) => {
    if (i > 0 && separator !== "") {
      // A separator maps to just after the piece before it.
      for (let j = 0; j < separator.length; j++) map[k + j] = (map[k - 1] ?? 0) + 1;
      k += separator.length;
    }
    map.set(p.map, k);
    k += p.map.length;
  });
  return { text, map };
};
