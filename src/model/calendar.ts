import * as z from "zod";
import { IsoDate } from "./dates.js";

/**
 * 一个调整日：法定节假日休息日，或调休上班日。A changed day: a holiday rest day or a make-up workday.
 * @category Workdays
 * @example
 * ChangedDay.parse({ date: "2024-02-04", name: "春节" });
 */
export const ChangedDay = z.strictObject({ date: IsoDate, name: z.string() }).meta({ id: "ChangedDay", title: "调整日" });
/** @category Workdays */
export type ChangedDay = z.infer<typeof ChangedDay>;

/**
 * 一个年度的放假安排：依据的通知网址、休息日（`restDays`）、调休上班日（`workdays`）。未列出的日期按周一至周五上班。
 * One year's arrangement: the notices it comes from, the rest days and the make-up workdays; other
 * days follow the usual rule (Monday–Friday work).
 *
 * @category Workdays
 * @example
 * CalendarYear.parse({ year: 2024, sources: ["https://www.gov.cn/…"], restDays: [], workdays: [{ date: "2024-02-04", name: "春节" }] });
 */
export const CalendarYear = z
  .strictObject({
    year: z.int().min(1949).max(2200),
    sources: z.array(z.string()).min(1),
    restDays: z.array(ChangedDay),
    workdays: z.array(ChangedDay),
  })
  .meta({ id: "CalendarYear", title: "年度放假安排" });
/** @category Workdays */
export type CalendarYear = z.infer<typeof CalendarYear>;

/**
 * 工作日历：可注入的数据，列出它覆盖的年度。覆盖范围之外的日期是错误，不做猜测。
 * An injectable workday calendar: the years it covers, each with its notices. A date outside
 * the covered years is an error, never a guess.
 *
 * @category Workdays
 * @example
 * const cal: WorkdayCalendar = chinaWorkdayCalendar();
 * cal.years.map((y) => y.year);
 */
export const WorkdayCalendar = z
  .strictObject({
    id: z.string().min(1),
    name: z.string(),
    source: z.string(),
    years: z.array(CalendarYear),
  })
  .meta({ id: "WorkdayCalendar", title: "工作日历" });
/** @category Workdays */
export type WorkdayCalendar = z.infer<typeof WorkdayCalendar>;
