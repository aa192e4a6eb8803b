import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrateScheme } from "../../src/scoring/migrate.js";
import { checkLedgerAgainstScheme } from "../../src/scoring/check-ledger.js";
import { readScheme, validateScheme } from "../../src/scoring/validate-scheme.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readLedger } from "../../src/ledger/ledger.js";
import { ScoringScheme } from "../../src/model/scoring.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { seedContext } from "../support/context.js";
import { seedText } from "../support/seed.js";
import { ledgerOf, world } from "../support/small-world.js";

const w = world();
const base = (extra: Record<string, unknown> = {}) => ({
  id: "v",
  title: "校验",
  total: 10,
  areas: [{ id: "a", name: "甲", points: 10 }],
  indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] }],
  grades: [{ name: "优秀", min: 90 }],
  lowestGrade: "不合格",
  ...extra,
});
const codes = (input: unknown, context = { plan: w.plan, roster: w.roster }) => validateScheme(input, context).map((d) => [d.code, d.path.join(".")]);
const withMethod = (method: Record<string, unknown>, ind: Record<string, unknown> = {}) => base({ indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: {}, methods: [method], ...ind }] });

describe("validateScheme never throws and rejects nonsense with one coded message each", () => {
  it("{} and other non-schemes give coded diagnostics (issue 15)", () => {
    expect(codes({})).toEqual([
      ["invalid_type", "id"],
      ["invalid_type", "title"],
      ["invalid_type", "total"],
      ["invalid_type", "areas"],
      ["invalid_type", "indicators"],
      ["invalid_type", "grades"],
      ["invalid_type", "lowestGrade"],
    ]);
    for (const x of [null, 42, "scheme", [], { indicators: "x" }]) expect(() => validateScheme(x)).not.toThrow();
    expect(validateScheme(null)[0]!.code).toBe("invalid_type");
    expect(readScheme({}).ok).toBe(false);
  });

  it("negative amounts and caps", () => {
    expect(codes(withMethod({ kind: "incidents", tag: "x", per: -1 }))).toEqual([["negative_amount", "indicators.0.methods.0.per"]]);
    expect(codes(withMethod({ kind: "incidents", tag: "x", per: 1, cap: -2 }))).toEqual([["negative_cap", "indicators.0.methods.0.cap"]]);
    expect(codes(base({ adjustments: { cap: -5, categories: [{ id: "c", name: "表彰", per: -2, cap: -1 }] } }))).toEqual([
      ["negative_cap", "adjustments.cap"],
      ["negative_amount", "adjustments.categories.0.per"],
      ["negative_cap", "adjustments.categories.0.cap"],
    ]);
    expect(codes(base({ areas: [{ id: "a", name: "甲", points: 10, cap: -3 }] }))).toEqual([["negative_cap", "areas.0.cap"]]);
  });

  it("units in appliesTo that the roster lacks; requirements outside the item's tasks", () => {
    expect(codes(base({ indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: { units: ["sfj", "nobody"] }, methods: [{ kind: "incidents", tag: "x", per: 1 }] }] }))).toEqual([["unknown_unit", "indicators.0.appliesTo.units.1"]]);
    const outside = withMethod({ kind: "occurrences", requirementIds: ["test-2024.t02.r1"], perMissing: 1 }, { appliesTo: { taskIds: ["test-2024.t01"] } });
    expect(codes(outside)).toEqual([["requirement_outside_tasks", "indicators.0.methods.0.requirementIds.0"]]);
  });

  it("rate targets outside 0–100%, bad steps, unclear sources; duplicate tier and condition tags", () => {
    expect(codes(withMethod({ kind: "rate", metric: "r", bound: "at_least", target: 120, per: 1 }))).toEqual([["rate_out_of_range", "indicators.0.methods.0.target"]]);
    expect(codes(withMethod({ kind: "rate", metric: "r", bound: "at_least", target: 1200, percent: false, per: 1 }))).toEqual([]);
    expect(codes(withMethod({ kind: "rate", metric: "r", bound: "at_least", target: 95, per: 1, step: 0 }))).toEqual([["invalid_step", "indicators.0.methods.0.step"]]);
    expect(codes(withMethod({ kind: "rate", bound: "at_least", target: 95, per: 1 }))).toEqual([["rate_source", "indicators.0.methods.0"]]);
    expect(codes(withMethod({ kind: "count", atLeast: 3 }))).toEqual([["count_source", "indicators.0.methods.0"], ["count_amount", "indicators.0.methods.0"]]);
    expect(codes(withMethod({ kind: "tier", tiers: [{ tag: "a", name: "A", deduct: 2 }, { tag: "a", name: "A2", deduct: 1 }] }))).toEqual([["duplicate_tag", "indicators.0.methods.0.tiers.1.tag"]]);
    const twice = base({ indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "condition", tag: "a", points: 1 }, { kind: "condition", tag: "a", points: 2 }] }] });
    expect(codes(twice)).toEqual([["duplicate_tag", "indicators.0.methods.1.tag"]]);
  });

  it("areas: unknown parents, cycles, sums at every level; a precision error is not followed by derived sum errors", () => {
    expect(codes(base({ areas: [{ id: "a", name: "甲", points: 10, parent: "zz" }] }))).toEqual([["unknown_area", "areas.0.parent"]]);
    const cycle = base({ areas: [{ id: "a", name: "甲", points: 10, parent: "b" }, { id: "b", name: "乙", points: 10, parent: "a" }] });
    expect(codes(cycle)).toEqual([["area_cycle", "areas.0.parent"], ["area_cycle", "areas.1.parent"]]);
    const nested = base({
      total: 10,
      areas: [{ id: "a", name: "甲", points: 10 }, { id: "c", name: "丙", points: 4, parent: "a" }],
      indicators: [{ id: "i", name: "指标", area: "a", points: 5, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] }, { id: "j", name: "指标2", area: "c", points: 4, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] }],
    });
    // 甲 holds 丙 (4) and 指标 (5): 9, not 10.
    expect(codes(nested)).toEqual([["points_mismatch", "areas.0.points"]]);
    const imprecise = base({ indicators: [{ id: "i", name: "指标", area: "a", points: 9.999, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] }] });
    expect(codes(imprecise)).toEqual([["points_precision", "indicators.0.points"]]);
  });

  it("grades and vetoes: reserved and unknown names", () => {
    expect(codes(base({ grades: [{ name: "未考核", min: 90 }] }))).toEqual([["reserved_grade", "grades.0.name"]]);
    expect(codes(base({ vetoes: [{ id: "v", name: "否决", below: "特优" }] }))).toEqual([["unknown_grade", "vetoes.0.below"]]);
  });

  it("a 0-point negative-list item that stops at zero could never deduct: a warning", () => {
    const neg = base({ areas: [{ id: "a", name: "甲", points: 10 }], indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] }, { id: "n", name: "负面清单", area: "a", points: 0, appliesTo: {}, methods: [{ kind: "incidents", tag: "y", per: 1 }] }] });
    expect(validateScheme(neg).map((d) => [d.code, d.severity])).toEqual([["zero_points_floor", "warning"]]);
  });
});

