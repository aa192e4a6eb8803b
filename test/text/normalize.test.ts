import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { lineIndex, normalizeLine, normalizeText, splitLines } from "../../src/text/normalize.js";
import { arbAnyString } from "../support/arbitraries.js";

describe("normalizeText", () => {
  it("fixes widths, brackets and PDF spaces", () => {
    expect(normalizeText("(八) 进一步规范")).toBe("（八）进一步规范");
    expect(normalizeText("牵头单位: 县司法局, 县公安局; 县信访局")).toBe("牵头单位：县司法局，县公安局；县信访局");
    expect(normalizeText("武陟县 2024 年度")).toBe("武陟县2024年度");
    expect(normalizeText("２０２４年１．")).toBe("2024年1.");
    expect(normalizeText("\uFEFF县\u200B司法局\u3000")).toBe("县司法局");
  });

  it("keeps spaces between Latin words and between numbers", () => {
    expect(normalizeText("企业 and 群众")).toBe("企业 and 群众");
    expect(normalizeText("Internet Plus")).toBe("Internet Plus");
    expect(normalizeText("1 2")).toBe("1 2");
  });
});

describe("normalizeLine: small form variants (U+FE50–FE6B)", () => {
  it("reads small forms as the punctuation they stand for, one character for one", () => {
    expect(normalizeText("1﹒推进﹐落实﹔牵头单位﹕县司法局﹑县公安局﹙暂定﹚﹖﹗")).toBe("1.推进，落实；牵头单位：县司法局、县公安局（暂定）？！");
    expect(normalizeText("﹝2024﹞﹪﹣﹢")).toBe("〔2024〕%-+");
    const { text, map } = normalizeLine("1﹒县司法局", 10);
    expect(text).toBe("1.县司法局");
    expect(Array.from(map)).toEqual([10, 11, 12, 13, 14, 15]);
  });

  it("leaves the unassigned points U+FE53 and U+FE67 as they are", () => {
    expect(normalizeText("\uFE53\uFE67")).toBe("\uFE53\uFE67");
  });
});

describe("normalizeLine", () => {
  it("maps every character back to its original offset", () => {
    const raw = "牵头单位: 县司法局";
    const { text, map } = normalizeLine(raw, 100);
    expect(text).toBe("牵头单位：县司法局");
    expect(Array.from(map)).toEqual([100, 101, 102, 103, 104, 106, 107, 108, 109]);
  });

  test.prop([arbAnyString(200), fc.nat(1000)])("offsets increase and stay inside the line", (line, offset) => {
    const { text, map } = normalizeLine(line, offset);
    expect(map.length).toBe(text.length);
    for (let i = 0; i < map.length; i++) {
      expect(map[i]).toBeGreaterThanOrEqual(offset);
      expect(map[i]).toBeLessThan(offset + line.length);
      if (i > 0) expect(map[i]!).toBeGreaterThan(map[i - 1]!);
    }
  });

  test.prop([fc.string({ maxLength: 100 })])("is idempotent", (line) => {
    const once = normalizeLine(line).text;
    expect(normalizeLine(once).text).toBe(once);
  });
});

describe("splitLines / lineIndex", () => {
  it("handles \\n, \\r\\n and \\r with offsets and line numbers", () => {
    const text = "a\r\nbb\rc\n\nd";
    const lines = splitLines(text);
    expect(lines.map((l) => [l.line, l.start, l.raw])).toEqual([
      [1, 0, "a"],
      [2, 3, "bb"],
      [3, 6, "c"],
      [4, 8, ""],
      [5, 9, "d"],
    ]);
    const lineOf = lineIndex(lines);
    expect([0, 2, 3, 6, 8, 9].map(lineOf)).toEqual([1, 1, 2, 3, 4, 5]);
  });
});
