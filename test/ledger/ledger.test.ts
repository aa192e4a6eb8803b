import { enablePatches, produceWithPatches } from "immer";
import { describe, expect, it } from "vitest";
import { emptyLedger, isWorkEntry, readLedger, recordMany, recordProgress, removeEntry, replay } from "../../src/ledger/ledger.js";
import { type Ledger, ProgressEntry } from "../../src/model/ledger.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { seedContext } from "../support/context.js";
import { seedRoster } from "../support/rosters.js";
import { lazy } from "../support/lazy.js";
import { seedText } from "../support/seed.js";

const ctx = seedContext();
// Built inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
const empty = lazy(() => emptyLedger(ctx.plan.id));
const entry = (over: Record<string, unknown> = {}) => ({
  id: "e1",
  unitId: "sfj",
  taskId: "wuzhi-2024.t13",
  requirementId: "wuzhi-2024.t13.r2",
  date: "2024-06-20",
  kind: "done",
  evidence: [{ title: "全员轮训完成情况报告" }],
  ...over,
});

describe("recordProgress", () => {
  it("records an entry, returns patches, never mutates, freezes the result", () => {
    const base = empty();
    const r = recordProgress(base, entry(), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(base.entries).toHaveLength(0);
    expect(r.ledger.entries.map((e) => e.id)).toEqual(["e1"]);
    expect(Object.isFrozen(r.ledger)).toBe(true);
    expect(Object.isFrozen(r.ledger.entries[0])).toBe(true);
    expect(r.patches).toEqual([{ op: "add", path: ["entries", 0], value: r.ledger.entries[0] }]);
  });

  it("rejects bad entries with coded issues and leaves the ledger unchanged", () => {
    const base = empty();
    const cases: Array<[Record<string, unknown>, string, Array<string | number>]> = [
      [{ unitId: "ghost" }, "unknown_unit", ["unitId"]],
      [{ taskId: "wuzhi-2024.t99" }, "unknown_task", ["taskId"]],
      [{ requirementId: "wuzhi-2024.t13.r9" }, "unknown_requirement", ["requirementId"]],
      [{ unitId: "xwbb", taskId: "wuzhi-2024.t12", requirementId: undefined }, "no_role", ["unitId"]], // 县委编办 (a party department) has no role in task 12
      [{ date: "2024-07-16" }, "future_date", ["date"]],
      [{ occurrenceId: "wuzhi-2024.t23.r2.2024-Q1" }, "unknown_occurrence", ["occurrenceId"]],
      [{ date: "2024-02-30" }, "invalid_format", ["date"]],
      [{ kind: "finished" }, "invalid_union", ["kind"]],
      [{ extra: 1 }, "unrecognized_keys", []],
    ];
    for (const [over, code, path] of cases) {
      const r = recordProgress(base, entry(over), ctx);
      expect({ over, ok: r.ok, codes: r.issues.map((d) => d.code), path: r.issues[0]?.path }).toEqual({ over, ok: false, codes: [code], path });
      expect(r.ledger).toBe(base);
    }
  });

  it("rejects a duplicate id", () => {
    const base = empty();
    const first = recordProgress(base, entry(), ctx);
    if (!first.ok) throw new Error("setup");
    const again = recordProgress(first.ledger, entry({ date: "2024-06-21" }), ctx);
    expect(again.ok).toBe(false);
    expect(again.issues.map((d) => d.code)).toEqual(["duplicate_entry"]);
    expect(again.ledger).toBe(first.ledger);
  });

  it("a candidate unit (县直有关单位) may report on its task", () => {
    const base = empty();
    expect(recordProgress(base, entry({ unitId: "xfj", taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2" }), ctx).ok).toBe(true);
  });

  it("recordMany is all or nothing", () => {
    const base = empty();
    const r = recordMany(base, [entry(), entry({ id: "e2", unitId: "ghost" })], ctx);
    expect(r.ok).toBe(false);
    expect(r.issues.map((d) => [d.code, d.path])).toEqual([["unknown_unit", [1, "unitId"]]]);
    expect(r.ledger).toBe(base);
  });
});

describe("audit trail", () => {
  it("replay(patches) rebuilds the same ledger; inverse patches undo", () => {
    const base = empty();
    let ledger: Ledger = base;
    const changes = [];
    const inverses = [];
    for (const e of [entry(), entry({ id: "e2", date: "2024-06-25" }), entry({ id: "e3", kind: "progress", date: "2024-05-01" })]) {
      const r = recordProgress(ledger, e, ctx);
      if (!r.ok) throw new Error(r.issues[0]!.message);
      ledger = r.ledger;
      changes.push(r.patches);
      inverses.push(r.inversePatches);
    }
    const removed = removeEntry(ledger, "e2");
    if (!removed.ok) throw new Error("remove");
    changes.push(removed.patches);
    expect(replay(base, changes)).toEqual(removed.ledger);
    expect(replay(base, changes.slice(0, 2))).toEqual({ planId: "wuzhi-2024", entries: [ledger.entries[0], ledger.entries[1]] });
    expect(replay(ledger, [...inverses].reverse())).toEqual(base);
    expect(removeEntry(ledger, "nope").issues[0]!.code).toBe("unknown_entry");
  });
});

describe("readLedger", () => {
  it("checks the schema, duplicate ids, and (with a context) every entry", () => {
    expect(readLedger({ planId: "wuzhi-2024", entries: [entry()] }).ok).toBe(true);
    expect(readLedger({ planId: "wuzhi-2024", entries: [entry(), entry()] }).issues.map((d) => [d.code, d.path])).toEqual([["duplicate_entry", ["entries", 1, "id"]]]);
    const r = readLedger({ planId: "wuzhi-2024", entries: [entry({ unitId: "ghost" })] }, ctx);
    expect(r.issues.map((d) => [d.code, d.path])).toEqual([["unknown_unit", ["entries", 0, "unitId"]]]);
    expect(readLedger("junk").ok).toBe(false);
  });

  it("refuses a context without a plan or a matrix with a FazhiError (Object.isFrozen(undefined) is true, so it once reached a WeakMap)", () => {
    const ledger = { planId: "wuzhi-2024", entries: [entry()] };
    for (const bad of [{ asOf: "2024-06-30" }, { plan: ctx.plan, asOf: "2024-06-30" }, { plan: ctx.plan, matrix: 1, asOf: "2024-06-30" }]) {
      expect(() => readLedger(ledger, bad as never)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    }
  });
});

describe("appending one entry at a time", () => {
  const pairs = ctx.matrix.cells.filter((c) => c.certainty === "definite");
  const nth = (i: number) => {
    const c = pairs[i % pairs.length]!;
    return { id: `n${i}`, unitId: c.unitId, taskId: c.taskId, date: "2024-05-10", kind: "progress" };
  };

  it("costs the same at any ledger size: old entries are not re-read on each append", () => {
    // 200 old entries and 100 appends tell linear from quadratic as well as 2000 did (re-reading
    // the old entries on each append would read them 20,000 times), at a tenth of the cost.
    const n = 200;
    let reads = 0;
    const counted = Object.freeze(
      Array.from({ length: n }, (_, i) => new Proxy(ProgressEntry.parse(nth(i)), { get: (t, k, r) => (k === "id" && (reads += 1), Reflect.get(t, k, r)) })),
    );
    let ledger: Ledger = Object.freeze({ planId: ctx.plan.id, entries: counted }) as Ledger;
    for (let i = n; i < n + 100; i++) {
      const r = recordProgress(ledger, nth(i), ctx);
      if (!r.ok) throw new Error(r.issues[0]!.message);
      ledger = r.ledger;
    }
    expect(ledger.entries).toHaveLength(n + 100);
    expect(reads).toBeLessThan(4 * n); // a few reads per old entry in all (about 25,000 when every append re-read them)
  });

  it("gives the same ledgers and patches as immer's produceWithPatches", () => {
    const base = empty();
    enablePatches();
    let ledger: Ledger = base;
    for (let i = 0; i < 5; i++) {
      const r = recordMany(ledger, [nth(2 * i), nth(2 * i + 1)], ctx);
      if (!r.ok) throw new Error(r.issues[0]!.message);
      const [expected, patches, inverse] = produceWithPatches(JSON.parse(JSON.stringify(ledger)) as Ledger, (d) => {
        d.entries.push(r.ledger.entries.at(-2)!, r.ledger.entries.at(-1)!);
      });
      expect(r.ledger).toEqual(expected);
      expect(JSON.stringify(r.ledger)).toBe(JSON.stringify(expected));
      expect(r.patches).toEqual(patches);
      expect(r.inversePatches).toEqual(inverse);
      ledger = r.ledger;
    }
  });

  it("returns plain, frozen data; earlier ledgers never change; appending to an older ledger branches", () => {
    const base = empty();
    const a = recordProgress(base, nth(0), ctx);
    if (!a.ok) throw new Error("a");
    const b = recordProgress(a.ledger, nth(1), ctx);
    const c = recordProgress(a.ledger, nth(2), ctx); // a.ledger is no longer the newest: a branch
    if (!b.ok || !c.ok) throw new Error("b/c");
    expect(a.ledger.entries.map((e) => e.id)).toEqual(["n0"]);
    expect(b.ledger.entries.map((e) => e.id)).toEqual(["n0", "n1"]);
    expect(c.ledger.entries.map((e) => e.id)).toEqual(["n0", "n2"]);
    const d = recordProgress(b.ledger, nth(2), ctx);
    expect(d.ok).toBe(true);
    expect(recordProgress(c.ledger, nth(1), ctx).ok).toBe(true);
    expect(recordProgress(c.ledger, nth(2), ctx).issues.map((x) => x.code)).toEqual(["duplicate_entry"]);
    for (const l of [a.ledger, b.ledger, c.ledger]) {
      expect(Object.isFrozen(l)).toBe(true);
      expect(Object.isFrozen(l.entries)).toBe(true);
      expect(l.entries).toBe(l.entries);
      expect(structuredClone(l)).toEqual(JSON.parse(JSON.stringify(l)));
      expect({ ...l }).toEqual(l);
      expect(Object.keys(l)).toEqual(["planId", "entries"]);
    }
    expect(replay(base, [a.patches, b.patches])).toEqual(b.ledger);
    const removed = removeEntry(b.ledger, "n0");
    expect(removed.ok && removed.ledger.entries.map((e) => e.id)).toEqual(["n1"]);
    const e = recordProgress(removed.ledger, nth(0), ctx);
    expect(e.ok && e.ledger.entries.map((x) => x.id)).toEqual(["n1", "n0"]);
  });

  it("keeps a ledger's description", () => {
    const described = Object.freeze({ planId: ctx.plan.id, description: "示例", entries: Object.freeze([]) }) as unknown as Ledger;
    const r = recordProgress(described, nth(0), ctx);
    expect(r.ok && JSON.stringify(r.ledger)).toBe(JSON.stringify({ planId: ctx.plan.id, description: "示例", entries: [ProgressEntry.parse(nth(0))] }));
  });
});

describe("portable references", () => {
  it("records t13, t13.r2, task numbers and t23.r2.2024-Q1 as the plan's own ids, with no notice", () => {
    const base = empty();
    const r = recordMany(
      base,
      [
        entry({ taskId: "t13", requirementId: "t13.r2" }),
        entry({ id: "e2", taskId: "13", requirementId: undefined }),
        entry({ id: "e3", taskId: "t23", requirementId: "t23.r2", occurrenceId: "t23.r2.2024-Q1", date: "2024-03-20" }),
      ],
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues).toEqual([]);
    expect(r.ledger.entries.map((e) => [e.taskId, "requirementId" in e ? e.requirementId : undefined])).toEqual([
      ["wuzhi-2024.t13", "wuzhi-2024.t13.r2"],
      ["wuzhi-2024.t13", undefined],
      ["wuzhi-2024.t23", "wuzhi-2024.t23.r2"],
    ]);
    expect((r.ledger.entries[2] as { occurrenceId?: string }).occurrenceId).toBe("wuzhi-2024.t23.r2.2024-Q1");
  });

  it("reads a ledger written for another plan id (a renamed file, stdin) against the plan, with one foreign_plan_id notice", () => {
    const { plan } = parsePlanText(seedText(), { id: "plan" });
    const matrix = buildMatrix(plan, seedRoster());
    const context = { plan, matrix, asOf: ctx.asOf, occurrences: expandSchedule(plan, { matrix }) };
    const written = { planId: "wuzhi-2024", description: "样例", entries: [entry(), entry({ id: "e2", occurrenceId: "wuzhi-2024.t23.r2.2024-Q1", taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2", date: "2024-03-20" })] };
    const r = readLedger(written, context);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.planId).toBe("plan");
    expect(r.value.description).toBe("样例");
    expect(r.value.entries.map((e) => e.taskId)).toEqual(["plan.t13", "plan.t23"]);
    expect(r.issues.map((d) => [d.code, d.severity, d.path])).toEqual([["foreign_plan_id", "info", ["entries", 0, "taskId"]]]);
    expect(r.issues[0]?.message).toContain("wuzhi-2024");
    // Relative references need no notice but the ledger's planId differs: one notice about the id.
    const relative = readLedger({ planId: "wuzhi-2024", entries: [entry({ taskId: "t13", requirementId: "t13.r2" })] }, context);
    expect(relative.ok && relative.issues.map((d) => [d.code, d.path])).toEqual([["foreign_plan_id", ["planId"]]]);
    // An old file read against its own plan keeps working, unchanged and without notices.
    const same = readLedger({ planId: "wuzhi-2024", entries: [entry()] }, ctx);
    expect(same.ok && same.issues).toEqual([]);
    expect(same.ok && same.value.entries[0]?.taskId).toBe("wuzhi-2024.t13");
  });

  it("an unknown task says how many tasks the plan has and how to write them", () => {
    const base = empty();
    const r = recordProgress(base, entry({ taskId: "t99", requirementId: undefined }), ctx);
    expect(r.issues.map((d) => d.code)).toEqual(["unknown_task"]);
    expect(r.issues[0]?.message).toContain("本工作安排有35项任务，可写作 t1–t35 或任务序号");
    expect(r.issues[0]?.messageEn).toContain("the plan has 35 tasks");
  });
});

describe("assessment-only units", () => {
  // A unit the roster lists that no task of the plan names (fictional, for the test).
  const roster = Roster.parse({ ...seedRoster(), units: [...seedRoster().units, { id: "test-only", name: "虚构考核单位", kind: "government_department" }] });
  const head = { id: "f1", unitId: "test-only", date: "2024-05-10" };
  const fact = { ...head, kind: "incident", tag: "行政复议被纠错" };

  it("with the roster in the context, report assessment facts but not work", () => {
    const base = empty();
    const withRoster = { ...ctx, roster };
    const ok = recordProgress(base, fact, withRoster);
    expect(ok.ok && ok.ledger.entries.map((e) => e.unitId)).toEqual(["test-only"]);
    for (const f of [
      { ...head, kind: "measure", metric: "复议纠错率", value: 3 },
      { ...head, kind: "award", category: "省级表彰" },
      { ...head, kind: "veto", vetoId: "重大事故" },
    ]) {
      expect(recordProgress(base, f, withRoster).issues).toEqual([]);
    }
    const work = recordProgress(base, entry({ unitId: "test-only" }), withRoster);
    expect(work.issues.map((d) => [d.code, d.path])).toEqual([["no_role", ["unitId"]]]);
    expect(work.issues[0]?.message).toContain("只能报送考核事实");
    const ghost = recordProgress(base, { ...fact, unitId: "ghost" }, withRoster);
    expect(ghost.issues.map((d) => d.code)).toEqual(["unknown_unit"]);
    expect(ghost.issues[0]?.message).toContain("单位名录");
  });

  it("without the roster, such a unit is unknown (as before)", () => {
    const base = empty();
    expect(recordProgress(base, fact, ctx).issues.map((d) => d.code)).toEqual(["unknown_unit"]);
  });

  it("a roster unit that did not exist on the entry's date cannot report; a roster that is not one is refused", () => {
    const base = empty();
    const dissolved = Roster.parse({ ...seedRoster(), units: [...seedRoster().units, { id: "test-only", name: "虚构考核单位", kind: "government_department", validTo: "2020-01-01" }] });
    const r = recordProgress(base, fact, { ...ctx, roster: dissolved });
    expect(r.issues.map((d) => [d.code, d.path])).toEqual([["unit_not_valid", ["unitId"]]]);
    expect(() => recordProgress(base, fact, { ...ctx, roster: 5 as never })).toThrow(/context\.roster/);
  });

  it("readLedger with the roster accepts them", () => {
    const r = readLedger({ planId: "wuzhi-2024", entries: [fact] }, { ...ctx, roster });
    expect(r.ok).toBe(true);
  });
});

describe("every refusal says what was wrong, in Chinese and in English", () => {
  const roster = Roster.parse({ ...seedRoster(), units: [...seedRoster().units, { id: "test-only", name: "虚构考核单位", kind: "government_department", validFrom: "2024-03-01" }] });
  const fact = { id: "f1", unitId: "test-only", date: "2024-05-10", kind: "incident", tag: "行政复议被纠错" };
  const one = (input: unknown, context: object = ctx) => {
    const r = recordProgress(empty(), input, context as typeof ctx);
    expect(r.issues).toHaveLength(1);
    return r.issues[0]!;
  };
  const says = (d: { code: string; message: string; messageEn: string }, code: string, zh: readonly string[], en: readonly string[]) => {
    expect(d.code).toBe(code);
    for (const s of zh) expect(d.message).toContain(s);
    for (const s of en) expect(d.messageEn).toContain(s);
  };

  it("names the entry, the unit, the task, the requirement, the occurrence and the dates it refuses", () => {
    const base = empty();
    const first = recordProgress(base, entry(), ctx);
    if (!first.ok) throw new Error("setup");
    says(recordProgress(first.ledger, entry(), ctx).issues[0]!, "duplicate_entry", ["台账记录编号“e1”已存在"], ['Ledger entry id "e1" already exists']);
    says(one(entry({ unitId: "ghost" })), "unknown_unit", ["责任矩阵中没有单位“ghost”"], ['Unit "ghost" is not in the matrix']);
    expect(one(entry({ unitId: "ghost" })).messageEn).not.toContain("roster");
    says(one(entry({ unitId: "ghost" }), { ...ctx, roster }), "unknown_unit", ["责任矩阵和单位名录中没有单位“ghost”"], ['Unit "ghost" is not in the matrix or the roster']);
    says(one(entry({ unitId: "xwbb", taskId: "wuzhi-2024.t12", requirementId: undefined })), "no_role", ["“县委编办”在任务12中没有分工"], ['"县委编办" has no role in task 12']);
    says(one(entry({ unitId: "test-only" }), { ...ctx, roster }), "no_role", ["“虚构考核单位”在工作安排中没有任务"], ['"虚构考核单位" has no task in the plan']);
    says(one({ ...fact, date: "2024-02-10" }, { ...ctx, roster }), "unit_not_valid", ["“虚构考核单位”在2024-02-10不存在"], ['"虚构考核单位" did not exist on 2024-02-10']);
    says(one(entry({ taskId: "wuzhi-2024.t99", requirementId: undefined })), "unknown_task", ["工作安排中没有任务“wuzhi-2024.t99”"], ['Task "wuzhi-2024.t99" is not in the plan']);
    says(one(entry({ requirementId: "wuzhi-2024.t13.r9" })), "unknown_requirement", ["任务13没有工作要求“wuzhi-2024.t13.r9”"], ['Task 13 has no requirement "wuzhi-2024.t13.r9"']);
    says(one(entry({ occurrenceId: "wuzhi-2024.t23.r2.2024-Q1" }), { ...ctx, occurrences: ctx.occurrences }), "unknown_occurrence", ["时间节点“wuzhi-2024.t23.r2.2024-Q1”不存在"], ['Occurrence "wuzhi-2024.t23.r2.2024-Q1" does not exist']);
    says(one(entry({ date: "2024-07-16" })), "future_date", ["记录日期 2024-07-16 晚于截至日期 2024-07-15"], ["Entry date 2024-07-16 is after the as-of date 2024-07-15"]);
    says(removeEntry(base, "nope").issues[0]!, "unknown_entry", ["台账中没有编号为“nope”的记录"], ['No ledger entry with id "nope"']);
    says(readLedger({ planId: "wuzhi-2024", entries: [entry(), entry()] }).issues[0]!, "duplicate_entry", ["台账记录编号“e1”重复"], ['Duplicate ledger entry id "e1"']);
  });

  it("an occurrence of the right task but another requirement is refused too; with no occurrences in the context it is not checked", () => {
    const base = empty();
    const q1 = { taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r4", occurrenceId: "wuzhi-2024.t23.r2.2024-Q1", unitId: "sfj", date: "2024-03-20" };
    expect(recordProgress(base, entry(q1), { ...ctx, occurrences: ctx.occurrences }).issues.map((d) => d.code)).toEqual(["unknown_occurrence"]);
    expect(recordProgress(base, entry({ ...q1, requirementId: "wuzhi-2024.t23.r2" }), { ...ctx, occurrences: ctx.occurrences }).issues).toEqual([]);
    expect(recordProgress(base, entry({ ...q1, requirementId: undefined }), { ...ctx, occurrences: ctx.occurrences }).issues).toEqual([]);
    expect(recordProgress(base, entry(q1), { plan: ctx.plan, matrix: ctx.matrix, asOf: ctx.asOf }).issues).toEqual([]);
  });

  it("an occurrence of another task is refused even when the entry names no requirement", () => {
    // 县司法局's report on task 13 naming task 23's first quarter.
    const r = recordProgress(empty(), entry({ requirementId: undefined, occurrenceId: "wuzhi-2024.t23.r2.2024-Q1" }), { ...ctx, occurrences: ctx.occurrences });
    expect(r.ok).toBe(false);
    expect(r.issues.map((d) => [d.code, d.path, d.message, d.messageEn])).toEqual([
      ["unknown_occurrence", ["occurrenceId"], "时间节点“wuzhi-2024.t23.r2.2024-Q1”不存在或不属于该任务/要求", 'Occurrence "wuzhi-2024.t23.r2.2024-Q1" does not exist or belongs to another task or requirement'],
    ]);
  });

  it("replay refuses changes that are not patches, or that do not apply to the ledger, with a FazhiError", () => {
    const base = empty();
    for (const changes of [[[{ op: "move", path: ["entries", 0] }]], [[{ op: "replace", path: ["nope", "deeper"], value: 1 }]], [[{ op: "replace", path: ["planId"], value: 5 }]]]) {
      expect(() => replay(base, changes as never)).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining("replay") }));
    }
  });
});

describe("the context and arguments of the ledger functions", () => {
  it("isWorkEntry: done, progress and held are work; facts, and what is not an entry, are not", () => {
    for (const kind of ["done", "progress", "held"]) expect(isWorkEntry({ ...entry(), kind } as never)).toBe(true);
    for (const kind of ["incident", "measure", "problem", "rectified", "award", "veto"]) expect(isWorkEntry({ ...entry(), kind } as never)).toBe(false);
    for (const junk of [null, undefined, "done", 5]) expect(isWorkEntry(junk as never)).toBe(false);
  });

  it("a context that is not one, a bad as-of date, entries that are not a list, a roster that is not one: a FazhiError naming it", () => {
    const base = empty();
    const names = (f: () => unknown, name: string) => expect(f).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining(name) }));
    names(() => recordProgress(base, entry(), null as never), "context");
    names(() => recordProgress(base, entry(), 5 as never), "context");
    names(() => recordProgress(base, entry(), { ...ctx, asOf: "2024-02-30" as never }), "recordProgress");
    names(() => recordMany(base, "e1" as never, ctx), "entries");
    names(() => recordProgress(base, entry(), { ...ctx, roster: null as never }), "context.roster");
    names(() => recordProgress(base, entry(), { ...ctx, roster: { units: "x" } as never }), "context.roster");
    // A roster of the right outline but wrong inside is refused when it is first needed (a unit the matrix lacks).
    const odd = { ...seedRoster(), units: [{ id: "x", name: 5 }] } as never;
    expect(recordProgress(base, entry(), { ...ctx, roster: odd }).ok).toBe(true);
    names(() => recordProgress(base, entry({ unitId: "ghost" }), { ...ctx, roster: odd }), "context.roster");
    names(() => removeEntry(base, 5 as never), "removeEntry");
    names(() => recordProgress({ planId: "wuzhi-2024" } as never, entry(), ctx), "ledger");
  });

  it("a context built afresh (not frozen, or copied through JSON) gives the same answers as the frozen one", () => {
    const base = empty();
    const copy = JSON.parse(JSON.stringify({ plan: ctx.plan, matrix: ctx.matrix, occurrences: ctx.occurrences }));
    const loose = { ...copy, asOf: ctx.asOf };
    for (const over of [{}, { unitId: "ghost" }, { occurrenceId: "wuzhi-2024.t23.r2.2024-Q1" }, { taskId: "wuzhi-2024.t99", requirementId: undefined }]) {
      const a = recordProgress(base, entry(over), ctx);
      const b = recordProgress(base, entry(over), loose);
      expect(b.issues).toEqual(a.issues);
      expect(b.ok && b.ledger.entries).toEqual(a.ok && a.ledger.entries);
    }
    // The frozen context's answers do not leak into another plan's: a plan without task 13 refuses the entry.
    const other = parsePlanText("测试县2024年度法治政府建设工作安排\n一、甲\n（一）执法监督。每季度开展一次执法监督。\n牵头单位：县司法局", { id: "wuzhi-2024" }).plan;
    const otherMatrix = buildMatrix(other, seedRoster());
    expect(recordProgress(base, entry(), { plan: other, matrix: otherMatrix, asOf: ctx.asOf }).issues.map((d) => d.code)).toEqual(["unknown_task"]);
    expect(recordProgress(base, entry(), ctx).ok).toBe(true);
  });

  it("readLedger with a context keeps the description only when there is one", () => {
    const plain = readLedger({ planId: "wuzhi-2024", entries: [entry()] }, ctx);
    expect(plain.ok && Object.keys(plain.value)).toEqual(["planId", "entries"]);
    const described = readLedger({ planId: "wuzhi-2024", description: "说明", entries: [] }, ctx);
    expect(described.ok && described.value).toEqual({ planId: "wuzhi-2024", description: "说明", entries: [] });
    expect(readLedger({ planId: "wuzhi-2024", entries: [entry({ unitId: "ghost" })] }, ctx).ok).toBe(false);
  });

  it("removeEntry gives patches that remove the entry and inverse patches that put it back", () => {
    const base = empty();
    const r = recordMany(base, [entry(), entry({ id: "e2" })], ctx);
    if (!r.ok) throw new Error("setup");
    const removed = removeEntry(r.ledger, "e1");
    if (!removed.ok) throw new Error("remove");
    expect(removed.ledger.entries.map((e) => e.id)).toEqual(["e2"]);
    expect(replay(r.ledger, [removed.patches])).toEqual(removed.ledger);
    expect(replay(removed.ledger, [removed.inversePatches])).toEqual(r.ledger);
    expect(removed.issues).toEqual([]);
  });
});

describe("the edges of a batch, and ledgers and contexts the caller changes", () => {
  const nth = (i: number) => ({ id: `n${i}`, unitId: "sfj", taskId: "wuzhi-2024.t13", date: "2024-05-10", kind: "progress" });
  const ok = (r: ReturnType<typeof recordProgress>) => {
    if (!r.ok) throw new Error(r.issues.map((d) => d.message).join("; "));
    return r.ledger;
  };

  it("an entry dated on the as-of date itself is recorded; one a day later is not", () => {
    expect(recordProgress(empty(), entry({ date: "2024-07-15" }), ctx).issues).toEqual([]);
    expect(recordProgress(empty(), entry({ date: "2024-07-16" }), ctx).issues.map((d) => d.code)).toEqual(["future_date"]);
  });

  it("an empty batch records nothing: the same ledger back, with no patches", () => {
    const ledger = ok(recordProgress(empty(), nth(0), ctx));
    const r = recordMany(ledger, [], ctx);
    expect(r.ok).toBe(true);
    expect(r.ledger).toBe(ledger);
    expect(r.ok && [r.patches, r.inversePatches]).toEqual([[], []]);
  });

  it("an id that only a later ledger has is free in an earlier one (appending there is a branch)", () => {
    const a = ok(recordProgress(empty(), nth(0), ctx));
    const b = ok(recordProgress(a, nth(1), ctx));
    const again = recordProgress(a, { ...nth(1), date: "2024-05-11" }, ctx);
    expect(again.issues).toEqual([]);
    expect(again.ok && again.ledger.entries.map((e) => [e.id, e.date])).toEqual([["n0", "2024-05-10"], ["n1", "2024-05-11"]]);
    expect(b.entries.map((e) => [e.id, e.date])).toEqual([["n0", "2024-05-10"], ["n1", "2024-05-10"]]);
  });

  it("a ledger the caller changes between calls is read afresh: only a frozen ledger (and frozen entries) is remembered", () => {
    const added = ProgressEntry.parse(nth(0));
    const loose = { planId: ctx.plan.id, entries: [] as ProgressEntry[] } as Ledger;
    const half = Object.freeze({ planId: ctx.plan.id, entries: [] as ProgressEntry[] }) as Ledger;
    for (const ledger of [loose, half]) {
      expect(recordProgress(ledger, nth(0), ctx).ok).toBe(true);
      (ledger.entries as ProgressEntry[]).push(added);
      expect(recordProgress(ledger, nth(0), ctx).issues.map((d) => d.code)).toEqual(["duplicate_entry"]);
    }
  });

  it("a context the caller changes between calls is read afresh: only a frozen plan, matrix and occurrences are remembered", () => {
    const copy = <T>(v: T) => JSON.parse(JSON.stringify(v)) as { -readonly [K in keyof T]: any };
    // A matrix that gains a cell: 县委编办 (xwbb) is given a role in task 12.
    const matrix = copy(ctx.matrix);
    const task12 = { ...entry({ unitId: "xwbb", taskId: "wuzhi-2024.t12", requirementId: undefined }), id: "m" };
    expect(recordProgress(empty(), task12, { ...ctx, matrix }).issues.map((d) => d.code)).toEqual(["no_role"]);
    matrix.cells.push({ ...matrix.cells.find((c: { taskId: string }) => c.taskId === "wuzhi-2024.t12"), unitId: "xwbb" });
    expect(recordProgress(empty(), task12, { ...ctx, matrix }).issues).toEqual([]);
    // A plan that loses a requirement.
    const plan = copy(ctx.plan);
    expect(recordProgress(empty(), entry(), { ...ctx, plan }).issues).toEqual([]);
    const t13 = plan.sections.flatMap((s: { tasks: unknown[] }) => s.tasks).find((t: { id: string }) => t.id === "wuzhi-2024.t13");
    t13.requirements = t13.requirements.filter((r: { id: string }) => r.id !== "wuzhi-2024.t13.r2");
    expect(recordProgress(empty(), entry(), { ...ctx, plan }).issues.map((d) => d.code)).toEqual(["unknown_requirement"]);
    // Occurrences that gain the one an entry names.
    const q1 = "wuzhi-2024.t23.r2.2024-Q1";
    const occurrences = ctx.occurrences.filter((o) => o.id !== q1);
    const onQ1 = entry({ taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2", occurrenceId: q1, date: "2024-03-20" });
    expect(recordProgress(empty(), onQ1, { ...ctx, occurrences }).issues.map((d) => d.code)).toEqual(["unknown_occurrence"]);
    occurrences.push(ctx.occurrences.find((o) => o.id === q1)!);
    expect(recordProgress(empty(), onQ1, { ...ctx, occurrences }).issues).toEqual([]);
  });

  it("a context whose plan, matrix or occurrences are missing or not one is refused with a FazhiError naming the part", () => {
    const names = (context: object, part: string) =>
      expect(() => recordProgress(empty(), entry(), context as never)).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining(part) }));
    names({ ...ctx, plan: null }, "context.plan");
    names({ ...ctx, matrix: null }, "context.matrix");
    names({ ...ctx, occurrences: null }, "context.occurrences");
    names({ ...ctx, occurrences: [{ id: 1 }] }, "context.occurrences");
    names({ ...ctx, occurrences: Object.freeze([{ id: 1 }]) }, "context.occurrences");
    names({ ...ctx, plan: null, matrix: null, occurrences: undefined }, "context.plan");
  });

  it("a refused argument names the function and the argument and says what was expected, in Chinese and in English", () => {
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };
    const file = { planId: "wuzhi-2024", entries: [entry()] };
    expect(message(() => recordProgress(empty(), entry(), null as never))).toBe(
      "recordProgress：参数 context 不正确：应为 { plan, matrix, asOf, occurrences?, roster? } (recordProgress: bad argument context: must be { plan, matrix, asOf, occurrences?, roster? })",
    );
    expect(message(() => recordProgress(empty(), entry(), { ...ctx, roster: 5 as never }))).toBe(
      "recordProgress：参数 context.roster 不正确：应为单位名录（含 units） (recordProgress: bad argument context.roster: must be a roster (with units))",
    );
    expect(message(() => recordMany(empty(), "e1" as never, ctx))).toBe("recordMany：参数 entries 不正确：应为数组 (recordMany: bad argument entries: must be an array)");
    expect(message(() => removeEntry(empty(), 5 as never))).toBe("removeEntry：参数 id 不正确：应为台账记录编号 (removeEntry: bad argument id: must be an entry id)");
    expect(message(() => removeEntry({} as never, "e1"))).toMatch(/^removeEntry：参数 ledger 不正确/);
    expect(message(() => replay({} as never, []))).toMatch(/^replay：参数 ledger 不正确/);
    expect(message(() => replay(empty(), [[{ op: "replace", path: ["planId"], value: 5 }]]))).toMatch(/^replay：参数 changes \(the ledger they rebuild\) 不正确/);
    expect(message(() => emptyLedger(5 as never))).toMatch(/^emptyLedger：参数 planId 不正确/);
    expect(message(() => readLedger(file, null as never))).toMatch(/^readLedger：参数 context 不正确/);
    expect(message(() => readLedger(file, { ...ctx, roster: 5 as never }))).toMatch(/^readLedger：参数 context\.roster 不正确/);
    expect(removeEntry(empty(), "nope").issues.map((d) => d.path)).toEqual([["id"]]);
  });

  it("every refusal of an entry is an error, and the message without a roster names only the matrix", () => {
    const first = ok(recordProgress(empty(), entry(), ctx));
    const roster = Roster.parse({ ...seedRoster(), units: [...seedRoster().units, { id: "test-only", name: "虚构考核单位", kind: "government_department", validFrom: "2024-03-01" }] });
    const fact = { id: "f1", unitId: "test-only", date: "2024-05-10", kind: "incident", tag: "行政复议被纠错" };
    const refusals = [
      recordProgress(first, entry(), ctx),
      recordProgress(empty(), entry({ unitId: "ghost" }), ctx),
      recordProgress(empty(), entry({ taskId: "wuzhi-2024.t99", requirementId: undefined }), ctx),
      recordProgress(empty(), entry({ requirementId: "wuzhi-2024.t13.r9" }), ctx),
      recordProgress(empty(), entry({ unitId: "xwbb", taskId: "wuzhi-2024.t12", requirementId: undefined }), ctx),
      recordProgress(empty(), entry({ unitId: "test-only" }), { ...ctx, roster }),
      recordProgress(empty(), { ...fact, date: "2024-02-10" }, { ...ctx, roster }),
      recordProgress(empty(), entry({ occurrenceId: "wuzhi-2024.t23.r2.2024-Q1" }), ctx),
      recordProgress(empty(), entry({ date: "2024-07-16" }), ctx),
    ].flatMap((r) => r.issues.map((d) => [d.code, d.severity]));
    expect(refusals).toEqual(
      ["duplicate_entry", "unknown_unit", "unknown_task", "unknown_requirement", "no_role", "no_role", "unit_not_valid", "unknown_occurrence", "future_date"].map((code) => [code, "error"]),
    );
    expect(recordProgress(empty(), entry({ unitId: "ghost" }), ctx).issues[0]?.messageEn).toBe('Unit "ghost" is not in the matrix');
  });

  it("an occurrence that does not exist at all is refused; a fact may name its task", () => {
    const none = entry({ taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2", occurrenceId: "wuzhi-2024.t23.r2.2024-Q9", date: "2024-03-20" });
    expect(recordProgress(empty(), none, ctx).issues.map((d) => [d.code, d.path])).toEqual([["unknown_occurrence", ["occurrenceId"]]]);
    const fact = { id: "f1", unitId: "sfj", taskId: "t13", date: "2024-05-10", kind: "incident", tag: "行政复议被纠错" };
    const r = recordProgress(empty(), fact, ctx);
    expect(r.issues).toEqual([]);
    expect(r.ok && r.ledger.entries[0]?.taskId).toBe("wuzhi-2024.t13");
  });

  it("a frozen ledger (as readLedger returns it) is read once, not on every call that checks entries against it", () => {
    const n = 200;
    let reads = 0;
    const entries = Array.from({ length: n }, (_, i) => new Proxy(ProgressEntry.parse(nth(i)), { get: (t, k, r) => (k === "id" && (reads += 1), Reflect.get(t, k, r)) }));
    const ledger = Object.freeze({ planId: ctx.plan.id, entries: Object.freeze(entries) }) as Ledger;
    for (let i = 0; i < 50; i++) expect(recordProgress(ledger, nth(i), ctx).issues.map((d) => d.code)).toEqual(["duplicate_entry"]);
    expect(reads).toBeLessThan(3 * n); // once to check it and once to index it (50 × 200 = 10,000 when read on every call)
  });

  it("readLedger's answers in full: ok, the issues with their severity and wording, the planId notice beside errors", () => {
    const file = { planId: "wuzhi-2024", entries: [entry()] };
    expect(readLedger(file)).toEqual({ ok: true, value: file, issues: [] });
    const twice = readLedger({ planId: "wuzhi-2024", entries: [entry(), entry()] });
    expect(twice.ok).toBe(false);
    expect(twice.issues.map((d) => [d.code, d.severity])).toEqual([["duplicate_entry", "error"]]);
    // With a context: an empty file keeps no empty description.
    const empty0 = readLedger({ planId: "wuzhi-2024", entries: [] }, ctx);
    expect(empty0.ok && Object.keys(empty0.value)).toEqual(["planId", "entries"]);
    // Another plan's id with relative references: the planId notice, also beside an error.
    const other = readLedger({ planId: "other-2024", entries: [entry({ unitId: "ghost", taskId: "t13", requirementId: "t13.r2" })] }, ctx);
    expect(other.ok).toBe(false);
    expect(other.issues.map((d) => [d.code, d.severity, d.path])).toEqual([
      ["unknown_unit", "error", ["entries", 0, "unitId"]],
      ["foreign_plan_id", "info", ["planId"]],
    ]);
    expect(other.issues[1]?.message).toBe("台账的计划编号“other-2024”与工作安排编号“wuzhi-2024”不同，已按本工作安排读取");
    expect(other.issues[1]?.messageEn).toBe('The ledger\'s planId "other-2024" is not this plan\'s id "wuzhi-2024"; it was read against this plan');
    // Full ids written for another plan: the notice names the ledger and counts them.
    const foreign = readLedger({ planId: "other-2024", entries: [entry({ taskId: "other-2024.t13", requirementId: "other-2024.t13.r2" })] }, ctx);
    expect(foreign.issues.map((d) => [d.code, d.severity])).toEqual([["foreign_plan_id", "info"]]);
    expect(foreign.issues[0]?.message).toMatch(/^台账中有2处编号是为工作安排“other-2024”写的/);
    expect(foreign.issues[0]?.messageEn).toMatch(/^The ledger names 2 ids written for plan "other-2024"/);
    expect(removeEntry(empty(), "nope").issues.map((d) => d.severity)).toEqual(["error"]);
  });

  it("a frozen context is read once and its indexes reused: later calls do not read the plan, matrix or occurrences again", () => {
    const counted = <T extends object>(v: T, key: string) => {
      const seen = { reads: 0 };
      return [new Proxy(v, { get: (t, k, r) => (k === key && (seen.reads += 1), Reflect.get(t, k, r)) }), seen] as const;
    };
    const [plan, planReads] = counted(ctx.plan, "sections");
    const [matrix, matrixReads] = counted(ctx.matrix, "cells");
    const [occurrences, occReads] = counted(ctx.occurrences, "map");
    for (const context of [{ plan, matrix, asOf: ctx.asOf }, { plan, matrix, occurrences, asOf: ctx.asOf }]) {
      for (let i = 0; i < 20; i++) expect(recordProgress(empty(), nth(i), context).ok).toBe(true);
    }
    expect([planReads.reads, matrixReads.reads, occReads.reads].map((n) => n <= 4)).toEqual([true, true, true]); // about 20 and 40 reads each when not kept
  });

  it("replay: the rebuilt ledger is frozen; a replace patch applies; patches that do not apply say so", () => {
    const ledger = ok(recordProgress(empty(), entry(), ctx));
    const rebuilt = replay(ledger, [[{ op: "replace", path: ["entries", 0, "date"], value: "2024-06-21" }]]);
    expect(rebuilt.entries.map((e) => e.date)).toEqual(["2024-06-21"]);
    expect(Object.isFrozen(rebuilt) && Object.isFrozen(rebuilt.entries) && Object.isFrozen(rebuilt.entries[0])).toBe(true);
    expect(() => replay(ledger, [[{ op: "remove", path: ["nope", "deeper"] }]])).toThrow(/^replay：参数 changes 不正确：补丁无法应用于该台账.*the patches do not apply to this ledger/s);
    expect(() => replay(ledger, [[{ op: "move", path: ["entries", 0] }]] as never)).toThrow(/^replay：参数 changes 不正确/);
  });
});
