import { describe, expect, it } from "vitest";
import { Plan } from "../../src/model/plan.js";
import { Roster } from "../../src/model/unit.js";
import { validateRoster } from "../../src/model/validate.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { resolveUnits } from "../../src/units/resolve.js";
import { seedRoster } from "../support/rosters.js";
import { seedText } from "../support/seed.js";

const planWith = (lead: string[], responsible: string[] = [], year = 2024): Plan =>
  Plan.parse({
    id: "t-2024",
    title: "测试",
    year,
    sections: [
      {
        no: 1,
        title: "甲",
        tasks: [
          {
            id: "t-2024.t01",
            no: 1,
            title: "任务",
            text: "任务。",
            clauses: [{ id: "t-2024.t01.c1", text: "任务。", assignment: { lead: lead.map((text) => ({ text })), responsible: responsible.map((text) => ({ text })), support: [] } }],
            requirements: [],
          },
        ],
      },
    ],
  });
const refs = (plan: Plan, role: "lead" | "responsible" = "lead") => plan.sections[0]!.tasks[0]!.clauses[0]!.assignment[role];

const roster = Roster.parse({
  id: "demo",
  name: "示例县",
  source: { title: "测试用虚构名录 / fictional roster for tests" },
  units: [
    { id: "sfj", name: "县司法局", kind: "government_department" },
    { id: "zfb", name: "县政府办", kind: "government_department", aliases: ["县政府办公室"] },
    { id: "scjgj", name: "县市场监管局", kind: "government_department", formerNames: [{ name: "县工商局", validTo: "2019-02-28" }, { name: "县质监局", validFrom: "2010-01-01", validTo: "2030-12-31" }] },
    { id: "old", name: "县旧局", kind: "government_department", validTo: "2020-12-31" },
    { id: "new", name: "县新局", kind: "government_department", validFrom: "2025-01-01" },
    { id: "gaj", name: "县公安局", kind: "government_department" },
    { id: "gaj2", name: "市公安局示例分局", kind: "vertical_branch", aliases: ["公安分局"] },
    { id: "x1", name: "县委办", kind: "party_department" },
    { id: "x2", name: "示例县委办", kind: "party_department" },
  ],
  groups: [],
});

