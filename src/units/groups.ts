import { deepFreeze } from "../model/freeze.js";
import { type UnitGroup, UnitKind } from "../model/unit.js";

/** Every county-level kind (all but townships and subdistricts): what 县直有关单位 may mean. */
const COUNTY_LEVEL: readonly UnitKind[] = UnitKind.options.filter((k) => k !== "township" && k !== "subdistrict");

/**
 * 内置的集合称谓表：公文中常见的集合称谓及其选择条件。单位名录中的 `groups` 优先，并可增加新的称谓。
 * The built-in table of collective phrases and what they select. A roster's own `groups` come
 * first and can add phrases; these apply to phrases the roster does not define.
 *
 * | 称谓 | 选择 | 范围 |
 * |---|---|---|
 * | 各乡镇人民政府、街道办事处；各镇人民政府（街道办事处）… | 乡镇 + 街道 | 全部 |
 * | 各乡镇人民政府；各乡镇 | 乡镇 | 全部 |
 * | 街道办事处；各街道 | 街道 | 全部 |
 * | 县政府各部门 | 政府部门 | 全部 |
 * | 县直有关单位；各有关部门；各有关单位 | 县级单位 | 有关（候选） |
 * | 县直各单位 | 县级单位 | 全部 |
 * | 县政府其他部门按职责分工负责 | 同段未点名的政府部门 | 有关（候选） |
 *
 * @category Responsibility
 * @example
 * DEFAULT_GROUPS.find((g) => g.phrases?.includes("县直有关单位"))?.scope;
 * //=> "relevant"
 */
export const DEFAULT_GROUPS: readonly UnitGroup[] = deepFreeze([
  {
    id: "townships-and-subdistricts",
    name: "各乡镇人民政府、街道办事处",
    phrases: ["各乡镇人民政府、街道办事处", "各乡镇政府、街道办事处", "各乡镇人民政府（街道办事处）", "各镇人民政府（街道办事处）", "各乡镇（街道）", "各镇（街道）", "各乡镇、街道", "各镇、街道"],
    scope: "all",
    select: { kinds: ["township", "subdistrict"] },
  },
  {
    id: "townships",
    name: "各乡镇人民政府",
    phrases: ["各乡镇人民政府", "各乡镇政府", "各乡镇", "各镇人民政府", "各镇政府", "各镇", "各乡、镇人民政府"],
    scope: "all",
    select: { kinds: ["township"] },
  },
  {
    id: "subdistricts",
    name: "街道办事处",
    phrases: ["街道办事处", "各街道办事处", "各街道"],
    scope: "all",
    select: { kinds: ["subdistrict"] },
  },
  {
    id: "government-departments",
    name: "县政府各部门",
    phrases: ["县政府各部门", "各部门", "各部门领导班子"],
    scope: "all",
    select: { kinds: ["government_department"] },
  },
  {
    id: "county-units-relevant",
    name: "县直有关单位",
    phrases: ["县直有关单位", "县直各有关单位", "各有关部门", "各有关单位", "有关部门", "有关单位", "相关部门", "相关单位"],
    scope: "relevant",
    select: { kinds: [...COUNTY_LEVEL] },
  },
  {
    id: "county-units",
    name: "县直各单位",
    phrases: ["县直各单位", "县直各部门", "县直单位"],
    scope: "all",
    select: { kinds: [...COUNTY_LEVEL] },
  },
  {
    id: "other-government-departments",
    name: "县政府其他部门按职责分工负责",
    phrases: ["县政府其他部门按职责分工负责", "县政府其他部门", "其他有关部门按职责分工负责", "其他有关部门"],
    scope: "relevant",
    select: { kinds: ["government_department"], exceptNamed: true },
  },
] as UnitGroup[]);
