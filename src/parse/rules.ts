import type { Diagnostic, DiagnosticPath, Severity, SourceSpan } from "../model/diagnostic.js";
import { diag } from "../model/diagnostic.js";
import type { Role } from "../model/plan.js";
import { type MappedText, mappedSpan } from "../text/normalize.js";
import type { NumberingStyle } from "./numbering.js";

/**
 * 规则运行时可用的上下文：报告诊断、计算原文位置。What a rule can do besides returning its result:
 * report a diagnostic about a stretch of mapped text.
 *
 * @category Parsing
 * @example
 * const rule: NoiseRule = {
 *   name: "stars",
 *   apply: (line, context) => {
 *     if (!line.text.startsWith("***")) return undefined;
 *     context.report("stars_removed", "info", "删除星号行", "Removed a line of stars", line);
 *     return { text: "", map: new Int32Array(0) };
 *   },
 * };
 */
export interface RuleContext {
  /** 报告一条诊断；`m`、`from`、`to` 给出原文位置。Report a diagnostic; `m[from, to)` gives its source span. */
  report(code: string, severity: Severity, message: string, messageEn: string, m?: MappedText, from?: number, to?: number, path?: DiagnosticPath): void;
}

/**
 * 噪声规则：在分行、规范化之后处理一行（如删除页码），返回新的一行，或 `undefined` 表示不改动。
 * A noise rule: runs on each normalised line before anything else reads it (page markers, spaced
 * letters); returns the cleaned line, or `undefined` to leave it as it is. Offsets must come from the
 * line's own `map` so that spans still point into the original text.
 *
 * @category Parsing
 * @example
 * const dropStars: NoiseRule = { name: "stars", apply: (line) => (line.text === "***" ? { text: "", map: new Int32Array(0) } : undefined) };
 */
export interface NoiseRule {
  /** 规则名称。The rule's name, for `rules.disable`. */
  readonly name: string;
  /** 处理一行：返回新的一行，或 `undefined`（不改动）。Clean one line, or return `undefined` to leave it. */
  readonly apply: (line: MappedText, context: RuleContext) => MappedText | undefined;
}

/**
 * 分工规则读出的一个角色及其单位列表在文本中的位置。One role and where its unit list lies.
 * @category Parsing
 * @example
 * const seg: RoleSegment = { role: "lead", word: "牵头单位", from: 5, to: 9 };
 */
export interface RoleSegment {
  readonly role: Role;
  /** 原文的角色用语（如“牵头单位”“牵头”）。The role word as written. */
  readonly word: string;
  readonly from: number;
  readonly to: number;
}

/**
 * 分工规则的读取结果。What a role rule read: the unit lists by role, and whether the bracket also
 * says something else (a deadline, a note), in which case the task text keeps it.
 * @category Parsing
 * @example
 * const r: RoleReading = { segments: [{ role: "lead", word: "牵头", from: 1, to: 5 }], keepText: true };
 */
export interface RoleReading {
  readonly segments: readonly RoleSegment[];
  readonly keepText?: boolean;
}

/**
 * 分工规则：读出 `text[from, to)`（一行分工或一对括号里的文字）中的分工，读不出时返回 `undefined`。
 * A role rule: reads an assignment from `text[from, to)` (a role line, or the inside of a bracket);
 * returns the roles and where each unit list lies, or `undefined` when it does not apply. `where`
 * says which: a line, a bracket inside the text, a bracket at the end of a task, or a bracket left
 * open at the end of the text (a fragment cut inside it).
 * With rule `traditionalScript` on, `text` has the traditional characters of role words as
 * simplified ones (same offsets); unit names are still sliced from the printed text.
 *
 * @category Parsing
 * @example
 * const chiefs: RoleRule = {
 *   name: "chiefs",
 *   read: (text, from, to) => (text.startsWith("主抓：", from) ? { segments: [{ role: "lead", word: "主抓", from: from + 3, to }] } : undefined),
 * };
 */
