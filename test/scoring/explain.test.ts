import { describe, expect, it } from "vitest";
import { explainScoreCard } from "../../src/scoring/explain.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { ScoringScheme } from "../../src/model/scoring.js";
import { ledgerOf, world } from "../support/small-world.js";

// Explanations for staff: plain Chinese sentences, ledger ids as references (〔…〕) and never in
// the sentence, totals said in words, the 折算 step in words.
const w = world();
const scheme = ScoringScheme.parse({
  id: "e", title: "说明", total: 100,
  areas: [{ id: "a", name: "依法行政", points: 80, office: "县司法局" }, { id: "b", name: "问题整改", points: 20 }],
  indicators: [
    { id: "law", name: "严格规范公正文明执法", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "执法过错", per: 3 }, { kind: "rate", metric: "案卷评查合格率", bound: "at_least", target: 95, per: 1 }] },
    { id: "cases", name: "行政诉讼发案量", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "trend", metrics: ["行政诉讼发案量"], when: "rose", per: 5 }] },
    { id: "sup", name: "每季度开展执法监督", area: "a", points: 60, appliesTo: { taskIds: ["test-2024.t01"], responsibleShare: 50 }, methods: [{ kind: "occurrences", perMissing: 2 }] },
    { id: "fix", name: "督察问题整改", area: "b", points: 20, appliesTo: { units: ["zfb"] }, methods: [{ kind: "rectification", perOpen: 4, perLate: 2 }] },
  ],
  grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }],
  lowestGrade: "不合格",
});
const done = (id: string, unitId: string, q: number) => ({ id, unitId, taskId: "test-2024.t01", requirementId: "test-2024.t01.r1", occurrenceId: `test-2024.t01.r1.2024-Q${q}`, date: "2024-03-20", kind: "done" });
// Scored inside each test (cheap on the small world), not when the file loads: StrykerJS then
// knows which test covers which line (npm run mutate).
const cards = () => scoreUnits({
  plan: w.plan, roster: w.roster, matrix: w.matrix, scheme, asOf: w.asOf,
  ledger: ledgerOf([
    { id: "e-1", unitId: "sfj", date: "2024-04-01", kind: "incident", tag: "执法过错" },
    { id: "e-2", unitId: "sfj", date: "2024-11-01", kind: "measure", metric: "案卷评查合格率", value: 93.2 },
    { id: "e-3", unitId: "sfj", date: "2023-12-31", kind: "measure", metric: "行政诉讼发案量", value: 12 },
    { id: "e-4", unitId: "sfj", date: "2024-12-20", kind: "measure", metric: "行政诉讼发案量", value: 12 },
    ...[1, 2, 3, 4].map((q) => done(`d${q}`, "sfj", q)),
    ...[1, 2, 3, 4].map((q) => done(`g${q}`, "gaj", q)),
  ]),
});
const text = (unit: string) => explainScoreCard(cards().find((c) => c.unitId === unit)!);

describe("explainScoreCard", () => {
  it("reads as plain Chinese: 合计扣4.8分, references in 〔〕, 评分单位 once per area, the closing sum in words", () => {
    expect(text("sfj")).toBe(
      [
        "县司法局：94分，优秀，第1名。",
        "【依法行政】满分80分，得75.2分（评分单位：县司法局）",
        "  · 严格规范公正文明执法（满分10分）：得5.2分，合计扣4.8分。",
        "      - 发现“执法过错”1起，每起扣3分，扣3分。〔台账记录 e-1〕",
        "      - “案卷评查合格率”为93.2%，比要求的95%低1.8个百分点，每低1个百分点扣1分，扣1.8分。〔台账记录 e-2〕",
        "  · 行政诉讼发案量（满分10分）：得10分，未扣分。",
        "  · 每季度开展执法监督（满分60分）：得60分，未扣分。",
        "· 折算成100分制：本单位适用的指标满分80分，实得75.2分，按75.2÷80×100折算为94分，增加18.8分。",
        "合计：各指标得分75.2分，折算增加18.8分，总分94分。",
        "",
      ].join("\n"),
    );
  });

  it("says nothing of a share on a line with no deduction, and no % on a count", () => {
    // 县公安局 is responsible (50%) for task 1 and did everything: no share note.
    expect(text("gaj")).not.toContain("50%");
    // The case count is not a percentage.
    expect(text("sfj")).not.toMatch(/发案量[^\n]*%/);
  });

  it("missing data is said once, in Chinese, with what is missing", () => {
    const t = text("zfb");
    expect(t).toContain("严格规范公正文明执法（满分10分）：缺少“案卷评查合格率”的数据，按0分计。");
    expect(t.match(/缺少/g)).toHaveLength(2); // 案卷评查合格率 (law) and 行政诉讼发案量本年 (cases)
    expect(t).not.toMatch(/data missing|scored 0/);
  });

  it("no Latin letters outside the references, no bare formulas", () => {
    for (const c of cards()) {
      const t = explainScoreCard(c).replace(/〔[^〕]*〕/g, "");
      expect(t).not.toMatch(/[A-Za-z]/);
      expect(t).not.toMatch(/\d\s*\+\s*\d[^\n]*=\s*\d/);
    }
  });

  it("a unit nobody assessed says so", () => {
    const card = { unitId: "xwb", name: "县委办", total: 0, available: 0, grade: "未考核", assessed: false, vetoed: false, lines: [] };
    expect(explainScoreCard(card)).toBe("县委办：未考核（没有适用于本单位的考核指标）。\n");
  });
});
