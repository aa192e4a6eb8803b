import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlan } from "../../src/model/validate.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { normalizeText } from "../../src/text/normalize.js";
import { seedJson, seedText } from "../support/seed.js";

const text = seedText();
const { plan, diagnostics } = parsePlanText(text, { id: "wuzhi-2024" });
const tasks = plan.sections.flatMap((s) => s.tasks);
const names = (refs: ReadonlyArray<{ text: string }>) => refs.map((r) => r.text).join("、");
const TOWNS = "各乡镇人民政府、街道办事处";
const STD = `${TOWNS}、县直有关单位`;

// Every task's lead and responsible units, as the document names them (clauses joined by " / ").
const EXPECTED: ReadonlyArray<readonly [number, string, string]> = [
  [1, "", ""],
  [2, "", ""],
  [3, "县委编办", STD],
  [4, "县行政审批和政务信息管理局 / 县市场监管局", `${STD} / ${STD}`],
  [5, "县行政审批和政务信息管理局、县市场监管局", STD],
  [6, "县司法局", STD],
  [7, "县政府办、县司法局", STD],
  [8, "县司法局", `${TOWNS}、县政府各部门`],
  [9, "县政府办、县司法局", STD],
  [10, "县政府办、县司法局", STD],
  [11, "县委编办", STD],
  [
    12,
    "",
    "县教体局、县公安局、县人社局、县自然资源局、市生态环境局武陟分局、县住建局、县交通运输局、县水利局、县卫健委、县应急管理局、县市场监管局、武陟金融监管支局、县城市管理局、县人大法工委、县司法局、县政府其他部门",
  ],
  [13, "县司法局", STD],
  [14, "县司法局", STD],
  [15, "县应急管理局、县科工局、县公安局、县卫健委", STD],
  [16, "县应急管理局", STD],
  [17, "县应急管理局、县委社会工作部", STD],
  [18, "县司法局、县公安局、县信访局、县人社局", STD],
  [19, "县司法局", STD],
  [20, "县政府办", STD],
  [21, "县政府办、县人民法院、县人民检察院、县司法局", STD],
  [22, "县信访局", STD],
  [23, "县司法局", STD],
  [24, "县纪委监委、县政府办、县审计局、县财政局、县统计局、县司法局", STD],
  [25, "县政府办", STD],
  [26, "县发改委", STD],
  [27, "县行政审批和政务信息管理局", STD],
  [28, "县行政审批和政务信息管理局", STD],
  [29, "县行政审批和政务信息管理局、县市场监管局、县发改委", STD],
  [30, "县委办、县政府办、县委组织部、县司法局", STD],
  [31, "县政府办、县司法局", STD],
  [32, "县委办、县政府办、县委组织部、县司法局", STD],
  [33, "县政府办、县人民法院、县人民检察院、县司法局", STD],
  [34, "县委宣传部、县融媒体中心、县司法局", STD],
  [35, "县委组织部、县委编办、县财政局、县司法局", STD],
];

describe("the reference document", () => {
  it("is a byte-identical copy of ../shared/seeds/wuzhi-2024.txt (when shared/ is beside the repo)", () => {
    const shared = new URL("../../../shared/seeds/wuzhi-2024.txt", import.meta.url);
    if (!existsSync(shared)) return;
    expect(readFileSync(new URL("../../seeds/wuzhi-2024.txt", import.meta.url)).equals(readFileSync(shared))).toBe(true);
  });
});

