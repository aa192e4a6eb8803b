import * as z from "zod";
import { IsoDate } from "./dates.js";
import { GroupId, UnitId } from "./ids.js";

/**
 * 单位类别。The kind of a unit.
 *
 * | code | 中文 |
 * |---|---|
 * | `township` | 乡镇 |
 * | `subdistrict` | 街道 |
 * | `government_department` | 政府部门 |
 * | `party_department` | 党委部门 |
 * | `peoples_congress` | 人大 |
 * | `cppcc` | 政协 |
 * | `court` | 法院 |
 * | `procuratorate` | 检察院 |
 * | `vertical_branch` | 垂直管理分局（上级机关派驻，如 市生态环境局武陟分局） |
 * | `public_institution` | 事业单位 |
 * | `other` | 其他 |
 *
 * @category Model
 * @example
 * UnitKind.parse("vertical_branch");
 */
export const UnitKind = z
  .enum([
    "township",
    "subdistrict",
    "government_department",
    "party_department",
    "peoples_congress",
    "cppcc",
    "court",
    "procuratorate",
    "vertical_branch",
    "public_institution",
    "other",
  ])
  .meta({ id: "UnitKind", title: "单位类别" });
/** @category Model */
export type UnitKind = z.infer<typeof UnitKind>;

/**
 * 单位类别的中文名称。Chinese labels of the unit kinds.
 *
 * @category Model
 * @example
 * UNIT_KIND_LABELS.court;
 * //=> "法院"
 */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = Object.freeze({
  township: "乡镇",
  subdistrict: "街道",
  government_department: "政府部门",
  party_department: "党委部门",
  peoples_congress: "人大",
  cppcc: "政协",
  court: "法院",
  procuratorate: "检察院",
  vertical_branch: "垂直管理分局",
  public_institution: "事业单位",
  other: "其他",
});

/**
 * 单位的层级：名称前缀所示的行政层级。The administrative level a unit's name shows.
 *
 * | code | 中文 |
 * |---|---|
 * | `national` | 中央、国家 |
 * | `province` | 省 |
 * | `city` | 市、州、盟 |
 * | `county` | 县、区、旗（县级） |
 * | `township` | 乡、镇、街道 |
 *
 * @category Model
 * @example
 * UnitLevel.parse("county");
 */
export const UnitLevel = z.enum(["national", "province", "city", "county", "township"]).meta({ id: "UnitLevel", title: "单位层级" });
/** @category Model */
export type UnitLevel = z.infer<typeof UnitLevel>;

/**
 * 单位曾用名及其有效期（机构改革中的更名、合并）。两端日期均含；缺省表示不限。
 * A former name with the dates it was valid (renames and merges in 机构改革); both ends
 * inclusive, a missing end means open.
 *
 * @category Model
 * @example
 * FormerName.parse({ name: "县工商局", validTo: "2019-02-28", note: "并入县市场监管局" });
 */
export const FormerName = z
  .strictObject({
    name: z.string().min(1),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
    note: z.string().optional(),
  })
  .meta({ id: "FormerName", title: "曾用名" });
/** @category Model */
export type FormerName = z.infer<typeof FormerName>;

/**
 * 单位的外部标识，如统一社会信用代码 `{ scheme: "uscc", value: "…" }`。
 * An identifier in another system, e.g. the unified social credit code.
 *
 * @category Model
 * @example
 * UnitIdentifier.parse({ scheme: "uscc", value: "11410823MB0000000X" });
 */
export const UnitIdentifier = z
  .strictObject({ scheme: z.string().min(1), value: z.string().min(1) })
  .meta({ id: "UnitIdentifier", title: "单位标识" });
/** @category Model */
export type UnitIdentifier = z.infer<typeof UnitIdentifier>;

/**
 * 单位：编号、名称、别名、曾用名、类别、层级、上级单位和外部标识。`validFrom`/`validTo` 为单位存续期（含两端）。
 * A unit of the county: id, official name, aliases (short forms), former names, kind, level,
 * parent and identifiers. `validFrom`/`validTo` bound its existence (inclusive).
 *
 * @category Model
 * @example
 * Unit.parse({ id: "sfj", name: "县司法局", kind: "government_department", aliases: ["司法局", "武陟县司法局"] });
 */
