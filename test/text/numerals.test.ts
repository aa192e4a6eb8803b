import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatChineseNumeral, parseChineseNumeral } from "../../src/text/numerals.js";

describe("Chinese numerals", () => {
  it("reads the numerals of plans", () => {
    const cases: Array<[string, number]> = [
      ["一", 1], ["两", 2], ["十", 10], ["十二", 12], ["二十", 20], ["二十一", 21], ["三十五", 35],
      ["一百", 100], ["一百零五", 105], ["一百一十", 110], ["两千零二十四", 2024], ["〇", 0], ["35", 35],
    ];
    for (const [text, n] of cases) expect([text, parseChineseNumeral(text)]).toEqual([text, n]);
  });

  it("rejects what is not a numeral", () => {
    for (const text of ["", "二三", "十十", "百", "一百十", "甲", "二十一、", "12345"]) expect([text, parseChineseNumeral(text)]).toEqual([text, undefined]);
  });

  it("writes numerals", () => {
    expect([1, 10, 12, 20, 21, 35, 100, 105, 110, 2024].map(formatChineseNumeral)).toEqual(["一", "十", "十二", "二十", "二十一", "三十五", "一百", "一百零五", "一百一十", "二千零二十四"]);
  });

  test.prop([fc.integer({ min: 0, max: 9999 })])("format then parse is the identity", (n) => {
    expect(parseChineseNumeral(formatChineseNumeral(n))).toBe(n);
  });
});
