// Worked examples from real published assessment rules. Each test cites its source (the page,
// and the copy kept in test/corpus/criteria/ where there is one), writes the rule as a scheme in
// the document's own phrasing, and checks the result against a hand computation written beside
// it. Where a table is a fragment, the area points are the sum of the items the fragment shows.
import { describe, expect, it } from "vitest";
import type { ScoreCard } from "../../src/model/scoring.js";
import { explainScoreCard } from "../../src/scoring/explain.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readScheme } from "../../src/scoring/validate-scheme.js";
import { seedContext } from "../support/context.js";
import { ledgerOf, world } from "../support/small-world.js";

const w = world();
const GRADES = { grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }], lowestGrade: "不合格" };

/** Read a scheme as a county would (readScheme, with the plan and roster); fail loudly if it is not valid. */
const scheme = (s: Record<string, unknown>) => {
  const r = readScheme({ id: "worked", title: "worked example", normalise: false, ...GRADES, ...s }, { plan: w.plan, roster: w.roster });
  if (!r.ok) throw new Error(r.issues.map((d) => `${d.path.join(".")} ${d.message}`).join("\n"));
  return r.value;
};
type Scheme = ReturnType<typeof scheme>;
// A scheme shared by a describe block is read inside each test (`() => scheme(…)`), not when the
// file loads: StrykerJS then knows which test covers which line (npm run mutate).
const score = (s: Scheme | (() => Scheme), entries: unknown[]) =>
  scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme: typeof s === "function" ? s() : s, ledger: ledgerOf(entries), asOf: w.asOf });
const card = (cards: readonly ScoreCard[], unit: string) => cards.find((c) => c.unitId === unit)!;
const line = (c: ScoreCard, id: string) => c.lines.find((l) => l.id === id)!;
let n = 0;
const incident = (unitId: string, tag: string, extra: Record<string, unknown> = {}) => ({ id: `i${++n}`, unitId, date: "2024-06-01", kind: "incident", tag, ...extra });
const measure = (unitId: string, metric: string, value: number, date = "2024-11-30") => ({ id: `m${++n}`, unitId, date, kind: "measure", metric, value });

