// What a unit's name says about it (src/units/name-rules.ts): the kind, the level, the type word
// and the place guessed from names as county documents write them, and the collective phrases the
// built-in table does not list. inferRoster guesses with these; the tables below are written from
// how the names read, not copied from the code.
import { describe, expect, it } from "vitest";
import { COLLECTIVE_RULES, firstRule, guessKind, guessLevel, KIND_RULES, levelOfPlace, type NameRule, placeOf, typeWord } from "../../src/units/name-rules.js";

describe("guessKind", () => {
  const KINDS: ReadonlyArray<readonly [string, string]> = [
    ["县人民法院", "court"],
    ["城关人民法庭", "court"],
    ["县人民检察院", "procuratorate"],
    ["县人大常委会", "peoples_congress"],
    ["县人民代表大会常务委员会", "peoples_congress"],
    ["县政协", "cppcc"],
    ["中国人民政治协商会议某某县委员会", "cppcc"],
    ["县总工会", "other"],
    ["县妇联", "other"],
    ["团县委", "other"],
    ["共青团某某县委员会", "other"],
    ["县残联", "other"],
    ["县科协", "other"],
    ["县工商联", "other"],
    ["县红十字会", "other"],
    ["县供电公司", "other"],
    ["县投资集团", "other"],
    ["县农村商业银行", "other"],
    ["东城街道", "subdistrict"],
    ["东城街道办事处", "subdistrict"],
    ["东城街道党工委", "subdistrict"],
    ["城关镇", "township"],
    ["城关镇人民政府", "township"],
    ["城关镇政府", "township"],
    ["城关镇党委", "township"],
    ["西河乡", "township"],
    ["市生态环境局某某分局", "vertical_branch"],
    ["某某金融监管支局", "vertical_branch"],
    ["国家税务总局某某县税务局", "vertical_branch"],
    ["县国税局", "vertical_branch"],
    ["县地税局", "vertical_branch"],
    ["某某海关", "vertical_branch"],
    ["县委办", "party_department"],
    ["中共某某县委", "party_department"],
    ["县委编办", "party_department"],
    ["市委人才办", "party_department"],
    ["县纪委监委", "party_department"],
    ["县委组织部", "party_department"],
    ["县委宣传部", "party_department"],
    ["县委统战部", "party_department"],
    ["县委政法委", "party_department"],
    ["县委网信办", "party_department"],
    ["县委党校", "party_department"],
    ["县直机关工委", "party_department"],
    ["县编委", "party_department"],
    ["县融媒体中心", "public_institution"],
    ["县电视台", "public_institution"],
    ["县广播电视台", "public_institution"],
    ["县报社", "public_institution"],
    ["县司法局", "government_department"],
    ["县发展改革委", "government_department"],
    ["县政府办", "government_department"],
    ["县政府办公室", "government_department"],
    ["市政府办公厅", "government_department"],
    ["县卫生健康委员会", "government_department"],
    ["县政务服务中心", "government_department"],
    ["省司法厅", "government_department"],
    ["县第一中学", "public_institution"],
    ["县实验小学", "public_institution"],
    ["县职业技术学校", "public_institution"],
    ["县人民医院", "public_institution"],
    ["城关镇卫生院", "public_institution"],
    ["县农业科学研究所", "public_institution"],
    ["县图书馆", "public_institution"],
    ["县气象站", "public_institution"],
    // 中心 inside a name is no department: a hospital or school called 中心 is an institution.
    ["县中心医院", "public_institution"],
    ["城关镇中心小学", "public_institution"],
    // A unit's Party committee is a Party organ, whatever unit it belongs to.
    ["县人民法院机关党委", "party_department"],
    ["县人民检察院机关党委", "party_department"],
    ["县供电公司党委", "party_department"],
    ["县投资集团党委", "party_department"],
    ["县农村商业银行党委", "party_department"],
    ["市生态环境局某某分局党委", "party_department"],
    ["某某金融监管支局党委", "party_department"],
    ["县税务局党委", "party_department"],
    ["县国税局党委", "party_department"],
    ["县地税局党委", "party_department"],
    ["某某海关党委", "party_department"],
    ["县政府", "other"],
    ["某某", "other"],
  ];
  it.each(KINDS)("%s → %s", (name, kind) => {
    expect(guessKind(name)).toBe(kind);
  });
});

