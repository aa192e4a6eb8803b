// Inputs shaped to make a careless reader quadratic: long runs of header words, separators,
// numbers and key/value lines. Each must finish (the test timeout is the guard; no timing is asserted).
import { describe, expect, it } from "vitest";
import { findTableInText } from "../../../src/parse/table/from-text.js";
import { readTableText } from "../../../src/parse/table/read-text.js";
import { readPlanTable } from "../../../src/parse/table/read-table.js";

const repeat = (s: string, bytes: number) => s.repeat(Math.ceil(bytes / (s.length * 3)));

describe("the table readers stay linear on hostile input", () => {
  const texts: Array<[string, string]> = [
    ["header words, one per paragraph", repeat("序号\n\n", 100_000)],
    ["header words with | marks", repeat("工作任务 |\n", 100_000)],
    ["a spaced header line thousands of words long", `${repeat("序号 工作任务 牵头单位 ", 50_000)}\n1 任务 县司法局`],
    ["key/value lines with ever new keys", Array.from({ length: 5000 }, (_, i) => `工作${i}\n值\n具体任务\n值`).join("\n")],
    ["numbers and units", repeat("序号\n工作任务\n牵头单位\n1\n县司法局\n", 100_000)],
    ["tabs", repeat("序号\t工作任务\t牵头单位\n1\t\t\t\t\t\t\n", 100_000)],
    ["bars", repeat("|", 100_000)],
  ];
  it.each(texts)("%s", (_, text) => {
    const t = findTableInText(text);
    if (t !== undefined) expect(readTableText(text)?.plan).toBeDefined();
  });

  it("a table of 20,000 one-cell rows after a header", () => {
    const rows = [["序号", "工作任务", "牵头单位"], ...Array.from({ length: 20_000 }, (_, i) => [i % 2 === 0 ? String(i) : "一、部分"])];
    expect(readPlanTable(rows).plan.sections.length).toBeGreaterThan(0);
  });
});
