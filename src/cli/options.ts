// Options shared by several commands, and the checks of their values. A check records a problem
// and returns a placeholder, so that a command reports every wrong value at once.
import { type IsoDate, isIsoDate } from "../model/dates.js";
import type { Args, OptionSpec, PositionalSpec } from "./args.js";
import { type Text, text } from "./messages.js";

export const PLAN_FILE: PositionalSpec = {
  name: "<file|->",
  required: true,
  help: text("公文：文本、Word（.docx）或 CSV/TSV 表格文件，或 fazhi parse --json 写出的计划 JSON；- 表示标准输入", "the plan: a text, Word (.docx) or CSV/TSV file, or a plan as JSON from fazhi parse --json; - reads standard input"),
};

export const ID: OptionSpec = { type: "string", value: "ID", help: text("计划编号，默认取文件名（如 wuzhi-2024）", "the plan id; default the file name (e.g. wuzhi-2024)") };
export const PLAN_YEAR: OptionSpec = { type: "string", value: "YYYY", help: text("计划年度，默认从标题读取", "the plan's year; default read from its title") };
export const ROSTER: OptionSpec = { type: "string", value: "r.json", help: text("单位名录", "the roster of units") };
export const BUNDLED_ROSTER: OptionSpec = { type: "string", value: "r.json", help: text("单位名录；不给时按公文推断（随包附带的武陟县公文用武陟县名录）", "the roster; default one inferred from the document (the bundled Wuzhi roster for the Wuzhi document)") };
export const LEDGER: OptionSpec = { type: "string", value: "l.json", required: true, help: text("工作台账", "the ledger of progress entries") };
export const SCHEME: OptionSpec = { type: "string", value: "s.json", required: true, help: text("考核方案", "the scoring scheme") };
export const AS_OF: OptionSpec = {
  type: "string",
  value: "YYYY-MM-DD",
  help: text("数据截至日期，默认为今天，但不晚于计划次年1月15日（年度考核时点）", "the as-of date; default today, but not after 15 January after the plan's year"),
};
export const FORMAT: OptionSpec = { type: "string", value: "table|csv|json", help: text("输出格式，默认 table", "output format, default table") };

/** Output of the comparisons: text for the terminal, JSON, or an HTML page. */
export const COMPARE_FORMAT: OptionSpec = { type: "string", value: "text|json|html", help: text("输出格式：文字（默认）、JSON 或 HTML 页面", "output format: text (default), JSON or an HTML page") };
export const OUT_FILE: OptionSpec = {
  type: "string",
  value: "<file>",
  help: text("写入该文件（全部写好后才替换原文件），默认输出到标准输出", "write to this file (replaced only once fully written); default standard output"),
};

/** At most one file argument reads standard input. */
export const stdinOnce = (problems: Text[], files: readonly string[]): void => {
  if (files.filter((f) => f === "-").length > 1) problems.push(text("只能有一个文件参数是 -（标准输入）", "only one file argument can be - (standard input)"));
};

/** A share from 0 to 1, such as 0.25. */
export const shareValue = (problems: Text[], args: Args, name: string): number | undefined => {
  const v = args.string(name);
  if (v === undefined) return undefined;
  if (/^(?:0|1)(?:\.\d+)?$|^\.\d+$/.test(v) && Number(v) <= 1) return Number(v);
  problems.push(text(`--${name} 应为 0 到 1 之间的数，如 0.25：${v}`, `--${name} must be a number from 0 to 1, such as 0.25: ${v}`));
  return undefined;
};

/** A four-digit year (1000–9998, so that the next year's assessment date exists too). */
export const yearValue = (problems: Text[], args: Args, name = "year"): number | undefined => {
  const v = args.string(name);
  if (v === undefined) return undefined;
  const y = Number(v);
  if (/^\d{4}$/.test(v) && y >= 1000 && y <= 9998) return y;
  problems.push(text(`--${name} 应为四位数的年份（1000–9998）：${v}`, `--${name} must be a four-digit year (1000-9998): ${v}`));
  return undefined;
};

/** A real YYYY-MM-DD date. */
export const dateValue = (problems: Text[], args: Args, name: string): IsoDate | undefined => {
  const v = args.string(name);
  if (v === undefined || isIsoDate(v)) return v;
  problems.push(text(`--${name} 应为真实的 YYYY-MM-DD 日期：${v}`, `--${name} must be a real YYYY-MM-DD date: ${v}`));
  return undefined;
};

/** One of a fixed set of words. */
export const choiceValue = <T extends string>(problems: Text[], args: Args, name: string, choices: readonly T[], fallback: T): T => {
  const v = args.string(name);
  if (v === undefined) return fallback;
  if ((choices as readonly string[]).includes(v)) return v as T;
  problems.push(text(`--${name} 应为 ${choices.join("、")} 之一：${v}`, `--${name} must be one of ${choices.join(", ")}: ${v}`));
  return fallback;
};

/** A whole number in [min, max]. */
export const intValue = (problems: Text[], args: Args, name: string, min: number, max: number, fallback: number, unit: Text): number => {
  const v = args.string(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (/^\d+$/.test(v) && n >= min && n <= max) return n;
  problems.push(text(`--${name} 应为 ${min}–${max} 之间的整数（${unit.zh}）：${v}`, `--${name} must be a whole number of ${unit.en} from ${min} to ${max}: ${v}`));
  return fallback;
};

/**
 * An iCalendar DTSTAMP: the basic UTC form `20250101T000000Z`, or the RFC 3339 UTC form that
 * `new Date().toISOString()` gives (`2025-01-01T00:00:00Z`, fractions allowed), as a real moment.
 */
export const dtstampValue = (problems: Text[], args: Args, name = "dtstamp"): string | undefined => {
  const v = args.string(name);
  if (v === undefined) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/.exec(v);
  const [, y, mo, d, h, mi, s] = m ?? [];
  if (m !== null && isIsoDate(`${y}-${mo}-${d}`) && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60) return `${y}${mo}${d}T${h}${mi}${s}Z`;
  problems.push(text(`--${name} 应为 UTC 时刻，如 20250101T000000Z 或 2025-01-01T00:00:00Z：${v}`, `--${name} must be a UTC time such as 20250101T000000Z or 2025-01-01T00:00:00Z: ${v}`));
  return undefined;
};
