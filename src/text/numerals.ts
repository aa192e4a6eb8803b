const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * 解析中文数字（0–9999），如“二十一”“两”“一百零五”；也接受阿拉伯数字。不认识时返回 `undefined`。
 * Read a Chinese numeral (0–9999) such as 二十一, 两 or 一百零五; ASCII digits work too.
 * Returns `undefined` for anything else.
 *
 * @category Text
 * @example
 * parseChineseNumeral("三十五");
 * //=> 35
 * parseChineseNumeral("两");
 * //=> 2
 * parseChineseNumeral("十二");
 * //=> 12
 */
export const parseChineseNumeral = (text: string): number | undefined => {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  if (text.length === 0 || text.length > 12) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined; // two digits in a row: 二三
      digit = d;
      continue;
    }
    const u = UNITS[ch];
    if (u === undefined || u >= lastUnit) return undefined;
    total += (digit ?? (total === 0 && u === 10 ? 1 : Number.NaN)) * u; // 十 alone means 一十
    if (Number.isNaN(total)) return undefined;
    digit = undefined;
    lastUnit = u;
  }
  return total + (digit ?? 0);
};

/**
 * 把 0–9999 的整数写成中文数字，如 21 → “二十一”。Write an integer 0–9999 as a Chinese numeral.
 *
 * @category Text
 * @example
 * formatChineseNumeral(21);
 * //=> "二十一"
 * formatChineseNumeral(105);
 * //=> "一百零五"
 */
export const formatChineseNumeral = (n: number): string => {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return "零";
  const names = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  const parts: string[] = [];
  const places: Array<[number, string]> = [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
    [1, ""],
  ];
  let rest = n;
  let zero = false;
  for (const [value, unit] of places) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d === 0) {
      if (parts.length > 0 && rest > 0) zero = true;
      continue;
    }
    if (zero) parts.push("零");
    zero = false;
    parts.push(value === 10 && d === 1 && parts.length === 0 ? "十" : `${names[d]}${unit}`);
  }
  return parts.join("");
};