describe("mechanic 1: several clauses under one item, summed against its one floor", () => {
  // 湖北省法治县(市、区)创建考评标准(试行), 一、1、第2条（5分，责任单位 市委办）：
  // “建立健全常(党)委会议事规则及有关决策的听证、集体决策、评价、责任追究等制度。制度不健全的扣3分；落实不到位的扣2分。”
  // Source: https://777doc.com/doc-945908.html (test/corpus/criteria/hubei-fazhixian-chuangjian-kaoping.txt)
  const s = () => scheme({
    total: 5,
    areas: [{ id: "decide", name: "科学民主决策", points: 5, office: "市委办" }],
    indicators: [
      {
        id: "rules", name: "建立健全常(党)委会议事规则及有关决策制度", area: "decide", points: 5, appliesTo: {},
        methods: [{ kind: "condition", tag: "制度不健全", points: 3, phrase: "制度不健全的扣3分" }, { kind: "condition", tag: "落实不到位", points: 2, phrase: "落实不到位的扣2分" }],
        rule: "制度不健全的扣3分；落实不到位的扣2分",
      },
    ],
  });

  it("both clauses apply and add up: 5 − 3 − 2 = 0; one clause: 5 − 2 = 3", () => {
    const cards = score(s, [incident("sfj", "制度不健全"), incident("sfj", "落实不到位"), incident("gaj", "落实不到位")]);
    // 县司法局: 5 − (3 + 2) = 0.  县公安局: 5 − 2 = 3.
    expect(line(card(cards, "sfj"), "rules").earned).toBe(0);
    expect(line(card(cards, "gaj"), "rules").earned).toBe(300);
    // Both facts stay in the explanation (today's tier kept only the worst).
    expect(line(card(cards, "sfj"), "rules").adjustments.map((a) => [a.reason, a.hundredths])).toEqual([
      ["存在“制度不健全”的情形", 300],
      ["存在“落实不到位”的情形", 200],
    ]);
    expect(line(card(cards, "sfj"), "rules").office).toBe("市委办");
  });

  // Same table, 2、第7条（3分）：“人大代表和政协委员的议案、建议、提案，办复率达100%，基本满意率不低于95%。
  // 办复率或满意率每低一个百分点扣0.5分。分值扣完为止。” — two rates sharing the item's one floor.
  it("two rates on one item share its floor (办复率或满意率每低一个百分点扣0.5分，分值扣完为止)", () => {
    const rates = scheme({
      total: 3,
      areas: [{ id: "core", name: "核心作用发挥", points: 3 }],
      indicators: [
        {
          id: "motions", name: "议案建议提案办理", area: "core", points: 3, appliesTo: {}, floor: { kind: "zero" },
          methods: [
            { kind: "rate", metric: "办复率", bound: "at_least", target: 100, per: 0.5, phrase: "办复率达100%，每低一个百分点扣0.5分" },
            { kind: "rate", metric: "基本满意率", bound: "at_least", target: 95, per: 0.5, phrase: "基本满意率不低于95%，每低一个百分点扣0.5分" },
          ],
        },
      ],
    });
    const cards = score(rates, [measure("sfj", "办复率", 98.5), measure("sfj", "基本满意率", 93), measure("gaj", "办复率", 96), measure("gaj", "基本满意率", 92)]);
    // 县司法局: (100 − 98.5) × 0.5 = 0.75; (95 − 93) × 0.5 = 1; 3 − 1.75 = 1.25.
    expect(line(card(cards, "sfj"), "motions").earned).toBe(125);
    // 县公安局: (100 − 96) × 0.5 = 2; (95 − 92) × 0.5 = 1.5; 3.5 > 3, 扣完为止: 0.
    expect(line(card(cards, "gaj"), "motions")).toMatchObject({ earned: 0, note: "扣完为止" });
  });

  // 湖州市司法局《市强制隔离戒毒所2020年度工作考评细则》第1项 队伍建设（5分，责任处室 政治部）：
  // “群众满意率（含比较满意率）低于95%的，每下降1个百分点扣0.5分。未制定、实施年度党建工作计划的，扣1分。
  // 未达到年度党支部标准化建设创建比例要求的，扣1分。”（“在2分内酌情扣分”一句是酌情条款，不写成规则。）
  // Source: http://sfj.huzhou.gov.cn/art/2020/6/19/art_1229209425_54625287.html (test/corpus/criteria/huzhou-2020-jiedusuo-kaoping.txt)
  it("a rate and two conditions on one item, with its scoring office (责任处室)", () => {
    const s2 = scheme({
      total: 5,
      areas: [{ id: "general", name: "综合工作", points: 5 }],
      indicators: [
        {
          id: "team", name: "队伍建设", area: "general", points: 5, office: "政治部", appliesTo: {},
          methods: [
            { kind: "rate", metric: "群众满意率", bound: "at_least", target: 95, per: 0.5, phrase: "群众满意率低于95%的，每下降1个百分点扣0.5分" },
            { kind: "condition", tag: "未制定实施年度党建工作计划", points: 1 },
            { kind: "condition", tag: "未达到党支部标准化建设创建比例", points: 1 },
          ],
        },
      ],
    });
    const cards = score(s2, [measure("sfj", "群众满意率", 92.6), incident("sfj", "未制定实施年度党建工作计划"), measure("gaj", "群众满意率", 96)]);
    // 县司法局: (95 − 92.6) × 0.5 = 1.2; + 1 = 2.2; 5 − 2.2 = 2.8.
    expect(line(card(cards, "sfj"), "team").earned).toBe(280);
    expect(line(card(cards, "gaj"), "team").earned).toBe(500);
    expect(explainScoreCard(card(cards, "sfj"))).toContain("队伍建设（满分5分）：得2.8分，合计扣2.2分。（评分单位：政治部）");
  });
});