describe("every cross-field rule, at its edge, with the path to the field", () => {
  const ind = (id: string, area: string, points: number, extra: Record<string, unknown> = {}) => ({ id, name: `指标${id}`, area, points, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }], ...extra });

  it("a total of 0 is refused, a positive one is not", () => {
    expect(codes(base({ total: 0, areas: [{ id: "a", name: "甲", points: 0 }], indicators: [ind("i", "a", 0, { floor: { kind: "none" } })] }))).toEqual([["invalid_total", "total"]]);
    expect(codes(base({ total: 0.01, areas: [{ id: "a", name: "甲", points: 0.01 }], indicators: [ind("i", "a", 0.01)] }))).toEqual([]);
  });

  it("negative points for an area or an indicator; 0 is allowed", () => {
    const neg = base({ total: 10, areas: [{ id: "a", name: "甲", points: 12 }, { id: "b", name: "乙", points: -2 }], indicators: [ind("i", "a", 12), ind("j", "b", -2, { floor: { kind: "none" } })] });
    expect(codes(neg)).toEqual([["invalid_points", "areas.1.points"], ["invalid_points", "indicators.1.points"]]);
    expect(validateScheme(neg, { plan: w.plan, roster: w.roster })[0]!.message).toBe("考核内容“乙”的分值不能为负数");
    const zero = base({ areas: [{ id: "a", name: "甲", points: 10 }, { id: "b", name: "乙", points: 0 }], indicators: [ind("i", "a", 10), ind("j", "b", 0, { floor: { kind: "none" } })] });
    expect(codes(zero)).toEqual([]);
  });

  it("an area whose cap is below what its floor lets it fall to; a cap at that level is fine", () => {
    const area = (cap: number) => base({ areas: [{ id: "a", name: "甲", points: 10, cap, floor: { kind: "deduction", points: 4 } }] });
    expect(codes(area(5.99))).toEqual([["cap_below_floor", "areas.0.cap"]]);
    expect(codes(area(6))).toEqual([]);
  });

  it("floors: a negative deduction limit and an imprecise multiple, at every level", () => {
    expect(codes(base({ floor: { kind: "deduction", points: -1 } }))).toEqual([["negative_amount", "floor.points"]]);
    expect(codes(base({ areas: [{ id: "a", name: "甲", points: 10, floor: { kind: "deduction", points: -1 } }] }))).toEqual([["negative_amount", "areas.0.floor.points"]]);
    expect(codes(base({ indicators: [ind("i", "a", 10, { floor: { kind: "multiple", multiple: 1.555 } })] }))).toEqual([["points_precision", "indicators.0.floor.multiple"]]);
    expect(codes(base({ floor: { kind: "multiple", multiple: 2 }, cap: 10 }))).toEqual([]);
    expect(codes(base({ cap: -1 }))).toEqual([["negative_cap", "cap"]]);
  });

  it("every clause's amounts: a negative one is named at its own path", () => {
    const methods = [
      { kind: "occurrences", perMissing: -1, perLate: -1, latePer: { unit: "day", points: -1 }, perShort: -1 },
      { kind: "condition", tag: "c", points: -1 },
      { kind: "tier", tiers: [{ tag: "t", name: "T", deduct: -1 }] },
      { kind: "count", atLeast: 2, metric: "n", perShort: -1, below: -1 },
      { kind: "rate", metric: "r", bound: "at_least", target: 95, per: -1 },
      { kind: "trend", metrics: ["m"], when: "rose", per: -1 },
      { kind: "rectification", perOpen: -1, perLate: -1 },
    ];
    expect(codes(base({ indicators: [ind("i", "a", 10, { methods })] })).map(([code, path]) => `${code} ${path}`)).toEqual([
      "negative_amount indicators.0.methods.0.perMissing",
      "negative_amount indicators.0.methods.0.perLate",
      "negative_amount indicators.0.methods.0.latePer.points",
      "negative_amount indicators.0.methods.0.perShort",
      "negative_amount indicators.0.methods.1.points",
      "negative_amount indicators.0.methods.2.tiers.0.deduct",
      "negative_amount indicators.0.methods.3.perShort",
      "negative_amount indicators.0.methods.3.below",
      "negative_amount indicators.0.methods.4.per",
      "negative_amount indicators.0.methods.5.per",
      "negative_amount indicators.0.methods.6.perOpen",
      "negative_amount indicators.0.methods.6.perLate",
    ]);
    expect(validateScheme(base({ indicators: [ind("i", "a", 10, { methods: [methods[1]] })] }))[0]!.message).toBe("指标“指标i”第1条评分标准不能为负数（-1）");
  });

  it("rates: a target below 0 %, steps below zero or finer than a hundredth; 0 % and 100 % are targets", () => {
    const rate = (extra: Record<string, unknown>) => withMethod({ kind: "rate", metric: "r", bound: "at_least", target: 95, per: 1, ...extra });
    expect(codes(rate({ target: -1 }))).toEqual([["rate_out_of_range", "indicators.0.methods.0.target"]]);
    expect(codes(rate({ target: 0 }))).toEqual([]);
    expect(codes(rate({ target: 100 }))).toEqual([]);
    expect(codes(rate({ step: -0.5 }))).toEqual([["invalid_step", "indicators.0.methods.0.step"]]);
    expect(codes(rate({ step: 0.333 }))).toEqual([["points_precision", "indicators.0.methods.0.step"]]);
    expect(codes(rate({ step: 0.25 }))).toEqual([]);
    expect(codes(rate({ ratio: { numerator: "n", denominator: "d" } }))).toEqual([["rate_source", "indicators.0.methods.0"]]);
    expect(codes(withMethod({ kind: "rate", ratio: { numerator: "n", denominator: "d" }, bound: "at_least", target: 95, per: 1 }))).toEqual([]);
  });

  it("counts: both sources at once; tasks and requirements the plan lacks", () => {
    expect(codes(withMethod({ kind: "count", atLeast: 2, metric: "n", taskIds: ["test-2024.t02"], perShort: 1 }))).toEqual([["count_source", "indicators.0.methods.0"]]);
    expect(codes(withMethod({ kind: "count", atLeast: 2, requirementIds: ["test-2024.t02.r1"], below: 1 }))).toEqual([]);
    expect(codes(withMethod({ kind: "count", atLeast: 2, taskIds: ["test-2024.t09"], requirementIds: ["test-2024.t02.r1", "test-2024.t02.r9"], perShort: 1 }))).toEqual([
      ["unknown_task", "indicators.0.methods.0.taskIds.0"],
      ["unknown_requirement", "indicators.0.methods.0.requirementIds.1"],
    ]);
    expect(codes(withMethod({ kind: "occurrences", requirementIds: ["test-2024.t01.r9"], perMissing: 1 }))).toEqual([["unknown_requirement", "indicators.0.methods.0.requirementIds.0"]]);
    // Without a plan nothing can be looked up.
    expect(validateScheme(withMethod({ kind: "count", atLeast: 2, taskIds: ["test-2024.t09"], perShort: 1 }))).toEqual([]);
  });

  it("repeated ids of indicators, components, groups, categories and vetoes", () => {
    expect(codes(base({ indicators: [ind("i", "a", 4), ind("i", "a", 6)] }))).toEqual([["duplicate_id", "indicators.1.id"]]);
    const comps = [{ id: "c", name: "甲部分", weight: 50, areas: ["a"] }, { id: "c", name: "乙部分", weight: 50, areas: ["b"] }];
    const two = base({ total: 20, areas: [{ id: "a", name: "甲", points: 10 }, { id: "b", name: "乙", points: 10 }], indicators: [ind("i", "a", 10), ind("j", "b", 10)], components: comps });
    expect(codes(two)).toEqual([["duplicate_id", "components.1.id"]]);
    const adjustments = { groups: [{ id: "g", name: "组" }, { id: "g", name: "组2" }], categories: [{ id: "c", name: "表彰", per: 1, group: "g" }, { id: "c", name: "表彰2", per: 1 }] };
    expect(codes(base({ adjustments }))).toEqual([["duplicate_id", "adjustments.groups.1.id"], ["duplicate_id", "adjustments.categories.1.id"]]);
    expect(codes(base({ vetoes: [{ id: "v", name: "否决" }, { id: "v", name: "否决2" }] }))).toEqual([["duplicate_id", "vetoes.1.id"]]);
  });

  it("components: an area counted twice, itself or through its parent, and an area the scheme lacks", () => {
    const nested = { total: 10, areas: [{ id: "a", name: "甲", points: 10 }, { id: "b", name: "乙", points: 10, parent: "a" }], indicators: [ind("i", "b", 10)] };
    expect(codes(base({ ...nested, components: [{ id: "c1", name: "一", weight: 50, areas: ["a"] }, { id: "c2", name: "二", weight: 50, areas: ["b"] }] }))).toEqual([["area_in_two_components", "components.1.areas.0"]]);
    expect(codes(base({ ...nested, components: [{ id: "c1", name: "一", weight: 50, areas: ["b"] }, { id: "c2", name: "二", weight: 50, areas: ["b"] }] }))).toEqual([["area_in_two_components", "components.1.areas.0"]]);
    expect(codes(base({ ...nested, components: [{ id: "c1", name: "一", weight: 100, areas: ["b", "zz"] }] }))).toEqual([["unknown_area", "components.0.areas.1"]]);
    // The parent counted: its child (where the indicator is) is inside a component, no warning.
    expect(codes(base({ ...nested, components: [{ id: "c1", name: "一", weight: 100, areas: ["a"] }] }))).toEqual([]);
  });

  it("grades: a repeated name (or the lowest grade's), bands out of order, the lowest grade named 未考核", () => {
    expect(codes(base({ grades: [{ name: "优秀", min: 90 }, { name: "优秀", min: 80 }] }))).toEqual([["duplicate_grade", "grades.1.name"]]);
    expect(codes(base({ grades: [{ name: "不合格", min: 90 }] }))).toEqual([["duplicate_grade", "grades.0.name"]]);
    expect(codes(base({ grades: [{ name: "良好", min: 80 }, { name: "优秀", min: 90 }] }))).toEqual([["grades_out_of_order", "grades.1.min"]]);
    expect(codes(base({ grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 90 }] }))).toEqual([["overlapping_grades", "grades.1.min"]]);
    expect(codes(base({ lowestGrade: "未考核" }))).toEqual([["reserved_grade", "lowestGrade"]]);
    expect(codes(base({ grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }], vetoes: [{ id: "v", name: "否决", below: "良好" }] }))).toEqual([]);
  });

  it("adjustment categories: an unknown group; an area only inside, and only one the scheme has; caps of groups and penalties", () => {
    const cat = (extra: Record<string, unknown>) => base({ adjustments: { groups: [{ id: "g", name: "组" }], categories: [{ id: "c", name: "表彰", per: 1, ...extra }] } });
    expect(codes(cat({ group: "h" }))).toEqual([["unknown_group", "adjustments.categories.0.group"]]);
    expect(codes(cat({ group: "g", stage: "inside", area: "a" }))).toEqual([]);
    expect(codes(cat({ area: "a" }))).toEqual([["area_needs_inside", "adjustments.categories.0.area"]]);
    expect(codes(cat({ area: "a", stage: "outside" }))).toEqual([["area_needs_inside", "adjustments.categories.0.area"]]);
    expect(codes(cat({ area: "zz", stage: "inside" }))).toEqual([["unknown_area", "adjustments.categories.0.area"]]);
    expect(codes(base({ adjustments: { penaltyCap: -1, groups: [{ id: "g", name: "组", cap: -2 }], categories: [] } }))).toEqual([["negative_cap", "adjustments.penaltyCap"], ["negative_cap", "adjustments.groups.0.cap"]]);
  });
});

