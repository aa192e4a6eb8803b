import { describe, expect, it } from "vitest";
import { type Plan } from "../../src/model/plan.js";
import { foreignNotices, planRefs, taskHint, taskHintEn } from "../../src/model/refs.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { seedText } from "../support/seed.js";

const seed = parsePlanText(seedText(), { id: "wuzhi-2024" }).plan;
const renamed = parsePlanText(seedText(), { id: "plan" }).plan;

describe("planRefs", () => {
  it("resolves full, plan-relative (with or without zero padding) and task-number references to the plan's ids", () => {
    const refs = planRefs(seed);
    expect(refs.resolve("task", "wuzhi-2024.t35")).toEqual({ id: "wuzhi-2024.t35" });
    expect(refs.resolve("task", "t35")).toEqual({ id: "wuzhi-2024.t35" });
    expect(refs.resolve("task", "t04")).toEqual({ id: "wuzhi-2024.t04" });
    expect(refs.resolve("task", "t4")).toEqual({ id: "wuzhi-2024.t04" });
    expect(refs.resolve("task", "4")).toEqual({ id: "wuzhi-2024.t04" });
    expect(refs.resolve("task", "wuzhi-2024.t4")).toEqual({ id: "wuzhi-2024.t04" });
    expect(refs.resolve("clause", "t4.c2")).toEqual({ id: "wuzhi-2024.t04.c2" });
    expect(refs.resolve("requirement", "t13.r1")).toEqual({ id: "wuzhi-2024.t13.r1" });
    expect(refs.resolveOccurrence("t23.r2.2024-Q1")).toEqual({ id: "wuzhi-2024.t23.r2.2024-Q1" });
  });

  it("reads a full id written for another plan id by its task number, and says which id it was", () => {
    const refs = planRefs(renamed);
    expect(refs.resolve("task", "wuzhi-2024.t35")).toEqual({ id: "plan.t35", foreign: "wuzhi-2024" });
    expect(refs.resolve("requirement", "wuzhi-2024.t13.r1")).toEqual({ id: "plan.t13.r1", foreign: "wuzhi-2024" });
    expect(refs.resolveOccurrence("wuzhi-2024.t23.r2.2024-Q1")).toEqual({ id: "plan.t23.r2.2024-Q1", foreign: "wuzhi-2024" });
    expect(refs.resolve("task", "t35")).toEqual({ id: "plan.t35" });
  });

  it("names nothing for tasks, clauses and requirements the plan lacks, nor for the wrong kind", () => {
    const refs = planRefs(seed);
    for (const ref of ["t36", "36", "0", "wuzhi-2024.t99", "other.t99", "t4.c9", "", "t", "x.y"]) expect(refs.resolve("task", ref)).toBeUndefined();
    expect(refs.resolve("task", "t4.c2")).toBeUndefined();
    expect(refs.resolve("requirement", "t13")).toBeUndefined();
    expect(refs.resolve("clause", "t4.c9")).toBeUndefined();
    expect(refs.resolveOccurrence("t13.r9.2024-Q1")).toBeUndefined();
    expect(refs.resolve("task", 35 as unknown as string)).toBeUndefined();
  });

  it("refuses an ambiguous task number instead of guessing", () => {
    // Two tasks numbered 1 (a plan whose numbering restarts in each section).
    const base = seed.sections[0] as Plan["sections"][number];
    const t1 = base.tasks[0] as Plan["sections"][number]["tasks"][number];
    const plan: Plan = {
      ...seed,
      sections: [
        { ...base, tasks: [t1] },
        { ...base, no: 2, tasks: [{ ...t1, id: "wuzhi-2024.s2.t01" as typeof t1.id, clauses: [], requirements: [] }] },
      ],
    };
    const refs = planRefs(plan);
    expect(refs.resolve("task", "1")).toBeUndefined();
    expect(refs.resolve("task", "wuzhi-2024.s2.t01")).toEqual({ id: "wuzhi-2024.s2.t01" });
  });

  it("counts the plan's tasks for hints", () => {
    expect(planRefs(seed).tasks).toEqual({ count: 35, first: 1, last: 35 });
    expect(taskHint(planRefs(seed))).toContain("35项任务");
    expect(taskHintEn(planRefs(seed))).toContain("35 tasks");
    const empty = planRefs({ ...seed, sections: [] });
    expect(empty.tasks).toEqual({ count: 0 });
    expect(taskHint(empty)).toContain("没有任务");
  });
});

describe("foreignNotices", () => {
  it("gives one info notice per foreign plan id, with the count and the first place", () => {
    const refs = planRefs(renamed);
    const f = foreignNotices("plan", { zh: "台账", en: "The ledger" });
    f.note(refs.resolve("task", "t1") as { id: string }, "t1", [0, "taskId"]);
    f.note(refs.resolve("task", "wuzhi-2024.t35") as { id: string }, "wuzhi-2024.t35", [1, "taskId"]);
    f.note(refs.resolve("task", "wuzhi-2024.t34") as { id: string }, "wuzhi-2024.t34", [2, "taskId"]);
    const notices = f.notices();
    expect(notices.map((d) => [d.code, d.severity, d.path])).toEqual([["foreign_plan_id", "info", [1, "taskId"]]]);
    expect(notices[0]?.message).toContain("2处");
    expect(notices[0]?.message).toContain("wuzhi-2024.t35 → plan.t35");
    expect(notices[0]?.messageEn).toContain("2 ids");
  });
});
