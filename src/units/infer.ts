import * as z from "zod";
import { type Diagnostic, type DiagnosticPath, type SourceSpan, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import { argument, optionsOf } from "../model/guard.js";
import { isWellFormedId } from "../model/ids.js";
import { Plan, Role, type UnitRef } from "../model/plan.js";
import type { GroupScope, GroupSelector, Roster, Unit, UnitGroup } from "../model/unit.js";
import { DEFAULT_GROUPS } from "./groups.js";
import { COLLECTIVE_RULES, firstRule, guessKind, guessLevel, placeOf, typeWord } from "./name-rules.js";
import { formKey, nameKey } from "./resolve.js";

/**
 * {@link inferRoster} 的选项。Options of {@link inferRoster}.
 * @category Responsibility
 * @example
 * const options: InferRosterOptions = { place: "武陟县", keepApart: [["县政府办", "县政府办公室"]] };
 */
export interface InferRosterOptions {
  /** 地名（如“武陟县”），默认从发文单位、标题读出。The place (e.g. 武陟县); default read from the issuer or title. */
  readonly place?: string;
  /** 名录编号，默认为工作安排编号。The roster's id; default the plan's id. */
  readonly id?: string;
  /** 是否自动合并同一单位的简称和全称（默认 true）。Merge short and long forms of one unit automatically (default true). */
  readonly merge?: boolean;
  /** 明确合并：每项列出同一单位的几种写法。Explicit merges: each entry lists names of one unit. */
  readonly merges?: ReadonlyArray<readonly string[]>;
  /** 不要合并：每项中的写法各是不同的单位（撤销某次自动合并）。Names that are different units (undoes an automatic merge). */
  readonly keepApart?: ReadonlyArray<readonly string[]>;
  /** 是否使用内置集合称谓表 DEFAULT_GROUPS（默认 true）。Use the built-in group phrases (default true). */
  readonly defaultGroups?: boolean;
}

/**
 * {@link inferRoster} 的结果：名录和推断过程中的提示（每次合并一条）。The roster and what was
 * noticed on the way (one notice per merge).
 * @category Responsibility
 * @example
 * const { roster, diagnostics }: InferRosterResult = inferRoster(plan);
 */
export interface InferRosterResult {
  readonly roster: Roster;
  readonly diagnostics: readonly Diagnostic[];
}

const Names = z.array(z.array(z.string().min(1)));
const InferRosterOptionsSchema = z.strictObject({
  place: z.string().min(1).optional(),
  id: z.string().min(1).optional(),
  merge: z.boolean().optional(),
  merges: Names.optional(),
  keepApart: Names.optional(),
  defaultGroups: z.boolean().optional(),
});

/** One written form of a name: its text as first written, where, and (for hand-built plans) the id it carried. */
interface Written {
  readonly key: string;
  readonly text: string;
  readonly source: SourceSpan | undefined;
}

/** Names sharing an abbreviation bucket beyond this many are not compared pairwise (keeps the cost linear). */
const BUCKET_MAX = 64;

/** The first of each key, in order (a Set, not a search per item: a plan may name one id thousands of times). */
const firstOfEachKey = <T extends { readonly key: string }>(items: readonly T[]): T[] => {
  const seen = new Set<string>();
  return items.filter((w) => !seen.has(w.key) && (seen.add(w.key), true));
};

/**
 * 由工作安排推断一份临时的单位名录：公文中点名的每个单位一条（按名称猜测类别和层级），同一单位的简称和全称
 * 合并（县政府办 / 县政府办公室，司法局 / 县司法局 / 武陟县司法局），每次合并给出一条提示（`units_merged`），
 * 供工作人员确认或撤销（`keepApart` 选项，或在名录中拆开）；集合称谓（各乡镇人民政府、街道办事处，县直有关单位，
 * 县政府各部门……）成为成员待补充的单位组。名录来源标为待核对（`source.provisional`），能通过 `readRoster`，
 * 用它生成责任矩阵时公文中的每个名称都能匹配。不编造：乡镇名单、单位的上下级都不猜。
 *
 * Infer a provisional roster from the unit names a plan uses: one unit per unit the document names,
 * with a kind and a level guessed from its name; short and long forms of one unit merged, each
 * merge reported (`units_merged`) so that staff can confirm or undo it (`keepApart`, or by splitting
 * the unit in the roster file); collective phrases become groups whose members are unknown until
 * someone lists them. The source is marked provisional; the roster passes `readRoster`, and every
 * name of the plan resolves against it. Nothing is invented: no township names, no parents.
 *
 * 单位编号 Unit ids: `u-` and seven base-36 characters of a 32-bit FNV-1a hash of the unit's
 * normalised full form (县司法局 for 司法局, 县司法局 and 武陟县司法局). A hash, not a running number,
 * so that an id depends on the name alone: the same unit keeps its id when the document is revised,
 * reordered or next year's plan names it again, and ledgers and schemes written against it keep
 * working. (A collision, which is rare, gets `-2`, `-3` … in order of first appearance.) Group ids
 * are those of DEFAULT_GROUPS where the phrase is one of theirs, else `g-` and a hash.
 *
 * @category Responsibility
 * @example
 * const { roster, diagnostics } = inferRoster(plan);
 * roster.source.provisional;
 * //=> true
 * roster.units.find((u) => u.name === "县司法局")?.kind;
 * //=> "government_department"
 * buildMatrix(plan, roster).diagnostics.filter((d) => d.severity === "error").length;
 * //=> 0
 */
export const inferRoster = (plan: Plan, options: InferRosterOptions = {}): InferRosterResult => {
  const p = argument("inferRoster", "plan", Plan, plan);
  const o = argument("inferRoster", "options", InferRosterOptionsSchema, optionsOf("inferRoster", options)) as InferRosterOptions;
  const place = o.place ?? placeOf([p.issuer, p.title, p.noticeTitle]);
  const diagnostics: Diagnostic[] = [];

  // 1. Every reference in document order: collective phrases to groups, names to units.
  const useDefaults = o.defaultGroups ?? true;
  const defaultByPhrase = new Map<string, UnitGroup>();
  if (useDefaults) for (const g of DEFAULT_GROUPS) for (const ph of [g.name, ...(g.phrases ?? [])]) if (!defaultByPhrase.has(nameKey(ph))) defaultByPhrase.set(nameKey(ph), g);
  const names = new Map<string, Written>();
  const phrases = new Map<string, Written & { readonly scope: GroupScope; readonly builtIn?: UnitGroup }>();
  const byId = new Map<string, { texts: Written[] }>();
  const groupsById = new Map<string, { texts: Written[] }>();
  const visit = (ref: UnitRef): void => {
    const key = nameKey(ref.text);
    const w: Written = { key, text: ref.text, source: ref.source };
    if (ref.unitId !== undefined) return void (byId.get(ref.unitId) ?? setNew(byId, ref.unitId, { texts: [] })).texts.push(w);
    if (ref.groupId !== undefined) return void (groupsById.get(ref.groupId) ?? setNew(groupsById, ref.groupId, { texts: [] })).texts.push(w);
    if (key === "" || names.has(key) || phrases.has(key)) return;
    const builtIn = defaultByPhrase.get(key);
    const rule = builtIn === undefined ? firstRule(COLLECTIVE_RULES, key) : undefined;
    if (builtIn !== undefined) phrases.set(key, { ...w, scope: builtIn.scope, builtIn });
    else if (rule !== undefined) phrases.set(key, { ...w, scope: rule.value });
    else names.set(key, w);
  };
  for (const s of p.sections) {
    for (const t of s.tasks) {
      for (const c of t.clauses) for (const role of Role.options) c.assignment[role].forEach(visit);
      for (const r of t.requirements) r.units?.forEach(visit);
    }
  }

  // 2. Which written names are one unit.
  const list = [...names.values()];
  const sets = new DisjointSets(list.map((w) => w.key), keepApartOf(o.keepApart ?? []));
  const index = new Map(list.map((w, i) => [w.key, i]));
  const merged: Merge[] = [];
  const unsure: Array<{ short: number; longs: number[] }> = [];
  for (const group of o.merges ?? []) {
    const found = group.map((n) => index.get(nameKey(n))).filter((i): i is number => i !== undefined);
    for (const i of found.slice(1)) if (sets.union(found[0] as number, i, true)) merged.push({ a: found[0] as number, b: i, why: "explicit" });
  }
  const form = place !== undefined ? formKey(place) : undefined;
  const canonical = list.map((w) => canonicalName(form?.(w.key) ?? w.key));
  if (o.merge ?? true) {
    mergeForms(canonical, form, sets, merged);
    unsure.push(...mergeAbbreviations(canonical, sets, merged));
  }

  // 3. The units: one per set, named by its fullest form; then units the plan named by id.
  const members = new Map<number, number[]>();
  list.forEach((_, i) => {
    const root = sets.find(i);
    (members.get(root) ?? setNew(members, root, [])).push(i);
  });
  const taken = new Set<string>([...byId.keys()]);
  const usedNames = new Set<string>();
  const units: Unit[] = [];
  const unitOf = new Map<number, number>();
  for (const ids of members.values()) {
    const forms = ids.map((i) => list[i] as Written);
    const best = fullest(forms, place);
    const kind = [best, ...forms].map((w) => guessKind(w.key)).find((k) => k !== "other") ?? "other";
    const level = guessLevel(best.key, kind, place);
    const id = stableId("u-", canonical[ids[forms.indexOf(best)] as number] as string, taken);
    const aliases = forms.filter((w) => w !== best).map((w) => w.text);
    const note = aliases.length > 0 ? `由公文中的几种写法合并：${forms.map((w) => w.text).join("、")}；如不是同一单位，请拆开。Merged from the document's forms; split them if they are different units.` : undefined;
    for (const i of ids) unitOf.set(i, units.length);
    for (const w of forms) usedNames.add(w.key);
    units.push({ id: id as Unit["id"], name: best.text, kind, ...(level !== undefined ? { level } : {}), ...(aliases.length > 0 ? { aliases } : {}), ...(note !== undefined ? { note } : {}) });
  }
  for (const [id, { texts }] of byId) {
    const own = firstOfEachKey(texts).filter((w) => w.key !== "" && !usedNames.has(w.key) && !phrases.has(w.key));
    for (const w of own) usedNames.add(w.key);
    const first = own[0];
    const name = first?.text ?? `单位 ${id}`;
    const kind = guessKind(first?.key ?? "");
    const level = first === undefined ? undefined : guessLevel(first.key, kind, place);
    units.push({ id: id as Unit["id"], name, kind, ...(level !== undefined ? { level } : {}), ...(own.length > 1 ? { aliases: own.slice(1).map((w) => w.text) } : {}) });
  }

  // 4. Merge notices, at the unit and the place the merged form was first written.
  for (const { a, b, why } of merged) {
    const u = units[unitOf.get(a) as number] as Unit;
    const wa = list[a] as Written;
    const wb = list[b] as Written;
    const [zh, en] = MERGE_REASON[why];
    diagnostics.push(
      diag(
        "units_merged",
        "info",
        `“${wb.text}”与“${wa.text}”视为同一单位“${u.name}”（${zh}）；如不是，请在名录中拆开，或用 keepApart 选项`,
        `"${wb.text}" and "${wa.text}" are taken as one unit, "${u.name}" (${en}); if they are not, split them in the roster or use the keepApart option`,
        ["units", unitOf.get(a) as number],
        wb.source,
      ),
    );
  }
  for (const { short, longs } of unsure) {
    const w = list[short] as Written;
    const names = longs.map((l) => (list[l] as Written).text);
    diagnostics.push(
      diag(
        "merge_unsure",
        "info",
        `“${w.text}”可能是${names.map((n) => `“${n}”`).join("或")}的简称，也可能是另一个单位，未合并；如是简称，请在名录中把它移为该单位的别名（或用 merges 选项）`,
        `"${w.text}" may be short for ${names.map((n) => `"${n}"`).join(" or ")}, or another unit; not merged: if it is short for one, move it there as an alias (or use the merges option)`,
        ["units", unitOf.get(short) as number],
        w.source,
      ),
    );
  }
  units.forEach((u, i) => {
    if ([...nameKey(u.name)].length <= 1) diagnostics.push(diag("vague_unit_name", "warning", `“${u.name}”不像完整的单位名称（可能是排版断开的残片），请核对`, `"${u.name}" does not look like a whole unit name (perhaps a piece left by the layout); check it`, ["units", i]));
  });

  // 5. Groups: the built-in ones the plan uses (with their scope), the other collective phrases, and groups the plan named by id.
  const groups: UnitGroup[] = [];
  const groupAt = new Map<string, UnitGroup & { phrases: string[] }>();
  const groupIds = new Set<string>(groupsById.keys());
  for (const ph of phrases.values()) {
    const gid = ph.builtIn?.id ?? stableId("g-", ph.key, groupIds);
    if (ph.builtIn !== undefined && groupsById.has(gid)) continue; // the plan's own group of that id wins
    groupIds.add(gid);
    const existing = groupAt.get(gid);
    if (existing !== undefined) existing.phrases.push(ph.text);
    else {
      const g = { id: gid as UnitGroup["id"], name: ph.text, phrases: [ph.text], scope: ph.scope, select: unknownMembers(ph.builtIn?.select), note: GROUP_NOTE };
      groupAt.set(gid, g);
      groups.push(g);
    }
  }
  const phraseKeys = new Set([...groupAt.values()].flatMap((g) => g.phrases.map(nameKey)));
  for (const [id, { texts }] of groupsById) {
    const own = firstOfEachKey(texts).filter((w) => w.key !== "" && !usedNames.has(w.key) && !phraseKeys.has(w.key));
    groups.push({ id: id as UnitGroup["id"], name: own[0]?.text ?? `单位组 ${id}`, ...(own.length > 0 ? { phrases: own.map((w) => w.text) } : {}), scope: "relevant", select: { members: [] }, note: GROUP_NOTE });
  }

  const title = p.title !== "" ? `《${p.title}》` : `工作安排 ${p.id}`;
  const roster: Roster = {
    id: o.id ?? p.id,
    name: place ?? "（地名未识别）",
    ...(p.year !== undefined ? { asOf: `${String(p.year).padStart(4, "0")}-01-01` as Roster["asOf"] } : {}),
    source: {
      title: `由${title}推断的单位名录（待核对）`,
      note:
        "由 fazhi 按公文中的单位名称推断：名称照录公文写法，类别和层级按名称猜测，简称与全称已合并（见各单位的 note）。请核对后删去 provisional。" +
        " Inferred by fazhi from the names in the document: names as written, kinds and levels guessed from the names, short and long forms merged (see each unit's note). Check it, then remove provisional.",
      provisional: true,
    },
    units,
    groups,
    ...(groups.length > 0 || place === undefined
      ? {
          missing: [
            ...(groups.length > 0
              ? [`单位组的成员：公文只写了集合称谓（${groups.map((g) => g.name).join("、")}），名单需由本地补充——在单位组的 select.members 中列出单位编号，或加入相应类别的单位并改用 select.kinds。Group members: the document only uses collective phrases; list the members' ids in select.members, or add units of the right kinds and select them by kind.`]
              : []),
            ...(place === undefined ? ["地名：未能从发文单位或标题读出，请填写 name（如“某某县”）。The place: not found in the issuer or title; fill in name."] : []),
          ],
        }
      : {}),
  };
  return deepFreeze({ roster, diagnostics });
};

/** Two written names (by index) put in one unit, and why. */
interface Merge {
  readonly a: number;
  readonly b: number;
  readonly why: "explicit" | "form" | "abbreviation";
}

const GROUP_NOTE = "成员未知：公文没有列出名单，请补充。Members unknown: the document does not list them.";

const MERGE_REASON: Readonly<Record<"explicit" | "form" | "abbreviation", readonly [string, string]>> = {
  explicit: ["按 merges 选项", "as the merges option says"],
  form: ["同一名称带或不带本地地名、层级", "one name with and without the place or level"],
  abbreviation: ["简称与全称", "a short and a long form"],
};

/** A group's selector before anyone lists its members: no members, keeping only whether it leaves out the units named beside it. */
const unknownMembers = (select: GroupSelector | undefined): GroupSelector => (select?.exceptNamed === true ? { members: [], exceptNamed: true } : { members: [] });

const setNew = <K, V>(map: Map<K, V>, key: K, value: V): V => {
  map.set(key, value);
  return value;
};

/**
 * A name with the parts that do not tell units apart removed: 人民 before 政府/法院/检察院, 市府 →
 * 市政府, and a 政府 between the level and a department's name (县政府法制办 → 县法制办; 县政府办
 * keeps its 政府, which is the whole name).
 */
const canonicalName = (key: string): string => {
  const level = /^[省市县区州旗乡镇]/.test(key) ? (key[0] as string) : "";
  let rest = key.slice(level.length);
  rest = rest.replace(/^人民(?=政府|法院|检察院|代表大会)/, "").replace(/^府(?=.)/, "政府");
  if (level !== "" && rest.startsWith("政府") && rest.length - 2 >= 3 && !/^办(?:公室|公厅)?$/.test(rest.slice(2))) rest = rest.slice(2);
  return level + rest;
};

/**
 * Same canonical name, or (with the place known) the same county form: 司法局 / 县司法局 / 武陟县司法局,
 * 县政府法制办 / 县法制办; without the place, a bare name and its one prefixed form (法制局 / 市法制局).
 */
const mergeForms = (canonical: readonly string[], form: ((k: string) => string | undefined) | undefined, sets: DisjointSets, merged: Merge[]): void => {
  const first = new Map<string, number>();
  canonical.forEach((c, i) => {
    const at = first.get(c);
    if (at === undefined) first.set(c, i);
    else if (sets.union(at, i)) merged.push({ a: at, b: i, why: "form" });
  });
  if (form !== undefined) return;
  // The place unknown: a bare name is the one level-prefixed form with the same rest, when there is
  // exactly one. Every name looks: 市场监管局 is bare, though it starts like 市, while a name with a
  // real level in front finds no longer form ending in it.
  const prefixed = new Map<string, number[]>();
  canonical.forEach((c, i) => {
    if (/^[省市县区州旗]/.test(c) && c.length > 2) (prefixed.get(c.slice(1)) ?? setNew(prefixed, c.slice(1), [])).push(i);
  });
  canonical.forEach((c, i) => {
    const candidates = prefixed.get(c) ?? [];
    const roots = new Set(candidates.map((j) => sets.find(j)));
    if (roots.size === 1 && sets.union(candidates[0] as number, i)) merged.push({ a: candidates[0] as number, b: i, why: "form" });
  });
};

/**
 * Abbreviations: a short name whose characters appear in order in exactly one longer name with the
 * same level, first character and type word (市编办 / 市编委办, 省发改委 / 省发展改革委, 县政府办 /
 * 县政府办公室, 人社局 / 人力资源社会保障局) and spells it out ({@link expands}). Two candidates, or one
 * that is only a character longer: reported, not merged (市府办 might be 市政府办公室 or 市政府办公厅;
 * 县委办 is not 县委编办). Names are compared only within their bucket, and a bucket larger
 * than BUCKET_MAX is left alone, so the cost stays linear in the number of names.
 */
const mergeAbbreviations = (canonical: readonly string[], sets: DisjointSets, merged: Merge[]): Array<{ short: number; longs: number[] }> => {
  const unsure: Array<{ short: number; longs: number[] }> = [];
  const buckets = new Map<string, number[]>();
  canonical.forEach((c, i) => {
    const level = /^[省市县区州旗乡镇]/.test(c) ? (c[0] as string) : "";
    const rest = c.slice(level.length);
    if (rest.length < 2) return;
    const k = `${level}|${rest[0]}|${typeWord(rest)}`;
    (buckets.get(k) ?? setNew(buckets, k, [])).push(i);
  });
  // Decide every name against the sets as the earlier rules left them, then join: the outcome does
  // not depend on the order the document names things in.
  const joins: Array<[number, number]> = [];
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || bucket.length > BUCKET_MAX) continue;
    for (const s of bucket) {
      const short = canonical[s] as string;
      const strong = new Map<number, number>();
      const weak = new Map<number, number>();
      for (const l of bucket) {
        const long = canonical[l] as string;
        if (long.length <= short.length || sets.find(l) === sets.find(s) || !isSubsequence(short, long)) continue;
        const into = expands(short, long) ? strong : weak;
        if (!into.has(sets.find(l))) into.set(sets.find(l), l);
      }
      const only = strong.size === 1 ? ([...strong][0] as [number, number]) : undefined;
      if (only !== undefined && [...weak.keys()].every((r) => r === only[0])) joins.push([only[1], s]);
      else if (strong.size + weak.size > 0) unsure.push({ short: s, longs: [...new Map([...strong, ...weak]).values()] });
    }
  }
  for (const [l, s] of joins) if (sets.union(l, s)) merged.push({ a: l, b: s, why: "abbreviation" });
  return unsure;
};

