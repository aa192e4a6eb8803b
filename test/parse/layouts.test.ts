import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/plan.js";
import { readPlan } from "../../src/model/validate.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { seedText } from "../support/seed.js";

// Test documents written for these tests, in the genre's language; the places and units are fictional.
const tasksOf = (plan: Plan) => plan.sections.flatMap((s) => s.tasks);
const roles = (plan: Plan, no: number) =>
  tasksOf(plan)[no - 1]!.clauses.map((c) => ({
    lead: c.assignment.lead.map((r) => r.text),
    responsible: c.assignment.responsible.map((r) => r.text),
    support: c.assignment.support.map((r) => r.text),
  }));
const codes = (ds: ReadonlyArray<{ code: string }>) => ds.map((d) => d.code);

describe("layout: 一、 sections with 1. tasks, units on their own lines", () => {
  const doc = [
    "清河市2023年法治政府建设工作要点",
    "",
    "一、加强组织领导",
    "1. 落实第一责任人职责。各级政府主要负责人要切实履行推进法治建设第一责任人职责，每年听取一次法治政府建设工作汇报。",
    "牵头单位: 市委依法治市办",
    "配合单位: 市司法局",
    "2．健全工作机制。建立健全法治政府建设工作台账，每季度通报一次工作进展。",
    "责任单位：各区、县级市政府，市直各部门",
    "二、深化“放管服”改革",
    "1、全面推行证明事项告知承诺制。",
    "协办单位：市市场监管局，市政务服务数据管理局",
    "参与单位：各镇人民政府（街道办事处）",
  ].join("\n");
  const { plan, diagnostics } = parsePlanText(doc, { id: "qinghe-2023" });

  it("reads 1./1．/1、 items as tasks numbered across the plan", () => {
    expect(plan.year).toBe(2023);
    expect(plan.title).toBe("清河市2023年法治政府建设工作要点");
    expect(tasksOf(plan).map((t) => [t.no, t.label, t.title])).toEqual([
      [1, "1.", "落实第一责任人职责"],
      [2, "2.", "健全工作机制"],
      [3, "1、", "全面推行证明事项告知承诺制"],
    ]);
    expect(plan.sections.map((s) => s.title)).toEqual(["加强组织领导", "深化“放管服”改革"]);
  });

  it("maps role words to roles, with : or ：", () => {
    expect(roles(plan, 1)).toEqual([{ lead: ["市委依法治市办"], responsible: [], support: ["市司法局"] }]);
    expect(roles(plan, 2)).toEqual([{ lead: [], responsible: ["各区、县级市政府", "市直各部门"], support: [] }]);
    expect(roles(plan, 3)).toEqual([{ lead: [], responsible: [], support: ["市市场监管局", "市政务服务数据管理局", "各镇人民政府（街道办事处）"] }]);
  });

  it("accepts numbering that restarts in each section", () => {
    expect(codes(diagnostics)).not.toContain("numbering_gap");
    expect(codes(diagnostics)).not.toContain("numbering_repeat");
  });
});

describe("layout: units inline at the end of the paragraph", () => {
  const doc = [
    "东山县2025年度法治政府建设工作安排",
    "一、健全依法决策机制",
    "（一）严格落实重大行政决策程序。坚持“三不决策”（不经调查研究不决策、不经合法性审查不决策、不经集体讨论不决策），推动镇（街道）建立决策事项目录。（牵头单位：县政府办，配合单位：县司法局、县发改委）",
    "（二）加强合法性审查。6月底前实现镇（街道）合法性审查全覆盖。〔牵头单位:县司法局;责任单位:各镇人民政府、街道办事处〕",
    "（三）规范法律顾问工作。完善法律顾问遴选机制（试行）。",
  ].join("\n");
  const { plan, diagnostics } = parsePlanText(doc, { groupPhrases: ["各镇人民政府、街道办事处"] });

  it("reads the unit block and leaves the other brackets in the text", () => {
    expect(roles(plan, 1)).toEqual([{ lead: ["县政府办"], responsible: [], support: ["县司法局", "县发改委"] }]);
    const t1 = tasksOf(plan)[0]!;
    expect(t1.text).toContain("“三不决策”（不经调查研究不决策、不经合法性审查不决策、不经集体讨论不决策）");
    expect(t1.text).toContain("推动镇（街道）建立决策事项目录。");
    expect(t1.text).not.toContain("牵头单位");
  });

  it("reads 〔牵头单位:X;责任单位:Y〕 with half-width punctuation and a caller's group phrase", () => {
    expect(roles(plan, 2)).toEqual([{ lead: ["县司法局"], responsible: ["各镇人民政府、街道办事处"], support: [] }]);
  });

  it("does not mistake a closing bracket without role words for a unit block", () => {
    expect(tasksOf(plan)[2]!.text).toBe("规范法律顾问工作。完善法律顾问遴选机制（试行）。");
    expect(tasksOf(plan)[2]!.clauses).toEqual([]);
    expect(diagnostics.find((d) => d.code === "task_without_units")?.path).toEqual(["sections", 0, "tasks", 2]);
    expect(plan.id).toBe("plan-2025");
  });
});

