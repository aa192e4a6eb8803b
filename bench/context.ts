import { readFileSync } from "node:fs";
import { IsoDate, Roster, buildMatrix, expandSchedule, parsePlanText } from "../src/index.js";

/** The seed plan, roster, matrix and occurrences, for benchmarks. */
export const seedContextForBench = (asOf: string) => {
  const seed = readFileSync(new URL("../seeds/wuzhi-2024.txt", import.meta.url), "utf8");
  const roster = Roster.parse(JSON.parse(readFileSync(new URL("../seeds/wuzhi-2024.roster.json", import.meta.url), "utf8")));
  const { plan } = parsePlanText(seed, { id: "wuzhi-2024" });
  const matrix = buildMatrix(plan, roster);
  return { plan, roster, matrix, occurrences: expandSchedule(plan, { matrix }), asOf: IsoDate.parse(asOf) };
};