/**
 * Whether a long name spells out its short one, rather than adding a word to it: it is at least two
 * characters longer (发改委 → 发展改革委, 人社局 → 人力资源社会保障局), as it always is where the type
 * word is spelt out (办 → 办公室, 委 → 委员会: the names of a bucket share their type word, so the
 * short one ends in 办 or 委 and the long one has two characters more after it; only a short form in
 * 常委会 and a long one in 常委员会, which is no unit's name, could differ by one). One character more
 * is as often another unit (县委办 is not 县委编办).
 */
const expands = (short: string, long: string): boolean => [...long].length - [...short].length >= 2;

/** Whether the characters of `short` appear in `long` in order. */
const isSubsequence = (short: string, long: string): boolean => {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i += 1;
  return i === short.length;
};

/**
 * The fullest form of a unit's names: the longest not written with the place's name in front
 * (县司法局 over 司法局 and 武陟县司法局); on a tie the first in code-point order, so that the choice
 * (and the id that follows from it) does not depend on where the document writes each form first.
 */
const fullest = (forms: readonly Written[], place: string | undefined): Written => {
  const plain = place === undefined ? forms : forms.filter((w) => !w.key.startsWith(place));
  const pool = plain.length > 0 ? plain : forms;
  const length = (w: Written) => [...w.key].length;
  return pool.reduce((best, w) => (length(w) > length(best) || (length(w) === length(best) && w.key < best.key) ? w : best));
};

