import { describe, expect, it } from "vitest";
import { maxDeduction } from "../../../src/scoring/criteria/checks.js";
import { readCriteriaTable } from "../../../src/scoring/criteria/read.js";
import type { CriteriaPhrase } from "../../../src/scoring/criteria/types.js";

const codes = (rows: string[][]) => readCriteriaTable(rows).diagnostics.map((d) => [d.code, d.path.join(".")]);
const HEAD = ["序号", "考核内容", "分值", "评分标准"];

describe("checks staff want", () => {
  it("a parent's declared points against the sum of its items", () => {
    expect(codes([HEAD, ["一", "组织领导", "10", ""], ["1", "工作计划", "4", "未制定的扣4分"], ["2", "专题研究", "5", "未研究的扣5分"]])).toEqual([["criteria_points_mismatch", "items.0.points"]]);
    expect(codes([HEAD, ["一", "组织领导", "9", ""], ["1", "工作计划", "4", "未制定的扣4分"], ["2", "专题研究", "5", "未研究的扣5分"]])).toEqual([]);
  });

  it("the declared total against the top level", () => {
    const d = readCriteriaTable([["考核实行百分制"], HEAD, ["1", "工作计划", "40", "未制定的扣40分"], ["2", "专题研究", "50", "未研究的扣50分"]]).diagnostics;
    expect(d.map((x) => x.code)).toEqual(["criteria_total_mismatch"]);
    expect(d[0]?.message).toBe("总分为100分，一级各项合计90分");
  });

  it("items with no rule read", () => {
    const d = readCriteriaTable([HEAD, ["1", "工作计划", "4", "按实际情况酌情扣分"], ["2", "专题研究", "5", ""]]).diagnostics;
    expect(d.map((x) => [x.code, x.path.join(".")])).toEqual([
      ["criteria_phrase_unread", "items.0.phrases.0"],
      ["criteria_item_without_rule", "items.0.phrases"],
      ["criteria_item_without_rule", "items.1.phrases"],
    ]);
  });

  it("a rule that can deduct more than the item's points without 扣完为止", () => {
    expect(codes([HEAD, ["1", "工作计划", "3", "没有总体方案的扣3分；未及时备案的扣1分"]])).toEqual([["criteria_deduction_exceeds_points", "items.0"]]);
    expect(codes([HEAD, ["1", "工作计划", "3", "没有总体方案的扣3分；未及时备案的扣1分；扣完为止"]])).toEqual([]);
    expect(codes([HEAD, ["1", "监督检查", "3", "每发现一起扣1分"]])).toEqual([["criteria_deduction_exceeds_points", "items.0"]]);
    expect(codes([HEAD, ["1", "学法", "1.5", "每少一次扣0.3分，累计扣分不超过1.2分"]])).toEqual([]);
    expect(readCriteriaTable([HEAD, ["1", "监督检查", "3", "每发现一起扣1分"]]).diagnostics[0]?.message).toBe("第1项（1）“监督检查”分值3分，评分规则可扣分不设上限，但未写明“扣完为止”");
  });

  it("items with no points anywhere above them", () => {
    expect(codes([["类别", "具体项目内容"], ["较大事故", "每起扣5分"]])).toEqual([["criteria_points_missing", "items.0.points"]]);
  });

  it("maxDeduction of each kind", () => {
    const p = (x: Partial<CriteriaPhrase>): CriteriaPhrase => ({ text: "", source: { start: 0, end: 0 }, ...x });
    expect(maxDeduction(p({ kind: "condition", amount: 2 }), 5)).toBe(200);
    expect(maxDeduction(p({ kind: "count_each_short", amount: 0.5, target: 3 }), 5)).toBe(150);
    expect(maxDeduction(p({ kind: "count_each_short", amount: 0.5 }), 5)).toBe(Number.POSITIVE_INFINITY);
    expect(maxDeduction(p({ kind: "rate_min", amount: 1, percent: 95, stepPercent: 10 }), 5)).toBe(1000);
    expect(maxDeduction(p({ kind: "rate_max", amount: 1, percent: 95, stepPercent: 1 }), 5)).toBe(500);
    expect(maxDeduction(p({ kind: "no_score" }), 5)).toBe(500);
    expect(maxDeduction(p({ kind: "award", amount: 3 }), 5)).toBe(0);
    expect(maxDeduction(p({}), 5)).toBe(0);
  });
});
