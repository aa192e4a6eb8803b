import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { readCriteriaPhrases } from "../../../src/scoring/criteria/phrases.js";
import { readCriteriaTable } from "../../../src/scoring/criteria/read.js";
import type { CriteriaRuleKind } from "../../../src/scoring/criteria/types.js";
import { type PhraseSpec, criteriaToRows, writePhrase } from "../../../src/scoring/criteria/write.js";

/** Characters of item names and conditions that carry no rule words of their own. */
const word = (min: number, max: number) => fc.array(fc.constantFrom(..."组织领导制度建设依法决策执法监督公开宣传培训方案机构人员经费台账档案信访复议诉讼规范审查专题会议工作要点"), { minLength: min, maxLength: max }).map((cs) => cs.join(""));
const amount = fc.integer({ min: 1, max: 2000 }).map((h) => h / 100);

const arbPhrase: fc.Arbitrary<PhraseSpec> = fc.oneof(
  fc.record({ kind: fc.constant("condition" as const), amount, condition: word(2, 8).map((w) => `未${w}`) }),
  fc.record({ kind: fc.constant("per_occurrence" as const), amount, condition: word(2, 8) }),
  fc.record({ kind: fc.constant("late" as const), amount, condition: word(0, 6).map((w) => `迟报${w}`) }),
  fc.record({ kind: fc.constant("omitted" as const), amount, condition: word(0, 6).map((w) => `漏报${w}`) }),
  fc.record({ kind: fc.constant("count_each_short" as const), amount, target: fc.integer({ min: 1, max: 24 }), condition: word(2, 8) }),
  fc.record({ kind: fc.constant("count_below" as const), amount, target: fc.integer({ min: 1, max: 24 }), condition: word(2, 8) }),
  fc.record({ kind: fc.constantFrom("rate_min" as const, "rate_max" as const), amount, percent: fc.integer({ min: 1, max: 99 }), stepPercent: fc.integer({ min: 1, max: 20 }), condition: word(2, 8) }),
  fc.record({ kind: fc.constantFrom("rate_min" as const, "rate_max" as const), amount, percent: fc.integer({ min: 1, max: 99 }), condition: word(2, 8) }),
  fc.constant({ kind: "floor" as const }),
  fc.record({ kind: fc.constant("floor" as const), multiple: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ kind: fc.constant("deduction_cap" as const), amount }),
  fc.record({ kind: fc.constant("deduction_cap" as const), amount, condition: fc.constant("本项") }),
  fc.record({ kind: fc.constantFrom("no_score" as const), condition: word(2, 8) }),
  fc.record({ kind: fc.constantFrom("award" as const, "bonus" as const), amount, condition: word(2, 8) }),
  fc.constant({ kind: "award_otherwise" as const }),
  fc.record({ kind: fc.constant("bonus_cap" as const), amount }),
  fc.record({ kind: fc.constant("veto" as const), condition: word(2, 8) }),
  fc.record({ kind: fc.constant("grade_cap" as const), grade: fc.constantFrom("优秀", "良好", "合格"), condition: word(2, 8) }),
);

/** Items in document order with levels that go down at most one step at a time. */
const arbItems = fc
  .array(
    fc.record({
      step: fc.integer({ min: -3, max: 1 }),
      name: word(2, 12),
      points: fc.option(fc.integer({ min: 1, max: 4000 }).map((h) => h / 100), { nil: undefined }),
      phrases: fc.array(arbPhrase, { maxLength: 4 }),
      office: fc.option(word(2, 4).map((w) => `县${w}局`), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((raw) => {
    let level = 0;
    return raw.map((r) => {
      level = level === 0 ? 1 : Math.max(1, Math.min(5, level + r.step));
      return { level, name: r.name, phrases: r.phrases, ...(r.points === undefined ? {} : { points: r.points }), ...(r.office === undefined ? {} : { office: r.office }) };
    });
  });

const KEYS = ["kind", "amount", "target", "percent", "stepPercent", "multiple", "grade", "condition"] as const;
const spec = (p: object): Record<string, unknown> => Object.fromEntries(KEYS.flatMap((k) => ((p as Record<string, unknown>)[k] === undefined ? [] : [[k, (p as Record<string, unknown>)[k]]])));

describe("writing criteria back in the tables' phrasing", () => {
  test.prop([arbPhrase])("a written phrase reads back to the same kind, numbers and condition", (p) => {
    const read = readCriteriaPhrases(writePhrase(p)).phrases;
    expect(read.map(spec)).toEqual([spec(p)]);
  });

  test.prop([arbItems])("a written table reads back to the same items", (items) => {
    const t = readCriteriaTable(criteriaToRows(items));
    expect(t.items.map((i) => ({ level: i.level, name: i.name, points: i.points, office: i.office, phrases: i.phrases.map(spec) }))).toEqual(
      items.map((i) => ({ level: i.level, name: i.name, points: i.points, office: i.office, phrases: i.phrases.map(spec) })),
    );
    t.items.forEach((item, k) => {
      if (item.parent !== undefined) expect(t.items[item.parent]?.level).toBe(item.level - 1);
      else expect(item.level === 1 || k === 0).toBe(true);
    });
  });

  it("writes each kind in the published phrasing", () => {
    const w = (p: PhraseSpec) => writePhrase(p);
    const kinds: Array<[CriteriaRuleKind, string]> = [
      ["condition", w({ kind: "condition", amount: 2, condition: "未制定年度计划" })],
      ["per_occurrence", w({ kind: "per_occurrence", amount: 1 })],
      ["count_each_short", w({ kind: "count_each_short", amount: 0.5, target: 3, condition: "专题研究" })],
      ["rate_min", w({ kind: "rate_min", amount: 1, percent: 95, stepPercent: 1, condition: "参与率" })],
      ["floor", w({ kind: "floor", multiple: 2 })],
      ["veto", w({ kind: "veto", condition: "发生重大执法过错" })],
    ];
    expect(kinds.map(([, s]) => s)).toEqual(["未制定年度计划的扣2分", "每发现一起扣1分", "专题研究不少于3次，每少一次扣0.5分", "参与率低于95%的，每低1个百分点扣1分", "扣完标准分的2倍为止", "发生重大执法过错的，实行一票否决"]);
  });
});
