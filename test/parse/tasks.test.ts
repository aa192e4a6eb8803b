import { describe, expect, it } from "vitest";
import { roleVocabulary } from "../../src/parse/role-words.js";
import { bareListRule, labelRule, verbRule } from "../../src/parse/roles.js";
import { createContext } from "../../src/parse/rules.js";
import { piecesOf, readTaskContent } from "../../src/parse/tasks.js";
import { DEFAULT_GROUP_PHRASES, UNIT_PREDICATES } from "../../src/parse/units.js";
import { normalizeLine } from "../../src/text/normalize.js";

const vocabulary = roleVocabulary();
const roles = [labelRule(vocabulary), verbRule(vocabulary), bareListRule];
const pieces = (raw: string) => piecesOf(normalizeLine(raw), roles).map((p) => ("roles" in p ? `[${p.m.text.slice(p.from, p.to)}]` : p.text.text));

describe("piecesOf", () => {
  it("cuts a block at every role bracket, mid-text or at the end", () => {
    expect(pieces("做好信息公开。(牵头单位:县发改局)常态化推进预算公开。(牵头单位：县财政局)。")).toEqual(["做好信息公开。", "[牵头单位：县发改局]", "常态化推进预算公开。", "[牵头单位：县财政局]"]);
    expect(pieces("消除在萌芽状态(由市司法局会同信访局等部门实施)。")).toEqual(["消除在萌芽状态", "[由市司法局会同信访局等部门实施]"]);
  });

  it("leaves prose brackets, quotes and book titles in the text", () => {
    expect(pieces("坚持“三不决策”（不经调查研究不决策）。按照《条例》（试行）执行。")).toEqual(["坚持“三不决策”（不经调查研究不决策）。按照《条例》（试行）执行。"]);
  });

  it("keeps a bracket that also holds a deadline in the text, and reads its units", () => {
    expect(pieces("推进改革(市编办牵头,2006年年底前完成)")).toEqual(["推进改革（市编办牵头，2006年年底前完成）", "[市编办牵头，2006年年底前完成]"]);
  });

  it("reads a role bracket that a fragment's end cut off", () => {
    expect(pieces("加强监督。(责任单位:市民政局、发展改革委、")).toEqual(["加强监督。", "[责任单位：市民政局、发展改革委、]"]);
  });
});

describe("readTaskContent", () => {
  it("gives each assignment the text before it, as a clause", () => {
    const text = "深化改革。（牵头单位：县委编办）加强培训，9月底前完成轮训。（牵头单位：县司法局；责任单位：县公安局）";
    const block = { ...normalizeLine(text), line: 1, kind: "text" as const };
    const ctx = createContext(() => 1, new Set());
    const c = readTaskContent({ label: "", numeral: undefined, blocks: [block], cut: 0, container: 0 }, { roles, phrases: DEFAULT_GROUP_PHRASES, predicates: UNIT_PREDICATES }, ctx, []);
    expect(c.clauses.map((cl) => [cl.paragraphs.map((p) => p.text).join(""), cl.assignment.lead.map((r) => r.text), cl.assignment.responsible.map((r) => r.text)])).toEqual([
      ["深化改革。", ["县委编办"], []],
      ["加强培训，9月底前完成轮训。", ["县司法局"], ["县公安局"]],
    ]);
    for (const cl of c.clauses) for (const r of cl.assignment.lead) expect(text.slice(r.source!.start, r.source!.end)).toBe(r.text);
  });
});
