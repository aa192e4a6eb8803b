// Numbers as criteria tables print them: 3, 0.5, 二, 两, 十二, 零点五, 一点五 (internal).
import { parseChineseNumeral } from "../../text/numerals.js";

/** A regex source matching one amount: ASCII digits with decimals, or a Chinese numeral with 点. */
export const AMOUNT = String.raw`(?:\d{1,6}(?:\.\d{1,4})?|[零〇一二两三四五六七八九十百]{1,6}(?:点[零〇一二三四五六七八九]{1,4})?)`;

const CN_DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Read an amount matched by {@link AMOUNT}: `0.5` → 0.5, `二` → 2, `零点五` → 0.5, `一点二五` → 1.25.
 * Undefined for anything else.
 */
export const readAmount = (text: string): number | undefined => {
  if (/^\d{1,6}(?:\.\d{1,4})?$/.test(text)) return Number(text);
  const dot = text.indexOf("点");
  const whole = dot === -1 ? text : text.slice(0, dot);
  const n = parseChineseNumeral(whole);
  if (n === undefined) return undefined;
  if (dot === -1) return n;
  const frac = text.slice(dot + 1);
  if (frac.length === 0) return undefined;
  let digits = "";
  for (const ch of frac) {
    const d = CN_DIGIT[ch];
    if (d === undefined) return undefined;
    digits += String(d);
  }
  return Number(`${n}.${digits}`);
};
