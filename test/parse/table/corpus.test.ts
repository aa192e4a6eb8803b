// The real tables of test/corpus/tables, read two ways and checked against their goldens:
// 1. readPlanTable on rows split by this test where the copied layout is unambiguous (cells between
//    `|` marks, key/value lines), and on 眉山's sideways table as a word processor gives it (rows with
//    merged ranges, the spans being those the golden's readers inferred);
// 2. the text recogniser (findTableInText + readPlanTable, as parsePlanText will call it) on every text.
// Floors only go up. FAZHI_CORPUS_PRINT=1 prints the figures.
import { describe, expect, it } from "vitest";
import { readPlanTable } from "../../../src/parse/table/read-table.js";
import { readTableText } from "../../../src/parse/table/read-text.js";
import type { Plan } from "../../../src/model/plan.js";
import { type CorpusDoc, type Score, corpusTables, scorePlan, scoreRows } from "./corpus-score.js";

const docs = corpusTables();
const doc = (id: string): CorpusDoc => docs.find((d) => d.id === id) as CorpusDoc;
const print = (title: string, scores: readonly Score[]) => {
  if (process.env.FAZHI_CORPUS_PRINT) {
    console.log(`\n${title}`);
    console.table(scoreRows(scores));
  }
};

/** Cells between `|` marks (a mark ending a line, or alone on one), in rows of the header's width; the text before the first cell is dropped. */
const pipeRows = (text: string, width: number): string[][] => {
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.trimEnd().endsWith("|"));
  const from = lines[first]!.trim() === "|" ? first - 1 : first;
  const cells = lines
    .slice(from)
    .join("\n")
    .split(/\|[ \t]*(?:\n|$)/)
    .map((c) => c.trim());
  if (cells.at(-1) === "") cells.pop();
  const rows: string[][] = [];
  for (let i = 0; i < cells.length; i += width) rows.push(cells.slice(i, i + width));
  return rows;
};

/** Lines alternating between a header word and its value. */
const keyValueRows = (text: string): string[][] => {
  const lines = text.split("\n").filter((l) => l.trim().length > 0);
  const rows: string[][] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) rows.push([lines[i]!.trim(), lines[i + 1]!.trim()]);
  return rows;
};

