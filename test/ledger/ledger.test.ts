import { enablePatches, produceWithPatches } from "immer";
import { describe, expect, it } from "vitest";
import { emptyLedger, readLedger, recordMany, recordProgress, removeEntry, replay } from "../../src/ledger/ledger.js";
import { type Ledger, ProgressEntry } from "../../src/model/ledger.js";
import { seedContext } from "../support/context.js";

const ctx = seedContext();
const base = emptyLedger(ctx.plan.id);
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
    const first = recordProgress(base, entry(), ctx);
    if (!first.ok) throw new Error("setup");
    const again = recordProgress(first.ledger, entry({ date: "2024-06-21" }), ctx);
    expect(again.ok).toBe(false);
    expect(again.issues.map((d) => d.code)).toEqual(["duplicate_entry"]);
    expect(again.ledger).toBe(first.ledger);
  });

  it("a candidate unit (县直有关单位) may report on its task", () => {
    expect(recordProgress(base, entry({ unitId: "xfj", taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2" }), ctx).ok).toBe(true);
  });

  it("recordMany is all or nothing", () => {
    const r = recordMany(base, [entry(), entry({ id: "e2", unitId: "ghost" })], ctx);
    expect(r.ok).toBe(false);
    expect(r.issues.map((d) => [d.code, d.path])).toEqual([["unknown_unit", [1, "unitId"]]]);
    expect(r.ledger).toBe(base);
  });
});

describe("audit trail", () => {
  it("replay(patches) rebuilds the same ledger; inverse patches undo", () => {
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
    const n = 2000;
    let reads = 0;
    const counted = Object.freeze(
      Array.from({ length: n }, (_, i) => new Proxy(ProgressEntry.parse(nth(i)), { get: (t, k, r) => (k === "id" && (reads += 1), Reflect.get(t, k, r)) })),
    );
    let ledger: Ledger = Object.freeze({ planId: ctx.plan.id, entries: counted }) as Ledger;
    for (let i = n; i < n + 500; i++) {
      const r = recordProgress(ledger, nth(i), ctx);
      if (!r.ok) throw new Error(r.issues[0]!.message);
      ledger = r.ledger;
    }
    expect(ledger.entries).toHaveLength(n + 500);
    expect(reads).toBeLessThan(4 * n); // a few reads per old entry in all (1,002,000 when every append re-read them)
  });

  it("gives the same ledgers and patches as immer's produceWithPatches", () => {
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
