import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { TextEdit } from "../../src/model/compare.js";
import { diffText, editScript } from "../../src/compare/text-diff.js";

const spell = (edits: readonly TextEdit[], side: "a" | "b") => edits.filter((e) => e.op !== (side === "a" ? "insert" : "delete")).map((e) => e.text).join("");
const changed = (edits: readonly TextEdit[]) => edits.filter((e) => e.op !== "equal").reduce((n, e) => n + [...e.text].length, 0);

/** Edit distance with insertions and deletions only (n + m − 2·LCS), by dynamic programming. */
const distance = (a: string, b: string): number => {
  const x = [...a];
  const y = [...b];
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = [0];
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return x.length + y.length - 2 * prev[y.length]!;
};

describe("diffText", () => {
  it("shows a reworded clause as a deletion and an insertion", () => {
    expect(diffText("加强推进结构调整信息公开", "围绕结构调整开展信息公开")).toEqual([
      { op: "delete", text: "加强推进" },
      { op: "insert", text: "围绕" },
      { op: "equal", text: "结构调整" },
      { op: "insert", text: "开展" },
      { op: "equal", text: "信息公开" },
    ]);
    expect(diffText("6月底前完成全员轮训工作", "9月底前完成全员轮训工作")).toEqual([
      { op: "delete", text: "6" },
      { op: "insert", text: "9" },
      { op: "equal", text: "月底前完成全员轮训工作" },
    ]);
  });

  it("handles empty texts and characters outside the BMP", () => {
    expect(diffText("", "")).toEqual([]);
    expect(diffText("", "县")).toEqual([{ op: "insert", text: "县" }]);
    expect(diffText("𠀀县", "𠀁县")).toEqual([
      { op: "delete", text: "𠀀" },
      { op: "insert", text: "𠀁" },
      { op: "equal", text: "县" },
    ]);
  });

  it("stays within its budget on long, different texts and still spells both", () => {
    const a = Array.from({ length: 40_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 300))).join("");
    const b = Array.from({ length: 40_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 104729) % 300))).join("");
    const d = diffText(a, b, 100_000);
    expect(spell(d, "a")).toBe(a);
    expect(spell(d, "b")).toBe(b);
  });

  const text = fc.array(fc.constantFrom(..."法治政府建设县司法局"), { maxLength: 40 }).map((cs) => cs.join(""));
  test.prop([text, text])("the edit script spells both texts and is as short as any (Myers is minimal)", (a, b) => {
    const script = editScript(a, b);
    expect(spell(script, "a")).toBe(a);
    expect(spell(script, "b")).toBe(b);
    expect(changed(script)).toBe(distance(a, b));
  });
  test.prop([text, text, fc.integer({ min: 0, max: 200 })])("any budget: the diff still spells both texts", (a, b, budget) => {
    const d = diffText(a, b, budget);
    expect(spell(d, "a")).toBe(a);
    expect(spell(d, "b")).toBe(b);
    for (let k = 1; k < d.length; k++) expect(d[k]!.op === "equal" && d[k - 1]!.op === "equal").toBe(false);
  });
});
