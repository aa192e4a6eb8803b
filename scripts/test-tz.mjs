// Runs the date-sensitive tests again under other time zones: results must not depend on TZ.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ZONES = ["America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati", "Pacific/Apia"];
// Test files whose results involve calendar dates.
const FILES = ["test/model/dates", "test/model/tz", "test/schedule"];
const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));

for (const zone of ZONES) {
  console.log(`\n== TZ=${zone} ==`);
  const r = spawnSync(process.execPath, [vitest, "run", ...FILES], { stdio: "inherit", env: { ...process.env, TZ: zone, FAZHI_EXPECT_TZ: zone } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
