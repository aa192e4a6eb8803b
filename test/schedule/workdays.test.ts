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
