import { describe, expect, it } from "vitest";
import { explainScoreCard } from "../../src/scoring/explain.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { ScoreCard, ScoringScheme } from "../../src/model/scoring.js";
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

  it("every kind of line, written out: nested areas, offices, references, signs, and the closing sum", () => {
    // A card as a stored result would hold it (explainScoreCard reads any valid card).
    const adj = (reason: string, hundredths: number, entries: string[], extra: Record<string, unknown> = {}) => ({ reason, reasonEn: "", hundredths, entries, ...extra });
    const line = (kind: string, id: string, name: string, available: number, earned: number, extra: Record<string, unknown> = {}) => ({ kind, id, name, available, earned, state: "scored", adjustments: [], ...extra });
    const card = ScoreCard.parse({
      unitId: "sfj", name: "县司法局", total: 1201, available: 1200, grade: "合格", rank: 3, assessed: true, vetoed: true,
      areas: [
        { id: "a", name: "依法行政", office: "县司法局", available: 700, earned: 625 },
        { id: "a1", name: "执法", parent: "a", available: 500, earned: 400 },
        { id: "a2", name: "复议", parent: "a1", available: 0, earned: 0 },
        { id: "b", name: "其他", available: 500, earned: 550 },
      ],
      lines: [
        line("indicator", "law", "执法监督", 500, 450, {
          area: "a1", office: "县公安局", note: "责任单位按50%承担扣分",
          adjustments: [
            adj("发现“执法过错”1起", 75, ["e1", "e2", "e3", "e4", "e5", "e6", "e7"], { requirement: { id: "test-2024.t01.r1", phrase: "每季度开展一次执法监督", source: { start: 0, end: 4, line: 3 } } }),
            adj("表现突出", -25, ["e8"]),
          ],
        }),
        line("limit", "a1", "执法", 0, -50, { area: "a1", note: "最多得4分" }),
        line("limit", "a2", "复议", 0, 0, { area: "a2" }),
        line("indicator", "six", "六次", 200, 200, { area: "a", office: "县司法局", adjustments: [adj("核对", 0, ["f1", "f2", "f3", "f4", "f5", "f6"], { requirement: { id: "test-2024.t02.r1", phrase: "举办讲座" } })] }),
        line("indicator", "gap", "合格率", 0, 0, { area: "a", state: "missing_data", note: "缺少“合格率”的数据，不计入可得分" }),
        line("indicator", "gap2", "发案量", 300, 0, { area: "b", state: "missing_data" }),
        line("indicator", "plus", "加分项", 200, 250, { area: "b", adjustments: [adj("额外", -50, [])] }),
        line("limit", "total", "总分", 0, 30, { note: "累计扣分不超过3分" }),
        line("normalisation", "normalisation", "折算成百分制", 0, -125, { note: "按比例折算" }),
        line("normalisation", "normalisation", "折算成百分制", 0, 0),
        line("bonus", "prov", "省级表彰", 0, 250, { note: "本类最多2.5分，已封顶" }),
        line("bonus", "city", "市级表彰", 0, 50),
        line("penalty", "pen", "被通报批评", 0, -29),
        line("penalty", "pen2", "被约谈", 0, -100, { note: "本类最多1分" }),
        line("veto", "v", "严重违法", 0, 0, { note: "直接定为不合格" }),
        line("veto", "w", "其他否决", 0, 0),
      ],
    });
    expect(explainScoreCard(card)).toBe(
      [
        "县司法局：12.01分，合格，第3名（一票否决）。",
        "【依法行政】满分7分，得6.25分（评分单位：县司法局）",
        "  · 六次（满分2分）：得2分，未扣分。",
        "      - 核对。〔依据工作安排“举办讲座”；台账记录 f1、f2、f3、f4、f5、f6〕",
        "  · 合格率（满分0分）：缺少“合格率”的数据，不计入可得分。",
        "  【执法】满分5分，得4分",
        "    · 执法监督（满分5分）：得4.5分，合计扣0.5分（责任单位按50%承担扣分）。（评分单位：县公安局）",
        "        - 发现“执法过错”1起，扣0.75分。〔依据工作安排“每季度开展一次执法监督”（原文第3行）；台账记录 e1、e2、e3、e4、e5等7条〕",
        "        - 表现突出，加0.25分。〔台账记录 e8〕",
        "    · “执法”最多得4分，调整-0.5分。",
        "    【复议】满分0分，得0分",
        "      · “复议”，调整+0分。",
        "【其他】满分5分，得5.5分",
        "  · 发案量（满分3分）：缺少数据。",
        "  · 加分项（满分2分）：得2.5分，合计加0.5分。",
        "      - 额外，加0.5分。",
        "· 总分累计扣分不超过3分，调整+0.3分。",
        "· 按比例折算，减少1.25分。",
        "· 折算成百分制，增加0分。",
        "· 加分“省级表彰”：加2.5分（本类最多2.5分，已封顶）。",
        "· 加分“市级表彰”：加0.5分。",
        "· 减分“被通报批评”：扣0.29分。",
        "· 减分“被约谈”：扣1分（本类最多1分）。",
        "· 一票否决“严重违法”：直接定为不合格。",
        "· 一票否决“其他否决”：。",
        "合计：各指标得分9分，封顶保底调整-0.2分，折算减少1.25分，加分3分，减分1.29分，总分12.01分。",
        "",
      ].join("\n"),
    );
  });

  it("a card without a rank says 第-名; a positive adjustment of the limits and normalisation say +/增加", () => {
    const card = ScoreCard.parse({
      unitId: "gaj", name: "县公安局", total: 10000, available: 8000, grade: "优秀", assessed: true, vetoed: false,
      lines: [
        { kind: "indicator", id: "i", name: "工作", available: 8000, earned: 7900, state: "scored", adjustments: [] },
        { kind: "limit", id: "total", name: "总分", available: 0, earned: 100, state: "scored", adjustments: [] },
        { kind: "normalisation", id: "normalisation", name: "折算成百分制", available: 0, earned: 2000, state: "scored", adjustments: [] },
      ],
    });
    expect(explainScoreCard(card)).toBe(
      ["县公安局：100分，优秀，第-名。", "· 工作（满分80分）：得79分，合计扣1分。", "· 总分，调整+1分。", "· 折算成百分制，增加20分。", "合计：各指标得分79分，封顶保底调整+1分，折算增加20分，总分100分。", ""].join("\n"),
    );
  });

  it("a card with nothing but indicators closes with their sum alone; an area whose parent is not listed before it is not indented", () => {
    const card = ScoreCard.parse({
      unitId: "zfb", name: "县政府办", total: 7900, available: 8000, grade: "合格", rank: 1, assessed: true, vetoed: false,
      areas: [{ id: "b", name: "乙", parent: "zz", available: 8000, earned: 7900 }],
      lines: [{ kind: "indicator", id: "i", name: "工作", area: "b", available: 8000, earned: 7900, state: "scored", adjustments: [] }],
    });
    expect(explainScoreCard(card)).toBe(["县政府办：79分，合格，第1名。", "【乙】满分80分，得79分", "  · 工作（满分80分）：得79分，合计扣1分。", "合计：各指标得分79分，总分79分。", ""].join("\n"));
  });

  it("refuses what is not a score card with an error naming the function and the argument", () => {
    expect(() => explainScoreCard({ name: "县司法局" } as never)).toThrow(/^explainScoreCard：参数 card(\.\w+)? 不正确/);
  });
});
