import { describe, expect, it } from "vitest";
import { addDays, addMonths, dayOfWeek, differenceInDays, IsoDate } from "../../src/model/dates.js";

// test/model/zones.test.ts runs this file under several zones and sets FAZHI_EXPECT_TZ, so that a
// run that silently ignored TZ would fail here instead of passing for the wrong reason.
describe("time zone", () => {
  it("runs under the zone it was asked for", () => {
    const expected = process.env.FAZHI_EXPECT_TZ;
    if (expected !== undefined) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
  });

  it("gives the same answers in every zone", () => {
    const d = (s: string) => IsoDate.parse(s);
    // Fixed answers, whatever the zone: a zone leak shows as an off-by-one day.
    expect(addDays(d("2024-03-10"), 1)).toBe("2024-03-11");
    expect(addDays(d("2024-12-31"), 1)).toBe("2025-01-01");
    expect(addMonths(d("2024-10-31"), 1)).toBe("2024-11-30");
    expect(dayOfWeek(d("2024-10-01"))).toBe(2);
    expect(differenceInDays(d("2024-11-04"), d("2024-11-02"))).toBe(2);
    // Days that some zones skipped: Pacific/Kiritimati has no 1994-12-31, Pacific/Apia no 2011-12-30.
    expect(addDays(d("1994-12-30"), 1)).toBe("1994-12-31");
    expect(addDays(d("1994-12-31"), 1)).toBe("1995-01-01");
    expect(addDays(d("2011-12-29"), 1)).toBe("2011-12-30");
    expect(differenceInDays(d("2011-12-31"), d("2011-12-29"))).toBe(2);
    expect(dayOfWeek(d("2011-12-30"))).toBe(5);
  });
});
