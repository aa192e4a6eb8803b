// FAZHI_PROP_RUNS=N raises fast-check's default number of runs for every property (for a longer
// hunt before a release); the default keeps npm test quick.
import fc from "fast-check";

const runs = Number(process.env.FAZHI_PROP_RUNS);
if (Number.isInteger(runs) && runs > 0) fc.configureGlobal({ numRuns: runs });