describe("mechanic 2: hierarchies of any depth, floors and caps at every level", () => {
  // 开江县法治政府建设考核（部门），一、完善法治政府建设保障措施（15分）下的（一）至（四）：
  // （一）加强组织领导（4分）：1.（3分）未成立领导小组的扣0.5分；未明确分管领导的扣0.5分；专题研究法治政府建设
  //   重点工作（全年不少于3次）每少一次扣0.5分。2.（0.5分）未制定年度法治政府工作要点的扣0.5分。3.（0.5分）未按时报告的扣0.5分。
  // （二）充实法制力量（1分）：未设立或指定法制机构的扣0.5分；人员不足2人的扣0.5分。
  // （三）落实法律顾问制度（1分）：未按要求聘用法律顾问的扣1分。
  // （四）1.（1.5分）每年专题学法不少于6次：未建立学法制度的，扣0.3分；每少一次扣0.3分，累计扣分不超过1.2分。
  //      2.（1.5分）未组织本单位的法律培训、业务培训的，扣0.6分；有无故迟到、早退、缺席的，每人次扣0.3分，累计扣分不超过0.9分。
  // The fragment stops inside （四）3, so （四）here is 3 points and 一 is 4 + 1 + 1 + 3 = 9.
  // Source: http://www.kaijiang.gov.cn/xxgk-show-138.html (test/corpus/criteria/kaijiang-fazhizhengfu-kaohe.txt)
  const s = () => scheme({
    total: 9,
    areas: [
      { id: "一", name: "完善法治政府建设保障措施", points: 9 },
      { id: "一.一", name: "加强组织领导", points: 4, parent: "一" },
      { id: "一.四", name: "运用法治思维和方式的能力不断提升", points: 3, parent: "一" },
    ],
    indicators: [
      {
        id: "一.一.1", name: "行政首长履行第一责任人责任", area: "一.一", points: 3, appliesTo: {},
        methods: [
          { kind: "condition", tag: "未成立法治政府建设领导小组", points: 0.5 },
          { kind: "condition", tag: "未明确分管领导", points: 0.5 },
          { kind: "count", metric: "专题研究法治政府建设重点工作次数", atLeast: 3, perShort: 0.5, phrase: "每少一次扣0.5分" },
        ],
      },
      { id: "一.一.2", name: "制定年度法治政府工作要点", area: "一.一", points: 0.5, appliesTo: {}, methods: [{ kind: "condition", tag: "未制定年度法治政府工作要点", points: 0.5 }] },
      { id: "一.一.3", name: "每年12月报告法治政府建设情况", area: "一.一", points: 0.5, appliesTo: {}, methods: [{ kind: "condition", tag: "未按时报告", points: 0.5 }] },
      {
        id: "一.二", name: "充实法制力量", area: "一", points: 1, appliesTo: {},
        methods: [{ kind: "condition", tag: "未设立或指定法制机构", points: 0.5 }, { kind: "count", metric: "法制机构人员数", atLeast: 2, below: 0.5, phrase: "人员不足2人的扣0.5分" }],
      },
      { id: "一.三", name: "落实法律顾问制度", area: "一", points: 1, appliesTo: {}, methods: [{ kind: "condition", tag: "未按要求聘用法律顾问", points: 1 }] },
      {
        id: "一.四.1", name: "行政首长带头学法", area: "一.四", points: 1.5, appliesTo: {},
        methods: [{ kind: "condition", tag: "未建立学法制度", points: 0.3 }, { kind: "count", metric: "专题学法次数", atLeast: 6, perShort: 0.3, cap: 1.2, phrase: "每少一次扣0.3分，累计扣分不超过1.2分" }],
      },
      {
        id: "一.四.2", name: "加强执法人员培训", area: "一.四", points: 1.5, appliesTo: {},
        methods: [{ kind: "condition", tag: "未组织法律培训业务培训", points: 0.6 }, { kind: "incidents", tag: "无故迟到早退缺席", per: 0.3, cap: 0.9, phrase: "每人次扣0.3分，累计扣分不超过0.9分" }],
      },
    ],
  });

  it("works through three levels, with clause caps (累计扣分不超过), by hand", () => {
    const cards = score(s, [
      measure("sfj", "专题研究法治政府建设重点工作次数", 1),
      incident("sfj", "未明确分管领导"),
      incident("sfj", "未按时报告"),
      measure("sfj", "法制机构人员数", 1),
      incident("sfj", "未建立学法制度"),
      measure("sfj", "专题学法次数", 2),
      incident("sfj", "无故迟到早退缺席", { count: 5 }),
      measure("gaj", "专题研究法治政府建设重点工作次数", 3),
      measure("gaj", "法制机构人员数", 2),
      measure("gaj", "专题学法次数", 4),
    ]);
    const sfj = card(cards, "sfj");
    // （一）1: 未明确分管领导 0.5 + 少2次 × 0.5 = 1.5; 3 − 1.5 = 1.5.  2: 0.5.  3: 未按时报告, 0.
    // （一）= 1.5 + 0.5 + 0 = 2.
    // （二）: 1 人，不足2人 0.5; 1 − 0.5 = 0.5.  （三）: 1.
    // （四）1: 未建立学法制度 0.3 + 少4次 × 0.3 = 1.2（不超过1.2）→ 1.5 扣完, 0.
    // （四）2: 5人次 × 0.3 = 1.5, 累计不超过0.9 → 0.9; 1.5 − 0.9 = 0.6.  （四）= 0.6.
    // 一 = 2 + 0.5 + 1 + 0.6 = 4.1.
    expect(sfj.areas!.map((a) => [a.id, a.available, a.earned])).toEqual([
      ["一", 900, 410],
      ["一.一", 400, 200],
      ["一.四", 300, 60],
    ]);
    expect(sfj.total).toBe(410);
    expect(line(sfj, "一.四.2").adjustments.map((a) => a.hundredths)).toEqual([150, -60]);
    // 县公安局: only 专题学法 4 次, 少2次 × 0.3 = 0.6 → （四）1 = 0.9; 一 = 9 − 0.6 = 8.4.
    expect(card(cards, "gaj").total).toBe(840);
  });

  // 温州市《2017年度县(市、区)考绩办法》附件3 平安建设“负面清单”，“平安三率（本项限扣5分）”：
  // “1.市平安办委托测评的群众安全感低于96%的，每降低1个百分点扣0.25分；低于90%的，每降低1个百分点扣0.5分。
  //  2.群众知晓率、参与度低于前一年度全省平均数的，每低1个百分点扣0.25分。”
  // A negative list: items of 0 points that only deduct, applied to a named part of the score; the
  // category's floor is 限扣5分. Reading of 1.: below 90% each point costs 0.5 in all, i.e. 0.25
  // more than above 90% (two rate clauses, 96% and 90%). The provincial averages are facts in the
  // ledger (reported by the office), not numbers edited into the scheme each year.
  // Source: http://www.wzdkw.gov.cn/system/2017/04/13/012721819_03.shtml (test/corpus/criteria/wenzhou-2017-pingan-fumianqingdan.txt)
  const negative = () => scheme({
    total: 10,
    areas: [
      { id: "work", name: "工作实绩", points: 10 },
      { id: "neg", name: "平安建设负面清单", points: 0, floor: { kind: "none" } },
    ],
    indicators: [
      { id: "work", name: "工作实绩", area: "work", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "工作失误", per: 1 }] },
      {
        id: "三率", name: "平安三率", area: "neg", points: 0, floor: { kind: "deduction", points: 5 }, appliesTo: {},
        methods: [
          { kind: "rate", metric: "群众安全感", bound: "at_least", target: 96, per: 0.25 },
          { kind: "rate", metric: "群众安全感", bound: "at_least", target: 90, per: 0.25 },
          { kind: "rate", metric: "群众知晓率", bound: "at_least", target: { benchmark: "上年度全省平均群众知晓率" }, per: 0.25 },
          { kind: "rate", metric: "群众参与度", bound: "at_least", target: { benchmark: "上年度全省平均群众参与度" }, per: 0.25 },
        ],
        rule: "本项限扣5分",
      },
    ],
  });

  it("a negative list deducts from the score, by steps against benchmarks reported as facts, down to its 限扣5分", () => {
    const averages = [measure("xwb", "上年度全省平均群众知晓率", 85.25, "2024-03-01"), measure("xwb", "上年度全省平均群众参与度", 86, "2024-03-01")];
    const cards = score(negative, [
      ...averages,
      measure("sfj", "群众安全感", 88), measure("sfj", "群众知晓率", 80.5), measure("sfj", "群众参与度", 84.3),
      measure("gaj", "群众安全感", 85), measure("gaj", "群众知晓率", 78.25), measure("gaj", "群众参与度", 86),
    ]);
    // 县司法局: 安全感 (96 − 88) × 0.25 = 2 and (90 − 88) × 0.25 = 0.5; 知晓率 (85.25 − 80.5) × 0.25 = 1.1875 → 1.19
    // (四舍五入 to the hundredth); 参与度 (86 − 84.3) × 0.25 = 0.425 → 0.43. In all 2 + 0.5 + 1.19 + 0.43 = 4.12 ≤ 5.
    // Total 10 − 4.12 = 5.88.
    expect(line(card(cards, "sfj"), "三率").earned).toBe(-412);
    expect(card(cards, "sfj").total).toBe(588);
    // 县公安局: (96 − 85) × 0.25 = 2.75; (90 − 85) × 0.25 = 1.25; (85.25 − 78.25) × 0.25 = 1.75; 参与度 0. 5.75 > 5 → −5.
    expect(line(card(cards, "gaj"), "三率")).toMatchObject({ earned: -500, note: "累计扣分不超过5分" });
    expect(card(cards, "gaj").total).toBe(500);
    expect(line(card(cards, "sfj"), "三率").adjustments[2]!.reason).toBe("“群众知晓率”为80.5%，比“上年度全省平均群众知晓率”（85.25%）低4.75个百分点，每低1个百分点扣0.25分");
  });
});

