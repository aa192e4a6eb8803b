// The facts of a ledger that scoring uses, indexed per unit in one pass.
import type { IsoDate } from "../model/dates.js";
import type { Ledger, ProgressEntry, WorkEntry } from "../model/ledger.js";
import { firstOfEachId } from "../ledger/status.js";

export type Incident = Extract<ProgressEntry, { kind: "incident" }>;
export type Measure = Extract<ProgressEntry, { kind: "measure" }>;
export type Problem = Extract<ProgressEntry, { kind: "problem" }>;
export type Rectified = Extract<ProgressEntry, { kind: "rectified" }>;
export type Award = Extract<ProgressEntry, { kind: "award" }>;
export type VetoEntry = Extract<ProgressEntry, { kind: "veto" }>;
export type Completion = Extract<ProgressEntry, { kind: "done" | "held" }>;

/** A supervision problem (督察问题) and its rectification, each when reported. */
export interface ProblemFacts {
  problem?: Problem;
  rectified?: Rectified;
}

/** One unit's facts: this year's (from the year's start to asOf), and open problems from before. */
export interface UnitFacts {
  readonly incidents: Map<string, Incident[]>;
  /** The latest measure of each metric (by date, then id). */
  readonly measures: Map<string, Measure>;
  readonly problems: Map<string, ProblemFacts>;
  readonly awards: Map<string, Award[]>;
  readonly vetoes: Map<string, VetoEntry[]>;
  /** Completions (done, held) by task id and by requirement id, for count clauses. */
  readonly work: Map<string, Completion[]>;
}

export interface LedgerFacts {
  readonly units: Map<string, UnitFacts>;
  /** Last year's measures per unit (for trends). */
  readonly lastYear: Map<string, Map<string, Measure>>;
  /** The latest measure of each benchmark metric, whoever reported it. */
  readonly benchmarks: Map<string, Measure>;
  /** Awards already credited in an earlier year (award entries dated before this year), by {@link creditKey}. */
  readonly credited: Set<string>;
  /** Every work entry up to asOf (any year), when asked for: occurrence status reads them. */
  readonly work: WorkEntry[];
}

/** An award credited to a unit (one award document may commend several units). */
export const creditKey = (unitId: string, awardId: string): string => `${unitId}\u0000${awardId}`;

/** Canonical order of entries: by date, then id. */
export const before = (a: ProgressEntry, b: ProgressEntry): boolean => a.date < b.date || (a.date === b.date && a.id < b.id);
export const byDateThenId = (a: ProgressEntry, b: ProgressEntry): number => (before(a, b) ? -1 : before(b, a) ? 1 : 0);

export const emptyFacts = (): UnitFacts => ({ incidents: new Map(), measures: new Map(), problems: new Map(), awards: new Map(), vetoes: new Map(), work: new Map() });

/** Append to the list under a key, creating it. */
export const pushTo = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

export interface IndexOptions {
  readonly from: IsoDate;
  readonly asOf: IsoDate;
  /** "YYYY-" of last year, to take last year's measures from this ledger (no previous ledger given). */
  readonly lastYear?: string;
  /** Metrics reported as benchmarks (全省平均 …), looked up across all units. */
  readonly benchmarks: ReadonlySet<string>;
  /** The tasks and requirements whose completions count clauses count. */
  readonly counted: ReadonlySet<string>;
  /** Whether to collect every work entry up to asOf (for occurrence status, in the same pass). */
  readonly status: boolean;
}

/**
 * Index a ledger's facts per unit, in one pass. A repeated id counts once (the first reported
 * wins). Nothing depends on the order entries arrived in: single picks compare (date, id), and
 * listed entries are sorted where they are reported.
 */
export const indexFacts = (ledger: Ledger, o: IndexOptions): LedgerFacts => {
  const units = new Map<string, UnitFacts>();
  const lastYear = new Map<string, Map<string, Measure>>();
  const benchmarks = new Map<string, Measure>();
  const credited = new Set<string>();
  const work: WorkEntry[] = [];
  const entries = ledger.entries;
  const first = firstOfEachId(entries);
  const { from, asOf } = o;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ProgressEntry;
    if (!first(e.id, i)) continue;
    const date = e.date;
    if (date > asOf) continue;
    if (o.status && (e.kind === "done" || e.kind === "held" || e.kind === "progress")) work.push(e);
    if (date < from) {
      if (e.kind === "award") {
        if (e.awardId !== undefined) credited.add(creditKey(e.unitId, e.awardId));
        continue;
      }
      if (e.kind === "measure" && o.lastYear !== undefined && date.startsWith(o.lastYear)) {
        let m = lastYear.get(e.unitId);
        if (m === undefined) lastYear.set(e.unitId, (m = new Map()));
        const prev = m.get(e.metric);
        if (prev === undefined || before(prev, e)) m.set(e.metric, e);
        continue;
      }
      if (e.kind !== "problem" && e.kind !== "rectified") continue;
    }
    let f = units.get(e.unitId);
    if (f === undefined) units.set(e.unitId, (f = emptyFacts()));
    switch (e.kind) {
      case "incident":
        pushTo(f.incidents, e.tag, e);
        break;
      case "measure": {
        const prev = f.measures.get(e.metric);
        if (prev === undefined || before(prev, e)) f.measures.set(e.metric, e);
        if (o.benchmarks.has(e.metric)) {
          const b = benchmarks.get(e.metric);
          if (b === undefined || before(b, e)) benchmarks.set(e.metric, e);
        }
        break;
      }
      case "problem":
      case "rectified": {
        let p = f.problems.get(e.problemId);
        if (p === undefined) f.problems.set(e.problemId, (p = {}));
        if (e.kind === "problem") {
          if (p.problem === undefined || before(e, p.problem)) p.problem = e;
        } else if (p.rectified === undefined || before(e, p.rectified)) p.rectified = e;
        break;
      }
      case "award":
        pushTo(f.awards, e.category, e);
        break;
      case "veto":
        pushTo(f.vetoes, e.vetoId, e);
        break;
      case "done":
      case "held":
        if (o.counted.size > 0) {
          if (o.counted.has(e.taskId)) pushTo(f.work, e.taskId, e);
          if (e.requirementId !== undefined && o.counted.has(e.requirementId)) pushTo(f.work, e.requirementId, e);
        }
        break;
      case "progress":
        break;
      default: {
        const never: never = e;
        return never;
      }
    }
  }
  return { units, lastYear, benchmarks, credited, work };
};

/** Last year's measures from a separate ledger (every measure in it counts), and its award ids. */
export const indexPrevious = (ledger: Ledger): { lastYear: Map<string, Map<string, Measure>>; credited: Set<string> } => {
  const lastYear = new Map<string, Map<string, Measure>>();
  const credited = new Set<string>();
  const first = firstOfEachId(ledger.entries);
  for (const [i, e] of ledger.entries.entries()) {
    if (!first(e.id, i)) continue;
    if (e.kind === "award" && e.awardId !== undefined) credited.add(creditKey(e.unitId, e.awardId));
    if (e.kind !== "measure") continue;
    let m = lastYear.get(e.unitId);
    if (m === undefined) lastYear.set(e.unitId, (m = new Map()));
    const prev = m.get(e.metric);
    if (prev === undefined || before(prev, e)) m.set(e.metric, e);
  }
  return { lastYear, credited };
};
