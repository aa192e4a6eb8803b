import { IsoDate } from "../../src/model/dates.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { seedRoster } from "./rosters.js";
import { seedText } from "./seed.js";

/** The seed plan, its matrix and its 2024 occurrences, shared by the ledger tests. */
export const seedContext = (asOf = "2024-07-15") => {
  const { plan } = parsePlanText(seedText(), { id: "wuzhi-2024" });
  const matrix = buildMatrix(plan, seedRoster());
  const occurrences = expandSchedule(plan, { matrix });
  return { plan, matrix, occurrences, asOf: IsoDate.parse(asOf) };
};
