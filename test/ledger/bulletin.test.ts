import { describe, expect, it } from "vitest";
import { buildBulletin, bulletinToText } from "../../src/ledger/bulletin.js";
import { emptyLedger } from "../../src/ledger/ledger.js";
import { IsoDate } from "../../src/model/dates.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { inferRoster } from "../../src/units/infer.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { seedContext } from "../support/context.js";

const ctx = seedContext();
const textAsOf = (asOf: string, horizonDays?: number) =>
  bulletinToText(buildBulletin(ctx.plan, ctx.matrix, ctx.occurrences, emptyLedger(ctx.plan.id), IsoDate.parse(asOf), horizonDays !== undefined ? { horizonDays } : {}));

describe("bulletinToText wording", () => {
  it("with nothing overdue and nothing due soon: no 另有0项 and no call on overdue units", () => {
    const text = textAsOf("2024-01-02");
    expect(text).toContain("逾期未完成0项。");
    expect(text).not.toContain("另有0项");
    expect(text).not.toContain("请逾期单位抓紧落实");
  });

  it("says how many are due soon when some are", () => {
    expect(textAsOf("2024-06-20")).toMatch(/；另有\d+项将在14日内到期。/);
  });

  it("calls on the overdue units when some are overdue", () => {
    const text = textAsOf("2024-07-15");
    expect(text).toMatch(/逾期未完成[1-9]\d*项/);
    expect(text.trimEnd().endsWith("请逾期单位抓紧落实，并于完成后在工作台账中报送佐证材料。")).toBe(true);
  });
});

describe("buildBulletin with the roster: dated items charged to a group with no members", () => {
  const text = "某县2025年法治政府建设工作安排\n一、依法行政\n（一）开展执法监督。6月底前完成全员轮训。（各乡镇人民政府负责）\n（二）加强普法。9月份开展中期评估。（县司法局负责）\n（三）加强监督。9月底前完成检查。（有关部门负责）\n";
  const { plan } = parsePlanText(text, { id: "grp" });
  const { roster } = inferRoster(plan);
  const matrix = buildMatrix(plan, roster);
  const occurrences = expandSchedule(plan, { matrix });
  const asOf = IsoDate.parse("2025-12-01");

  it("lists them with the group's name, and the text says so; the unit's own item is not among them", () => {
    const b = buildBulletin(plan, matrix, occurrences, emptyLedger(plan.id), asOf, { roster });
    expect(b.emptyGroups?.map((g) => [g.taskNo, g.groups])).toEqual([
      [1, ["各乡镇人民政府"]],
      [3, ["有关部门"]],
    ]);
    expect(bulletinToText(b)).toContain("另有2个时间节点的责任单位组（各乡镇人民政府、有关部门）尚无成员，未计入任何单位，请在名录中补充。");
  });

  it("without the roster, lists nothing and says nothing (as before)", () => {
    const b = buildBulletin(plan, matrix, occurrences, emptyLedger(plan.id), asOf);
    expect(b.emptyGroups).toBeUndefined();
    expect(bulletinToText(b)).not.toContain("尚无成员");
  });

  it("a group given members in the roster is no longer listed", () => {
    const filled = { ...roster, groups: roster.groups.map((g) => ({ ...g, select: { members: [roster.units[0]!.id] } })) };
    const m = buildMatrix(plan, filled);
    const b = buildBulletin(plan, m, expandSchedule(plan, { matrix: m }), emptyLedger(plan.id), asOf, { roster: filled });
    expect(b.emptyGroups).toEqual([]);
  });
});
