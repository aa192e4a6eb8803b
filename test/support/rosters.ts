import { Roster } from "../../src/model/unit.js";
import { seedJson } from "./seed.js";

/** The seed roster (units the Wuzhi 2024 document names; no townships). */
export const seedRoster = (): Roster => Roster.parse(seedJson("wuzhi-2024.roster.json"));

/**
 * The seed roster plus clearly fictional townships and a subdistrict (测试用虚构乡镇), to cover
 * group expansion. These names are made up for tests and are not Wuzhi's.
 */
export const fictionalRoster = (): Roster => {
  const r = structuredClone(seedRoster());
  r.units.push(
    { id: "test-town-a", name: "虚构甲乡人民政府", kind: "township", note: "测试用虚构单位 / fictional, for tests" },
    { id: "test-town-b", name: "虚构乙镇人民政府", kind: "township", note: "测试用虚构单位 / fictional, for tests" },
    { id: "test-sub-c", name: "虚构丙街道办事处", kind: "subdistrict", note: "测试用虚构单位 / fictional, for tests" },
  ) ;
  return Roster.parse(r);
};
