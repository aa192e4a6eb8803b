import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  addDays,
  addMonths,
  compareIsoDate,
  dayOfWeek,
  differenceInDays,
  endOfHalfYear,
  endOfMonth,
  endOfQuarter,
  isIsoDate,
  startOfHalfYear,
  startOfMonth,
  startOfQuarter,
} from "../../src/model/dates.js";
import { IsoDate } from "../../src/model/dates.js";
import { arbIsoDate } from "../support/arbitraries.js";

// An independent oracle: day numbers computed with UTC arithmetic, never the local zone.
const epochDay = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
const fromEpochDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

describe("date helpers (properties)", () => {
  test.prop([arbIsoDate(1900, 2200), fc.integer({ min: -40_000, max: 40_000 })])("addDays agrees with UTC day arithmetic", (date, n) => {
    const r = addDays(date, n);
    expect(isIsoDate(r)).toBe(true);
    expect(r).toBe(fromEpochDay(epochDay(date) + n));
  });

  test.prop([arbIsoDate(1900, 2200), arbIsoDate(1900, 2200)])("differenceInDays inverts addDays", (a, b) => {
    const n = differenceInDays(a, b);
    expect(n).toBe(epochDay(a) - epochDay(b));
    expect(addDays(b, n)).toBe(a);
  });

  test.prop([arbIsoDate(1900, 2200)])("dayOfWeek matches the UTC weekday", (date) => {
    const utc = new Date(epochDay(date) * 86_400_000).getUTCDay();
    expect(dayOfWeek(date)).toBe(utc === 0 ? 7 : utc);
  });

  test.prop([arbIsoDate(1900, 2200), fc.integer({ min: -240, max: 240 })])("addMonths keeps the day or clamps to month end", (date, m) => {
    const r = addMonths(date, m);
    const months = (Number(r.slice(0, 4)) - Number(date.slice(0, 4))) * 12 + Number(r.slice(5, 7)) - Number(date.slice(5, 7));
    expect(months).toBe(m);
    const day = Number(date.slice(8, 10));
    expect(Number(r.slice(8, 10))).toBe(Math.min(day, Number(endOfMonth(r).slice(8, 10))));
  });

  test.prop([arbIsoDate(1900, 2200)])("a date lies inside its month, quarter and half-year", (date) => {
    for (const [start, end] of [
      [startOfMonth, endOfMonth],
      [startOfQuarter, endOfQuarter],
      [startOfHalfYear, endOfHalfYear],
    ] as const) {
      expect(compareIsoDate(start(date), date)).toBeLessThanOrEqual(0);
      expect(compareIsoDate(date, end(date))).toBeLessThanOrEqual(0);
      expect(addDays(end(date), 1)).toBe(start(addDays(end(date), 1)));
    }
  });

  test.prop([arbIsoDate(), arbIsoDate()])("compareIsoDate orders like day numbers", (a, b) => {
    expect(compareIsoDate(a, b)).toBe(Math.sign(epochDay(a) - epochDay(b)));
  });

  // isIsoDate checks dates by hand (it runs once per public call): it must agree with the schema.
  const nearDate = fc
    .tuple(fc.integer({ min: 0, max: 10_500 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }), fc.constantFrom("", " ", "\n", "Z", "T00:00:00Z"), fc.constantFrom("-", "/", ""))
    .map(([y, m, d, tail, sep]) => `${String(y).padStart(4, "0")}${sep}${String(m).padStart(2, "0")}${sep}${String(d).padStart(2, "0")}${tail}`);
  test.prop([fc.oneof(nearDate, arbIsoDate(0, 9999), fc.string({ maxLength: 12 }), fc.anything())], { numRuns: 500 })("isIsoDate agrees with the IsoDate schema", (value) => {
    expect(isIsoDate(value)).toBe(IsoDate.safeParse(value).success);
  });
});
