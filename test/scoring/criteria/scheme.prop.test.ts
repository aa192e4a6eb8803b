import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Area, Floor, Indicator, ScoringMethod, ScoringScheme } from "../../../src/model/scoring.js";
import { type ReadSchemeOptions, readSchemeTable, readSchemeText, schemeToTable } from "../../../src/scoring/criteria/scheme.js";
import { readScheme } from "../../../src/scoring/validate-scheme.js";
import { runs } from "../../support/runs.js";
import { amount, arbScheme } from "../arbitraries.js";
import { unnamedErrors } from "./draft-support.js";

/** Names, tags and metrics: characters that carry no rule words of their own. */
const word = fc.array(fc.constantFrom(..."组织领导制度建设依法决策执法监督公开宣传培训方案机构人员经费台账档案信访复议诉讼规范审查专题会议工作要点"), { minLength: 2, maxLength: 8 }).map((cs) => cs.join(""));
const office = fc.option(word.map((w) => `县${w}局`), { nil: undefined });
const GRADES: Pick<ScoringScheme, "grades" | "lowestGrade"> = { grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }], lowestGrade: "不合格" };

/** The clauses a criteria table can say, with distinct tags inside one indicator. */
const arbMethods = (points: number): fc.Arbitrary<ScoringMethod[]> =>
  arbClauses(points).filter((ms) => ms.filter((m) => m.kind === "tier").length <= 1);

/** One ladder per item: a table cannot tell two award ladders of one item apart. */
const arbClauses = (points: number): fc.Arbitrary<ScoringMethod[]> =>
  fc.uniqueArray(word, { minLength: 1, maxLength: 3 }).chain((tags) =>
    fc.tuple(
      ...tags.map((tag) =>
        fc.oneof(
          fc.record({ kind: fc.constant("condition" as const), tag: fc.constant(tag), points: amount }),
          fc.record({ kind: fc.constant("incidents" as const), tag: fc.constant(tag), per: amount, cap: amount }, { requiredKeys: ["kind", "tag", "per"] }),
          fc
            .record({ atLeast: fc.integer({ min: 1, max: 30 }), perShort: fc.option(amount, { nil: undefined }), below: fc.option(amount, { nil: undefined }), cap: fc.option(amount, { nil: undefined }) })
            .map((c) => ({ kind: "count" as const, metric: tag, atLeast: c.atLeast, ...(c.perShort === undefined && c.below === undefined ? { perShort: 0.5 } : {}), ...(c.perShort === undefined ? {} : { perShort: c.perShort }), ...(c.below === undefined ? {} : { below: c.below }), ...(c.cap === undefined ? {} : { cap: c.cap }) })),
          fc
            .record({ bound: fc.constantFrom("at_least" as const, "at_most" as const), target: fc.integer({ min: 100, max: 9999 }).map((t) => t / 100), per: amount, step: fc.oneof(fc.constant(undefined), fc.integer({ min: 2, max: 20 }), fc.constantFrom(0.5, 0.25, 2.5), fc.constant("once" as const)), cap: fc.option(amount, { nil: undefined }) })
            .map((r) => ({ kind: "rate" as const, metric: tag, bound: r.bound, target: r.target, per: r.per, ...(r.step === "once" ? { steps: "once" as const } : r.step === undefined ? {} : { step: r.step }), ...(r.cap === undefined ? {} : { cap: r.cap }) })),
          fc
            .uniqueArray(fc.integer({ min: 1, max: Math.round(points * 100) }), { minLength: 1, maxLength: 3 })
            .map((ds) => ({ kind: "tier" as const, tiers: ds.map((d, k) => ({ tag: `${tag}${"甲乙丙"[k]}`, name: `${tag}${"甲乙丙"[k]}`, deduct: d / 100 })) })),
        ),
      ),
    ),
  ) as fc.Arbitrary<ScoringMethod[]>;

const arbFloor = (points: number): fc.Arbitrary<Floor | undefined> =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant({ kind: "zero" as const }),
    fc.oneof(fc.integer({ min: 2, max: 5 }), fc.constantFrom(1.5, 2.5)).map((multiple) => ({ kind: "multiple" as const, multiple })),
    fc.integer({ min: 1, max: Math.round(points * 100) }).map((p) => ({ kind: "deduction" as const, points: p / 100 })),
  );

