// References into a plan that survive a renamed file, standard input and another plan id. A scheme
// or a ledger may name a task, clause, requirement or occurrence by its full id (wuzhi-2024.t35),
// by its id within the plan (t35, t4.c2, t13.r1, t23.r2.2024-Q1; zero padding optional), by a task
// number (35), or by a full id written for a plan of another id (wuzhi-2024.t35 read with plan.txt,
// whose id is plan). Each resolves to the plan's own id; only the last earns a notice. (Internal:
// the readers of ledgers and schemes use it; not exported from the index.)
import { type Diagnostic, type DiagnosticPath, diag } from "./diagnostic.js";
import type { Plan } from "./plan.js";

/** What a reference names. */
export type RefKind = "task" | "clause" | "requirement";

/** A reference resolved to the plan's id; `foreign` is the other plan id it was written with. */
export interface ResolvedRef {
  readonly id: string;
  readonly foreign?: string;
}

/** The references of one plan, indexed once. */
export interface PlanRefs {
  readonly planId: string;
  /** The plan's id for a reference, or undefined when it names nothing of this kind in the plan. */
  readonly resolve: (kind: RefKind, ref: string) => ResolvedRef | undefined;
  /** An occurrence id: its requirement resolved, the period after it kept (t23.r2.2024-Q1). */
  readonly resolveOccurrence: (ref: string) => ResolvedRef | undefined;
  /** How many tasks the plan has, and their numbers' range, for hints. */
  readonly tasks: { readonly count: number; readonly first?: number; readonly last?: number };
}

/** A segment such as t04, c2, r13: a letter and a number, compared without zero padding. */
const NUMBERED = /^([tcr])0*(\d+)$/;
const TASK_SEGMENT = /^t\d+$/;
const AMBIGUOUS = "";

/** t04.c2 → t4.c2: the relative form compared. */
const canonical = (segments: readonly string[]): string => segments.map((s) => s.replace(NUMBERED, "$1$2")).join(".");

const cache = new WeakMap<Plan, PlanRefs>();

/** The index of a plan's references (kept for a frozen plan, which cannot change). */
export const planRefs = (plan: Plan): PlanRefs => {
  const known = cache.get(plan);
  if (known !== undefined) return known;
  const own = `${plan.id}.`;
  const relative = (id: string) => (id.startsWith(own) ? id.slice(own.length) : id);
  const maps: Record<RefKind, Map<string, string>> = { task: new Map(), clause: new Map(), requirement: new Map() };
  const exact: Record<RefKind, Set<string>> = { task: new Set(), clause: new Set(), requirement: new Set() };
  const add = (kind: RefKind, id: string) => {
    exact[kind].add(id);
    const k = canonical(relative(id).split("."));
    const seen = maps[kind].get(k);
    maps[kind].set(k, seen === undefined || seen === id ? id : AMBIGUOUS);
  };
  const byNo = new Map<number, string>();
  let first: number | undefined;
  let last: number | undefined;
  let count = 0;
  for (const s of plan.sections) {
    for (const t of s.tasks) {
      count += 1;
      first = first === undefined ? t.no : Math.min(first, t.no);
      last = last === undefined ? t.no : Math.max(last, t.no);
      add("task", t.id);
      byNo.set(t.no, byNo.has(t.no) ? AMBIGUOUS : t.id);
      for (const c of t.clauses) add("clause", c.id);
      for (const r of t.requirements) add("requirement", r.id);
    }
  }

  const resolve = (kind: RefKind, ref: string): ResolvedRef | undefined => {
    if (typeof ref !== "string") return undefined;
    if (exact[kind].has(ref)) return { id: ref };
    if (kind === "task" && /^\d{1,6}$/.test(ref)) {
      const id = byNo.get(Number(ref));
      return id === undefined || id === AMBIGUOUS ? undefined : { id };
    }
    const rel = ref.startsWith(own) ? ref.slice(own.length) : undefined;
    if (rel !== undefined) return found(maps[kind].get(canonical(rel.split("."))));
    const segments = ref.split(".");
    const at = segments.findIndex((s) => TASK_SEGMENT.test(s.replace(NUMBERED, "$1$2")));
    if (at === -1) return found(maps[kind].get(canonical(segments)));
    const hit = found(maps[kind].get(canonical(segments.slice(at))));
    if (hit === undefined || at === 0) return hit;
    return { id: hit.id, foreign: segments.slice(0, at).join(".") };
  };

  const refs: PlanRefs = {
    planId: plan.id,
    resolve,
    resolveOccurrence: (ref) => {
      if (typeof ref !== "string") return undefined;
      // The requirement is the longest leading part that resolves; the period follows it.
      const segments = ref.split(".");
      for (let n = segments.length - 1; n >= 1; n--) {
        const r = resolve("requirement", segments.slice(0, n).join("."));
        if (r !== undefined) return { ...r, id: [r.id, ...segments.slice(n)].join(".") };
      }
      return undefined;
    },
    tasks: { count, ...(first !== undefined ? { first } : {}), ...(last !== undefined ? { last } : {}) },
  };
  if (Object.isFrozen(plan)) cache.set(plan, refs);
  return refs;
};

const found = (id: string | undefined): ResolvedRef | undefined => (id === undefined || id === AMBIGUOUS ? undefined : { id });

/**
 * Collects the references written for a plan of another id, and gives one info notice per such
 * id (with how many references, and where the first was): nothing about ids that were simply
 * relative or task numbers, which are the portable form.
 */
export const foreignNotices = (planId: string, what: { readonly zh: string; readonly en: string }) => {
  const seen = new Map<string, { count: number; path: DiagnosticPath; example: string }>();
  return {
    note: (r: ResolvedRef, written: string, path: DiagnosticPath): void => {
      if (r.foreign === undefined) return;
      const s = seen.get(r.foreign);
      if (s === undefined) seen.set(r.foreign, { count: 1, path, example: `${written} → ${r.id}` });
      else s.count += 1;
    },
    notices: (): Diagnostic[] =>
      [...seen].map(([foreign, s]) =>
        diag(
          "foreign_plan_id",
          "info",
          `${what.zh}中有${s.count}处编号是为工作安排“${foreign}”写的，本工作安排的编号是“${planId}”；已按任务序号对应（如 ${s.example}）。可改写为与编号无关的 t35、t13.r1`,
          `${what.en} names ${s.count} ${s.count === 1 ? "id" : "ids"} written for plan "${foreign}"; this plan's id is "${planId}", so they were matched by task number (e.g. ${s.example}). Write them as t35, t13.r1 to drop the plan id`,
          s.path,
        ),
      ),
  };
};

/** What the plan's tasks are, for a message about a task it lacks. */
export const taskHint = (refs: PlanRefs): string =>
  refs.tasks.count === 0 ? "（工作安排中没有任务）" : `（本工作安排有${refs.tasks.count}项任务，可写作 t${refs.tasks.first}–t${refs.tasks.last} 或任务序号）`;
export const taskHintEn = (refs: PlanRefs): string =>
  refs.tasks.count === 0 ? " (the plan has no tasks)" : ` (the plan has ${refs.tasks.count} tasks: write t${refs.tasks.first}-t${refs.tasks.last} or the task number)`;
