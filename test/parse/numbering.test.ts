import { describe, expect, it } from "vitest";
import { NUMBERING_STYLES, NumberingState, markerAt } from "../../src/parse/numbering.js";

const mark = (text: string, at = 0) => {
  const m = markerAt(text, at, NUMBERING_STYLES);
  return m === undefined ? undefined : [m.style.name, m.numeral, m.label];
};

describe("numbering styles", () => {
  it("reads each style with its value and label as written", () => {
    expect(mark("第三章 总则")).toEqual(["chapter", 3, "第三章"]);
    expect(mark("第十二条 各部门")).toEqual(["article", 12, "第十二条"]);
    expect(mark("二十一、加强")).toEqual(["cnComma", 21, "二十一、"]);
    expect(mark("（十七）改进")).toEqual(["cnParen", 17, "（十七）"]);
    expect(mark("3.推动")).toEqual(["arabic", 3, "3."]);
    expect(mark("3 .推动")).toEqual(["arabic", 3, "3 ."]);
    expect(mark("12、完善")).toEqual(["arabic", 12, "12、"]);
    expect(mark("（2）建立")).toEqual(["arabicParen", 2, "（2）"]);
    expect(mark("⑷建立")).toEqual(["parenDigit", 4, "⑷"]);
    expect(mark("③建立")).toEqual(["circled", 3, "③"]);
    expect(mark("11完善规范性文件")).toEqual(["bareNumber", 11, "11"]);
  });

  it("does not take numbers, law articles or measures for markers", () => {
    expect(mark("1.5亿元")).toBeUndefined();
    expect(mark("2024年")).toBeUndefined();
    expect(mark("24小时")).toBeUndefined();
    expect(mark("5个工作日")).toBeUndefined();
    expect(mark("第三条件")).toBeUndefined();
    expect(mark("（试行）")).toBeUndefined();
  });

  it("looks only where it is asked", () => {
    expect(mark("要求：（一）", 3)).toEqual(["cnParen", 1, "（一）"]);
    expect(mark("要求：（一）", 2)).toBeUndefined();
  });
});

describe("NumberingState", () => {
  const at = (text: string) => markerAt(text, 0, NUMBERING_STYLES)!;

  it("accepts a mid-line marker that continues its sequence, or a first item under another style", () => {
    const state = new NumberingState();
    state.record(at("一、甲"));
    expect(state.continues(at("1.乙"))).toBe(true);
    state.record(at("1.乙"));
    expect(state.continues(at("2.丙"))).toBe(true);
    expect(state.continues(at("4.丁"))).toBe(false);
    expect(state.continues(at("1.丁"))).toBe(false);
    expect(state.continues(at("二、戊"))).toBe(true);
  });

  it("accepts a bare number at a line start only when it continues (or opens a fragment after 1)", () => {
    const state = new NumberingState();
    expect(state.acceptsLineStart(at("11完善"))).toBe(true);
    state.record(at("11完善"));
    expect(state.acceptsLineStart(at("12改革"))).toBe(true);
    expect(state.acceptsLineStart(at("30改革"))).toBe(false);
    expect(state.acceptsLineStart(at("1完善"))).toBe(false);
  });

  it("arabicBeforeYear: 5.2020年 at a line start is item 5 when 5 continues the count, not the decimal 5.2020", () => {
    expect(mark("5.2020年8月底前完成")).toEqual(["arabicBeforeYear", 5, "5."]);
    expect(mark("5.2020")).toBeUndefined();
    expect(mark("5.20亿元")).toBeUndefined();
    const state = new NumberingState();
    for (const line of ["1.甲", "2.乙", "3.丙", "4.丁"]) state.record(at(line));
    expect(state.acceptsLineStart(at("5.2020年8月底前完成"))).toBe(true);
    expect(state.acceptsLineStart(at("7.2020年8月底前完成"))).toBe(false);
    expect(state.continues(at("5.2020年8月底前完成"))).toBe(true);
  });
});