describe("layout: several clause blocks in one task; lead only, responsible only, none", () => {
  const doc = [
    "南湖区2024年度法治政府建设工作安排",
    "一、推进严格规范公正文明执法",
    "（一）深化综合行政执法改革。推进执法力量向基层下沉。",
    "牵头单位：区委编办",
    "加强执法人员培训，9月底前完成轮训。",
    "牵头单位：区司法局",
    "责任单位：区城市管理局和区市场监管局及区交通运输局",
    "（二）加强执法监督。每半年开展一次执法案卷评查。",
    "责任单位：区司法局、区公安局等部门",
    "（三）推进包容审慎监管。",
    "（1）制定轻微违法行为不予处罚清单；",
    "（2）推行柔性执法。",
    "牵头单位：区市场监管局",
  ].join("\n");
  const { plan, diagnostics } = parsePlanText(doc, { id: "nanhu-2024" });

  it("keeps each clause with its own units", () => {
    expect(roles(plan, 1)).toEqual([
      { lead: ["区委编办"], responsible: [], support: [] },
      { lead: ["区司法局"], responsible: ["区城市管理局", "区市场监管局", "区交通运输局"], support: [] },
    ]);
    const clauses = tasksOf(plan)[0]!.clauses;
    expect(clauses.map((c) => c.text)).toEqual(["深化综合行政执法改革。推进执法力量向基层下沉。", "加强执法人员培训，9月底前完成轮训。"]);
    expect(clauses.map((c) => c.id)).toEqual(["nanhu-2024.t01.c1", "nanhu-2024.t01.c2"]);
  });

  it("notes a trailing 等部门 on the last unit", () => {
    const refs = tasksOf(plan)[1]!.clauses[0]!.assignment.responsible;
    expect(refs.map((r) => [r.text, r.qualifier])).toEqual([
      ["区司法局", undefined],
      ["区公安局", "等部门"],
    ]);
    expect(codes(diagnostics)).toContain("open_ended_list");
  });

  it("keeps （1） items inside their task", () => {
    expect(tasksOf(plan)).toHaveLength(3);
    expect(tasksOf(plan)[2]!.text).toBe("推进包容审慎监管。\n（1）制定轻微违法行为不予处罚清单；\n（2）推行柔性执法。");
    expect(roles(plan, 3)).toEqual([{ lead: ["区市场监管局"], responsible: [], support: [] }]);
  });

  it("splits on ； , and ， too", () => {
    const { plan: p } = parsePlanText("一、改革\n（一）推进改革。\n责任单位：县司法局；县公安局,县信访局，县人社局\n");
    expect(roles(p, 1)[0]!.responsible).toEqual(["县司法局", "县公安局", "县信访局", "县人社局"]);
  });

  it("keeps 县行政审批和政务信息管理局-style names whole while splitting on 和/及 between units", () => {
    const { plan: p } = parsePlanText("一、改革\n（一）推进改革。\n牵头单位：县行政审批和政务信息管理局和县发改委\n");
    expect(roles(p, 1)[0]!.lead).toEqual(["县行政审批和政务信息管理局", "县发改委"]);
  });
});

