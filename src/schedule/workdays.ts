import { WorkdayCalendar } from "../model/calendar.js";
import { type IsoDate, fromDayNumber, isoDate, toDayNumber, weekdayOfDayNumber, yearOfDayNumber } from "../model/dates.js";
import { FazhiError } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import { argument, badArgument } from "../model/guard.js";
import { HOLIDAYS_CN } from "./holidays-cn.data.js";

let builtIn: WorkdayCalendar | undefined;

/**
 * 内置的中国工作日历（国务院办公厅放假通知，2020–2026年；来源于 holiday-cn 项目，MIT 许可）。
 * 尚未发布通知的年份（如2027年）不在覆盖范围内。
 * The built-in calendar of China's public holidays and make-up workdays (State Council notices,
 * 2020–2026, from the holiday-cn data, MIT licence). Years without a published notice (2027)
 * are not covered.
 *
 * @category Workdays
 * @example
 * chinaWorkdayCalendar().years.map((y) => y.year);
 * //=> [2020, 2021, 2022, 2023, 2024, 2025, 2026]
 */
export const chinaWorkdayCalendar = (): WorkdayCalendar => {
  builtIn ??= deepFreeze(WorkdayCalendar.parse(HOLIDAYS_CN));
  return builtIn;
};

/**
 * A calendar as a table of its covered days, from the first covered day to the last: WORK, REST,
 * or NOT_COVERED (a year between covered ones that the calendar does not cover).
 */
interface Lookup {
  readonly years: readonly number[];
  readonly first: number;
  readonly days: Uint8Array;
}
const REST = 0;
const WORK = 1;
const NOT_COVERED = 2;

const lookups = new WeakMap<WorkdayCalendar, Lookup>();
let last: { readonly cal: WorkdayCalendar; readonly lookup: Lookup } | undefined;
const lookupOf = (cal: WorkdayCalendar): Lookup => {
  if (last !== undefined && last.cal === cal) return last.lookup; // the common case: one calendar, many calls
  let l = lookups.get(cal);
  if (l === undefined) {
    argument("workdays", "calendar", WorkdayCalendar, cal);
    l = tableOf(cal);
    lookups.set(cal, l);
  }
  last = { cal, lookup: l };
  return l;
};

const tableOf = (cal: WorkdayCalendar): Lookup => {
  const years = [...new Set(cal.years.map((y) => y.year))].sort((a, b) => a - b);
  if (years.length === 0) return { years, first: 0, days: new Uint8Array(0) };
  const dayOf = (d: IsoDate) => toDayNumber(d, "workdays");
  const first = dayOf(isoDate(years[0] as number, 1, 1));
  const days = new Uint8Array(dayOf(isoDate(years.at(-1) as number, 12, 31)) - first + 1).fill(NOT_COVERED);
  for (const y of years) {
    const to = dayOf(isoDate(y, 12, 31));
    for (let d = dayOf(isoDate(y, 1, 1)); d <= to; d++) days[d - first] = weekdayOfDayNumber(d) <= 5 ? WORK : REST;
  }
  // Changed days in covered years only; make-up workdays win over rest days (a day listed as both is a workday).
  const mark = (d: IsoDate, kind: number) => {
    const i = dayOf(d) - first;
    if (i >= 0 && i < days.length && days[i] !== NOT_COVERED) days[i] = kind;
  };
  for (const y of cal.years) for (const d of y.restDays) mark(d.date, REST);
  for (const y of cal.years) for (const d of y.workdays) mark(d.date, WORK);
  return { years, first, days };
};

/** WORK or REST for a covered day; NOT_COVERED outside the calendar. */
const kindOf = (l: Lookup, day: number): number => {
  const i = day - l.first;
  return i >= 0 && i < l.days.length ? (l.days[i] as number) : NOT_COVERED;
};

/**
 * 日历是否覆盖某日所在年度。Whether the calendar covers the year of a date.
 *
 * @category Workdays
 * @example
 * coversDate(chinaWorkdayCalendar(), IsoDate.parse("2027-01-04"));
 * //=> false
 */
export const coversDate = (cal: WorkdayCalendar, date: IsoDate): boolean => kindOf(lookupOf(cal), toDayNumber(date, "coversDate")) !== NOT_COVERED;

/** Whether a covered day is a workday; not_covered when the calendar does not cover its year. */
const workdayNumber = (l: Lookup, day: number, fn: string): boolean => {
  const kind = kindOf(l, day);
  if (kind === NOT_COVERED) notCovered(l, day, fn);
  return kind === WORK;
};

const notCovered = (l: Lookup, day: number, fn: string): never => {
  const year = yearOfDayNumber(day);
  throw new FazhiError("not_covered", `${fn}：工作日历不覆盖 ${year} 年（覆盖：${l.years.join("、")}），不做推测`, `${fn}: the calendar does not cover ${year} (it covers ${l.years.join(", ")}); no guessing`);
};

/**
 * 是否为工作日：调休上班日为工作日，法定节假日休息日不是，其余按周一至周五。日历不覆盖该年度时抛出
 * `FazhiError`（code `not_covered`），先用 {@link coversDate} 检查。
 * Whether a day is a workday: make-up workdays are, holiday rest days are not, other days follow
 * Monday–Friday. Throws a `FazhiError` with code `not_covered` outside the covered years.
 *
 * @category Workdays
 * @example
 * const cal = chinaWorkdayCalendar();
 * isWorkday(cal, IsoDate.parse("2024-02-04")); // a Sunday, a make-up workday
 * //=> true
 * isWorkday(cal, IsoDate.parse("2024-10-01"));
 * //=> false
 */
