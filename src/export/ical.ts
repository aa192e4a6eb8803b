import * as z from "zod";
import { type IsoDate, addDays, differenceInDays, isIsoDate } from "../model/dates.js";
import { FazhiError } from "../model/diagnostic.js";
import { argument, badArgument, shown } from "../model/guard.js";
import { Occurrence } from "../model/schedule.js";

const Occurrences = z.array(Occurrence);
/** The shape of the options (dtstamp and uidDomain have their own checks below, with their own messages). */
const ICalendarOptionsSchema = z.strictObject({
  dtstamp: z.unknown().optional(),
  calendarName: z.string().optional(),
  summary: z.custom<(o: Occurrence) => string>((v) => typeof v === "function", "应为函数 / must be a function").optional(),
  uidDomain: z.unknown().optional(),
});

/**
 * {@link scheduleToICalendar} 的选项。Options of {@link scheduleToICalendar}.
 * @category Export
 * @example
 * const options: ICalendarOptions = { dtstamp: "20240101T000000Z", calendarName: "武陟县2024年法治政府建设" };
 */
export interface ICalendarOptions {
  /**
   * 生成时间戳（RFC 5545 的 DTSTAMP），必须给出：库中不读时钟。可写作 `20240101T000000Z`、
   * `new Date().toISOString()` 给出的 RFC 3339 形式（`2024-01-01T00:00:00.000Z`，带时差的如 `+08:00` 换算为 UTC）
   * 或 `YYYY-MM-DD`（当天 0 时 UTC）。
   * The DTSTAMP. Required: the library never reads the clock. Written as `20240101T000000Z`, as the
   * RFC 3339 form `new Date().toISOString()` gives (`2024-01-01T00:00:00.000Z`; an offset such as
   * `+08:00` is converted to UTC), or as `YYYY-MM-DD` (midnight UTC).
   */
  readonly dtstamp: string;
  /** 日历名称（X-WR-CALNAME）。The calendar's name. */
  readonly calendarName?: string;
  /** 每个时间节点的标题；默认“任务N：动作”。The summary of each occurrence (default 任务N：action). */
  readonly summary?: (o: Occurrence) => string;
  /** UID 的域名部分（默认 `fazhi`）。The domain part of the UIDs (default `fazhi`). */
  readonly uidDomain?: string;
}

/** Controls TEXT may not hold (RFC 5545 §3.3.11: CONTROL is %x00-08 / %x0A-1F / %x7F; the tab is allowed). */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** TEXT value escaping (RFC 5545 §3.3.11): line breaks become \n, other controls are dropped. */
const escapeText = (s: string): string =>
  s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n").replace(CONTROLS, "");

/** A UID's domain part: printable ASCII without spaces, so that it cannot end the line or the property. */
const UID_DOMAIN = /^[\x21-\x7e]{1,255}$/;

