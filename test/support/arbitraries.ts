// fast-check arbitraries of the fazhi model, bounded so that properties run quickly.
import fc from "fast-check";
import { isoDate, type IsoDate } from "../../src/model/dates.js";
import type { Assignment, Clause, Plan, Requirement, Section, Task, UnitRef } from "../../src/model/plan.js";
import type { ScheduleRule } from "../../src/model/schedule.js";
import type { Roster, Unit, UnitGroup } from "../../src/model/unit.js";
import { UnitKind } from "../../src/model/unit.js";

/**
 * Any string of code points, lone surrogate halves included, as `fc.string({ unit: "binary" })`
 * gives — without the seconds fast-check spends building a reverse map of all 1.1 million code
 * points for each such arbitrary. Mostly ASCII or the Basic Multilingual Plane (CJK), sometimes
 * anything.
 */
export const arbAnyString = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0x10ffff })), { maxLength })
    .map((cps) => String.fromCodePoint(...cps));

export const arbIsoDate = (minYear = 1949, maxYear = 2200): fc.Arbitrary<IsoDate> =>
  fc.date({ min: new Date(Date.UTC(minYear, 0, 1)), max: new Date(Date.UTC(maxYear, 11, 31)), noInvalidDate: true }).map((d) =>
    isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
  );

export const arbId = fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,15}$/);

const cjk = fc.constantFrom(..."县司法局政府办市场监管委员会人民法院检察院乡镇街道财政审计统计发改");
export const arbName = fc.array(cjk, { minLength: 2, maxLength: 10 }).map((cs) => cs.join(""));

const cellRef = fc.record({ table: fc.nat(9), row: fc.nat(2000), column: fc.nat(20) }, { requiredKeys: ["row", "column"] });
const span = fc
  .tuple(fc.nat(5000), fc.nat(200), fc.integer({ min: 1, max: 400 }), fc.option(cellRef, { nil: undefined }), fc.option(fc.nat(3000), { nil: undefined }))
  .map(([start, len, line, cell, paragraph]) => ({ start, end: start + len, line, ...(cell !== undefined ? { cell } : {}), ...(paragraph !== undefined ? { paragraph } : {}) }));

export const arbUnitRef: fc.Arbitrary<UnitRef> = fc.record(
  { text: arbName, unitId: arbId, qualifier: fc.constantFrom("等部门", "按职责分工负责"), source: span },
  { requiredKeys: ["text"] },
) as fc.Arbitrary<UnitRef>;

export const arbAssignment: fc.Arbitrary<Assignment> = fc.record({
  lead: fc.array(arbUnitRef, { maxLength: 3 }),
  responsible: fc.array(arbUnitRef, { maxLength: 3 }),
  support: fc.array(arbUnitRef, { maxLength: 2 }),
});

export const arbPeriod = fc.constantFrom("month", "quarter", "half_year", "year" as const);

export const arbRule = (year: number): fc.Arbitrary<ScheduleRule> =>
  fc.oneof(
    arbIsoDate(year, year).map((due) => ({ kind: "deadline" as const, due })),
    fc.tuple(arbIsoDate(year, year), arbIsoDate(year, year)).map(([a, b]) => (a <= b ? { kind: "window" as const, from: a, to: b } : { kind: "window" as const, from: b, to: a })),
    fc.record({ kind: fc.constant("recurring" as const), period: arbPeriod, times: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant("quota" as const), period: arbPeriod, atLeast: fc.integer({ min: 1, max: 12 }) }),
    fc.constant({ kind: "ongoing" as const }),
    fc.constant({ kind: "on_event" as const }),
  );