/** 眉山 block 1 as a word processor gives it: group header and item names on two rows, the first unit cell spanning three columns. */
const meishanBlock1 = (): { rows: string[][]; merges: Array<{ s: { r: number; c: number }; e: { r: number; c: number } }> } => {
  const items = ["建成投用市公共实训基地", "★组织开展各类补贴性职业技能培训(万人次)", "劳务品牌\n培训(人)", "农村残疾人实用技术培训(人)", "妇女居家灵活就业培训(人)", "家政从业人员培训(人)", "农村青年技能培训(人)", "高素质农民培训(人次)"];
  return {
    rows: [
      ["地区", "组织技能培训", "", "", "", "", "", "", ""],
      ["", ...items],
      ["责任\n单位", "市人力资源社会保障局", "", "", "市残联", "市妇联", "市商务局", "团市委", "市农业农村局"],
      ["全市", "完成年度\n目标任务", "2.2", "2400", "2000", "1000", "2400", "400", "500"],
    ],
    merges: [
      { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
      { s: { r: 0, c: 1 }, e: { r: 0, c: 8 } },
      { s: { r: 2, c: 1 }, e: { r: 2, c: 3 } },
    ],
  };
};

const meishanBlock2 = (): { rows: string[][]; merges: Array<{ s: { r: number; c: number }; e: { r: number; c: number } }> } => {
  const items = ["城镇失业人员再就业(人)", "就业困难人员就业(人)", "下岗失业人员再就业(人)", "★城镇新增就业(人)", "★城镇登记失业率控制在4.3%以内", "◆落实创业就业税收优惠政策,重点为符合条件的脱贫人口、失业人员、残疾人、高校毕业生、退役士兵等自主创业及招录上述人员的企业依法依规减免税费(亿元)", "对毕业5年内处于失业状态的高校毕业生及市域高校全日制在校大学生给予创业补贴、创业担保贷款等政策扶持"];
  return {
    rows: [
      ["地区", "促进群众就业", "", "", "", "", "做好创业帮扶", ""],
      ["", ...items],
      ["责任\n单位", "市人力资源社会保障局", "", "市总工会", "市人力资源社会保障局", "", "市税务局", "市人力资源社会保障局、团市委"],
      ["全市", "4400", "2000", "400", "29000", "4.3%以内", "5", "应补尽补"],
    ],
    merges: [
      { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
      { s: { r: 0, c: 1 }, e: { r: 0, c: 5 } },
      { s: { r: 0, c: 6 }, e: { r: 0, c: 7 } },
      { s: { r: 2, c: 1 }, e: { r: 2, c: 2 } },
      { s: { r: 2, c: 4 }, e: { r: 2, c: 5 } },
    ],
  };
};

const concat = (plans: readonly Plan[]): Plan => ({ ...(plans[0] as Plan), sections: plans.flatMap((p) => p.sections) });

describe("readPlanTable on the corpus tables' rows", () => {
  const byRows: Array<[string, () => Plan]> = [
    ["huoshan-2025-kaifaqu", () => readPlanTable(pipeRows(doc("huoshan-2025-kaifaqu").text, 5)).plan],
    ["nanling-2023-jinzhan", () => readPlanTable(pipeRows(doc("nanling-2023-jinzhan").text, 5)).plan],
    ["nanling-2024-fenjie", () => readPlanTable(pipeRows(doc("nanling-2024-fenjie").text, 5)).plan],
    ["zongyang-2023-luoshi", () => readPlanTable(pipeRows(doc("zongyang-2023-luoshi").text, 5)).plan],
    ["tongxin-2023-renwu", () => readPlanTable(keyValueRows(doc("tongxin-2023-renwu").text)).plan],
    ["meishan-2021-minsheng", () => concat([meishanBlock1(), meishanBlock2()].map((b) => readPlanTable(b.rows, { merges: b.merges }).plan))],
  ];
  const scores = byRows.map(([id, read]) => scorePlan(id, read(), doc(id).golden));
  print("readPlanTable on rows split by the test", scores);

  it.each(scores.map((s) => [s.id, s] as const))("%s: every task found and matched, every unit right", (_, s) => {
    expect({ found: s.found, matched: s.matched, leadExact: s.leadExact, unitsRight: s.unitsRight, unitsFound: s.unitsFound }).toEqual({
      found: s.expected,
      matched: s.expected,
      leadExact: s.leadTasks,
      unitsRight: s.unitsGolden,
      unitsFound: s.unitsGolden,
    });
  });

  it("reads 眉山's groups as sections and says the table is sideways", () => {
    const { rows, merges } = meishanBlock1();
    const r = readPlanTable(rows, { merges });
    expect(r.sideways).toBe(true);
    expect(r.plan.sections.map((s) => s.title)).toEqual(["组织技能培训"]);
    expect(r.plan.sections[0]!.tasks[2]!.clauses[0]!.assignment.responsible[0]!.source?.cell).toEqual({ row: 2, column: 1 });
  });
});

describe("the text recogniser on every corpus table", () => {
  const scores = docs.map((d) => scorePlan(d.id, readTableText(d.text)?.plan ?? ({ sections: [] } as unknown as Plan), d.golden));
  print("findTableInText + readPlanTable on the copied text", scores);
  const total = (k: keyof Score) => scores.reduce((n, s) => n + (s[k] as number), 0);

  it("stays at or above its floors", () => {
    expect(total("matched")).toBeGreaterThanOrEqual(28);
    expect(total("leadExact")).toBeGreaterThanOrEqual(9);
    expect(total("unitsRight")).toBeGreaterThanOrEqual(41);
    expect(total("unitsFound")).toBe(total("unitsRight"));
  });

  it("finds nothing it should not: 钟楼 (flattened with no separators) and 眉山 (sideways, wrapped cells) are not recognised", () => {
    expect(readTableText(doc("zhonglou-2021-minsheng").text)).toBeUndefined();
    expect(readTableText(doc("meishan-2021-minsheng").text)).toBeUndefined();
  });
});