describe("each rule says what is wrong in Chinese and in English, naming the item", () => {
  const ind = (id: string, area: string, points: number, extra: Record<string, unknown> = {}) => ({ id, name: `指标${id}`, area, points, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }], ...extra });
  const two = { total: 20, areas: [{ id: "a", name: "甲", points: 10 }, { id: "b", name: "乙", points: 10 }], indicators: [ind("i", "a", 10), ind("j", "b", 10)] };
  const cases: Array<[unknown, string, string, string]> = [
    [base({ total: 0, areas: [{ id: "a", name: "甲", points: 0 }], indicators: [ind("i", "a", 0, { floor: { kind: "none" } })] }), "invalid_total", "总分必须大于0", "The total must be positive"],
    [base({ total: 10, areas: [{ id: "a", name: "甲", points: 12 }, { id: "b", name: "乙", points: -2 }], indicators: [ind("i", "a", 12), ind("j", "b", -2, { floor: { kind: "none" } })] }), "invalid_points", "考核内容“乙”的分值不能为负数", 'Area "乙" cannot have negative points'],
    [base({ indicators: [ind("i", "a", 12), ind("j", "a", -2, { floor: { kind: "none" } })] }), "invalid_points", "指标“指标j”的分值不能为负数", 'Indicator "指标j" cannot have negative points'],
    [base({ areas: [{ id: "a", name: "甲", points: 10, cap: 5, floor: { kind: "deduction", points: 4 } }] }), "cap_below_floor", "考核内容“甲”最多得5分，低于扣分下限（10分最多扣4分）", 'Area "甲": its cap 5 is below its floor'],
    [base({ cap: -1 }), "negative_cap", "总分的上限不能为负数（-1）", "总分: a cap cannot be negative (-1)"],
    [base({ floor: { kind: "deduction", points: -1 } }), "negative_amount", "总分的累计扣分上限不能为负数（-1）", "总分的累计扣分上限: the amount cannot be negative (-1)"],
    [base({ indicators: [ind("i", "a", 9.999)] }), "points_precision", "分值 9.999 超过两位小数", "Points 9.999 have more than two decimals"],
    [base({ areas: [{ id: "a", name: "甲", points: 10, parent: "zz" }] }), "unknown_area", "考核内容“甲”的上级“zz”不存在", 'Area "甲" has an unknown parent "zz"'],
    [base({ indicators: [ind("i", "zz", 10)] }), "unknown_area", "指标“指标i”引用了不存在的考核内容“zz”", 'Indicator "指标i" points at unknown area "zz"'],
    [base({ areas: [{ id: "a", name: "甲", points: 10, parent: "a" }] }), "area_cycle", "考核内容“甲”的上下级关系成环", 'Area "甲" is its own ancestor'],
    [base({ total: 10, areas: [{ id: "a", name: "甲", points: 10 }, { id: "c", name: "丙", points: 4, parent: "a" }], indicators: [ind("i", "a", 5), ind("j", "c", 4)] }), "points_mismatch", "考核内容“甲”下各项分值之和 9 不等于其分值 10", 'The items under area "甲" add up to 9, not 10'],
    [base({ total: 12 }), "points_mismatch", "各一级考核内容分值之和 10 不等于总分 12", "The top-level areas add up to 10, not the total 12"],
    [base({ indicators: [ind("i", "a", 4), ind("i", "a", 6)] }), "duplicate_id", "指标编号“i”重复", 'Duplicate indicator id "i"'],
    [base({ indicators: [ind("i", "a", 10, { appliesTo: { units: ["nobody"] } })] }), "unknown_unit", "指标“指标i”点名的单位“nobody”不在单位名录中", 'Indicator "指标i" names unit "nobody", which the roster does not have'],
    [withMethod({ kind: "occurrences", requirementIds: ["test-2024.t01.r9"], perMissing: 1 }), "unknown_requirement", "指标“指标”第1条评分标准引用了工作安排中没有的工作要求“test-2024.t01.r9”", 'Indicator "指标" points at requirement "test-2024.t01.r9", which the plan does not have'],
    [withMethod({ kind: "count", atLeast: 3, requirementIds: ["test-2024.t01.r9"], perShort: 1 }), "unknown_requirement", "指标“指标”第1条评分标准引用了工作安排中没有的工作要求“test-2024.t01.r9”", 'Indicator "指标" points at requirement "test-2024.t01.r9", which the plan does not have'],
    [withMethod({ kind: "count", atLeast: 3, taskIds: ["test-2024.t09"], perShort: 1 }), "unknown_task", "指标“指标”第1条评分标准引用了工作安排中没有的任务“test-2024.t09”（本工作安排有3项任务，可写作 t1–t3 或任务序号）", 'Indicator "指标" points at task "test-2024.t09", which the plan does not have (the plan has 3 tasks: write t1-t3 or the task number)'],
    [withMethod({ kind: "occurrences", requirementIds: ["test-2024.t02.r1"], perMissing: 1 }, { appliesTo: { taskIds: ["test-2024.t01"] } }), "requirement_outside_tasks", "指标“指标”第1条评分标准引用的工作要求“test-2024.t02.r1”不属于该指标的任务", 'Requirement "test-2024.t02.r1" is not in the tasks of indicator "指标"'],
    [withMethod({ kind: "condition", tag: "c", points: 1 }, { methods: [{ kind: "condition", tag: "c", points: 1 }, { kind: "condition", tag: "c", points: 1 }] }), "duplicate_tag", "指标“指标”第2条评分标准的情形“c”在本指标中重复", 'Indicator "指标": tag "c" appears twice'],
    [withMethod({ kind: "tier", tiers: [{ tag: "a", name: "A", deduct: 2 }, { tag: "a", name: "A2", deduct: 1 }] }), "duplicate_tag", "指标“指标”第1条评分标准的等级“a”重复", 'Indicator "指标": tier tag "a" appears twice'],
    [withMethod({ kind: "count", atLeast: 3 }), "count_source", "指标“指标”第1条评分标准应给出次数的来源：metric（报送的次数），或 taskIds / requirementIds（计完成记录），二者取一", 'Indicator "指标": a count needs either metric or taskIds/requirementIds'],
    [withMethod({ kind: "count", atLeast: 3 }), "count_amount", "指标“指标”第1条评分标准应给出 perShort（每少一次扣）或 below（少于即扣）", 'Indicator "指标": a count needs perShort or below'],
    [withMethod({ kind: "rate", bound: "at_least", target: 95, per: 1 }), "rate_source", "指标“指标”第1条评分标准应给出 metric（报送的比率）或 ratio（分子、分母），二者取一", 'Indicator "指标": a rate needs either metric or ratio'],
    [withMethod({ kind: "rate", metric: "r", bound: "at_least", target: 120, per: 1 }), "rate_out_of_range", "指标“指标”第1条评分标准的目标值 120% 不在 0–100% 之间", 'Indicator "指标": target 120% is outside 0–100%'],
    [withMethod({ kind: "rate", metric: "r", bound: "at_least", target: 95, per: 1, step: 0 }), "invalid_step", "指标“指标”第1条评分标准的步长必须大于0（0）", 'Indicator "指标": the step must be positive (0)'],
    [base({ ...two, components: [{ id: "c", name: "甲部分", weight: 50, areas: ["a"] }, { id: "d", name: "乙部分", weight: 40, areas: ["b"] }] }), "weights_mismatch", "加权组成的权重之和为 90%，应为 100%", "Component weights add up to 90%, not 100%"],
    [base({ ...two, components: [{ id: "c", name: "甲部分", weight: 100, areas: ["a", "zz"] }] }), "unknown_area", "加权组成“甲部分”引用了不存在的考核内容“zz”", 'Component "甲部分" points at unknown area "zz"'],
    [base({ ...two, components: [{ id: "c", name: "甲部分", weight: 50, areas: ["a"] }, { id: "d", name: "乙部分", weight: 50, areas: ["a", "b"] }] }), "area_in_two_components", "考核内容“a”已计入加权组成（本身或其上级）", 'Area "a" is already counted in a component (itself or an ancestor)'],
    [base({ ...two, components: [{ id: "c", name: "甲部分", weight: 100, areas: ["a"] }] }), "area_without_component", "考核内容“乙”不属于任何加权组成，不计入总分", 'Area "乙" is in no component and does not count'],
    [base({ grades: [{ name: "未考核", min: 90 }] }), "reserved_grade", "等次名称“未考核”留给没有参加考核的单位", 'The grade name "未考核" is reserved for units not assessed'],
    [base({ lowestGrade: "未考核" }), "reserved_grade", "等次名称“未考核”留给没有参加考核的单位", 'The grade name "未考核" is reserved for units not assessed'],
    [base({ grades: [{ name: "良好", min: 80 }, { name: "优秀", min: 90 }] }), "grades_out_of_order", "等次应按分数线从高到低排列", "Grade bands must go from the highest minimum down"],
    [base({ grades: [{ name: "优秀", min: 90 }, { name: "优秀", min: 80 }] }), "duplicate_grade", "等次“优秀”重复", 'Duplicate grade "优秀"'],
    [base({ grades: [{ name: "优秀", min: 95 }, { name: "良好", min: 95 }] }), "overlapping_grades", "等次分数线 95 重复，等次重叠", "Grade bands overlap at 95"],
    [base({ vetoes: [{ id: "v", name: "否决", below: "特优" }] }), "unknown_grade", "一票否决事项“否决”引用了不存在的等次“特优”", 'Veto "否决" names unknown grade "特优"'],
    [base({ adjustments: { categories: [{ id: "c", name: "表彰", per: 1, group: "h" }] } }), "unknown_group", "加减分类别“表彰”引用了不存在的类别组“h”", 'Category "表彰" points at unknown group "h"'],
    [base({ adjustments: { categories: [{ id: "c", name: "表彰", per: 1, area: "a" }] } }), "area_needs_inside", '加减分类别“表彰”指定了考核内容，应同时写 stage: "inside"（折算前计入该考核内容）', 'Category "表彰" names an area but is not counted inside (stage "inside")'],
    [base({ adjustments: { categories: [{ id: "c", name: "表彰", per: 1, area: "zz", stage: "inside" }] } }), "unknown_area", "加减分类别“表彰”引用了不存在的考核内容“zz”", 'Category "表彰" points at unknown area "zz"'],
    [base({ adjustments: { categories: [{ id: "c", name: "表彰", per: -1 }] } }), "negative_amount", "加减分类别“表彰”不能为负数（-1）", "加减分类别“表彰”: the amount cannot be negative (-1)"],
    [base({ adjustments: { cap: -1, categories: [] } }), "negative_cap", "加分的上限不能为负数（-1）", "加分: a cap cannot be negative (-1)"],
    [base({ adjustments: { penaltyCap: -1, categories: [] } }), "negative_cap", "减分的上限不能为负数（-1）", "减分: a cap cannot be negative (-1)"],
    [base({ adjustments: { groups: [{ id: "g", name: "表彰类", cap: -1 }], categories: [] } }), "negative_cap", "“表彰类”的上限不能为负数（-1）", "“表彰类”: a cap cannot be negative (-1)"],
    [base({ adjustments: { categories: [{ id: "c", name: "表彰", per: 1, cap: -1 }] } }), "negative_cap", "加减分类别“表彰”的上限不能为负数（-1）", "加减分类别“表彰”: a cap cannot be negative (-1)"],
    [base({ adjustments: { groups: [{ id: "g", name: "组" }, { id: "g", name: "组2" }], categories: [] } }), "duplicate_id", "加减分类别组编号“g”重复", 'Duplicate adjustment group id "g"'],
    [base({ adjustments: { categories: [{ id: "c", name: "表彰", per: 1 }, { id: "c", name: "表彰2", per: 1 }] } }), "duplicate_id", "加减分类别编号“c”重复", 'Duplicate adjustment category id "c"'],
    [base({ vetoes: [{ id: "v", name: "否决" }, { id: "v", name: "否决2" }] }), "duplicate_id", "一票否决事项编号“v”重复", 'Duplicate veto id "v"'],
  ];
  it.each(cases.map(([scheme, code, zh, en], k) => ({ k, scheme, code, zh, en })))("$k: $code", ({ scheme, code, zh, en }) => {
    const d = validateScheme(scheme, { plan: w.plan, roster: w.roster }).filter((x) => x.code === code);
    expect(d.map((x) => [x.message, x.messageEn])[0]).toEqual([zh, en]);
  });
});

