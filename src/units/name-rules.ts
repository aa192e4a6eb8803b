// What a unit's name says about it: the rules inferRoster guesses with. Each is a small named rule
// in a list, tried in order (the first that claims a name decides), so that a county adds or
// corrects one without threading a flag through a function. Guesses, all of them: an inferred
// roster says so, and staff check it.
import type { GroupScope, UnitKind, UnitLevel } from "../model/unit.js";

/** A rule that guesses something from a (normalised, space-free) name. */
export interface NameRule<T> {
  readonly name: string;
  readonly test: RegExp;
  readonly value: T;
}

/**
 * Collective phrases the built-in group table does not list: a phrase that names a set of units
 * rather than one. `有关`/`相关`/`其他` make the set a candidate one (relevant), as in DEFAULT_GROUPS.
 */
export const COLLECTIVE_RULES: readonly NameRule<GroupScope>[] = [
  // 有关部门及各县, 市级其他有关单位, 市政府相关部门, 其他部门: some of them, not all.
  { name: "relevant", test: /有关|相关|其他|其它/, value: "relevant" },
  // 各部门, 国务院各部门, 市直各单位, 各县（市、区）政府, 各行政执法部门: every one of them.
  { name: "each", test: /各(?!自)/, value: "all" },
  // 县（市、区）人民政府, 市（州）人民政府, 县区政府, 乡镇人民政府, 乡镇（街道）: the governments below, as a class.
  // 县（市、区）政府法制办: the same office of each of them.
  { name: "lower-governments", test: /^(?:(?:县区|区县|县市区|乡镇街道|乡镇|镇街)(?:人民政府|政府|党委政府|街道办事处|办事处)?$|(?:乡镇|[县区市州乡镇])[（(][^）)]{1,8}[）)])/, value: "all" },
  // 部门, 单位, 市政府部门, 行政执法机关: a class noun names a kind of unit, not one (a unit's own name ends in 局, 委, 办 …).
  { name: "class-noun", test: /(?:部门|单位|机关|机构)$/, value: "relevant" },
];

/** The first rule that claims a name, if any. */
export const firstRule = <T>(rules: readonly NameRule<T>[], name: string): NameRule<T> | undefined => rules.find((r) => r.test.test(name));

/**
 * 按名称猜测单位类别的规则，按顺序尝试。The rules that guess a unit's kind from its name, in
 * order; a name no rule claims is `other`.
 */
export const KIND_RULES: readonly NameRule<UnitKind>[] = [
  { name: "court", test: /法院$|法庭$/, value: "court" },
  { name: "procuratorate", test: /检察院$/, value: "procuratorate" },
  { name: "peoples-congress", test: /人大|人民代表大会/, value: "peoples_congress" },
  { name: "cppcc", test: /政协|政治协商会议/, value: "cppcc" },
  // 工会, 妇联, 团县委, 残联, 科协, 工商联, companies and banks: people's organisations and enterprises.
  { name: "mass-organisation", test: /工会|妇联|团[省市县区]委|共青团|残联|科协|工商联|红十字会|公司$|集团$|银行$/, value: "other" },
  { name: "subdistrict", test: /街道(?:办事处|党工委)?$/, value: "subdistrict" },
  { name: "township", test: /[乡镇](?:人民政府|政府|党委)?$/, value: "township" },
  // 市生态环境局武陟分局, 武陟金融监管支局, 税务局, 海关: branches of a higher-level authority.
  { name: "vertical-branch", test: /分局$|支局$|税务局$|国税局$|地税局$|海关$/, value: "vertical_branch" },
  // 县委编办, 市委人才办, 县纪委监委, 组织部, 政法委, 党校: organs of the Party committee.
  { name: "party", test: /^(?:中共)?[^委]{0,8}?[省市县区州旗]委(?!员会)|党委|党工委|纪委|监委|政法委|编办|编委|组织部|宣传部|统战部|网信办|党校|工委$/, value: "party_department" },
  // 融媒体中心, 电视台, 报社: public media, institutions rather than departments.
  { name: "media", test: /媒体中心$|电视台$|广播电视台$|报社$/, value: "public_institution" },
  // 局/委/办/中心 and their long forms: departments of the government.
  { name: "department", test: /(?:局|委|办|办公室|办公厅|委员会|中心|厅|署)$/, value: "government_department" },
  { name: "institution", test: /(?:学校|学院|大学|中学|小学|幼儿园|医院|卫生院|研究院|研究所|站|所|馆|电视台|报社)$/, value: "public_institution" },
];

