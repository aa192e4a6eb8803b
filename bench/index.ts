// npm run bench: every benchmark, one after another. Not part of npm test.
import { benchMatrix } from "./matrix.bench.js";
import { benchAdversarial, benchParse } from "./parse.bench.js";
import { benchSchedule } from "./schedule.bench.js";
import { benchScoring } from "./scoring.bench.js";
import { benchTable } from "./table.bench.js";

console.log(`fazhi benchmarks · node ${process.version} · ${process.platform}/${process.arch}`);
benchParse();
benchAdversarial();
benchMatrix();
benchSchedule();
benchScoring();
benchTable();