describe("the context and what readScheme returns", () => {
  it("a plan alone or { plan, roster }; anything else is refused, naming the argument", () => {
    expect(codes(base({ indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: { taskIds: ["t9"] }, methods: [{ kind: "incidents", tag: "x", per: 1 }] }] }), w.plan as never)).toEqual([["unknown_task", "indicators.0.appliesTo.taskIds.0"]]);
    expect(() => validateScheme(base(), 42 as never)).toThrow("validateScheme：参数 context 不正确：应为工作安排或 { plan, roster }");
    expect(() => validateScheme(base(), null as never)).toThrow("参数 context 不正确");
    expect(() => validateScheme(base(), [] as never)).toThrow("参数 context 不正确");
    expect(() => readScheme(base(), { plan: 3 } as never)).toThrow("readScheme：参数 context.plan 不正确");
    expect(() => readScheme(base(), { roster: 3 } as never)).toThrow("readScheme：参数 context.roster 不正确");
    expect(() => validateScheme(base(), { sections: 3 } as never)).toThrow("参数 context 不正确");
    expect(validateScheme(base(), {})).toEqual([]);
  });

  it("a scheme with warnings only is read, frozen, with its warnings; one with an error is not", () => {
    const warned = base({ areas: [{ id: "a", name: "甲", points: 10 }], indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] }, { id: "n", name: "负面清单", area: "a", points: 0, appliesTo: {}, methods: [{ kind: "incidents", tag: "y", per: 1 }] }] });
    const r = readScheme(warned);
    expect(r.ok && [Object.isFrozen(r.value), Object.isFrozen(r.value.indicators[0]), r.issues.map((d) => d.code)]).toEqual([true, true, ["zero_points_floor"]]);
    const bad = readScheme(base({ total: 0 }));
    expect([bad.ok, bad.issues.map((d) => d.code)]).toEqual([false, ["invalid_total", "points_mismatch"]]);
  });

  it("with a plan, the tasks and requirements a count or an occurrence clause names are read as the plan's ids", () => {
    const r = readScheme(
      base({ indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: { taskIds: ["t1", "2"] }, methods: [{ kind: "count", atLeast: 2, taskIds: ["t2"], requirementIds: ["t2.r1"], perShort: 1 }, { kind: "occurrences", requirementIds: ["t1.r1"], perMissing: 1 }, { kind: "incidents", tag: "x", per: 1 }] }] }),
      { plan: w.plan },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const [count, occ, inc] = r.value.indicators[0]!.methods as Array<Record<string, unknown>>;
    expect([r.value.indicators[0]!.appliesTo.taskIds, count!.taskIds, count!.requirementIds, occ!.requirementIds, occ!.taskIds, inc]).toEqual([
      ["test-2024.t01", "test-2024.t02"], ["test-2024.t02"], ["test-2024.t02.r1"], ["test-2024.t01.r1"], undefined, { kind: "incidents", tag: "x", per: 1 },
    ]);
    expect(r.issues).toEqual([]);
  });
});

