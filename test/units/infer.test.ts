import { describe, expect, it } from "vitest";
import { Plan } from "../../src/model/plan.js";
import { readRoster } from "../../src/model/validate.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { inferRoster } from "../../src/units/infer.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { corpusText } from "../compare/support/evaluate.js";
import { seedRoster } from "../support/rosters.js";
import { lazy } from "../support/lazy.js";
import { seedText } from "../support/seed.js";

/** A small county document in the seed's layout, with the given unit lines. */
const doc = (title: string, ...tasks: string[]): string =>
  [title, "", "一、第一部分", ...tasks.map((t, i) => `（${"一二三四五六七八九十"[i]}）第${i + 1}项任务。\n${t}`)].join("\n");

const names = (r: ReturnType<typeof inferRoster>["roster"]) => r.units.map((u) => [u.name, ...(u.aliases ?? [])]);
const errorsOf = (text: string, roster = inferRoster(parsePlanText(text).plan).roster) => buildMatrix(parsePlanText(text).plan, roster).diagnostics.filter((d) => d.severity === "error");

describe("inferRoster on the bundled Wuzhi plan", () => {
  const { plan } = parsePlanText(seedText(), { id: "wuzhi-2024" });
  // Inferred inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
  const inferred = lazy(() => inferRoster(plan));

  it("finds the 32 units the hand-made roster lists, in the same order, with the same kinds", () => {
    const { roster } = inferred();
    const made = seedRoster();
    expect(roster.units.map((u) => [u.name, u.kind])).toEqual(made.units.map((u) => [u.name, u.kind]));
    expect(roster.units.every((u) => /^u-[0-9a-z]{7}$/.test(u.id))).toBe(true);
    expect(roster.units.find((u) => u.name === "市生态环境局武陟分局")).toMatchObject({ kind: "vertical_branch", level: "city" });
    expect(roster.units.filter((u) => u.level === "county")).toHaveLength(31);
  });

  it("turns the collective phrases into groups whose members are unknown, and says so", () => {
    const { roster } = inferred();
    expect(roster.groups.map((g) => [g.id, g.phrases, g.scope, g.select])).toEqual([
      ["townships-and-subdistricts", ["各乡镇人民政府、街道办事处"], "all", { members: [] }],
      ["county-units-relevant", ["县直有关单位"], "relevant", { members: [] }],
      ["government-departments", ["县政府各部门", "各部门领导班子"], "all", { members: [] }],
      ["other-government-departments", ["县政府其他部门"], "relevant", { members: [], exceptNamed: true }],
    ]);
    expect(roster.missing?.[0]).toContain("各乡镇人民政府、街道办事处");
  });

  it("is provisional, named after the place, passes readRoster, and every name of the plan resolves", () => {
    const { roster } = inferred();
    expect(roster).toMatchObject({ id: "wuzhi-2024", name: "武陟县", asOf: "2024-01-01", source: { provisional: true } });
    expect(roster.source.title).toBe("由《武陟县2024年度法治政府建设工作安排》推断的单位名录（待核对）");
    const read = readRoster(JSON.parse(JSON.stringify(roster)));
    expect(read.ok).toBe(true);
    const matrix = buildMatrix(plan, roster);
    expect(matrix.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(matrix.units).toHaveLength(32);
    expect(matrix.diagnostics.filter((d) => d.code === "group_unexpanded").length).toBe(4);
  });

  it("does not merge 县委办 into 县委编办 (one character more is often another unit) but points it out", () => {
    const { roster, diagnostics } = inferred();
    expect(diagnostics.filter((d) => d.code === "units_merged")).toEqual([]);
    const unsure = diagnostics.filter((d) => d.code === "merge_unsure");
    expect(unsure).toHaveLength(1);
    expect(unsure[0]).toMatchObject({ severity: "info", path: ["units", roster.units.findIndex((u) => u.name === "县委办")] });
    expect(unsure[0]!.message).toContain("“县委办”可能是“县委编办”的简称");
    expect(unsure[0]!.source?.line).toBeGreaterThan(0);
  });

  it("gives the same ids for the same document, whatever its id or file", () => {
    const { roster } = inferred();
    const again = inferRoster(parsePlanText(seedText(), { id: "plan" }).plan).roster;
    expect(again.units.map((u) => u.id)).toEqual(roster.units.map((u) => u.id));
  });
});

describe("short and long forms of one unit", () => {
  const text = doc(
    "某某县2025年法治政府建设工作安排",
    "牵头单位：县司法局、县政府办公室\n责任单位：司法局",
    "牵头单位：县政府办\n责任单位：某某县司法局、县人社局",
    "牵头单位：县人力资源和社会保障局\n责任单位：县政府法制办、县法制办",
  );
  const { plan } = parsePlanText(text);

  it("are merged, each merge reported where the merged form is written", () => {
    const { roster, diagnostics } = inferRoster(plan);
    expect(roster.name).toBe("某某县");
    expect(names(roster)).toEqual([
      ["县司法局", "司法局", "某某县司法局"],
      ["县政府办公室", "县政府办"],
      ["县人力资源和社会保障局", "县人社局"],
      ["县政府法制办", "县法制办"],
    ]);
    const merged = diagnostics.filter((d) => d.code === "units_merged");
    expect(merged.map((d) => d.message.slice(0, d.message.indexOf("（")))).toEqual([
      "“司法局”与“县司法局”视为同一单位“县司法局”",
      "“某某县司法局”与“县司法局”视为同一单位“县司法局”",
      "“县法制办”与“县政府法制办”视为同一单位“县政府法制办”",
      "“县政府办”与“县政府办公室”视为同一单位“县政府办公室”",
      "“县人社局”与“县人力资源和社会保障局”视为同一单位“县人力资源和社会保障局”",
    ]);
    expect(merged.every((d) => d.severity === "info" && d.source !== undefined)).toBe(true);
    expect(roster.units[1]!.note).toContain("由公文中的几种写法合并：县政府办公室、县政府办");
    expect(errorsOf(text)).toEqual([]);
  });

  it("keepApart undoes a merge, merge: false undoes them all, merges adds one", () => {
    const apart = inferRoster(plan, { keepApart: [["县政府办", "县政府办公室"]] }).roster;
    expect(names(apart)).toContainEqual(["县政府办"]);
    expect(names(apart)).toContainEqual(["县政府办公室"]);
    expect(errorsOf(text, apart)).toEqual([]);
    const none = inferRoster(plan, { merge: false });
    expect(none.roster.units).toHaveLength(9);
    expect(none.diagnostics.filter((d) => d.code === "units_merged")).toEqual([]);
    expect(errorsOf(text, none.roster)).toEqual([]);
    const explicit = inferRoster(plan, { merge: false, merges: [["县司法局", "司法局"]] });
    expect(names(explicit.roster)[0]).toEqual(["县司法局", "司法局"]);
    expect(explicit.diagnostics.filter((d) => d.code === "units_merged")[0]!.message).toContain("按 merges 选项");
  });

  it("never merges a city unit with the county's, nor an office with the bureau of the same field", () => {
    const t = doc("某某县2025年工作安排", "牵头单位：市司法局、县司法局、县信访局、县信访办、县公安局、县公安局交警大队");
    const { roster } = inferRoster(parsePlanText(t).plan);
    expect(roster.units.map((u) => u.name)).toEqual(["市司法局", "县司法局", "县信访局", "县信访办", "县公安局", "县公安局交警大队"]);
  });

  it("without a place, a bare name is the one prefixed form with the same rest", () => {
    const t = doc("工作任务", "牵头单位：市法制局、法制局、县监察局、市监察局、监察局");
    const { roster } = inferRoster(parsePlanText(t).plan);
    expect(roster.name).toBe("（地名未识别）");
    expect(roster.missing?.some((m) => m.includes("地名"))).toBe(true);
    // 监察局 could be the city's or the county's: left alone.
    expect(names(roster)).toEqual([["市法制局", "法制局"], ["县监察局"], ["市监察局"], ["监察局"]]);
  });
});

describe("kinds, levels and groups guessed from names", () => {
  it("guesses each kind by a named rule", () => {
    const t = doc(
      "某某区2025年工作要点",
      "牵头单位：区人民法院、区人民检察院、区人大常委会法工委、区政协办公室、区总工会、城关镇、东城街道、国家税务总局某某区税务局、区委组织部、区纪委监委、区融媒体中心、区第一中学、区政务服务中心、区政府",
    );
    const { roster } = inferRoster(parsePlanText(t).plan);
    expect(Object.fromEntries(roster.units.map((u) => [u.name, `${u.kind}/${u.level ?? "-"}`]))).toEqual({
      区人民法院: "court/county",
      区人民检察院: "procuratorate/county",
      区人大常委会法工委: "peoples_congress/county",
      区政协办公室: "cppcc/county",
      区总工会: "other/county",
      城关镇: "township/township",
      东城街道: "subdistrict/township",
      国家税务总局某某区税务局: "vertical_branch/national",
      区委组织部: "party_department/county",
      区纪委监委: "party_department/county",
      区融媒体中心: "public_institution/county",
      区第一中学: "public_institution/county",
      区政务服务中心: "government_department/county",
      区政府: "other/county",
    });
  });

  it("turns every collective phrase into a group: the built-in ones with their ids, others with their scope", () => {
    const t = doc("某某市2025年工作要点", "牵头单位：市司法局\n责任单位：各县（市、区）政府、市直各有关单位、县（市、区）政府法制办、市政府相关部门、行政执法部门、县直有关单位、各乡镇");
    const { roster } = inferRoster(parsePlanText(t).plan);
    expect(roster.units.map((u) => u.name)).toEqual(["市司法局"]);
    expect(roster.groups.map((g) => [g.name, g.scope, g.id.startsWith("g-") ? "g-…" : g.id])).toEqual([
      ["各县（市、区）政府", "all", "g-…"],
      ["市直各有关单位", "relevant", "g-…"],
      ["县（市、区）政府法制办", "all", "g-…"],
      ["市政府相关部门", "relevant", "g-…"],
      ["行政执法部门", "relevant", "g-…"],
      ["县直有关单位", "relevant", "county-units-relevant"],
      ["各乡镇", "all", "townships"],
    ]);
    expect(errorsOf(t)).toEqual([]);
  });

  it("reads 乡镇（街道） and the same office of each township (乡镇（街道）司法所) as groups, not as one unit", () => {
    const t = doc("某某县2025年工作安排", "牵头单位：县司法局\n责任单位：乡镇（街道）、乡镇（街道）司法所");
    const { roster } = inferRoster(parsePlanText(t).plan);
    expect(roster.units.map((u) => u.name)).toEqual(["县司法局"]);
    expect(roster.groups.map((g) => [g.name, g.scope])).toEqual([
      ["乡镇（街道）", "all"],
      ["乡镇（街道）司法所", "all"],
    ]);
  });

  it("warns of a name that is only a character (what a page break leaves)", () => {
    const { diagnostics } = inferRoster(parsePlanText(doc("工作任务", "牵头单位：市政府办公厅、市")).plan);
    expect(diagnostics.filter((d) => d.code === "vague_unit_name").map((d) => d.message)).toEqual(["“市”不像完整的单位名称（可能是排版断开的残片），请核对"]);
  });
});

describe("inferRoster on real documents from other places (test/corpus/plans)", () => {
  // Hand-checked readings of names these documents print: a unit (with its kind) or a group (with its scope).
  const EXPECTED: Record<string, Record<string, string>> = {
    "fangxian-2023-cuoshi": { 县发改局: "government_department", 县行政审批局: "government_department", 县直各有关单位: "group:relevant", 各乡镇人民政府: "group:all" },
    "taiyuan-20xx-yifa": { 市政府法制办: "government_department", 市编办: "party_department", 市政府办公厅: "government_department", "县（市、区）人民政府": "group:all", 市直各有关部门: "group:relevant" },
    "xxshi-20xx-yifa-l": { 市监察局: "government_department", 市人事局: "government_department", 市司法局: "government_department", 各县区政府: "group:all", 市政府各部门: "group:all" },
    "xxshi-20xx-yifa-q": { 市府办: "government_department", 市审改办: "government_department", 市电子政务中心: "government_department", "各县（市、区）政府": "group:all", 市政府各有关部门: "group:relevant" },
    "zibo-20xx-yifaxingzheng": { 市政府办公厅: "government_department", 市监察局: "government_department", 市政府有关部门: "group:relevant", 有关单位: "group:relevant" },
  };
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`${id}: every name read is a unit or a group as a reader would say, and the matrix has no errors`, () => {
      const text = corpusText(`plans/${id}`);
      const { plan } = parsePlanText(text);
      const { roster } = inferRoster(plan);
      const written = new Set(plan.sections.flatMap((s) => s.tasks.flatMap((t) => t.clauses.flatMap((c) => [...c.assignment.lead, ...c.assignment.responsible, ...c.assignment.support].map((r) => r.text)))));
      const read = Object.entries(expected).filter(([name]) => written.has(name));
      expect(read.length).toBeGreaterThanOrEqual(3);
      for (const [name, want] of read) {
        const unit = roster.units.find((u) => u.name === name || u.aliases?.includes(name));
        const group = roster.groups.find((g) => g.phrases?.includes(name));
        expect(unit !== undefined ? unit.kind : group !== undefined ? `group:${group.scope}` : "nothing", name).toBe(want);
      }
      expect(readRoster(JSON.parse(JSON.stringify(roster))).ok).toBe(true);
      expect(buildMatrix(plan, roster).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });
  }
});

