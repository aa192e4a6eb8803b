// npm run bench: every benchmark, one after another. Not part of npm test.
import { benchCompare } from "./compare.bench.js";
import { benchDates } from "./dates.bench.js";
import { benchLedger } from "./ledger.bench.js";
import { benchMatrix, benchRoster, benchSuggestions } from "./matrix.bench.js";
import { benchAdversarial, benchParse } from "./parse.bench.js";
import { benchExpand, benchSchedule } from "./schedule.bench.js";
import { benchScoring } from "./scoring.bench.js";
import { benchTable } from "./table.bench.js";

console.log(`fazhi benchmarks · node ${process.version} · ${process.platform}/${process.arch}`);
benchParse();
benchAdversarial();
benchMatrix();
benchRoster();
benchSuggestions();
benchSchedule();
benchExpand();
benchDates();
benchLedger();
benchScoring();
benchTable();
benchCompare();
