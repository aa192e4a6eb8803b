// The structure reader, one layout or named rule per test. Each text is laid out the way a real
// table in test/corpus/criteria reached us (the id is named), with wording of the same kind.
import { describe, expect, it } from "vitest";
import { readCriteriaTable, readCriteriaText } from "../../../src/scoring/criteria/read.js";
import { splitGlued } from "../../../src/scoring/criteria/structure.js";
import type { CriteriaItem, CriteriaTable } from "../../../src/scoring/criteria/types.js";
import { normalizeText } from "../../../src/text/normalize.js";

/** [number, name, level, parent number, points] of each item. */
const shape = (t: CriteriaTable) => t.items.map((i) => [i.number, i.name, i.level, i.parent === undefined ? null : t.items[i.parent]?.number, i.points ?? null]);
const kinds = (i: CriteriaItem | undefined) => (i?.phrases ?? []).map((p) => [p.kind ?? null, p.amount ?? null]);
const compact = (s: string) => normalizeText(s).replace(/\s+/g, "");

// Tables are read inside each test (`table()`), not when the file loads: StrykerJS (npm run mutate)
// then knows which test covers the code they run in src/scoring/points.ts.
describe("running text (kaijiang): 一、 → (一) → 1., rules after 考核：", () => {
  const text = [
    "一、组织保障(5分)",
    "(一)加强组织领导(3分)",
    "1.成立领导小组,全年专题研究不少于3次。(2分)考核:未成立领导小组的扣1分;专题研究每少一次扣0.5分。",
    "2.制定年度工作要点。(1分)考核:未制定的扣1分。",
    "(二)充实法制力量(2分)",
    "设立法制机构,并充实人员。",
    "考核:未设立法制机构的扣1分;人员不足2人的扣1分。",
  ].join("\n");
  const table = () => readCriteriaText(text);

  it("reads the hierarchy and points", () => {
    const t = table();
    expect(shape(t)).toEqual([
      ["一", "组织保障", 1, null, 5],
      ["(一)", "加强组织领导", 2, "一", 3],
      ["1", "成立领导小组，全年专题研究不少于3次", 3, "(一)", 2],
      ["2", "制定年度工作要点", 3, "(一)", 1],
      ["(二)", "充实法制力量", 2, "一", 2],
    ]);
  });

  it("reads the rules after 考核： and keeps an unmarked line as the description", () => {
    const t = table();
    expect(t.items[2]?.phrases.map((p) => [p.kind, p.amount, p.target])).toEqual([
      ["condition", 1, undefined],
      ["count_each_short", 0.5, 3],
    ]);
    expect(kinds(t.items[4])).toEqual([
      ["condition", 1],
      ["count_below", 1],
    ]);
    expect(t.items[4]?.description).toBe("设立法制机构，并充实人员。");
  });

  it("keeps provenance: every name and phrase points at its text", () => {
    const t = table();
    for (const item of t.items) {
      expect(compact(text.slice(item.source.start, item.source.end))).toContain(compact(item.name));
      expect(item.source.line).toBeGreaterThan(0);
      for (const p of item.phrases) expect(compact(text.slice(p.source.start, p.source.end))).toBe(p.text);
    }
    const pts = t.items[2]?.pointsSource;
    expect(pts && text.slice(pts.start, pts.end)).toBe("(2分)");
  });
});

