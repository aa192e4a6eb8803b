import { fc, test } from "@fast-check/vitest";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { MODEL_NAMES, type ModelName, schemaFileName, toJsonSchema } from "../../src/model/json-schema.js";
import { Plan, Task } from "../../src/model/plan.js";
import { Roster, Unit } from "../../src/model/unit.js";
import { ScheduleRule } from "../../src/model/schedule.js";
import { readPlan } from "../../src/model/validate.js";
import { arbPlan, arbProgressEntry, arbRoster, arbRule, arbUnit } from "../support/arbitraries.js";
import { ProgressEntry } from "../../src/model/ledger.js";
import { ScoringScheme } from "../../src/model/scoring.js";
import { runs } from "../support/runs.js";
import { seedJson } from "../support/seed.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
/** One compiled validator per model (compiling is the slow part: never once per run). */
const compiled = new Map<ModelName, ReturnType<typeof ajv.compile>>();
const validator = (name: ModelName) => {
  const known = compiled.get(name);
  if (known !== undefined) return known;
  const v = ajv.compile(toJsonSchema(name));
  compiled.set(name, v);
  return v;
};

/** Replace, delete or add one value somewhere in a JSON tree. */
const arbMutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom("replace", "delete", "add"),
  value: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom("2024-02-30", "", "县司法局", -1, 1.5, "lead", "deadline")),
});
const mutate = (input: unknown, m: { pick: number; op: string; value: unknown }): unknown => {
  const copy = JSON.parse(JSON.stringify(input)) as unknown;
  const spots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (spots.push([node, i]), walk(v)));
    else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) (spots.push([node as Record<string, unknown>, k]), walk(v));
  };
  walk(copy);
  if (spots.length === 0) return m.value;
  const [parent, key] = spots[m.pick % spots.length]!;
  if (m.op === "replace") (parent as Record<string | number, unknown>)[key] = m.value;
  else if (m.op === "delete") Array.isArray(parent) ? parent.splice(key as number, 1) : delete (parent as Record<string, unknown>)[key as string];
  else if (!Array.isArray(parent)) parent["extra_key"] = m.value;
  return copy;
};

const cases = [
  ["Plan", Plan, arbPlan],
  ["Roster", Roster, arbRoster],
  ["Unit", Unit, arbUnit],
  ["ScheduleRule", ScheduleRule, arbRule(2024)],
  ["ProgressEntry", ProgressEntry, arbProgressEntry],
] as const;

describe("JSON Schema export", () => {
  it("is draft 2020-12 with $defs for every model", () => {
    const all = toJsonSchema();
    expect(all.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const defs = all.$defs as Record<string, unknown>;
    for (const name of MODEL_NAMES) expect(defs[name]).toBeDefined();
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(["IsoDate", "UnitId", "SourceSpan", "Role", "UnitKind"]));
    expect(() => ajv.compile(all)).not.toThrow();
  });

  it("gives every document an $id with the package version", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const base = `https://unpkg.com/fazhi@${version}/schemas/`;
    expect(toJsonSchema().$id).toBe(`${base}fazhi.schema.json`);
    for (const name of MODEL_NAMES) expect(toJsonSchema(name).$id).toBe(`${base}${schemaFileName(name)}`);
  });

  it("names the failing field of a ledger entry, not just the entry (if/then per kind)", () => {
    const validate = validator("Ledger");
    const ledger = {
      planId: "wuzhi-2024",
      entries: [
        { id: "e1", unitId: "sfj", taskId: "wuzhi-2024.t01", date: "2024-02-30", kind: "done" },
        { id: "e2", unitId: "sfj", date: "2024-01-01", kind: "nope" },
        { id: "e3", unitId: "sfj", date: "2024-01-01", kind: "measure", metric: "发案量" },
      ],
    };
    expect(validate(ledger)).toBe(false);
    const where = new Set((validate.errors ?? []).filter((e) => e.keyword !== "if").map((e) => `${e.instancePath} ${e.keyword}`));
    expect(where).toContain("/entries/0/date pattern");
    expect(where).toContain("/entries/1/kind enum");
    expect(where).toContain("/entries/2 required");
    // No error says only that an entry matched none of the kinds.
    expect([...where].filter((w) => w.endsWith("oneOf"))).toEqual([]);
    // The same holds for every discriminated union: no oneOf whose branches are told apart by kind.
    expect(JSON.stringify(toJsonSchema())).not.toMatch(/"oneOf":\[\{("\$ref"|"type":"object","properties":\{"kind")/);
  });

  it("roots a named schema at its model, with Chinese titles", () => {
    const s = toJsonSchema("Plan");
    expect(s.$ref).toBe("#/$defs/Plan");
    expect((s.$defs as Record<string, { title?: string }>).Plan!.title).toBe("工作安排");
    expect(schemaFileName("ScheduleRule")).toBe("schedule-rule.schema.json");
    expect(() => toJsonSchema("Nope" as ModelName)).toThrow(/Nope/);
  });

  for (const [name, schema, arb] of cases) {
    const validate = validator(name);
    test.prop([arb], runs(60))(`${name}: zod and JSON Schema accept the same valid instances`, (value) => {
      const json = JSON.parse(JSON.stringify(value));
      expect(schema.safeParse(json).success).toBe(true);
      expect(validate(json)).toBe(true);
    });
    test.prop([arb, arbMutation], runs(120))(`${name}: zod and JSON Schema agree on mutated instances`, (value, m) => {
      const json = mutate(value, m);
      const z = schema.safeParse(json).success;
      const j = validate(json) as boolean;
      expect({ json, zod: z, jsonSchema: j }).toEqual({ json, zod: j, jsonSchema: j });
    });
  }

  it("accepts the seed's real matrix", async () => {
    const { buildMatrix } = await import("../../src/units/matrix.js");
    const { parsePlanText } = await import("../../src/parse/parse-plan.js");
    const { seedRoster } = await import("../support/rosters.js");
    const { seedText } = await import("../support/seed.js");
    const m = JSON.parse(JSON.stringify(buildMatrix(parsePlanText(seedText(), { id: "wuzhi-2024" }).plan, seedRoster())));
    expect(validator("ResponsibilityMatrix")(m)).toBe(true);
  });

  const seedScheme = seedJson("wuzhi-2024.scheme.json");
  test.prop([arbMutation], runs(120))("ScoringScheme: zod and JSON Schema agree on mutations of the example scheme", (m) => {
    const validate = validator("ScoringScheme");
    expect(validate(seedScheme)).toBe(true);
    const json = mutate(seedScheme, m);
    expect({ json, zod: ScoringScheme.safeParse(json).success }).toEqual({ json, zod: validate(json) as boolean });
  });

  it("documents what only the validator functions check (cross-field rules)", () => {
    // A plan with two tasks sharing an id: valid to both schemas, rejected by validatePlan.
    const task = Task.parse({ id: "p-2024.t01", no: 1, title: "t", text: "", clauses: [], requirements: [] });
    const plan = { id: "p-2024", title: "t", year: 2024, sections: [{ no: 1, title: "s", tasks: [task, { ...task, no: 2 }] }] };
    expect(validator("Plan")(plan)).toBe(true);
    expect(Plan.safeParse(plan).success).toBe(true);
    const r = readPlan(plan);
    expect(r.ok).toBe(false);
    expect(r.issues.map((d) => d.code)).toEqual(["duplicate_id"]);
  });
});
