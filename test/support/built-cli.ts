// The fazhi command built as users get it (tsup, with the CLI entry of tsup.config.ts) and run as a
// process: shared by the tests of the built command and the end-to-end tests.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { build } from "tsup";
import config from "../../tsup.config.js";

/** Build the command into `dir` (inside the package, so that it finds its dependencies); returns the path of cli.js. */
export const buildCli = async (dir: string): Promise<string> => {
  const entries = Array.isArray(config) ? config : [config];
  const cliEntry = entries.find((c) => typeof c === "object" && c.entry !== undefined && "cli" in c.entry);
  if (cliEntry === undefined || typeof cliEntry !== "object") throw new Error("tsup.config.ts has no cli entry");
  await build({ ...cliEntry, outDir: dir, sourcemap: false, silent: true, config: false });
  return join(dir, "cli.js");
};

/** Run the built command with these arguments (and these bytes on standard input): exit code and output. */
export const runCli = (cli: string, args: readonly string[], input?: Uint8Array): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((done, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
