// Criteria tables → scheme drafts, one mapping per test, with wording of the published tables in
// test/corpus/criteria; and schemes written back as tables.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ScoringScheme } from "../../../src/model/scoring.js";
import { readSchemeTable, readSchemeText, schemeToTable } from "../../../src/scoring/criteria/scheme.js";
import { readScheme } from "../../../src/scoring/validate-scheme.js";
import { unnamedErrors } from "./draft-support.js";

const GRADES = { grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }], lowestGrade: "不合格" };
const HEAD = ["序号", "考核内容", "分值", "评分标准", "评分单位"];
const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);
/** A part of the scheme without its source (tested on its own below). */
const bare = <T extends { source?: unknown }>({ source: _s, ...rest }: T) => rest;

describe("criteria table → scheme draft", () => {
  const rows = [
    ["某县法治政府建设考核细则"],
    HEAD,
    ["一", "组织领导", "10", "", ""],
    ["1", "制定年度工作计划", "2", "未制定年度计划的扣2分", "县司法局"],
    ["2", "专题学法", "1.5", "每年专题学法不少于6次，每少一次扣0.3分，累计扣分不超过1.2分", "县司法局"],
    ["3", "参与协商比率不低于95%", "4", "每低一个百分点扣1分，扣完为止", "县委办"],
    ["4", "法制机构", "2.5", "有专门法制工作机构的得2.5分，有机构负责法制工作的得2分，否则得0分", ""],
    ["二", "加分和否决", "", "获省级表彰的加2分，最高加5分；发生重大执法过错的，实行一票否决；被通报批评的，不得评为优秀", ""],
  ];
  // Read inside each test, not when the file loads: StrykerJS (npm run mutate) then knows which
  // test covers the lines of src/scoring/points.ts it runs.
  const read = () => readSchemeTable(rows, { id: "xian", ...GRADES });

  it("items with items below them are areas; the others are indicators with the table's offices", () => {
    const r = read();
    expect(r.scheme.title).toBe("某县法治政府建设考核细则");
    expect(r.scheme.areas.map((a) => [a.id, a.name, a.points])).toEqual([["a1", "组织领导", 10]]);
    expect(r.scheme.indicators.map((i) => [i.id, i.name, i.area, i.points, i.office ?? null])).toEqual([
      ["i2", "制定年度工作计划", "a1", 2, "县司法局"],
      ["i3", "专题学法", "a1", 1.5, "县司法局"],
      ["i4", "参与协商比率不低于95%", "a1", 4, "县委办"],
      ["i5", "法制机构", "a1", 2.5, null],
    ]);
  });

  it("each phrase becomes a method, a floor, a clause cap, a tier, a bonus or a veto", () => {
    const r = read();
    const m = r.scheme.indicators.map((i) => i.methods.map(bare));
    expect(m[0]).toEqual([{ kind: "condition", tag: "未制定年度计划", points: 2, phrase: "未制定年度计划的扣2分" }]);
    expect(m[1]).toEqual([{ kind: "count", atLeast: 6, metric: "每年专题学法", perShort: 0.3, cap: 1.2, phrase: "每年专题学法不少于6次，每少一次扣0.3分" }]);
    expect(m[2]).toEqual([{ kind: "rate", metric: "参与协商比率不低于95%", bound: "at_least", target: 95, per: 1, phrase: "每低一个百分点扣1分" }]);
    expect(r.scheme.indicators[2]?.floor).toEqual({ kind: "zero" });
    expect(m[3]).toEqual([{ kind: "tier", tiers: [{ tag: "有机构负责法制工作", name: "有机构负责法制工作", deduct: 0.5 }, { tag: "其他情形", name: "其他情形", deduct: 2.5 }], phrase: "有专门法制工作机构的得2.5分" }]);
    expect(r.scheme.adjustments?.categories.map(bare)).toEqual([{ id: "b1", name: "获省级表彰", sign: "bonus", per: 2, cap: 5 }]);
    expect(r.scheme.vetoes?.map(bare)).toEqual([
      { id: "v1", name: "发生重大执法过错" },
      { id: "v2", name: "被通报批评", below: "优秀" },
    ]);
  });

  it("passes readScheme once the table says everything (grades from the options)", () => {
    const r = read();
    const check = readScheme(r.scheme);
    expect(check.ok ? [] : check.issues.map((d) => `${d.code} ${d.path.join(".")}`)).toEqual([]);
  });

  it("keeps on every indicator, method, veto and bonus where it came from: row, column, offsets in the cell", () => {
    const r = read();
    const i3 = r.scheme.indicators[1];
    expect(i3?.source).toEqual({ start: 0, end: 4, line: 1, cell: { row: 4, column: 1 } });
    const phrase = "每年专题学法不少于6次，每少一次扣0.3分";
    expect(i3?.methods.map((m) => m.source)).toEqual([{ start: 0, end: phrase.length, line: 1, cell: { row: 4, column: 3 } }]);
    expect(rows[4]?.[3]?.slice(0, phrase.length)).toBe(phrase);
    // every source quotes its cell: the method's span starts at its phrase's first character
    for (const ind of r.scheme.indicators) {
      const cell = ind.source?.cell;
      expect(rows[cell?.row ?? -1]?.[cell?.column ?? -1]?.slice(ind.source?.start, ind.source?.end)).toBe(ind.name);
      for (const m of ind.methods) expect(rows[m.source?.cell?.row ?? -1]?.[m.source?.cell?.column ?? -1]?.slice(m.source?.start, m.source?.end)).toBe(m.phrase);
    }
    const veto = r.scheme.vetoes?.[0]?.source;
    expect(veto?.cell).toEqual({ row: 7, column: 3 });
    expect(rows[7]?.[3]?.slice(veto?.start, veto?.end)).toBe("发生重大执法过错的，实行一票否决");
    expect(r.scheme.adjustments?.categories[0]?.source?.cell).toEqual({ row: 7, column: 3 });
    expect(r.scheme.areas[0]?.source).toEqual({ start: 0, end: 4, line: 1, cell: { row: 2, column: 1 } });
  });

  it("in a cell of several lines, the line inside the cell; in text, offsets into the whole text and the line", () => {
    const multi = readSchemeTable([HEAD, ["1", "工作计划", "4", "未制定年度计划的扣2分；\n未报送总结的扣2分"]], { title: "t", ...GRADES });
    expect(multi.scheme.indicators[0]?.methods.map((m) => [m.phrase, m.source?.line, m.source?.start])).toEqual([
      ["未制定年度计划的扣2分", 1, 0],
      ["未报送总结的扣2分", 2, 13],
    ]);
    const text = "一、组织领导（5分）\n1.制定年度工作计划（2分）考核：未制定的扣2分。\n2.按时报送总结（3分）考核：迟报一次扣1分，扣完为止。";
    const t = readSchemeText(text, { title: "t", ...GRADES });
    for (const ind of t.scheme.indicators) {
      expect(text.slice(ind.source?.start, ind.source?.end)).toContain(ind.name);
      for (const m of ind.methods) expect(text.slice(m.source?.start, m.source?.end)).toBe(m.phrase);
    }
    expect(t.scheme.indicators.map((i) => i.methods[0]?.source?.line)).toEqual([2, 3]);
  });

  it("each diagnostic says where: the cell, or the line", () => {
    const bad = readSchemeTable([HEAD, ["1", "合法性审查", "5", "发现一起扣3分；在2分内酌情扣分"]], { title: "t", ...GRADES });
    const unread = bad.diagnostics.find((d) => d.code === "criteria_phrase_unread");
    expect(unread?.source).toMatchObject({ cell: { row: 1, column: 3 }, line: 1 });
    expect(bad.diagnostics.find((d) => d.code === "criteria_deduction_exceeds_points")?.source?.cell).toEqual({ row: 1, column: 1 });
  });

  it("says what the table does not: grade bands, who is assessed, a title", () => {
    const bare = readSchemeTable([HEAD, ["1", "工作计划", "2", "未制定的扣2分"]]);
    expect(codes(bare.diagnostics)).toEqual(["scheme_title_missing", "scheme_grades_missing", "scheme_applies_to_all"]);
    expect(readScheme(bare.scheme).ok).toBe(false);
  });
});

