// The corpus floors: the reader's figures on every real document stay at or above the floors in
// floors.json (raised with `npm run corpus -- --raise`; floors only go up). A floor applies to the
// golden it was measured on: when a golden is corrected, its document is skipped until floors are raised.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { FOLDERS, type Floors, belowFloor, floorKey, floorOf, floorsFile, heldOutIds, heldOutOf, loadFolder, measureDocument, raiseFloors } from "./measure.js";

const floors: Floors = existsSync(floorsFile) ? (JSON.parse(readFileSync(floorsFile, "utf8")) as Floors) : {};

describe("the corpus stays at or above its floors", () => {
  for (const folder of FOLDERS) {
    const docs = loadFolder(folder);
    it(`${folder}/ (${docs.length} documents)`, () => {
      const below: string[] = [];
      const sum = { floor: 0, now: 0 };
      for (const doc of docs) {
        const floor = floors[floorKey(doc)];
        if (floor === undefined || floor.golden !== doc.goldenHash) continue;
        const now = floorOf(doc, measureDocument(doc, (text) => parsePlanText(text)));
        for (const line of belowFloor(floor, now)) below.push(`${floorKey(doc)}: ${line}`);
        sum.floor += floor.clean + floor.tp;
        sum.now += now.clean + now.tp;
      }
      expect(below).toEqual([]);
      expect(sum.now).toBeGreaterThanOrEqual(sum.floor);
    });
  }
});

describe("raising floors", () => {
  const f = (golden: string, n: number) => ({ golden, clean: n, titles: n, leadExact: n, tp: n, f1: n / 10 });
  it("never lowers a floor measured on the same golden", () => {
    expect(raiseFloors({ a: f("x", 5) }, { a: f("x", 3) }).a).toEqual(f("x", 5));
    expect(raiseFloors({ a: f("x", 5) }, { a: f("x", 7) }).a).toEqual(f("x", 7));
  });
  it("starts again for a corrected golden, and keeps floors of documents not measured", () => {
    expect(raiseFloors({ a: f("x", 5), b: f("y", 2) }, { a: f("z", 3) })).toEqual({ a: f("z", 3), b: f("y", 2) });
  });
});

describe("the held-out section of an INDEX.md", () => {
  const index = [
    "# plans/ 索引",
    "| id | 地区 |",
    "|---|---|",
    "| seen-2020-anpai | 甲县 |",
    "## 留出集 held out (added after the rules were written)",
    "| id | 地区 |",
    "|---|---|",
    "| new-2023-yaodian | 乙县 |",
    "| new-2024-fenjie | 丙市 |",
    "### notes inside the section",
    "| new-2025-anpai | 丁县 |",
    "## later section",
    "| after-2022-anpai | 戊县 |",
  ].join("\n");
  it("lists the ids of its table rows, down to the next heading of its level", () => {
    expect([...heldOutIds(index)]).toEqual(["new-2023-yaodian", "new-2024-fenjie", "new-2025-anpai"]);
  });
  it("takes the last held-out section: an earlier set counts as tuned-on", () => {
    const two = `${index}\n## 第二留出集 held out 2\n| id | 地区 |\n|---|---|\n| newer-2026-anpai | 己县 |`;
    expect([...heldOutIds(two)]).toEqual(["newer-2026-anpai"]);
  });
  it("reads ids written in backticks, as criteria/INDEX.md writes them", () => {
    expect([...heldOutIds("## held out\n| id | x |\n|---|---|\n| `new-2026-kaohe` | y |")]).toEqual(["new-2026-kaohe"]);
  });
  it("is empty when there is no such section", () => {
    expect(heldOutIds("# index\n| id | x |\n| a-2020 | y |").size).toBe(0);
  });
  it("names only documents that exist, each with a golden", () => {
    for (const folder of FOLDERS) {
      const ids = new Set(loadFolder(folder).map((d) => d.id));
      expect([...heldOutOf(folder)].filter((id) => !ids.has(id))).toEqual([]);
    }
  });
  it("names only criteria tables that exist, each with a golden", () => {
    const dir = new URL("criteria/", import.meta.url);
    const missing = [...heldOutOf("criteria")].filter((id) => !existsSync(new URL(`${id}.txt`, dir)) || !existsSync(new URL(`${id}.golden.json`, dir)));
    expect(heldOutOf("criteria").size).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
