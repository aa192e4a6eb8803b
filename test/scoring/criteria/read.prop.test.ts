import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { readCriteriaTable, readCriteriaText } from "../../../src/scoring/criteria/read.js";
import type { CriteriaTable } from "../../../src/scoring/criteria/types.js";

/** Pieces criteria tables are made of, so random text hits the readers' rules often. */
const piece = fc.constantFrom(
  "一、", "（一）", "(二)", "1、", "2.", "51、", "第八条", "Ⅶ-1-1 ", "①", "考核:", "(5分)", "3分", "10", "一", "。", "；", "，", "\n", "\n\n", " | ", " ",
  "扣2分", "每少一次扣0.5分", "扣完为止", "不低于95%", "每低一个百分点扣1分", "一票否决", "得3分", "否则得0分", "不得分", "最高加5分",
  "序号", "考核内容", "分值", "评分标准", "责任单位", "市委办", "组织领导", "制度不健全的", "的", "（本项限扣5分）", "零点五", "%",
);
const textArb = fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 60 }).map((xs) => xs.join(""));

const wellFormed = (t: CriteriaTable, inText?: string) => {
  t.items.forEach((item, i) => {
    if (item.parent !== undefined) {
      expect(item.parent).toBeLessThan(i);
      expect(t.items[item.parent]?.level).toBeLessThan(item.level);
    }
    expect(item.level).toBeGreaterThanOrEqual(1);
    for (const s of [item.source, ...item.phrases.map((p) => p.source)]) {
      expect(s.start).toBeLessThanOrEqual(s.end);
      if (inText !== undefined) expect(s.end).toBeLessThanOrEqual(inText.length);
    }
    for (const p of item.phrases) expect(p.text.length).toBeGreaterThan(0);
  });
  expect(Object.isFrozen(t.items)).toBe(true);
};

describe("the criteria readers never throw", () => {
  test.prop([textArb])("on any text: a well-formed table with spans inside the text", (text) => {
    wellFormed(readCriteriaText(text), text);
  });

  test.prop([fc.array(fc.array(fc.oneof(textArb, fc.constant("")), { maxLength: 7 }), { maxLength: 12 })])("on any rows: a well-formed table with cells that exist", (rows) => {
    const t = readCriteriaTable(rows);
    wellFormed(t);
    for (const item of t.items) {
      for (const s of [item.source, ...item.phrases.map((p) => p.source)]) {
        const cell = rows[s.row ?? -1]?.[s.column ?? -1];
        expect(cell).toBeDefined();
        expect(s.end).toBeLessThanOrEqual((cell as string).length);
      }
    }
  });

  it("on large adversarial inputs", () => {
    const N = 4_000;
    for (const text of ["（一）".repeat(N), "1、".repeat(N), "51、".repeat(N), "扣1分，".repeat(N), "5分".repeat(N), "一\n".repeat(N), "考核项目分值评分标准".repeat(N / 10), `序号\n分值\n评分标准\n${"1\n".repeat(N)}`, "（".repeat(N), "每".repeat(N), `${"组".repeat(80)}${"\n\n1、组".repeat(N)}`, `类别\n具体项目内容\n较大事故\n${"1.发生事故的,每起扣5分。\n".repeat(N / 4)}`, `类别\n具体项目内容\n较大事故\n${"每少一次扣1分。\n".repeat(N / 4)}`]) {
      const t = readCriteriaText(text);
      expect(Array.isArray(t.items)).toBe(true);
    }
  });
});