const arbIndicator = fc
  .record({ name: word, points: fc.integer({ min: 50, max: 2000 }).map((h) => h / 100), office })
  .chain((i) => fc.record({ methods: arbMethods(i.points), floor: arbFloor(i.points) }).map((m) => ({ ...i, ...m })));

interface GenIndicator {
  readonly name: string;
  readonly points: number;
  readonly office?: string | undefined;
  readonly methods: ScoringMethod[];
  readonly floor?: Floor | undefined;
}
interface AreaTree {
  readonly name: string;
  readonly office?: string | undefined;
  readonly floor?: Floor | undefined;
  readonly indicators: readonly GenIndicator[];
  readonly children: readonly AreaTree[];
}

const arbArea: fc.Memo<AreaTree> = fc.memo((depth) =>
  fc.record({
    name: word,
    office,
    floor: arbFloor(20),
    indicators: fc.array(arbIndicator, { maxLength: 3 }),
    children: depth <= 1 ? fc.constant([]) : fc.array(arbArea(depth - 1), { maxLength: 2 }),
  })
    // an area holds indicators, areas or both (an area with nothing under it is an indicator with no rule)
    .filter((t) => t.indicators.length + t.children.length > 0) as fc.Arbitrary<AreaTree>,
);

/** A scheme that a criteria table can say in full: areas of any depth, indicators with table clauses, floors, caps, vetoes, bonuses. */
const arbTableScheme: fc.Arbitrary<ScoringScheme> = fc
  .record({
    roots: fc.array(arbArea(3), { minLength: 1, maxLength: 3 }),
    vetoes: fc.uniqueArray(fc.record({ name: word, below: fc.option(fc.constantFrom("优秀", "良好", "合格"), { nil: undefined }) }), { selector: (v) => v.name, maxLength: 2 }),
    bonus: fc.option(fc.record({ cap: fc.option(amount, { nil: undefined }), categories: fc.uniqueArray(fc.record({ name: word, per: amount, cap: fc.option(amount, { nil: undefined }) }), { selector: (c) => c.name, minLength: 1, maxLength: 2 }) }), { nil: undefined }),
  })
  .map((g) => {
    const areas: Area[] = [];
    const indicators: Indicator[] = [];
    const hundredths = (x: number) => Math.round(x * 100);
    const walk = (t: AreaTree, parent: string | undefined): number => {
      const id = `a${areas.length + 1}`;
      const area: Area = { id, name: t.name, points: 0, ...(parent === undefined ? {} : { parent }), ...(t.office === undefined ? {} : { office: t.office }), ...(t.floor === undefined ? {} : { floor: t.floor }) };
      areas.push(area);
      let sum = 0;
      for (const i of t.indicators) {
        indicators.push({ id: `i${indicators.length + 1}`, name: i.name, area: id, points: i.points, appliesTo: {}, methods: i.methods, ...(i.floor === undefined ? {} : { floor: i.floor }), ...(i.office === undefined ? {} : { office: i.office }) });
        sum += hundredths(i.points);
      }
      for (const c of t.children) sum += walk(c, id);
      area.points = sum / 100;
      return sum;
    };
    const total = g.roots.reduce((s, r) => s + walk(r, undefined), 0) / 100;
    return {
      id: "p",
      title: "往返测试方案",
      total,
      areas,
      indicators,
      ...(g.bonus === undefined ? {} : { adjustments: { ...(g.bonus.cap === undefined ? {} : { cap: g.bonus.cap }), categories: g.bonus.categories.map((c, k) => ({ id: `b${k + 1}`, name: c.name, sign: "bonus" as const, per: c.per, ...(c.cap === undefined ? {} : { cap: c.cap }) })) } }),
      ...(g.vetoes.length === 0 ? {} : { vetoes: g.vetoes.map((v, k) => ({ id: `v${k + 1}`, name: v.name, ...(v.below === undefined ? {} : { below: v.below }) })) }),
      ...GRADES,
    } as unknown as ScoringScheme;
  });