describe("running text (buming, xinyang): rules in the item's sentence, the 方案's own headings, the total", () => {
  it("rule `rule_in_sentence`: the name is the requirement, the rule starts at the consequence with its conditions", () => {
    const t = readCriteriaText(["第九条 案件办理情况(6分)。", "(一)全年结案率达到90%,低于此每10个百分点扣1分(3分)。", "(二)被申请行政复议的案件,复议结果为撤销的,发生1起扣2分。", "(三)被提起行政诉讼的案件,发生败诉的,"].join("\n"));
    expect(shape(t)).toEqual([
      ["第九条", "案件办理情况", 1, null, 6],
      ["(一)", "全年结案率达到90%", 2, "第九条", 3],
      ["(二)", "被申请行政复议的案件", 2, "第九条", null],
      ["(三)", "被提起行政诉讼的案件", 2, "第九条", null],
    ]);
    expect(t.items[1]?.phrases.map((p) => [p.kind, p.percent, p.stepPercent, p.amount])).toEqual([["rate_min", 90, 10, 1]]);
    expect(t.items[2]?.phrases.map((p) => p.text)).toEqual(["复议结果为撤销的，发生1起扣2分"]);
    expect(t.items[3]?.phrases.map((p) => [p.text, p.kind])).toEqual([["发生败诉的", undefined]]);
  });

  it("rule `plan_section_heading` and `declared_total`: 四、考核的计分办法 is not an item; 以100分为标准 is the total", () => {
    const t = readCriteriaText(
      ["四、考核的计分办法", "考核实行百分制,以100分为标准,实行倒扣分办法。", "五、考核的内容和分值", "(一)规范性文件制定程序合法(35分)。", "第三项不达要求的扣15分,规范性文件违法的发生一件扣10分。", "发生一起即为当年行政执法责任目标未完成。"].join("\n"),
    );
    expect(t.total).toBe(100);
    expect(shape(t)).toEqual([["(一)", "规范性文件制定程序合法", 1, null, 35]]);
    expect(t.items[0]?.phrases.map((p) => p.kind)).toEqual(["condition", "per_occurrence", "veto"]);
  });
});

describe("a Word table flattened with no separators (hubei)", () => {
  const text = "考评项目考评内容分值评分标准责任单位一、依法执政(10分)1、科学决策(10分)41、建立议事规则。制度不健全的扣2分;落实不到位的扣2分。县委办62、推行法律顾问制度。未推行的扣3分。每少一次扣1分。县司法局、县委办";
  const table = () => readCriteriaText(text);

  it("rule `points_glued_to_number`: 41、 is 4 points and item 1, decided by the numbering and the heading's 10 points", () => {
    const t = table();
    expect(shape(t)).toEqual([
      ["一", "依法执政", 1, null, 10],
      ["1", "科学决策", 2, "一", 10],
      ["1", "建立议事规则", 3, "1", 4],
      ["2", "推行法律顾问制度", 3, "1", 6],
    ]);
  });

  it("rule `office_then_number`: the scoring office before the next number", () => {
    const t = table();
    expect(t.items.map((i) => i.office)).toEqual([undefined, undefined, "县委办", "县司法局、县委办"]);
    expect(kinds(t.items[2])).toEqual([
      ["condition", 2],
      ["condition", 2],
    ]);
  });

  it("splitGlued prefers points that fit what is left under the heading", () => {
    const fits = (v: number) => (v === 23 || v === 3 ? 0 : undefined);
    expect(splitGlued("123", fits, 5)).toEqual({ points: 1, pointsLength: 1, value: 23, depth: 0 });
    expect(splitGlued("123", fits, 20)).toMatchObject({ value: 23 });
    expect(splitGlued("123", () => undefined, 5)).toBeUndefined();
    expect(splitGlued("12", (v) => (v === 12 ? 0 : undefined), undefined)).toEqual({ pointsLength: 0, value: 12, depth: 0 });
  });
});

describe("a Word table flattened with no separators and no numbers (tianzhu)", () => {
  const table = () => readCriteriaText(
    "文档介绍\n在部门内开展学习宣传活动。3分没有开展学习宣传活动的,扣1分;没有开展业务法规宣传的,扣2分。法律八进活动10分开展法律进机关活动至少1次。5分提供相关影像资料。没有开展活动的,扣5分。积极参加县上活动。5分没有积极参加的扣5分。",
  );

  it("rule `unnumbered_heading`: a name with points and no rules heads the rows after it", () => {
    const t = table();
    expect(shape(t)).toEqual([
      ["", "在部门内开展学习宣传活动", 2, null, 3],
      ["", "法律八进活动", 1, null, 10],
      ["", "开展法律进机关活动至少1次", 2, "", 5],
      ["", "积极参加县上活动", 2, "", 5],
    ]);
    expect(t.items[2]?.parent).toBe(1);
  });

  it("the text after the last rule before the next points is the next row's content", () => {
    const t = table();
    expect(t.items[2]?.phrases.map((p) => [p.text, p.kind ?? null])).toEqual([
      ["提供相关影像资料", null],
      ["没有开展活动的，扣5分", "condition"],
    ]);
  });
});

