import type { Diagnostic, DiagnosticPath, SourceSpan } from "../model/diagnostic.js";
import { numberingDiagnostic } from "../model/validate.js";
import type { Block } from "./blocks.js";
import type { ParseContext } from "./rules.js";
import { type Node, type StructureRule, type UnitsIndex, blocksOf, headingTitle, isNonTaskTitle, readNode } from "./structure.js";

/** A task before it is read: its blocks in order (the first may start with its number). */
export interface TaskDraft {
  readonly label: string;
  readonly numeral: number | undefined;
  readonly blocks: readonly Block[];
  /** Characters of the first block that are its number, not its text. */
  readonly cut: number;
  /** Tasks of one container (a section or a group) are numbered together. */
  readonly container: number;
}

/** A heading that only groups tasks: （一） over 1. items. */
export interface GroupDraft {
  readonly label: string;
  readonly title: string;
  readonly level: number;
  readonly block: Block;
  readonly text: readonly Block[];
  readonly roles: readonly Block[];
  readonly tasks: number[];
}

export interface SectionDraft {
  readonly no: number;
  readonly numeral: number | undefined;
  readonly title: string;
  /** The heading, or (untitled section) the first block under it. */
  readonly block: Block | undefined;
  readonly titled: boolean;
  readonly intro: Block[];
  readonly tasks: TaskDraft[];
  readonly groups: GroupDraft[];
}

export interface LayoutOptions {
  readonly rules: readonly StructureRule[];
  readonly units: UnitsIndex;
  readonly nonTaskWords: readonly string[];
}

/**
 * 标题树 → 部分、分组和任务：“一、”级为部分（之前没有部分的任务归入一个无标题部分），其下按结构规则
 * 分为分组和任务；没有分工的“总体要求”等部分只作说明文字。
 * The heading tree into sections, groups and tasks: 一、 (or 第N章) headings are sections; items before
 * the first go into an untitled section; under a section the structure rules tell groups from tasks;
 * a non-task section (总体要求, 保障措施, …) with no units holds only introductory text.
 */
export const layoutSections = (root: Node, ctx: ParseContext, options: LayoutOptions): SectionDraft[] => {
  const sections: SectionDraft[] = [];
  let containers = 0;
  const { units } = options;
  /** A section read as one task: its heading's text (after the number) starts the task when it says more than a title. */
  const sectionAsTask = (s: SectionDraft, blocks: readonly Block[], node?: Node): void => {
    const heading = node?.block;
    const said = heading === undefined ? "" : heading.text.slice(heading.marker?.length ?? 0).trim();
    const withHeading = heading !== undefined && said !== "" && (blocks.length === 0 || /[。；！？]./.test(said));
    if (withHeading) s.tasks.push({ label: heading.marker?.label ?? "", numeral: undefined, blocks: [heading, ...blocks], cut: heading.marker?.length ?? 0, container: containers++ });
    else if (blocks.length > 0) s.tasks.push({ label: "", numeral: undefined, blocks, cut: 0, container: containers++ });
    else return;
    blocks = s.tasks[s.tasks.length - 1]?.blocks ?? blocks;
    const at = sections.length - 1;
    ctx.report("section_as_task", "info", `第${s.no}部分没有分项，整体作为一项任务`, `Section ${s.no} has no numbered items: it is read as one task`, blocks[0], 0, blocks[0]?.text.length, ["sections", at, "tasks", s.tasks.length - 1]);
  };
  const place = (node: Node, s: SectionDraft, level: number, container: number): void => {
    const marker = node.block?.marker;
    if (node.block === undefined || marker === undefined) return;
    if (node.children.length === 0 || readNode(node, options.rules, units, false) === "task") {
      s.tasks.push({ label: marker.label, numeral: marker.numeral, blocks: blocksOf(node), cut: marker.length, container });
      return;
    }
    const group: GroupDraft = {
      label: marker.label,
      title: headingTitle(node),
      level,
      block: node.block,
      text: node.own.filter((b) => !units.carries(b)),
      roles: [node.block, ...node.own].filter((b) => units.carries(b)),
      tasks: [],
    };
    s.groups.push(group);
    const first = s.tasks.length;
    const inner = containers++;
    for (const child of node.children) place(child, s, level + 1, inner);
    for (let k = first; k < s.tasks.length; k++) group.tasks.push(k);
  };
  const open = (node: Node | undefined): SectionDraft => {
    const s: SectionDraft = {
      no: sections.length + 1,
      numeral: node?.block?.marker?.numeral,
      title: node === undefined ? "" : headingTitle(node),
      block: node?.block,
      titled: node !== undefined,
      intro: [],
      tasks: [],
      groups: [],
    };
    sections.push(s);
    return s;
  };

  let untitled: SectionDraft | undefined;
  if (root.children.length === 0 && ctx.enabled("unnumberedTasks") && root.own.some((b) => units.carries(b))) {
    untitled = open(undefined);
    ctx.report("no_sections", "warning", "未找到“一、”级标题，所有任务归入一个无标题部分", "No 一、 headings: all tasks are put in one untitled section", undefined, undefined, undefined, ["sections", 0]);
    unnumberedTasks(root.own, units, untitled, containers++, ctx.lineOf);
  }
  for (const node of root.children) {
    if (node.rank > 1) {
      if (untitled === undefined || sections[sections.length - 1] !== untitled) {
        untitled = open(undefined);
        ctx.report("no_sections", "warning", "未找到“一、”级标题，所有任务归入一个无标题部分", "No 一、 headings: all tasks are put in one untitled section", undefined, undefined, undefined, ["sections", untitled.no - 1]);
      }
      place(node, untitled, 1, containers++);
      continue;
    }
    const s = open(node);
    const nonTask = ctx.enabled("nonTaskSection") && isNonTaskTitle(s.title, options.nonTaskWords) && !units.inSubtree(node);
    if (nonTask) {
      s.intro.push(...node.own, ...node.children.flatMap((c) => blocksOf(c)));
      ctx.report("non_task_section", "info", `“${s.title}”部分没有分工，作为说明文字`, `Section "${s.title}" assigns no units: it is kept as text`, node.block, undefined, undefined, ["sections", s.no - 1]);
    } else if (node.children.length === 0) sectionAsTask(s, node.own, node);
    else if (readNode(node, options.rules, units, true) === "task") sectionAsTask(s, [...node.own, ...node.children.flatMap((c) => blocksOf(c))], node);
    else {
      if (node.own.some((b) => units.carries(b))) sectionAsTask(s, node.own);
      else s.intro.push(...node.own);
      const container = containers++;
      for (const child of node.children) place(child, s, 1, container);
    }
  }
  return sections;
};

