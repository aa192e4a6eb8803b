import { describe, expect, it } from "vitest";
import { buildBulletin, bulletinToText } from "../../src/ledger/bulletin.js";
import { emptyLedger } from "../../src/ledger/ledger.js";
import { IsoDate } from "../../src/model/dates.js";
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