const encoder = new TextEncoder();
/** Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
const fold = (line: string): string => {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
};

const basic = (d: IsoDate): string => d.replace(/-/g, "");

const BASIC_STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const RFC3339_STAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DATE_STAMP = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The DTSTAMP in UTC basic form, or undefined when `value` is none of the accepted forms. */
const utcStamp = (value: unknown): string | undefined => {
  if (typeof value !== "string") return undefined;
  const m = BASIC_STAMP.exec(value) ?? RFC3339_STAMP.exec(value) ?? DATE_STAMP.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h = "00", mi = "00", sec = "00", , sign, oh = "00", om = "00"] = m;
  const date = `${y}-${mo}-${d}`;
  if (!isIsoDate(date) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60 || Number(oh) > 23 || Number(om) > 59) return undefined;
  const offset = sign === undefined ? 0 : (sign === "+" ? 1 : -1) * (Number(oh) * 60 + Number(om));
  const minutes = Number(h) * 60 + Number(mi) - offset;
  const dayShift = Math.floor(minutes / 1440);
  const inDay = minutes - dayShift * 1440;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${basic(addDays(date, dayShift))}T${pad(Math.floor(inDay / 60))}${pad(inDay % 60)}${sec}Z`;
};

const LAST_DAY = "9999-12-31";

/**
 * 把时间节点导出为 iCalendar（RFC 5545）文本：截止型、周期型、数量型、持续型为带 `DUE;VALUE=DATE` 的 VTODO；
 * 时段型为全天 VEVENT（`DTEND` 为结束日的次日，不含）；“及时”类没有日期，不导出。UID 稳定（时间节点编号），
 * DTSTAMP 来自选项；文字按规范转义，行按 75 字节折行，中文完整。
 *
 * Export occurrences as iCalendar text: deadlines, recurring items, quotas and ongoing
 * checkpoints as VTODOs with `DUE;VALUE=DATE`; windows as all-day VEVENTs with an exclusive
 * DTEND; undated on-event items are left out. Stable UIDs (the occurrence id), DTSTAMP from the
 * options, escaped text, lines folded at 75 octets, Chinese text intact.
 *
 * @category Export
 * @example
 * const ics = scheduleToICalendar(occurrences, { dtstamp: "20240101T000000Z" });
 * ics.startsWith("BEGIN:VCALENDAR\r\n");
 * //=> true
 */
export const scheduleToICalendar = (occurrences: readonly Occurrence[], options: ICalendarOptions): string => {
  argument("scheduleToICalendar", "occurrences", Occurrences, occurrences);
  argument("scheduleToICalendar", "options", ICalendarOptionsSchema, options ?? {});
  const given = (options as Partial<ICalendarOptions> | null | undefined)?.dtstamp;
  const stamp = utcStamp(given);
  if (stamp === undefined) {
    throw new FazhiError(
      "invalid_argument",
      `scheduleToICalendar：需要选项 dtstamp（如 20240101T000000Z、2024-01-01T00:00:00Z 或 2024-01-01），收到：${shown(given)}`,
      `scheduleToICalendar: the dtstamp option is required (like 20240101T000000Z, 2024-01-01T00:00:00Z or 2024-01-01); got: ${shown(given)}`,
    );
  }
  const domain = options.uidDomain ?? "fazhi";
  if (typeof domain !== "string" || !UID_DOMAIN.test(domain)) {
    throw new FazhiError("invalid_argument", `scheduleToICalendar：uidDomain 只能使用可见的 ASCII 字符：${shown(domain)}`, `scheduleToICalendar: uidDomain must be visible ASCII characters: ${shown(domain)}`);
  }
  const summary = (o: Occurrence): string => {
    const text = options.summary === undefined ? `任务${o.taskNo}：${o.action}` : options.summary(o);
    if (typeof text !== "string") throw badArgument("scheduleToICalendar", "options.summary", "应返回字符串", "must return a string");
    return text;
  };
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fazhi//法治政府建设工作安排//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (options.calendarName !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const o of occurrences) {
    if (o.due === undefined) continue;
    const common = [`UID:${o.id}@${domain}`, `DTSTAMP:${stamp}`, `SUMMARY:${escapeText(summary(o))}`, `DESCRIPTION:${escapeText(`${o.label}${o.count > 1 ? `，至少${o.count}次` : ""}\n${o.action}`)}`, `CATEGORIES:${escapeText(`任务${o.taskNo}`)}`];
    if (o.kind === "window" && o.window !== undefined) {
      // The exclusive end of a window ending 9999-12-31 has no four-digit year: say DURATION instead.
      const end = o.window.to === LAST_DAY ? `DURATION:P${differenceInDays(o.window.to, o.window.from) + 1}D` : `DTEND;VALUE=DATE:${basic(addDays(o.window.to, 1))}`;
      lines.push("BEGIN:VEVENT", ...common, `DTSTART;VALUE=DATE:${basic(o.window.from)}`, end, "TRANSP:TRANSPARENT", "END:VEVENT");
    } else {
      lines.push("BEGIN:VTODO", ...common, ...(o.window !== undefined ? [`DTSTART;VALUE=DATE:${basic(o.window.from)}`] : []), `DUE;VALUE=DATE:${basic(o.due)}`, "END:VTODO");
    }
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
};
