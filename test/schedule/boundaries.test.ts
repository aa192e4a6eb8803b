// Period ends: every quarter and half-year ends on its last day (03-31, 06-30, 09-30, 12-31),
// February ends on the leap day in a leap year, and the labels a window or deadline gets depend
// on those exact days. Runs under every TZ project too (test/schedule/**).
import { describe, expect, it } from "vitest";
import type { ScheduleRule } from "../../src/model/schedule.js";
import { rulePeriods } from "../../src/schedule/expand.js";

const periods = (rule: unknown, year: number) => rulePeriods(rule as ScheduleRule, year).map((p) => [p.from, p.to, p.due, p.label]);

describe("quarter and half-year windows end on the last day of the period", () => {
  it("quarters: 03-31, 06-30, 09-30, 12-31, each starting the day after the last ends", () => {
    expect(periods({ kind: "recurring", period: "quarter", times: 1 }, 2023)).toEqual([
      ["2023-01-01", "2023-03-31", "2023-03-31", "2023年第1季度"],
      ["2023-04-01", "2023-06-30", "2023-06-30", "2023年第2季度"],
      ["2023-07-01", "2023-09-30", "2023-09-30", "2023年第3季度"],
      ["2023-10-01", "2023-12-31", "2023-12-31", "2023年第4季度"],
    ]);
  });

  it("half-years: 06-30 and 12-31; a year: 12-31", () => {
    expect(periods({ kind: "quota", period: "half_year", atLeast: 2 }, 2024)).toEqual([
      ["2024-01-01", "2024-06-30", "2024-06-30", "2024年上半年"],
      ["2024-07-01", "2024-12-31", "2024-12-31", "2024年下半年"],
    ]);
    expect(periods({ kind: "recurring", period: "year", times: 1 }, 2024)).toEqual([["2024-01-01", "2024-12-31", "2024-12-31", "2024年"]]);
  });

  it("February ends on the leap day in a leap year (2024, 2000) and on the 28th otherwise (2023, 1900)", () => {
    const feb = (year: number) => periods({ kind: "recurring", period: "month", times: 1 }, year)[1];
    expect(feb(2024)).toEqual(["2024-02-01", "2024-02-29", "2024-02-29", "2024年2月"]);
    expect(feb(2000)?.[1]).toBe("2000-02-29");
    expect(feb(2023)?.[1]).toBe("2023-02-28");
    expect(feb(1900)?.[1]).toBe("1900-02-28");
  });
});

describe("labels at the period ends", () => {
  const window = (from: string, to: string) => periods({ kind: "window", from, to }, Number(to.slice(0, 4)))[0]?.[3];
  const deadline = (due: string) => periods({ kind: "deadline", due }, Number(due.slice(0, 4)))[0]?.[3];

  it("a window on a whole quarter or half-year is named so; a day short of the end it is not", () => {
    expect(["03-31", "06-30", "09-30", "12-31"].map((end, q) => window(`2024-${String(q * 3 + 1).padStart(2, "0")}-01`, `2024-${end}`))).toEqual(["第1季度", "第2季度", "第3季度", "第4季度"]);
    expect(window("2024-01-01", "2024-06-30")).toBe("上半年");
    expect(window("2024-07-01", "2024-12-31")).toBe("下半年");
    expect(window("2024-01-01", "2024-03-30")).toBe("1月1日至3月30日");
    expect(window("2024-07-02", "2024-09-30")).toBe("7月2日至9月30日");
    expect(window("2024-02-01", "2024-04-30")).toBe("2月1日至4月30日");
  });

  it("a window on the whole of February ends on the leap day in 2024 and the 28th in 2023", () => {
    expect(window("2024-02-01", "2024-02-29")).toBe("2月");
    expect(window("2024-02-01", "2024-02-28")).toBe("2月1日至2月28日");
    expect(window("2023-02-01", "2023-02-28")).toBe("2月");
  });

  it("a deadline at a month's end is 月底前, at the year's end 年底前, otherwise the day", () => {
    expect(deadline("2024-06-30")).toBe("6月底前");
    expect(deadline("2024-12-31")).toBe("年底前");
    expect(deadline("2024-02-29")).toBe("2月底前");
    expect(deadline("2024-02-28")).toBe("2月28日前");
    expect(deadline("2023-02-28")).toBe("2月底前");
    expect(deadline("2024-06-29")).toBe("6月29日前");
    expect(deadline("2024-05-31")).toBe("5月底前"); // a month's end that is not December's
    expect(deadline("2024-12-30")).toBe("12月30日前"); // December, not its end
  });

  it("a window is named after a month, quarter or half-year only when it is exactly one, within one year", () => {
    expect(window("2023-01-01", "2024-01-31")).toBe("1月1日至1月31日");
    expect(window("2023-10-01", "2024-12-31")).toBe("10月1日至12月31日");
    expect(window("2024-01-01", "2024-05-31")).toBe("1月1日至5月31日");
    expect(window("2024-02-01", "2024-06-30")).toBe("2月1日至6月30日");
    expect(window("2024-07-01", "2024-11-30")).toBe("7月1日至11月30日");
    expect(window("2024-08-01", "2024-12-31")).toBe("8月1日至12月31日");
    expect(window("2024-03-01", "2024-05-31")).toBe("3月1日至5月31日"); // three months, not a quarter
    expect(window("2024-06-01", "2024-06-30")).toBe("6月");
  });

  it("a deadline or window belongs to the year it ends in", () => {
    expect(periods({ kind: "deadline", due: "2024-12-31" }, 2025)).toEqual([]);
    expect(periods({ kind: "window", from: "2023-12-01", to: "2024-01-31" }, 2024)).toEqual([["2023-12-01", "2024-01-31", "2024-01-31", "12月1日至1月31日"]]);
  });
});