describe("page furniture of document-sharing sites (zhejiang-zhijian)", () => {
  it("rule `page_marker_join`: a page number cutting a sentence is dropped", () => {
    const text = `考评项目评分项分值扣分项(20分)1、定期研究部署普法工作,听取情况汇报,解决工作中遇到的实际问题,推动普法依法治理工作深入开展。4分班子未专题听取普法情况汇报的扣2分,没有召开普法年度工作\n\n2、会议的扣2分。2、有年度工作要点和工作总结。16分未按要求上报的,每少1次扣0.5分。`;
    const t = readCriteriaText(text);
    expect(shape(t)).toEqual([
      ["", "", 1, null, 20],
      ["1", "定期研究部署普法工作，听取情况汇报，解决工作中遇到的实际问题，推动普法依法治理工作深入开展", 2, "", 4],
      ["2", "有年度工作要点和工作总结", 2, "", 16],
    ]);
    expect(t.items[1]?.phrases.map((p) => p.text)).toEqual(["班子未专题听取普法情况汇报的扣2分", "没有召开普法年度工作会议的扣2分"]);
  });
});

describe("one cell per paragraph (huzhou, zhejiang-2013, licheng, wenzhou)", () => {
  it("rules `name_glued_points`, `bare_cell`, `office_cell`: 序号 | 内容 | 分值 | 评分标准 | 考核方式 | 责任处室", () => {
    const t = readCriteriaText(
      ["考核内容", "", "评分标准", "", "考核方式", "", "责任处室", "", "综合工作10", "", "1", "", "队伍建设", "", "5", "", "未制定年度党建工作计划的,扣1分。每发现一处问题扣0.5分。", "", "年底测评", "", "政治部", "", "2", "", "信息工作", "", "5", "", "每少一篇扣0.5分。", "", "按通报", "", "办公室", "", "政法处"].join("\n"),
    );
    expect(shape(t)).toEqual([
      ["", "综合工作", 1, null, 10],
      ["1", "队伍建设", 2, "", 5],
      ["2", "信息工作", 2, "", 5],
    ]);
    expect(t.items.map((i) => [i.method ?? null, i.office ?? null])).toEqual([
      [null, null],
      ["年底测评", "政治部"],
      ["按通报", "办公室、政法处"],
    ]);
  });

  it("rule `vertical_name`: a level-1 name printed a few characters per cell; points in the last column", () => {
    const t = readCriteriaText(
      ["测评项目", "测评内容", "评分标准", "测评方式", "分值", "(七)", "创建", "活动", "有效", "20分)", "Ⅶ-1组织领导", "Ⅶ-1-1 每年召开专题会议。", "不符合标准的,本项即不得分。", "材料审核", "8", "Ⅶ-1-2 文明社区比例不低于80%。", "每低1个百分点扣1分,直至本项分值扣完。", "材料审核", "12"].join("\n\n"),
    );
    expect(shape(t)).toEqual([
      ["(七)", "创建活动有效", 1, null, 20],
      ["Ⅶ-1", "组织领导", 2, "(七)", null],
      ["Ⅶ-1-1", "每年召开专题会议", 3, "Ⅶ-1", 8],
      ["Ⅶ-1-2", "文明社区比例不低于80%", 3, "Ⅶ-1", 12],
    ]);
    expect(t.items[3]?.phrases.map((p) => [p.kind, p.percent ?? null])).toEqual([
      ["rate_min", 80],
      ["floor", null],
    ]);
    expect(t.items[2]?.method).toBe("材料审核");
  });

  it("rules `labelled_rule` and `bracketed_rule_in_name`: a negative list with no points", () => {
    const t = readCriteriaText(
      ["类别", "具体项目内容", "信息提供部门", "较大事故", "1.发生较大安全事故的,每起扣5分。", "2.前述事故再次发生的,加倍扣分。", "市应急局", "平安三率(本项限扣5分)", "1.群众安全感低于96%的,每降低1个百分点扣0.25分。"].join("\n\n"),
    );
    expect(shape(t)).toEqual([
      ["", "较大事故", 1, null, null],
      ["", "平安三率", 1, null, null],
    ]);
    expect(kinds(t.items[0])).toEqual([
      ["per_occurrence", 5],
      [null, null],
    ]);
    expect(t.items[0]?.office).toBe("市应急局");
    expect(t.items[1]?.phrases.map((p) => [p.kind, p.amount])).toEqual([
      ["deduction_cap", 5],
      ["rate_min", 0.25],
    ]);
  });

  it("a requirement before a circled list of rules is the description (licheng)", () => {
    const t = readCriteriaText(["类别", "分值", "考核标准", "政府信息主动公开", "10", "及时、规范公开政府信息。 ①公文超期公开每条扣5分;②正文未能正常显示每条扣1分。", "保密审查", "6", "①转发不属于主动公开的文件,每例扣6分。"].join("\n\n"));
    expect(shape(t)).toEqual([
      ["", "政府信息主动公开", 1, null, 10],
      ["", "保密审查", 1, null, 6],
    ]);
    expect(t.items[0]?.description).toBe("及时、规范公开政府信息");
    expect(kinds(t.items[0])).toEqual([
      ["late", 5],
      ["per_occurrence", 1],
    ]);
  });
});

