import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { SourceSpan } from "../../src/model/diagnostic.js";
import { Plan } from "../../src/model/plan.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { normalizeLine } from "../../src/text/normalize.js";
import { arbAnyString } from "../support/arbitraries.js";
import { runs } from "../support/runs.js";
import { seedText } from "../support/seed.js";

const seed = seedText();
const seedLines = seed.split("\n");

/** A unit reference as the parser writes it: its text and where it came from, nothing else. */
const isUnitRef = (o: Record<string, unknown>): o is { text: string } =>
  typeof o.text === "string" && Object.keys(o).every((k) => k === "text" || k === "source" || k === "qualifier");

/** Every `source` span anywhere in a value; for unit references, with the text they claim. */
const spans = (value: unknown, out: Array<{ span: SourceSpan; text?: string }> = []) => {
  if (Array.isArray(value)) for (const v of value) spans(v, out);
  else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.source && typeof o.source === "object") out.push({ span: o.source as SourceSpan, ...(isUnitRef(o) ? { text: o.text } : {}) });
    for (const v of Object.values(o)) spans(v, out);
  }
  return out;
};

const checkParse = (text: string) => {
  const { plan, diagnostics } = parsePlanText(text);
  expect(Plan.safeParse(JSON.parse(JSON.stringify(plan))).success).toBe(true);
  // The spans that break a rule, each with the rule: one assertion for the thousands of spans of a
  // plan (an expect per span made this property spend most of its time in the assertion library).
  const bad = [...spans(plan), ...spans(diagnostics)].flatMap(({ span, text: written }) => {
    const broken = [
      span.start >= 0 ? "" : "start < 0",
      span.end >= span.start ? "" : "end < start",
      span.end <= text.length ? "" : "end > text.length",
      span.line >= 1 ? "" : "line < 1",
      // A unit reference's span starts at the character its text starts with.
      written === undefined || written.length === 0 || normalizeLine(text[span.start] ?? "").text === written[0] ? "" : `starts at ${JSON.stringify(text[span.start])}, not at ${JSON.stringify(written[0])}`,
    ].filter((r) => r !== "");
    return broken.length > 0 ? [{ span, written, broken }] : [];
  });
  expect(bad).toEqual([]);
};

// Pieces of the genre, so that random text often looks like a plan.
const token = fc.constantFrom(
  "一、", "（一）", "(二)", "1.", "2．", "（1）", "十、", "牵头单位：", "责任单位:", "配合单位：", "、", "，", "。", "；", "\n", "\n\n", "\r\n",
  "县司法局", "各乡镇人民政府、街道办事处", "县直有关单位", "（牵头单位：县政府办）", "〔", "〕", "（", "）", "- 2 -", "2024年度", "工作安排",
  "等部门", "和", "及", " ", "\u3000", "\uFEFF", "现将", "的通知", "文件", "武法政〔2024〕1号",
);
const docLike = fc.array(fc.oneof(token, fc.string({ maxLength: 4 })), { maxLength: 80 }).map((parts) => parts.join(""));

describe("parsePlanText (properties)", () => {
  test.prop([arbAnyString(300)])("any string: no throw, spans inside the text", checkParse);
  test.prop([docLike], runs(150))("plan-like noise: no throw, spans inside the text", checkParse);

  const mutation = fc.oneof(
    fc.record({ op: fc.constant("delete"), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ op: fc.constant("duplicate"), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ op: fc.constant("swap"), at: fc.nat(), n: fc.nat() }),
    fc.record({ op: fc.constant("insert"), at: fc.nat(), noise: fc.oneof(token, fc.string({ maxLength: 8 })) }),
  );
  test.prop([fc.array(mutation, { minLength: 1, maxLength: 6 })], runs(40))("mutations of the seed: no throw, spans inside the text", (mutations) => {
    const lines = [...seedLines];
    for (const m of mutations) {
      const at = m.at % lines.length;
      if (m.op === "delete") lines.splice(at, m.n);
      else if (m.op === "duplicate") lines.splice(at, 0, ...lines.slice(at, at + m.n));
      else if (m.op === "swap") {
        const other = m.n % lines.length;
        [lines[at], lines[other]] = [lines[other] ?? "", lines[at] ?? ""];
      } else lines.splice(at, 0, m.noise);
      if (lines.length === 0) lines.push("");
    }
    checkParse(lines.join("\n"));
  });

  test.prop([fc.integer({ min: 2, max: 35 })])("deleting one task's heading line leaves 34 numbered tasks", (no) => {
    const at = seedLines.findIndex((l) => taskHeadingNo(l) === no);
    const without = [...seedLines.slice(0, at), ...seedLines.slice(at + 1)].join("\n");
    const labelled = parsePlanText(without).plan.sections.flatMap((s) => s.tasks).filter((t) => t.label !== undefined);
    expect(labelled).toHaveLength(34);
    expect(labelled.map((t) => t.label)).not.toContain(seedLines[at]!.slice(0, seedLines[at]!.search(/[)）]/) + 1).replace("(", "（").replace(")", "）"));
  });
});

const CN = "一二三四五六七八九";
const taskHeadingNo = (line: string): number | undefined => {
  const m = /^[（(]([一二三四五六七八九十]+)[）)]/.exec(line);
  if (m === null) return undefined;
  const s = m[1]!;
  if (s.length === 1) return s === "十" ? 10 : CN.indexOf(s) + 1;
  if (s.startsWith("十")) return 10 + CN.indexOf(s[1]!) + 1;
  return (CN.indexOf(s[0]!) + 1) * 10 + (s[2] === undefined ? 0 : CN.indexOf(s[2]) + 1);
};
