// Package checks: publint, are-the-types-wrong, and a consumer test that installs the packed
// tarball into a temporary project and uses it from ESM, CJS and TypeScript (node16 and bundler).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (cmd, args, cwd = root) => {
  console.log(`$ ${[cmd, ...args].join(" ")}`);
  execFileSync(cmd, args, { cwd, stdio: "inherit" });
};

run(bin("publint"), ["--strict"]);
run(bin("attw"), ["--pack", ".", "--profile", "node16"]);

const work = mkdtempSync(join(tmpdir(), "fazhi-consumer-"));
try {
  run("npm", ["pack", "--silent", "--pack-destination", work]);
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack produced no tarball");
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--silent", join(work, tarball)], work);

  const esm = `
import { IsoDate, addDays, readRoster, toJsonSchema } from "fazhi";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const schema = require("fazhi/schemas/plan.schema.json");
const pkg = require("fazhi/package.json");
if (addDays(IsoDate.parse("2024-02-28"), 2) !== "2024-03-01") throw new Error("esm: addDays");
if (readRoster({}).ok !== false) throw new Error("esm: readRoster");
if (schema.$ref !== "#/$defs/Plan" || toJsonSchema("Plan").$ref !== schema.$ref) throw new Error("esm: schema");
console.log("esm ok", pkg.name);
`;
  const cjs = `
const { IsoDate, addDays, FazhiError } = require("fazhi");
const schema = require("fazhi/schemas/roster.schema.json");
if (addDays(IsoDate.parse("2024-12-31"), 1) !== "2025-01-01") throw new Error("cjs: addDays");
if (typeof FazhiError !== "function" || schema.$ref !== "#/$defs/Roster") throw new Error("cjs: exports");
console.log("cjs ok");
`;
  const ts = `
import { type Plan, type Result, readPlan, IsoDate, addDays } from "fazhi";
const r: Result<Plan> = readPlan({});
const d: IsoDate = addDays(IsoDate.parse("2024-01-01"), 1);
// @ts-expect-error a plain string is not an IsoDate
const bad: IsoDate = "2024-01-01";
console.log("ts ok", r.ok, d, bad.length > 0);
`;
  writeFileSync(join(work, "esm.mjs"), esm);
  writeFileSync(join(work, "cjs.cjs"), cjs);
  writeFileSync(join(work, "use.ts"), ts);
  writeFileSync(join(work, "use-cjs.cts"), `import fazhi = require("fazhi");\nconst d: fazhi.IsoDate = fazhi.IsoDate.parse("2024-01-01");\nconsole.log("cts ok", d);\n`);
  run("node", ["esm.mjs"], work);
  // The fazhi command from the installed package (through the npm bin symlink).
  const schema = execFileSync(join(work, "node_modules", ".bin", "fazhi"), ["schema", "Plan"], { cwd: work, encoding: "utf8" });
  if (JSON.parse(schema).$ref !== "#/$defs/Plan") throw new Error("bin: fazhi schema Plan");
  execFileSync(join(work, "node_modules", ".bin", "fazhi"), ["report", "--out", join(work, "out")], { cwd: work, stdio: "inherit" });
  console.log("bin ok");
  run("node", ["cjs.cjs"], work);
  const tsc = bin("tsc");
  for (const [module, moduleResolution, files] of [
    ["node16", "node16", ["use.ts", "use-cjs.cts"]],
    ["esnext", "bundler", ["use.ts"]],
  ]) {
    const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, module, moduleResolution, target: "es2022", lib: ["es2022", "dom"], types: [] };
    const config = `tsconfig.${moduleResolution}.json`;
    writeFileSync(join(work, config), JSON.stringify({ compilerOptions, files }));
    run(tsc, ["-p", config], work);
  }
  console.log("check:package ok");
} finally {
  rmSync(work, { recursive: true, force: true });
}