describe("mappings of published phrasings", () => {
  it("rule `unpointed_children_fold`: (一)(二) without points under 第一条（5分） are that item's requirements (连云港)", () => {
    const r = readSchemeText(
      "第一章 坚持依法执政(12 分) 第一条 依法决策制度建立健全(5 分) (一)全面落实依法决策制度。重大决策不遵循法定程序的,扣 3 分;造成重大损失的,扣 5 分。 (二)执行法律法规。重大决策与法律相抵触的,有一项 扣 3 分。 第二条 人大监督(7 分)(一)认真贯彻监督法。专项执法监督检查少于 2 次的,扣 2 分。",
      GRADES,
    );
    expect(r.scheme.areas.map((a) => [a.name, a.points])).toEqual([["坚持依法执政", 12]]);
    expect(r.scheme.indicators.map((i) => [i.name, i.points, i.methods.map((m) => m.kind)])).toEqual([
      ["依法决策制度建立健全", 5, ["condition", "condition", "incidents"]],
      ["人大监督", 7, ["count"]],
    ]);
  });

  it("rule `negative_list`: categories with deductions and no points are 0-point indicators; 本项限扣 caps them (温州)", () => {
    const r = readSchemeText(["类别", "具体项目内容", "较大事故", "1.发生较大安全事故的,每起扣5分。", "平安三率(本项限扣5分)", "1.群众安全感低于96%的,每降低1个百分点扣0.25分。"].join("\n"), { title: "负面清单", ...GRADES });
    expect(r.scheme.indicators.map((i) => [i.name, i.points, i.floor])).toEqual([
      ["较大事故", 0, { kind: "none" }],
      ["平安三率", 0, { kind: "deduction", points: 5 }],
    ]);
    expect(codes(r.diagnostics)).toContain("scheme_negative_list");
  });

  it("rule `distinct_tags`: clauses with no condition of their own do not share the item's name as their tag", () => {
    const r = readSchemeTable([HEAD, ["1", "信息报送", "4", "每发现一起扣1分；迟报一次扣0.5分；每件扣2分，扣完为止"]], { title: "t", ...GRADES });
    expect(r.scheme.indicators[0]?.methods.map((m) => (m.kind === "incidents" ? m.tag : m.kind))).toEqual(["信息报送", "迟报", "每件扣2分"]);
    const twice = readSchemeTable([HEAD, ["1", "制度建设", "4", "制度不健全的扣2分；制度不健全的扣2分"]], { title: "t", ...GRADES });
    expect(twice.scheme.indicators[0]?.methods.map((m) => (m.kind === "condition" ? m.tag : m.kind))).toEqual(["制度不健全", "制度不健全的扣2分"]);
    expect(readScheme(twice.scheme).ok).toBe(true);
  });

  it("what a draft cannot hold is said: an award of full marks only, bounds with no way to deduct, no indicator, no total", () => {
    const r = readSchemeTable([HEAD, ["1", "法制机构", "2", "有专门法制机构的得2分"], ["2", "台账", "3", "累计扣分不超过3分"]], { title: "t", ...GRADES });
    expect(codes(r.diagnostics)).toEqual(expect.arrayContaining(["scheme_phrase_not_mapped", "scheme_indicator_without_method"]));
    expect(unnamedErrors(r)).toEqual([]);
    const none = readSchemeTable([HEAD, ["一", "加分项目", "", "最高加5分"]], { title: "t", ...GRADES });
    expect(codes(none.diagnostics)).toEqual(expect.arrayContaining(["scheme_no_indicators", "scheme_total_missing"]));
  });

  it("a count without its target is not guessed", () => {
    const r = readSchemeTable([HEAD, ["1", "有年度工作要点和工作总结", "4", "未按要求上报的,每少1次扣0.5分"]], { title: "t", ...GRADES });
    expect(r.scheme.indicators[0]?.methods).toEqual([]);
    expect(r.diagnostics.find((d) => d.code === "scheme_phrase_not_mapped")?.message).toContain("未印出次数目标");
  });

  it("reads every corpus table into a draft whose remaining readScheme errors are all named by its diagnostics, on the item they come from", () => {
    const dir = new URL("../../corpus/criteria/", import.meta.url);
    const ids = readdirSync(dir).filter((f) => f.endsWith(".txt"));
    expect(ids.length).toBeGreaterThanOrEqual(13);
    for (const id of ids) {
      const raw = readFileSync(new URL(id, dir), "utf8");
      const r = readSchemeText(raw.slice(raw.indexOf("\n----\n") + 6), { title: id, ...GRADES });
      expect([id, unnamedErrors(r)]).toEqual([id, []]);
    }
  });
});

