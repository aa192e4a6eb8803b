import * as z from "zod";
import { FazhiError } from "./diagnostic.js";
import { badArgument, optionsOf, shown } from "./guard.js";

/**
 * 公历日期 `YYYY-MM-DD`，只接受真实存在的日期（`2024-02-30` 不合法）。不含时间和时区。
 * A calendar day as `YYYY-MM-DD`; only real dates (2024-02-30 is rejected). No time, no zone.
 *
 * 与所有模型一样，`IsoDate` 是 zod 模式：`IsoDate.parse` 遇到不合法的日期抛出 zod 的 `ZodError`（不是
 * {@link FazhiError}）；不抛出的检查用 {@link isIsoDate} 或 `IsoDate.safeParse`。库函数收到不合法的日期时抛出
 * `FazhiError`（code `invalid_argument`）。
 * Like every model, `IsoDate` is a zod schema: `IsoDate.parse` throws zod's `ZodError` (not a
 * `FazhiError`) on a bad date; check without throwing with {@link isIsoDate} or `IsoDate.safeParse`.
 * The library's functions throw a `FazhiError` (`invalid_argument`) when given a bad date.
 *
 * @category Dates
 * @example
 * IsoDate.safeParse("2024-02-29").success;
 * //=> true
 * IsoDate.safeParse("2023-02-29").success;
 * //=> false
 */
export const IsoDate = z.iso.date().brand<"IsoDate">().meta({
  id: "IsoDate",
  title: "日期",
  description: "A calendar date YYYY-MM-DD (a real date; no time, no time zone).",
});
/** @category Dates */
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * 判断一个值是否为合法的 `YYYY-MM-DD` 日期。Whether a value is a real calendar date string.
 *
 * @category Dates
 * @example
 * isIsoDate("2024-06-30");
 * //=> true
 * isIsoDate("2024-6-30");
 * //=> false
 */
export const isIsoDate = (value: unknown): value is IsoDate => dayNumberOf(value) !== undefined;

/** 0000-01-01 and 9999-12-31 as day numbers: the range every IsoDate lies in. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/** Days before each month in a common year (index 1–12). */
const DAYS_BEFORE = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The day number (days since 1970-01-01) of a real `YYYY-MM-DD` date, or undefined: the one
 * check every public date function makes, by hand (a schema parse per stepped day was the cost).
 * Agrees with the `IsoDate` schema (a property test holds it to that).
 */
