import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { parseInput } from "../../src/model/input.js";
import { Plan } from "../../src/model/plan.js";
import { Roster } from "../../src/model/unit.js";
import { readPlan, validatePlan } from "../../src/model/validate.js";
import { arbPlan, arbRoster } from "../support/arbitraries.js";

describe("model (properties)", () => {
  test.prop([arbPlan])("plan: value → JSON → parse gives an equal, frozen value", (plan) => {
    const r = parseInput(Plan, JSON.parse(JSON.stringify(plan)));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual(plan);
      expect(Object.isFrozen(r.value)).toBe(true);
    }
  });

  test.prop([arbRoster])("roster: value → JSON → parse gives an equal value", (roster) => {
    const r = parseInput(Roster, JSON.parse(JSON.stringify(roster)));
    expect(r.ok && r.value).toEqual(roster);
  });

  test.prop([arbPlan])("generated plans pass validatePlan", (plan) => {
    expect(validatePlan(plan)).toEqual([]);
  });

  test.prop([arbPlan.filter((p) => p.sections.some((s) => s.tasks.length > 0)), fc.nat()])(
    "a task renumbered to repeat another is reported at its own path",
    (plan, k) => {
      const copy = structuredClone(plan);
      const tasks = copy.sections.flatMap((s, i) => s.tasks.map((t, j) => ({ t, path: ["sections", i, "tasks", j] })));
      const victim = tasks[k % tasks.length]!;
      victim.t.id = `${tasks[0]!.t.id}` as typeof victim.t.id;
      if (victim === tasks[0]) return;
      const r = readPlan(copy);
      expect(r.ok).toBe(false);
      expect(r.issues.find((d) => d.code === "duplicate_id")?.path).toEqual([...victim.path, "id"]);
    },
  );

  test.prop([fc.anything()])("parseInput never throws and only fails with coded, pathed issues", (junk) => {
    const r = parseInput(Plan, junk);
    if (!r.ok) for (const d of r.issues) expect(d).toMatchObject({ code: expect.stringMatching(/^[a-z_]+$/), severity: "error", path: expect.any(Array) });
  });
});
