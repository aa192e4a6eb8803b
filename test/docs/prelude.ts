// What the guides' code blocks may take as given: the bundled Wuzhi 2024 example, read the way the
// guides read it. Each block runs with these names in scope (and every public export of "fazhi").
// The exports have written-out types: the blocks are type-checked without Node's types.
import { readFileSync } from "node:fs";
import {
  IsoDate,
  type Ledger,
  type Occurrence,
  type Plan,
  type ResponsibilityMatrix,
  type Roster,
  type ScoringScheme,
  buildMatrix,
  expandSchedule,
  parsePlanText,
  readLedger,
  readRoster,
  readScheme,
} from "../../src/index.js";

const seed = (name: string) => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), "utf8");
const ok = <T>(r: { ok: boolean; value?: T }, what: string): T => {
  if (!r.ok || r.value === undefined) throw new Error(`docs prelude: ${what}`);
  return r.value;
};

/** The text of the bundled plan document. */
export const text: string = seed("wuzhi-2024.txt");
/** The bundled roster, scheme and ledger as JSON text (as another system would send them). */
export const rosterJson: string = seed("wuzhi-2024.roster.json");
export const schemeJson: string = seed("wuzhi-2024.scheme.json");
export const ledgerJson: string = seed("wuzhi-2024.ledger.sample.json");
export const plan: Plan = parsePlanText(text, { id: "wuzhi-2024" }).plan;
export const roster: Roster = ok(readRoster(JSON.parse(rosterJson)), "roster");
export const matrix: ResponsibilityMatrix = buildMatrix(plan, roster);
export const occurrences: readonly Occurrence[] = expandSchedule(plan, { matrix });
export const scheme: ScoringScheme = ok(readScheme(JSON.parse(schemeJson), plan), "scheme");
export const asOf: IsoDate = IsoDate.parse("2025-01-15");
const corpus = (id: string) => readFileSync(new URL(`../corpus/plans/${id}.txt`, import.meta.url), "utf8").split("\n----\n").slice(1).join("\n----\n");
/** Two real consecutive-year documents of one city (湖州 2023, 2024), and a city 要点 with a county plan made under it (湖州, 德清 2022), from test/corpus. */
export const lastYearText: string = corpus("huzhou-2023-zfgzbg-fenjie");
export const thisYearText: string = corpus("huzhou-2024-zfgzbg-fenjie");
export const upperText: string = corpus("huzhou-2022-zwgk-yaodian");
export const lowerText: string = corpus("deqing-2022-zwgk-yaodian");
/** A Word file (the LibreOffice-written excerpt of the Wuzhi plan) and a task table's rows, for the readers' examples. */
export const docxBytes: Uint8Array = new Uint8Array(readFileSync(new URL("../docx/fixtures/wuzhi-excerpt.docx", import.meta.url)));
export const rows: string[][] = [
  ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
  ["1", "深入学习贯彻习近平法治思想", "县司法局", "县直各单位", "6月底前"],
];
export const ledger: Ledger = ok(readLedger(JSON.parse(ledgerJson), { plan, matrix, asOf, occurrences }), "ledger");
