// Boundary days of a status (as-of equal to a due date, the last day that counts as due soon, a
// report on the due date itself) and duplicate ids inside one batch and in a file read with a
// context.
import { describe, expect, it } from "vitest";
import { emptyLedger, readLedger, recordMany } from "../../src/ledger/ledger.js";
import { occurrenceStatus } from "../../src/ledger/status.js";
import { IsoDate } from "../../src/model/dates.js";
import type { Ledger } from "../../src/model/ledger.js";
import { seedContext } from "../support/context.js";
import { lazy } from "../support/lazy.js";

const ctx = seedContext("2024-12-31");
const Q3 = "wuzhi-2024.t23.r2.2024-Q3"; // due 2024-09-30, bound to 县司法局 (sfj)
const t23 = (id: string, date: string) => ({ id, unitId: "sfj", taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2", date, kind: "done" });
const make = (entries: Array<Record<string, unknown>>): Ledger => {
  const r = recordMany(emptyLedger(ctx.plan.id), entries, ctx);
  if (!r.ok) throw new Error(r.issues.map((d) => d.message).join("; "));
  return r.ledger;
};
const statusOf = (ledger: Ledger, asOf: string, dueSoonDays?: number) =>
  occurrenceStatus(ctx.occurrences, ledger, IsoDate.parse(asOf), dueSoonDays === undefined ? undefined : { dueSoonDays }).find((s) => s.occurrenceId === Q3 && s.unitId === "sfj")!;

describe("boundary days of a status", () => {
  // Built inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
  const none = lazy(() => make([]));

  it("as of the due date itself, an item is due soon, not overdue; the day after, one day overdue", () => {
    expect(statusOf(none(), "2024-09-30")).toMatchObject({ status: "due_soon" });
    expect(statusOf(none(), "2024-09-30").daysLate).toBeUndefined();
    expect(statusOf(none(), "2024-10-01")).toMatchObject({ status: "overdue", daysLate: 1 });
  });

  it("due soon starts exactly dueSoonDays before the due date (default 7), and not a day earlier", () => {
    expect(statusOf(none(), "2024-09-23").status).toBe("due_soon");
    expect(statusOf(none(), "2024-09-22").status).toBe("upcoming");
    expect(statusOf(none(), "2024-09-16", 14).status).toBe("due_soon");
    expect(statusOf(none(), "2024-09-15", 14).status).toBe("upcoming");
    expect(statusOf(none(), "2024-09-30", 0).status).toBe("due_soon");
    expect(statusOf(none(), "2024-09-29", 0).status).toBe("upcoming");
  });

  it("a report on the due date is on time; a report the next day is one day late", () => {
    expect(statusOf(make([t23("a", "2024-09-30")]), "2024-12-31")).toMatchObject({ status: "done_on_time", settledOn: "2024-09-30" });
    const late = statusOf(make([{ ...t23("b", "2024-10-01"), occurrenceId: Q3 }]), "2024-12-31");
    expect(late).toMatchObject({ status: "done_late", settledOn: "2024-10-01", daysLate: 1 });
  });

  it("a report dated on the as-of date counts; one dated the day after does not", () => {
    const ledger = make([t23("a", "2024-09-30")]);
    expect(statusOf(ledger, "2024-09-30").status).toBe("done_on_time");
    expect(statusOf(ledger, "2024-09-29").status).toBe("due_soon");
  });
});

describe("duplicate ids", () => {
  it("inside one batch: the whole batch is refused, the second one named, the ledger unchanged", () => {
    const base = emptyLedger(ctx.plan.id);
    const r = recordMany(base, [t23("x", "2024-03-20"), t23("y", "2024-04-20"), t23("x", "2024-05-20")], ctx);
    expect(r.ok).toBe(false);
    expect(r.issues.map((d) => [d.code, d.path])).toEqual([["duplicate_entry", [2, "id"]]]);
    expect(r.ledger).toBe(base);
    expect(r.ledger.entries).toEqual([]);
  });

  it("in a ledger file read with a context: reported with its path in the file", () => {
    const file = { planId: ctx.plan.id, entries: [t23("x", "2024-03-20"), t23("y", "2024-04-20"), t23("x", "2024-05-20")] };
    const r = readLedger(file, ctx);
    expect(r.ok).toBe(false);
    expect(r.issues.map((d) => [d.code, d.path])).toEqual([["duplicate_entry", ["entries", 2, "id"]]]);
    expect(readLedger({ ...file, entries: file.entries.slice(0, 2) }, ctx).ok).toBe(true);
  });
});