describe("old schemes keep working: readScheme migrates them with a notice", () => {
  const v1 = JSON.parse(readFileSync(new URL("./fixtures/wuzhi-2024.scheme.v1.json", import.meta.url), "utf8"));
  const ctx = seedContext("2025-01-15");

  it("the 0.1 seed scheme reads, with one notice per kind of change", () => {
    const r = readScheme(v1, ctx.plan);
    expect(r.ok).toBe(true);
    expect(r.issues.map((d) => [d.code, d.severity, d.path.join(".")])).toEqual([
      ["scheme_migrated", "info", "indicators.0.method"],
      ["scheme_migrated", "info", "indicators.8.methods.0"],
      ["scheme_migrated", "info", "indicators.10.methods.0"],
      ["scheme_migrated", "info", "bonus"],
    ]);
    expect(r.issues[0]!.message).toBe("已按新格式改写：单个评分方法 method 改为评分方法列表 methods（共11处）");
  });

  it("a migrated scheme scores as the old format meant (the example ledger, every unit's lines add up)", () => {
    const r = readScheme(v1, ctx.plan);
    const ledger = readLedger(JSON.parse(readFileSync(new URL("../../seeds/wuzhi-2024.ledger.sample.json", import.meta.url), "utf8")), ctx);
    if (!r.ok || !ledger.ok) throw new Error("setup");
    const cards = scoreUnits({ ...ctx, scheme: r.value, ledger: ledger.value });
    for (const c of cards) expect(c.lines.reduce((s, l) => s + l.earned, 0)).toBe(c.total);
    // The old tier (worst of 制度不健全 3 / 落实不到位 2) is still a tier.
    expect(r.value.indicators.find((i) => i.id === "institutions")!.methods[0]!.kind).toBe("tier");
  });

  it("a current scheme is returned as it is, and never throws on odd input", () => {
    const current = base();
    expect(migrateScheme(current)).toEqual({ scheme: current, notices: [] });
    for (const x of [null, 1, [], { indicators: [null, 3, { method: null }] }, { bonus: 3 }]) expect(() => migrateScheme(x)).not.toThrow();
  });
});

