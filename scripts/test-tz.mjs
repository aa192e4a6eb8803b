// Runs only the date-sensitive tests under the other time zones (the TZ=… projects of
// vitest.config.ts). `npm test` already runs them; this is for a quick check after a date change.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const r = spawnSync(process.execPath, [vitest, "run", "--project", "TZ=*", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status ?? 1);
