// The fazhi command built as users get it (tsup, with the CLI entry of tsup.config.ts) and run as a
// process: shared by the tests of the built command and the end-to-end tests.
import { join } from "node:path";
import { build } from "tsup";
import config from "../../tsup.config.js";
import { runProcess } from "../cli/env.js";

/** Build the command into `dir` (inside the package, so that it finds its dependencies); returns the path of cli.js. */
export const buildCli = async (dir: string): Promise<string> => {
  const entries = Array.isArray(config) ? config : [config];
  const cliEntry = entries.find((c) => typeof c === "object" && c.entry !== undefined && "cli" in c.entry);
  if (cliEntry === undefined || typeof cliEntry !== "object") throw new Error("tsup.config.ts has no cli entry");
  await build({ ...cliEntry, outDir: dir, sourcemap: false, silent: true, config: false });
  return join(dir, "cli.js");
};

/** Run the built command with these arguments (and these bytes on standard input): exit code and output. */
export const runCli = (cli: string, args: readonly string[], input?: Uint8Array) => runProcess(process.execPath, [cli, ...args], input);