describe("mechanic 2, clause caps: 累计扣分不超过 takes back only what is over, and says how much", () => {
  // The same 开江县 table, 一、（四）2.（1.5分）：“有无故迟到、早退、缺席的，每人次扣0.3分，累计扣分不超过0.9分。”
  // Source: http://www.kaijiang.gov.cn/xxgk-show-138.html (test/corpus/criteria/kaijiang-fazhizhengfu-kaohe.txt)
  const s = () => scheme({
    total: 1.5,
    areas: [{ id: "一.四", name: "运用法治思维和方式的能力不断提升", points: 1.5 }],
    indicators: [{
      id: "一.四.2", name: "加强执法人员培训", area: "一.四", points: 1.5, appliesTo: {},
      methods: [{ kind: "condition", tag: "未组织法律培训业务培训", points: 0.6 }, { kind: "incidents", tag: "无故迟到早退缺席", per: 0.3, cap: 0.9, phrase: "每人次扣0.3分，累计扣分不超过0.9分" }],
    }],
  });

  it("3人次 is exactly 0.9: nothing given back; 5人次 is 1.5: 0.6 given back, in Chinese and English", () => {
    const cards = score(s, [incident("sfj", "无故迟到早退缺席", { count: 3 }), incident("gaj", "无故迟到早退缺席", { count: 5 })]);
    // 县司法局: 3 × 0.3 = 0.9, at the cap: 1.5 − 0.9 = 0.6, one adjustment.
    expect(line(card(cards, "sfj"), "一.四.2").adjustments.map((a) => [a.reason, a.hundredths])).toEqual([["发现“无故迟到早退缺席”3起，每起扣0.3分", 90]]);
    expect(line(card(cards, "sfj"), "一.四.2").earned).toBe(60);
    // 县公安局: 5 × 0.3 = 1.5, over the cap by 0.6: 1.5 − 0.9 = 0.6.
    const gaj = line(card(cards, "gaj"), "一.四.2");
    expect(gaj.earned).toBe(60);
    expect(gaj.adjustments[1]).toEqual({ reason: "本条累计扣分不超过0.9分，超出的0.6分不扣", reasonEn: "this clause deducts at most 0.9", hundredths: -60, entries: [], clause: 1 });
  });
});