describe("inferRoster checks its arguments", () => {
  it("throws a FazhiError for a non-plan or bad options", () => {
    expect(() => inferRoster({} as never)).toThrow(/inferRoster：参数 plan 不正确/);
    const { plan } = parsePlanText(seedText());
    expect(() => inferRoster(plan, { merge: "yes" } as never)).toThrow(/参数 options 不正确/);
    expect(() => inferRoster(plan, [] as never)).toThrow(/参数 options 不正确/);
  });
});

describe("inferRoster, details", () => {
  /** A hand-built plan (no source spans) whose clauses hold the given references. */
  const handPlan = (clauses: ReadonlyArray<Record<string, ReadonlyArray<Record<string, string>>>>, extra: Record<string, unknown> = {}) =>
    Plan.parse({
      id: "h-2024",
      title: "某某县2024年工作安排",
      year: 2024,
      sections: [{ no: 1, title: "甲", tasks: [{ id: "h-2024.t01", no: 1, title: "任务", text: "", requirements: [], clauses: clauses.map((a, i) => ({ id: `h-2024.t01.c${i + 1}`, text: "", assignment: { lead: [], responsible: [], support: [], ...a } })) }] }],
      ...extra,
    });

  it("a unit's id depends on its full form alone (FNV-1a of 县司法局), whichever form the document writes; the expected ids were computed apart from the code (32-bit FNV-1a over UTF-16 code units, base 36)", () => {
    const id = (text: string) => inferRoster(parsePlanText(doc("某某县2025年工作安排", `牵头单位：${text}`)).plan).roster.units[0]!.id;
    expect(id("县司法局")).toBe(id("司法局"));
    expect(id("某某县司法局")).toBe(id("县司法局"));
    expect(id("县司法局")).not.toBe(id("县公安局"));
    expect([id("县司法局"), id("县公安局")]).toEqual(["u-0b26unj", "u-08iacyv"]);
  });

  it("units and groups the plan names by id: their written names, the first as the name, the rest as aliases or phrases", () => {
    const plan = handPlan([
      { lead: [{ text: "县司法局", unitId: "sfj" }, { text: "县公安局" }], responsible: [{ text: "执法单位", groupId: "zf" }, { text: "县直有关单位", groupId: "county-units-relevant" }] },
      { lead: [{ text: "司法局", unitId: "sfj" }, { text: "县 司法局", unitId: "sfj" }, { text: "县公安局", unitId: "gaj" }], support: [{ text: "执法部门", groupId: "zf" }, { text: "执法单位", groupId: "zf" }] },
    ]);
    const { roster } = inferRoster(plan);
    expect(roster.units.map((u) => [u.id, u.name, u.aliases, u.kind, u.level])).toEqual([
      ["u-08iacyv", "县公安局", undefined, "government_department", "county"],
      ["sfj", "县司法局", ["司法局"], "government_department", "county"],
      // Its only name is another unit's: a name made from its id, no kind or level to guess from.
      ["gaj", "单位 gaj", undefined, "other", undefined],
    ]);
    expect(roster.groups.map((g) => [g.id, g.name, g.phrases, g.scope, g.select])).toEqual([
      ["zf", "执法单位", ["执法单位", "执法部门"], "relevant", { members: [] }],
      ["county-units-relevant", "县直有关单位", ["县直有关单位"], "relevant", { members: [] }],
    ]);
    expect(roster.groups.every((g) => g.note === "成员未知：公文没有列出名单，请补充。Members unknown: the document does not list them.")).toBe(true);
    expect(buildMatrix(plan, roster).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("reads the units a requirement names, keeps each name as first written, and skips a reference with no name", () => {
    const plan = structuredClone(handPlan([{ lead: [{ text: "县司法局" }, { text: "县 司法局" }, { text: " " }], responsible: [{ text: "县政府各部门" }, { text: "县政府 各部门" }] }]));
    plan.sections[0]!.tasks[0]!.requirements.push({ id: "h-2024.t01.r1" as never, phrase: "6月底前完成", action: "完成", rule: { kind: "deadline", due: "2024-06-30" } as never, units: [{ text: "县公安局" }] });
    const { roster } = inferRoster(Plan.parse(plan));
    expect(names(roster)).toEqual([["县司法局"], ["县公安局"]]);
    expect(roster.groups.map((g) => g.phrases)).toEqual([["县政府各部门"]]);
  });

  it("a unit with no level to guess, or no other name, has no level or aliases field; a name that is only a space names nothing", () => {
    const plan = handPlan([{ lead: [{ text: "法制局" }, { text: " ", unitId: "x" }] }], { title: "工作安排" });
    expect(inferRoster(plan).roster.units).toStrictEqual([
      { id: "u-0ji2j7a", name: "法制局", kind: "government_department" },
      { id: "x", name: "单位 x", kind: "other" },
    ]);
  });

  it("a name two ids share, or a collective phrase, names neither the unit nor the group that carries the id", () => {
    const plan = handPlan([
      { lead: [{ text: "县司法局", unitId: "a" }, { text: "县司法局", unitId: "b" }, { text: "县直有关单位", unitId: "c" }], responsible: [{ text: "县直有关单位" }, { text: "县直有关单位", groupId: "zz" }] },
    ]);
    const { roster } = inferRoster(plan);
    expect(roster.units.map((u) => [u.id, u.name])).toEqual([["a", "县司法局"], ["b", "单位 b"], ["c", "单位 c"]]);
    expect(roster.groups.map((g) => [g.id, g.name, "phrases" in g])).toEqual([["county-units-relevant", "县直有关单位", true], ["zz", "单位组 zz", false]]);
  });

  it("a name whose hash is an id the plan already uses gets the next free id", () => {
    const plan = handPlan([{ lead: [{ text: "县公安局", unitId: "u-0b26unj" }, { text: "县司法局" }] }]);
    const { roster, diagnostics } = inferRoster(plan);
    expect(roster.units).toStrictEqual([
      { id: "u-0b26unj-2", name: "县司法局", kind: "government_department", level: "county" },
      { id: "u-0b26unj", name: "县公安局", kind: "government_department", level: "county" },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("the plan's own group of a built-in id wins over the built-in phrase", () => {
    const plan = handPlan([{ lead: [{ text: "县司法局" }], responsible: [{ text: "各乡镇" }, { text: "乡镇", groupId: "townships" }] }]);
    expect(inferRoster(plan).roster.groups.map((g) => [g.id, g.name, g.phrases])).toEqual([["townships", "乡镇", ["乡镇"]]]);
  });

  it("takes the place, the id and the built-in table from the options", () => {
    const plan = parsePlanText(doc("2025年工作安排", "牵头单位：司法局、县司法局\n责任单位：县直有关单位")).plan;
    const plain = inferRoster(plan);
    expect(plain.roster.name).toBe("（地名未识别）");
    const placed = inferRoster(plan, { place: "某某县", id: "mm" });
    expect(placed.roster).toMatchObject({ id: "mm", name: "某某县", asOf: "2025-01-01" });
    expect(placed.roster.missing).toEqual([expect.stringContaining("单位组的成员：公文只写了集合称谓（县直有关单位）")]);
    expect(placed.roster.units.map((u) => [u.name, u.level])).toEqual([["县司法局", "county"]]);
    // A district whose name starts with 市: its units and the district itself are county-level.
    const district = inferRoster(parsePlanText(doc("2025年工作安排", "牵头单位：市中区、市中区司法局、市司法局")).plan, { place: "市中区" }).roster;
    expect(district.units.map((u) => [u.name, u.level])).toEqual([["市中区", "county"], ["市中区司法局", "county"], ["市司法局", "city"]]);
    const own = inferRoster(plan, { defaultGroups: false }).roster.groups;
    expect(own.map((g) => [g.id.startsWith("g-"), g.name, g.scope, g.select])).toEqual([[true, "县直有关单位", "relevant", { members: [] }]]);
  });

  it("says where it comes from: the title, or the plan's id without one; the year only when known; no missing list when nothing is missing", () => {
    const { roster } = inferRoster(handPlan([{ lead: [{ text: "县司法局" }] }], { title: "", year: undefined }));
    expect(roster.source.title).toBe("由工作安排 h-2024推断的单位名录（待核对）");
    expect(roster.source.note).toContain("请核对后删去 provisional");
    expect("asOf" in roster).toBe(false);
    expect(roster.name).toBe("（地名未识别）");
    expect(roster.missing).toEqual(["地名：未能从发文单位或标题读出，请填写 name（如“某某县”）。The place: not found in the issuer or title; fill in name."]);
    const placed = inferRoster(handPlan([{ lead: [{ text: "县司法局" }] }]));
    expect(placed.roster.name).toBe("某某县");
    expect("missing" in placed.roster).toBe(false);
    expect(placed.roster.groups).toEqual([]);
  });

  it("warns of one-character names only, at the unit", () => {
    const { roster, diagnostics } = inferRoster(parsePlanText(doc("某某县2025年工作安排", "牵头单位：县司法局、局、公安")).plan);
    const vague = diagnostics.filter((d) => d.code === "vague_unit_name");
    expect(vague.map((d) => [d.severity, d.path, d.messageEn])).toEqual([["warning", ["units", roster.units.findIndex((u) => u.name === "局")], '"局" does not look like a whole unit name (perhaps a piece left by the layout); check it']]);
  });

  it("words a merge and an unsure merge in both languages, at the unit", () => {
    const { roster, diagnostics } = inferRoster(parsePlanText(doc("某某县2025年工作安排", "牵头单位：县政府办公室、县委办、县委编办\n责任单位：县政府办")).plan);
    const merged = diagnostics.filter((d) => d.code === "units_merged");
    expect(merged.map((d) => [d.severity, d.path, d.message, d.messageEn])).toEqual([
      [
        "info",
        ["units", 0],
        "“县政府办”与“县政府办公室”视为同一单位“县政府办公室”（简称与全称）；如不是，请在名录中拆开，或用 keepApart 选项",
        '"县政府办" and "县政府办公室" are taken as one unit, "县政府办公室" (a short and a long form); if they are not, split them in the roster or use the keepApart option',
      ],
    ]);
    const unsure = diagnostics.filter((d) => d.code === "merge_unsure");
    expect(unsure.map((d) => [d.path, d.message, d.messageEn])).toEqual([
      [
        ["units", roster.units.findIndex((u) => u.name === "县委办")],
        "“县委办”可能是“县委编办”的简称，也可能是另一个单位，未合并；如是简称，请在名录中把它移为该单位的别名（或用 merges 选项）",
        '"县委办" may be short for "县委编办", or another unit; not merged: if it is short for one, move it there as an alias (or use the merges option)',
      ],
    ]);
    expect(roster.units[0]!.note).toBe("由公文中的几种写法合并：县政府办公室、县政府办；如不是同一单位，请拆开。Merged from the document's forms; split them if they are different units.");
    expect(roster.units.slice(1).every((u) => !("note" in u) && !("aliases" in u))).toBe(true);
  });

  it("an unsure short form lists every long form it may stand for", () => {
    const { diagnostics } = inferRoster(parsePlanText(doc("某某市2025年工作安排", "牵头单位：市府办、市政府办公室、市政府办公厅")).plan);
    const unsure = diagnostics.filter((d) => d.code === "merge_unsure");
    expect(unsure.map((d) => d.message.slice(0, d.message.indexOf("，")))).toEqual(["“市府办”可能是“市政府办公室”或“市政府办公厅”的简称"]);
    expect(unsure[0]!.messageEn).toContain('may be short for "市政府办公室" or "市政府办公厅"');
  });
});

describe("which written names inferRoster takes as one unit", () => {
  const units = (title: string, line: string, options = {}) => names(inferRoster(parsePlanText(doc(title, line)).plan, options).roster);

  it("人民 before 政府, 法院, 检察院 or 代表大会, and 府 for 政府, do not tell units apart", () => {
    expect(units("某某县2025年工作安排", "牵头单位：县人民法院、县法院、县人民检察院、县检察院、县人民代表大会常务委员会、县代表大会常务委员会")).toEqual([
      ["县人民法院", "县法院"],
      ["县人民检察院", "县检察院"],
      ["县人民代表大会常务委员会", "县代表大会常务委员会"],
    ]);
    expect(units("某某市2025年工作安排", "牵头单位：市府办、市政府办")).toEqual([["市政府办", "市府办"]]);
    // 人民 elsewhere is part of the name.
    expect(units("某某县2025年工作安排", "牵头单位：县人民医院、县医院")).toEqual([["县人民医院"], ["县医院"]]);
  });

  it("a 政府 between the level and a department's name does not tell them apart; 县政府办 and 县办 are different", () => {
    expect(units("某某县2025年工作安排", "牵头单位：县政府督查室、县督查室")).toEqual([["县政府督查室", "县督查室"]]);
    expect(units("某某县2025年工作安排", "牵头单位：县政府办、县办、县政府办公室")).toEqual([["县政府办公室", "县政府办"], ["县办"]]);
    // Too short a rest to be a department's name.
    expect(units("某某县2025年工作安排", "牵头单位：县政府应急、县应急")).toEqual([["县政府应急"], ["县应急"]]);
  });

  it("the fullest form names the unit: the longest without the place in front, on a tie the first in code-point order", () => {
    expect(units("某某县2025年工作安排", "牵头单位：司法局、某某县司法局、县司法局")).toEqual([["县司法局", "司法局", "某某县司法局"]]);
    expect(units("某某县2025年工作安排", "牵头单位：某某县司法局、司法局")).toEqual([["司法局", "某某县司法局"]]);
    // Two names of one length (joined by the merges option): code-point order decides, not the document's.
    expect(units("某某县2025年工作安排", "牵头单位：县警察局、县公安局", { merges: [["县警察局", "县公安局"]] })).toEqual([["县公安局", "县警察局"]]);
    expect(units("某某县2025年工作安排", "牵头单位：县公安局、县警察局", { merges: [["县警察局", "县公安局"]] })).toEqual([["县公安局", "县警察局"]]);
  });

  it("without the place, a bare name joins the one prefixed form, not a township's, not two", () => {
    expect(units("工作任务", "牵头单位：县法制局、法制局")).toEqual([["县法制局", "法制局"]]);
    expect(units("工作任务", "牵头单位：镇法制局、法制局")).toEqual([["镇法制局"], ["法制局"]]);
    expect(units("工作任务", "牵头单位：县法制局、市法制局、法制局、镇法制局")).toEqual([["县法制局"], ["市法制局"], ["法制局"], ["镇法制局"]]);
    // A prefixed name is not a bare name.
    expect(units("工作任务", "牵头单位：市法制局、区法制局")).toEqual([["市法制局"], ["区法制局"]]);
  });

  it("keepApart holds against every automatic merge, merges override it", () => {
    const line = "牵头单位：县司法局、司法局、某某县司法局";
    expect(units("某某县2025年工作安排", line, { keepApart: [["司法局", "某某县司法局"]] })).toEqual([["县司法局", "司法局"], ["某某县司法局"]]);
    expect(units("某某县2025年工作安排", line, { keepApart: [["县司法局", "司法局", "某某县司法局"]] })).toEqual([["县司法局"], ["司法局"], ["某某县司法局"]]);
    expect(units("某某县2025年工作安排", line, { keepApart: [["县司法局", "司法局"]], merges: [["县司法局", "司法局"]] })).toEqual([["县司法局", "司法局", "某某县司法局"]]);
    // Names the plan does not write change nothing.
    expect(units("某某县2025年工作安排", line, { keepApart: [["县公安局", "司法局"]], merges: [["县公安局", "县司法局"]] })).toEqual([["县司法局", "司法局", "某某县司法局"]]);
  });

  it("an abbreviation joins the one long form that spells it out, with the same level, first character and type word", () => {
    expect(units("某某省2025年工作安排", "牵头单位：省发展改革委、省发改委")).toEqual([["省发展改革委", "省发改委"]]);
    expect(units("某某县2025年工作安排", "牵头单位：县人力资源社会保障局、县人社局")).toEqual([["县人力资源社会保障局", "县人社局"]]);
    // Another level, another type word, or characters out of order: not the same unit.
    expect(units("某某县2025年工作安排", "牵头单位：市发展改革委、县发改委")).toEqual([["市发展改革委"], ["县发改委"]]);
    expect(units("某某县2025年工作安排", "牵头单位：县发展改革局、县发改委")).toEqual([["县发展改革局"], ["县发改委"]]);
    expect(units("某某县2025年工作安排", "牵头单位：县改革发展委、县发改委")).toEqual([["县改革发展委"], ["县发改委"]]);
    expect(units("某某县2025年工作安排", "牵头单位：县公安局、县公路管理局")).toEqual([["县公安局"], ["县公路管理局"]]);
  });

  it("a two-character abbreviation after the level joins too (县编委 / 县编制委员会)", () => {
    expect(units("某某县2025年工作安排", "牵头单位：县编委、县编制委员会")).toEqual([["县编制委员会", "县编委"]]);
  });

  it("a short form that may stand for a long one that spells it out or for one a character longer is not merged, and says both", () => {
    const { roster, diagnostics } = inferRoster(parsePlanText(doc("某某县2025年工作安排", "牵头单位：县委办、县委编办、县委办公室")).plan);
    expect(names(roster)).toEqual([["县委办"], ["县委编办"], ["县委办公室"]]);
    expect(diagnostics.filter((d) => d.code === "merge_unsure").map((d) => d.message.slice(0, d.message.indexOf("，")))).toEqual(["“县委办”可能是“县委办公室”或“县委编办”的简称"]);
  });

  it("a unit's kind is the first its forms give that is not other, the fullest form first", () => {
    const { roster } = inferRoster(parsePlanText(doc("某某县2025年工作安排", "牵头单位：县城市管理综合行政执法大队、县城管局")).plan, { merges: [["县城市管理综合行政执法大队", "县城管局"]] });
    expect(roster.units.map((u) => [u.name, u.kind])).toEqual([["县城市管理综合行政执法大队", "government_department"]]);
  });

  it("an unsure short form names the first written form of each unit it may stand for", () => {
    const { diagnostics } = inferRoster(parsePlanText(doc("某某市2025年工作安排", "牵头单位：市府办、市政府办公室、市人民政府办公室、市政府办公厅")).plan);
    expect(diagnostics.filter((d) => d.code === "merge_unsure").map((d) => d.message.slice(0, d.message.indexOf("，")))).toEqual(["“市府办”可能是“市政府办公室”或“市政府办公厅”的简称"]);
  });

  it("without the place, a two-character name keeps its one-character piece apart (县委 / 委)", () => {
    expect(units("工作任务", "牵头单位：县委、委")).toEqual([["县委"], ["委"]]);
  });

  it("a merge asked for twice is made and reported once", () => {
    const { diagnostics } = inferRoster(parsePlanText(doc("某某县2025年工作安排", "牵头单位：县公安局、县警察局")).plan, { merges: [["县公安局", "县警察局"], ["县警察局", "县公安局"]] });
    expect(diagnostics.filter((d) => d.code === "units_merged")).toHaveLength(1);
  });
});

describe("inferRoster, more of its rules (survivors of the whole-scope mutation run)", () => {
  const inferred = (title: string, line: string, options = {}) => inferRoster(parsePlanText(doc(title, line)).plan, options);
  const units = (title: string, line: string, options = {}) => names(inferred(title, line, options).roster);
  const unsure = (r: ReturnType<typeof inferRoster>) => r.diagnostics.filter((d) => d.code === "merge_unsure").map((d) => d.message.slice(0, d.message.indexOf("，")));
  /** A hand-built plan (no source spans) whose one clause holds the given references. */
  const handPlan = (refs: ReadonlyArray<Record<string, string>>) =>
    Plan.parse({
      id: "h-2024",
      title: "某某县2024年工作安排",
      year: 2024,
      sections: [{ no: 1, title: "甲", tasks: [{ id: "h-2024.t01", no: 1, title: "任务", text: "", requirements: [], clauses: [{ id: "h-2024.t01.c1", text: "", assignment: { lead: refs, responsible: [], support: [] } }] }] }],
    });

  it("a group named by id takes no name that is empty or already a unit's: it is named after its id", () => {
    const plan = handPlan([{ text: "县司法局" }, { text: "县司法局", groupId: "ga" }, { text: " ", groupId: "gb" }]);
    expect(inferRoster(plan).roster.groups.map((g) => [g.id, g.name, "phrases" in g])).toEqual([["ga", "单位组 ga", false], ["gb", "单位组 gb", false]]);
  });

  it("ids that the plan already uses push a hashed id on to -3", () => {
    const plan = handPlan([{ text: "县公安局", unitId: "u-0b26unj" }, { text: "县交通运输局", unitId: "u-0b26unj-2" }, { text: "县司法局" }]);
    expect(inferRoster(plan).roster.units[0]).toMatchObject({ id: "u-0b26unj-3", name: "县司法局" });
  });

  it("an id is the hash of the name with only the listed parts removed: 人民 inside a name, or 政府 with no level before it, stays (computed apart from the code)", () => {
    const id = (text: string) => inferRoster(parsePlanText(doc("工作任务", `牵头单位：${text}`)).plan).roster.units[0]!.id;
    expect([id("市中级人民法院"), id("政府法制办")]).toEqual(["u-16fnocb", "u-0ku6da1"]);
  });

  it("the roster's note and its list of missing facts read in both languages, every group named", () => {
    const { roster } = inferred("某某县2025年工作安排", "牵头单位：县司法局\n责任单位：县直有关单位、县政府各部门");
    expect(roster.source.note).toContain(" Inferred by fazhi from the names in the document: names as written, kinds and levels guessed from the names, short and long forms merged (see each unit's note). Check it, then remove provisional.");
    expect(roster.missing).toEqual([expect.stringContaining("公文只写了集合称谓（县直有关单位、县政府各部门），名单需由本地补充")]);
  });

  it("words a merge of forms and an explicit merge in both languages", () => {
    const form = inferred("某某县2025年工作安排", "牵头单位：县司法局、司法局").diagnostics;
    expect(form.map((d) => [d.code, d.message, d.messageEn])).toEqual([
      [
        "units_merged",
        "“司法局”与“县司法局”视为同一单位“县司法局”（同一名称带或不带本地地名、层级）；如不是，请在名录中拆开，或用 keepApart 选项",
        '"司法局" and "县司法局" are taken as one unit, "县司法局" (one name with and without the place or level); if they are not, split them in the roster or use the keepApart option',
      ],
    ]);
    const explicit = inferred("某某县2025年工作安排", "牵头单位：县公安局、县警察局", { merges: [["县公安局", "县警察局"]] }).diagnostics;
    expect(explicit.map((d) => d.messageEn)).toEqual(['"县警察局" and "县公安局" are taken as one unit, "县公安局" (as the merges option says); if they are not, split them in the roster or use the keepApart option']);
  });

  it("a level and one character (县委) is no short form of a longer name (县委常委会)", () => {
    const r = inferred("某某县2025年工作安排", "牵头单位：县委、县委常委会");
    expect(names(r.roster)).toEqual([["县委"], ["县委常委会"]]);
    expect(unsure(r)).toEqual([]);
  });

  it("without the place, a bare name's abbreviation joins it too (城管局 / 城市管理局)", () => {
    expect(units("工作任务", "牵头单位：城市管理局、城管局")).toEqual([["城市管理局", "城管局"]]);
  });

  it("without the place, a bare name with a level character inside (城市管理局) joins its one prefixed form, not a township's", () => {
    expect(units("工作任务", "牵头单位：县城市管理局、城市管理局、镇城市管理局")).toEqual([["县城市管理局", "城市管理局"], ["镇城市管理局"]]);
  });

  it("without the place, a bare name that starts like a level (市场监管局) joins its one prefixed form; with the place, never the city's", () => {
    const bare = inferred("工作任务", "牵头单位：县市场监管局、市场监管局");
    expect(names(bare.roster)).toEqual([["县市场监管局", "市场监管局"]]);
    expect(bare.diagnostics.map((d) => d.message.slice(0, d.message.indexOf("；")))).toEqual(["“市场监管局”与“县市场监管局”视为同一单位“县市场监管局”（同一名称带或不带本地地名、层级）"]);
    // With the province's as well, it may be either: left alone.
    expect(units("工作任务", "牵头单位：县市场监管局、省市场监管局、市场监管局")).toEqual([["县市场监管局"], ["省市场监管局"], ["市场监管局"]]);
    // In a county's document the bare name is the county's unit, not the city's.
    expect(units("某某县2025年工作安排", "牵头单位：市市场监管局、市场监管局")).toEqual([["市市场监管局"], ["市场监管局"]]);
  });

  it("names kept apart are neither reported as merged nor questioned as short forms of each other; names merged by the option are not questioned either", () => {
    const apart = inferred("某某县2025年工作安排", "牵头单位：县司法局、司法局", { keepApart: [["县司法局", "司法局"]] });
    expect(names(apart.roster)).toEqual([["县司法局"], ["司法局"]]);
    expect(apart.diagnostics).toEqual([]);
    const asked = inferred("某某县2025年工作安排", "牵头单位：县委办、县委编办", { merges: [["县委办", "县委编办"]] });
    expect(names(asked.roster)).toEqual([["县委编办", "县委办"]]);
    expect(unsure(asked)).toEqual([]);
  });

  it("a short form whose possible long forms are all one unit joins that unit", () => {
    const r = inferred("某某县2025年工作安排", "牵头单位：县委办、县委编办、县委办公室", { merges: [["县委办公室", "县委编办"]] });
    expect(names(r.roster)).toEqual([["县委办公室", "县委办", "县委编办"]]);
    expect(unsure(r)).toEqual([]);
  });

  it("compares names pairwise only within a bucket of at most 64 (same level, first character and type word), so the cost stays linear", () => {
    // 县发改委 spells out to 县发展改革委; the other names of the bucket (县发00委 …) are stand-ins of one length, no one's short form.
    const bucket = (n: number) => handPlan([{ text: "县发展改革委" }, { text: "县发改委" }, ...Array.from({ length: n - 2 }, (_, i) => ({ text: `县发${String(i).padStart(2, "0")}委` }))]);
    expect(names(inferRoster(bucket(64)).roster)[0]).toEqual(["县发展改革委", "县发改委"]);
    expect(names(inferRoster(bucket(65)).roster)[0]).toEqual(["县发展改革委"]);
  });
});