describe("resolveUnits", () => {
  it("matches exact names and aliases", () => {
    const { plan, diagnostics } = resolveUnits(planWith(["县司法局", "县政府办公室"]), roster);
    expect(refs(plan).map((r) => r.unitId)).toEqual(["sfj", "zfb"]);
    expect(diagnostics).toEqual([]);
  });

  it("matches a name broken over two lines, as a document's layout leaves it", () => {
    const { plan, diagnostics } = resolveUnits(planWith(["县司法\n局", "县政府\n办公室"]), roster);
    expect(refs(plan).map((r) => r.unitId)).toEqual(["sfj", "zfb"]);
    expect(diagnostics).toEqual([]);
  });

  it("matches the county's short and long forms", () => {
    const { plan, diagnostics } = resolveUnits(planWith(["司法局", "示例县司法局", "县 司法局"]), roster);
    expect(refs(plan).map((r) => r.unitId)).toEqual(["sfj", "sfj", "sfj"]);
    expect(refs(plan).map((r) => r.text)).toEqual(["司法局", "示例县司法局", "县 司法局"]);
    expect(diagnostics).toEqual([]);
  });

  it("resolves former names, with a diagnostic", () => {
    const { plan, diagnostics } = resolveUnits(planWith(["县工商局", "县质监局"]), roster);
    expect(refs(plan).map((r) => r.unitId)).toEqual(["scjgj", "scjgj"]);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["outdated_name", "warning"],
      ["former_name", "info"],
    ]);
    expect(diagnostics[0]!.message).toContain("县市场监管局");
  });

  it("suggests the closest names for an unknown unit and never guesses", () => {
    const { plan, diagnostics } = resolveUnits(planWith(["县司法厅", "县委办公"]), roster);
    expect(refs(plan).map((r) => r.unitId)).toEqual([undefined, undefined]);
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown_unit", "unknown_unit"]);
    expect(diagnostics[0]!.message).toContain("是否指：县司法局");
    expect(diagnostics[0]!.messageEn).toContain("did you mean: 县司法局");
    expect(diagnostics[0]!.path).toEqual(["sections", 0, "tasks", 0, "clauses", 0, "assignment", "lead", 0]);
  });

  it("orders suggestions the same on every host: by distance, then by code point, never by locale", () => {
    const r = Roster.parse({
      ...roster,
      units: ["县甲局", "县乙局", "县丙局", "县戊局"].map((name, i) => ({ id: `u${i}`, name, kind: "government_department" })),
    });
    const hints = () => resolveUnits(planWith(["县丁局"]), r).diagnostics[0]!.messageEn;
    const expected = 'did you mean: 县丙局, 县乙局, 县戊局?';
    expect(hints()).toContain(expected);
    expect(resolveUnits(planWith(["县丁局"]), r).diagnostics[0]!.message).toBe("单位名录中没有“县丁局”；是否指：县丙局、县乙局、县戊局？");
    // A host whose collation orders these names the other way round (zh_CN sorts 丙 甲 戊 乙 by pinyin).
    const original = String.prototype.localeCompare;
    try {
      String.prototype.localeCompare = function (this: string, that: string) {
        return -original.call(this, that);
      };
      expect(hints()).toContain(expected);
    } finally {
      String.prototype.localeCompare = original;
    }
  });

  it("suggests in linear work: each roster name is read a bounded number of times, however many names are unknown", () => {
    const n = 2000;
    const big = Roster.parse({
      ...roster,
      units: Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `县第${i}局`, kind: "government_department", aliases: [`第${i}局`] })),
    });
    let reads = 0;
    const counted = {
      ...big,
      units: big.units.map((u) => new Proxy(u, { get: (t, k, rcv) => ((k === "name" || k === "aliases") && (reads += 1), Reflect.get(t, k, rcv)) })),
    };
    const unknown = Array.from({ length: n }, (_, i) => `县第${i}厅`);
    const { diagnostics } = resolveUnits(planWith(unknown), counted);
    expect(diagnostics).toHaveLength(n);
    expect(diagnostics[7]!.messageEn).toContain("did you mean: 县第7局");
    expect(reads).toBeLessThan(20 * n);
  });

  it("reports an ambiguous name instead of picking one", () => {
    // 县委办 is a unit; 示例县委办 is another unit whose form key is also 县委办.
    const { plan, diagnostics } = resolveUnits(planWith(["委办"]), roster);
    expect(refs(plan)[0]!.unitId).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(["ambiguous_unit"]);
    expect(diagnostics[0]!.message).toContain("县委办、示例县委办");
  });

  it("reports units dissolved or not yet established at the plan date", () => {
    const { diagnostics } = resolveUnits(planWith(["县旧局", "县新局"]), roster);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["dissolved_unit", "error"],
      ["unit_not_established", "error"],
    ]);
    expect(resolveUnits(planWith(["县新局"], [], 2025), roster).diagnostics).toEqual([]);
  });

  it("resolves group phrases with the built-in table", () => {
    const { plan, diagnostics } = resolveUnits(planWith(["县司法局"], ["各乡镇人民政府、街道办事处", "县直有关单位", "县政府其他部门按职责分工负责", "各镇人民政府（街道办事处）"]), roster);
    expect(refs(plan, "responsible").map((r) => r.groupId)).toEqual(["townships-and-subdistricts", "county-units-relevant", "other-government-departments", "townships-and-subdistricts"]);
    expect(diagnostics).toEqual([]);
  });

  it("lets a roster's own groups extend and override the phrase table", () => {
    const r = Roster.parse({ ...roster, groups: [{ id: "zhen-ban", name: "各镇、办", phrases: ["各镇、办", "县直有关单位"], scope: "all", select: { kinds: ["township"] } }] });
    const { plan } = resolveUnits(planWith([], ["各镇、办", "县直有关单位"]), r);
    expect(refs(plan, "responsible").map((x) => x.groupId)).toEqual(["zhen-ban", "zhen-ban"]);
    const off = resolveUnits(planWith([], ["县直有关单位"]), roster, { defaultGroups: false });
    expect(off.diagnostics.map((d) => d.code)).toEqual(["unknown_unit"]);
  });

  it("keeps references already resolved, and checks them", () => {
    const p = structuredClone(planWith(["县司法局"]));
    Object.assign(p.sections[0]!.tasks[0]!.clauses[0]!.assignment.lead[0]!, { unitId: "ghost" });
    const { diagnostics } = resolveUnits(p, roster);
    expect(diagnostics.map((d) => [d.code, d.path.at(-1)])).toEqual([["unknown_unit", "unitId"]]);
    // A reference resolved earlier to a unit dissolved by the plan date is an error too.
    const q = structuredClone(planWith(["县司法局"]));
    Object.assign(q.sections[0]!.tasks[0]!.clauses[0]!.assignment.lead[0]!, { unitId: "old" });
    expect(resolveUnits(q, roster).diagnostics.map((d) => [d.code, d.path.at(-1)])).toEqual([["dissolved_unit", "unitId"]]);
  });

  it("does not change its input and returns a frozen plan", () => {
    const input = planWith(["司法局"]);
    const snapshot = JSON.stringify(input);
    const { plan } = resolveUnits(input, roster);
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(Object.isFrozen(refs(plan)[0])).toBe(true);
  });
});

