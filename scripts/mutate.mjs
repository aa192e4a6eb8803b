// npm run mutate: StrykerJS, one folder at a time (see stryker.config.mjs). Local only: slow, and
// never part of npm test or CI.
//
//   npm run mutate                         every folder, one after another
//   FAZHI_MUTATE=scoring npm run mutate    one folder
//   FAZHI_MUTATE=scoring npm run mutate -- --mutate src/scoring/points.ts
//                                          part of a folder (other arguments go to stryker run)
//
// Each folder keeps its own incremental file and report under reports/mutation/ (git-ignored).
import { spawnSync } from "node:child_process";
import { SCOPES } from "../stryker.config.mjs";

const names = process.env.FAZHI_MUTATE ? [process.env.FAZHI_MUTATE] : Object.keys(SCOPES);
const failed = [];
for (const name of names) {
  const started = Date.now();
  console.log(`== mutate ${name}`);
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, FAZHI_MUTATE: name },
  });
  console.log(`== mutate ${name}: exit ${run.status ?? run.signal}, ${Math.round((Date.now() - started) / 1000)} s`);
  if (run.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`mutate: below goal or failed: ${failed.join(", ")}`);
  process.exit(1);
}