describe("the ledger is checked against the scheme: nothing silently ignored", () => {
  const scheme = ScoringScheme.parse(
    base({
      indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: {}, methods: [{ kind: "incidents", tag: "执法过错", per: 1 }, { kind: "rate", metric: "合格率", bound: "at_least", target: 95, per: 1 }] }],
      adjustments: { categories: [{ id: "provincial", name: "省级表彰", per: 2, requiresEvidence: true }] },
      vetoes: [{ id: "serious", name: "严重违法" }],
    }),
  );
  const ledger = ledgerOf([
    { id: "e1", unitId: "sfj", date: "2024-03-01", kind: "incident", tag: "执法过措" },
    { id: "e2", unitId: "sfj", date: "2024-03-01", kind: "award", category: "provincal" },
    { id: "e3", unitId: "sfj", date: "2024-03-01", kind: "award", category: "provincial" },
    { id: "e4", unitId: "sfj", date: "2024-03-01", kind: "veto", vetoId: "严重违法" },
    { id: "e5", unitId: "sfj", date: "2024-03-01", kind: "veto", vetoId: "other" },
    { id: "e6", unitId: "sfj", date: "2024-03-01", kind: "measure", metric: "合格率", value: 120 },
    { id: "e7", unitId: "sfj", date: "2024-03-01", kind: "measure", metric: "发案量", value: 3 },
    { id: "e8", unitId: "sfj", date: "2024-03-01", kind: "problem", problemId: "P", dueBy: "2024-05-01" },
    { id: "e9", unitId: "sfj", date: "2024-03-01", kind: "incident", tag: "执法过错" },
  ]);

  it("a coded warning at each entry's path, with the likely intended key", () => {
    const d = checkLedgerAgainstScheme(ledger, scheme);
    expect(d.map((x) => [x.code, x.severity, x.path.join(".")])).toEqual([
      ["unused_tag", "warning", "entries.0.tag"],
      ["unknown_award_category", "warning", "entries.1.category"],
      ["award_without_evidence", "warning", "entries.2.evidence"],
      ["veto_by_name", "warning", "entries.3.vetoId"],
      ["unknown_veto", "warning", "entries.4.vetoId"],
      ["rate_out_of_range", "warning", "entries.5.value"],
      ["unused_metric", "warning", "entries.6.metric"],
      ["unused_fact", "warning", "entries.7.kind"],
    ]);
    expect(d[0]!.message).toBe("记录“e1”的问题类别“执法过措”没有任何评分标准使用，不会扣分，是否应为“执法过错”？");
    expect(d[1]!.message).toContain("是否应为“provincial”？");
    expect(d[3]!.message).toBe("记录“e4”用一票否决事项的名称“严重违法”报送，应写编号“serious”；按现在的写法不会生效");
  });
});