describe("mechanic 3: counts that do not depend on the plan's dates", () => {
  // 连云港市2011年法治县区创建考核内容及评分标准，第二条（3分）（一）：“人大常委会每年组织开展专项执法监督检查
  // 少于2次的，扣2分。”（（二）的规则在片段中被截断，这里只写（一）。）
  // Source: https://renrendoc.com/p-11559222.html (test/corpus/criteria/lianyungang-2011-fazhi-chuangjian.txt)
  it("少于2次的扣2分 (once, when short)", () => {
    const s = scheme({ total: 3, areas: [{ id: "npc", name: "人大、政协充分发挥职能作用", points: 3 }], indicators: [{ id: "supervise", name: "专项执法监督检查", area: "npc", points: 3, appliesTo: {}, methods: [{ kind: "count", metric: "专项执法监督检查次数", atLeast: 2, below: 2 }] }] });
    const cards = score(s, [measure("sfj", "专项执法监督检查次数", 1), measure("gaj", "专项执法监督检查次数", 2)]);
    // 县司法局: 1 < 2, 3 − 2 = 1.  县公安局: 2 次, 3.
    expect([line(card(cards, "sfj"), "supervise").earned, line(card(cards, "gaj"), "supervise").earned]).toEqual([100, 300]);
  });

  // 2023年信访工作目标管理考核细则（镇街道），2.（4分）：“每年至少召开4次会议，专门研究信访工作。每少1次会议扣1分。”
  // Counted from the completions reported in the ledger (held, with their count), whatever their dates.
  // Source: https://m.001doc.com/doc/359398.html
  it("每少一次扣1分, counting held entries of the plan's task on any date of the year", () => {
    const s = scheme({ total: 4, areas: [{ id: "lead", name: "领导重视", points: 4 }], indicators: [{ id: "meetings", name: "专题研究信访工作", area: "lead", points: 4, appliesTo: {}, methods: [{ kind: "count", taskIds: ["test-2024.t02"], atLeast: 4, perShort: 1 }] }] });
    const held = (id: string, unitId: string, date: string, count?: number) => ({ id, unitId, taskId: "test-2024.t02", date, kind: "held", ...(count !== undefined ? { count } : {}) });
    const cards = score(s, [held("h1", "zfb", "2024-01-03"), held("h2", "zfb", "2024-12-30", 2), held("h3", "sfj", "2024-05-01")]);
    // 县政府办: 1 + 2 = 3 次，少1次, 4 − 1 = 3.  县司法局: 1 次，少3次, 4 − 3 = 1.  县委办: 0 次, 0.
    expect(["zfb", "sfj", "xwb"].map((u) => line(card(cards, u), "meetings").earned)).toEqual([300, 100, 0]);
  });

  // 达州市达川区信访工作考核细则：“乡镇（街道）党政办公会或信访联席会议、区级部门办公会专题研究部署信访工作的，
  // 每次得1分，最多得6分。” — a count that earns up: 6 points less 1 for each time short of 6.
  // Source: http://dachuan.gov.cn/xxgk-show-138149.html
  it("每次得1分，最多得6分 as a count of 6 with 1 per time short", () => {
    const s = scheme({ total: 6, areas: [{ id: "duty", name: "落实信访工作责任制", points: 6 }], indicators: [{ id: "meet", name: "专题研究部署信访工作", area: "duty", points: 6, appliesTo: {}, methods: [{ kind: "count", metric: "专题研究次数", atLeast: 6, perShort: 1 }] }] });
    const cards = score(s, [measure("sfj", "专题研究次数", 4), measure("gaj", "专题研究次数", 9)]);
    // 4 次 → 4 分; 9 次 → 最多 6 分.
    expect([line(card(cards, "sfj"), "meet").earned, line(card(cards, "gaj"), "meet").earned]).toEqual([400, 600]);
  });
});

