// Every exported function, called with arbitrary JSON-shaped arguments — random JSON, the real
// seed values (plan, roster, matrix, occurrences, ledger, scheme, calendar, …) as JSON, and those
// values with one node replaced, deleted or added (a near miss reaches deep into the code) —
// returns, or throws the documented FazhiError; never a TypeError, never changing its arguments
// or Object.prototype. A call that never returns fails on the test's timeout (vitest.config.ts):
// no test here measures wall-clock time.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import * as api from "../../src/index.js";
import { FazhiError, type FazhiErrorCode, IsoDate, Ledger, ScoringScheme, buildBulletin, buildMatrix, chinaWorkdayCalendar, expandSchedule, occurrenceStatus, parsePlanText, scoreUnits } from "../../src/index.js";
import { seedRoster } from "../support/rosters.js";
import { propRuns } from "../support/runs.js";
import { seedJson, seedText } from "../support/seed.js";

/**
 * Exports that do not yet check their arguments, with where their code lives: each is still
 * called, but only reported. Remove a name once its function checks its arguments (the suite then
 * holds it to the rule). Empty: every export checks its arguments.
 */
const PENDING: Readonly<Record<string, string>> = {};

/** Codes a caller may see for a wrong argument or a date outside what the library handles; "internal" is a bug. */
const DOCUMENTED: ReadonlySet<FazhiErrorCode> = new Set(["invalid_argument", "out_of_range", "not_covered"]);
/** Runs per function (about a thousand calls in all); FAZHI_PROP_RUNS raises it for a longer hunt, as CI does. */
const RUNS = propRuns(12);

const { plan } = parsePlanText(seedText(), { id: "wuzhi-2024" });
const roster = seedRoster();
const matrix = buildMatrix(plan, roster);
const occurrences = expandSchedule(plan, { matrix });
const ledger = Ledger.parse(seedJson("wuzhi-2024.ledger.sample.json"));
const scheme = ScoringScheme.parse(seedJson("wuzhi-2024.scheme.json"));
const asOf = IsoDate.parse("2024-07-15");
const cards = scoreUnits({ plan, roster, matrix, scheme, ledger, asOf, occurrences });
const statuses = occurrenceStatus(occurrences, ledger, asOf);
const bulletin = buildBulletin(plan, matrix, occurrences, ledger, asOf);
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Real values, as JSON (what another system would send). */
const REAL: readonly unknown[] = [
  plan,
  roster,
  matrix,
  occurrences,
  occurrences.slice(0, 3),
  ledger,
  scheme,
  chinaWorkdayCalendar(),
  cards,
  cards[0],
  bulletin,
  { plan, matrix, occurrences, statuses: statuses.slice(0, 20), bulletin, cards: cards.slice(0, 3), asOf, diagnostics: matrix.diagnostics, schemeTitle: scheme.title, notes: ["示例"] },
  matrix.diagnostics,
  plan.sections[0]!.tasks[0]!.requirements[0]?.rule ?? { kind: "ongoing" },
  roster.groups[0],
  { plan, matrix, asOf, occurrences },
  ledger.entries[0],
  [ledger.entries.slice(0, 2)],
  [[{ op: "add", path: ["entries", 0], value: ledger.entries[0] }]],
].map(json);
/** The same values as JSON text: parsing a text is a fresh copy at half the cost of a round trip. */
const REAL_TEXT = REAL.map((v) => JSON.stringify(v));

const SCALARS = fc.constantFrom<unknown>("2024-06-30", "2024-02-30", "9999-12-31", "0000-01-01", "wuzhi-2024", "wuzhi-2024.t13", "sfj", "县司法局", "Plan", "next", "keep", "lead", "", 0, 1, -1, 2024, 9999, 1e9, 0.5, true, null);

/** A JSON value with one node replaced, deleted or added (hostile keys included). */
const nearMiss = fc
  .record({ base: fc.constantFrom(...REAL_TEXT), pick: fc.nat(), op: fc.constantFrom("replace", "delete", "add"), key: fc.constantFrom("__proto__", "constructor", "prototype", "kind", "x"), value: fc.oneof(fc.jsonValue({ maxDepth: 1 }), SCALARS) })
  .map(({ base, pick, op, key, value }) => {
    const copy: unknown = JSON.parse(base);
    const spots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const walk = (node: unknown): void => {
      if (spots.length > 5000) return;
      if (Array.isArray(node)) node.forEach((v, i) => (spots.push([node, i]), walk(v)));
      else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) (spots.push([node as Record<string, unknown>, k]), walk(v));
    };
    walk(copy);
    if (spots.length === 0) return value;
    const [parent, at] = spots[pick % spots.length]!;
    if (op === "replace") (parent as Record<string | number, unknown>)[at] = value;
    else if (op === "delete") Array.isArray(parent) ? parent.splice(at as number, 1) : delete (parent as Record<string, unknown>)[at as string];
    else if (!Array.isArray(parent)) Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true }); // an own "__proto__" key, as JSON.parse makes
    return copy;
  });

const arg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...REAL_TEXT).map((text): unknown => JSON.parse(text)) },
  { weight: 3, arbitrary: nearMiss },
  { weight: 2, arbitrary: SCALARS },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const isClass = (f: unknown): boolean => typeof f === "function" && /^class\b/.test(Function.prototype.toString.call(f));
const functions = Object.entries(api).filter(([, v]) => typeof v === "function" && !isClass(v)) as Array<[string, (...args: unknown[]) => unknown]>;

const prototypeState = (): string =>
  JSON.stringify([Object.prototype, Array.prototype].map((p) => Object.getOwnPropertyNames(p).sort().map((k) => [k, typeof (p as Record<string, unknown>)[k]])));

describe("every exported function under arbitrary JSON-shaped arguments (property)", () => {
  test("the index exports functions to check", () => {
    expect(functions.length).toBeGreaterThan(40);
    for (const name of Object.keys(PENDING)) expect(functions.map(([n]) => n)).toContain(name);
  });

  const prototypeBefore = prototypeState();
  for (const [name, fn] of functions) {
    const pending = PENDING[name];
    const title = `${name}: returns or throws a documented FazhiError, leaving its arguments and Object.prototype alone${pending === undefined ? "" : ` (pending: ${pending})`}`;
    (pending === undefined ? test : test.skip).prop([fc.array(arg, { maxLength: 4 })], { numRuns: RUNS })(title, (args) => {
      const before = JSON.stringify(args);
      let thrown: unknown;
      try {
        fn(...args);
      } catch (e) {
        thrown = e;
      }
      // Every rule broken, in one assertion (a dozen expect calls per run were a tenth of this file's time).
      const broken = [
        thrown === undefined || thrown instanceof FazhiError ? "" : `threw ${String((thrown as Error)?.stack ?? thrown)}`,
        thrown instanceof FazhiError && !DOCUMENTED.has(thrown.code) ? `threw FazhiError ${thrown.code}, not a documented code: ${thrown.message}` : "",
        JSON.stringify(args) === before ? "" : "changed its arguments",
        prototypeState() === prototypeBefore ? "" : "changed Object.prototype or Array.prototype",
        ({} as Record<string, unknown>).polluted === undefined ? "" : "left a `polluted` key on Object.prototype",
      ].filter((b) => b !== "");
      expect(broken).toEqual([]);
    });
  }
});
