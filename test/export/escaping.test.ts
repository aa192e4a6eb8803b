// Every text the report renders from its input goes through escapeHtml: hostile text (markup,
// quotes, an ampersand) in each field comes out as text, never as markup. Each field carries its
// own marker, so that dropping the escaping of any one of them turns this test red.
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/export/report.js";
import { buildBulletin } from "../../src/ledger/bulletin.js";
import { emptyLedger, recordMany } from "../../src/ledger/ledger.js";
import { occurrenceStatus } from "../../src/ledger/status.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import type { ResponsibilityMatrix } from "../../src/model/matrix.js";
import type { Plan } from "../../src/model/plan.js";
import type { Occurrence } from "../../src/model/schedule.js";
import type { ScoreCard } from "../../src/model/scoring.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { lazy } from "../support/lazy.js";
import { schemeOf, world } from "../support/small-world.js";

/** Hostile text naming its field: markup, both quotes and an ampersand. */
const hostile = (field: string) => `<x-h data-f="${field}">'&'</x-h>`;
const escaped = (field: string) => `&lt;x-h data-f=&quot;${field}&quot;&gt;&#39;&amp;&#39;&lt;/x-h&gt;`;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const w = world();
const plan = clone(w.plan) as { -readonly [K in keyof Plan]: any };
plan.title = hostile("plan.title");
plan.issuer = hostile("plan.issuer");
plan.docNumber = hostile("plan.docNumber");
plan.sections[0].title = hostile("section.title");
const task = plan.sections[0].tasks[0];
task.title = hostile("task.title");
task.text = hostile("task.text");
task.clauses[0].assignment.lead[0].text = hostile("assignment.text");

const matrix = clone(w.matrix) as { -readonly [K in keyof ResponsibilityMatrix]: any };
const sfj = matrix.units.findIndex((u: { id: string }) => u.id === "sfj");
matrix.units[sfj].name = hostile("unit.name");
matrix.tasks[0].title = hostile("matrix.task.title");

const occurrences = clone(w.occurrences) as Occurrence[] as Array<{ -readonly [K in keyof Occurrence]: any }>;
const q1 = occurrences.find((o) => o.taskNo === 1 && o.due !== undefined)!;
q1.label = hostile("occurrence.label");
q1.action = hostile("occurrence.action");

const asOf = w.asOf;
const recorded = recordMany(emptyLedger(w.plan.id), [{ id: "late", unitId: "sfj", taskId: w.plan.sections[0]!.tasks[0]!.id, date: "2024-12-20", kind: "progress" }], { plan: w.plan, matrix: w.matrix, asOf });
if (!recorded.ok) throw new Error(recorded.issues.map((d) => d.message).join("; "));
const ledger = recorded.ledger;
const statuses = occurrenceStatus(occurrences as Occurrence[], ledger, asOf);
const bulletin = buildBulletin(plan as Plan, matrix as ResponsibilityMatrix, occurrences as Occurrence[], ledger, asOf);

const scheme = schemeOf([{ id: "i", name: hostile("indicator.name"), points: 10, methods: [{ kind: "incidents", tag: "x", per: 1 }] }], { title: hostile("scheme.title") });
const cards = scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme, ledger, asOf }).map((c, i) => ({
  ...clone(c),
  ...(i === 0 ? { name: hostile("card.name"), grade: hostile("card.grade") } : {}),
})) as ScoreCard[];

const diagnostics: Diagnostic[] = [
  { code: "hostile_error", severity: "error", message: hostile("diagnostic.message"), messageEn: hostile("diagnostic.messageEn"), path: [] },
  { code: "hostile_info", severity: "info", message: hostile("info.message"), messageEn: hostile("info.messageEn"), path: [], source: { start: 10, end: 12, line: 3 } },
];

// Rendered inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
const html = lazy(() => renderReport({ plan: plan as Plan, matrix: matrix as ResponsibilityMatrix, occurrences: occurrences as Occurrence[], statuses, bulletin, cards, asOf, diagnostics, schemeTitle: hostile("schemeTitle"), notes: [hostile("note")] }));

const FIELDS = [
  "plan.title", "plan.issuer", "plan.docNumber", "section.title", "task.title", "task.text", "assignment.text",
  "unit.name", "matrix.task.title", "occurrence.label", "occurrence.action",
  "indicator.name", "card.name", "card.grade", "schemeTitle", "note",
  "diagnostic.message", "diagnostic.messageEn", "info.message", "info.messageEn",
];

describe("renderReport escapes every text field it renders", () => {
  it("no hostile markup survives anywhere in the page", () => {
    expect(html()).not.toMatch(/<x-h|<\/x-h/);
    expect(html()).not.toContain("'&'");
  });

  it.each(FIELDS)("%s is shown, as text", (field) => {
    expect(html()).toContain(escaped(field));
  });

  it("the bulletin's unit names and task titles are escaped too (they come from the matrix and the plan)", () => {
    const pre = /<section id="bulletin">[^]*?<\/section>/.exec(html())?.[0] ?? "";
    expect(pre).toContain(escaped("unit.name"));
    expect(pre).not.toContain("<x-h");
  });
});
