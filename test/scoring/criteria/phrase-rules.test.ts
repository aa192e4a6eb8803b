// Each phrase rule alone, then the registry order. Phrasings come from published tables
// (test/corpus/criteria) and the wordings the issue names.
import { describe, expect, it } from "vitest";
import { readAmount } from "../../../src/scoring/criteria/numbers.js";
import { PHRASE_RULES, type PhraseContext, type PhraseRule } from "../../../src/scoring/criteria/phrase-rules.js";
import { readPhrase } from "../../../src/scoring/criteria/phrases.js";
import type { CriteriaPhrase } from "../../../src/scoring/criteria/types.js";
import { normalizeText } from "../../../src/text/normalize.js";

const rule = (name: string): PhraseRule => {
  const r = PHRASE_RULES.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no rule ${name}`);
  return r;
};
const ctx = (item = "", previous: CriteriaPhrase[] = []): PhraseContext => ({ item, previous });
const read = (phrase: string, context = ctx()) => {
  const p = readPhrase(normalizeText(phrase), context, { start: 0, end: phrase.length });
  return { kind: p.kind, rule: p.rule, amount: p.amount, target: p.target, percent: p.percent, stepPercent: p.stepPercent, multiple: p.multiple, grade: p.grade };
};
const only = (name: string, phrase: string, context = ctx()) => rule(name).read(normalizeText(phrase), context);

describe("amounts", () => {
  it("reads digits, Chinese numerals and 点", () => {
    expect(["3", "0.5", "二", "两", "十二", "零点五", "一点二五", "1.25"].map(readAmount)).toEqual([3, 0.5, 2, 2, 12, 0.5, 1.25, 1.25]);
    expect(["", "点五", "二点", "甲"].map(readAmount)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("each phrase rule alone", () => {
  it("floor: 扣完为止, 分值扣完为止, 直至本项分值扣完, 以扣完5分为止, 扣完标准分的2倍为止", () => {
    for (const p of ["扣完为止", "分值扣完为止", "直至本项分值扣完", "以扣完5分为止", "本项分值扣完为止"]) expect([p, only("floor", p)]).toEqual([p, {}]);
    expect(only("floor", "扣完标准分的2倍为止")).toEqual({ multiple: 2 });
    expect(only("floor", "扣完本项分值的两倍为止")).toEqual({ multiple: 2 });
    expect(only("floor", "每发现一起扣1分")).toBeUndefined();
  });

  it("deduction_cap: 累计扣分不超过1.2分, 本项限扣5分, 最多扣3分", () => {
    expect(only("deduction_cap", "累计扣分不超过1.2分")).toEqual({ amount: 1.2 });
    expect(only("deduction_cap", "本项限扣5分")).toEqual({ amount: 5, condition: "本项" });
    expect(only("deduction_cap", "最多扣3分")).toEqual({ amount: 3 });
    // after a bonus, 累计不超过 caps the bonus instead
    const bonus: CriteriaPhrase = { text: "获省级表彰的加2分", kind: "bonus", amount: 2, source: { start: 0, end: 0 } };
    expect(only("deduction_cap", "累计不超过5分", ctx("", [bonus]))).toBeUndefined();
  });

  it("bonus_cap: 最高加5分, 加分累计不超过5分, 累计不超过N分 after a bonus", () => {
    expect(only("bonus_cap", "最高加5分")).toEqual({ amount: 5 });
    expect(only("bonus_cap", "加分累计不超过3分")).toEqual({ amount: 3 });
    const bonus: CriteriaPhrase = { text: "获省级表彰的加2分", kind: "bonus", amount: 2, source: { start: 0, end: 0 } };
    expect(only("bonus_cap", "累计不超过5分", ctx("", [bonus]))).toEqual({ amount: 5 });
    expect(only("bonus_cap", "累计不超过5分")).toBeUndefined();
  });

  it("veto: 一票否决, and a consequence that fails the year's target", () => {
    expect(only("veto", "发生重大执法过错案件的，实行一票否决")).toEqual({ condition: "发生重大执法过错案件" });
    expect(only("veto", "规范性文件违法的，发生一起即为当年行政执法责任目标未完成")?.condition).toBe("规范性文件违法");
    expect(only("veto", "年度考核直接定为不合格等次")).toBeDefined();
    // the consequence decides: a veto item turned into a fixed deduction is not a veto
    expect(only("veto", "发生“一票否决”重特大事项的，扣30分")).toBeUndefined();
  });

  it("grade_cap: 不得评为优秀", () => {
    expect(only("grade_cap", "被通报批评的，不得评为优秀")).toEqual({ grade: "优秀", condition: "被通报批评" });
    expect(only("grade_cap", "不得评为良好等次")?.grade).toBe("良好");
  });

  it("late: 迟报一次扣N分, 超期办理每条扣N分, 未及时…每次扣N分; not 提前或超期, not a flat 未按时…的扣N分", () => {
    expect(only("late", "迟报一次扣0.5分")).toEqual({ amount: 0.5, condition: "迟报" });
    expect(only("late", "超期办理每条扣6分")?.amount).toBe(6);
    expect(only("late", "未及时将答复意见送交区政务公开办的，每次扣3分")?.amount).toBe(3);
    expect(only("late", "逾期报送的扣0.5分/次")?.amount).toBe(0.5);
    expect(only("late", "公文提前或超期公开每条扣5分")).toBeUndefined();
    expect(only("late", "未按时上报的扣1分")).toBeUndefined();
  });

  it("omitted: 漏报一次扣N分", () => {
    expect(only("omitted", "漏报一次扣1分")).toEqual({ amount: 1, condition: "漏报" });
    expect(only("omitted", "应报送而不报的，扣4分")).toBeUndefined();
  });

  it("count_each_short: 每少一次扣N分, with the target printed before (不少于3次, 3篇, 各不少于一次)", () => {
    expect(only("count_each_short", "每少一次扣2分", ctx("各不少于一次"))).toEqual({ amount: 2, target: 1, condition: "" });
    expect(only("count_each_short", "专题研究重点工作每少一次扣0.5分", ctx("全年专题研究重点工作不少于3次"))?.target).toBe(3);
    const before: CriteriaPhrase = { text: "未按要求完成调研文章3篇得2分", source: { start: 0, end: 0 } };
    expect(only("count_each_short", "每少一篇扣0.7分", ctx("", [before]))?.target).toBe(3);
    expect(only("count_each_short", "普法信息少报送一条扣0.25分", ctx("年内报送普法宣传信息不少于4条"))).toEqual({ amount: 0.25, target: 4, condition: "普法信息" });
    expect(only("count_each_short", "每少1次扣0.5分", ctx("有年度工作要点和工作总结"))).toEqual({ amount: 0.5, condition: "" });
  });

  it("count_below: 少于N次的扣M分, 不足N人的扣M分", () => {
    expect(only("count_below", "人大常委会每年组织开展专项执法监督检查少于2次的，扣2分")).toEqual({ target: 2, amount: 2, condition: "人大常委会每年组织开展专项执法监督检查" });
    expect(only("count_below", "人员不足2人的扣0.5分")).toEqual({ target: 2, amount: 0.5, condition: "人员" });
  });

  it("rate_min: 不低于X%, 每低Y个百分点扣N分 (bound from the phrase, the phrases before or the item), flat 低于X%的扣N分", () => {
    expect(only("rate_min", "每低一个百分点扣1分", ctx("参与协商比率不低于95%"))).toEqual({ percent: 95, amount: 1, stepPercent: 1, condition: "" });
    expect(only("rate_min", "低于此每10个百分点扣1分", ctx("全年结案率达到90%"))).toMatchObject({ percent: 90, amount: 1, stepPercent: 10 });
    expect(only("rate_min", "群众满意率低于95%的，每下降1个百分点扣0.5分")).toMatchObject({ percent: 95, amount: 0.5, stepPercent: 1 });
    expect(only("rate_min", "参与率低于90%的扣2分")).toMatchObject({ percent: 90, amount: 2 });
    // a benchmark, or two rates with different bounds, have no single bound to read
    expect(only("rate_min", "群众知晓率低于前一年度全省平均数的，每低1个百分点扣0.25分")).toBeUndefined();
    expect(only("rate_min", "办复率或满意率每低一个百分点扣0.5分", ctx("办复率达100%，基本满意率不低于95%"))).toBeUndefined();
    expect(only("rate_min", "每低一个百分点扣1分")).toBeUndefined();
  });

  it("rate_max: 不高于X%, 每高Y个百分点扣N分", () => {
    expect(only("rate_max", "每高一个百分点扣1分", ctx("行政诉讼败诉率不高于5%"))).toMatchObject({ percent: 5, amount: 1, stepPercent: 1 });
    expect(only("rate_max", "败诉率超过10%的，扣3分")).toMatchObject({ percent: 10, amount: 3 });
  });

  it("per_occurrence: 每发现一起/每起/每件/每次/每例/发生一起/发现一卷/有一项…扣N分", () => {
    for (const [p, n] of [
      ["每发现一起扣1分", 1],
      ["未按要求及时反馈办理结果的，每起扣1分", 1],
      ["转发上级不属于主动公开的文件，每例扣6分", 6],
      ["发生1起扣2分", 2],
      ["执法文书不规范的发现一卷扣10分", 10],
      ["重大决策内容与法律相抵触的，有一项扣3分", 3],
      ["每个问题点扣0.25分", 0.25],
      ["每人次扣0.3分", 0.3],
      ["发生一起党委决定事项与法规相抵触的事件即扣5分", 5],
    ] as const) {
      expect([p, only("per_occurrence", p)?.amount]).toEqual([p, n]);
    }
    expect(only("per_occurrence", "未制定年度计划的扣2分")).toBeUndefined();
  });

  it("bonus: 加N分", () => {
    expect(only("bonus", "进步5位以上的加0.5分")).toEqual({ amount: 0.5, condition: "进步5位以上" });
  });

  it("award and award_otherwise: 有…的得3分，否则得0分 (an award ladder)", () => {
    expect(only("award", "有专门法制工作机构的得3分")).toEqual({ amount: 3, condition: "有专门法制工作机构" });
    expect(only("award", "全部合格的，记4分")?.amount).toBe(4);
    expect(only("award_otherwise", "否则得0分")).toEqual({});
    expect(only("award_otherwise", "否则不得分")).toEqual({});
  });

  it("no_score: …的不得分, 本项即不得分; not 酌情扣分或者不得分", () => {
    expect(only("no_score", "未建立普法领导机构的不得分")).toEqual({ condition: "未建立普法领导机构" });
    expect(only("no_score", "不符合标准的，本项即不得分")).toEqual({ condition: "不符合标准" });
    expect(only("no_score", "实施不到位的，酌情扣分或者不得分")).toBeUndefined();
  });

  it("condition: …的扣N分, with Chinese numbers and PDF spacing; not 分别扣, 酌情, 加倍, 扣减相应分数", () => {
    expect(only("condition", "未制定年度计划的扣2分")).toEqual({ amount: 2, condition: "未制定年度计划" });
    expect(only("condition", "未建立学法制度的，扣 0.3 分")?.amount).toBe(0.3);
    expect(only("condition", "制度不健全的扣二分")?.amount).toBe(2);
    expect(only("condition", "落实不到位的扣零点五分")?.amount).toBe(0.5);
    expect(only("condition", "没有根据目标任务落实相应措施的扣2分")?.amount).toBe(2);
    for (const p of ["第一项、第二项不达要求的分别扣5分", "未按要求开展活动的在2分内酌情扣分", "回访发现整改不到位的，加倍扣分", "出现不合格案卷的，扣减相应分数", "办复率或满意率每低一个百分点扣0.5分"])
      expect([p, only("condition", p)]).toEqual([p, undefined]);
  });
});

describe("the registry", () => {
  it("tries the specific rules before the general condition", () => {
    expect(read("迟报一次扣0.5分").kind).toBe("late");
    expect(read("漏报一次扣1分").kind).toBe("omitted");
    expect(read("每少一次扣2分", ctx("不少于3次"))).toMatchObject({ kind: "count_each_short", target: 3 });
    expect(read("每发现一起扣1分").kind).toBe("per_occurrence");
    expect(read("未按时上报的扣 1分")).toMatchObject({ kind: "condition", amount: 1 });
    expect(read("累计扣分不超过1.2分")).toMatchObject({ kind: "deduction_cap", amount: 1.2 });
    expect(read("获省级表彰的加2分")).toMatchObject({ kind: "bonus", amount: 2 });
    expect(read("最高加5分")).toMatchObject({ kind: "bonus_cap", amount: 5 });
    expect(read("发生“一票否决”事项的，扣30分")).toMatchObject({ kind: "condition", amount: 30 });
    expect(read("否则得0分").kind).toBe("award_otherwise");
    expect(read("提供相关影像资料").kind).toBeUndefined();
  });

  it("every rule has a unique name", () => {
    const names = PHRASE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
