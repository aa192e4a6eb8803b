import type { Block } from "./blocks.js";

/** A heading and what stands under it: its own blocks (before its first sub-heading) and its sub-headings. */
export interface Node {
  readonly block: Block | undefined;
  readonly rank: number;
  readonly own: Block[];
  readonly children: Node[];
}

/** Each heading goes under the nearest heading of a higher rank before it; other blocks under the last heading. */
export const buildTree = (blocks: readonly Block[]): Node => {
  const root: Node = { block: undefined, rank: Number.NEGATIVE_INFINITY, own: [], children: [] };
  const stack: Node[] = [root];
  for (const b of blocks) {
    if (b.kind === "heading" && b.marker !== undefined) {
      while (stack.length > 1 && (stack[stack.length - 1] as Node).rank >= b.marker.style.rank) stack.pop();
      const node: Node = { block: b, rank: b.marker.style.rank, own: [], children: [] };
      (stack[stack.length - 1] as Node).children.push(node);
      stack.push(node);
    } else (stack[stack.length - 1] as Node).own.push(b);
  }
  return root;
};

/** What the structure rules need to know about blocks: which carry units. */
export interface UnitsIndex {
  /** The block names units (a role line, or a bracket of roles). */
  carries(block: Block): boolean;
  /** Some block of the node or below it names units. */
  inSubtree(node: Node): boolean;
}

export const unitsIndex = (carries: (block: Block) => boolean): UnitsIndex => {
  const blockMemo = new WeakMap<Block, boolean>();
  const nodeMemo = new WeakMap<Node, boolean>();
  const carriesMemo = (b: Block): boolean => {
    let v = blockMemo.get(b);
    if (v === undefined) blockMemo.set(b, (v = carries(b)));
    return v;
  };
  const inSubtree = (n: Node): boolean => {
    let v = nodeMemo.get(n);
    if (v === undefined) {
      v = (n.block !== undefined && carriesMemo(n.block)) || n.own.some(carriesMemo) || n.children.some(inSubtree);
      nodeMemo.set(n, v);
    }
    return v;
  };
  return { carries: carriesMemo, inSubtree };
};

/** The heading's text after its number, without trailing punctuation. */
export const headingTitle = (node: Node): string => {
  const b = node.block;
  return b === undefined ? "" : b.text.slice(b.marker?.length ?? 0).replace(/^ +/, "").replace(/[。；：:\s]+$/, "");
};

/** How a heading with sub-headings is read: as a task (its items fold into its text) or a group of tasks. */
export type Reading = "task" | "group";

/**
 * 结构规则：有下级编号的标题读作任务还是分组。A structure rule: decides whether a heading with
 * numbered items under it is a task (the items are part of its text) or a group (the items are the
 * tasks), or passes (undefined) to the next rule.
 */
export interface StructureRule {
  readonly name: string;
  readonly decide: (node: Node, units: UnitsIndex, isSection: boolean) => Reading | undefined;
}

/** （1） and below: the numbering of sub-items in GB/T 9704 documents. */
const SUB_ITEM_RANK = 4;
const ownUnits = (node: Node, units: UnitsIndex): boolean => (node.block !== undefined && units.carries(node.block)) || node.own.some((b) => units.carries(b));
const SENTENCE = /[。；！？]/;
/** A short item of a list (（1）制定…；): a little text (perhaps broken over two lines) and nothing under it. */
const isListItem = (n: Node): boolean =>
  n.children.length === 0 && n.own.reduce((length, b) => length + (b.kind === "roles" ? 0 : b.text.length), n.block?.text.length ?? 0) <= LIST_ITEM_MAX;
const LIST_ITEM_MAX = 80;

/**
 * 分工写在下级各项上：下级是任务。Units are assigned per item — two or more items carry their own, or
 * some item does and the heading has none of its own — so the items are the tasks.
 */
export const unitsPerItemRule: StructureRule = {
  name: "unitsPerItem",
  decide: (node, units) => {
    const carrying = node.children.filter((c) => units.inSubtree(c)).length;
    return carrying >= 2 || (carrying >= 1 && !ownUnits(node, units)) ? "group" : undefined;
  },
};

/**
 * 只有最后一项后面有分工、各项都是短小的细目（（1）、①）：分工属于上级，上级是任务。Units only after the
 * last of a list of short sub-items ((1)…；(2)…。牵头单位：…): the units are the heading's, and it is the task.
 */
export const unitsAfterItemsRule: StructureRule = {
  name: "unitsAfterItems",
  decide: (node, units) => {
    const carrying = node.children.filter((c) => units.inSubtree(c));
    const list = node.children.length >= 2 && node.children.every((c) => isListItem(c) && c.rank >= SUB_ITEM_RANK);
    return list && !ownUnits(node, units) && carrying.length === 1 && carrying[0] === node.children[node.children.length - 1] ? "task" : undefined;
  },
};

/**
 * 只有标题、没有句子的中间层（“（一）加强学习”下面是“1.”项）：下级是任务，标题只是分组。
 * A heading with no sentence of its own above its items (（一）加强学习 over 1. items) only groups them —
 * unless the items are short sub-items ((1)…；(2)…；), which the heading's task enumerates; a
 * heading with units of its own is a group only when its title has no sentence end at all
 * (（一）构建法治环境保障体系（总牵头单位：…）).
 */
export const headingOnlyRule: StructureRule = {
  name: "headingOnly",
  decide: (node, units, isSection) => {
    if (isSection) return "group";
    // Over a list of short sub-items ((1)…；(2)…；①…) a short heading is a task that lists its measures.
    if (node.own.some((b) => b.kind === "text") || node.children.every((c) => isListItem(c) && c.rank >= SUB_ITEM_RANK)) return undefined;
    const title = headingTitle(node).replace(/（[^（）]*）$/, "");
    if (title.length > 40 || SENTENCE.test(title)) return undefined;
    if (ownUnits(node, units) && SENTENCE.test(node.block?.text ?? "")) return undefined;
    return "group";
  },
};

export const STRUCTURE_RULES: readonly StructureRule[] = Object.freeze([unitsAfterItemsRule, unitsPerItemRule, headingOnlyRule]);

/** 总体要求、指导思想、保障措施……：没有分工时不是任务。Sections that introduce the plan rather than assign work. */
export const NON_TASK_SECTIONS: readonly string[] = Object.freeze([
  "指导思想",
  "总体要求",
  "工作目标",
  "主要目标",
  "目标任务",
  "基本原则",
  "工作原则",
  "实施步骤",
  "工作步骤",
  "进度安排",
  "时间安排",
  "保障措施",
  "工作要求",
  "有关要求",
  "组织保障",
  "组织实施",
  "组织领导",
  "工作保障",
]);

/** Whether a heading names a non-task section (short, and holding one of the words). */
export const isNonTaskTitle = (title: string, words: readonly string[]): boolean => title.length <= 12 && words.some((w) => title.includes(w));

/** The first rule's reading, or the default: a section is a group, another heading a task. */
export const readNode = (node: Node, rules: readonly StructureRule[], units: UnitsIndex, isSection: boolean): Reading => {
  for (const rule of rules) {
    const r = rule.decide(node, units, isSection);
    if (r !== undefined) return r;
  }
  return isSection ? "group" : "task";
};

/** All blocks of a node in document order: its heading, its own blocks, then those of its items. */
export const blocksOf = (node: Node, out: Block[] = []): Block[] => {
  if (node.block !== undefined) out.push(node.block);
  out.push(...node.own);
  for (const c of node.children) blocksOf(c, out);
  return out;
};
