// Package checks: publint, are-the-types-wrong, the links of the shipped guides, and a consumer test
// that installs the packed tarball into a temporary project and uses it from ESM, CJS and TypeScript
// (node16 and bundler), with its seeds, schemas and command.
// `--before-publish` (npm's prepublishOnly) first refuses placeholder package metadata.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

// repository and bugs name no real address until the project has one (see CHANGELOG.md).
const placeholders = ["repository", "bugs"].filter((k) => JSON.stringify(pkg[k] ?? "").includes(".invalid"));
if (placeholders.length > 0) {
  const msg = `package.json: ${placeholders.join(" and ")} still name a placeholder (example.invalid); set the real repository before publishing.`;
  if (process.argv.includes("--before-publish")) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`warning: ${msg}`);
}
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

// Every relative link in the shipped Markdown (README, CHANGELOG, docs/*.md) names a shipped file,
// so the guides also work from node_modules/fazhi.
const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent", "--ignore-scripts"], { cwd: root, encoding: "utf8" }))[0].files.map((f) => f.path);
const shipped = new Set(packed);
const broken = [];
for (const md of packed.filter((f) => f.endsWith(".md"))) {
  const text = readFileSync(join(root, md), "utf8");
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:|^#/.test(target)) continue;
    const file = normalize(join(dirname(md), target.split("#")[0]));
    if (!shipped.has(file)) broken.push(`${md}: ${target}`);
  }
}
if (broken.length > 0) throw new Error(`links to files the package does not ship:\n  ${broken.join("\n  ")}`);
console.log(`links ok: ${packed.filter((f) => f.endsWith(".md")).length} Markdown files`);

const work = mkdtempSync(join(tmpdir(), "fazhi-consumer-"));
try {
  // Built already (npm run build runs first): --ignore-scripts skips prepack's second build.
  run("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", work]);
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack produced no tarball");
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--silent", join(work, tarball)], work);

  const esm = `
import { IsoDate, addDays, readRoster, toJsonSchema } from "fazhi";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const schema = require("fazhi/schemas/plan.schema.json");
const pkg = require("fazhi/package.json");
if (addDays(IsoDate.parse("2024-02-28"), 2) !== "2024-03-01") throw new Error("esm: addDays");
if (readRoster({}).ok !== false) throw new Error("esm: readRoster");
if (schema.$ref !== "#/$defs/Plan" || toJsonSchema("Plan").$ref !== schema.$ref) throw new Error("esm: schema");
if (!schema.$id.endsWith("/schemas/plan.schema.json")) throw new Error("esm: schema $id");
// The bundled seeds resolve through the exports map.
const seed = readFileSync(fileURLToPath(import.meta.resolve("fazhi/seeds/wuzhi-2024.txt")), "utf8");
if (!seed.includes("武陟县2024年度法治政府建设工作安排")) throw new Error("esm: seeds");
const roster = readRoster(require("fazhi/seeds/wuzhi-2024.roster.json"));
if (!roster.ok) throw new Error("esm: seed roster");
import { parseDocx } from "fazhi/docx";
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
  const version = execFileSync(join(work, "node_modules", ".bin", "fazhi"), ["--version"], { cwd: work, encoding: "utf8" });
  if (version !== `fazhi ${pkg.version}\n`) throw new Error(`bin: fazhi --version gave ${version}`);
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