describe("cost", () => {
  it("is linear in repeated clauses of one cell and in the number of items", () => {
    const one = readSchemeTable([HEAD, ["1", "台账", "5", "扣二分；".repeat(20_000)]], { title: "t", ...GRADES });
    const tags = new Set(one.scheme.indicators[0]?.methods.map((m) => (m.kind === "condition" ? m.tag : "")));
    expect(tags.size).toBe(20_000);
    const many = readSchemeTable([HEAD, ...Array.from({ length: 999 }, (_, k) => [String(k + 1), `指标${k}`, "1", "未落实的扣1分"])], { title: "t", ...GRADES });
    expect(many.scheme.indicators.length).toBe(999); // serial numbers go to 999 (a bare number of four digits is not read as one)
  });
});

describe("scheme → criteria table", () => {
  it("writes the example scheme, with a note for what a table cannot say", () => {
    const raw = JSON.parse(readFileSync(new URL("../../../seeds/wuzhi-2024.scheme.json", import.meta.url), "utf8"));
    const seed = readScheme(raw);
    expect(seed.ok).toBe(true);
    const rows = schemeToTable((seed as { value: ScoringScheme }).value);
    expect(rows[0]).toEqual(HEAD);
    expect(rows.length).toBeGreaterThan(10);
    const notes = rows.filter((r) => (r[3] ?? "").includes("见方案"));
    expect(notes.length).toBeGreaterThan(0);
    // reading it back: every note is reported, nothing is read as another rule
    const back = readSchemeTable(rows, { title: "武陟", ...GRADES });
    expect(back.diagnostics.filter((d) => d.code === "criteria_phrase_unread").every((d) => d.message.includes("见方案"))).toBe(true);
  });
});

describe("rows that are not a grid of strings", () => {
  it("a row that is not an array or a cell that is not text is read as empty and reported at its place", () => {
    expect(readSchemeTable(["abc"] as never).diagnostics.slice(0, 1).map((d) => [d.code, d.path])).toEqual([["invalid_rows", ["rows", 0]]]);
    const r = readSchemeTable([["序号", "考核内容", "分值", "评分标准"], ["1", "工作计划", 2 as never, "未制定的扣2分"]]);
    expect(r.diagnostics.filter((d) => d.code === "invalid_rows").map((d) => d.path)).toEqual([["rows", 1, 2]]);
  });
});
