import type { Head } from "./head.js";
import type { ParseContext } from "./rules.js";

/** Years a document may name: outside this range a number before 年 is a typo or not a year. */
const FIRST = 1949;
const LAST = 2100;
/** The option's range is the schema's. */
const OPTION_LAST = 2200;
const RANGE = /(\d{4})\s*[-—–－~～至]\s*(\d{4})年/;
const YEAR = /(\d{4})年/;

/** The first year (and last, for a range such as 2021—2025年) a text names, with out-of-range ones reported. */
export const yearsIn = (text: string | undefined, ctx: ParseContext, where: string): { from: number; to?: number } | undefined => {
  if (text === undefined) return undefined;
  const range = RANGE.exec(text);
  const single = range === null ? (YEAR.exec(text) ?? /〔(\d{4})〕/.exec(text)) : null;
  const from = Number(range?.[1] ?? single?.[1] ?? Number.NaN);
  if (Number.isNaN(from)) return undefined;
  const to = range === null ? undefined : Number(range[2]);
  if (from < FIRST || from > LAST || (to !== undefined && (to < from || to > LAST))) {
    ctx.report("year_out_of_range", "warning", `${where}中的年份 ${range?.[0] ?? single?.[0]} 不在 ${FIRST}–${LAST} 之间，未采用`, `The year ${range?.[0] ?? single?.[0]} in the ${where === "标题" ? "title" : "head"} is outside ${FIRST}–${LAST} and was not used`, undefined, undefined, undefined, ["year"]);
    return undefined;
  }
  return to === undefined || to === from ? { from } : { from, to };
};

/**
 * 计划年度：选项优先；否则依次取标题、通知标题、文号、落款日期中的年份。标题写年度区间（2021—2025年）时，
 * 年度为起始年，`endYear` 为结束年。年份超出 1949–2100 的给出 `year_out_of_range` 诊断，不会写进计划。
 * The plan year: the option, else the year of the title, the notice title, the document number or
 * the signature date, in that order. A title with a range (2021—2025年) gives `year` and `endYear`.
 * A year outside 1949–2100 is a diagnostic, never a plan that fails validation.
 */
export const planYear = (head: Head, option: number | undefined, ctx: ParseContext): { year?: number; endYear?: number } => {
  const fromText = yearsIn(head.title, ctx, "标题") ?? yearsIn(head.noticeDocTitle, ctx, "通知标题") ?? yearsIn(head.docNumber, ctx, "文号") ?? (head.dateYear === undefined ? undefined : yearsIn(`${head.dateYear}年`, ctx, "落款日期"));
  let year = option;
  if (year !== undefined && (!Number.isInteger(year) || year < FIRST || year > OPTION_LAST)) {
    ctx.report("invalid_option", "error", `年度选项不正确：${year}`, `Invalid year option: ${year}`, undefined, undefined, undefined, ["year"]);
    year = undefined;
  }
  if (year === undefined) year = fromText?.from;
  else if (fromText !== undefined && fromText.from !== year) {
    ctx.report("year_mismatch", "warning", `选项中的年度 ${year} 与标题中的年度 ${fromText.from} 不一致`, `The year option ${year} differs from the title's year ${fromText.from}`, undefined, undefined, undefined, ["year"]);
  }
  if (year === undefined) {
    ctx.report("year_missing", "warning", "未能确定年度：请在选项中给出 year", "Could not tell the year: pass the year option", undefined, undefined, undefined, ["year"]);
    return {};
  }
  return fromText?.to !== undefined && fromText.from === year ? { year, endYear: fromText.to } : { year };
};
