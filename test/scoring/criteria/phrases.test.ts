import { describe, expect, it } from "vitest";
import { cutPhrases, readCriteriaPhrases } from "../../../src/scoring/criteria/phrases.js";
import { normalizeText } from "../../../src/text/normalize.js";

const cut = (text: string) => {
  const t = normalizeText(text);
  const r = cutPhrases(t);
  return { phrases: r.phrases.map((c) => t.slice(c.from, c.to)), leadIn: r.leadIn === undefined ? undefined : t.slice(r.leadIn.from, r.leadIn.to) };
};

describe("cutting a 评分标准 into phrases", () => {
  it("cuts at 。 and ；", () => {
    expect(cut("制度不健全的扣3分；落实不到位的扣2分。").phrases).toEqual(["制度不健全的扣3分", "落实不到位的扣2分"]);
  });

  it("cuts at a comma after a complete consequence, not inside a condition", () => {
    expect(cut("迟报一次扣0.5分，漏报一次扣1分。").phrases).toEqual(["迟报一次扣0.5分", "漏报一次扣1分"]);
    expect(cut("群众满意率低于95%的，每下降1个百分点扣0.5分。").phrases).toEqual(["群众满意率低于95%的，每下降1个百分点扣0.5分"]);
    expect(cut("有专门法制工作机构的得3分,有机构负责法制工作的得2分,否则得0分。").phrases).toEqual(["有专门法制工作机构的得3分", "有机构负责法制工作的得2分", "否则得0分"]);
    expect(cut("每少一次扣0.3分,累计扣分不超过1.2分").phrases).toEqual(["每少一次扣0.3分", "累计扣分不超过1.2分"]);
  });

  it("drops 考核： and list labels; text before a circled list is the requirement (lead-in)", () => {
    expect(cut("考核:未成立领导小组的扣0.5分;未明确分管领导的扣0.5分。").phrases).toEqual(["未成立领导小组的扣0.5分", "未明确分管领导的扣0.5分"]);
    expect(cut("及时、规范公开政府信息。 ①公文超期公开每条扣5分;②要素未规范录入每条扣1分。")).toEqual({ phrases: ["公文超期公开每条扣5分", "要素未规范录入每条扣1分"], leadIn: "及时、规范公开政府信息" });
    expect(cut("1.发生较大安全事故的，每起扣5分；2.命案每起扣5分。").phrases).toEqual(["发生较大安全事故的，每起扣5分", "命案每起扣5分"]);
    expect(cut("标准分1.5分，扣完为止").phrases).toEqual(["标准分1.5分，扣完为止"]);
  });

  it("rule `evidence_clause`: the evidence asked for is a phrase of its own", () => {
    expect(cut("提供相关证明资料,没有积极开展活动的,扣5分。").phrases).toEqual(["提供相关证明资料", "没有积极开展活动的，扣5分"]);
  });

  it("is linear on long runs of commas and sentences", () => {
    const long = "，".repeat(100_000);
    expect(cut(long).phrases).toEqual([]);
    expect(cut("扣1分，".repeat(20_000)).phrases.length).toBe(20_000);
  });
});

describe("readCriteriaPhrases", () => {
  it("keeps the offsets of every phrase in the original text, through PDF spacing", () => {
    const text = "每少一次扣 2 分，\n扣完为止；发生重大案件的，实行一票否决。";
    const { phrases, diagnostics } = readCriteriaPhrases(text, { item: "每季度召开一次，全年不少于4次" });
    expect(phrases.map((p) => [p.kind, p.amount, p.target])).toEqual([
      ["count_each_short", 2, 4],
      ["floor", undefined, undefined],
      ["veto", undefined, undefined],
    ]);
    for (const p of phrases) expect(normalizeText(text.slice(p.source.start, p.source.end)).replace(/\s/g, "")).toBe(p.text);
    expect(phrases[1]?.source.line).toBe(2);
    expect(diagnostics).toEqual([]);
  });

  it("reports every phrase it does not understand, quoting it", () => {
    const { phrases, diagnostics } = readCriteriaPhrases("未制定计划的扣2分；在2分内酌情扣分");
    expect(phrases.map((p) => p.kind)).toEqual(["condition", undefined]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "criteria_phrase_unread", severity: "warning", path: ["phrases", 1] });
    expect(diagnostics[0]?.message).toContain("“在2分内酌情扣分”");
    expect(diagnostics[0]?.messageEn).toContain('"在2分内酌情扣分"');
  });

  it("never throws, whatever it is given", () => {
    for (const bad of [undefined, null, 42, {}, "", "\n\n", "扣", "分".repeat(1000)] as unknown as string[]) expect(() => readCriteriaPhrases(bad)).not.toThrow();
  });
});

describe("a county's own phrasing", () => {
  it("is read by a rule put in front of the built-in ones, in phrases and in tables", async () => {
    const { PHRASE_RULES } = await import("../../../src/scoring/criteria/phrase-rules.js");
    const { readCriteriaTable } = await import("../../../src/scoring/criteria/read.js");
    const warning = { name: "warning_one_point", kind: "condition" as const, read: (p: string) => (p.endsWith("予以警告") ? { amount: 1, condition: p.slice(0, -4).replace(/[，的]+$/, "") } : undefined) };
    expect(readCriteriaPhrases("台账不全的，予以警告").phrases[0]?.kind).toBeUndefined();
    expect(readCriteriaPhrases("台账不全的，予以警告", { rules: [warning, ...PHRASE_RULES] }).phrases[0]).toMatchObject({ kind: "condition", rule: "warning_one_point", amount: 1, condition: "台账不全" });
    const rows = [["序号", "考核内容", "分值", "评分标准"], ["1", "台账管理", "2", "台账不全的，予以警告"]];
    expect(readCriteriaTable(rows, { rules: [warning, ...PHRASE_RULES] }).items[0]?.phrases[0]?.rule).toBe("warning_one_point");
  });
});

describe("options that are not options", () => {
  it("are ignored, in every reader", async () => {
    const { readCriteriaTable, readCriteriaText } = await import("../../../src/scoring/criteria/read.js");
    for (const bad of [null, 42, "x", [], { rules: "x", item: 3 }] as unknown as object[]) {
      expect(readCriteriaPhrases("未制定计划的扣2分", bad).phrases[0]?.kind).toBe("condition");
      expect(readCriteriaText("1.计划（2分）考核：未制定的扣2分", bad).items).toHaveLength(1);
      expect(readCriteriaTable([["序号", "考核内容", "分值", "评分标准"], ["1", "计划", "2", "未制定的扣2分"]], bad).items).toHaveLength(1);
    }
  });
});
