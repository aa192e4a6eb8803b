import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { scheduleToICalendar } from "../../src/export/ical.js";
import { FazhiError } from "../../src/model/diagnostic.js";
import { seedContext } from "../support/context.js";
import { lazy } from "../support/lazy.js";
import { world } from "../support/small-world.js";

// The calendar is written inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
const { occurrences } = seedContext();
const ics = lazy(() => scheduleToICalendar(occurrences, { dtstamp: "20240101T000000Z", calendarName: "武陟县2024年度法治政府建设工作安排" }));

describe("scheduleToICalendar", () => {
  it("parses with ical.js and puts every dated occurrence on its day", () => {
    const cal = new ICAL.Component(ICAL.parse(ics()));
    const todos = cal.getAllSubcomponents("vtodo");
    const events = cal.getAllSubcomponents("vevent");
    const dated = occurrences.filter((o) => o.due !== undefined);
    expect(todos.length + events.length).toBe(dated.length);
    const byUid = new Map([...todos, ...events].map((c) => [c.getFirstPropertyValue("uid") as string, c]));
    for (const o of dated) {
      const c = byUid.get(`${o.id}@fazhi`)!;
      expect(c).toBeDefined();
      if (o.kind === "window") {
        const start = c.getFirstPropertyValue("dtstart") as ICAL.Time;
        const end = c.getFirstPropertyValue("dtend") as ICAL.Time;
        expect([start.isDate, start.toString(), end.toString()]).toEqual([true, o.window!.from, nextDay(o.window!.to)]);
      } else {
        const due = c.getFirstPropertyValue("due") as ICAL.Time;
        expect([due.isDate, due.toString()]).toEqual([true, o.due]);
      }
    }
  });

  it("keeps Chinese text intact through escaping and folding", () => {
    const cal = new ICAL.Component(ICAL.parse(ics()));
    const q = cal.getAllSubcomponents("vtodo").find((c) => c.getFirstPropertyValue("uid") === "wuzhi-2024.t23.r2.2024-Q1@fazhi")!;
    expect(q.getFirstPropertyValue("summary")).toBe("任务23：开展一次执法监督，并将监督情况予以通报");
    expect(q.getFirstPropertyValue("description")).toBe("2024年第1季度\n开展一次执法监督，并将监督情况予以通报");
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("武陟县2024年度法治政府建设工作安排");
  });

  it("folds lines at 75 octets, uses CRLF, and takes DTSTAMP from options", () => {
    const lines = ics().split("\r\n");
    expect(ics().includes("\n") && !/[^\r]\n/.test(ics())).toBe(true);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(lines.filter((l) => l.startsWith("DTSTAMP:")).every((l) => l === "DTSTAMP:20240101T000000Z")).toBe(true);
    expect(scheduleToICalendar(occurrences, { dtstamp: "20240101T000000Z" })).toBe(scheduleToICalendar(occurrences, { dtstamp: "2024-01-01" }));
    expect(() => scheduleToICalendar(occurrences, { dtstamp: "now" })).toThrow(FazhiError);
  });

  it("escapes commas, semicolons and backslashes", () => {
    const one = [{ ...occurrences[0]!, action: "a,b;c\\d" }];
    const text = scheduleToICalendar(one, { dtstamp: "2024-01-01" });
    expect(text).toContain("a\\,b\\;c\\\\d");
    const parsed = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents()[0]!;
    expect(parsed.getFirstPropertyValue("summary")).toContain("a,b;c\\d");
  });
});

const nextDay = (d: string) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + 1)).toISOString().slice(0, 10);