export const isWorkday = (cal: WorkdayCalendar, date: IsoDate): boolean => workdayNumber(lookupOf(cal), toDayNumber(date, "isWorkday"), "isWorkday");

/**
 * 下一个工作日（不含当天）。The first workday after a date.
 * @category Workdays
 * @example
 * nextWorkday(chinaWorkdayCalendar(), IsoDate.parse("2024-09-30"));
 * //=> "2024-10-08"
 */
export const nextWorkday = (cal: WorkdayCalendar, date: IsoDate): IsoDate => fromDayNumber(walk(lookupOf(cal), toDayNumber(date, "nextWorkday"), 1, "nextWorkday"), "nextWorkday");

/**
 * 上一个工作日（不含当天）。The last workday before a date.
 * @category Workdays
 * @example
 * previousWorkday(chinaWorkdayCalendar(), IsoDate.parse("2024-10-08"));
 * //=> "2024-09-30"
 */
export const previousWorkday = (cal: WorkdayCalendar, date: IsoDate): IsoDate =>
  fromDayNumber(walk(lookupOf(cal), toDayNumber(date, "previousWorkday"), -1, "previousWorkday"), "previousWorkday");

/**
 * The day number `steps` workdays from `day` (whose year must be covered), one integer day at a
 * time; every day passed must be covered too. A stretch of 400 days without a workday is refused.
 */
const walk = (l: Lookup, start: number, dir: 1 | -1, fn: string, steps = 1): number => {
  workdayNumber(l, start, fn); // the start must be covered
  let day = start;
  for (let k = 0; k < steps; k++) {
    let gap = 0;
    do {
      day += dir;
      if (++gap > 400) throw badArgument(fn, "calendar", "日历中连续400天没有工作日", "the calendar has no workday within 400 days");
    } while (!workdayNumber(l, day, fn));
  }
  return day;
};

/**
 * 加（减）若干个工作日：`n` 个工作日之后的那个工作日；`n = 0` 时返回当天（若为工作日）或下一个工作日。
 * Add (or subtract) workdays: the workday `n` workdays after `date`; with `n = 0`, the date itself
 * if it is a workday, else the next one.
 *
 * @category Workdays
 * @example
 * addWorkdays(chinaWorkdayCalendar(), IsoDate.parse("2024-09-27"), 2);
 * //=> "2024-09-30"
 */
export const addWorkdays = (cal: WorkdayCalendar, date: IsoDate, n: number): IsoDate => {
  if (!Number.isInteger(n)) throw new FazhiError("invalid_argument", "addWorkdays：天数必须为整数", "addWorkdays: n must be an integer");
  const l = lookupOf(cal);
  const day = toDayNumber(date, "addWorkdays");
  if (n === 0) return workdayNumber(l, day, "addWorkdays") ? date : fromDayNumber(walk(l, day, 1, "addWorkdays"), "addWorkdays");
  return fromDayNumber(walk(l, day, n > 0 ? 1 : -1, "addWorkdays", Math.abs(n)), "addWorkdays");
};

/**
 * 两个日期之间（含两端）的工作日数；`from` 晚于 `to` 时为 0。Workdays from `from` to `to`, both
 * included; 0 when `from` is after `to`.
 *
 * @category Workdays
 * @example
 * workdaysBetween(chinaWorkdayCalendar(), IsoDate.parse("2024-10-01"), IsoDate.parse("2024-10-12"));
 * //=> 5 (10-08 to 10-11, and Saturday 10-12, a make-up workday)
 */
export const workdaysBetween = (cal: WorkdayCalendar, from: IsoDate, to: IsoDate): number => {
  const l = lookupOf(cal);
  const first = toDayNumber(from, "workdaysBetween");
  const last = toDayNumber(to, "workdaysBetween");
  workdayNumber(l, first, "workdaysBetween"); // both ends must be covered, even when from is after to
  workdayNumber(l, last, "workdaysBetween");
  let n = 0;
  for (let day = first; day <= last; day++) if (workdayNumber(l, day, "workdaysBetween")) n += 1;
  return n;
};

/**
 * 截止日落在休息日时的处理：`keep` 不变，`next` 顺延到下一个工作日，`previous` 提前到上一个工作日。
 * What to do with a due date on a rest day.
 * @category Workdays
 * @example
 * const policy: RestDayPolicy = "next";
 */
export type RestDayPolicy = "keep" | "next" | "previous";

/**
 * 按规则调整落在休息日的日期。Move a date that falls on a rest day, by policy.
 *
 * @category Workdays
 * @example
 * adjustToWorkday(chinaWorkdayCalendar(), IsoDate.parse("2024-06-30"), "next"); // a Sunday
 * //=> "2024-07-01"
 */
export const adjustToWorkday = (cal: WorkdayCalendar, date: IsoDate, policy: RestDayPolicy): IsoDate => {
  if (policy !== "keep" && policy !== "next" && policy !== "previous") throw badArgument("adjustToWorkday", "policy", "应为 keep、next 或 previous", 'must be "keep", "next" or "previous"');
  if (policy === "keep") {
    lookupOf(cal);
    toDayNumber(date, "adjustToWorkday");
    return date;
  }
  if (isWorkday(cal, date)) return date;
  return policy === "next" ? nextWorkday(cal, date) : previousWorkday(cal, date);
};
