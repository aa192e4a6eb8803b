// Regenerates the derived seed files from seeds/wuzhi-2024.txt: `npm run seeds`.
// The tests compare the parser's output with these files, so a change shows up in review.
import { readFileSync, writeFileSync } from "node:fs";
import { parsePlanText } from "../src/index.js";

const seeds = new URL("../seeds/", import.meta.url);
const text = readFileSync(new URL("wuzhi-2024.txt", seeds), "utf8");
const { plan } = parsePlanText(text, { id: "wuzhi-2024" });
writeFileSync(new URL("wuzhi-2024.plan.json", seeds), `${JSON.stringify(plan, null, 2)}\n`);
console.log("seeds/wuzhi-2024.plan.json written");