describe("layout: PDF noise", () => {
  const doc = [
    "西岭县 2022 年度法治政府建设工作安排",
    "",
    "一、健全行政执法工作体系",
    "",
    "(一) 加强行政执法监督。每季度开展一次执法监督，并将监督情况予以",
    "",
    "- 2 -",
    "",
    "通报；持续开展行政执法案卷评查。",
    "",
    "牵头单位：县司法局、县人民",
    "",
    "—3—",
    "",
    "检察院",
    "",
    "责任单位：各乡镇人民政府、街道办事处, 县直有关单位",
    "",
    "（二）推进“互联网+监管”。２０２２年底前完成平台对接。",
    "",
    "牵头单位：县行政审批服务局",
    "",
    "第 4 页",
  ].join("\r\n");
  const { plan, diagnostics } = parsePlanText(doc);

  it("drops page numbers, joins broken sentences and unit names, fixes widths and spaces", () => {
    expect(plan.title).toBe("西岭县2022年度法治政府建设工作安排");
    expect(plan.year).toBe(2022);
    const [t1, t2] = tasksOf(plan);
    expect(t1!.label).toBe("（一）");
    expect(t1!.text).toBe("加强行政执法监督。每季度开展一次执法监督，并将监督情况予以通报；持续开展行政执法案卷评查。");
    expect(roles(plan, 1)).toEqual([{ lead: ["县司法局", "县人民检察院"], responsible: ["各乡镇人民政府、街道办事处", "县直有关单位"], support: [] }]);
    expect(t2!.text).toBe("推进“互联网+监管”。2022年底前完成平台对接。");
    expect(codes(diagnostics).filter((c) => c === "page_number_removed")).toHaveLength(3);
    expect(codes(diagnostics).filter((c) => c === "joined_across_break")).toHaveLength(2);
  });

  it("gives spans into the original CRLF text", () => {
    const ref = tasksOf(plan)[0]!.clauses[0]!.assignment.lead[1]!;
    expect(doc.slice(ref.source!.start, ref.source!.end)).toBe("县人民\r\n\r\n—3—\r\n\r\n检察院");
    expect(ref.source!.line).toBe(11);
  });
});

describe("layout: the notice wrapper", () => {
  const doc = [
    "北川县人民政府办公室文件",
    "北政办〔2024〕12号",
    "北川县人民政府办公室关于印发《北川县2024年法治政府建设工作要点》的通知",
    "各乡镇人民政府，县政府各部门，各有关单位：",
    "现将《北川县2024年法治政府建设工作要点》印发给你们，请认真贯彻执行。",
    "北川县人民政府办公室",
    "2024年3月1日",
    "（此件公开发布）",
    "北川县2024年法治政府建设工作要点",
    "为深入推进依法行政，制定本要点。",
    "一、加强党的领导",
    "（一）落实年度报告制度。3月底前向社会公开上一年度法治政府建设情况报告。",
    "牵头单位：县政府办",
    "抄送：县委办公室，县人大常委会办公室。",
    "北川县人民政府办公室 2024年3月1日印发",
  ].join("\n");
  const { plan, diagnostics } = parsePlanText(doc);

  it("recognises the wrapper and keeps it out of the tasks and units", () => {
    expect(plan.issuer).toBe("北川县人民政府办公室");
    expect(plan.docNumber).toBe("北政办〔2024〕12号");
    expect(plan.noticeTitle).toBe("北川县人民政府办公室关于印发《北川县2024年法治政府建设工作要点》的通知");
    expect(plan.addressees).toEqual(["各乡镇人民政府", "县政府各部门", "各有关单位"]);
    expect(plan.title).toBe("北川县2024年法治政府建设工作要点");
    expect(plan.preamble).toBe("为深入推进依法行政，制定本要点。");
    expect(tasksOf(plan)).toHaveLength(1);
    expect(roles(plan, 1)).toEqual([{ lead: ["县政府办"], responsible: [], support: [] }]);
    expect(tasksOf(plan)[0]!.text).not.toContain("抄送");
    expect(diagnostics.filter((d) => d.code === "trailer_text")).toHaveLength(2);
    expect(codes(diagnostics)).not.toContain("unrecognized_text");
  });
});

