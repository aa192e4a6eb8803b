// Package checks: publint, are-the-types-wrong, and a consumer test that installs the packed
// tarball into a temporary project and uses it from ESM, CJS and TypeScript (node16 and bundler).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (cmd, args, cwd = root) => {
  console.log(`$ ${[cmd, ...args].join(" ")}`);
  execFileSync(cmd, args, { cwd, stdio: "inherit" });
};

run(bin("publint"), ["--strict"]);

// The core bundle must not carry the Word reader's zip and XML libraries (they belong to fazhi/docx).
for (const file of ["dist/index.js", "dist/index.cjs"]) {
  const code = readFileSync(join(root, file), "utf8");
  const imports = [...code.matchAll(/(?:from\s*|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
  const local = imports.filter((i) => i.startsWith("./"));
  const all = [code, ...local.map((i) => readFileSync(join(root, "dist", i), "utf8"))].join("\n");
  for (const lib of ["fflate", "saxes", "xmlchars"]) {
    if (all.includes(`"${lib}"`) || all.includes(`'${lib}'`)) throw new Error(`${file} pulls in ${lib}: the core bundle must not carry the zip or XML library`);
  }
}
console.log("core bundle: no zip or XML library");
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
import { parseDocx } from "fazhi/docx";
import { readFileSync } from "node:fs";
const docx = parseDocx(new Uint8Array(readFileSync("wuzhi-excerpt.docx")));
if (docx.plan.sections.flatMap((s) => s.tasks).length !== 14) throw new Error("esm: parseDocx");
if (parseDocx(new Uint8Array([1, 2, 3])).diagnostics[0].code !== "not_a_zip") throw new Error("esm: parseDocx bad bytes");
console.log("esm ok", pkg.name);
`;
  const cjs = `
const { IsoDate, addDays, FazhiError } = require("fazhi");
const schema = require("fazhi/schemas/roster.schema.json");
if (addDays(IsoDate.parse("2024-12-31"), 1) !== "2025-01-01") throw new Error("cjs: addDays");
if (typeof FazhiError !== "function" || schema.$ref !== "#/$defs/Roster") throw new Error("cjs: exports");
const { parseDocx } = require("fazhi/docx");
const docx = parseDocx(require("node:fs").readFileSync("wuzhi-excerpt.docx"));
if (docx.plan.sections.length !== 5) throw new Error("cjs: parseDocx");
console.log("cjs ok");
`;
  const ts = `
import { type Plan, type Result, readPlan, IsoDate, addDays } from "fazhi";
const r: Result<Plan> = readPlan({});
const d: IsoDate = addDays(IsoDate.parse("2024-01-01"), 1);
// @ts-expect-error a plain string is not an IsoDate
const bad: IsoDate = "2024-01-01";
import { type ParseDocxResult, parseDocx } from "fazhi/docx";
const docx: ParseDocxResult = parseDocx(new Uint8Array(0));
console.log("ts ok", r.ok, d, bad.length > 0, docx.diagnostics.length);
`;
  copyFileSync(join(root, "test/docx/fixtures/wuzhi-excerpt.docx"), join(work, "wuzhi-excerpt.docx"));
  writeFileSync(join(work, "esm.mjs"), esm);
  writeFileSync(join(work, "cjs.cjs"), cjs);
  writeFileSync(join(work, "use.ts"), ts);
  writeFileSync(join(work, "use-cjs.cts"), `import fazhi = require("fazhi");\nimport docx = require("fazhi/docx");\nconst d: fazhi.IsoDate = fazhi.IsoDate.parse("2024-01-01");\nconsole.log("cts ok", d, typeof docx.parseDocx);\n`);
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
