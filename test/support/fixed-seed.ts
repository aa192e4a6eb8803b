// A fixed fast-check seed, for the mutation run only (stryker.vitest.config.ts): every property
// sees the same inputs on every run, so a mutant's result does not depend on chance.
import fc from "fast-check";

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20240101 });
