// Fixtures built on first use, inside a test, rather than when a test file loads.
//
// StrykerJS (npm run mutate, perTest coverage) charges the code a test runs to that test; code run
// while a file loads is "static" and makes it rerun every test in the folder for each mutant there.
// In a mutation run (FAZHI_MUTATE set, see stryker.config.mjs) each call builds the fixture afresh,
// so every test that uses it is charged with the code it runs; otherwise (npm test) the first build
// is kept, so the suite pays for it once per file.

/** `build`, called on first use and remembered (built afresh on every call in a mutation run). */
export const lazy = <T>(build: () => T): (() => T) => {
  if (process.env.FAZHI_MUTATE !== undefined) return build;
  let made: { value: T } | undefined;
  return () => (made ??= { value: build() }).value;
};