describe("mechanic 4: rates with bounds, steps and a declared rounding, in exact integers", () => {
  // 湖北省法治县(市、区)创建考评标准(试行) 第5条（4分）：“党委在决策时，人大、政府、政协参与协商比率不低于95%。
  // 每低一个百分点扣1分。分值扣完为止。” Source: https://777doc.com/doc-945908.html
  it("不低于95%，每低一个百分点扣1分，分值扣完为止", () => {
    const s = scheme({ total: 4, areas: [{ id: "decide", name: "科学民主决策", points: 4 }], indicators: [{ id: "consult", name: "参与协商比率", area: "decide", points: 4, appliesTo: {}, floor: { kind: "zero" }, methods: [{ kind: "rate", metric: "参与协商比率", bound: "at_least", target: 95, per: 1 }] }] });
    const cards = score(s, [measure("sfj", "参与协商比率", 92.5), measure("gaj", "参与协商比率", 90.99)]);
    // 县司法局: 95 − 92.5 = 2.5 → 4 − 2.5 = 1.5.  县公安局: 95 − 90.99 = 4.01 > 4 → 0.
    expect([line(card(cards, "sfj"), "consult").earned, line(card(cards, "gaj"), "consult").earned]).toEqual([150, 0]);
  });

  // 行政执法责任制考核标准 第九条（五）（3分）：“全年结案率达到90%，低于此每10个百分点扣1分。”
  // A partial step is ambiguous; the scheme declares it. 75%: 15 points short = 1.5 steps.
  // Source: http://www.fymate.net/html/text/lar/171839/17183971_1.html (test/corpus/criteria/buming-zhifa-zerenzhi-kaohe.txt)
  it("每10个百分点扣1分: exact 1.5, whole steps 1, started steps 2", () => {
    const make = (steps: string) =>
      scheme({ total: 3, areas: [{ id: "cases", name: "案件办理情况", points: 3 }], indicators: [{ id: "closed", name: "全年结案率", area: "cases", points: 3, appliesTo: {}, methods: [{ kind: "rate", metric: "结案率", bound: "at_least", target: 90, per: 1, step: 10, steps }] }] });
    const at75 = (steps: string) => line(card(score(make(steps), [measure("sfj", "结案率", 75)]), "sfj"), "closed").earned;
    // 90 − 75 = 15 = 1.5 × 10: exact 3 − 1.5 = 1.5; whole 3 − 1 = 2; started 3 − 2 = 1.
    expect([at75("exact"), at75("whole"), at75("started")]).toEqual([150, 200, 100]);
  });

  // 达川区信访工作考核细则：“信访部门及时受理率（5分），得分=及时受理率×5分。” As a rate: 5 points less 0.05 for
  // each point below 100%. 93.7% × 5 = 4.685; to round the SCORE half up (4.69), the deduction 0.315 rounds half
  // down (0.31) — the scheme declares it. Source: http://dachuan.gov.cn/xxgk-show-138149.html
  it("得分=率×分值, with the rounding the scheme declares", () => {
    const make = (rounding: string) =>
      scheme({ total: 5, rounding, areas: [{ id: "solve", name: "解决信访问题", points: 5 }], indicators: [{ id: "timely", name: "及时受理率", area: "solve", points: 5, appliesTo: {}, methods: [{ kind: "rate", metric: "及时受理率", bound: "at_least", target: 100, per: 0.05 }] }] });
    const at = (rounding: string) => line(card(score(make(rounding), [measure("sfj", "及时受理率", 93.7)]), "sfj"), "timely").earned;
    // 6.3 × 0.05 = 0.315: half_down → 0.31 → 4.69; half_up → 0.32 → 4.68; half_even → 0.32 (31.5 → 32) → 4.68.
    expect([at("half_down"), at("half_up"), at("half_even")]).toEqual([469, 468, 468]);
  });
});

