// inferRoster's laws on plans as users get them: documents in the usual layouts with unit lists
// of every sort (short and long forms, collective phrases, debris), real corpus documents, and
// hand-built plans whose references carry ids. The roster always reads back, every name of the
// plan resolves against it, and what it infers does not depend on the order of the tasks.
import { fc, test } from "@fast-check/vitest";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/plan.js";
import { readRoster } from "../../src/model/validate.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { DEFAULT_GROUPS } from "../../src/units/groups.js";
import { inferRoster } from "../../src/units/infer.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { corpusText } from "../compare/support/evaluate.js";
import { arbPlan } from "../support/arbitraries.js";
import { runs } from "../support/runs.js";
import { seedText } from "../support/seed.js";

const PREFIX = ["", "县", "县", "市", "区", "某某县", "省", "中共某某县委"];
const CORE = ["司法", "公安", "财政", "人力资源和社会保障", "人社", "政府", "政府法制", "市场监督管理", "市场监管", "发展和改革", "发改", "委编", "委", "卫生健康", "卫健", "信访", "教育体育", "教体", "人民", "城关", "东城"];
const SUFFIX = ["局", "局", "委", "办", "办公室", "委员会", "中心", "法院", "检察院", "镇", "街道", "分局", "部"];
const PHRASES = [...DEFAULT_GROUPS.flatMap((g) => g.phrases ?? []), "各县（市、区）政府", "市直各有关部门", "县（市、区）政府法制办", "行政执法部门", "有关部门及各县"];

const arbUnitName = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...PREFIX), fc.constantFrom(...CORE), fc.constantFrom(...SUFFIX)).map((p) => p.join("")) },
  { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
  // Debris: what page breaks and odd layouts leave in a unit list.
  { weight: 1, arbitrary: fc.array(fc.constantFrom(..."县市局办委政府有关各乡镇（）、 组部门"), { minLength: 1, maxLength: 5 }).map((cs) => cs.join("")) },
);
const arbUnitLine = fc
  .tuple(fc.constantFrom("牵头单位：", "责任单位：", "配合单位：", "牵头单位：", "责任部门："), fc.array(arbUnitName, { minLength: 1, maxLength: 5 }), fc.constantFrom("、", "，"))
  .map(([role, names, sep]) => `${role}${names.join(sep)}`);
const arbTask = fc.tuple(fc.constantFrom("深入推进依法行政。", "每季度开展一次执法检查。", "6月底前完成全员轮训。"), fc.array(arbUnitLine, { minLength: 0, maxLength: 3 }));
const arbDocument = fc.record({
  place: fc.constantFrom("某某县", "某某市", "某某区", ""),
  tasks: fc.array(arbTask, { minLength: 1, maxLength: 8 }),
});
const NUMERALS = "一二三四五六七八九十";
const render = (place: string, tasks: ReadonlyArray<readonly [string, readonly string[]]>): string =>
  [`${place}2025年法治政府建设工作安排`, "", "一、主要任务", ...tasks.map(([body, lines], i) => [`（${NUMERALS[i]}）${body}`, ...lines].join("\n"))].join("\n");

/** The laws every inferred roster keeps, whatever the plan. */
const holds = (plan: Plan): ReturnType<typeof inferRoster> => {
  const inferred = inferRoster(plan);
  const read = readRoster(JSON.parse(JSON.stringify(inferred.roster)));
  expect(read.ok, JSON.stringify(read.issues)).toBe(true);
  expect(inferred.roster.source.provisional).toBe(true);
  expect(inferred.roster.units.every((u) => /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(u.id))).toBe(true);
  const errors = buildMatrix(plan, inferred.roster).diagnostics.filter((d) => d.severity === "error");
  expect(errors).toEqual([]);
  return inferred;
};

/** Each name of the roster with its unit's id and every other name of that unit. */
const byName = (r: ReturnType<typeof inferRoster>["roster"]) =>
  Object.fromEntries(r.units.flatMap((u) => [u.name, ...(u.aliases ?? [])].map((n) => [n, [u.id, u.kind, [u.name, ...(u.aliases ?? [])].sort()]])));

describe("inferRoster (properties)", () => {
  test.prop([arbDocument], runs(60))("on a parsed document: the roster reads back and every name resolves, with no errors", ({ place, tasks }) => {
    holds(parsePlanText(render(place, tasks)).plan);
  });

  test.prop([arbDocument], runs(40))("the units, their names and ids do not depend on the order of the tasks", ({ place, tasks }) => {
    const a = inferRoster(parsePlanText(render(place, tasks)).plan).roster;
    const b = inferRoster(parsePlanText(render(place, [...tasks].reverse())).plan).roster;
    expect(byName(b)).toEqual(byName(a));
    expect(new Set(b.groups.map((g) => g.id))).toEqual(new Set(a.groups.map((g) => g.id)));
  });

  test.prop([arbPlan], runs(60))("on a hand-built plan whose references carry ids: the same laws", (plan) => {
    holds(plan);
  });

  it("on the seed and every real document of the corpus: the same laws", () => {
    const docs = readdirSync(new URL("../corpus/plans/", import.meta.url)).filter((f) => f.endsWith(".txt"));
    for (const text of [seedText(), ...docs.map((f) => corpusText(`plans/${f.replace(/\.txt$/, "")}`))]) holds(parsePlanText(text).plan);
  });
});