describe("diagnostics for odd documents", () => {
  it("reports numbering gaps and repeats", () => {
    const doc = "一、甲\n（一）任务一。\n牵头单位：县司法局\n（三）任务三。\n牵头单位：县司法局\n三、丙\n（二）任务又二。\n牵头单位：县司法局";
    const { plan, diagnostics } = parsePlanText(doc, { year: 2024 });
    expect(tasksOf(plan).map((t) => t.no)).toEqual([1, 2, 3]);
    const numbering = diagnostics.filter((d) => d.code.startsWith("numbering_"));
    expect(numbering.map((d) => [d.code, d.path.join(".")])).toEqual([
      ["numbering_gap", "sections.0.tasks.1"],
      ["numbering_gap", "sections.1"],
      ["numbering_repeat", "sections.1.tasks.0"],
    ]);
    expect(numbering[0]!.message).toContain("应为2，实际为3");
  });

  it("reads tasks without 一、 sections into one untitled section", () => {
    const { plan, diagnostics } = parsePlanText("（一）任务一。\n牵头单位：县司法局\n（二）任务二。\n", { year: 2024 });
    expect(plan.sections).toHaveLength(1);
    expect(tasksOf(plan)).toHaveLength(2);
    expect(codes(diagnostics)).toContain("no_sections");
    expect(codes(diagnostics)).toContain("title_missing");
  });

  it("reads a section with no numbered items as one task", () => {
    const { plan, diagnostics } = parsePlanText("一、加强学习\n各部门要每年开展两次集中学法。\n牵头单位：县司法局\n", { year: 2024 });
    expect(tasksOf(plan)).toHaveLength(1);
    expect(roles(plan, 1)[0]!.lead).toEqual(["县司法局"]);
    expect(codes(diagnostics)).toContain("section_as_task");
  });

  it("reports an empty unit list and text after the units", () => {
    const { plan, diagnostics } = parsePlanText("一、甲\n（一）任务一。\n牵头单位：\n责任单位：县司法局\n另有说明。\n（二）任务二。\n牵头单位：县公安局", { year: 2024 });
    expect(codes(diagnostics)).toEqual(expect.arrayContaining(["empty_unit_list", "text_after_units"]));
    expect(tasksOf(plan)[0]!.clauses.map((c) => c.text)).toEqual(["任务一。", "另有说明。"]);
  });

  it("takes id and year from options and reports bad options", () => {
    expect(parsePlanText("一、甲\n（一）乙。", { id: "x-1", year: 2030 }).plan).toMatchObject({ id: "x-1", year: 2030 });
    const bad = parsePlanText("一、甲\n（一）乙。", { id: "县", year: 1 });
    expect(bad.diagnostics.filter((d) => d.code === "invalid_option").map((d) => d.path)).toEqual([["year"], ["id"]]);
    const mismatch = parsePlanText("某县2024年度法治政府建设工作安排\n一、甲\n（一）乙。", { year: 2025 });
    expect(codes(mismatch.diagnostics)).toContain("year_mismatch");
    expect(mismatch.plan.year).toBe(2025);
  });

  it("says why when there is nothing to read", () => {
    for (const [input, code] of [
      ["", "empty_input"],
      ["   \n\n", "empty_input"],
      ["很久很久以前，有一座山。山里有座庙。", "no_tasks"],
    ] as const) {
      const { plan, diagnostics } = parsePlanText(input);
      expect(tasksOf(plan)).toEqual([]);
      expect(diagnostics.find((d) => d.severity === "error")?.code).toBe(code);
    }
    expect(parsePlanText(42 as unknown as string).diagnostics[0]!.code).toBe("invalid_input");
  });

  it("always returns a plan that passes the schema", () => {
    for (const doc of ["", "一、", "（一）", "牵头单位：", "一、甲\n（一）乙（牵头单位：）"]) {
      const r = readPlan(JSON.parse(JSON.stringify(parsePlanText(doc).plan)));
      expect(r.issues.filter((d) => d.severity === "error")).toEqual([]);
    }
  });
});