describe("the seed roster", () => {
  it("is valid and names every unit of the seed document", () => {
    const r = seedRoster();
    expect(validateRoster(r)).toEqual([]);
    const { plan } = parsePlanText(seedText(), { id: "wuzhi-2024" });
    const { diagnostics } = resolveUnits(plan, r);
    expect(diagnostics).toEqual([]);
    expect(r.units.filter((u) => u.kind === "township" || u.kind === "subdistrict")).toEqual([]);
    expect(r.missing?.[0]).toContain("乡镇");
  });
});

describe("plans that come out of the parser (references with source spans)", () => {
  // The demo roster lacks or half-knows every name below: each must give a diagnostic, never a throw.
  const text = [
    "示例县2024年度法治政府建设工作安排",
    "一、甲",
    "（一）任务一。",
    "牵头单位：县不存在局、委办、县工商局",
    "责任单位：县旧局、县新局、各园区管委会",
  ].join("\n");
  const parsed = parsePlanText(text, { id: "t-2024" }).plan;
  const expected = [
    ["unknown_unit", "县不存在局"],
    ["ambiguous_unit", "委办"],
    ["outdated_name", "县工商局"],
    ["dissolved_unit", "县旧局"],
    ["unit_not_established", "县新局"],
    ["unknown_unit", "各园区管委会"],
  ];

  it("gives a diagnostic at the reference's source span for every unit the roster lacks", () => {
    const { diagnostics } = resolveUnits(parsed, roster);
    expect(diagnostics.map((d) => [d.code, d.source === undefined ? undefined : text.slice(d.source.start, d.source.end)])).toEqual(expected);
    // Diagnostics are plain, frozen data that outlive the call (no revoked immer drafts inside).
    expect(JSON.parse(JSON.stringify(diagnostics))).toEqual(diagnostics);
    for (const d of diagnostics) expect(Object.isFrozen(d.source)).toBe(true);
  });

  it("buildMatrix reports them too, and keeps the units it can name", () => {
    const m = buildMatrix(parsed, roster);
    expect(m.diagnostics.map((d) => d.code)).toEqual(expected.map(([code]) => code));
    const renamed = m.cells.find((c) => c.unitId === "scjgj");
    expect(renamed?.source).toEqual(parsed.sections[0]!.tasks[0]!.clauses[0]!.assignment.lead[2]!.source);
  });

  it("reports a collective phrase the roster does not define when the built-in table is off", () => {
    const p = parsePlanText("示例县2024年度法治政府建设工作安排\n一、甲\n（一）任务一。\n牵头单位：县司法局\n责任单位：县直有关单位", { id: "t-2024" }).plan;
    const { diagnostics } = resolveUnits(p, roster, { defaultGroups: false });
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown_unit"]);
    expect(diagnostics[0]!.source).toBeDefined();
  });
});

