// The fazhi command built as users get it (tsup, with the CLI entry of tsup.config.ts) and run as a
// process: shared by the tests of the built command, the process tests and the end-to-end tests.
//
// One build per content of the sources: it goes to .tmp/built-cli-<hash>/ (inside the package, so the
// built file finds node_modules, and the package's seeds two levels up), built under a temporary name and renamed
// into place, so test files in other workers, and later runs on unchanged sources, reuse it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "tsup";
import config from "../../tsup.config.js";
import { runProcess } from "../cli/env.js";

const ROOT = resolve(".tmp");

/** A hash of everything the build reads: the sources, the build configuration and the package manifest. */
const sourceHash = (): string => {
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        hash.update(path);
        hash.update(readFileSync(path));
      }
    }
  };
  walk("src");
  for (const file of ["tsup.config.ts", "package.json"]) hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
};

let built: Promise<string> | undefined;

/** The path of the built cli.js, building it first unless a build of the same sources exists. */
export const builtCli = (): Promise<string> => {
  built ??= (async () => {
    const dir = join(ROOT, `built-cli-${sourceHash()}`);
    const cli = join(dir, "cli.js");
    if (existsSync(cli)) return cli;
    const entries = Array.isArray(config) ? config : [config];
    const cliEntry = entries.find((c) => typeof c === "object" && c.entry !== undefined && "cli" in c.entry);
    if (cliEntry === undefined || typeof cliEntry !== "object") throw new Error("tsup.config.ts has no cli entry");
    const staging = `${dir}.${process.pid}.${Date.now()}`;
    mkdirSync(ROOT, { recursive: true });
    await build({ ...cliEntry, outDir: staging, sourcemap: false, silent: true, config: false });
    try {
      renameSync(staging, dir);
    } catch {
      // Another worker renamed its identical build into place first.
      rmSync(staging, { recursive: true, force: true });
    }
    // Builds of earlier sources are not used again.
    for (const old of readdirSync(ROOT)) {
      if (/^built-cli-[0-9a-f]{16}$/.test(old) && join(ROOT, old) !== dir) rmSync(join(ROOT, old), { recursive: true, force: true });
    }
    return cli;
  })();
  return built;
};

/** Run the built command with these arguments (and these bytes on standard input): exit code and output. */
export const runCli = (cli: string, args: readonly string[], input?: Uint8Array) => runProcess(process.execPath, [cli, ...args], input);