describe("layout: heading-only groups (model level TaskGroup)", () => {
  const doc = [
    "清河市2022年政务公开工作要点",
    "一、做好推进高质量发展信息公开",
    "（一）以政务公开助推经济平稳健康发展。",
    "1、加强结构调整信息公开。（市发展改革委牵头，各县区政府配合）",
    "2、加强助企纾困信息公开。（市财政局负责）",
    "（二）构建法治环境保障体系（总牵头单位：市委依法治市办）",
    "1.推进依法行政。（市司法局负责）",
  ].join("\n");
  const { plan } = parsePlanText(doc, { id: "qinghe-2022" });

  it("reads the items as tasks and the headings as groups that list them", () => {
    expect(tasksOf(plan).map((t) => [t.label, t.title])).toEqual([
      ["1、", "加强结构调整信息公开"],
      ["2、", "加强助企纾困信息公开"],
      ["1.", "推进依法行政"],
    ]);
    const groups = plan.sections[0]!.groups!;
    expect(groups.map((g) => [g.label, g.title, g.level, g.tasks])).toEqual([
      ["（一）", "以政务公开助推经济平稳健康发展", 1, ["qinghe-2022.t01", "qinghe-2022.t02"]],
      ["（二）", "构建法治环境保障体系（总牵头单位：市委依法治市办）", 1, ["qinghe-2022.t03"]],
    ]);
    expect(groups[1]!.assignment?.lead.map((r) => r.text)).toEqual(["市委依法治市办"]);
    expect(roles(plan, 3)).toEqual([{ lead: [], responsible: ["市司法局"], support: [] }]);
    expect(readPlan(JSON.parse(JSON.stringify(plan))).ok).toBe(true);
  });
});

describe("layout: a whole document on one line, numbering styles, years", () => {
  it("reads a page scraped onto one line", () => {
    const doc = "南岭县2023年法治政府建设工作计划 为深入推进依法行政，制定本计划。 一、加强学习 1.推动学习走深走实。〔牵头单位:县司法局;责任单位:县政府各部门〕 二、压实责任 2.落实年度报告制度。〔牵头单位:县政府办〕 3.定期研究法治工作。〔牵头单位:县司法局〕";
    const { plan, diagnostics } = parsePlanText(doc);
    expect(plan.title).toBe("南岭县2023年法治政府建设工作计划");
    expect(tasksOf(plan).map((t) => [t.label, t.title])).toEqual([
      ["1.", "推动学习走深走实"],
      ["2.", "落实年度报告制度"],
      ["3.", "定期研究法治工作"],
    ]);
    expect(roles(plan, 1)).toEqual([{ lead: ["县司法局"], responsible: ["县政府各部门"], support: [] }]);
    expect(codes(diagnostics)).not.toContain("numbering_gap");
  });

  it("reads 第N章 / 第N条, ① and ⑴ items", () => {
    const { plan } = parsePlanText("第一章 总则\n第一条 加强学习。（县司法局负责）\n第二条 推进改革。\n第二章 监督\n第三条 强化监督：①开展评查；②通报结果。（县审计局负责）", { year: 2024 });
    expect(plan.sections.map((s) => s.title)).toEqual(["总则", "监督"]);
    expect(tasksOf(plan).map((t) => t.label)).toEqual(["第一条", "第二条", "第三条"]);
    expect(tasksOf(plan)[2]!.text).toContain("①开展评查");
  });

  it("accepts numbering that runs on across sections (（十七） under 四、)", () => {
    const { plan, diagnostics } = parsePlanText("三、甲\n（十六）乙。（县司法局负责）\n四、丙\n（十七）丁。（县公安局负责）", { year: 2024 });
    expect(tasksOf(plan).map((t) => t.label)).toEqual(["（十六）", "（十七）"]);
    expect(codes(diagnostics).filter((c) => c.startsWith("numbering_"))).toEqual(["numbering_gap", "numbering_gap"]);
  });

  it("gives a multi-year plan its year range, takes the year from the date line, and reports impossible years", () => {
    expect(parsePlanText("成都市法治政府建设实施方案（2021—2025年）\n一、总体要求\n二、任务\n（一）甲。").plan).toMatchObject({ year: 2021, endYear: 2025 });
    expect(parsePlanText("关于印发某县法治政府建设工作要点的通知\n2023年3月1日\n某县法治政府建设工作要点\n一、甲\n（一）乙。").plan.year).toBe(2023);
    const bad = parsePlanText("某县3024年度法治政府建设工作安排\n一、甲\n（一）乙。");
    expect(bad.plan.year).toBeUndefined();
    expect(codes(bad.diagnostics)).toContain("year_out_of_range");
    expect(readPlan(JSON.parse(JSON.stringify(bad.plan))).ok).toBe(true);
  });

  it("reads role words, names and numbers a PDF spaced out", () => {
    const { plan } = parsePlanText("2 0 2 4 年 某 县 工 作 要 点\n一、甲\n（一）每 季 度 开 展 一 次 执 法 监 督 ，扣 3 分。\n牵 头 单 位 ： 县 司 法 局");
    expect(plan.year).toBe(2024);
    expect(tasksOf(plan)[0]!.text).toBe("每季度开展一次执法监督，扣3分。");
    expect(roles(plan, 1)).toEqual([{ lead: ["县司法局"], responsible: [], support: [] }]);
  });
});

