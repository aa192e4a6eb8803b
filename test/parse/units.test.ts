import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import { DEFAULT_GROUP_PHRASES, UNIT_PREDICATES, listItems, looksLikeUnit, splitUnitList } from "../../src/parse/units.js";
import { normalizeLine } from "../../src/text/normalize.js";

const split = (raw: string, phrases = DEFAULT_GROUP_PHRASES) => {
  const diagnostics: Diagnostic[] = [];
  const m = normalizeLine(raw);
  const refs = splitUnitList(m, 0, m.text.length, () => 1, phrases, diagnostics, [], UNIT_PREDICATES);
  return { refs: refs.map((r) => (r.qualifier === undefined ? r.text : `${r.text}|${r.qualifier}`)), raw: refs, m, codes: diagnostics.map((d) => d.code) };
};

describe("splitUnitList", () => {
  it("splits at 、，； and at 及/和 between two unit names, keeping collective phrases whole", () => {
    expect(split("县司法局、县公安局，县信访局；县人社局").refs).toEqual(["县司法局", "县公安局", "县信访局", "县人社局"]);
    expect(split("县行政审批和政务信息管理局和县发改委").refs).toEqual(["县行政审批和政务信息管理局", "县发改委"]);
    expect(split("各乡镇人民政府、街道办事处，县直有关单位").refs).toEqual(["各乡镇人民政府、街道办事处", "县直有关单位"]);
    expect(split("各县(市、区)政府").refs).toEqual(["各县（市、区）政府"]);
  });

  it("unitPredicates: keeps trailing predicates as the qualifier, not in the name", () => {
    expect(split("县政府办公室、各有关部门，乡镇人民政府按职责分工分别负责").refs).toEqual(["县政府办公室", "各有关部门", "乡镇人民政府|按职责分工分别负责"]);
    expect(split("县司法局、县公安局等部门").refs).toEqual(["县司法局", "县公安局|等部门"]);
    expect(split("省发展改革委、省财政厅等负责").refs).toEqual(["省发展改革委", "省财政厅|等负责"]);
    expect(split("城管局等具有市场监管职能的部门").refs).toEqual(["城管局|等具有市场监管职能的部门"]);
    expect(split("县司法局等部门").codes).toEqual(["open_ended_list"]);
  });

  it("bracketMembers: units named in a bracket after a name are references of their own", () => {
    expect(split("市级其他有关单位、各区县政府(含南太湖新区、长合区管委会)").refs).toEqual(["市级其他有关单位", "各区县政府", "南太湖新区", "长合区管委会"]);
    expect(split("各镇人民政府（街道办事处）").refs).toEqual(["各镇人民政府（街道办事处）"]);
  });

  it("keeps a bracketed note after the last name, and a bracket cut off, as the qualifier", () => {
    expect(split("市政府办公室、各区县政府(列第一位的为工作牵头单位或汇总单位,下同)").refs).toEqual(["市政府办公室", "各区县政府|（列第一位的为工作牵头单位或汇总单位，下同）"]);
    expect(split("市发展改革委，各区县政府〔含").refs).toEqual(["市发展改革委", "各区县政府|〔含"]);
  });

  it("points every reference at its own characters in the original", () => {
    const raw = "牵头单位: 县司法局 , 县人民检察院等部门";
    const { raw: refs } = split(raw);
    for (const r of refs) expect(normalizeLine(raw.slice(r.source!.start, r.source!.end)).text).toBe(r.text);
  });
});

describe("looksLikeUnit / listItems", () => {
  it("reads unit names by their endings and collective forms", () => {
    for (const u of ["县司法局", "市委依法治市办", "各乡镇", "有关部门", "南太湖新区", "县人民法院", "国务院各部门"]) expect(looksLikeUnit(u)).toBe(true);
    for (const u of ["试行", "街", "各负其责的工作。", "按照各自职能"]) expect(looksLikeUnit(u)).toBe(false);
  });

  it("finds list items in linear time, even in a long run of separators", () => {
    const text = "、".repeat(100_000);
    expect(listItems(text, 0, text.length, DEFAULT_GROUP_PHRASES)).toEqual([]);
  });
});