/** `prefix` + 7 base-36 characters of the FNV-1a hash of `key`, unique among `taken` (which it joins). */
const stableId = (prefix: string, key: string, taken: Set<string>): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const base = `${prefix}${h.toString(36).padStart(7, "0")}`;
  let id = base;
  for (let n = 2; taken.has(id) || !isWellFormedId(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
};

/** Pairs of names (by key) that must stay in different units. A name the plan does not write is in no set, so its pairs are never read. */
const keepApartOf = (lists: ReadonlyArray<readonly string[]>): Array<readonly [string, string]> => {
  const pairs: Array<readonly [string, string]> = [];
  for (const l of lists) {
    const keys = [...new Set(l.map(nameKey))];
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.push([keys[i] as string, keys[j] as string]);
  }
  return pairs;
};

/**
 * Union-find over the written names, with the pairs that must stay apart: an automatic union that
 * would put such a pair in one set is refused (an explicit one is not).
 */
class DisjointSets {
  private readonly parent: number[];
  /** Per root, the keep-apart names its set holds. */
  private readonly apart = new Map<number, Set<string>>();
  private readonly forbidden: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(
    private readonly keys: readonly string[],
    pairs: ReadonlyArray<readonly [string, string]>,
  ) {
    this.parent = keys.map((_, i) => i);
    const f = new Map<string, Set<string>>();
    for (const [a, b] of pairs) {
      (f.get(a) ?? setNew(f, a, new Set())).add(b);
      (f.get(b) ?? setNew(f, b, new Set())).add(a);
    }
    this.forbidden = f;
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[i] !== r) {
      const next = this.parent[i] as number;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  private apartOf(root: number): Set<string> {
    let s = this.apart.get(root);
    if (s === undefined) {
      s = new Set();
      const k = this.keys[root] as string;
      if (this.forbidden.has(k)) s.add(k);
      this.apart.set(root, s);
    }
    return s;
  }

  /** Join the sets of a and b; false when they were one already, or when keep-apart forbids it (unless explicit). */
  union(a: number, b: number, explicit = false): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    const sa = this.apartOf(ra);
    const sb = this.apartOf(rb);
    if (!explicit) for (const k of sa) for (const other of this.forbidden.get(k) ?? []) if (sb.has(other)) return false;
    this.parent[rb] = ra;
    for (const k of sb) sa.add(k);
    this.apart.delete(rb);
    return true;
  }
}
