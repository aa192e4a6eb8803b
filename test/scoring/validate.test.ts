import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrateScheme } from "../../src/scoring/migrate.js";
import { checkLedgerAgainstScheme } from "../../src/scoring/check-ledger.js";
import { readScheme, validateScheme } from "../../src/scoring/validate-scheme.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readLedger } from "../../src/ledger/ledger.js";
import { ScoringScheme } from "../../src/model/scoring.js";
import { seedContext } from "../support/context.js";
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