/**
 * A scheme with positional ids (areas a1… in table order, indicators i1…, vetoes v1…, bonuses b1…)
 * and without the published wording and its place (rule, phrase, source), which the reader
 * regenerates from the table.
 */
const canonical = (s: ScoringScheme): unknown => {
  const areaOrder: Area[] = [];
  const indOrder: Indicator[] = [];
  const kids = (p: string | undefined) => s.areas.filter((a) => a.parent === p);
  const walk = (a: Area) => {
    areaOrder.push(a);
    indOrder.push(...s.indicators.filter((i) => i.area === a.id));
    kids(a.id).forEach(walk);
  };
  kids(undefined).forEach(walk);
  const aid = new Map(areaOrder.map((a, k) => [a.id, `a${k + 1}`]));
  return {
    ...s,
    areas: areaOrder.map(({ source: _s, ...a }) => ({ ...a, id: aid.get(a.id), ...(a.parent === undefined ? {} : { parent: aid.get(a.parent) }) })),
    indicators: indOrder.map(({ rule: _r, source: _s, ...i }, k) => ({ ...i, id: `i${k + 1}`, area: aid.get(i.area), methods: i.methods.map(strip) })),
    ...(s.vetoes === undefined ? {} : { vetoes: s.vetoes.map(({ source: _s, ...v }, k) => ({ ...v, id: `v${k + 1}` })) }),
    ...(s.adjustments === undefined ? {} : { adjustments: { ...s.adjustments, categories: s.adjustments.categories.map(({ source: _s, ...c }, k) => ({ ...c, id: `b${k + 1}` })) } }),
  };
};

const strip = (m: ScoringMethod) => {
  const { phrase: _p, source: _s, ...rest } = m;
  return rest;
};

/** What a criteria table can say of a clause (undefined: it cannot, and the table names it in a note). */
const sayable = (m: ScoringMethod, points: number): object | undefined => {
  switch (m.kind) {
    case "condition":
    case "incidents":
      return strip(m);
    case "count":
      return m.metric === undefined ? undefined : strip(m);
    case "rate": {
      if (m.metric === undefined || typeof m.target !== "number" || m.percent === false || m.rounding !== undefined || m.steps === "whole" || m.steps === "started") return undefined;
      const { steps, step, ...rest } = strip(m) as typeof m;
      return { ...rest, ...(steps === "once" ? { steps } : step === undefined || step === 1 ? {} : { step }) };
    }
    case "tier":
      return m.tiers.every((t) => t.deduct > 0 && t.deduct <= points) ? { kind: "tier", tiers: m.tiers.map((t) => ({ tag: t.tag, name: t.tag, deduct: t.deduct })) } : undefined;
    default:
      return undefined;
  }
};

const optionsOf = (s: ScoringScheme): ReadSchemeOptions => ({ id: s.id, title: s.title, total: s.total, grades: s.grades, lowestGrade: s.lowestGrade });

