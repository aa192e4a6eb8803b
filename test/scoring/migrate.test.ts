// migrateScheme on small old-format schemes: what each rewrite gives, the notice that says so
// (counted once per kind of change, with the number of places when there are several), and what
// it leaves alone — a scheme that already uses the new field keeps it as written.
import { describe, expect, it } from "vitest";
import { migrateScheme } from "../../src/scoring/migrate.js";

const notice = (message: string, messageEn: string, path: Array<string | number>) => ({ code: "scheme_migrated", severity: "info", message, messageEn, path });
const METHODS = ["单个评分方法 method 改为评分方法列表 methods", "the single method became the list methods"] as const;
const RATE = ["比率 rate 的 perPoint 改为 bound: \"at_least\" 和 per（每低一个百分点扣分，按精确小数计算、四舍五入）", "rate's perPoint became bound \"at_least\" and per (exact decimals, rounded half up)"] as const;
const TREND = ["趋势 trend 的 perMetric 改为 when: \"not_fell\"（未下降即扣分）和 per", "trend's perMetric became when \"not_fell\" and per"] as const;
const BONUS = ["加分 bonus 改为加减分 adjustments（折算后加分，与原来相同）", "bonus became adjustments (added after normalisation, as before)"] as const;

describe("migrateScheme", () => {
  it("one old method: methods of one, and a notice without a count", () => {
    const r = migrateScheme({ id: "s", indicators: [{ id: "i", method: { kind: "incidents", tag: "x", per: 1 } }] });
    expect(r).toEqual({
      scheme: { id: "s", indicators: [{ id: "i", methods: [{ kind: "incidents", tag: "x", per: 1 }] }] },
      notices: [notice(`已按新格式改写：${METHODS[0]}`, `Migrated to the current format: ${METHODS[1]}`, ["indicators", 0, "method"])],
    });
  });

  it("the same change in two places: one notice, at the first, with the count", () => {
    const r = migrateScheme({ indicators: [{ id: "i", method: { kind: "incidents", tag: "x", per: 1 } }, { id: "j", methods: [] }, { id: "k", method: { kind: "incidents", tag: "y", per: 2 } }] });
    expect(r.notices).toEqual([notice(`已按新格式改写：${METHODS[0]}（共2处）`, `Migrated to the current format: ${METHODS[1]} (2 places)`, ["indicators", 0, "method"])]);
    expect((r.scheme as { indicators: unknown[] }).indicators[1]).toEqual({ id: "j", methods: [] });
  });

  it("rate's perPoint and trend's perMetric: bound/when and per, each with its own notice at the method", () => {
    const r = migrateScheme({
      indicators: [
        { id: "r", method: { kind: "rate", metric: "m", target: 95, perPoint: 0.57 } },
        { id: "t", method: { kind: "trend", metrics: ["a"], perMetric: 2.25 } },
      ],
    });
    expect(r.scheme).toEqual({
      indicators: [
        { id: "r", methods: [{ kind: "rate", metric: "m", target: 95, bound: "at_least", per: 0.57 }] },
        { id: "t", methods: [{ kind: "trend", metrics: ["a"], when: "not_fell", per: 2.25 }] },
      ],
    });
    expect(r.notices).toEqual([
      notice(`已按新格式改写：${METHODS[0]}（共2处）`, `Migrated to the current format: ${METHODS[1]} (2 places)`, ["indicators", 0, "method"]),
      notice(`已按新格式改写：${RATE[0]}`, `Migrated to the current format: ${RATE[1]}`, ["indicators", 0, "methods", 0]),
      notice(`已按新格式改写：${TREND[0]}`, `Migrated to the current format: ${TREND[1]}`, ["indicators", 1, "methods", 0]),
    ]);
  });

  it("leaves a method that already says bound or when, or whose kind does not have the old field, as written", () => {
    const methods = [
      { kind: "rate", metric: "m", target: 95, perPoint: 1, bound: "at_most", per: 2 },
      { kind: "trend", metrics: ["a"], perMetric: 1, when: "rose", per: 2 },
      { kind: "incidents", tag: "x", per: 1, perPoint: 3, perMetric: 4 },
      { kind: "rate", metric: "m", target: 95, per: 1, perMetric: 4 },
      { kind: "trend", metrics: ["a"], per: 1, perPoint: 3 },
    ];
    const r = migrateScheme({ indicators: methods.map((method, i) => ({ id: `i${i}`, method })) });
    expect(r.scheme).toEqual({ indicators: methods.map((m, i) => ({ id: `i${i}`, methods: [m] })) });
    expect(r.notices.map((d) => d.message)).toEqual([`已按新格式改写：${METHODS[0]}（共5处）`]);
  });

  it("an indicator that has methods keeps them (and an old method beside them) as written", () => {
    const ind = { id: "i", method: { kind: "incidents", tag: "x", per: 1 }, methods: [{ kind: "incidents", tag: "y", per: 2 }] };
    expect(migrateScheme({ indicators: [ind] })).toEqual({ scheme: { indicators: [ind] }, notices: [] });
  });

  it("bonus becomes adjustments with its caps and categories; a scheme with adjustments keeps its bonus as written", () => {
    const bonus = { cap: 5, categories: [{ id: "p", name: "省级表彰", per: 2.25, cap: 4.5 }] };
    expect(migrateScheme({ id: "s", bonus })).toEqual({
      scheme: { id: "s", adjustments: { cap: 5, categories: [{ id: "p", name: "省级表彰", per: 2.25, cap: 4.5 }] } },
      notices: [notice(`已按新格式改写：${BONUS[0]}`, `Migrated to the current format: ${BONUS[1]}`, ["bonus"])],
    });
    const both = { id: "s", bonus, adjustments: { categories: [] } };
    expect(migrateScheme(both)).toEqual({ scheme: both, notices: [] });
  });

  it("a bonus that is not an object is passed on as adjustments, for the schema to report", () => {
    for (const bonus of [3, null, "5分", [1]]) {
      expect(migrateScheme({ id: "s", bonus })).toEqual({ scheme: { id: "s", adjustments: bonus }, notices: [expect.objectContaining({ path: ["bonus"] })] });
    }
  });

  it("bonus and indicators together: both rewritten, notices in the order of the changes", () => {
    const r = migrateScheme({ indicators: [{ id: "i", method: { kind: "incidents", tag: "x", per: 1 } }], bonus: { categories: [] } });
    expect(r.scheme).toEqual({ indicators: [{ id: "i", methods: [{ kind: "incidents", tag: "x", per: 1 }] }], adjustments: { categories: [] } });
    expect(r.notices.map((d) => d.path)).toEqual([["indicators", 0, "method"], ["bonus"]]);
  });
});
