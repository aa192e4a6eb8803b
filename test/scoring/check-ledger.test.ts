// checkLedgerAgainstScheme, message by message: what every clause kind makes known (tags,
// metrics, benchmarks, ratios, penalty categories), the edges of a rate's 0–100 %, and when a
// misspelling is close enough to suggest the intended key (one edit in four characters, two in
// six; nothing past 64 characters).
import { describe, expect, it } from "vitest";
import { ScoringScheme } from "../../src/model/scoring.js";
import { checkLedgerAgainstScheme } from "../../src/scoring/check-ledger.js";
import { ledgerOf } from "../support/small-world.js";

const schemeWith = (methods: unknown[], extra: Record<string, unknown> = {}) =>
  ScoringScheme.parse({
    id: "c", title: "台账检查", total: 10,
    areas: [{ id: "a", name: "甲", points: 10 }],
    indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: {}, methods }],
    grades: [{ name: "优秀", min: 90 }], lowestGrade: "不合格",
    ...extra,
  });
let n = 0;
const entry = (kind: string, fields: Record<string, unknown>) => ({ id: `e${++n}`, unitId: "sfj", date: "2024-03-01", kind, ...fields });
const check = (methods: unknown[], entries: unknown[], extra: Record<string, unknown> = {}) => checkLedgerAgainstScheme(ledgerOf(entries), schemeWith(methods, extra));
const long = (c: string) => "甲".repeat(63) + c;