describe("resolveUnits, details", () => {
  const withRequirement = (lead: string[], units: string[]): Plan => {
    const p = structuredClone(planWith(lead));
    p.sections[0]!.tasks[0]!.requirements.push({ id: "t-2024.t01.r1" as never, phrase: "6月底前完成", action: "完成", rule: { kind: "deadline", due: "2024-06-30" } as never, units: units.map((text) => ({ text })) });
    return Plan.parse(p);
  };

  it("resolves the units a requirement names, with diagnostics at the requirement's path", () => {
    const { plan, diagnostics } = resolveUnits(withRequirement(["县司法局"], ["县公安局", "县不存在局"]), roster);
    expect(plan.sections[0]!.tasks[0]!.requirements[0]!.units!.map((r) => r.unitId)).toEqual(["gaj", undefined]);
    expect(diagnostics.map((d) => d.path.join("."))).toEqual(["sections.0.tasks.0.requirements.0.units.1"]);
  });

  it("writes ids at every role and position without touching the others", () => {
    const { plan } = resolveUnits(planWith(["县不存在局", "县司法局"], ["县公安局", "各部门"]), roster);
    expect(refs(plan).map((r) => [r.text, r.unitId, r.groupId])).toEqual([["县不存在局", undefined, undefined], ["县司法局", "sfj", undefined]]);
    expect(refs(plan, "responsible").map((r) => [r.text, r.unitId, r.groupId])).toEqual([["县公安局", "gaj", undefined], ["各部门", undefined, "government-departments"]]);
    expect(Object.keys(refs(plan)[0]!)).toEqual(["text"]);
  });

  it("returns the plan itself (frozen) when there is nothing to fill", () => {
    const input = planWith(["县不存在局"]);
    const { plan } = resolveUnits(input, roster);
    expect(plan).toEqual(input);
    expect(Object.isFrozen(plan)).toBe(true);
  });

  it("says what an unknown or ambiguous name is, in both languages, without hints when nothing is near", () => {
    const [unknown] = resolveUnits(planWith(["区教育体育局"]), roster).diagnostics;
    expect([unknown!.message, unknown!.messageEn]).toEqual(["单位名录中没有“区教育体育局”", '"区教育体育局" is not in the roster']);
    const [ambiguous] = resolveUnits(planWith(["委办"]), roster).diagnostics;
    expect(ambiguous!.severity).toBe("error");
    expect([ambiguous!.message, ambiguous!.messageEn]).toEqual(["“委办”可能指多个单位：县委办、示例县委办，请在名录中加别名区分", '"委办" could be any of: 县委办, 示例县委办; add an alias to the roster']);
    const [near] = resolveUnits(planWith(["县司法厅"]), roster).diagnostics;
    expect([near!.message, near!.messageEn]).toEqual(["单位名录中没有“县司法厅”；是否指：县司法局？", '"县司法厅" is not in the roster; did you mean: 县司法局?']);
  });

  it("words the former-name and existence diagnostics with the names and dates", () => {
    const d = resolveUnits(planWith(["县工商局", "县质监局", "县旧局", "县新局"]), roster).diagnostics;
    expect(d.map((x) => [x.message, x.messageEn])).toEqual([
      ["“县工商局”在 2024-01-01 已更名为“县市场监管局”", '"县工商局" was renamed "县市场监管局" by 2024-01-01'],
      ["“县质监局”是“县市场监管局”的曾用名", '"县质监局" is a former name of "县市场监管局"'],
      ["“县旧局”已于 2020-12-31 撤销或合并", '"县旧局" was dissolved or merged on 2020-12-31'],
      ["“县新局”在 2024-01-01 尚未设立", '"县新局" did not exist yet on 2024-01-01'],
    ]);
  });

  it("judges names and existence at the date given in the options; without a year or a date, every name and unit stands", () => {
    expect(resolveUnits(planWith(["县工商局"]), roster, { date: "2019-02-28" as never }).diagnostics.map((d) => d.code)).toEqual(["former_name"]);
    expect(resolveUnits(planWith(["县工商局"]), roster, { date: "2019-03-01" as never }).diagnostics.map((d) => d.code)).toEqual(["outdated_name"]);
    expect(resolveUnits(planWith(["县质监局"]), roster, { date: "2009-12-31" as never }).diagnostics.map((d) => d.code)).toEqual(["outdated_name"]);
    expect(resolveUnits(planWith(["县旧局", "县新局"]), roster, { date: "2020-12-31" as never }).diagnostics.map((d) => d.code)).toEqual(["unit_not_established"]);
    const noYear = Plan.parse({ ...planWith(["县工商局", "县旧局", "县新局"]), year: undefined });
    expect(resolveUnits(noYear, roster).diagnostics.map((d) => d.code)).toEqual(["former_name"]);
  });

  it("a unit both dissolved and not yet established at the date is reported as not established", () => {
    const r = Roster.parse({ ...roster, units: [{ id: "x", name: "县某局", kind: "government_department", validFrom: "2025-01-01", validTo: "2026-12-31" }] });
    expect(resolveUnits(planWith(["县某局"]), r).diagnostics.map((d) => d.code)).toEqual(["unit_not_established"]);
  });

  it("one unit reached twice (a name and an alias that read alike or share a form, or two former names) is not ambiguous", () => {
    const r = Roster.parse({
      ...roster,
      units: [
        { id: "a", name: "县司法局", kind: "government_department", aliases: ["县 司法局", "示例县司法局"], formerNames: [{ name: "县法制局", validTo: "2010-12-31" }, { name: "县法制局", validFrom: "2011-01-01", validTo: "2018-12-31" }] },
      ],
    });
    // 司法局's form is that of both the name and the second alias.
    const { plan, diagnostics } = resolveUnits(planWith(["县司法局", "县法制局", "司法局"]), r);
    expect(refs(plan).map((x) => x.unitId)).toEqual(["a", "a", "a"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["outdated_name"]);
  });

  it("a former name of one unit and the name of another: the name wins", () => {
    const r = Roster.parse({ ...roster, units: [{ id: "a", name: "县司法局", kind: "government_department" }, { id: "b", name: "县法制办", kind: "government_department", formerNames: [{ name: "县司法局", validTo: "2010-12-31" }] }] });
    const { plan, diagnostics } = resolveUnits(planWith(["县司法局"]), r);
    expect(refs(plan)[0]!.unitId).toBe("a");
    expect(diagnostics).toEqual([]);
  });

  it("a former name of one unit and a short or long form of another: the former name wins", () => {
    const r = Roster.parse({ ...roster, units: [{ id: "a", name: "县司法局", kind: "government_department", formerNames: [{ name: "县法制局", validTo: "2030-12-31" }] }, { id: "b", name: "示例县法制局", kind: "government_department" }] });
    const { plan, diagnostics } = resolveUnits(planWith(["县法制局", "法制局"]), r);
    expect(refs(plan).map((x) => x.unitId)).toEqual(["a", "b"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["former_name"]);
  });

  it("keeps a reference already resolved to a group, and reports an unknown group id", () => {
    const p = structuredClone(planWith([], ["各部门", "某某"]));
    Object.assign(p.sections[0]!.tasks[0]!.clauses[0]!.assignment.responsible[0]!, { groupId: "townships" });
    Object.assign(p.sections[0]!.tasks[0]!.clauses[0]!.assignment.responsible[1]!, { groupId: "ghost" });
    const { plan, diagnostics } = resolveUnits(p, roster);
    expect(refs(plan, "responsible").map((x) => x.groupId)).toEqual(["townships", "ghost"]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.path.join("."), d.message, d.messageEn])).toEqual([
      ["unknown_group", "error", "sections.0.tasks.0.clauses.0.assignment.responsible.1.groupId", "单位组编号“ghost”不在单位名录中", 'Group id "ghost" is not in the roster'],
    ]);
    const u = structuredClone(planWith(["县司法局"]));
    Object.assign(u.sections[0]!.tasks[0]!.clauses[0]!.assignment.lead[0]!, { unitId: "ghost" });
    expect(resolveUnits(u, roster).diagnostics.map((d) => [d.severity, d.message, d.messageEn])).toEqual([["error", "单位编号“ghost”不在单位名录中", 'Unit id "ghost" is not in the roster']]);
  });

  it("two roster groups with one phrase: the first listed is taken", () => {
    const g = (id: string) => ({ id, name: `组${id}`, phrases: ["执法单位"], scope: "all", select: { kinds: ["government_department"] } });
    const r = Roster.parse({ ...roster, groups: [g("a"), g("b")] });
    expect(refs(resolveUnits(planWith([], ["执法单位"]), r).plan, "responsible")[0]!.groupId).toBe("a");
  });

  it("a roster group shadows the built-in one of the same id, whatever its phrases", () => {
    const r = Roster.parse({ ...roster, groups: [{ id: "townships", name: "各镇、办", phrases: ["各镇、办"], scope: "all", select: { kinds: ["township"] } }] });
    const { plan, diagnostics } = resolveUnits(planWith([], ["各乡镇", "各镇、办", "各部门"]), r);
    expect(refs(plan, "responsible").map((x) => x.groupId)).toEqual([undefined, "townships", "government-departments"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown_unit"]);
    // A roster group named by a built-in phrase shadows the whole built-in group.
    const byName = Roster.parse({ ...roster, groups: [{ id: "zhen", name: "各镇", scope: "all", select: { kinds: ["township"] } }] });
    expect(refs(resolveUnits(planWith([], ["各镇", "各乡镇"]), byName).plan, "responsible").map((x) => x.groupId)).toEqual(["zhen", undefined]);
  });

  it("checks its arguments", () => {
    expect(() => resolveUnits({} as never, roster)).toThrow(/resolveUnits：参数 plan 不正确/);
    expect(() => resolveUnits(planWith([]), {} as never)).toThrow(/resolveUnits：参数 roster 不正确/);
    expect(() => resolveUnits(planWith([]), roster, { when: "2024-01-01" } as never)).toThrow(/resolveUnits：参数 options 不正确/);
    expect(() => resolveUnits(planWith([]), roster, { defaultGroups: "no" } as never)).toThrow(/参数 options 不正确/);
  });
});

describe("short and long forms by the roster's place", () => {
  const forms = (name: string, units: string[], texts: string[]) => {
    const r = Roster.parse({ ...roster, name, units: units.map((n, i) => ({ id: `u${i}`, name: n, kind: "government_department" })) });
    return refs(resolveUnits(planWith(texts), r).plan).map((x) => x.unitId ?? "-");
  };

  it("a county, a city, a district and a banner each have their forms", () => {
    expect(forms("示例县", ["县司法局"], ["司法局", "示例县司法局", "县司法局"])).toEqual(["u0", "u0", "u0"]);
    expect(forms("示例市", ["市司法局"], ["司法局", "示例市司法局"])).toEqual(["u0", "u0"]);
    expect(forms("示例区", ["示例区司法局"], ["司法局", "区司法局"])).toEqual(["u0", "u0"]);
    expect(forms("示例旗", ["旗司法局"], ["司法局", "示例旗司法局"])).toEqual(["u0", "u0"]);
  });

  it("a place that is no county, city, district or banner has none", () => {
    expect(forms("示例镇", ["镇司法所"], ["司法所", "示例镇司法所"])).toEqual(["-", "-"]);
    expect(forms("示例", ["司法局"], ["县司法局"])).toEqual(["-"]);
  });

  it("a name of another level or another place is not the county's", () => {
    expect(forms("示例县", ["县司法局"], ["市司法局", "省司法局", "区司法局", "乡司法所", "镇司法局", "示例司法局"])).toEqual(["-", "-", "-", "-", "-", "-"]);
    // The place's name alone is no form of a unit.
    expect(forms("示例县", ["县司法局", "县"], ["示例县"])).toEqual(["-"]);
  });

  it("a bare name is the county's when only a later character is a level's, or only its first character is the place's", () => {
    // 城乡 is no 乡: the bureau of housing and urban-rural development is the county's.
    expect(forms("示例县", ["县住房和城乡建设局"], ["住房和城乡建设局", "示例县住房和城乡建设局"])).toEqual(["u0", "u0"]);
    // 示范区 shares the first character of 示例县, not its name.
    expect(forms("示例县", ["县示范区管委会"], ["示范区管委会"])).toEqual(["u0"]);
  });
});

describe("did you mean: the roster names suggested for an unknown name", () => {
  const hints = (names: ReadonlyArray<string | readonly [string, string[]]>, text: string) => {
    const r = Roster.parse({ ...roster, name: "示例", units: names.map((n, i) => (typeof n === "string" ? { id: `u${i}`, name: n, kind: "government_department" } : { id: `u${i}`, name: n[0], aliases: n[1], kind: "government_department" })) });
    const d = resolveUnits(planWith([text]), r).diagnostics[0]!;
    const m = /did you mean: (.*)\?$/.exec(d.messageEn);
    return m === null ? [] : m[1]!.split(", ");
  };

  it("a name that contains the text, or that the text contains, comes before one an edit or two away", () => {
    expect(hints(["县司法所", "县司法局"], "司法局")).toEqual(["县司法局", "县司法所"]);
    // 司法所 is one edit away and first in code-point order, yet 市司法局 contains the text.
    expect(hints(["司法所", "市司法局"], "司法局")).toEqual(["市司法局", "司法所"]);
    expect(hints(["县司法所", "县司法局"], "县司法局办")).toEqual(["县司法局", "县司法所"]);
  });

  it("short names: at most two edits away; long names: up to half their length (names that share a pair of characters)", () => {
    expect(hints(["县司法局"], "县司安所")).toEqual(["县司法局"]);
    expect(hints(["县司法局"], "县司安分所")).toEqual([]);
    expect(hints(["县人力资源和社会保障局"], "省人力资源与劳动保障厅")).toEqual(["县人力资源和社会保障局"]);
    expect(hints(["县人力资源和社会保障局"], "省人力资源与劳动保险厅")).toEqual([]);
    // The shorter of the two decides: a short text four insertions short of a long name is no near miss.
    expect(hints(["县司法行政执法局"], "县司法局")).toEqual([]);
  });

  it("at most three, each roster name once, an alias suggesting its unit's name", () => {
    expect(hints(["县甲局", "县乙局", "县丙局", "县丁局", "县戊局"], "县己局")).toHaveLength(3);
    expect(hints([["县人民政府办公室", ["县政府办", "县府办"]]], "县政府办公")).toEqual(["县人民政府办公室"]);
  });

  it("compares long names and texts by their first characters, and still finds them", () => {
    const long = `县${"很".repeat(40)}长的局`;
    expect(hints([long], `县${"很".repeat(40)}长的厅`)).toEqual([long]);
    expect(hints([long, "县司法局"], "县司法厅")).toEqual(["县司法局"]);
  });

  it("a long name that starts as the text does is compared, however many other long names are near it", () => {
    // Over 32 characters only the start is indexed. The first name starts as the text (its last two characters
    // differ); 62 others lose one character of that start and gain 戊 or 己 at its end. All are two edits away,
    // the first name first in code-point order.
    const start = Array.from({ length: 32 }, (_, j) => String.fromCharCode(0x5000 + j)).join("");
    const near = ["戊", "己"].flatMap((x) => Array.from({ length: 31 }, (_, k) => `${start.slice(0, k)}${start.slice(k + 1)}${x}甲乙`));
    const found = hints([`${start}丙丁`, ...near], `${start}甲乙`);
    expect(found).toHaveLength(3);
    expect(found[0]).toBe(`${start}丙丁`);
  });

  it("a text longer than 64 characters is no near miss of anything", () => {
    const long = `县${"很".repeat(70)}长的局`;
    expect(hints([long], `县${"很".repeat(70)}长的厅`)).toEqual([]);
  });

  it("a difference 65 roster names share tells nothing: none of them is suggested", () => {
    const many = Array.from({ length: 65 }, (_, i) => `县甲${String.fromCharCode(0x4e00 + i)}局`);
    expect(hints(many, "县甲局")).toEqual([]);
    expect(hints(many.slice(0, 64), "县甲局")).toHaveLength(3);
  });

  it("a name two edits away that shares no pair of characters is another unit, not a near miss", () => {
    expect(hints(["县公安局"], "县司法局")).toEqual([]);
    expect(hints(["县公安局", "县司法所"], "县司法局")).toEqual(["县司法所"]);
  });

  it("a short name with a character lost from its middle is still found", () => {
    expect(hints(["县法院"], "县院")).toEqual(["县法院"]);
  });

  it("names and texts of up to 64 characters are compared by edit distance; from 65 on, neither is a near miss", () => {
    const name64 = `县${"很".repeat(62)}局`;
    const name65 = `县${"很".repeat(63)}局`;
    expect(hints([name64], `县${"很".repeat(62)}厅`)).toEqual([name64]);
    expect(hints([name64], `县${"很".repeat(62)}厅办`)).toEqual([]);
    expect(hints([name65], `县${"很".repeat(62)}厅`)).toEqual([]);
  });

  it("of many names that share pairs with a text, the ones sharing the most are compared, then the nearest suggested", () => {
    // 33 names share a pair with 县司法局: 32 share two (县司, 司法), 县司乙丙 only one. Only the 32 are compared,
    // so 县司乙丙 (two edits away, and first in code-point order) is not suggested; 县司法甲乙 … are.
    const many = Array.from({ length: 32 }, (_, i) => `县司法${String.fromCharCode(0x7532 + i)}乙`);
    expect(hints(["县司乙丙", ...many], "县司法局")).toEqual(many.slice(0, 3));
    // Names that share as many: the first 32 in the roster are compared, whichever pair of the text they share.
    // 甲司法乙 (two edits away) shares 司法, 32 names later in the roster share 县司 (and are three edits away).
    const far = Array.from({ length: 32 }, (_, i) => `县司${String.fromCharCode(0x7532 + i)}乙丙`);
    expect(hints(["甲司法乙", ...far], "县司法局")).toEqual(["甲司法乙"]);
    expect(hints([...far, "甲司法乙"], "县司法局")).toEqual([]);
  });

  it("a name one edit away is compared first, however many names share pairs with the text", () => {
    // 县司法所 shares a one-deletion form (县司法) with 县司法局; 40 names share only the same two pairs, and come first in the roster.
    const many = Array.from({ length: 40 }, (_, i) => `县司法${String.fromCharCode(0x7532 + i)}乙丙`);
    expect(hints([...many, "县司法所"], "县司法局")).toEqual(["县司法所"]);
  });

  it("the same unknown text twice gets the same hints", () => {
    const r = Roster.parse({ ...roster, units: [{ id: "a", name: "县司法局", kind: "government_department" }] });
    const d = resolveUnits(planWith(["县司法厅", "县司法厅"]), r).diagnostics;
    expect(d.map((x) => x.messageEn)).toEqual(['"县司法厅" is not in the roster; did you mean: 县司法局?', '"县司法厅" is not in the roster; did you mean: 县司法局?']);
  });
});