describe("portable references: schemes survive a renamed file, stdin and another plan id", () => {
  const seedScheme = JSON.parse(readFileSync(new URL("../../seeds/wuzhi-2024.scheme.json", import.meta.url), "utf8"));
  const ctx = seedContext("2025-01-15");
  const renamed = parsePlanText(seedText(), { id: "plan" }).plan;
  /** Every task and requirement reference of a scheme, in order. */
  const refsOf = (s: ScoringScheme) =>
    s.indicators.flatMap((i) => [...(i.appliesTo.taskIds ?? []), ...i.methods.flatMap((m) => ("requirementIds" in m ? (m.requirementIds ?? []) : []).concat("taskIds" in m ? (m.taskIds ?? []) : []))]);

  it("the bundled scheme (full wuzhi-2024 ids) reads against a plan of another id, with one foreign_plan_id notice", () => {
    const r = readScheme(seedScheme, { plan: renamed });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues.map((d) => [d.code, d.severity])).toEqual([["foreign_plan_id", "info"]]);
    expect(r.issues[0]!.message).toContain("wuzhi-2024");
    const refs = refsOf(r.value);
    expect(refs.length).toBeGreaterThan(0);
    for (const id of refs) expect(id.startsWith("plan.t")).toBe(true);
  });

  it("t23, 23 and t23.r2 read as the plan's ids, with no notice, and score as the full ids do", () => {
    const full = readScheme(seedScheme, ctx.plan);
    const relative = JSON.parse(JSON.stringify(seedScheme).replace(/"wuzhi-2024\.t(\d+)(\.r\d+)?"/g, (_m, t: string, r: string | undefined) => (r === undefined ? `"${Number(t)}"` : `"t${t}${r}"`)));
    expect(JSON.stringify(relative)).not.toContain("wuzhi-2024.t");
    const r = readScheme(relative, ctx.plan);
    if (!r.ok || !full.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual(full.value);
  });

  it("an old file read against its own plan is unchanged; without a plan, references stay as written", () => {
    const r = readScheme(seedScheme, ctx.plan);
    expect(r.ok && r.issues).toEqual([]);
    const loose = readScheme(base({ indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: { taskIds: ["t3"] }, methods: [{ kind: "incidents", tag: "x", per: 1 }] }] }));
    expect(loose.ok && loose.value.indicators[0]!.appliesTo.taskIds).toEqual(["t3"]);
  });

  it("a task the plan lacks is an error that says how many tasks the plan has", () => {
    const issues = validateScheme(base({ indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: { taskIds: ["t99"] }, methods: [{ kind: "incidents", tag: "x", per: 1 }] }] }), ctx.plan);
    expect(issues.map((d) => [d.code, d.path.join(".")])).toEqual([["unknown_task", "indicators.0.appliesTo.taskIds.0"]]);
    expect(issues[0]!.message).toContain("本工作安排有35项任务");
  });
});

describe("points to the hundredth: one message for a total or an area that is not, no sums built on it", () => {
  const ind = (id: string, area: string, points: number) => ({ id, name: `指标${id}`, area, points, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] });

  it("an imprecise total is named at total, and the areas are not summed against it", () => {
    expect(codes(base({ total: 10.009 }))).toEqual([["points_precision", "total"]]);
  });

  it("an imprecise area is named at its points; neither its own items nor the total are summed against it", () => {
    expect(codes(base({ areas: [{ id: "a", name: "甲", points: 10.009 }] }))).toEqual([["points_precision", "areas.0.points"]]);
    // Two top-level areas, one of them imprecise: the total is not checked either.
    const two = base({ total: 15, areas: [{ id: "a", name: "甲", points: 10.009 }, { id: "b", name: "乙", points: 5 }], indicators: [ind("i", "a", 10), ind("j", "b", 5)] });
    expect(codes(two)).toEqual([["points_precision", "areas.0.points"]]);
  });

  it("an imprecise child area: its parent's sum is not checked", () => {
    const nested = base({ areas: [{ id: "a", name: "甲", points: 10 }, { id: "c", name: "丙", points: 4.009, parent: "a" }], indicators: [ind("i", "a", 6), ind("j", "c", 4)] });
    expect(codes(nested)).toEqual([["points_precision", "areas.1.points"]]);
  });

  it("an amount or a cap of 0 is not negative", () => {
    expect(codes(withMethod({ kind: "incidents", tag: "x", per: 0, cap: 0 }))).toEqual([]);
    expect(codes(base({ cap: 0, floor: { kind: "deduction", points: 0 } }))).toEqual([]);
  });
});

describe("areas and indicators: each diagnostic's code, path and both messages", () => {
  const diags = (scheme: unknown, code: string) =>
    validateScheme(scheme, { plan: w.plan, roster: w.roster }).filter((d) => d.code === code).map((d) => [d.severity, d.path.join("."), d.message, d.messageEn]);
  const ind = (id: string, area: string, points: number, extra: Record<string, unknown> = {}) => ({ id, name: `指标${id}`, area, points, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }], ...extra });

  it("a repeated area id", () => {
    const twice = base({ areas: [{ id: "a", name: "甲", points: 5 }, { id: "a", name: "乙", points: 5 }] });
    expect(diags(twice, "duplicate_id")).toEqual([["error", "areas.1.id", "考核内容编号“a”重复", 'Duplicate area id "a"']]);
  });

  it("an area's negative cap and negative deduction limit name the area", () => {
    expect(diags(base({ areas: [{ id: "a", name: "甲", points: 10, cap: -3 }] }), "negative_cap")).toEqual([["error", "areas.0.cap", "考核内容“甲”的上限不能为负数（-3）", "考核内容“甲”: a cap cannot be negative (-3)"]]);
    expect(diags(base({ areas: [{ id: "a", name: "甲", points: 10, floor: { kind: "deduction", points: -1 } }] }), "negative_amount")).toEqual([
      ["error", "areas.0.floor.points", "考核内容“甲”的累计扣分上限不能为负数（-1）", "考核内容“甲”的累计扣分上限: the amount cannot be negative (-1)"],
    ]);
  });

  it("an indicator's negative deduction limit names the indicator", () => {
    expect(diags(base({ indicators: [ind("i", "a", 10, { floor: { kind: "deduction", points: -1 } })] }), "negative_amount")).toEqual([
      ["error", "indicators.0.floor.points", "指标“指标i”的累计扣分上限不能为负数（-1）", "指标“指标i”的累计扣分上限: the amount cannot be negative (-1)"],
    ]);
  });

  it("a 0-point indicator that stops at zero, whether the floor is left out or written: a warning at its floor", () => {
    const zh = (name: string) => `指标“${name}”分值为0、扣完为止，永远不会扣分；只扣分的负面清单项请设 floor 为 none 或 deduction（限扣N分）`;
    const en = (name: string) => `Indicator "${name}" has 0 points and stops at zero, so it never deducts; a negative-list item needs floor none or deduction`;
    const scheme = base({ indicators: [ind("i", "a", 10), ind("n", "a", 0), ind("z", "a", 0, { floor: { kind: "zero" } }), ind("d", "a", 0, { floor: { kind: "deduction", points: 3 } })] });
    expect(diags(scheme, "zero_points_floor")).toEqual([
      ["warning", "indicators.1.floor", zh("指标n"), en("指标n")],
      ["warning", "indicators.2.floor", zh("指标z"), en("指标z")],
    ]);
  });

  it("an indicator in an area the scheme lacks is named at its area", () => {
    expect(codes(base({ indicators: [ind("i", "zz", 10)] }))).toEqual([["unknown_area", "indicators.0.area"], ["points_mismatch", "areas.0.points"]]);
  });

  it("a task the plan lacks, in appliesTo: both messages say how the plan's tasks can be written", () => {
    expect(diags(base({ indicators: [ind("i", "a", 10, { appliesTo: { taskIds: ["test-2024.t09"] } })] }), "unknown_task")).toEqual([
      [
        "error",
        "indicators.0.appliesTo.taskIds.0",
        "指标“指标i”引用了工作安排中没有的任务“test-2024.t09”（本工作安排有3项任务，可写作 t1–t3 或任务序号）",
        'Indicator "指标i" points at task "test-2024.t09", which the plan does not have (the plan has 3 tasks: write t1-t3 or the task number)',
      ],
    ]);
  });

  it("an occurrence clause's requirements are free when the indicator names no tasks", () => {
    expect(codes(withMethod({ kind: "occurrences", requirementIds: ["test-2024.t02.r1", "test-2024.t03.r1"], perMissing: 1 }))).toEqual([]);
  });

  it("a chain that runs into a cycle: only the areas on the cycle are reported", () => {
    // 甲 → 乙 → 丙 → 乙: 甲 is below the cycle, not on it.
    const scheme = base({
      areas: [{ id: "a", name: "甲", points: 10, parent: "b" }, { id: "b", name: "乙", points: 10, parent: "c" }, { id: "c", name: "丙", points: 10, parent: "b" }],
    });
    expect(codes(scheme)).toEqual([["area_cycle", "areas.1.parent"], ["area_cycle", "areas.2.parent"]]);
  });
});

