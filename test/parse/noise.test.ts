import { describe, expect, it } from "vitest";
import { pageMarkerRule, spacedLettersRule } from "../../src/parse/noise.js";
import { createContext } from "../../src/parse/rules.js";
import { normalizeLine } from "../../src/text/normalize.js";

const run = (rule: typeof pageMarkerRule, raw: string) => {
  const ctx = createContext(() => 1, new Set());
  const line = normalizeLine(raw, 100);
  const out = rule.apply(line, ctx) ?? line;
  return { text: out.text, map: Array.from(out.map), codes: ctx.finish().map((d) => d.code), line };
};

describe("pageMarker", () => {
  it("removes page markers anywhere in a line, with their spaces", () => {
    expect(run(pageMarkerRule, "- 1 - XX县2022年法治政府建设工作计划").text).toBe("XX县2022年法治政府建设工作计划");
    expect(run(pageMarkerRule, "并将监督情况予以 - 2 - 通报").text).toBe("并将监督情况予以通报");
    expect(run(pageMarkerRule, "—3—").text).toBe("");
    expect(run(pageMarkerRule, "第3页 共10页").text).toBe("");
    expect(run(pageMarkerRule, "共10页 第3页").text).toBe("");
    expect(run(pageMarkerRule, "12").text).toBe("");
    expect(run(pageMarkerRule, "3/10").text).toBe("");
    expect(run(pageMarkerRule, "- 1 - 甲").codes).toEqual(["page_number_removed"]);
  });

  it("keeps offsets into the original text", () => {
    const r = run(pageMarkerRule, "予以 - 2 - 通报");
    expect(r.text).toBe("予以通报");
    expect(r.map).toEqual([100, 101, 109, 110]);
  });

  it("leaves ranges, dates and numbers in sentences alone", () => {
    for (const line of ["（2021-2025年）", "第3页的表格", "2-3-4", "经济增长7.5%—8%", "每季度-1-次"]) expect(run(pageMarkerRule, line).text).toBe(normalizeLine(line).text);
  });
});

describe("spacedLetters", () => {
  it("joins letters and digits a PDF spaced out", () => {
    expect(run(spacedLettersRule, "2 0 2 4 年").text).toBe("2024年");
    expect(run(spacedLettersRule, "等级 A B C").text).toBe("等级 ABC");
  });

  it("keeps the space between two numbers or two words", () => {
    expect(run(spacedLettersRule, "1 2").text).toBe("1 2");
    expect(run(spacedLettersRule, "Internet Plus").text).toBe("Internet Plus");
  });
});
