import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { closestWord, editDistance } from "../../src/text/distance.js";

describe("editDistance", () => {
  it("counts insertions, deletions and replacements", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("roster", "rooster")).toBe(1);
    expect(editDistance("matirx", "matrix")).toBe(2);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("县委编办", "县委办")).toBe(1);
  });

  const word = fc.string({ maxLength: 8, unit: fc.constantFrom("a", "b", "c", "县", "司") });
  test.prop([word, word, word])("is a metric: zero only between equal strings, symmetric, within the triangle, at most the longer length", (a, b, c) => {
    expect(editDistance(a, b) === 0).toBe(a === b);
    expect(editDistance(a, b)).toBe(editDistance(b, a));
    expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
    expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
    expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
  });

  test.prop([word, fc.nat(8), fc.constantFrom("a", "z")])("one edit is one: a unit inserted, deleted or replaced", (a, at, ch) => {
    const i = Math.min(at, a.length);
    expect(editDistance(a, a.slice(0, i) + ch + a.slice(i))).toBe(1);
    if (a.length === 0) return;
    const j = Math.min(i, a.length - 1);
    expect(editDistance(a, a.slice(0, j) + a.slice(j + 1))).toBe(1);
    if (a[j] !== ch) expect(editDistance(a, a.slice(0, j) + ch + a.slice(j + 1))).toBe(1);
  });
});

describe("closestWord", () => {
  const commands = ["parse", "matrix", "roster", "calendar", "status", "score", "report", "help"];
  it("suggests a near candidate, the first of equally near ones, and nothing for a short or distant word", () => {
    expect(closestWord("matirx", commands)).toBe("matrix");
    expect(closestWord("socre", commands)).toBe("score");
    expect(closestWord("pars", commands)).toBe("parse");
    expect(closestWord("x", commands)).toBeUndefined();
    expect(closestWord("frobnicate", commands)).toBeUndefined();
    expect(closestWord("matrix", commands)).toBe("matrix");
    expect(closestWord("ab", ["ax", "ay"])).toBeUndefined();
    expect(closestWord("abcd", ["abxd", "abyd"])).toBe("abxd");
  });
});