/** The level of a name's first character: 省 → province, 市/州/盟 → city, 县/区/旗 → county, 乡/镇 → township. */
const LEVEL_OF_CHAR: Readonly<Record<string, UnitLevel>> = { 省: "province", 市: "city", 州: "city", 盟: "city", 县: "county", 区: "county", 旗: "county", 乡: "township", 镇: "township" };

/** The level a place name ends with (武陟县 → county, 湖州市 → city), if any. */
export const levelOfPlace = (place: string | undefined): UnitLevel | undefined => (place === undefined ? undefined : LEVEL_OF_CHAR[place.at(-1) ?? ""]);

/**
 * 按名称猜测单位层级：名称以本地地名开头时为本地的层级；以省、市、县、区、乡、镇等开头时为其层级；乡镇街道为乡镇级；
 * 国务院、国家、中央为国家级；没有层级前缀时为本地的层级（不知道本地时不猜）。
 * A unit's level from its name: the place's own level when the name starts with it; the level
 * of a leading 省/市/州/县/区/旗/乡/镇; township for townships and subdistricts; national for
 * 国务院/国家/中央; else the place's level (none when the place is unknown).
 */
export const guessLevel = (name: string, kind: UnitKind, place: string | undefined): UnitLevel | undefined => {
  if (place !== undefined && name.startsWith(place)) return levelOfPlace(place);
  if (kind === "township" || kind === "subdistrict") return "township";
  if (/^(?:国务院|国家|中央|全国)/.test(name)) return "national";
  const first = LEVEL_OF_CHAR[name[0] ?? ""];
  if (first !== undefined && name.length > 1) return first;
  return levelOfPlace(place);
};

/** A unit's kind from its name: the first of {@link KIND_RULES} that claims it, else `other`. */
export const guessKind = (name: string): UnitKind => firstRule(KIND_RULES, name)?.value ?? "other";

/**
 * A name's type word, for matching an abbreviation with its full form: 办 stands for 办公室 and
 * 办公厅, 委 for 委员会 and 常委会; otherwise the last character (局, 院, 部, 中心 …).
 */
export const typeWord = (name: string): string => {
  const m = /(?:办公室|办公厅)$|(?:委员会|常委会)$|中心$|.$/u.exec(name);
  const w = m?.[0] ?? "";
  return w.startsWith("办公") ? "办" : w.endsWith("委员会") || w === "常委会" ? "委" : w;
};

/** The place a plan is from, e.g. 武陟县, from the start of its issuer, title or notice title. */
const PLACE = /^(?:中共)?([\u4e00-\u9fff]{1,6}?(?:自治县|自治州|自治旗|新区|县|市|区|旗|盟|州|省))/;
const NOT_A_PLACE = /政府|委|局|办|法治|年|关于|印发|工作|人民|各/;

/**
 * 从发文单位、标题、通知标题的开头读出地名（如“武陟县”）；读不出时为 undefined。
 * The place a plan is from, read from the start of its issuer, title or notice title.
 */
export const placeOf = (texts: ReadonlyArray<string | undefined>): string | undefined => {
  for (const t of texts) {
    if (t === undefined) continue;
    const m = PLACE.exec(t.replace(/\s+/g, "").replace(/^关于印发?[《“]?/, ""));
    const place = m?.[1];
    if (place !== undefined && !NOT_A_PLACE.test(place) && LEVEL_OF_CHAR[place[0] as string] === undefined) return place;
  }
  return undefined;
};