/** A structurally valid plan whose ids, numbering and dates also pass validatePlan. */
export const arbPlan: fc.Arbitrary<Plan> = fc
  .record({
    year: fc.integer({ min: 2000, max: 2100 }),
    sectionSizes: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 4 }),
    title: arbName,
    issuer: fc.option(arbName, { nil: undefined }),
  })
  .chain(({ year, sectionSizes, title, issuer }) => {
    const total = sectionSizes.reduce((a, b) => a + b, 0);
    return fc
      .array(
        fc.record({
          title: arbName,
          text: fc.string({ maxLength: 40 }),
          clauses: fc.array(arbAssignment, { maxLength: 2 }),
          rules: fc.array(arbRule(year), { maxLength: 2 }),
          source: fc.option(span, { nil: undefined }),
        }),
        { minLength: total, maxLength: total },
      )
      .map((rawTasks) => {
        const planId = `plan-${year}`;
        let n = 0;
        const sections: Section[] = sectionSizes.map((size, s) => {
          const tasks: Task[] = [];
          for (let k = 0; k < size; k++) {
            const raw = rawTasks[n]!;
            n += 1;
            const taskId = `${planId}.t${String(n).padStart(2, "0")}`;
            const clauses: Clause[] = raw.clauses.map((assignment, c) => ({ id: `${taskId}.c${c + 1}`, text: raw.text, assignment }) as Clause);
            const requirements: Requirement[] = raw.rules.map(
              (rule, r) => ({ id: `${taskId}.r${r + 1}`, phrase: "每季度开展一次", action: "开展", rule, ...(clauses[0] ? { clauseId: clauses[0].id } : {}) }) as Requirement,
            );
            tasks.push({ id: taskId, no: n, title: raw.title, text: raw.text, clauses, requirements, ...(raw.source ? { source: raw.source } : {}) } as Task);
          }
          return { no: s + 1, title: `第${s + 1}部分`, tasks };
        });
        return { id: planId, title, year, ...(issuer ? { issuer } : {}), sections } as Plan;
      });
  });

export const arbUnit: fc.Arbitrary<Unit> = fc.record(
  {
    id: arbId,
    name: arbName,
    kind: fc.constantFrom(...UnitKind.options),
    aliases: fc.array(arbName, { maxLength: 2 }),
    formerNames: fc.array(fc.record({ name: arbName, validTo: arbIsoDate(2000, 2030) }, { requiredKeys: ["name"] }), { maxLength: 2 }),
    identifiers: fc.array(fc.record({ scheme: fc.constant("uscc"), value: fc.string({ minLength: 1, maxLength: 18 }) }), { maxLength: 1 }),
    validFrom: arbIsoDate(1990, 2010),
    validTo: arbIsoDate(2011, 2040),
    note: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ["id", "name", "kind"] },
) as fc.Arbitrary<Unit>;

export const arbGroup: fc.Arbitrary<UnitGroup> = fc.record({
  id: arbId,
  name: arbName,
  phrases: fc.array(arbName, { maxLength: 2 }),
  scope: fc.constantFrom("all", "relevant" as const),
  select: fc.record({ kinds: fc.subarray([...UnitKind.options], { minLength: 1 }) }),
}) as fc.Arbitrary<UnitGroup>;

/** A roster that passes the schema (not necessarily validateRoster: names may repeat). */
export const arbRoster: fc.Arbitrary<Roster> = fc.record({
  id: arbId,
  name: arbName,
  source: fc.record({ title: arbName }),
  units: fc.array(arbUnit, { maxLength: 6 }),
  groups: fc.array(arbGroup, { maxLength: 3 }),
}) as fc.Arbitrary<Roster>;

const entryBase = { id: arbId, unitId: arbId, date: arbIsoDate(2000, 2100), evidence: fc.array(fc.record({ title: arbName, reference: fc.string({ maxLength: 12 }) }, { requiredKeys: ["title"] }), { maxLength: 2 }), note: fc.string({ maxLength: 20 }) };
const req = ["id", "unitId", "date", "kind"] as const;
export const arbProgressEntry = fc.oneof(
  fc.record({ ...entryBase, kind: fc.constantFrom("done", "held" as const), taskId: arbId, requirementId: arbId, occurrenceId: arbId, count: fc.integer({ min: 1, max: 50 }) }, { requiredKeys: [...req, "taskId"] }),
  fc.record({ ...entryBase, kind: fc.constant("progress" as const), taskId: arbId, requirementId: arbId }, { requiredKeys: [...req, "taskId"] }),
  fc.record({ ...entryBase, kind: fc.constant("incident" as const), taskId: arbId, tag: arbName, count: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [...req, "tag"] }),
  fc.record({ ...entryBase, kind: fc.constant("measure" as const), metric: arbName, value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }, { requiredKeys: [...req, "metric", "value"] }),
  fc.record({ ...entryBase, kind: fc.constant("problem" as const), problemId: arbId, dueBy: arbIsoDate(2000, 2100) }, { requiredKeys: [...req, "problemId", "dueBy"] }),
  fc.record({ ...entryBase, kind: fc.constant("award" as const), category: arbName, awardId: arbId }, { requiredKeys: [...req, "category"] }),
  fc.record({ ...entryBase, kind: fc.constant("veto" as const), vetoId: arbId }, { requiredKeys: [...req, "vetoId"] }),
);