describe("scheduleToICalendar options and odd dates", () => {
  const one = [occurrences.find((o) => o.due !== undefined)!];

  it("without options, or without dtstamp, throws a coded FazhiError (the library never reads the clock)", () => {
    for (const options of [undefined, {}, null, { dtstamp: 20240101 }]) {
      try {
        scheduleToICalendar(one, options as never);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(FazhiError);
        expect((e as FazhiError).code).toBe("invalid_argument");
      }
    }
  });

  it("takes the RFC 3339 form new Date().toISOString() gives, and offsets, as UTC", () => {
    const stamp = (dtstamp: string) => scheduleToICalendar(one, { dtstamp }).split("\r\n").find((l) => l.startsWith("DTSTAMP:"));
    expect(stamp("2024-01-01T00:00:00Z")).toBe("DTSTAMP:20240101T000000Z");
    expect(stamp("2024-01-01T00:00:00.000Z")).toBe("DTSTAMP:20240101T000000Z");
    expect(stamp("2024-03-01T07:30:05+08:00")).toBe("DTSTAMP:20240229T233005Z");
    expect(stamp("2023-12-31T20:00:00-05:00")).toBe("DTSTAMP:20240101T010000Z");
    for (const bad of ["20241399T000000Z", "2024-02-30", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00", "2024-01-01 00:00:00Z"]) {
      expect(() => scheduleToICalendar(one, { dtstamp: bad })).toThrow(FazhiError);
    }
  });

  it("writes a window that ends on 9999-12-31 (whose exclusive end iCalendar cannot write) with a DURATION", () => {
    const w = { ...occurrences.find((o) => o.kind === "window")!, window: { from: "9999-12-01", to: "9999-12-31" }, due: "9999-12-31" } as (typeof occurrences)[number];
    const text = scheduleToICalendar([w], { dtstamp: "2024-01-01" });
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    expect((event.getFirstPropertyValue("dtstart") as ICAL.Time).toString()).toBe("9999-12-01");
    expect(event.getFirstPropertyValue("duration")!.toString()).toBe("P31D");
    expect(text).not.toContain("DTEND");
  });
});

describe("scheduleToICalendar and control characters", () => {
  it("keeps C0 controls and DEL out of TEXT values (RFC 5545 §3.3.11), keeps the tab", () => {
    const dirty = [{ ...occurrences.find((o) => o.due !== undefined)!, action: "开展\u0000一次\u0001执法\u0007监督\u001b[31m\u007f\t完" }];
    const text = scheduleToICalendar(dirty, { dtstamp: "2024-01-01", calendarName: "日历\u0000名\u000b称", summary: () => "任务\u0008一" });
    expect(text.replace(/\r\n/g, "").match(/[\u0000-\u0008\u000a-\u001f\u007f]/g)).toBeNull();
    const cal = new ICAL.Component(ICAL.parse(text));
    const todo = cal.getAllSubcomponents()[0]!;
    expect(todo.getFirstPropertyValue("summary")).toBe("任务一");
    expect(todo.getFirstPropertyValue("description")).toContain("开展一次执法监督[31m\t完");
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("日历名称");
  });

  it("refuses a uidDomain that would break the line structure", () => {
    const one = [occurrences.find((o) => o.due !== undefined)!];
    expect(() => scheduleToICalendar(one, { dtstamp: "2024-01-01", uidDomain: "x\r\nBEGIN:VEVENT" })).toThrow(FazhiError);
    expect(scheduleToICalendar(one, { dtstamp: "2024-01-01", uidDomain: "county.example" })).toContain("@county.example");
  });
});

describe("scheduleToICalendar, line by line (expected text written by hand)", () => {
  // test/support/small-world.ts: task 1 quarterly, task 2 two lectures a year.
  const occ = (id: string) => world().occurrences.find((o) => o.id === id)!;

  it("a to-do per dated item (with its window's start), an all-day event per window, nothing for an undated item", () => {
    const q1 = occ("test-2024.t01.r1.2024-Q1");
    const window = { ...q1, id: "test-2024.t01.r1.2024-09", kind: "window", label: "9月份", window: { from: "2024-09-01", to: "2024-09-30" }, due: "2024-09-30" } as typeof q1;
    const onEvent = { ...q1, id: "test-2024.t01.r1.2024-event", kind: "on_event", window: undefined, due: undefined } as typeof q1;
    const text = scheduleToICalendar([q1, occ("test-2024.t02.r1.2024"), window, onEvent], { dtstamp: "2024-01-01", calendarName: "测试县" });
    expect(text).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//fazhi//法治政府建设工作安排//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:测试县",
        "BEGIN:VTODO",
        "UID:test-2024.t01.r1.2024-Q1@fazhi",
        "DTSTAMP:20240101T000000Z",
        "SUMMARY:任务1：开展一次执法监督",
        "DESCRIPTION:2024年第1季度\\n开展一次执法监督",
        "CATEGORIES:任务1",
        "DTSTART;VALUE=DATE:20240101",
        "DUE;VALUE=DATE:20240331",
        "END:VTODO",
        "BEGIN:VTODO",
        "UID:test-2024.t02.r1.2024@fazhi",
        "DTSTAMP:20240101T000000Z",
        "SUMMARY:任务2：举办两期以上专题讲座",
        "DESCRIPTION:2024年，至少2次\\n举办两期以上专题讲座",
        "CATEGORIES:任务2",
        "DTSTART;VALUE=DATE:20240101",
        "DUE;VALUE=DATE:20241231",
        "END:VTODO",
        "BEGIN:VEVENT",
        "UID:test-2024.t01.r1.2024-09@fazhi",
        "DTSTAMP:20240101T000000Z",
        "SUMMARY:任务1：开展一次执法监督",
        "DESCRIPTION:9月份\\n开展一次执法监督",
        "CATEGORIES:任务1",
        "DTSTART;VALUE=DATE:20240901",
        "DTEND;VALUE=DATE:20241001",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
    expect(scheduleToICalendar([q1], { dtstamp: "2024-01-01" })).not.toContain("X-WR-CALNAME");
    const dated = { ...q1, window: undefined };
    expect(scheduleToICalendar([dated], { dtstamp: "2024-01-01" })).not.toContain("DTSTART");
  });

  it("folds at exactly 75 octets, continuation lines at 74 after their space, never inside a character", () => {
    const q1 = occ("test-2024.t01.r1.2024-Q1");
    const summaryLines = (s: string) => {
      const text = scheduleToICalendar([q1], { dtstamp: "2024-01-01", summary: () => s });
      const start = text.indexOf("SUMMARY:");
      return text.slice(start, text.indexOf("\r\nDESCRIPTION:")).split("\r\n");
    };
    const a = (n: number) => "A".repeat(n);
    expect(summaryLines(a(67))).toEqual([`SUMMARY:${a(67)}`]); // 75 octets: one line
    expect(summaryLines(a(68))).toEqual([`SUMMARY:${a(67)}`, " A"]);
    expect(summaryLines(a(67 + 74 + 1))).toEqual([`SUMMARY:${a(67)}`, ` ${a(74)}`, " A"]);
    expect(summaryLines(`${a(66)}中`)).toEqual([`SUMMARY:${a(66)}`, " 中"]); // 74 + 3 octets would be 77
    expect(summaryLines(`${a(64)}中`)).toEqual([`SUMMARY:${a(64)}中`]); // 72 + 3 = 75
  });

  it("escapes every line break form as \\n, and drops the other controls", () => {
    const q1 = occ("test-2024.t01.r1.2024-Q1");
    const text = scheduleToICalendar([{ ...q1, action: "甲\r\n乙\r丙\n丁\u000b戊\u000c己\u000e庚\u001f辛" }], { dtstamp: "2024-01-01" });
    expect(text).toContain("SUMMARY:任务1：甲\\n乙\\n丙\\n丁戊己庚辛\r\n");
  });

  it("reads the stamp's hours, minutes, seconds (60 for a leap second) and offset, and refuses each out of range", () => {
    const q1 = occ("test-2024.t01.r1.2024-Q1");
    const stamp = (dtstamp: string) => /DTSTAMP:(\S+)/.exec(scheduleToICalendar([q1], { dtstamp }))?.[1];
    expect(stamp("2024-06-30T23:59:60Z")).toBe("20240630T235960Z");
    expect(stamp("2024-06-30t12:34:56z")).toBe("20240630T123456Z");
    expect(stamp("2024-06-30T12:34:56.123456789+23:59")).toBe("20240629T123556Z");
    expect(stamp("2024-06-30T12:34:56-00:01")).toBe("20240630T123556Z");
    expect(stamp("2024-12-31T23:30:00-01:00")).toBe("20250101T003000Z");
    expect(stamp("20240630T235960Z")).toBe("20240630T235960Z");
    for (const bad of ["2024-06-30T24:00:00Z", "2024-06-30T00:60:00Z", "2024-06-30T00:00:61Z", "2024-06-30T00:00:00+24:00", "2024-06-30T00:00:00+00:60", "20240230T000000Z", "20240630T240000Z", "2024-06-30T00:00:00.Z", "x2024-06-30", "2024-06-30x"]) {
      expect(() => stamp(bad), bad).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining("dtstamp") }));
    }
  });

  it("refuses options it does not know, a summary that is not a function or does not return text, and says which", () => {
    const q1 = occ("test-2024.t01.r1.2024-Q1");
    expect(() => scheduleToICalendar([q1], { dtstamp: "2024-01-01", colour: "red" } as never)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    expect(() => scheduleToICalendar([q1], { dtstamp: "2024-01-01", summary: "x" } as never)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    expect(() => scheduleToICalendar([q1], { dtstamp: "2024-01-01", summary: () => 5 } as never)).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining("options.summary") }));
    expect(() => scheduleToICalendar([q1], { dtstamp: "2024-01-01", uidDomain: 5 } as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("uidDomain") }));
    expect(() => scheduleToICalendar([q1], { dtstamp: "2024-01-01", uidDomain: "" })).toThrow(FazhiError);
    expect(() => scheduleToICalendar([q1], { dtstamp: "2024-01-01", uidDomain: "a b" })).toThrow(FazhiError);
    expect(scheduleToICalendar([q1], { dtstamp: "2024-01-01", uidDomain: "~!" })).toContain("@~!\r\n");
    expect(() => scheduleToICalendar([{ ...q1, id: 5 }] as never, { dtstamp: "2024-01-01" })).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });
});

