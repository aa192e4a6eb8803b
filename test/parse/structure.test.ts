import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../src/parse/blocks.js";
import { type SectionDraft, layoutSections } from "../../src/parse/layout.js";
import { readSegments } from "../../src/parse/lines.js";
import { NOISE_RULES } from "../../src/parse/noise.js";
import { NUMBERING_STYLES } from "../../src/parse/numbering.js";
import { roleVocabulary } from "../../src/parse/role-words.js";
import { bareListRule, labelRule, verbRule } from "../../src/parse/roles.js";
import { createContext } from "../../src/parse/rules.js";
import { splitLines } from "../../src/text/normalize.js";
import {
  NON_TASK_SECTIONS,
  STRUCTURE_RULES,
  buildTree,
  headingOnlyRule,
  isNonTaskTitle,
  type Node,
  unitsAfterItemsRule,
  unitsIndex,
  unitsPerItemRule,
} from "../../src/parse/structure.js";
import { piecesOf } from "../../src/parse/tasks.js";

const vocabulary = roleVocabulary();
const roles = [labelRule(vocabulary), verbRule(vocabulary), bareListRule];
const units = unitsIndex((b) => b.kind === "roles" || piecesOf(b, roles).some((p) => "roles" in p));
const tree = (text: string) => {
  const ctx = createContext(() => 1, new Set());
  return buildTree(buildBlocks(readSegments(splitLines(text), ctx, NOISE_RULES, NUMBERING_STYLES, vocabulary), ctx));
};
/** The first heading of the text (its node), for one rule at a time. */
const first = (text: string): Node => tree(text).children[0]!;
const layout = (text: string, disable: string[] = []) => {
  const ctx = createContext(() => 1, new Set(disable));
  const blocks = buildBlocks(readSegments(splitLines(text), ctx, NOISE_RULES, NUMBERING_STYLES, vocabulary), ctx);
  const sections = layoutSections(buildTree(blocks), ctx, { rules: STRUCTURE_RULES.filter((r) => !disable.includes(r.name)), units, nonTaskWords: NON_TASK_SECTIONS });
  return { sections, codes: ctx.finish().map((d) => d.code) };
};
const summary = (sections: SectionDraft[]) =>
  sections.map((s) => ({ title: s.title, tasks: s.tasks.map((t) => t.label), groups: s.groups.map((g) => `${g.label}${g.title}:${g.tasks.join(",")}`), intro: s.intro.length }));

describe("buildTree", () => {
  it("puts each heading under the nearest higher one, and text under the last heading", () => {
    const root = tree("一、甲\n（一）乙\n1.丙\n说明。\n（二）丁\n二、戊");
    expect(root.children.map((n) => n.block?.text)).toEqual(["一、甲", "二、戊"]);
    const a = root.children[0]!;
    expect(a.children.map((n) => n.block?.text)).toEqual(["（一）乙", "（二）丁"]);
    expect(a.children[0]!.children[0]!.own.map((b) => b.text)).toEqual(["说明。"]);
  });
});

describe("structure rules, each alone", () => {
  it("unitsPerItem: items with their own units are the tasks", () => {
    expect(unitsPerItemRule.decide(first("（一）甲。\n1.乙。\n牵头单位：县司法局\n2.丙。\n牵头单位：县公安局"), units, false)).toBe("group");
    expect(unitsPerItemRule.decide(first("（一）甲。\n1.乙。\n牵头单位：县司法局\n2.丙。"), units, false)).toBe("group");
    expect(unitsPerItemRule.decide(first("（一）甲。（牵头单位：县政府办）\n1.乙。\n2.丙。"), units, false)).toBeUndefined();
  });

  it("unitsAfterItems: units after the last of a list of short items belong to the heading", () => {
    expect(unitsAfterItemsRule.decide(first("（三）推进包容审慎监管。\n（1）制定清单；\n（2）推行柔性执法。\n牵头单位：区市场监管局"), units, false)).toBe("task");
    expect(unitsAfterItemsRule.decide(first("二、甲\n1、全面推行证明事项告知承诺制。\n协办单位：市市场监管局"), units, true)).toBeUndefined();
  });

  it("headingOnly: a heading with no sentence of its own above its items only groups them", () => {
    expect(headingOnlyRule.decide(first("（一）以政务公开助推经济平稳健康发展。\n1、加强信息公开。\n2、做好政策解读。"), units, false)).toBe("group");
    expect(headingOnlyRule.decide(first("（一）构建法治环境保障体系（总牵头单位：县委依法治县办）\n1.甲。"), units, false)).toBe("group");
    expect(headingOnlyRule.decide(first("1.健全公示制度。（县司法局牵头）\n（1）制定办法。\n（2）建立制度。"), units, false)).toBeUndefined();
    expect(headingOnlyRule.decide(first("（一）加强学习。各部门要学习。\n1.甲。"), units, false)).toBeUndefined();
  });

  it("nonTaskSection: 总体要求, 保障措施… without units hold no tasks", () => {
    expect(isNonTaskTitle("总体要求", NON_TASK_SECTIONS)).toBe(true);
    expect(isNonTaskTitle("工作目标20年", NON_TASK_SECTIONS)).toBe(true);
    expect(isNonTaskTitle("加强行政执法队伍建设工作保障体系和机制", NON_TASK_SECTIONS)).toBe(false);
  });
});

describe("layoutSections", () => {
  it("makes heading-only （一） lines groups of the 1. tasks under them", () => {
    const { sections } = layout("一、做好信息公开\n（一）以政务公开助推发展\n1、加强公开。\n2、做好解读。\n（二）提升水平\n1、推进公开。");
    expect(summary(sections)).toEqual([{ title: "做好信息公开", tasks: ["1、", "2、", "1、"], groups: ["（一）以政务公开助推发展:0,1", "（二）提升水平:2"], intro: 0 }]);
  });

  it("keeps non-task sections as text, unless they assign units", () => {
    const { sections, codes } = layout("一、指导思想\n以习近平法治思想为指导。\n二、工作任务\n（一）甲。\n三、保障措施\n（一）加强领导。（牵头单位：县委办）");
    expect(summary(sections)).toEqual([
      { title: "指导思想", tasks: [], groups: [], intro: 1 },
      { title: "工作任务", tasks: ["（一）"], groups: [], intro: 0 },
      { title: "保障措施", tasks: ["（一）"], groups: [], intro: 0 },
    ]);
    expect(codes).toContain("non_task_section");
    expect(summary(layout("一、指导思想\n以习近平法治思想为指导。", ["nonTaskSection"]).sections)[0]!.tasks).toEqual([""]);
  });

  it("reads tasks at the 一、 level when there is no deeper level", () => {
    const { sections } = layout("一、深入学习贯彻习近平法治思想。深入学习领会。\n二、从严执行依法决策规定。严格执行。");
    expect(sections.map((s) => s.tasks.map((t) => t.label))).toEqual([["一、"], ["二、"]]);
  });

  it("puts items before the first section into an untitled section", () => {
    const { sections, codes } = layout("3.完善机制。\n（四）提高行政效能\n1.深化改革。");
    expect(sections.map((s) => [s.titled, s.tasks.map((t) => t.label)])).toEqual([[false, ["3.", "1."]]]);
    expect(codes).toContain("no_sections");
  });
});
