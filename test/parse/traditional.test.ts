import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/plan.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { simplifiedKey } from "../../src/parse/traditional.js";

// Test documents written for these tests, in the genre's language; the places and units are fictional.
const tasksOf = (plan: Plan) => plan.sections.flatMap((s) => s.tasks);
const assigned = (plan: Plan) =>
  tasksOf(plan).map((t) => t.clauses.flatMap((c) => [c.assignment.lead.map((r) => r.text), c.assignment.responsible.map((r) => r.text), c.assignment.support.map((r) => r.text)]));

describe("simplifiedKey", () => {
  it("maps the traditional characters of role words one for one, and nothing else", () => {
    expect(simplifiedKey("牽頭單位：縣司法局")).toBe("牵头单位：县司法局");
    expect(simplifiedKey("按職責分工負責")).toBe("按职责分工负责");
    expect(simplifiedKey("深化改革最佳化營商環境")).toBe("深化改革最佳化營商環境");
    const s = "市政府辦公廳、各鄉鎮協辦";
    expect(simplifiedKey(s)).toHaveLength(s.length);
    const same = "县司法局牵头";
    expect(simplifiedKey(same)).toBe(same);
  });
});

describe("rule traditionalScript: traditional role words, printed names", () => {
  const doc = [
    "一、深化改革",
    "1.推進審批改革。(市政府辦公室、市司法局牽頭,市級各有關部門按職責分工負責)",
    "2.加強監管。",
    "責任單位:市市場監管局、市財政局",
    "協辦單位:各縣區政府",
  ].join("\n");

  it("reads labels, verbs and predicates written in traditional characters, keeping the names as printed", () => {
    const { plan } = parsePlanText(doc, { year: 2022 });
    expect(assigned(plan)).toEqual([
      [["市政府辦公室", "市司法局"], ["市級各有關部門"], []],
      [[], ["市市場監管局", "市財政局"], ["各縣區政府"]],
    ]);
    const ref = tasksOf(plan)[0]!.clauses[0]!.assignment.responsible[0]!;
    expect(doc.slice(ref.source!.start, ref.source!.end)).toBe("市級各有關部門");
  });

  it("can be turned off by name", () => {
    const { plan } = parsePlanText(doc, { year: 2022, rules: { disable: ["traditionalScript"] } });
    expect(assigned(plan).flat(2)).toEqual([]);
  });
});
