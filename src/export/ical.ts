import { addDays, type IsoDate } from "../model/dates.js";
import { FazhiError } from "../model/diagnostic.js";
import type { Occurrence } from "../model/schedule.js";

/**
 * {@link scheduleToICalendar} 的选项。Options of {@link scheduleToICalendar}.
 * @category Export
 * @example
 * const options: ICalendarOptions = { dtstamp: "20240101T000000Z", calendarName: "武陟县2024年法治政府建设" };
 */
export interface ICalendarOptions {
  /**
   * 生成时间戳（RFC 5545 的 DTSTAMP，UTC，如 `20240101T000000Z`），必须给出：库中不读时钟。也可给 `YYYY-MM-DD`。
   * The DTSTAMP (UTC, like `20240101T000000Z`; a `YYYY-MM-DD` date also works). Required: the
   * library never reads the clock.
   */
  readonly dtstamp: string;
  /** 日历名称（X-WR-CALNAME）。The calendar's name. */
  readonly calendarName?: string;
  /** 每个时间节点的标题；默认“任务N：动作”。The summary of each occurrence (default 任务N：action). */
  readonly summary?: (o: Occurrence) => string;
  /** UID 的域名部分（默认 `fazhi`）。The domain part of the UIDs (default `fazhi`). */
  readonly uidDomain?: string;
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
const escapeText = (s: string): string => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");

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
  const stamp = /^\d{4}-\d{2}-\d{2}$/.test(options.dtstamp) ? `${options.dtstamp.replace(/-/g, "")}T000000Z` : options.dtstamp;
  if (!/^\d{8}T\d{6}Z$/.test(stamp)) {
    throw new FazhiError("invalid_argument", `scheduleToICalendar：dtstamp 应为 YYYYMMDDTHHMMSSZ 或 YYYY-MM-DD：${options.dtstamp}`, `scheduleToICalendar: dtstamp must be YYYYMMDDTHHMMSSZ or YYYY-MM-DD: ${options.dtstamp}`);
  }
  const domain = options.uidDomain ?? "fazhi";
  const summary = options.summary ?? ((o: Occurrence) => `任务${o.taskNo}：${o.action}`);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fazhi//法治政府建设工作安排//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (options.calendarName !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const o of occurrences) {
    if (o.due === undefined) continue;
    const common = [`UID:${o.id}@${domain}`, `DTSTAMP:${stamp}`, `SUMMARY:${escapeText(summary(o))}`, `DESCRIPTION:${escapeText(`${o.label}${o.count > 1 ? `，至少${o.count}次` : ""}\n${o.action}`)}`, `CATEGORIES:${escapeText(`任务${o.taskNo}`)}`];
    if (o.kind === "window" && o.window !== undefined) {
      lines.push("BEGIN:VEVENT", ...common, `DTSTART;VALUE=DATE:${basic(o.window.from)}`, `DTEND;VALUE=DATE:${basic(addDays(o.window.to, 1))}`, "TRANSP:TRANSPARENT", "END:VEVENT");
    } else {
      lines.push("BEGIN:VTODO", ...common, ...(o.window !== undefined ? [`DTSTART;VALUE=DATE:${basic(o.window.from)}`] : []), `DUE;VALUE=DATE:${basic(o.due)}`, "END:VTODO");
    }
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
};