describe("weighted components: paths, messages, and areas counted through every level of parents", () => {
  const ind = (id: string, area: string, points: number) => ({ id, name: `指标${id}`, area, points, appliesTo: {}, methods: [{ kind: "incidents", tag: "x", per: 1 }] });
  const two = { total: 20, areas: [{ id: "a", name: "甲", points: 10 }, { id: "b", name: "乙", points: 10 }], indicators: [ind("i", "a", 10), ind("j", "b", 10)] };

  it("weights that do not add up and an area in no component are reported at components", () => {
    expect(codes(base({ ...two, components: [{ id: "c", name: "甲部分", weight: 60, areas: ["a"] }] }))).toEqual([
      ["weights_mismatch", "components"],
      ["area_without_component", "components"],
    ]);
  });

  it("a repeated component id", () => {
    const d = validateScheme(base({ ...two, components: [{ id: "c", name: "甲部分", weight: 50, areas: ["a"] }, { id: "c", name: "乙部分", weight: 50, areas: ["b"] }] }));
    expect(d.map((x) => [x.code, x.path.join("."), x.message, x.messageEn])).toEqual([["duplicate_id", "components.1.id", "加权组成编号“c”重复", 'Duplicate component id "c"']]);
  });

  it("an area counted through its grandparent is in a component", () => {
    const deep = base({
      areas: [{ id: "r", name: "一级", points: 10 }, { id: "m", name: "二级", points: 10, parent: "r" }, { id: "l", name: "三级", points: 10, parent: "m" }],
      indicators: [ind("i", "l", 10)],
    });
    expect(codes({ ...deep, components: [{ id: "c", name: "全部", weight: 100, areas: ["r"] }] })).toEqual([]);
    expect(codes({ ...deep, components: [{ id: "c", name: "全部", weight: 50, areas: ["r"] }, { id: "d", name: "三级", weight: 50, areas: ["l"] }] })).toEqual([["area_in_two_components", "components.1.areas.0"]]);
  });

  it("an area under an unknown parent: reported once, and its ancestors stop there", () => {
    // 甲's parent zz does not exist; 乙 (under 丙) is the area stored after it.
    const scheme = base({
      total: 20,
      areas: [{ id: "a", name: "甲", points: 10, parent: "zz" }, { id: "b", name: "乙", points: 10, parent: "c" }, { id: "c", name: "丙", points: 10 }],
      indicators: [ind("i", "a", 10), ind("j", "b", 10)],
      components: [{ id: "k1", name: "丙部分", weight: 50, areas: ["c"] }, { id: "k2", name: "甲部分", weight: 50, areas: ["a"] }],
    });
    expect(codes(scheme)).toEqual([["unknown_area", "areas.0.parent"]]);
  });
});

describe("the reader's own messages: the context, a field of the wrong type, ids written for another plan", () => {
  it("a bad context is refused in English too", () => {
    expect(() => validateScheme(base(), 42 as never)).toThrow("validateScheme: bad argument context: must be a plan or { plan, roster }");
  });

  it("a field of the wrong type says what it got, not that it is missing", () => {
    const d = validateScheme(base({ title: 3 }));
    expect(d.map((x) => [x.code, x.path.join("."), x.message, x.messageEn])).toEqual([["invalid_type", "title", "title：类型不正确：应为字符串，实际为数字", "title: Expected string, received number"]]);
  });

  it("ids written for another plan: one notice per plan id, at the first such id, naming the scheme", () => {
    const ind = (id: string, appliesTo: Record<string, unknown>, methods: unknown[]) => ({ id, name: `指标${id}`, area: "a", points: 5, appliesTo, methods });
    const inc = { kind: "incidents", tag: "x", per: 1 };
    const scheme = base({
      indicators: [
        ind("i", {}, [inc, { kind: "occurrences", requirementIds: ["test-2024.t01.r1", "p1.t01.r1"], perMissing: 1 }, { kind: "count", atLeast: 1, taskIds: ["p2.t02"], perShort: 1 }]),
        ind("j", { taskIds: ["t1", "p3.t03"] }, [inc]),
      ],
    });
    const r = readScheme(scheme, { plan: w.plan });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.issues.map((d) => [d.code, d.severity, d.path.join(".")])).toEqual([
      ["foreign_plan_id", "info", "indicators.0.methods.1.requirementIds.1"],
      ["foreign_plan_id", "info", "indicators.0.methods.2.taskIds.0"],
      ["foreign_plan_id", "info", "indicators.1.appliesTo.taskIds.1"],
    ]);
    expect([r.issues[0]!.message, r.issues[0]!.messageEn]).toEqual([
      "考核方案中有1处编号是为工作安排“p1”写的，本工作安排的编号是“test-2024”；已按任务序号对应（如 p1.t01.r1 → test-2024.t01.r1）。可改写为与编号无关的 t35、t13.r1",
      'The scheme names 1 id written for plan "p1"; this plan\'s id is "test-2024", so they were matched by task number (e.g. p1.t01.r1 → test-2024.t01.r1). Write them as t35, t13.r1 to drop the plan id',
    ]);
    // The ids are rewritten and nothing else changes: no field the scheme did not have appears.
    expect(r.value.indicators.map((x) => [x.appliesTo, x.methods])).toStrictEqual([
      [{}, [inc, { kind: "occurrences", requirementIds: ["test-2024.t01.r1", "test-2024.t01.r1"], perMissing: 1 }, { kind: "count", atLeast: 1, taskIds: ["test-2024.t02"], perShort: 1 }]],
      [{ taskIds: ["test-2024.t01", "test-2024.t03"] }, [inc]],
    ]);
  });
});
