import { describe, expect, it } from "vitest";
import { emptyLedger, readLedger, recordMany, recordProgress, removeEntry, replay } from "../../src/ledger/ledger.js";
import type { Ledger } from "../../src/model/ledger.js";
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
});