describe("mechanics 6 and 7: adjustments with group caps, evidence, no credit twice, award tiers", () => {
  // 株洲《2012年度政绩考核加减分、保二争一情况的有关说明》：“一、2012年2月以后对2011年工作的表彰项目，在2011年考核
  // 未实施加分的，列入2012年度加分。二、同一表彰文件设有各个层次表彰项的，最高层次按规定分值加分，其它层次加分值依次
  // 酌减。三、……表彰加分最多为5分……四、单位的工作排名加分最多不超过15分……五、……无表彰文件佐证的，暂未实施加分。”
  // The document does not print the points per tier; this example uses 3 / 2 / 1 and 6 per ranking, and declares
  // the reduction of the other tiers as 50%.
  // Source: https://www.hxw.gov.cn/content/2013/02/28/410042.html
  const s = () => scheme({
    total: 10,
    normalise: true,
    areas: [{ id: "work", name: "工作实绩", points: 10 }],
    indicators: [{ id: "work", name: "工作实绩", area: "work", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "工作失误", per: 1 }] }],
    adjustments: {
      groups: [{ id: "honours", name: "表彰类", cap: 5, othersShare: 50 }, { id: "ranks", name: "排名类", cap: 15 }],
      categories: [
        { id: "national", name: "国家级表彰", per: 3, group: "honours", requiresEvidence: true },
        { id: "provincial", name: "省级表彰", per: 2, group: "honours", requiresEvidence: true },
        { id: "city", name: "市级表彰", per: 1, group: "honours", requiresEvidence: true },
        { id: "rank", name: "工作排名靠前", per: 6, group: "ranks" },
      ],
    },
  });
  const award = (id: string, category: string, awardId: string, date = "2024-05-01", evidence = true) => ({ id, unitId: "sfj", date, kind: "award", category, awardId, ...(evidence ? { evidence: [{ title: "表彰文件" }] } : {}) });

  it("adds up each award by hand", () => {
    const cards = score(s, [
      award("a0", "provincial", "D", "2023-04-01"), // credited in 2023
      award("a1", "national", "A"),
      award("a2", "provincial", "A"), // the same award document, a lower tier
      award("a3", "provincial", "B"),
      award("a4", "city", "C", "2024-06-01", false), // no award document
      award("a5", "provincial", "D"), // credited last year: not again
      { id: "r1", unitId: "sfj", date: "2024-12-01", kind: "award", category: "rank", awardId: "R1" },
      { id: "r2", unitId: "sfj", date: "2024-12-01", kind: "award", category: "rank", awardId: "R2" },
      { id: "r3", unitId: "sfj", date: "2024-12-01", kind: "award", category: "rank", awardId: "R3" },
    ]);
    const sfj = card(cards, "sfj");
    // 表彰类: 国家级 A 3 + 省级 A（同一文件其他层次）2 × 50% = 1 + 省级 B 2 = 6 → 表彰加分最多5分: 5.
    //   市级 C: no document, 0.  省级 D: credited in 2023, 0.
    // 排名类: 3 × 6 = 18 → 最多15分: 15.   Total 10 + 5 + 15 = 30.
    expect(sfj.lines.filter((l) => l.kind === "bonus").map((l) => [l.id, l.earned])).toEqual([
      ["national", 300],
      ["provincial", 200],
      ["city", 0],
      ["rank", 1500],
    ]);
    expect(sfj.total).toBe(3000);
    const provincial = line(sfj, "provincial");
    expect(provincial.note).toBe("表彰类合计最多5分，已封顶");
    expect(provincial.adjustments.map((a) => [a.reason, a.hundredths])).toEqual([
      ["获得“省级表彰”（同一表彰的其他层次，按50%计）", -100],
      ["获得“省级表彰”", -200],
      ["“省级表彰”已在以前年度加过分，不重复加分", 0],
      ["超出上限的1分不计", 100],
    ]);
    expect(line(sfj, "city").adjustments[0]!.reason).toBe("“市级表彰”没有表彰文件等佐证，不加分");
    expect(line(sfj, "national").note).toBeUndefined(); // not capped, so it does not say so
  });
});