describe("rows copied with | between cells (daxing)", () => {
  it("reads cells by content, so a row whose merged first cell was dropped still reads", () => {
    const t = readCriteriaText(["考核标准", "项目 | 考 核 标 准 | 扣 分 标 准 | |", "一、 组织 领导 5分 | 1、制定年度计划。3分 | 没有年度计划的扣3分;未及时备案的扣1分。 | |", "2、落实“三落实”。2分 | 落实不到位的扣2分。 | ||"].join("\n"));
    expect(shape(t)).toEqual([
      ["一", "组织领导", 1, null, 5],
      ["1", "制定年度计划", 2, "一", 3],
      ["2", "落实“三落实”", 2, "一", 2],
    ]);
    expect(kinds(t.items[1])).toEqual([
      ["condition", 3],
      ["condition", 1],
    ]);
  });
});

describe("a table flattened with spaces between cells (anhui)", () => {
  it("rule `spaced_cells`: the header's spacing says cells are separated by spaces; 得1 分 stays whole", () => {
    const t = readCriteriaText("附件: 评分标准 序号 检查内容 分数 评 分 标 准 得 分 一 组织管理 5 1 领导管理 2 明确分管领导的得2分,否则得0分。 2 成立机构 3 有专门机构的得3分,有兼职人员的得1 分,否则得0分。");
    expect(shape(t)).toEqual([
      ["一", "组织管理", 1, null, 5],
      ["1", "领导管理", 2, "一", 2],
      ["2", "成立机构", 2, "一", 3],
    ]);
    expect(kinds(t.items[2])).toEqual([
      ["award", 3],
      ["award", 1],
      ["award_otherwise", null],
    ]);
  });
});