export const dayNumberOf = (value: unknown): number | undefined => {
  if (typeof value !== "string" || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const y0 = value.charCodeAt(0) - 48;
  const y1 = value.charCodeAt(1) - 48;
  const y2 = value.charCodeAt(2) - 48;
  const y3 = value.charCodeAt(3) - 48;
  const m0 = value.charCodeAt(5) - 48;
  const m1 = value.charCodeAt(6) - 48;
  const d0 = value.charCodeAt(8) - 48;
  const d1 = value.charCodeAt(9) - 48;
  // Each is a digit exactly when it is an unsigned value ≤ 9.
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = isLeap(year);
  if (day > (month === 2 ? (leap ? 29 : 28) : (DAYS_BEFORE[month + 1] ?? 365) - (DAYS_BEFORE[month] as number))) return undefined;
  // Days from 1970-01-01: whole years (with their leap days), then the days before the month.
  const y = year - 1;
  // Leap days from 1970 to the start of `year` (negative before 1970): those of 1…year-1 less the 477 of 1…1969.
  const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477;
  return (year - 1970) * 365 + leapDays + (DAYS_BEFORE[month] as number) + (leap && month > 2 ? 1 : 0) + day - 1;
};

/** The day number of a date argument, or a FazhiError naming the function. */
export const toDayNumber = (date: IsoDate, fn: string): number => {
  const day = dayNumberOf(date);
  if (day === undefined) throw new FazhiError("invalid_argument", `${fn}：日期格式不正确：${shown(date)}`, `${fn}: not a YYYY-MM-DD date: ${shown(date)}`);
  return day;
};

const check = (date: IsoDate, fn: string): void => {
  toDayNumber(date, fn);
};

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** The year of a day number. */
export const yearOfDayNumber = (day: number): number => civilFromDays(day)[0];

/** The date of a day number (H. Hinnant's civil_from_days, no Date, no zone); out_of_range outside 0000–9999. */
export const fromDayNumber = (day: number, fn: string): IsoDate => {
  if (!(day >= FIRST_DAY && day <= LAST_DAY)) {
    throw new FazhiError("out_of_range", `${fn}：结果超出 0000–9999 年`, `${fn}: result is outside the years 0000-9999`);
  }
  const [y, m, d] = civilFromDays(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as IsoDate;
};

const civilFromDays = (day: number): [number, number, number] => {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
};

/** ISO day of week of a day number: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export const weekdayOfDayNumber = (day: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 => ((((day + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * 由年、月、日构造日期。Build a date from year, month (1–12) and day.
 *
 * `overflow: "reject"`（默认）遇到不存在的日期时抛出 {@link FazhiError}；`"constrain"` 则取该月最后一天。
 * With `overflow: "reject"` (the default) a day that does not exist throws; `"constrain"` clamps
 * to the last day of the month, like Temporal.
 *
 * @category Dates
 * @example
 * isoDate(2024, 2, 30, { overflow: "constrain" });
 * //=> "2024-02-29"
 */
export const isoDate = (year: number, month: number, day: number, options: { overflow?: "constrain" | "reject" } = {}): IsoDate => {
  const overflow = overflowOf("isoDate", options);
  const ok = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1;
  if (!ok) {
    throw new FazhiError("invalid_argument", `isoDate：年月日不正确：${shown(year)}-${shown(month)}-${shown(day)}`, `isoDate: bad year/month/day: ${shown(year)}-${shown(month)}-${shown(day)}`);
  }
  const last = daysInMonth(year, month);
  if (day > last && overflow !== "constrain") {
    throw new FazhiError("out_of_range", `isoDate：${year}年${month}月没有${day}日`, `isoDate: ${year}-${month} has no day ${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(day, last), 2)}` as IsoDate;
};

/**
 * 某年某月的天数。The number of days in a month.
 *
 * @category Dates
 * @example
 * daysInMonth(2024, 2);
 * //=> 29
 */
export const daysInMonth = (year: number, month: number): number => {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new FazhiError("invalid_argument", `daysInMonth：年月不正确：${shown(year)}-${shown(month)}`, `daysInMonth: bad year/month: ${shown(year)}-${shown(month)}`);
  }
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

/** The overflow option of isoDate and addMonths, checked. */
const overflowOf = (fn: string, given: { overflow?: "constrain" | "reject" } | undefined): "constrain" | "reject" | undefined => {
  const { overflow } = optionsOf(fn, given);
  if (overflow !== undefined && overflow !== "constrain" && overflow !== "reject") throw badArgument(fn, "options.overflow", "应为 \"constrain\" 或 \"reject\"", 'must be "constrain" or "reject"');
  return overflow;
};

/**
 * 比较两个日期：前者早返回 -1，相同返回 0，晚返回 1。适合 `Array.prototype.sort`。
 * Compare two dates: -1, 0 or 1. Use it to sort.
 *
 * @category Dates
 * @example
 * ["2024-06-30", "2024-01-15"].sort(compareIsoDate);
 * //=> ["2024-01-15", "2024-06-30"]
 */
export const compareIsoDate = (a: IsoDate | string, b: IsoDate | string): -1 | 0 | 1 => {
  if (typeof a !== "string" || typeof b !== "string") throw badArgument("compareIsoDate", typeof a !== "string" ? "a" : "b", "应为日期字符串", "must be a date string");
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * 加（减）若干天。Add (or subtract) days.
 *
 * @category Dates
 * @example
 * addDays("2024-02-28" as IsoDate, 2);
 * //=> "2024-03-01"
 */
export const addDays = (date: IsoDate, days: number): IsoDate => {
  if (!Number.isInteger(days)) throw new FazhiError("invalid_argument", "addDays：天数必须为整数", "addDays: days must be an integer");
  return fromDayNumber(toDayNumber(date, "addDays") + days, "addDays");
};

/**
 * 加（减）若干月。Add (or subtract) months.
 *
 * 月底溢出的处理：`"constrain"`（默认）取目标月最后一天，`"reject"` 抛出 {@link FazhiError}。
 * When the day does not exist in the target month, `"constrain"` (the default) clamps to its last
 * day and `"reject"` throws.
 *
 * @category Dates
 * @example
 * addMonths("2024-01-31" as IsoDate, 1);
 * //=> "2024-02-29"
 */
export const addMonths = (date: IsoDate, months: number, options: { overflow?: "constrain" | "reject" } = {}): IsoDate => {
  const overflow = overflowOf("addMonths", options);
  if (!Number.isInteger(months)) throw new FazhiError("invalid_argument", "addMonths：月数必须为整数", "addMonths: months must be an integer");
  check(date, "addMonths");
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 0 || year > 9999) throw new FazhiError("out_of_range", "addMonths：结果超出 0000–9999 年", "addMonths: result is outside the years 0000-9999");
  const day = Number(date.slice(8, 10));
  if (overflow === "reject" && day > daysInMonth(year, month)) {
    throw new FazhiError("out_of_range", `addMonths：${date} 加 ${months} 个月后日期不存在`, `addMonths: ${date} plus ${months} months does not exist`);
  }
  return isoDate(year, month, day, { overflow: "constrain" });
};

/**
 * 两个日期相差的天数（`later - earlier`）。Whole days from `earlier` to `later`.
 *
 * @category Dates
 * @example
 * differenceInDays("2024-03-01" as IsoDate, "2024-02-01" as IsoDate);
 * //=> 29
 */
export const differenceInDays = (later: IsoDate, earlier: IsoDate): number =>
  toDayNumber(later, "differenceInDays") - toDayNumber(earlier, "differenceInDays");

/**
 * 星期几，ISO 规则：周一为 1，周日为 7。ISO day of week: Monday 1 … Sunday 7.
 *
 * @category Dates
 * @example
 * dayOfWeek("2024-02-04" as IsoDate);
 * //=> 7
 */
export const dayOfWeek = (date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 => weekdayOfDayNumber(toDayNumber(date, "dayOfWeek"));

/**
 * 日期所在的季度（1–4）。The quarter (1–4) of a date.
 *
 * @category Dates
 * @example
 * quarterOf("2024-05-20" as IsoDate);
 * //=> 2
 */
export const quarterOf = (date: IsoDate): 1 | 2 | 3 | 4 => {
  check(date, "quarterOf");
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
};

const boundary = (fn: string, date: IsoDate, startMonth: (m: number) => number, months: number, end: boolean): IsoDate => {
  check(date, fn);
  const y = Number(date.slice(0, 4));
  const first = startMonth(Number(date.slice(5, 7)));
  if (!end) return isoDate(y, first, 1);
  const lastMonth = first + months - 1;
  return isoDate(y, lastMonth, daysInMonth(y, lastMonth));
};

const monthStart = (m: number) => m;
const quarterStart = (m: number) => Math.floor((m - 1) / 3) * 3 + 1;
const halfStart = (m: number) => (m <= 6 ? 1 : 7);
const yearStart = () => 1;

/**
 * 当月第一天。First day of the month.
 * @category Dates
 * @example
 * startOfMonth("2024-02-14" as IsoDate);
 * //=> "2024-02-01"
 */
export const startOfMonth = (date: IsoDate): IsoDate => boundary("startOfMonth", date, monthStart, 1, false);
/**
 * 当月最后一天。Last day of the month.
 * @category Dates
 * @example
 * endOfMonth("2024-02-14" as IsoDate);
 * //=> "2024-02-29"
 */
export const endOfMonth = (date: IsoDate): IsoDate => boundary("endOfMonth", date, monthStart, 1, true);
/**
 * 当季第一天。First day of the quarter.
 * @category Dates
 * @example
 * startOfQuarter("2024-05-20" as IsoDate);
 * //=> "2024-04-01"
 */
export const startOfQuarter = (date: IsoDate): IsoDate => boundary("startOfQuarter", date, quarterStart, 3, false);
/**
 * 当季最后一天。Last day of the quarter.
 * @category Dates
 * @example
 * endOfQuarter("2024-05-20" as IsoDate);
 * //=> "2024-06-30"
 */
export const endOfQuarter = (date: IsoDate): IsoDate => boundary("endOfQuarter", date, quarterStart, 3, true);
/**
 * 所在半年的第一天（1月1日或7月1日）。First day of the half-year.
 * @category Dates
 * @example
 * startOfHalfYear("2024-08-08" as IsoDate);
 * //=> "2024-07-01"
 */
export const startOfHalfYear = (date: IsoDate): IsoDate => boundary("startOfHalfYear", date, halfStart, 6, false);
/**
 * 所在半年的最后一天（6月30日或12月31日）。Last day of the half-year.
 * @category Dates
 * @example
 * endOfHalfYear("2024-03-08" as IsoDate);
 * //=> "2024-06-30"
 */
export const endOfHalfYear = (date: IsoDate): IsoDate => boundary("endOfHalfYear", date, halfStart, 6, true);
/**
 * 当年1月1日。First day of the year.
 * @category Dates
 * @example
 * startOfYear("2024-08-08" as IsoDate);
 * //=> "2024-01-01"
 */
export const startOfYear = (date: IsoDate): IsoDate => boundary("startOfYear", date, yearStart, 12, false);
/**
 * 当年12月31日。Last day of the year.
 * @category Dates
 * @example
 * endOfYear("2024-08-08" as IsoDate);
 * //=> "2024-12-31"
 */
export const endOfYear = (date: IsoDate): IsoDate => boundary("endOfYear", date, yearStart, 12, true);