describe("scheduleToICalendar details found by the mutation run", () => {
  const q1 = () => world().occurrences.find((o) => o.id === "test-2024.t01.r1.2024-Q1")!;
  const thrown = (f: () => unknown): FazhiError => {
    try {
      f();
    } catch (e) {
      return e as FazhiError;
    }
    throw new Error("did not throw");
  };

  it("a to-do without a window, and a window-kind item that has none, are written with their due date only", () => {
    const lines = (o: object) => {
      const text = scheduleToICalendar([o] as never, { dtstamp: "2024-01-01" }).split("\r\n");
      return text.slice(text.indexOf("CATEGORIES:任务1") + 1, -2);
    };
    expect(lines({ ...q1(), window: undefined })).toEqual(["DUE;VALUE=DATE:20240331", "END:VTODO"]);
    expect(lines({ ...q1(), kind: "window", window: undefined })).toEqual(["DUE;VALUE=DATE:20240331", "END:VTODO"]);
  });

  it("takes the stamp only as text written whole: not a list holding it, nothing before or after it", () => {
    for (const dtstamp of [["2024-01-01"], ["20240101T000000Z"], "x20240101T000000Z", "20240101T000000Zx", "x2024-06-30T00:00:00Z", "2024-06-30T00:00:00Zx"]) {
      const e = thrown(() => scheduleToICalendar([q1()], { dtstamp } as never));
      expect(e.code, String(dtstamp)).toBe("invalid_argument");
      expect(e.message).toContain("scheduleToICalendar：需要选项 dtstamp（如 20240101T000000Z、2024-01-01T00:00:00Z 或 2024-01-01），收到：");
      expect(e.messageEn).toContain("scheduleToICalendar: the dtstamp option is required (like 20240101T000000Z, 2024-01-01T00:00:00Z or 2024-01-01); got: ");
    }
  });

  it("each refusal names the argument, in Chinese and English", () => {
    expect(thrown(() => scheduleToICalendar([{}] as never, { dtstamp: "2024-01-01" })).message).toMatch(/^scheduleToICalendar：参数 occurrences 不正确：/);
    expect(thrown(() => scheduleToICalendar([q1()], { dtstamp: "2024-01-01", x: 1 } as never)).message).toMatch(/^scheduleToICalendar：参数 options 不正确：/);
    expect(thrown(() => scheduleToICalendar([q1()], { dtstamp: "2024-01-01", summary: "x" } as never)).message).toContain("应为函数 / must be a function");
    const summary = thrown(() => scheduleToICalendar([q1()], { dtstamp: "2024-01-01", summary: () => 5 } as never));
    expect([summary.message, summary.messageEn]).toEqual([
      "scheduleToICalendar：参数 options.summary 不正确：应返回字符串 (scheduleToICalendar: bad argument options.summary: must return a string)",
      "scheduleToICalendar: bad argument options.summary: must return a string",
    ]);
    const domain = thrown(() => scheduleToICalendar([q1()], { dtstamp: "2024-01-01", uidDomain: "a b" }));
    expect([domain.code, domain.message, domain.messageEn]).toEqual([
      "invalid_argument",
      expect.stringContaining("scheduleToICalendar：uidDomain 只能使用可见的 ASCII 字符："),
      expect.stringContaining("scheduleToICalendar: uidDomain must be visible ASCII characters: "),
    ]);
  });
});
