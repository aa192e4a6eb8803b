// A small fictional county for the scoring tests: 4 units, 3 tasks with one requirement each.
import { IsoDate } from "../../src/model/dates.js";
import type { Ledger } from "../../src/model/ledger.js";
import { ScoringScheme } from "../../src/model/scoring.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { buildMatrix } from "../../src/units/matrix.js";

const doc = [
  "测试县2024年度法治政府建设工作安排",
  "一、甲",
  "（一）执法监督。每季度开展一次执法监督。",
  "牵头单位：县司法局",
  "责任单位：县公安局",
  "（二）专题讲座。每年举办两期以上专题讲座。",
  "牵头单位：县政府办",
  "（三）年度报告。3月底前报送年度报告。",
  "牵头单位：县司法局、县政府办",
].join("\n");

export const world = () => {
  const { plan } = parsePlanText(doc, { id: "test-2024" });
  const roster = Roster.parse({
    id: "test",
    name: "测试县",
    source: { title: "测试用虚构名录 / fictional roster for tests" },
    units: [
      { id: "sfj", name: "县司法局", kind: "government_department" },
      { id: "gaj", name: "县公安局", kind: "government_department" },
      { id: "zfb", name: "县政府办", kind: "government_department" },
      { id: "xwb", name: "县委办", kind: "party_department" },
    ],
    groups: [],
  });
  const matrix = buildMatrix(plan, roster);
  const occurrences = expandSchedule(plan, { matrix });
  return { plan, roster, matrix, occurrences, asOf: IsoDate.parse("2025-01-15") };
};

export const ledgerOf = (entries: unknown[]): Ledger => ({ planId: "test-2024", entries }) as unknown as Ledger;

/** A scheme whose points add up: each indicator in area "a", total = their sum. */
export const schemeOf = (indicators: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): ScoringScheme => {
  const sum = indicators.reduce((s, i) => s + (i.points as number), 0);
  return ScoringScheme.parse({
    id: "t",
    title: "测试方案",
    total: sum,
    areas: [{ id: "a", name: "甲", points: sum }],
    indicators: indicators.map((i) => ({ area: "a", appliesTo: {}, ...i })),
    grades: [
      { name: "优秀", min: 90 },
      { name: "良好", min: 80 },
      { name: "合格", min: 60 },
    ],
    lowestGrade: "不合格",
    ...extra,
  });
};
