import { fc, test } from "@fast-check/vitest";
import type { Patch } from "immer";
import { describe, expect } from "vitest";
import { emptyLedger, recordProgress, removeEntry, replay } from "../../src/ledger/ledger.js";
import type { Ledger } from "../../src/model/ledger.js";
import { seedContext } from "../support/context.js";
import { runs } from "../support/runs.js";

const ctx = seedContext("2024-12-31");
const tasks = ctx.plan.sections.flatMap((s) => s.tasks).filter((t) => t.requirements.length > 0);
const pairs = ctx.matrix.cells.map((c) => [c.unitId, c.taskId] as const);

const arbEntry = fc.record({
  id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
  pair: fc.constantFrom(...pairs),
  req: fc.nat(),
  month: fc.integer({ min: 1, max: 13 }), // 13 → a future date (2025-01)
  kind: fc.constantFrom("done", "progress", "held"),
  bad: fc.boolean(),
});
const op = fc.oneof(arbEntry.map((e) => ({ type: "record" as const, e })), fc.constantFrom("a", "b", "c").map((id) => ({ type: "remove" as const, id })));

describe("ledger (properties)", () => {
  test.prop([fc.array(op, { maxLength: 25 })], runs(30))("replaying the patches of the accepted changes rebuilds the ledger; rejected changes change nothing", (ops) => {
    let ledger: Ledger = emptyLedger(ctx.plan.id);
    const changes: Patch[][] = [];
    for (const o of ops) {
      const before = JSON.stringify(ledger);
      let r;
      if (o.type === "remove") r = removeEntry(ledger, o.id);
      else {
        const task = tasks.find((t) => t.id === o.e.pair[1]) ?? tasks[0]!;
        const req = task.requirements[o.e.req % task.requirements.length];
        const date = o.e.month === 13 ? "2025-01-10" : `2024-${String(o.e.month).padStart(2, "0")}-10`;
        const input = { id: o.e.id, unitId: o.e.bad ? "ghost" : o.e.pair[0], taskId: o.e.pair[1], ...(req ? { requirementId: req.id } : {}), date, kind: o.e.kind };
        const snapshot = JSON.stringify(input);
        r = recordProgress(ledger, input, ctx);
        expect(JSON.stringify(input)).toBe(snapshot); // the input is not changed
      }
      expect(JSON.stringify(ledger)).toBe(before);
      if (r.ok) {
        changes.push([...r.patches]);
        ledger = r.ledger;
        expect(Object.isFrozen(ledger.entries)).toBe(true);
      } else expect(r.ledger).toBe(ledger);
    }
    expect(replay(emptyLedger(ctx.plan.id), changes)).toEqual(ledger);
    expect(new Set(ledger.entries.map((e) => e.id)).size).toBe(ledger.entries.length);
    expect(ledger.entries.every((e) => e.unitId !== "ghost" && e.date <= "2024-12-31")).toBe(true);
  });
});
