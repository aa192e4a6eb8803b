import { readFileSync, existsSync, readdirSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { IsoDate } from "../../src/model/dates.js";
import { FazhiError } from "../../src/model/diagnostic.js";
import { WorkdayCalendar } from "../../src/model/calendar.js";
import { addWorkdays, adjustToWorkday, chinaWorkdayCalendar, coversDate, isWorkday, nextWorkday, previousWorkday, workdaysBetween } from "../../src/schedule/workdays.js";

const cal = chinaWorkdayCalendar();
const d = (s: string) => IsoDate.parse(s);

describe("the China workday calendar", () => {
  it("knows make-up workdays and holidays", () => {
    expect(isWorkday(cal, d("2024-02-04"))).toBe(true); // Sunday, 调休上班
    for (let day = 1; day <= 7; day++) expect(isWorkday(cal, d(`2024-10-0${day}`))).toBe(false);
    expect(isWorkday(cal, d("2024-10-08"))).toBe(true);
    expect(isWorkday(cal, d("2024-10-12"))).toBe(true); // Saturday, 调休上班
    expect(isWorkday(cal, d("2024-06-29"))).toBe(false); // an ordinary Saturday
    expect(isWorkday(cal, d("2024-06-28"))).toBe(true);
  });

  it("covers 2020–2026 and refuses to guess 2027", () => {
    expect(cal.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(coversDate(cal, d("2027-03-01"))).toBe(false);
    try {
      isWorkday(cal, d("2027-03-01"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FazhiError);
      expect((e as FazhiError).code).toBe("not_covered");
      expect((e as FazhiError).message).toContain("2027");
    }
    expect(() => nextWorkday(cal, d("2026-12-31"))).toThrow(/2027/);
  });

  it("keeps the notice URLs it came from", () => {
    expect(cal.years.find((y) => y.year === 2024)!.sources[0]).toMatch(/^https:\/\/www\.gov\.cn\//);
  });

  it("moves and counts workdays", () => {
    expect(nextWorkday(cal, d("2024-09-30"))).toBe("2024-10-08");
    expect(previousWorkday(cal, d("2024-10-08"))).toBe("2024-09-30");
    expect(addWorkdays(cal, d("2024-09-27"), 2)).toBe("2024-09-30");
    expect(addWorkdays(cal, d("2024-09-30"), -2)).toBe("2024-09-27");
    expect(addWorkdays(cal, d("2024-10-01"), 0)).toBe("2024-10-08");
    expect(workdaysBetween(cal, d("2024-10-01"), d("2024-10-12"))).toBe(5);
    expect(workdaysBetween(cal, d("2024-10-12"), d("2024-10-01"))).toBe(0);
  });

  it("adjusts due dates on rest days by policy", () => {
    expect(adjustToWorkday(cal, d("2024-06-30"), "keep")).toBe("2024-06-30");
    expect(adjustToWorkday(cal, d("2024-06-30"), "next")).toBe("2024-07-01");
    expect(adjustToWorkday(cal, d("2024-06-30"), "previous")).toBe("2024-06-28");
    expect(adjustToWorkday(cal, d("2024-06-28"), "next")).toBe("2024-06-28");
  });

  it("takes any injected calendar", () => {
    const mine = WorkdayCalendar.parse({ id: "t", name: "测试", source: "test", years: [{ year: 2030, sources: ["test"], restDays: [{ date: "2030-01-02", name: "测试休息" }], workdays: [] }] });
    expect(isWorkday(mine, d("2030-01-02"))).toBe(false);
    expect(isWorkday(mine, d("2030-01-03"))).toBe(true);
    expect(() => isWorkday(mine, d("2024-01-02"))).toThrow(FazhiError);
  });

  it("matches ../shared/data/holiday-cn (when shared/ is beside the repo)", () => {
    const dir = new URL("../../../shared/data/holiday-cn/", import.meta.url);
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f))) {
      const data = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as { year: number; papers: string[]; days: Array<{ date: string; isOffDay: boolean }> };
      const year = cal.years.find((y) => y.year === data.year);
      if (data.papers.length === 0) {
        expect(year).toBeUndefined();
        continue;
      }
      expect(year!.sources).toEqual(data.papers);
      for (const day of data.days) expect([day.date, isWorkday(cal, d(day.date))]).toEqual([day.date, !day.isOffDay]);
    }
  });
});

describe("workday arithmetic cost", () => {
  it("validates the date once at the boundary, then steps integer days (no schema parse per day)", () => {
    const spy = vi.spyOn(IsoDate, "safeParse");
    try {
      expect(addWorkdays(cal, d("2024-01-02"), 200)).toBe(addWorkdays(cal, d("2024-01-02"), 200));
      expect(workdaysBetween(cal, d("2024-01-01"), d("2024-12-31"))).toBeGreaterThan(240);
      for (let day = 1; day <= 28; day++) isWorkday(cal, d(`2024-02-${String(day).padStart(2, "0")}`));
      spy.mockClear();
      addWorkdays(cal, d("2024-01-02"), 200);
      workdaysBetween(cal, d("2024-01-01"), d("2024-12-31"));
      isWorkday(cal, d("2024-02-04"));
      expect(spy.mock.calls.length).toBeLessThanOrEqual(4);
    } finally {
      spy.mockRestore();
    }
  });

  it("steps across covered years and stops at the first uncovered one", () => {
    expect(addWorkdays(cal, d("2024-12-31"), 1)).toBe("2025-01-02");
    expect(addWorkdays(cal, d("2025-01-02"), -1)).toBe("2024-12-31");
    expect(() => addWorkdays(cal, d("2026-12-30"), 5)).toThrow(/2027/);
    expect(() => addWorkdays(cal, d("2020-01-03"), -5)).toThrow(/2019/);
    expect(() => addWorkdays(cal, d("2024-01-02"), 1.5)).toThrow(FazhiError);
    expect(() => isWorkday(cal, "2024-02-30" as IsoDate)).toThrow(FazhiError);
    expect(workdaysBetween(cal, d("2024-12-30"), d("2025-01-03"))).toBe(4); // 2025-01-01 is a holiday
  });
});

/** A hand-made calendar: each year with its rest days and make-up workdays. */
const calendar = (years: ReadonlyArray<{ year: number; rest?: readonly string[]; work?: readonly string[] }>) =>
  WorkdayCalendar.parse({
    id: "t",
    name: "测试",
    source: "test",
    years: years.map((y) => ({ year: y.year, sources: ["test"], restDays: (y.rest ?? []).map((date) => ({ date, name: "休" })), workdays: (y.work ?? []).map((date) => ({ date, name: "班" })) })),
  });
/** Every date from `from` to `to`, both included. */
const datesFrom = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const errorOf = (f: () => unknown): FazhiError => {
  try {
    f();
  } catch (e) {
    if (e instanceof FazhiError) return e;
    throw e;
  }
  throw new Error("no FazhiError thrown");
};

describe("the covered years, at their edges", () => {
  it("covers from the first day of the first year to the last day of the last, and not a day more", () => {
    expect([d("2019-12-31"), d("2020-01-01"), d("2026-12-31"), d("2027-01-01")].map((day) => coversDate(cal, day))).toEqual([false, true, true, false]);
    expect(isWorkday(cal, d("2020-01-01"))).toBe(false); // 元旦, the first covered day
    expect(isWorkday(cal, d("2026-12-31"))).toBe(true); // a Thursday, the last covered day
  });

  it("says which year is missing and which are covered, in Chinese and English", () => {
    const e = errorOf(() => isWorkday(cal, d("2027-01-01")));
    expect(e.code).toBe("not_covered");
    expect(e.message).toBe("isWorkday：工作日历不覆盖 2027 年（覆盖：2020、2021、2022、2023、2024、2025、2026），不做推测 (isWorkday: the calendar does not cover 2027 (it covers 2020, 2021, 2022, 2023, 2024, 2025, 2026); no guessing)");
    expect(errorOf(() => previousWorkday(cal, d("2020-01-01"))).messageEn).toBe("previousWorkday: the calendar does not cover 2019 (it covers 2020, 2021, 2022, 2023, 2024, 2025, 2026); no guessing");
  });

  it("takes a calendar's years in any order; a year between two covered ones is not covered, even where a listed day falls in it", () => {
    const mine = calendar([{ year: 2032 }, { year: 2030, rest: ["2031-03-03"] }]);
    expect([d("2029-12-31"), d("2030-01-01"), d("2030-12-31"), d("2031-01-01"), d("2031-03-03"), d("2032-01-01"), d("2032-12-31"), d("2033-01-01")].map((day) => coversDate(mine, day))).toEqual([false, true, true, false, false, true, true, false]);
    expect(errorOf(() => isWorkday(mine, d("2031-06-02"))).messageEn).toBe("isWorkday: the calendar does not cover 2031 (it covers 2030, 2032); no guessing");
    expect(() => nextWorkday(mine, d("2030-12-31"))).toThrow(/2031/); // a Tuesday: the next day is already outside
    expect(isWorkday(mine, d("2032-01-01"))).toBe(true); // a Thursday
  });

  it("an empty calendar covers nothing", () => {
    const none = calendar([]);
    expect(coversDate(none, d("2024-06-03"))).toBe(false);
    expect(errorOf(() => isWorkday(none, d("2024-06-03"))).code).toBe("not_covered");
  });

  it("a day listed both as a rest day and as a make-up workday is a workday", () => {
    const mine = calendar([{ year: 2030, rest: ["2030-01-01", "2030-01-05"], work: ["2030-01-01", "2030-01-05"] }]);
    expect(isWorkday(mine, d("2030-01-01"))).toBe(true); // a Tuesday
    expect(isWorkday(mine, d("2030-01-05"))).toBe(true); // a Saturday
  });
});

describe("workday arithmetic at its limits", () => {
  it("finds a workday exactly 400 days on, and refuses a calendar with none within 400 days", () => {
    const allRest = datesFrom("2030-01-01", "2031-02-04");
    const found = calendar([{ year: 2030, rest: allRest.filter((x) => x < "2031") }, { year: 2031, rest: allRest.filter((x) => x >= "2031"), work: ["2031-02-05"] }]);
    expect(nextWorkday(found, d("2030-01-01"))).toBe("2031-02-05");
    expect(previousWorkday(found, d("2031-02-06"))).toBe("2031-02-05");
    const none = calendar([{ year: 2030, rest: allRest.filter((x) => x < "2031") }, { year: 2031, rest: [...allRest.filter((x) => x >= "2031"), "2031-02-05"] }]);
    const e = errorOf(() => nextWorkday(none, d("2030-01-01")));
    expect([e.code, e.message]).toEqual(["invalid_argument", "nextWorkday：参数 calendar 不正确：日历中连续400天没有工作日 (nextWorkday: bad argument calendar: the calendar has no workday within 400 days)"]);
  });

  it("counts workdays only when both ends are covered, even when from is after to", () => {
    expect(errorOf(() => workdaysBetween(cal, d("2027-01-05"), d("2026-12-01"))).code).toBe("not_covered");
    expect(errorOf(() => workdaysBetween(cal, d("2020-01-05"), d("2019-12-01"))).code).toBe("not_covered");
    expect(workdaysBetween(cal, d("2024-06-28"), d("2024-06-28"))).toBe(1);
    expect(workdaysBetween(cal, d("2024-06-29"), d("2024-06-30"))).toBe(0);
  });

  it("adds zero workdays to a workday as the day itself, and refuses a fractional count with its reason", () => {
    expect(addWorkdays(cal, d("2024-06-28"), 0)).toBe("2024-06-28");
    expect(addWorkdays(cal, d("2024-06-29"), 0)).toBe("2024-07-01");
    expect(addWorkdays(cal, d("2024-10-08"), -1)).toBe("2024-09-30");
    const fraction = errorOf(() => addWorkdays(cal, d("2024-01-02"), 0.5));
    expect([fraction.code, fraction.message]).toEqual(["invalid_argument", "addWorkdays：天数必须为整数 (addWorkdays: n must be an integer)"]);
  });

  it("keep returns any valid date unchanged, covered or not, but still checks the calendar, the date and the policy", () => {
    expect(adjustToWorkday(cal, d("2027-06-30"), "keep")).toBe("2027-06-30");
    expect(errorOf(() => adjustToWorkday({} as never, d("2024-06-30"), "keep")).code).toBe("invalid_argument");
    expect(errorOf(() => adjustToWorkday(cal, "2024-02-30" as IsoDate, "keep")).code).toBe("invalid_argument");
    const bad = errorOf(() => adjustToWorkday(cal, d("2024-06-30"), "later" as never));
    expect([bad.code, bad.message]).toEqual(["invalid_argument", 'adjustToWorkday：参数 policy 不正确：应为 keep、next 或 previous (adjustToWorkday: bad argument policy: must be "keep", "next" or "previous")']);
    expect(adjustToWorkday(cal, d("2024-10-07"), "previous")).toBe("2024-09-30");
  });

  it("checks a calendar once, not on every call", () => {
    const a = calendar([{ year: 2030 }]);
    const b = calendar([{ year: 2030, rest: ["2030-01-01"] }]);
    const spy = vi.spyOn(WorkdayCalendar, "safeParse");
    try {
      const answers = [a, b, a, b, a].map((c) => isWorkday(c, d("2030-01-01")));
      expect(answers).toEqual([true, false, true, false, true]);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("errors name the function that refused", () => {
  it("for a date that does not exist, a year not covered, and a calendar that is not one", () => {
    const bad = "2024-02-30" as IsoDate;
    const gap = calendar([{ year: 2030, rest: ["2030-12-31"] }, { year: 2032 }]); // 2030-12-31 is a Tuesday; 2031 is not covered
    const cases: Array<[string, () => unknown]> = [
      ["coversDate", () => coversDate(cal, bad)],
      ["isWorkday", () => isWorkday(cal, bad)],
      ["nextWorkday", () => nextWorkday(cal, bad)],
      ["nextWorkday", () => nextWorkday(cal, d("2026-12-31"))],
      ["previousWorkday", () => previousWorkday(cal, bad)],
      ["addWorkdays", () => addWorkdays(cal, bad, 1)],
      ["addWorkdays", () => addWorkdays(cal, d("2027-01-04"), 0)],
      ["addWorkdays", () => addWorkdays(gap, d("2030-12-31"), 0)],
      ["addWorkdays", () => addWorkdays(cal, d("2026-12-30"), 5)],
      ["workdaysBetween", () => workdaysBetween(cal, bad, d("2024-03-01"))],
      ["workdaysBetween", () => workdaysBetween(cal, d("2024-03-01"), bad)],
      ["workdaysBetween", () => workdaysBetween(cal, d("2027-01-04"), d("2026-12-01"))],
      ["workdaysBetween", () => workdaysBetween(cal, d("2026-12-01"), d("2027-01-04"))],
      ["workdaysBetween", () => workdaysBetween(gap, d("2030-12-30"), d("2032-01-05"))],
      ["adjustToWorkday", () => adjustToWorkday(cal, bad, "keep")],
    ];
    for (const [fn, call] of cases) {
      const e = errorOf(call);
      expect(e.message.startsWith(`${fn}：`) && e.messageEn.startsWith(`${fn}: `), `${fn}: ${e.message}`).toBe(true);
    }
    expect(errorOf(() => isWorkday({} as never, d("2024-06-03"))).message).toMatch(/^workdays：参数 calendar 不正确/);
  });
});
