// The whole pipeline as another county runs it, on real documents: parse a corpus document, infer
// its roster (whole, or with random units missing, as a roster a county typed by hand would be),
// build the matrix, expand the schedule, read a ledger, track, score and render the report. Nothing
// throws; every reference to a unit the roster lacks is a diagnostic at that reference; the report
// names every unit of the matrix.
import { fc, test } from "@fast-check/vitest";
import { readdirSync } from "node:fs";
import { describe, expect } from "vitest";
import { renderReport } from "../../src/export/report.js";
import { buildBulletin } from "../../src/ledger/bulletin.js";
import { readLedger } from "../../src/ledger/ledger.js";
import { occurrenceStatus } from "../../src/ledger/status.js";
import { IsoDate } from "../../src/model/dates.js";
import type { Plan } from "../../src/model/plan.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readScheme } from "../../src/scoring/validate-scheme.js";
import { inferRoster } from "../../src/units/infer.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { corpusText } from "../compare/support/evaluate.js";
import { runs } from "../support/runs.js";
import { namedUnitRefs } from "../support/unit-refs.js";

const DOCS = readdirSync(new URL("../corpus/plans/", import.meta.url))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/, ""));

/** Each document parsed once, its roster inferred once (the property varies what is removed). */
const prepared = new Map<string, { plan: Plan; roster: Roster }>();
const prepare = (doc: string) => {
  let p = prepared.get(doc);
  if (p === undefined) {
    const { plan } = parsePlanText(corpusText(`plans/${doc}`));
    p = { plan, roster: inferRoster(plan).roster };
    prepared.set(doc, p);
  }
  return p;
};

/** A scheme any plan can be scored by: its scheduled items and reported incidents, for every unit. */
const SCHEME = {
  id: "any",
  title: "通用测试方案",
  total: 100,
  areas: [{ id: "a", name: "工作推进", points: 100 }],
  indicators: [
    { id: "work", name: "按时完成", area: "a", points: 60, appliesTo: {}, methods: [{ kind: "occurrences", perMissing: 1 }] },
    { id: "cases", name: "问题", area: "a", points: 40, appliesTo: {}, methods: [{ kind: "incidents", tag: "问题", per: 2 }] },
  ],
  grades: [{ name: "优秀", min: 90 }],
  lowestGrade: "合格",
};

describe("real documents through the whole pipeline, with inferred rosters that miss random units (property)", () => {
  test.prop([fc.constantFrom(...DOCS), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), fc.boolean()], runs(25))(
    "nothing throws, missing units are diagnostics, the report names every unit",
    (doc, dropPattern, dropAny) => {
      const { plan, roster: inferred } = prepare(doc);
      const gone = new Set(dropAny ? inferred.units.filter((_, i) => dropPattern[i % dropPattern.length]).map((u) => u.id) : []);
      const roster = Roster.parse({ ...inferred, units: inferred.units.filter((u) => !gone.has(u.id)) });

      // A document without a year (many corpus fragments) gets it from the user, as the parser's year_missing warning asks.
      const year = plan.year ?? 2025;
      const asOf = IsoDate.parse(`${year}-12-31`);
      const matrix = buildMatrix(plan, roster);
      const occurrences = expandSchedule(plan, { matrix, year });
      const scheme = readScheme(SCHEME, { plan, roster });
      expect(scheme.ok).toBe(true);
      if (!scheme.ok) return;
      // A ledger of one entry per matrix cell that has a task (work), plus an assessment fact for every roster unit.
      const entries = [
        ...matrix.cells.slice(0, 30).map((c, i) => ({ id: `w${i}`, unitId: c.unitId, taskId: c.taskId, date: `${year}-01-10`, kind: "progress" })),
        ...roster.units.slice(0, 30).map((u, i) => ({ id: `f${i}`, unitId: u.id, date: `${year}-02-10`, kind: "incident", tag: "问题" })),
      ];
      const ledger = readLedger({ planId: plan.id, entries }, { plan, matrix, occurrences, roster, asOf });
      expect(ledger.issues.filter((d) => d.severity === "error")).toEqual([]);
      if (!ledger.ok) return;
      const statuses = occurrenceStatus(occurrences, ledger.value, asOf);
      const bulletin = buildBulletin(plan, matrix, occurrences, ledger.value, asOf);
      const cards = scoreUnits({ plan, roster, matrix, scheme: scheme.value, ledger: ledger.value, asOf, occurrences });
      const html = renderReport({ plan, matrix, occurrences, statuses, bulletin, cards, asOf, diagnostics: matrix.diagnostics });

      // Every reference to a removed unit is reported where it is, and no cell goes to a removed unit.
      const reported = new Set(matrix.diagnostics.filter((d) => d.severity === "error").map((d) => d.path.join(".")));
      const expected = namedUnitRefs(plan, inferred).filter((r) => gone.has(r.unitId)).map((r) => r.path);
      expect(expected.filter((p) => !reported.has(p))).toEqual([]);
      expect(matrix.cells.every((c) => !gone.has(c.unitId))).toBe(true);
      if (gone.size === 0) expect(matrix.diagnostics.filter((d) => d.code === "unknown_unit")).toEqual([]);
      for (const u of matrix.units) expect(html).toContain(u.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
      expect(cards.length).toBe(roster.units.length);
    },
  );
});
