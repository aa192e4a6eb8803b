import { describe, expect, it } from "vitest";
import { ROLE_WORDS, roleLabelAt, roleVocabulary } from "../../src/parse/role-words.js";
import { bareListRule, labelRule, verbRule } from "../../src/parse/roles.js";
import type { RoleRule } from "../../src/parse/rules.js";
import { normalizeText } from "../../src/text/normalize.js";

const vocabulary = roleVocabulary();
/** What a rule reads from the whole of `raw`: [role, units text] per segment, and whether the text keeps the bracket. */
const read = (rule: RoleRule, raw: string, where: "line" | "bracket" | "end" | "open" = "bracket") => {
  const text = normalizeText(raw);
  const r = rule.read(text, 0, text.length, where);
  return r === undefined ? undefined : { roles: r.segments.map((s) => [s.role, text.slice(s.from, s.to)]), keep: r.keepText === true };
};

describe("roleLabels", () => {
  const rule = labelRule(vocabulary);
  it("reads labelled lists, each label to the next", () => {
    expect(read(rule, "牵头单位：县司法局；责任单位：各乡镇、县直有关单位", "line")?.roles).toEqual([
      ["lead", "县司法局"],
      ["responsible", "各乡镇、县直有关单位"],
    ]);
  });

  it("knows the label variants", () => {
    for (const [label, role] of [["牵头责任单位", "lead"], ["主要责任单位", "responsible"], ["牵头部门", "lead"], ["责任部门", "responsible"], ["配合部门", "support"], ["协办单位", "support"], ["参与单位", "support"], ["责任主体", "responsible"], ["协同配合单位", "support"]] as const) {
      expect(read(rule, `${label}：县司法局`, "line")?.roles).toEqual([[role, "县司法局"]]);
    }
    expect(ROLE_WORDS["主责单位"]).toBe("lead");
  });

  it("reads 协同责任单位 as responsible (it names 责任单位), unlike 协同配合单位", () => {
    expect(read(rule, "牵头责任单位：省商务厅。协同责任单位：省财政厅、省税务局等。", "line")?.roles).toEqual([
      ["lead", "省商务厅"],
      ["responsible", "省财政厅、省税务局等"],
    ]);
  });

  it("reads a verb list after 部门分工：", () => {
    expect(read(rule, "部门分工:省发展改革委牵头,各地、各部门配合", "line")?.roles).toEqual([
      ["lead", "省发展改革委"],
      ["support", "各地、各部门"],
    ]);
  });

  it("accepts a missing colon inside brackets only, and needs a label first", () => {
    expect(read(rule, "责任单位市司法局")?.roles).toEqual([["responsible", "市司法局"]]);
    expect(read(rule, "责任单位市司法局", "line")).toBeUndefined();
    expect(read(rule, "按照规定，牵头单位：县司法局")).toBeUndefined();
  });

  it("takes county label words", () => {
    expect(read(labelRule(roleVocabulary({ 主抓单位: "lead" })), "主抓单位：县司法局", "line")?.roles).toEqual([["lead", "县司法局"]]);
  });
});

describe("roleVerbs", () => {
  const rule = verbRule(vocabulary);
  it("reads X牵头，Y配合 / X、Y共同负责，Z配合 / X负责 / 各负其责", () => {
    expect(read(rule, "市政府办公厅牵头,各区政府、市政府各部门负责落实")?.roles).toEqual([["lead", "市政府办公厅"], ["responsible", "各区政府、市政府各部门"]]);
    expect(read(rule, "市编办、市政府法制办共同负责,市财政局及相关部门配合")?.roles).toEqual([["responsible", "市编办、市政府法制办"], ["support", "市财政局及相关部门"]]);
    expect(read(rule, "市审计局负责")?.roles).toEqual([["responsible", "市审计局"]]);
    expect(read(rule, "市政府法制办牵头,市政府办公厅、市信息办及相关部门各负其责")?.roles.at(-1)).toEqual(["responsible", "市政府办公厅、市信息办及相关部门"]);
  });

  it("reads 由X会同Y实施 and X组织Y(实施): X leads, Y supports", () => {
    expect(read(rule, "由市司法局会同信访局、劳动和社会保障局等部门实施")?.roles).toEqual([["lead", "市司法局"], ["support", "信访局、劳动和社会保障局等部门"]]);
    expect(read(rule, "市政府法制办组织有关部门")?.roles).toEqual([["lead", "市政府法制办"], ["support", "有关部门"]]);
    expect(read(rule, "市编办牵头、市人事局、市财政局组织有关部门进行,2006年年底前完成")).toEqual({
      roles: [["lead", "市编办"], ["responsible", "市人事局、市财政局"], ["support", "有关部门"]],
      keep: true,
    });
    expect(read(rule, "由市信访局、监察局组织实施")?.roles).toEqual([["responsible", "市信访局、监察局"]]);
  });

  it("continues the role for a clause of unit names without a verb, keeps deadlines and notes in the text", () => {
    expect(read(rule, "市监察局会同市府办,市信访局、法制局")?.roles.at(-1)).toEqual(["support", "市信访局、法制局"]);
    expect(read(rule, "国务院各部门分别负责,年内持续推进")).toEqual({ roles: [["responsible", "国务院各部门"]], keep: true });
    expect(read(rule, "司法厅按职责分工负责,以下均需各市(州)人民政府落实,不再列出")).toEqual({ roles: [["responsible", "司法厅"]], keep: true });
  });

  it("leaves the last verbless clause of a bracket cut off by the end of a fragment", () => {
    expect(read(rule, "县监察局、县行政服务中心分工负责,有关部门", "open")?.roles).toEqual([["responsible", "县监察局、县行政服务中心"]]);
  });

  it("is not fooled by prose in brackets", () => {
    for (const prose of ["试行", "不经调查研究不决策、不经合法性审查不决策", "以下简称“三项制度”", "由县政府负责解释", "2021—2025年"]) expect(read(rule, prose)).toBeUndefined();
  });

  it("is not used for role lines", () => {
    expect(read(rule, "县司法局牵头", "line")).toBeUndefined();
  });
});

describe("bareUnitList", () => {
  it("reads a bracket of unit names at the end of a task as responsible", () => {
    const text = "加强审查。（市政府办公室、市政府法制办）";
    const r = bareListRule.read(text, 6, text.length - 1, "end");
    expect(r?.segments.map((s) => [s.role, text.slice(s.from, s.to)])).toEqual([["responsible", "市政府办公室、市政府法制办"]]);
  });

  it("does not take 镇（街道） or a bracket inside the text for a unit list", () => {
    const text = "推动镇（街道）";
    expect(bareListRule.read(text, 3, 5, "end")).toBeUndefined();
    expect(bareListRule.read("（县司法局、县法院）", 1, 9, "bracket")).toBeUndefined();
  });
});

describe("roleLabelAt", () => {
  it("finds a label with its colon, the longest first", () => {
    expect(roleLabelAt(vocabulary, "主要责任单位：甲", 0)).toEqual(["主要责任单位", "responsible", 7]);
    expect(roleLabelAt(vocabulary, "责任单位要落实", 0)).toBeUndefined();
  });
});

describe("roleVerbs: unit clauses before the verb", () => {
  it("give the verb's role to the units listed before it", () => {
    expect(read(verbRule(vocabulary), "省直各部门(单位),各市(州)人民政府按职责分工负责")?.roles).toEqual([
      ["responsible", "省直各部门（单位）"],
      ["responsible", "各市（州）人民政府"],
    ]);
  });
});