export interface RoleRule {
  /** 规则名称。The rule's name, for `rules.disable`. */
  readonly name: string;
  /** 读出 `text[from, to)` 中的分工，读不出时返回 `undefined`。Read the assignment in `text[from, to)`, or `undefined`. */
  readonly read: (text: string, from: number, to: number, where: "line" | "bracket" | "end" | "open") => RoleReading | undefined;
}

/**
 * 规则选项：按名称停用内置规则，或添加自己的规则（加在同类内置规则之前）。
 * Turn built-in rules off by name, or add rules of your own (tried before the built-in ones of
 * their kind). The names are listed in {@link PLAN_RULES}.
 *
 * @category Parsing
 * @example
 * const rules: PlanRuleOptions = { disable: ["bareUnitList", "circled"] };
 */
export interface PlanRuleOptions {
  readonly disable?: readonly string[];
  readonly noise?: readonly NoiseRule[];
  readonly numbering?: readonly NumberingStyle[];
  readonly roles?: readonly RoleRule[];
}

/** The rules in effect: the caller's first, then the enabled built-in ones. */
export const activeRules = <R extends { readonly name: string }>(builtIn: readonly R[], extra: readonly R[] | undefined, disabled: ReadonlySet<string>): R[] =>
  [...(extra ?? []), ...builtIn].filter((r) => !disabled.has(r.name));

/** At most this many diagnostics of one code are listed; the rest are counted in one summary. */
export const DIAGNOSTICS_PER_CODE = 1000;

/** The context every stage of one parse shares: diagnostics, line numbers, options in effect. */
export interface ParseContext extends RuleContext {
  /**
   * Add a diagnostic (beyond {@link DIAGNOSTICS_PER_CODE} of its code, only counted). Given a function,
   * the diagnostic is built only when it will be listed.
   */
  add(d: Diagnostic): void;
  add(code: string, make: () => Diagnostic): void;
  /** The diagnostics in order of their source, with a summary for each code that was cut short. */
  finish(): Diagnostic[];
  readonly lineOf: (offset: number) => number;
  readonly disabled: ReadonlySet<string>;
  spanOf(m: MappedText, from?: number, to?: number): SourceSpan;
  enabled(name: string): boolean;
}

export const createContext = (lineOf: (offset: number) => number, disabled: ReadonlySet<string>): ParseContext => {
  const diagnostics: Diagnostic[] = [];
  const counts = new Map<string, number>();
  const spanOf = (m: MappedText, from = 0, to = m.text.length): SourceSpan => mappedSpan(m, from, to, lineOf);
  /** Count one more of a code; whether it is still to be listed. */
  const listed = (code: string): boolean => {
    const n = (counts.get(code) ?? 0) + 1;
    counts.set(code, n);
    return n <= DIAGNOSTICS_PER_CODE;
  };
  return {
    lineOf,
    disabled,
    spanOf,
    enabled: (name) => !disabled.has(name),
    add: (d: Diagnostic | string, make?: () => Diagnostic) => {
      if (typeof d === "string") {
        if (listed(d) && make !== undefined) diagnostics.push(make());
      } else if (listed(d.code)) diagnostics.push(d);
    },
    report: (code, severity, message, messageEn, m, from, to, path = []) => {
      if (listed(code)) diagnostics.push(diag(code, severity, message, messageEn, path, m === undefined ? undefined : spanOf(m, from, to)));
    },
    finish: () => {
      const out = diagnostics.sort((a, b) => (a.source?.start ?? Number.MAX_SAFE_INTEGER) - (b.source?.start ?? Number.MAX_SAFE_INTEGER));
      for (const [code, n] of counts) {
        if (n > DIAGNOSTICS_PER_CODE) {
          out.push(diag("diagnostics_truncated", "info", `另有 ${n - DIAGNOSTICS_PER_CODE} 条“${code}”诊断未列出`, `${n - DIAGNOSTICS_PER_CODE} more "${code}" diagnostics are not listed`));
        }
      }
      return out;
    },
  };
};

/** `m[from, to)` as its own mapped text. */
export const sliceMapped = (m: MappedText, from: number, to = m.text.length): MappedText => ({ text: m.text.slice(from, to), map: m.map.subarray(from, to) });

/** Text shortened for a message. */
export const clip = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s);
