// How many runs a property gets. The defaults keep `npm test` quick on a 2-core machine; a longer
// hunt sets FAZHI_PROP_RUNS (CI does: see .ci/run), which raises every property to at least that
// many runs — those that give their own default through propRuns(n), and all others through
// fast-check's global setting (test/support/setup.ts).
//
//   FAZHI_PROP_RUNS=1000 npm test

/** The FAZHI_PROP_RUNS value, or undefined when it is unset or not a positive integer. */
export const requestedRuns = (env: NodeJS.ProcessEnv = process.env): number | undefined => {
  const n = Number(env.FAZHI_PROP_RUNS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The number of runs for a property whose quick default is `quick`: at least FAZHI_PROP_RUNS when set. */
export const propRuns = (quick: number, env: NodeJS.ProcessEnv = process.env): number => Math.max(quick, requestedRuns(env) ?? 0);

/** fast-check parameters with {@link propRuns}: `test.prop([arb], runs(50))(…)`. */
export const runs = (quick: number): { numRuns: number } => ({ numRuns: propRuns(quick) });