describe("guessLevel", () => {
  it("a name that starts with the place has the place's level", () => {
    expect(guessLevel("某某县司法局", "government_department", "某某县")).toBe("county");
    expect(guessLevel("某某市司法局", "government_department", "某某市")).toBe("city");
    // A place whose name starts with a level character (市中区 is a district): its own level, not the character's.
    expect(guessLevel("市中区司法局", "government_department", "市中区")).toBe("county");
    expect(guessLevel("市中区", "other", "市中区")).toBe("county");
  });

  it("townships and subdistricts are at the township level, whatever their name starts with", () => {
    expect(guessLevel("城关镇", "township", "某某县")).toBe("township");
    expect(guessLevel("东城街道", "subdistrict", "某某区")).toBe("township");
    expect(guessLevel("县城关镇", "township", "某某县")).toBe("township");
  });

  it("国务院, 国家, 中央 and 全国 at the start are national", () => {
    for (const name of ["国务院办公厅", "国家税务总局某某县税务局", "中央编办", "全国人大常委会"]) expect(guessLevel(name, "government_department", "某某县")).toBe("national");
    // The old county tax bureau: 国家 inside the name is not a national unit.
    expect(guessLevel("县国家税务局", "vertical_branch", "某某县")).toBe("county");
  });

  it("a leading 省, 市, 州, 盟, 县, 区, 旗, 乡 or 镇 gives its level", () => {
    const levels = ["省司法厅", "市司法局", "州司法局", "盟司法局", "县司法局", "区司法局", "旗司法局", "乡政府办", "镇政府办"].map((n) => guessLevel(n, "government_department", "某某县"));
    expect(levels).toEqual(["province", "city", "city", "city", "county", "county", "county", "township", "township"]);
    expect(guessLevel("市司法局", "government_department", undefined)).toBe("city");
  });

  it("without a level in the name, the place's level; without a place, none", () => {
    expect(guessLevel("司法局", "government_department", "某某市")).toBe("city");
    expect(guessLevel("司法局", "government_department", undefined)).toBeUndefined();
    // A single character is no prefix: the place decides.
    expect(guessLevel("市", "other", "某某县")).toBe("county");
    expect(guessLevel("某某县", "other", "某某县")).toBe("county");
  });

  it("levelOfPlace reads the place's last character", () => {
    expect(["某某省", "某某市", "某某自治州", "某某盟", "某某县", "某某区", "某某旗", "某某乡", "某某镇", "某某"].map(levelOfPlace)).toEqual([
      "province", "city", "city", "city", "county", "county", "county", "township", "township", undefined,
    ]);
    expect(levelOfPlace(undefined)).toBeUndefined();
    expect(levelOfPlace("")).toBeUndefined();
  });
});

describe("typeWord", () => {
  it("办 for 办公室 and 办公厅, 委 for 委员会 and 常委会, 中心 whole, else the last character", () => {
    expect(["县政府办公室", "市政府办公厅", "县政府办", "县卫生健康委员会", "县人大常委会", "县发改委", "县政务服务中心", "县司法局", "县人民法院", "县委组织部"].map(typeWord)).toEqual([
      "办", "办", "办", "委", "委", "委", "中心", "局", "院", "部",
    ]);
  });

  it("reads only the end of a name", () => {
    expect(["县办公室主任", "县委员会办", "县中心医院", "县常委会议室"].map(typeWord)).toEqual(["任", "办", "院", "室"]);
    expect(typeWord("")).toBe("");
  });
});

describe("placeOf", () => {
  it("reads the place from the start of the issuer, the title or the notice title, the first that has one", () => {
    expect(placeOf(["某某县人民政府"])).toBe("某某县");
    expect(placeOf([undefined, "某某市2025年法治政府建设工作要点"])).toBe("某某市");
    expect(placeOf(["", "某某区2025年工作安排"])).toBe("某某区");
    expect(placeOf(["中共某某县委办公室"])).toBe("某某县");
    expect(placeOf(["关于印发《某某旗2024年法治政府建设工作安排》的通知"])).toBe("某某旗");
    expect(placeOf(["关于印发“某某市法治政府建设工作要点”的通知"])).toBe("某某市");
    expect(placeOf(["关于印发某某县2024年法治政府建设工作要点的通知"])).toBe("某某县");
    expect(placeOf(["某 某 县 人民政府"])).toBe("某某县");
    expect(placeOf(["某某自治县人民政府"])).toBe("某某自治县");
    expect(placeOf(["某某新区管委会"])).toBe("某某新区");
  });

  it("takes the shortest place at the start (a county's name, not a city's and the county's)", () => {
    expect(placeOf(["某某市某某县人民政府"])).toBe("某某市");
  });

  it("is not fooled by a name or phrase that only looks like a place", () => {
    for (const t of ["县司法局", "市政府办公厅", "各县区政府", "县人民政府", "区县政府", "2024年法治政府建设工作安排", "法治政府建设年度报告", "关于印发的通知", "“十四五”时期某某县法治政府建设规划", "关于某某县法治政府建设的实施意见", "某某年度工作区"]) {
      expect(placeOf([t]), t).toBeUndefined();
    }
    expect(placeOf([])).toBeUndefined();
    expect(placeOf([undefined, undefined])).toBeUndefined();
    expect(placeOf(["县司法局", "某某县2025年工作安排"])).toBe("某某县");
  });
});

