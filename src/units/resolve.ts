import { produce } from "immer";
import * as z from "zod";
import { compareIsoDate, IsoDate, isoDate } from "../model/dates.js";
import { type Diagnostic, type DiagnosticPath, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import type { GroupId, UnitId } from "../model/ids.js";
import { argument } from "../model/guard.js";
import { Plan, Role, type UnitRef } from "../model/plan.js";
import { Roster, type Unit, type UnitGroup } from "../model/unit.js";
import { normalizeText } from "../text/normalize.js";
import { DEFAULT_GROUPS } from "./groups.js";
import { editDistance } from "../text/distance.js";

/**
 * {@link resolveUnits} 和 {@link buildMatrix} 的选项。Options of name resolution.
 * @category Responsibility
 * @example
 * const options: ResolveOptions = { date: IsoDate.parse("2024-03-01") };
 */
export interface ResolveOptions {
  /**
   * 判断曾用名和单位存续的日期；默认为计划年度的1月1日。The date at which former names and unit
   * validity are judged; default 1 January of the plan year.
   */
  readonly date?: IsoDate;
  /** 是否使用内置集合称谓表（默认 true）。Use the built-in group phrases (default true). */
  readonly defaultGroups?: boolean;
}

/**
 * {@link resolveUnits} 的结果。The plan with its references filled, and what was noticed.
 * @category Responsibility
 * @example
 * const { plan, diagnostics }: ResolveResult = resolveUnits(plan, roster);
 */
export interface ResolveResult {
  readonly plan: Plan;
  readonly diagnostics: readonly Diagnostic[];
}

/** The groups in force for a roster: its own, then the built-in ones it does not shadow. */
export const effectiveGroups = (roster: Roster, useDefaults: boolean): UnitGroup[] => {
  const ids = new Set(roster.groups.map((g) => g.id as string));
  const phrases = new Set(roster.groups.flatMap((g) => [g.name, ...(g.phrases ?? [])]).map(key));
  const defaults = useDefaults ? DEFAULT_GROUPS.filter((g) => !ids.has(g.id) && !(g.phrases ?? []).some((p) => phrases.has(key(p)))) : [];
  return [...roster.groups, ...defaults];
};

/** Names compare after normalisation, without spaces. */
export const nameKey = (name: string): string => normalizeText(name).replace(/\s+/g, "");
const key = nameKey;

/** The date names are judged at. */
export const planDate = (plan: Plan, options: ResolveOptions): IsoDate | undefined =>
  options.date ?? (plan.year !== undefined ? isoDate(plan.year, 1, 1) : undefined);

const within = (date: IsoDate | undefined, from: IsoDate | undefined, to: IsoDate | undefined): boolean =>
  date === undefined || ((from === undefined || compareIsoDate(from, date) <= 0) && (to === undefined || compareIsoDate(date, to) <= 0));

/** Whether a unit exists on a date (between its validFrom and validTo; always, without a date). */
export const unitExistsOn = (unit: Unit, date: IsoDate | undefined): boolean => within(date, unit.validFrom, unit.validTo);

type Match = { kind: "name" | "former" | "form"; unit: Unit; formerValid?: boolean };

/** An index of a roster's names: exact names and aliases, former names, and county short/long forms. */
export interface NameIndex {
  readonly lookupGroup: (text: string) => UnitGroup | undefined;
  readonly lookupUnit: (text: string) => Match[];
  readonly suggest: (text: string) => string[];
  readonly unitById: ReadonlyMap<string, Unit>;
  readonly groupById: ReadonlyMap<string, UnitGroup>;
}

/**
 * County short and long forms: with the roster named 武陟县, 司法局, 县司法局 and 武陟县司法局 all
 * have the form key 县司法局. A place whose name does not end in 县, 市, 区 or 旗 has no forms.
 */
export const formKey = (place: string): ((name: string) => string | undefined) => {
  const county = key(place);
  const level = county.at(-1);
  if (level === undefined || !"县市区旗".includes(level)) return () => undefined;
  return (name) => {
    const k = key(name);
    if (k.startsWith(county) && k.length > county.length) return level + k.slice(county.length);
    if (k.startsWith(level)) return k;
    if (/^[省市区乡镇]/.test(k) || k.startsWith(county.slice(0, -1))) return undefined;
    return level + k;
  };
};

/** Build the name index of a roster (once per roster, reused for every reference). */
export const indexRoster = (roster: Roster, date: IsoDate | undefined, useDefaults: boolean): NameIndex => {
  const groups = effectiveGroups(roster, useDefaults);
  const byPhrase = new Map<string, UnitGroup>();
  for (const g of groups) for (const p of [g.name, ...(g.phrases ?? [])]) if (!byPhrase.has(key(p))) byPhrase.set(key(p), g);
  const exact = new Map<string, Unit[]>();
  const former = new Map<string, Array<{ unit: Unit; valid: boolean }>>();
  const forms = new Map<string, Unit[]>();
  const form = formKey(roster.name);
  const add = <T>(map: Map<string, T[]>, k: string, v: T) => {
    const list = map.get(k);
    if (list === undefined) map.set(k, [v]);
    else list.push(v);
  };
  for (const unit of roster.units) {
    for (const name of new Set([unit.name, ...(unit.aliases ?? [])].map(key))) {
      add(exact, name, unit);
      const f = form(name);
      if (f !== undefined) add(forms, f, unit);
    }
    for (const f of unit.formerNames ?? []) add(former, key(f.name), { unit, valid: within(date, f.validFrom, f.validTo) });
  }
  const uniqueUnits = (units: Unit[]) => [...new Map(units.map((u) => [u.id, u])).values()];
  return {
    lookupGroup: (text) => byPhrase.get(key(text)),
    lookupUnit: (text) => {
      const k = key(text);
      const named = exact.get(k);
      if (named !== undefined) return uniqueUnits(named).map((unit) => ({ kind: "name", unit }));
      const old = former.get(k);
      if (old !== undefined) return [...new Map(old.map((o) => [o.unit.id, o])).values()].map((o) => ({ kind: "former", unit: o.unit, formerValid: o.valid }));
      const f = form(k);
      const viaForm = f === undefined ? undefined : forms.get(f);
      return viaForm === undefined ? [] : uniqueUnits(viaForm).map((unit) => ({ kind: "form", unit }));
    },
    suggest: suggester(roster.units),
    unitById: new Map(roster.units.map((u) => [u.id, u])),
    groupById: new Map(groups.map((g) => [g.id, g])),
  };
};

/** A key shared by more names than this is too common to tell them apart, and is not looked up. */
const COMMON_KEY = 64;
/** How many of the names sharing the most keys with a text are compared with it in full. */
const SHORTLIST = 32;
/** Only the first this-many characters of a name give bigrams and one-deletion variants. */
const KEY_PREFIX = 32;

/** The distinct bigrams of a name. */
const bigrams = (k: string): string[] => {
  const out = new Set<string>();
  for (let i = 0; i + 1 < Math.min(k.length, KEY_PREFIX); i++) out.add(k.slice(i, i + 2));
  return [...out];
};

/** The name and every name with one character deleted: two names within one edit share one. */
const variants = (k: string): string[] => {
  const p = k.slice(0, KEY_PREFIX);
  const out = new Set<string>([p]);
  for (let i = 0; i < p.length; i++) out.add(p.slice(0, i) + p.slice(i + 1));
  return [...out];
};

const addTo = (map: Map<string, number[]>, keys: readonly string[], i: number): void => {
  for (const k of keys) {
    const list = map.get(k);
    if (list === undefined) map.set(k, [i]);
    else list.push(i);
  }
};

/**
 * "Did you mean": up to three roster names closest to a text (edit distance, or one containing the
 * other), nearest first, ties in code-point order (never the host's locale). Candidates come from
 * indexes built on first use — one-deletion variants (names one or two edits away) first, then
 * shared bigrams — so a suggestion costs the same however large the roster; comparing every name
 * with every unknown text was O(n²).
 */
const suggester = (units: readonly Unit[]): ((text: string) => string[]) => {
  let built: { names: ReadonlyArray<{ key: string; name: string }>; byVariant: Map<string, number[]>; byBigram: Map<string, number[]> } | undefined;
  const memo = new Map<string, string[]>();
  return (text) => {
    if (built === undefined) {
      const names = units.flatMap((u) => [u.name, ...(u.aliases ?? [])].map((n) => ({ key: key(n), name: u.name })));
      const byVariant = new Map<string, number[]>();
      const byBigram = new Map<string, number[]>();
      names.forEach((n, i) => {
        addTo(byVariant, variants(n.key), i);
        addTo(byBigram, bigrams(n.key), i);
      });
      built = { names, byVariant, byBigram };
    }
    const k = key(text);
    const known = memo.get(k);
    if (known !== undefined) return known;
    const score = new Map<number, number>();
    const collect = (map: Map<string, number[]>, keys: readonly string[], weight: number) => {
      for (const g of keys) {
        const list = map.get(g);
        if (list === undefined || list.length > COMMON_KEY) continue;
        for (const i of list) score.set(i, (score.get(i) ?? 0) + weight);
      }
    };
    collect(built.byVariant, variants(k), KEY_PREFIX); // a shared variant outweighs any bigram count
    collect(built.byBigram, bigrams(k), 1);
    const scored: Array<[number, string]> = [];
    for (const [i] of [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHORTLIST)) {
      const n = built.names[i] as { key: string; name: string };
      const d = n.key.includes(k) || k.includes(n.key) ? 0.5 : nameDistance(k, n.key);
      if (d <= Math.max(2, Math.floor(Math.min(k.length, n.key.length) / 2))) scored.push([d, n.name]);
    }
    scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const out = [...new Set(scored.map(([, n]) => n))].slice(0, 3);
    memo.set(k, out);
    return out;
  };
};

/** Levenshtein distance, capped for long inputs (names are short; a long text is no near miss). */
const nameDistance = (a: string, b: string): number => (a.length > 64 || b.length > 64 ? Math.abs(a.length - b.length) + 64 : editDistance(a, b));

/**
 * 把工作安排中的单位引用与单位名录匹配，填写 `unitId` / `groupId`：完全匹配名称和别名；机构改革前的曾用名
 * （附诊断）；“司法局 / 县司法局 / 武陟县司法局”等简称全称（唯一时）；集合称谓匹配到单位组。
 * 不认识的名称给出最接近的名录名称；有歧义的名称不会被猜测。原文写法 `text` 保持不变，输入不被修改。
 *
 * Match the plan's unit references against a roster and fill `unitId` / `groupId`: exact names
 * and aliases; former names (with a diagnostic); the county's short and long forms when they
 * are unambiguous; collective phrases to groups. An unknown name gets a coded diagnostic with
 * the closest roster names; an ambiguous one is never guessed. `text` is kept as written, and
 * the input plan is not changed (the result is a new, frozen plan).
 *
 * @category Responsibility
 * @example
 * const { plan: resolved, diagnostics } = resolveUnits(plan, roster);
 * resolved.sections[1]!.tasks[0]!.clauses[0]!.assignment.lead[0]!.unitId; // task 3, 县委编办
 * //=> "xwbb"
 */
export const resolveUnits = (plan: Plan, roster: Roster, options: ResolveOptions = {}): ResolveResult => {
  const [p, r, o] = resolveArguments("resolveUnits", plan, roster, options);
  const date = planDate(p, o);
  return resolveWithIndex(p, indexRoster(r, date, o.defaultGroups ?? true), date);
};

const ResolveOptionsSchema = z.strictObject({ date: IsoDate.optional(), defaultGroups: z.boolean().optional() });

/** The plan, roster and options of resolveUnits and buildMatrix, checked at the boundary. */
export const resolveArguments = (fn: string, plan: unknown, roster: unknown, options: unknown): [Plan, Roster, ResolveOptions] => [
  argument(fn, "plan", Plan, plan),
  argument(fn, "roster", Roster, roster),
  argument(fn, "options", ResolveOptionsSchema, options) as ResolveOptions,
];

/** What resolving one reference fills in: a unit id or a group id. */
type Fill = { readonly unitId: UnitId } | { readonly groupId: GroupId };

/**
 * {@link resolveUnits} with a roster index already built (buildMatrix reuses its own).
 *
 * Resolution reads only the plain input plan, so every diagnostic (and its `source` span) is plain
 * data; immer is used afterwards to write the ids, and nothing read from its drafts escapes.
 */
export const resolveWithIndex = (plan: Plan, index: NameIndex, date: IsoDate | undefined): ResolveResult => {
  const diagnostics: Diagnostic[] = [];
  const fills: Array<{ readonly path: DiagnosticPath; readonly fill: Fill }> = [];
  const existence = (unit: Unit, path: DiagnosticPath, at: UnitRef["source"]): void => {
    if (unitExistsOn(unit, date)) return;
    const dissolved = unit.validTo !== undefined && date !== undefined && compareIsoDate(unit.validTo, date) < 0;
    diagnostics.push(
      dissolved
        ? diag("dissolved_unit", "error", `“${unit.name}”已于 ${unit.validTo} 撤销或合并`, `"${unit.name}" was dissolved or merged on ${unit.validTo}`, path, at)
        : diag("unit_not_established", "error", `“${unit.name}”在 ${date} 尚未设立`, `"${unit.name}" did not exist yet on ${date}`, path, at),
    );
  };
  const resolveRef = (ref: UnitRef, path: DiagnosticPath): void => {
    const at = ref.source;
    if (ref.unitId !== undefined) {
      const unit = index.unitById.get(ref.unitId);
      if (unit === undefined) {
        diagnostics.push(diag("unknown_unit", "error", `单位编号“${ref.unitId}”不在单位名录中`, `Unit id "${ref.unitId}" is not in the roster`, [...path, "unitId"], at));
      } else existence(unit, [...path, "unitId"], at);
      return;
    }
    if (ref.groupId !== undefined) {
      if (!index.groupById.has(ref.groupId)) {
        diagnostics.push(diag("unknown_group", "error", `单位组编号“${ref.groupId}”不在单位名录中`, `Group id "${ref.groupId}" is not in the roster`, [...path, "groupId"], at));
      }
      return;
    }
    const group = index.lookupGroup(ref.text);
    if (group !== undefined) {
      fills.push({ path, fill: { groupId: group.id } });
      return;
    }
    const matches = index.lookupUnit(ref.text);
    if (matches.length === 0) {
      const hints = index.suggest(ref.text);
      const zh = hints.length > 0 ? `；是否指：${hints.join("、")}？` : "";
      const en = hints.length > 0 ? `; did you mean: ${hints.join(", ")}?` : "";
      diagnostics.push(diag("unknown_unit", "error", `单位名录中没有“${ref.text}”${zh}`, `"${ref.text}" is not in the roster${en}`, path, at));
      return;
    }
    if (matches.length > 1) {
      const names = matches.map((m) => m.unit.name);
      diagnostics.push(
        diag("ambiguous_unit", "error", `“${ref.text}”可能指多个单位：${names.join("、")}，请在名录中加别名区分`, `"${ref.text}" could be any of: ${names.join(", ")}; add an alias to the roster`, path, at),
      );
      return;
    }
    const match = matches[0] as Match;
    fills.push({ path, fill: { unitId: match.unit.id } });
    if (match.kind === "former") {
      diagnostics.push(
        match.formerValid
          ? diag("former_name", "info", `“${ref.text}”是“${match.unit.name}”的曾用名`, `"${ref.text}" is a former name of "${match.unit.name}"`, path, at)
          : diag("outdated_name", "warning", `“${ref.text}”在 ${date} 已更名为“${match.unit.name}”`, `"${ref.text}" was renamed "${match.unit.name}" by ${date}`, path, at),
      );
    }
    existence(match.unit, path, at);
  };

  plan.sections.forEach((section, si) =>
    section.tasks.forEach((task, ti) => {
      const base: DiagnosticPath = ["sections", si, "tasks", ti];
      task.clauses.forEach((clause, ci) => {
        for (const role of Role.options) {
          clause.assignment[role].forEach((ref, ri) => resolveRef(ref, [...base, "clauses", ci, "assignment", role, ri]));
        }
      });
      task.requirements.forEach((req, qi) => req.units?.forEach((ref, ri) => resolveRef(ref, [...base, "requirements", qi, "units", ri])));
    }),
  );
  // Write the ids: the only values that enter the draft are plain strings, and nothing leaves it.
  const resolved =
    fills.length === 0
      ? plan
      : produce(plan, (draft) => {
          for (const { path, fill } of fills) {
            let node: unknown = draft;
            for (const key of path) node = (node as Record<string | number, unknown>)[key];
            Object.assign(node as object, fill);
          }
        });
  return { plan: deepFreeze(resolved), diagnostics: deepFreeze(diagnostics) };
};
