// The whole pipeline as a county runs it — parse its document, build the matrix against a roster
// that lacks some units, expand the schedule, track and score — never throws, and every reference
// to a missing unit comes back as a diagnostic at that reference.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { occurrenceStatus } from "../../src/ledger/status.js";
import { IsoDate } from "../../src/model/dates.js";
import { Ledger } from "../../src/model/ledger.js";
import { Role } from "../../src/model/plan.js";
import { ScoringScheme } from "../../src/model/scoring.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { resolveUnits } from "../../src/units/resolve.js";
import { seedRoster } from "../support/rosters.js";
import { seedJson, seedText } from "../support/seed.js";

const text = seedText();
const full = seedRoster();
const scheme = ScoringScheme.parse(seedJson("wuzhi-2024.scheme.json"));
const ledger = Ledger.parse(seedJson("wuzhi-2024.ledger.sample.json"));
const asOf = IsoDate.parse("2024-12-31");

/** Every reference of the resolved seed plan that names a unit: its path and unit id. */
const namedRefs = (() => {
  const { plan } = resolveUnits(parsePlanText(text, { id: "wuzhi-2024" }).plan, full);
  const out: Array<{ path: string; unitId: string }> = [];
  plan.sections.forEach((s, si) =>
    s.tasks.forEach((t, ti) =>
      t.clauses.forEach((c, ci) =>
        Role.options.forEach((role) =>
          c.assignment[role].forEach((r, ri) => {
            if (r.unitId !== undefined) out.push({ path: ["sections", si, "tasks", ti, "clauses", ci, "assignment", role, ri].join("."), unitId: r.unitId });
          }),
        ),
      ),
    ),
  );
  return out;
})();

describe("a parsed plan against a roster that misses units (property)", () => {
  test.prop([fc.subarray(full.units.map((u) => u.id))])("nothing throws, and every reference to a missing unit is a diagnostic", (missing) => {
    const gone = new Set<string>(missing);
    const roster = Roster.parse({ ...full, units: full.units.filter((u) => !gone.has(u.id)) });
    const { plan } = parsePlanText(text, { id: "wuzhi-2024" });
    const matrix = buildMatrix(plan, roster);
    const occurrences = expandSchedule(plan, { matrix });
    occurrenceStatus(occurrences, ledger, asOf);
    scoreUnits({ plan, roster, matrix, scheme, ledger, asOf, occurrences });

    const reported = new Set(matrix.diagnostics.filter((d) => d.code === "unknown_unit").map((d) => d.path.join(".")));
    const expected = namedRefs.filter((r) => gone.has(r.unitId)).map((r) => r.path);
    expect(expected.filter((p) => !reported.has(p))).toEqual([]);
    expect(matrix.diagnostics.every((d) => d.source !== undefined && Object.isFrozen(d.source))).toBe(true);
    expect(matrix.cells.every((c) => !gone.has(c.unitId))).toBe(true);
  });
});