describe("COLLECTIVE_RULES: phrases the built-in table does not list", () => {
  const PHRASES: ReadonlyArray<readonly [string, string | undefined]> = [
    ["有关部门及各县", "relevant"],
    ["市级其他有关单位", "relevant"],
    ["市政府相关部门", "relevant"],
    ["其他部门", "relevant"],
    ["其它部门", "relevant"],
    ["国务院各部门", "all"],
    ["市直各单位", "all"],
    ["各县（市、区）政府", "all"],
    ["各行政执法部门", "all"],
    ["县区政府", "all"],
    ["区县人民政府", "all"],
    ["县市区政府", "all"],
    ["乡镇街道", "all"],
    ["乡镇人民政府", "all"],
    ["镇街", "all"],
    ["县区党委政府", "all"],
    ["乡镇街道办事处", "all"],
    ["镇街办事处", "all"],
    ["县（市、区）人民政府", "all"],
    ["市（州）人民政府", "all"],
    ["县(市、区)政府法制办", "all"],
    ["乡镇（街道）", "all"],
    ["乡镇（街道）司法所", "all"],
    ["县（市）", "all"],
    ["部门", "relevant"],
    ["单位", "relevant"],
    ["市政府部门", "relevant"],
    ["行政执法机关", "relevant"],
    ["议事协调机构", "relevant"],
    // One unit, not a set.
    ["县司法局", undefined],
    ["县区政府办公室", undefined],
    ["市乡镇企业局", undefined],
    ["县部门预算编审中心", undefined],
    ["某某高新区（某某镇）", undefined],
    ["各自", undefined],
  ];
  it.each(PHRASES)("%s → %s", (phrase, scope) => {
    expect(firstRule(COLLECTIVE_RULES, phrase)?.value).toBe(scope);
  });
});

describe("each rule alone, found by its name", () => {
  // A rule is named so that a county can find, correct or replace it; each claims what its
  // comment says and reads the end of a name where the comment says so.
  const named = <T>(rules: readonly NameRule<T>[], name: string): NameRule<T> => {
    const rule = rules.find((r) => r.name === name);
    if (rule === undefined) throw new Error(`no rule named ${name}`);
    return rule;
  };
  const KIND: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
    ["court", ["县人民法院", "城关人民法庭"], ["县人民法院机关党委", "某某法庭科学研究所"]],
    ["procuratorate", ["县人民检察院"], ["县人民检察院机关党委"]],
    ["peoples-congress", ["县人大常委会", "县人民代表大会常务委员会"], ["县司法局"]],
    ["cppcc", ["县政协", "中国人民政治协商会议某某县委员会"], ["县司法局"]],
    ["mass-organisation", ["县总工会", "团县委", "县供电公司", "县投资集团", "县农村商业银行"], ["县供电公司党委", "县投资集团党委", "县农村商业银行党委", "县司法局"]],
    ["subdistrict", ["东城街道", "东城街道办事处", "东城街道党工委"], ["东城街道司法所"]],
    ["township", ["城关镇", "西河乡", "城关镇人民政府", "城关镇党委"], ["城关镇司法所"]],
    [
      "vertical-branch",
      ["市生态环境局某某分局", "某某金融监管支局", "县税务局", "县国税局", "县地税局", "某某海关"],
      ["市生态环境局某某分局党委", "某某金融监管支局党委", "县税务局党委", "县国税局党委", "县地税局党委", "某某海关党委"],
    ],
    ["party", ["中共某某县委", "县委编办", "县纪委监委", "县委党校", "县直机关工委"], ["县总工会女职工委员会", "县司法局"]],
    ["media", ["县融媒体中心", "县电视台", "县广播电视台", "县报社"], ["县融媒体中心新闻部", "县电视台新闻部", "县广播电视台新闻部", "县报社新闻部"]],
    ["department", ["县司法局", "县发展改革委", "县政府办公室", "县政务服务中心", "省司法厅"], ["县中心医院", "县司法局城关司法所"]],
    ["institution", ["县第一中学", "县人民医院", "城关镇卫生院", "县图书馆", "县气象站"], ["县人民医院护理部", "县第一中学教务处"]],
  ];
  it.each(KIND)("kind rule %s", (name, claims, declines) => {
    const rule = named(KIND_RULES, name);
    for (const n of claims) expect(rule.test.test(n), `${name} claims ${n}`).toBe(true);
    for (const n of declines) expect(rule.test.test(n), `${name} declines ${n}`).toBe(false);
  });

  const COLLECTIVE: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
    ["relevant", ["有关部门及各县", "市政府相关部门", "其他部门"], ["县司法局"]],
    ["each", ["各部门", "市直各单位"], ["各自", "县司法局"]],
    // A development zone run together with a town, 某某高新区（某某镇）, is one unit: the bracket counts only at the start.
    ["lower-governments", ["县区政府", "乡镇（街道）", "县（市、区）人民政府"], ["某某高新区（某某镇）", "各县（市、区）政府", "县司法局"]],
    ["class-noun", ["部门", "行政执法机关"], ["县司法局"]],
  ];
  it.each(COLLECTIVE)("collective rule %s", (name, claims, declines) => {
    const rule = named(COLLECTIVE_RULES, name);
    for (const n of claims) expect(rule.test.test(n), `${name} claims ${n}`).toBe(true);
    for (const n of declines) expect(rule.test.test(n), `${name} declines ${n}`).toBe(false);
  });

  it("every rule has a name of its own", () => {
    for (const rules of [KIND_RULES, COLLECTIVE_RULES] as ReadonlyArray<readonly NameRule<unknown>[]>) {
      expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
    }
  });
});
