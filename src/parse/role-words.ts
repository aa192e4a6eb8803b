import type { Role } from "../model/plan.js";

/**
 * 分工用语（后接冒号）与角色的对应。Role labels (followed by a colon) and the role each maps to.
 * A county passes its own with the `roleWords` option.
 *
 * @category Parsing
 * @example
 * ROLE_WORDS["协办单位"];
 * //=> "support"
 */
export const ROLE_WORDS: Readonly<Record<string, Role>> = Object.freeze({
  牵头单位: "lead",
  牵头部门: "lead",
  牵头责任单位: "lead",
  牵头责任部门: "lead",
  牵头领导单位: "lead",
  总牵头单位: "lead",
  主责单位: "lead",
  主办单位: "lead",
  责任单位: "responsible",
  责任部门: "responsible",
  主要责任单位: "responsible",
  协同责任单位: "responsible",
  市直责任单位: "responsible",
  县直责任单位: "responsible",
  区直责任单位: "responsible",
  责任主体: "responsible",
  落实单位: "responsible",
  实施单位: "responsible",
  承办单位: "responsible",
  完成单位: "responsible",
  配合单位: "support",
  配合部门: "support",
  协同配合单位: "support",
  协办单位: "support",
  协助单位: "support",
  参与单位: "support",
  参加单位: "support",
});

/**
 * 写在单位后面的分工动词（“X牵头，Y配合”）。Role verbs written after the units (X牵头，Y配合),
 * and the role each gives. A county passes its own with the `roleVerbs` option.
 *
 * @category Parsing
 * @example
 * ROLE_VERBS["共同负责"];
 * //=> "responsible"
 */
export const ROLE_VERBS: Readonly<Record<string, Role>> = Object.freeze({
  牵头负责: "lead",
  负责牵头: "lead",
  牵头: "lead",
  按职责分工分别负责: "responsible",
  按照职责分工负责: "responsible",
  按职责分工负责: "responsible",
  按职责分别负责: "responsible",
  分工负责: "responsible",
  分别负责: "responsible",
  共同负责: "responsible",
  具体负责: "responsible",
  负责落实: "responsible",
  负责: "responsible",
  各负其责: "responsible",
  组织实施: "responsible",
  落实: "responsible",
  办理: "responsible",
  实施: "responsible",
  为主要责任单位: "responsible",
  为责任单位: "responsible",
  配合: "support",
  协助: "support",
  参与: "support",
});

/** Labels whose list is written with verbs: 部门分工：X牵头，Y配合. */
const VERB_LABELS = ["部门分工", "责任分工", "分工"];

/** Words and verbs in effect for one parse, longest first. */
export interface RoleVocabulary {
  /** Labels by the code of their first character, longest first. */
  readonly words: ReadonlyMap<number, ReadonlyArray<readonly [string, Role | "verbs"]>>;
  readonly verbs: ReadonlyArray<readonly [string, Role]>;
}

export const roleVocabulary = (words: Readonly<Record<string, Role>> = {}, verbs: Readonly<Record<string, Role>> = {}): RoleVocabulary => {
  const byFirst = new Map<number, Array<readonly [string, Role | "verbs"]>>();
  const all = [...Object.entries({ ...ROLE_WORDS, ...words }), ...VERB_LABELS.map((w) => [w, "verbs"] as const)].filter(([w]) => w.length > 0);
  for (const entry of all.sort((a, b) => b[0].length - a[0].length)) {
    const list = byFirst.get(entry[0].charCodeAt(0)) ?? [];
    list.push(entry);
    byFirst.set(entry[0].charCodeAt(0), list);
  }
  return { words: byFirst, verbs: Object.entries({ ...ROLE_VERBS, ...verbs }).sort((a, b) => b[0].length - a[0].length) };
};

/** The role label at `i` and its length with the colon; without a colon only where `bare` allows. */
export const roleLabelAt = (vocabulary: RoleVocabulary, text: string, i: number, bare = false): readonly [string, Role | "verbs", number] | undefined => {
  const candidates = vocabulary.words.get(text.charCodeAt(i));
  if (candidates === undefined) return undefined;
  for (const [word, role] of candidates) {
    if (!text.startsWith(word, i)) continue;
    if (text.charCodeAt(i + word.length) === 0xff1a /* ： */) return [word, role, word.length + 1];
    const next = text.charCodeAt(i + word.length);
    if (bare && role !== "verbs" && next >= 0x4e00 && next <= 0x9fff) return [word, role, word.length];
  }
  return undefined;
};