describe("layout: the seed flattened onto one line (a scraped page)", () => {
  it("reads the same 35 tasks, titles and units as the seed laid out in lines", () => {
    const seed = seedText();
    const flat = seed.split(/\n+/).filter((l) => l.trim() !== "").join(" ");
    const signature = (plan: Plan) =>
      tasksOf(plan).map((t) => [t.label, t.title, t.clauses.map((c) => [c.assignment.lead.map((r) => r.text), c.assignment.responsible.map((r) => r.text)])]);
    expect(signature(parsePlanText(flat).plan)).toEqual(signature(parsePlanText(seed).plan));
  });
});

describe("layout: a task table copied as text", () => {
  const doc = ["序号 |", "工作任务 |", "牵头单位 |", "责任单位 |", "1 |", "深入学习贯彻习近平法治思想 |", "县司法局 |", "县直各单位 |"].join("\n");
  it("is read by the table reader when the running text yields no units", () => {
    const { plan, diagnostics } = parsePlanText(doc, { year: 2024 });
    expect(codes(diagnostics)[0]).toBe("read_as_table");
    expect(tasksOf(plan).map((t) => t.title)).toEqual(["深入学习贯彻习近平法治思想"]);
    expect(roles(plan, 1)).toEqual([{ lead: ["县司法局"], responsible: ["县直各单位"], support: [] }]);
    const lead = tasksOf(plan)[0]!.clauses[0]!.assignment.lead[0]!;
    expect(doc.slice(lead.source!.start, lead.source!.end)).toBe("县司法局");
  });

  it("can be turned off", () => {
    expect(codes(parsePlanText(doc, { year: 2024, rules: { disable: ["tableText"] } }).diagnostics)).not.toContain("read_as_table");
  });
});

describe("layout: small form punctuation (1﹒, ﹕)", () => {
  const doc = ["一、确保完成主要目标", "1﹒地区生产总值增长6%以上。", "牵头单位﹕县发改委", "2﹒一般公共预算收入增长5%左右。", "牵头单位﹕县财政局﹑县税务局"].join("\n");
  const { plan } = parsePlanText(doc, { year: 2024 });

  it("reads small-form numbers and colons, with spans on the original characters", () => {
    expect(tasksOf(plan).map((t) => t.label)).toEqual(["1.", "2."]);
    expect(roles(plan, 2)).toEqual([{ lead: ["县财政局", "县税务局"], responsible: [], support: [] }]);
    const unit = tasksOf(plan)[1]!.clauses[0]!.assignment.lead[1]!;
    expect(doc.slice(unit.source!.start, unit.source!.end)).toBe("县税务局");
  });
});

describe("layout: an item whose text starts with a year (5.2020年…)", () => {
  it("reads 5. as the label and keeps the year in the text", () => {
    const doc = ["一、完善制度", "4.建立清单制度。(责任单位:县政府办)", "5.2020年8月底前,完成标准目录编制。(责任单位:县司法局)", "6.加强监督。(责任单位:县财政局)"].join("\n");
    const { plan } = parsePlanText(doc, { year: 2020 });
    expect(tasksOf(plan).map((t) => [t.label, t.title])).toEqual([
      ["4.", "建立清单制度"],
      ["5.", "2020年8月底前，完成标准目录编制"],
      ["6.", "加强监督"],
    ]);
    expect(roles(plan, 2)).toEqual([{ lead: [], responsible: ["县司法局"], support: [] }]);
  });
});