/**
 * 不编号的任务（规则 `unnumberedTasks`）：全文没有任何编号时，每个分工行连同它前面的一段文字是一项任务，
 * 段中带分工括号的一段本身是一项任务；不属于任务的段落作为说明文字。
 * Unnumbered tasks, for a document with no numbering at all: a role line and the paragraph just before
 * it make a task (role lines in a row belong to the same task), and a paragraph that carries its own
 * role bracket is a task by itself; other paragraphs are kept as the section's text.
 */
const unnumberedTasks = (blocks: readonly Block[], units: UnitsIndex, s: SectionDraft, container: number, lineOf: (offset: number) => number): void => {
  let open: Block[] | undefined;
  let pending: Block | undefined;
  const flush = (): void => {
    if (pending !== undefined) s.intro.push(pending);
    pending = undefined;
  };
  for (const b of blocks) {
    if (b.kind === "roles" && units.carries(b)) {
      if (pending !== undefined) {
        const [heading, paragraph] = splitHeadingLine(pending, lineOf);
        if (heading !== undefined) s.intro.push(heading);
        open = [paragraph, b];
        pending = undefined;
        s.tasks.push({ label: "", numeral: undefined, blocks: open, cut: 0, container });
      } else if (open !== undefined) open.push(b);
      else s.intro.push(b);
      continue;
    }
    flush();
    open = undefined;
    if (units.carries(b)) s.tasks.push({ label: "", numeral: undefined, blocks: [b], cut: 0, container });
    else pending = b;
  }
  flush();
};

/** A title line without punctuation (车俊省长牵头重点工作), at most this long, heads the paragraph joined to it. */
const HEADING_LINE_MAX = 30;

/**
 * A paragraph whose first line is a short line without punctuation, joined to it as a sentence broken
 * by a page break would be: in an unnumbered layout that line is a heading over the task, not its text.
 */
const splitHeadingLine = (b: Block, lineOf: (offset: number) => number): [Block | undefined, Block] => {
  const first = lineOf(b.map[0] ?? 0);
  for (let i = 1; i <= HEADING_LINE_MAX && i < b.text.length; i++) {
    if (/[。，；：！？、,]/.test(b.text[i - 1] as string)) break;
    if (lineOf(b.map[i] as number) === first) continue;
    const cut = (m: Block, from: number, to: number): Block => ({ text: m.text.slice(from, to), map: m.map.subarray(from, to), line: lineOf(m.map[from] as number), kind: "text" });
    return [cut(b, 0, i), cut(b, i, b.text.length)];
  }
  return [undefined, b];
};

/**
 * 编号检查：部分为一、二、……；任务在每个部分（或分组）内重新编号，或全文连续编号。每处断开只报告一次：
 * 之后按实际编号接着数。
 * Numbering as written: sections 一、二、…; tasks restart in each container (section or group) or run
 * on across them (restart mode when a later container's first numbered task is 1). Each break is
 * reported once: counting resumes from the number found.
 */
export const checkNumbering = (sections: readonly SectionDraft[], spanOf: (b: Block) => SourceSpan, add: (code: string, make: () => Diagnostic) => void): void => {
  // Built only when listed: a page of 100,000 headings gives 100,000 breaks, of which 1,000 are listed.
  const report = (what: string, whatEn: string, expected: number, got: number, path: DiagnosticPath, block: Block | undefined) =>
    add(got < expected ? "numbering_repeat" : "numbering_gap", () => numberingDiagnostic(what, whatEn, expected, got, path, block === undefined ? undefined : spanOf(block)));
  let expectedSection = 1;
  sections.forEach((s, i) => {
    if (!s.titled || s.numeral === undefined) return;
    if (s.numeral !== expectedSection) report("部分", "Section", expectedSection, s.numeral, ["sections", i], s.block);
    expectedSection = s.numeral + 1;
  });
  const tasks = sections.flatMap((s, si) => s.tasks.map((t, ti) => ({ t, si, ti })));
  let restart = false;
  tasks.forEach(({ t }, k) => {
    if (k > 0 && t.numeral === 1 && t.container !== tasks[k - 1]?.t.container) restart = true;
  });
  let expected = 1;
  let container = -1;
  for (const { t, si, ti } of tasks) {
    if (restart && t.container !== container) expected = 1;
    container = t.container;
    if (t.numeral !== undefined && t.numeral !== expected) report("任务", "Task", expected, t.numeral, ["sections", si, "tasks", ti], t.blocks[0]);
    expected = (t.numeral ?? expected) + 1;
  }
};
