import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  IsoDate,
  addDays,
  addMonths,
  compareIsoDate,
  dayOfWeek,
  daysInMonth,
  differenceInDays,
  endOfHalfYear,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  isIsoDate,
  isoDate,
  quarterOf,
  startOfHalfYear,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from "../../src/model/dates.js";
import { FazhiError } from "../../src/model/diagnostic.js";

const d = (s: string) => IsoDate.parse(s);

describe("IsoDate", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-02-30")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-6-30")).toBe(false);
    expect(isIsoDate("2024-06-30T00:00:00Z")).toBe(false);
    expect(isIsoDate(20240630)).toBe(false);
  });

  it("is a zod schema: its own parse throws ZodError, as docs/model.md says; library functions throw FazhiError", () => {
    expect(() => IsoDate.parse("2024-02-30")).toThrow(z.ZodError);
    expect(IsoDate.safeParse("2024-02-30").success).toBe(false);
    expect(() => addDays("2024-02-30" as IsoDate, 1)).toThrow(FazhiError);
  });

  it("builds dates with an explicit overflow policy", () => {
    expect(isoDate(2024, 6, 30)).toBe("2024-06-30");
    expect(isoDate(2024, 2, 31, { overflow: "constrain" })).toBe("2024-02-29");
    expect(() => isoDate(2024, 2, 31)).toThrow(FazhiError);
    expect(() => isoDate(2024, 0, 1)).toThrow(/invalid|不正确/);
  });
});

describe("date arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays(d("2024-02-28"), 1)).toBe("2024-02-29");
    expect(addDays(d("2024-02-28"), 2)).toBe("2024-03-01");
    expect(addDays(d("2024-12-31"), 1)).toBe("2025-01-01");
    expect(addDays(d("2024-01-01"), -1)).toBe("2023-12-31");
    expect(addDays(d("2024-03-10"), 0)).toBe("2024-03-10");
  });

  it("crosses daylight-saving changes of any zone without losing a day", () => {
    // 2024-03-10 and 2024-11-03 are DST changes in the US; 1991-04-14 in China.
    expect(addDays(d("2024-03-09"), 1)).toBe("2024-03-10");
    expect(addDays(d("2024-03-10"), 1)).toBe("2024-03-11");
    expect(addDays(d("2024-11-02"), 2)).toBe("2024-11-04");
    expect(addDays(d("1991-04-13"), 2)).toBe("1991-04-15");
    expect(differenceInDays(d("2024-03-11"), d("2024-03-09"))).toBe(2);
  });

  it("adds months with constrain (default) or reject", () => {
    expect(addMonths(d("2024-01-31"), 1)).toBe("2024-02-29");
    expect(addMonths(d("2023-01-31"), 1)).toBe("2023-02-28");
    expect(addMonths(d("2024-03-31"), -1)).toBe("2024-02-29");
    expect(addMonths(d("2024-06-30"), 6)).toBe("2024-12-30");
    expect(() => addMonths(d("2024-01-31"), 1, { overflow: "reject" })).toThrow(FazhiError);
  });

  it("finds period boundaries", () => {
    const x = d("2024-05-20");
    expect(startOfMonth(x)).toBe("2024-05-01");
    expect(endOfMonth(d("2024-02-10"))).toBe("2024-02-29");
    expect(startOfQuarter(x)).toBe("2024-04-01");
    expect(endOfQuarter(x)).toBe("2024-06-30");
    expect(endOfQuarter(d("2024-11-01"))).toBe("2024-12-31");
    expect(startOfHalfYear(d("2024-07-01"))).toBe("2024-07-01");
    expect(endOfHalfYear(x)).toBe("2024-06-30");
    expect(startOfYear(x)).toBe("2024-01-01");
    expect(endOfYear(x)).toBe("2024-12-31");
    expect(quarterOf(d("2024-09-30"))).toBe(3);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek(d("2024-02-04"))).toBe(7); // a Sunday (a make-up workday in 2024)
    expect(dayOfWeek(d("2024-10-01"))).toBe(2);
    expect(dayOfWeek(d("2024-01-01"))).toBe(1);
  });

  it("compares as calendar days", () => {
    expect(compareIsoDate(d("2024-06-30"), d("2024-07-01"))).toBe(-1);
    expect(compareIsoDate(d("2024-06-30"), d("2024-06-30"))).toBe(0);
    expect(["2024-06-30", "2024-01-15", "2023-12-31"].sort(compareIsoDate)).toEqual(["2023-12-31", "2024-01-15", "2024-06-30"]);
  });

  it("throws a coded FazhiError for malformed dates (programmer error)", () => {
    try {
      addDays("2024-13-01" as IsoDate, 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FazhiError);
      expect((e as FazhiError).code).toBe("invalid_argument");
    }
    expect(() => addDays(d("9999-12-31"), 1)).toThrow(FazhiError);
    expect(() => addDays(d("2024-01-01"), 0.5)).toThrow(FazhiError);
  });
});