describe("parsePlanText on the Wuzhi 2024 plan", () => {
  it("reads the notice wrapper and the title", () => {
    expect(plan.id).toBe("wuzhi-2024");
    expect(plan.issuer).toBe("武陟县法治政府建设领导小组");
    expect(plan.docNumber).toBe("武法政〔2024〕1号");
    expect(plan.title).toBe("武陟县2024年度法治政府建设工作安排");
    expect(plan.year).toBe(2024);
    expect(plan.addressees).toEqual(["各乡镇人民政府、街道办事处", "县政府各部门", "各有关单位"]);
    expect(plan.preamble).toMatch(/^2024年，全县法治政府建设坚持/);
    expect(plan.closing).toMatch(/^上述工作安排将作为2024年度全面依法治县考核的主要内容/);
  });

  it("reads 10 sections with their titles", () => {
    expect(plan.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(plan.sections[0]!.title).toBe("深入学习贯彻习近平法治思想");
    expect(plan.sections[4]!.title).toBe("健全行政执法工作体系，全面推进严格规范公正文明执法");
    expect(plan.sections[9]!.title).toBe("加强党的领导，完善法治政府建设组织保障和落实机制");
    expect(plan.sections.map((s) => s.tasks.length)).toEqual([2, 3, 1, 4, 4, 3, 5, 4, 3, 6]);
  });

  it("reads 35 tasks numbered 1–35 with titles and full text", () => {
    expect(tasks.map((t) => t.no)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect(tasks[0]!.title).toBe("坚持把习近平法治思想作为推进法治政府建设的根本遵循");
    expect(tasks[20]!.label).toBe("（二十一）");
    expect(tasks[20]!.title).toBe("加强和规范行政应诉工作");
    expect(tasks[28]!.title).toBe("深入推进“互联网+”监管执法");
    // A sentence broken by a page break is whole again.
    expect(tasks[1]!.text).toContain("将习近平法治思想纳入理论学习中心组学习计划");
    expect(tasks[12]!.text).toContain("9月份开展中期评估");
    expect(tasks[12]!.text).toContain("6月底前完成全员轮训工作");
    expect(tasks[34]!.text).toContain("各部门领导班子每年应当举办两期以上法治专题讲座");
    expect(tasks[23]!.text.split("\n")).toHaveLength(2);
    for (const t of tasks) expect(t.text).not.toMatch(/牵头单位|责任单位/);
  });

  it("assigns every task's lead and responsible units as written", () => {
    for (const [no, lead, responsible] of EXPECTED) {
      const task = tasks[no - 1]!;
      expect({ no, lead: task.clauses.map((c) => names(c.assignment.lead)).join(" / ") }).toEqual({ no, lead });
      expect({ no, responsible: task.clauses.map((c) => names(c.assignment.responsible)).join(" / ") }).toEqual({ no, responsible });
      for (const c of task.clauses) expect(c.assignment.support).toEqual([]);
    }
  });

  it("handles the seed's special cases", () => {
    expect(tasks[0]!.clauses).toEqual([]);
    expect(tasks[1]!.clauses).toEqual([]);
    expect(tasks[3]!.clauses.map((c) => c.assignment.lead[0]!.text)).toEqual(["县行政审批和政务信息管理局", "县市场监管局"]);
    expect(tasks[3]!.clauses[1]!.text).toMatch(/^健全新型监管机制/);
    expect(tasks[11]!.clauses[0]!.assignment.lead).toEqual([]);
    // The trailing predicate is not part of the name: it is kept as the reference's qualifier.
    expect(tasks[11]!.clauses[0]!.assignment.responsible.at(-1)).toMatchObject({ text: "县政府其他部门", qualifier: "按职责分工负责" });
    const split = tasks[20]!.clauses[0]!.assignment.lead.at(-1)!;
    expect(split.text).toBe("县司法局");
    expect(text.slice(split.source!.start, split.source!.end)).toMatch(/^县司法\s+局$/);
    expect(tasks[2]!.clauses[0]!.assignment.responsible.map((r) => r.text)).toEqual(["各乡镇人民政府、街道办事处", "县直有关单位"]);
  });

  it("points every source span at the text it came from", () => {
    const same = (span: { start: number; end: number } | undefined, expected: string) => {
      expect(span).toBeDefined();
      expect(normalizeText(text.slice(span!.start, span!.end)).replace(/\s/g, "")).toBe(expected.replace(/\s/g, ""));
    };
    for (const t of tasks) {
      expect(normalizeText(text.slice(t.source!.start, t.source!.start + 12))).toMatch(new RegExp(`^${t.label}`));
      expect(normalizeText(text.slice(t.source!.start, t.source!.end))).toContain(t.title);
      for (const c of t.clauses) for (const role of ["lead", "responsible"] as const) for (const r of c.assignment[role]) same(r.source, r.text);
    }
    for (const s of plan.sections) expect(normalizeText(text.slice(s.source!.start, s.source!.end))).toContain(s.title);
    expect(text.split("\n")[tasks[20]!.source!.line - 1]).toContain("（二十一）");
  });

  it("reports what it noticed: tasks without units and the joined unit list", () => {
    const codes = diagnostics.map((d) => d.code);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(diagnostics.filter((d) => d.code === "task_without_units").map((d) => d.path)).toEqual([
      ["sections", 0, "tasks", 0],
      ["sections", 0, "tasks", 1],
    ]);
    const joined = diagnostics.find((d) => d.code === "joined_across_break" && d.message.includes("单位列表"));
    expect(joined?.source?.line).toBe(167);
    expect(codes).toContain("closing_text");
  });

  it("produces a plan that passes the schema and validatePlan", () => {
    const r = readPlan(JSON.parse(JSON.stringify(plan)));
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("matches the checked-in seeds/wuzhi-2024.plan.json (run `npm run seeds` after an intended change)", () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(seedJson("wuzhi-2024.plan.json"));
  });

  it("is frozen", () => {
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(tasks[3]!.clauses[1]!.assignment.lead)).toBe(true);
  });
});