describe("layout: unnumbered tasks, each paragraph followed by its role line (rule unnumberedTasks)", () => {
  const doc = [
    "近日，市政府办公室印发重点工作责任分解。",
    "市长牵头重点工作",
    "深化“最多跑一次”改革。全面推行一窗受理。",
    "责任单位：市政府办公室、市司法局",
    "配合单位：各区政府",
    "加快财税改革，切实加强债务管理。",
    "责任单位：市财政局",
    "推进社会信用体系建设。（责任单位：市发展改革委）",
  ].join("\n");

  it("makes each role line and the paragraph before it a task; a title line above is not task text", () => {
    const { plan } = parsePlanText(doc, { year: 2017 });
    expect(tasksOf(plan).map((t) => [t.label ?? "", t.title])).toEqual([
      ["", "深化“最多跑一次”改革"],
      ["", "加快财税改革，切实加强债务管理"],
      ["", "推进社会信用体系建设"],
    ]);
    expect(roles(plan, 1)).toEqual([{ lead: [], responsible: ["市政府办公室", "市司法局"], support: ["各区政府"] }]);
    expect(roles(plan, 3)).toEqual([{ lead: [], responsible: ["市发展改革委"], support: [] }]);
    expect(plan.sections[0]!.text).toContain("市长牵头重点工作");
  });

  it("can be turned off by name (then there are no tasks, as before)", () => {
    const { plan, diagnostics } = parsePlanText(doc, { year: 2017, rules: { disable: ["unnumberedTasks"] } });
    expect(tasksOf(plan)).toHaveLength(0);
    expect(codes(diagnostics)).toContain("no_tasks");
  });

  it("is not used when the document has numbering", () => {
    const numbered = ["一、深化改革", "推进一窗受理。", "责任单位：市政府办公室", "加快财税改革。", "责任单位：市财政局"].join("\n");
    expect(tasksOf(parsePlanText(numbered, { year: 2017 }).plan)).toHaveLength(1);
  });
});

describe("layout: a covering notice with its own 一、二、 before the plan (rule noticeItems)", () => {
  const doc = [
    "区人民政府办公室关于印发2023年区重点工作责任分解方案的通知",
    "各街道办事处，区人民政府各部门：",
    "《2023年区重点工作责任分解方案》已经区人民政府同意，现印发给你们，并就有关事项通知如下：",
    "一、各责任单位要高度重视，制订工作方案，明确时间节点。",
    "二、区绩效考评机构要将重点工作纳入绩效管理考核范围。",
    "清河区人民政府办公室",
    "2023年1月3日",
    "2023年区重点工作责任分解方案",
    "一、主要预期目标",
    "（一）地区生产总值增长7%以上",
    "责任单位：区发展和改革局",
    "（二）固定资产投资增长10%以上",
    "责任单位：区发展和改革局",
  ].join("\n");

  it("starts the plan at the repeated title after the notice's signature and date", () => {
    const { plan } = parsePlanText(doc);
    expect(plan.title).toBe("2023年区重点工作责任分解方案");
    expect(plan.sections.map((s) => s.title)).toEqual(["主要预期目标"]);
    expect(tasksOf(plan).map((t) => t.label)).toEqual(["（一）", "（二）"]);
  });

  it("can be turned off by name (the notice's items are read as sections again)", () => {
    const { plan } = parsePlanText(doc, { rules: { disable: ["noticeItems"] } });
    expect(plan.sections.length).toBeGreaterThan(1);
  });

  it("does not move the body of a plan whose own items come before a signature and date", () => {
    const plain = ["2023年区重点工作方案", "一、主要目标", "（一）地区生产总值增长7%以上", "责任单位：区发展和改革局", "清河区人民政府办公室", "2023年1月3日", "附件2安排方案", "一、其他"].join("\n");
    expect(tasksOf(parsePlanText(plain).plan).map((t) => t.label)).toContain("（一）");
  });
});