describe("checkLedgerAgainstScheme", () => {
  it("every warning in Chinese and English, with the hint when a key is close", () => {
    const methods = [{ kind: "incidents", tag: "执法过错", per: 1 }, { kind: "rate", metric: "合格率", bound: "at_least", target: 95, per: 1 }];
    const adjustments = { categories: [{ id: "provincial", name: "省级表彰", per: 2, requiresEvidence: true }] };
    const vetoes = [{ id: "serious", name: "严重违法" }];
    const d = check(
      methods,
      [
        { ...entry("incident", { tag: "执法过措" }), id: "t1" },
        { ...entry("award", { category: "provincal" }), id: "a1" },
        { ...entry("award", { category: "provincial", evidence: [] }), id: "a2" },
        { ...entry("veto", { vetoId: "严重违法" }), id: "v1" },
        { ...entry("veto", { vetoId: "seriuos" }), id: "v2" },
        { ...entry("measure", { metric: "合格律", value: 3 }), id: "m1" },
        { ...entry("measure", { metric: "合格率", value: 100.5 }), id: "m2" },
        { ...entry("rectified", { problemId: "P" }), id: "r1" },
      ],
      { adjustments, vetoes },
    );
    expect(d.map((x) => [x.code, x.severity, x.path, x.message, x.messageEn])).toEqual([
      ["unused_tag", "warning", ["entries", 0, "tag"], "记录“t1”的问题类别“执法过措”没有任何评分标准使用，不会扣分，是否应为“执法过错”？", 'Entry "t1": no clause uses tag "执法过措"; it scores nothing. Did you mean "执法过错"?'],
      ["unknown_award_category", "warning", ["entries", 1, "category"], "记录“a1”的表彰类别“provincal”不在方案的加分类别中，不会加分，是否应为“provincial”？", 'Entry "a1": award category "provincal" is not in the scheme; no bonus. Did you mean "provincial"?'],
      ["award_without_evidence", "warning", ["entries", 2, "evidence"], "记录“a2”的表彰没有表彰文件等佐证，按方案不加分", 'Entry "a2": the award has no evidence, which its category requires; no bonus'],
      ["veto_by_name", "warning", ["entries", 3, "vetoId"], "记录“v1”用一票否决事项的名称“严重违法”报送，应写编号“serious”；按现在的写法不会生效", expect.stringContaining('Entry "v1" gives the veto by name "严重违法"; use its id "serious"')],
      ["unknown_veto", "warning", ["entries", 4, "vetoId"], "记录“v2”的一票否决事项“seriuos”不在方案中，不会生效，是否应为“serious”？", 'Entry "v2": veto "seriuos" is not in the scheme; no effect. Did you mean "serious"?'],
      ["unused_metric", "warning", ["entries", 5, "metric"], "记录“m1”的指标数值“合格律”没有任何评分标准使用，是否应为“合格率”？", 'Entry "m1": no clause reads metric "合格律". Did you mean "合格率"?'],
      ["rate_out_of_range", "warning", ["entries", 6, "value"], "记录“m2”的“合格率”为100.5%，不在0–100%之间", 'Entry "m2": "合格率" is 100.5%, outside 0–100%'],
      ["unused_fact", "warning", ["entries", 7, "kind"], "记录“r1”是督察问题或整改，但方案没有整改类指标", 'Entry "r1" is an inspection problem or rectification, but no indicator scores them'],
    ]);
  });

  it("nothing to say about entries the scheme reads: tags of conditions, tiers and penalty categories; every metric a clause names", () => {
    const methods = [
      { kind: "condition", tag: "制度不健全", points: 3 },
      { kind: "tier", tiers: [{ tag: "落实不到位", name: "落实不到位", deduct: 2 }] },
      { kind: "count", atLeast: 2, metric: "讲座次数", perShort: 1 },
      { kind: "rate", ratio: { numerator: "办结数", denominator: "受理数" }, bound: "at_least", target: 90, per: 1 },
      { kind: "rate", metric: "复议纠错率", bound: "at_most", target: { benchmark: "全县平均纠错率" }, per: 1 },
      { kind: "trend", metrics: ["发案量", "败诉率"], when: "rose", per: 1 },
      { kind: "rectification", perOpen: 1, perLate: 1 },
      { kind: "occurrences", perMissing: 1 },
    ];
    const entries = [
      entry("incident", { tag: "制度不健全" }), entry("incident", { tag: "落实不到位" }), entry("incident", { tag: "通报" }),
      ...["讲座次数", "办结数", "受理数", "复议纠错率", "全县平均纠错率", "发案量", "败诉率"].map((metric) => entry("measure", { metric, value: 1 })),
      entry("problem", { problemId: "P", dueBy: "2024-05-01" }), entry("rectified", { problemId: "P" }),
      entry("award", { category: "prov" }), entry("done", { taskId: "test-2024.t01" }), entry("held", { taskId: "test-2024.t02" }),
    ];
    const adjustments = { categories: [{ id: "通报", name: "被通报批评", sign: "penalty", per: 1 }, { id: "prov", name: "省级表彰", per: 1, requiresEvidence: false }] };
    expect(check(methods, entries, { adjustments })).toEqual([]);
  });

  it("a rate from 0 to 100 % is in range, a hundredth outside is not; counts and non-percent rates may be any number", () => {
    const methods = [
      { kind: "rate", metric: "合格率", bound: "at_least", target: 95, per: 1 },
      { kind: "rate", metric: "人均件数", percent: false, bound: "at_least", target: 3, per: 1 },
      { kind: "count", atLeast: 2, metric: "次数", perShort: 1 },
    ];
    const values = [0, 100, -0.01, 100.01];
    const d = check(methods, [...values.map((value) => entry("measure", { metric: "合格率", value })), entry("measure", { metric: "人均件数", value: 250 }), entry("measure", { metric: "次数", value: 120 })]);
    expect(d.map((x) => [x.code, x.path[1]])).toEqual([["rate_out_of_range", 2], ["rate_out_of_range", 3]]);
  });

  it("suggests a key one edit away in four characters, two in six, never three; none beyond 64 characters", () => {
    const hintOf = (tag: string, known: string[]) => {
      const d = check(known.map((t) => ({ kind: "incidents", tag: t, per: 1 })), [entry("incident", { tag })]);
      return d[0]?.message.match(/是否应为“(.*)”？/)?.[1] ?? null;
    };
    expect(hintOf("执法过措", ["执法过错"])).toBe("执法过错");
    expect(hintOf("执法错误", ["执法过错"])).toBeNull(); // two edits in four characters
    expect(hintOf("abcdxy", ["abcdef"])).toBe("abcdef"); // two in six
    expect(hintOf("abcxyz", ["abcdef"])).toBeNull(); // three
    expect(hintOf("ab", ["ac"])).toBe("ac");
    expect(hintOf("ab", ["abcd"])).toBeNull();
    // The nearest wins; at equal distance, the first in code-point order.
    expect(hintOf("abcdef", ["abcxyf", "abcdeg"])).toBe("abcdeg");
    expect(hintOf("abcdez", ["abcdey", "abcdex"])).toBe("abcdex");
    expect(hintOf(long("乙"), [long("丙")])).toBe(long("丙")); // 64 characters
    expect(hintOf(`${long("乙")}丁`, [`${long("丙")}丁`])).toBeNull(); // 65
  });

  it("the same misspelling twice gets the same hint", () => {
    const d = check([{ kind: "incidents", tag: "执法过错", per: 1 }], [entry("incident", { tag: "执法过措" }), entry("incident", { tag: "执法过措" })]);
    expect(d.map((x) => x.message.endsWith("是否应为“执法过错”？"))).toEqual([true, true]);
  });

  it("without a close key the message simply ends; a scheme with no bonus categories, no vetoes or metrics only in ratios and task counts still answers", () => {
    const methods = [
      { kind: "count", atLeast: 2, taskIds: ["test-2024.t01"], perShort: 1 },
      { kind: "rate", ratio: { numerator: "办结数", denominator: "受理数" }, bound: "at_least", target: 90, per: 1 },
    ];
    const d = check(methods, [
      { ...entry("incident", { tag: "完全无关的问题" }), id: "t1" },
      { ...entry("award", { category: "省级表彰" }), id: "a1" },
      { ...entry("veto", { vetoId: "严重违法" }), id: "v1" },
      { ...entry("measure", { metric: "满意度", value: 90 }), id: "m1" },
    ]);
    expect(d.map((x) => [x.message, x.messageEn])).toEqual([
      ["记录“t1”的问题类别“完全无关的问题”没有任何评分标准使用，不会扣分", 'Entry "t1": no clause uses tag "完全无关的问题"; it scores nothing.'],
      ["记录“a1”的表彰类别“省级表彰”不在方案的加分类别中，不会加分", 'Entry "a1": award category "省级表彰" is not in the scheme; no bonus.'],
      ["记录“v1”的一票否决事项“严重违法”不在方案中，不会生效", 'Entry "v1": veto "严重违法" is not in the scheme; no effect.'],
      ["记录“m1”的指标数值“满意度”没有任何评分标准使用", 'Entry "m1": no clause reads metric "满意度".'],
    ]);
  });

  it("nothing to say about a veto given by its id, or an award with the evidence its category asks for", () => {
    const d = check([{ kind: "incidents", tag: "x", per: 1 }], [entry("veto", { vetoId: "serious" }), entry("award", { category: "prov", evidence: [{ title: "表彰文件" }] })], {
      vetoes: [{ id: "serious", name: "严重违法" }],
      adjustments: { categories: [{ id: "prov", name: "省级表彰", per: 2, requiresEvidence: true }] },
    });
    expect(d).toEqual([]);
  });

  it("refuses a ledger or a scheme that is not one, naming the function and the argument", () => {
    expect(() => checkLedgerAgainstScheme({} as never, schemeWith([{ kind: "incidents", tag: "x", per: 1 }]))).toThrow(/^checkLedgerAgainstScheme：参数 ledger(\.\w+)? 不正确/);
    expect(() => checkLedgerAgainstScheme(ledgerOf([]), {} as never)).toThrow(/^checkLedgerAgainstScheme：参数 scheme(\.\w+)? 不正确/);
  });
});