describe("mechanic 9: a veto, by the rules of one published scheme", () => {
  // 信阳市行政执法责任目标考核方案：“（二）……（40分）具体行政行为违法的发生一起扣10分；执法文书不规范的发现一卷扣10分，
  // 不真实的发现一卷扣5分。本地、本系统发生一起因执法违法或者违法不作为引发重大事故、事件的，……即为当年行政执法
  // 责任目标未完成。” Source: http://www.fymate.net/html/text/lar/173191/17319163_1.html (test/corpus/criteria/xinyang-zhifa-zeren-kaohe.txt)
  it("three per-occurrence clauses on one item, and a veto to the lowest grade", () => {
    const s = scheme({
      total: 40,
      areas: [{ id: "enforce", name: "行政执法", points: 40 }],
      indicators: [
        {
          id: "acts", name: "行政执法行为", area: "enforce", points: 40, appliesTo: {},
          methods: [
            { kind: "incidents", tag: "具体行政行为违法", per: 10, phrase: "发生一起扣10分" },
            { kind: "incidents", tag: "执法文书不规范", per: 10, phrase: "发现一卷扣10分" },
            { kind: "incidents", tag: "执法文书不真实", per: 5, phrase: "发现一卷扣5分" },
          ],
        },
      ],
      vetoes: [{ id: "major", name: "因执法违法或者违法不作为引发重大事故、事件" }],
      grades: [{ name: "完成", min: 60 }],
      lowestGrade: "未完成",
    });
    const cards = score(s, [
      incident("sfj", "具体行政行为违法", { count: 2 }),
      incident("sfj", "执法文书不规范"),
      incident("sfj", "执法文书不真实"),
      { id: "v1", unitId: "gaj", date: "2024-08-01", kind: "veto", vetoId: "major" },
    ]);
    // 县司法局: 2 × 10 + 10 + 5 = 35; 40 − 35 = 5 → 12.5% of 40 → 未完成 by points.
    expect([card(cards, "sfj").total, card(cards, "sfj").grade]).toEqual([500, "未完成"]);
    // 县公安局: no deductions, 40, but the veto: 未完成.
    expect(card(cards, "gaj")).toMatchObject({ total: 4000, grade: "未完成", vetoed: true });
    expect(card(cards, "zfb")).toMatchObject({ total: 4000, grade: "完成" });
  });
});

describe("mechanic 10: joint leads in the Wuzhi 2024 plan", () => {
  // 《武陟县2024年度法治政府建设工作安排》（武法政〔2024〕1号，seeds/wuzhi-2024.txt）第（三十五）项：“每年举办两期以上法治专题讲座”，
  // 牵头单位：县委组织部、县委编办、县财政局、县司法局。
  const ctx = seedContext("2025-01-15");
  const lectures = (jointLeads: string) => {
    const r = readScheme({
      id: "leads", title: "共同牵头", total: 8, jointLeads, areas: [{ id: "duty", name: "责任落实", points: 8 }],
      indicators: [{ id: "lectures", name: "法治专题讲座", area: "duty", points: 8, appliesTo: { taskIds: ["wuzhi-2024.t35"], roles: ["lead"] }, methods: [{ kind: "occurrences", requirementIds: ["wuzhi-2024.t35.r2"], perMissing: 8, perShort: 4 }] }],
      ...GRADES,
    }, ctx.plan);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  };
  const ledger = ledgerOf([
    { id: "l1", unitId: "sfj", taskId: "wuzhi-2024.t35", requirementId: "wuzhi-2024.t35.r2", date: "2024-05-10", kind: "held" },
    { id: "l2", unitId: "xw-zzb", taskId: "wuzhi-2024.t35", requirementId: "wuzhi-2024.t35.r2", date: "2024-10-10", kind: "held" },
  ]);
  it("two lectures held by two of the four leads complete the obligation for all four; each for itself, each is one short", () => {
    const shared = scoreUnits({ ...ctx, scheme: lectures("shared"), ledger: { ...ledger, planId: "wuzhi-2024" } });
    const each = scoreUnits({ ...ctx, scheme: lectures("each"), ledger: { ...ledger, planId: "wuzhi-2024" } });
    const leads = ["xw-zzb", "xwbb", "czj", "sfj"];
    // shared: 1 + 1 = 2 lectures ≥ 2 for every lead: 8 points each.
    expect(leads.map((u) => card(shared, u).total)).toEqual([800, 800, 800, 800]);
    // each: 县委组织部 and 县司法局 held 1 (short 1: 8 − 4 = 4); 县委编办 and 县财政局 none (8 − 8 = 0).
    expect(leads.map((u) => card(each, u).total)).toEqual([400, 0, 0, 400]);
  });
});
