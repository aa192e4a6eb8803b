// The date-sensitive test files again, under time zones far apart or that skipped whole days
// (Kiritimati has no 1994-12-31, Apia no 2011-12-30): dates must not depend on the host's zone.
//
// Node applies a change of process.env.TZ at once, so the files run here, in the same worker as
// the rest of npm test, once per zone — each file imported afresh under the zone (its fixtures
// built in it) and its tests run with the zone set. tz.test.ts fails if a zone did not take effect.
// Separate vitest projects per zone did the same in a fresh process each, at four times the cost.
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe } from "vitest";

/** The zones, and the files that run under each. */
const TZ_ZONES = ["America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati", "Pacific/Apia"] as const;
const FILES = [
  "./dates.test.ts",
  "./dates.prop.test.ts",
  "./tz.test.ts",
  "../export/ical.test.ts",
  ...readdirSync(new URL("../schedule/", import.meta.url))
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => `../schedule/${f}`),
];

const setZone = (zone: string | undefined): void => {
  for (const [key, value] of [["TZ", zone], ["FAZHI_EXPECT_TZ", zone]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
};

for (const zone of TZ_ZONES) {
  describe(`TZ=${zone}`, async () => {
    const host = process.env.TZ;
    beforeAll(() => setZone(zone));
    afterAll(() => setZone(host));
    setZone(zone);
    try {
      // The query makes a new instance of the file, whose tests register in this describe.
      for (const path of FILES) await import(/* @vite-ignore */ `${path}?zone=${zone}`);
    } finally {
      setZone(host);
    }
  });
}