describe("rows (Word, Excel, CSV)", () => {
  const rows = [
    ["某县2024年度法治政府建设考核细则（总分100分）"],
    ["考核项目", "分值", "序号", "考核内容", "分值", "评分标准", "评分单位"],
    ["一、组织领导", "10", "1", "制定年度工作计划", "4", "未制定年度计划的扣2分；未按时报送的扣2分", "县司法局"],
    ["一、组织领导", "10", "2", "专题研究法治建设", "6", "每年不少于2次，每少一次扣3分，扣完为止", "县委办"],
    ["二、依法决策", "5", "3", "重大决策合法性审查", "5", "发现一起未经审查的扣 3 分", "县司法局"],
  ];
  const table = () => readCriteriaTable(rows);

  it("rules `merged_cell` and the header's columns: 考核项目 | 分值 | 序号 | 考核内容 | 分值 | 评分标准 | 评分单位", () => {
    const t = table();
    expect(t.total).toBe(100);
    expect(shape(t)).toEqual([
      ["一", "组织领导", 1, null, 10],
      ["1", "制定年度工作计划", 2, "一", 4],
      ["2", "专题研究法治建设", 2, "一", 6],
      ["二", "依法决策", 1, null, 5],
      ["3", "重大决策合法性审查", 2, "二", 5],
    ]);
    expect(t.items.map((i) => i.office ?? null)).toEqual([null, "县司法局", "县委办", null, "县司法局"]);
    expect(kinds(t.items[2])).toEqual([
      ["count_each_short", 3],
      ["floor", null],
    ]);
    expect(t.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("keeps the row, the column and the offsets in the cell", () => {
    const t = table();
    const item = t.items[4] as CriteriaItem;
    expect(item.source).toMatchObject({ row: 4, column: 3 });
    const p = item.phrases[0];
    expect(p?.source).toMatchObject({ row: 4, column: 5, start: 0, end: 14 });
    expect(rows[4]?.[5]?.slice(p?.source.start, p?.source.end)).toBe("发现一起未经审查的扣 3 分");
    expect(item.pointsSource).toMatchObject({ row: 4, column: 4 });
  });

  it("reads cells by their content when there is no header", () => {
    const t2 = readCriteriaTable([
      ["一、组织领导（6分）", "", ""],
      ["1.制定年度工作计划", "2", "未制定的扣2分"],
      ["2.专题研究法治建设", "4", "每少一次扣2分，扣完为止"],
    ]);
    expect(shape(t2)).toEqual([
      ["一", "组织领导", 1, null, 6],
      ["1", "制定年度工作计划", 2, "一", 2],
      ["2", "专题研究法治建设", 2, "一", 4],
    ]);
  });

  it("never throws on rows that are not rows", () => {
    for (const bad of [undefined, null, 42, "x", [[]], [null], [[1, 2]], [["序号", "分值"], [{}, []]]] as unknown as string[][][]) {
      const r = readCriteriaTable(bad);
      expect(r.items).toEqual([]);
      expect(r.diagnostics.some((d) => d.code === "criteria_no_items")).toBe(true);
    }
  });
});

describe("rule `table_title`", () => {
  it("takes the title line before the header, not the notice around it", () => {
    expect(readCriteriaText("关于印发《市局2020年度工作考评细则》的通知\n市强制隔离戒毒所2020年度工作考评细则\n考核内容\n评分标准\n1\n队伍建设\n5\n未制定计划的扣1分").title).toBe("市强制隔离戒毒所2020年度工作考评细则");
    expect(readCriteriaTable([["某县2024年度法治政府建设考核细则（总分100分）"], ["序号", "考核内容", "分值", "评分标准"], ["1", "计划", "2", "未制定的扣2分"]]).title).toBe("某县2024年度法治政府建设考核细则");
    expect(readCriteriaText("一、组织领导（5分）").title).toBeUndefined();
  });
});

describe("a name cell that ends in digits", () => {
  it("keeps them when the table has a 分值 column, reads them as points when it has none", () => {
    expect(shape(readCriteriaTable([["序号", "考核内容", "分值", "评分标准"], ["1", "指标2", "3", "未完成的扣3分"]]))).toEqual([["1", "指标2", 1, null, 3]]);
    expect(shape(readCriteriaText("考核内容\n评分标准\n综合工作33\n1\n队伍建设\n5\n未制定计划的扣1分"))[0]).toEqual(["", "综合工作", 1, null, 33]);
  });
});
