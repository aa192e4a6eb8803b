import type { MappedText } from "../text/normalize.js";

/**
 * Traditional characters of the parser's own vocabulary — role words (牽頭單位), role verbs and unit
 * predicates (按職責分工負責), the unit suffixes and collective phrases that decide whether an item is a
 * unit (辦公廳, 各鄉鎮), and the words of the verb patterns (會同, 組織, 有關) — each with its simplified
 * form. Every pair is the standard simplification of that character as listed in the 《通用规范汉字表》
 * (2013) appendix 《规范字与繁体字、异体字对照表》 (from the 《简化字总表》 of 1986). Only the
 * characters these words use are listed: the map reads role words, it does not convert documents.
 * 別 (U+5225) is left out: 別 and 别 differ in glyph shape only (a Unicode source-separation pair), not
 * by simplification; in 分別負責 only 負責 is recognised.
 */
const PAIRS =
  "牽牵頭头單单門门責责領领導导總总辦办縣县區区體体實实協协參参與与負负職职組组織织為为會会關关進进開开務务餘余機机構构處处廳厅隊队館馆臺台團团鄉乡鎮镇級级";

const TO_SIMPLIFIED: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < PAIRS.length; i += 2) map.set(PAIRS.charCodeAt(i), PAIRS.charCodeAt(i + 1));
  return map;
})();

/**
 * `text` with the traditional characters of role words mapped to their simplified forms, one UTF-16
 * unit for one, so offsets into the result are offsets into `text`. The same string when none occurs.
 */
export const simplifiedKey = (text: string): string => {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const s = TO_SIMPLIFIED.get(text.charCodeAt(i));
    if (s === undefined) continue;
    out ??= text.split("");
    out[i] = String.fromCharCode(s);
  }
  return out === undefined ? text : out.join("");
};

const keys = new WeakMap<MappedText, string>();

/** {@link simplifiedKey} of `m.text`, worked out once per mapped text (a block is read by several rules). */
export const keyOf = (m: MappedText): string => {
  let k = keys.get(m);
  if (k === undefined) {
    k = simplifiedKey(m.text);
    keys.set(m, k);
  }
  return k;
};
