import { describe, expect, it } from "vitest";
import { diffPlans } from "../../src/compare/diff.js";
import { planDiffToText } from "../../src/compare/text.js";
import { PlanDiff } from "../../src/model/compare.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { seedRoster } from "../support/rosters.js";
import { seedText } from "../support/seed.js";
import { validByJsonSchema } from "./support/schema.js";

// Last year's plan is the seed with task 4's second clause led by 县工商局 (the former name the
// roster below records for 县市场监管局); this year's is the seed for 2025 with a deadline moved
// (6月底前 → 9月底前), a recurring rule changed (每季度 → 每半年), task 2 moved into section 3 and
// task 35 dropped.
const previousText = seedText().replace("牵头单位：县市场监管局\n", "牵头单位：县工商局\n");
const nextText = (() => {
  const lines = seedText().replaceAll("2024", "2025").replace("在6月底前完成", "在9月底前完成").replace("每季度开展一次执法监督", "每半年开展一次执法监督").split("\n");
  const t2 = lines.findIndex((l) => l.startsWith("（二）"));
  const moved = lines.splice(t2, 3);
  lines.splice(lines.findIndex((l) => l.startsWith("（六）")), 0, ...moved);
  const t35 = lines.findIndex((l) => l.startsWith("（三十五）"));
  return lines.slice(0, t35).join("\n");
})();
const previous = parsePlanText(previousText, { id: "wuzhi-2024" }).plan;
const next = parsePlanText(nextText, { id: "wuzhi-2025" }).plan;
const roster: Roster = (() => {
  const r = structuredClone(seedRoster());
  const scjgj = r.units.find((u) => u.id === "scjgj")!;
  scjgj.formerNames = [{ name: "县工商局", validTo: "2019-02-28" as never }];
  return Roster.parse(r);
})();

const byPrevious = (d: PlanDiff, no: number) => d.tasks.find((t) => t.previous.some((p) => p.no === no))!;

describe("diffPlans", () => {
  const diff = diffPlans(previous, next, { roster });

  it("counts what changed", () => {
    expect(diff.counts).toMatchObject({ previousTasks: 35, nextTasks: 34, added: 0, removed: 1, split: 0, merged: 0 });
    expect(diff.removed.map((t) => t.label)).toEqual(["（三十五）"]);
    expect(diff.tasks).toHaveLength(34);
  });

  it("finds the moved task and does not call renumbering a move", () => {
    const t2 = byPrevious(diff, 2);
    expect(t2.move).toBe("section");
    expect(t2.next[0]!.section.no).toBe(3);
    expect(t2.renumbered).toBe(true);
    expect(t2.reworded).toBe(false);
    expect(byPrevious(diff, 3).move).toBe("none");
    expect(byPrevious(diff, 3).renumbered).toBe(true);
    expect(diff.tasks.filter((t) => t.move !== "none").map((t) => t.previous[0]!.no)).toEqual([2]);
  });

  it("shows a reworded task with a character-level diff", () => {
    const t32 = byPrevious(diff, 32);
    expect(t32.reworded).toBe(true);
    expect(t32.text!.filter((e) => e.op !== "equal")).toEqual([
      { op: "delete", text: "4" },
      { op: "insert", text: "5" },
    ]);
  });

  it("finds the moved deadline and the changed recurring rule, after the year shift", () => {
    expect(byPrevious(diff, 13).schedule).toEqual([
      {
        change: "deadline_moved",
        previous: { id: "wuzhi-2024.t13.r2", phrase: "6月底前完成全员轮训工作", rule: { kind: "deadline", due: "2024-06-30" } },
        next: { id: "wuzhi-2025.t13.r2", phrase: "9月底前完成全员轮训工作", rule: { kind: "deadline", due: "2025-09-30" } },
      },
    ]);
    const t23 = byPrevious(diff, 23).schedule;
    expect(t23.map((s) => [s.change, s.previous?.rule, s.next?.rule])).toEqual([["rule_changed", { kind: "recurring", period: "quarter", times: 1 }, { kind: "recurring", period: "half_year", times: 1 }]]);
    expect(diff.counts.scheduleChanges).toBe(2);
  });

  it("counts a unit's former name as a rename with the roster, as a change without it", () => {
    expect(byPrevious(diff, 4).units).toEqual([{ role: "lead", change: "renamed", from: "县工商局", to: "县市场监管局", unitId: "scjgj" }]);
    expect(diff.counts.unitChanges).toBe(1);
    expect(byPrevious(diffPlans(previous, next), 4).units).toEqual([
      { role: "lead", change: "removed", unit: "县工商局" },
      { role: "lead", change: "added", unit: "县市场监管局" },
    ]);
  });

  it("runs backwards as the inverse", () => {
    const back = diffPlans(next, previous, { roster });
    expect(back.added.map((t) => t.id)).toEqual(diff.removed.map((t) => t.id));
    expect(back.tasks.find((t) => t.next.some((p) => p.no === 4))!.units).toEqual([{ role: "lead", change: "renamed", from: "县市场监管局", to: "县工商局", unitId: "scjgj" }]);
    expect(back.tasks.find((t) => t.next.some((p) => p.no === 13))!.schedule[0]!.change).toBe("deadline_moved");
  });

  it("gives data that its schema and its JSON Schema accept, and reads as text", () => {
    const json = JSON.parse(JSON.stringify(diff));
    expect(PlanDiff.parse(json)).toEqual(json);
    expect(validByJsonSchema("PlanDiff", json)).toBe(true);
    const text = planDiffToText(diff);
    expect(text).toContain("删去 1");
    expect(text).toContain("牵头单位更名 县工商局 → 县市场监管局");
    expect(text).toContain("截止时间变化：2024-06-30前（6月底前完成全员轮训工作） → 2025-09-30前（9月底前完成全员轮训工作）");
    expect(text).toContain("[-4-]{+5+}");
    expect(text).toContain("移到其他部分");
  });
});