export const Unit = z
  .strictObject({
    id: UnitId,
    name: z.string().min(1),
    kind: UnitKind,
    level: UnitLevel.optional(),
    aliases: z.array(z.string().min(1)).optional(),
    formerNames: z.array(FormerName).optional(),
    parent: UnitId.optional(),
    identifiers: z.array(UnitIdentifier).optional(),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
    note: z.string().optional(),
  })
  .meta({ id: "Unit", title: "单位" });
/** @category Model */
export type Unit = z.infer<typeof Unit>;

/**
 * 单位组的选择条件：按类别、按明确成员，再排除指定单位；`exceptNamed` 表示排除同一分工段落中已直接点名的单位
 * （如“县政府其他部门按职责分工负责”）。
 * Which roster units a group selects: by kind and/or explicit members, minus exclusions;
 * `exceptNamed` also leaves out the units named directly in the same clause (县政府其他部门…).
 *
 * @category Model
 * @example
 * GroupSelector.parse({ kinds: ["township", "subdistrict"] });
 */
export const GroupSelector = z
  .strictObject({
    kinds: z.array(UnitKind).optional(),
    members: z.array(UnitId).optional(),
    exclude: z.array(UnitId).optional(),
    exceptNamed: z.boolean().optional(),
  })
  .meta({ id: "GroupSelector", title: "单位组选择条件" });
/** @category Model */
export type GroupSelector = z.infer<typeof GroupSelector>;

/**
 * 单位组的范围：`all` 指全部成员，`relevant`（“有关”）指候选集合，并非每个成员都负有责任。
 * `all`: every member is bound; `relevant` (有关): the members are candidates, not certainties.
 *
 * @category Model
 * @example
 * GroupScope.parse("relevant");
 */
export const GroupScope = z.enum(["all", "relevant"]).meta({ id: "GroupScope", title: "单位组范围" });
/** @category Model */
export type GroupScope = z.infer<typeof GroupScope>;

/**
 * 单位组：公文中的集合称谓（如“各乡镇人民政府、街道办事处”“县直有关单位”）对应的选择条件。
 * A unit group: the collective phrases of the documents (`phrases`) and what they select.
 *
 * @category Model
 * @example
 * UnitGroup.parse({
 *   id: "county-units",
 *   name: "县直有关单位",
 *   phrases: ["县直有关单位", "各有关部门"],
 *   scope: "relevant",
 *   select: { kinds: ["government_department", "party_department"] },
 * });
 */
export const UnitGroup = z
  .strictObject({
    id: GroupId,
    name: z.string().min(1),
    phrases: z.array(z.string().min(1)).optional(),
    scope: GroupScope,
    select: GroupSelector,
    note: z.string().optional(),
  })
  .meta({ id: "UnitGroup", title: "单位组" });
/** @category Model */
export type UnitGroup = z.infer<typeof UnitGroup>;

/**
 * 单位名录的来源说明；`provisional` 表示名录是推断得出、尚待核对的。Where a roster came from;
 * `provisional` marks one that was inferred and is not yet checked.
 *
 * @category Model
 * @example
 * RosterSource.parse({ title: "武陟县2024年度法治政府建设工作安排中出现的单位" });
 */
export const RosterSource = z
  .strictObject({
    title: z.string().min(1),
    url: z.string().optional(),
    retrieved: IsoDate.optional(),
    note: z.string().optional(),
    provisional: z.boolean().optional().meta({
      description: "推断得出、尚待核对（如由公文推断的名录）；核对后删去或改为 false。Inferred and not yet checked (e.g. a roster inferred from the document); remove it, or set false, once checked.",
    }),
  })
  .meta({ id: "RosterSource", title: "名录来源" });
/** @category Model */
export type RosterSource = z.infer<typeof RosterSource>;

/**
 * 单位名录：县里的单位、单位组，以及名录的来源。由使用者提供。
 * The county's roster of units and groups, with its source. Supplied by the user.
 *
 * @category Model
 * @example
 * Roster.parse({
 *   id: "wuzhi",
 *   name: "武陟县",
 *   asOf: "2024-01-01",
 *   source: { title: "示例" },
 *   units: [{ id: "sfj", name: "县司法局", kind: "government_department" }],
 *   groups: [],
 * });
 */
export const Roster = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    asOf: IsoDate.optional(),
    source: RosterSource,
    units: z.array(Unit),
    groups: z.array(UnitGroup),
    missing: z.array(z.string().min(1)).optional().meta({
      description: "What the roster knows it lacks, e.g. the names of the townships, which the county must supply.",
    }),
  })
  .meta({ id: "Roster", title: "单位名录" });
/** @category Model */
export type Roster = z.infer<typeof Roster>;
