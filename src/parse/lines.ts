import { type MappedText, normalizeLine, splitLines } from "../text/normalize.js";
import { gapBefore } from "./noise.js";
import { type Marker, NumberingState, type NumberingStyle, markerAt } from "./numbering.js";
import { type RoleVocabulary, roleLabelAt } from "./roles.js";
import type { NoiseRule, ParseContext } from "./rules.js";
import { bracketOf, endsStructure } from "./chars.js";

/** A piece of one physical line: the whole line, or a part split off where a new structure starts mid-line. */
export interface Segment extends MappedText {
  /** 1-based number of its physical line. */
  readonly line: number;
  /** It begins a physical line (rather than being split off in the middle of one). */
  readonly lineStart: boolean;
  /** The numbering marker it starts with, if accepted as one. */
  readonly marker?: Marker;
  /** It starts with a role label (牵头单位：…). */
  readonly roleLabel: boolean;
}

/** A bracket still open this far on is unbalanced (a typo, or a cut-off fragment): stop honouring it. */
const BRACKET_SPAN = 300;

/**
 * 分行、规范化、去噪声，并在行中新的结构处切分：句末或右括号（或原有空格）之后的接续编号
 * （“…〕 二、…”“…。3.…”），以及句末之后的分工用语。整篇压成一行的文件也因此能读。
 * Lines, normalised and cleaned by the noise rules, then split where a structure starts in mid-line:
 * after a sentence end, a closing bracket or a space, a numbering marker that continues its sequence
 * (…〕 二、… / …。3.…) or a role label. A whole document on one line reads like one laid out in lines.
 */
export const readSegments = (
  text: string,
  ctx: ParseContext,
  noise: readonly NoiseRule[],
  styles: readonly NumberingStyle[],
  vocabulary: RoleVocabulary,
): Segment[] => {
  const out: Segment[] = [];
  const numbering = new NumberingState();
  const midLine = styles.filter((s) => s.needsSequence !== true);
  const splitting = ctx.enabled("midLineStructure");
  for (const source of splitLines(text)) {
    let m: MappedText = normalizeLine(source.raw, source.start);
    for (const rule of noise) m = rule.apply(m, ctx) ?? m;
    const t = m.text;
    if (t.trim().length === 0) continue;
    const starts: Array<{ at: number; marker?: Marker; role: boolean }> = [];
    const first = markerAt(t, 0, styles);
    if (first !== undefined && numbering.acceptsLineStart(first)) {
      numbering.record(first);
      starts.push({ at: 0, marker: first, role: false });
    } else starts.push({ at: 0, role: roleLabelAt(vocabulary, t, 0) !== undefined });
    let depth = 0;
    let openedAt = 0;
    for (let i = 1; splitting && i < t.length; i++) {
      const prev = t.charCodeAt(i - 1);
      const bracket = bracketOf(prev);
      if (bracket > 0) {
        if (depth === 0) openedAt = i;
        depth += 1;
      } else if (bracket < 0 && depth > 0) depth -= 1;
      if (depth > 0 && i - openedAt > BRACKET_SPAN) depth = 0;
      if (depth > 0 || !(endsStructure(prev) || prev === 0x20 || gapBefore(m, i))) continue;
      const marker = markerAt(t, i, midLine);
      if (marker !== undefined && numbering.continues(marker)) {
        numbering.record(marker);
        starts.push({ at: i, marker, role: false });
        i += marker.length - 1;
      } else if (endsStructure(prev === 0x20 ? t.charCodeAt(i - 2) : prev) && roleLabelAt(vocabulary, t, i) !== undefined) {
        starts.push({ at: i, role: true });
      }
    }
    starts.forEach((s, k) => {
      let end = k + 1 < starts.length ? (starts[k + 1] as { at: number }).at : t.length;
      while (end > s.at && t[end - 1] === " ") end -= 1;
      if (end === s.at) return;
      // Built property by property: object spread is slow in hot loops.
      const segment: { -readonly [K in keyof Segment]: Segment[K] } = { text: t.slice(s.at, end), map: m.map.subarray(s.at, end), line: source.line, lineStart: k === 0, roleLabel: s.role };
      if (s.marker !== undefined) segment.marker = s.marker;
      out.push(segment);
    });
  }
  return out;
};