describe("criteria tables ↔ schemes", () => {
  test.prop([arbTableScheme], runs(40))("reading the table written from a scheme gives the same scheme", (scheme) => {
    expect(readScheme(scheme).ok).toBe(true);
    const back = readSchemeTable(schemeToTable(scheme), optionsOf(scheme));
    expect(canonical(back.scheme)).toEqual(canonical(scheme));
    expect(readScheme(back.scheme).ok).toBe(true);
  });

  test.prop([arbScheme()], runs(60))("any valid scheme: each clause reads back as itself, or is reported as not understood — never as something else", (scheme) => {
    fc.pre(readScheme(scheme).ok); // one in twenty generated schemes repeats a tag or caps an area below its floor
    const back = readSchemeTable(schemeToTable(scheme), optionsOf(scheme));
    const unread = back.diagnostics.filter((d) => d.code === "criteria_phrase_unread").length;
    let unwritable = (scheme.adjustments?.categories ?? []).filter((c) => c.sign === "penalty").length;
    const expected = scheme.indicators.map((ind) => {
      const firstTier = ind.methods.findIndex((m) => m.kind === "tier");
      const said = ind.methods.flatMap((m, k) => {
        const p = m.kind === "tier" && k !== firstTier ? undefined : sayable(m, ind.points);
        if (p === undefined) unwritable += 1;
        return p === undefined ? [] : [p];
      });
      return said;
    });
    // each indicator by its name (areas with nothing under them, and the 减分项目 row, read back as indicators with no rule)
    const byName = new Map(back.scheme.indicators.map((x) => [x.name, x]));
    scheme.indicators.forEach((ind, k) => expect([ind.name, byName.get(ind.name)?.methods.map(strip)]).toEqual([ind.name, expected[k]]));
    const names = new Set(scheme.indicators.map((i) => i.name));
    for (const extra of back.scheme.indicators.filter((x) => !names.has(x.name))) expect(extra.methods).toEqual([]);
    expect(unread).toBe(unwritable);
    expect((back.scheme.vetoes ?? []).map(({ source: _s, ...v }) => v)).toEqual((scheme.vetoes ?? []).map((v, k) => ({ ...v, id: `v${k + 1}` })));
    expect((back.scheme.adjustments?.categories ?? []).map(({ source: _s, ...c }) => c)).toEqual(
      (scheme.adjustments?.categories ?? []).filter((c) => c.sign !== "penalty").map((c, k) => ({ id: `b${k + 1}`, name: c.name, sign: "bonus", per: c.per, ...(c.cap === undefined ? {} : { cap: c.cap }) })),
    );
  });
});

/** Phrasings of published tables, read or not, and the junk found in real cells. */
const arbPhrase = fc.oneof(
  fc.tuple(word, amount).map(([w, a]) => `${w}的扣${a}分`),
  fc.tuple(word, amount).map(([w, a]) => `发现${w}一起扣${a}分`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), amount).map(([n, a]) => `每年不少于${n}次，每少一次扣${a}分`),
  amount.map((a) => `每少一次扣${a}分`),
  fc.tuple(fc.integer({ min: 50, max: 100 }), amount).map(([n, a]) => `参与率不低于${n}%，每低一个百分点扣${a}分`),
  fc.constantFrom("扣完为止", "扣完标准分的2倍为止", "酌情扣分", "加倍扣分", "实行一票否决", "不得评为优秀", "否则得0分", "在2分内酌情扣分", "按全省平均计"),
  fc.tuple(word, amount).map(([w, a]) => `获${w}表彰的加${a}分`),
  amount.map((a) => `最高加${a}分`),
  amount.map((a) => `累计扣分不超过${a}分`),
  fc.tuple(word, amount).map(([w, a]) => `有${w}的得${a}分`),
  fc.constantFrom("扣二分", "扣零点五分", "迟报一次扣 1 分", "漏报一次扣0.5分", "不得分"),
);
const NUMBERS = [["一", "二", "三"], ["（一）", "（二）", "（三）"], ["1", "2", "3"]];
/** A criteria table as staff may paste it: levels by numbering, points present, missing or odd, rules read or not. */
const arbMessyRows = fc
  .array(
    fc.record({
      level: fc.integer({ min: 0, max: 2 }),
      k: fc.integer({ min: 0, max: 2 }),
      name: fc.oneof(word, fc.constant("")),
      points: fc.oneof(fc.constant(""), fc.integer({ min: 1, max: 3000 }).map((h) => String(h / 100)), fc.constantFrom("0", "五分", "10分")),
      rule: fc.array(arbPhrase, { maxLength: 3 }).map((ps) => ps.join("；")),
      office: fc.oneof(fc.constant(""), office.map((o) => o ?? "")),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((items) => [["序号", "考核内容", "分值", "评分标准", "评分单位"], ...items.map((i) => [NUMBERS[i.level]?.[i.k] ?? "", i.name, i.points, i.rule, i.office])]);

describe("scheme drafts of any table", () => {
  test.prop([arbMessyRows, fc.boolean()], runs(60))("every readScheme error of the draft is named by a diagnostic on the item it comes from", (rows, asText) => {
    const options = { title: "t", ...GRADES };
    const draft = asText ? readSchemeText(rows.map((r) => r.join(" | ")).join("\n"), options) : readSchemeTable(rows, options);
    expect(unnamedErrors(draft)).toEqual([]);
  });
});
