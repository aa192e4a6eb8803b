// A CliEnv for tests: captured output, a fixed clock, and node:fs unless a test replaces part of it.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliEnv, OutputFs } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { IsoDate } from "../../src/model/dates.js";

export const SEED = "seeds/wuzhi-2024.txt";
export const ROSTER = "seeds/wuzhi-2024.roster.json";
export const SCHEME = "seeds/wuzhi-2024.scheme.json";
export const LEDGER = "seeds/wuzhi-2024.ledger.sample.json";

export const tmp = (): string => mkdtempSync(join(tmpdir(), "fazhi-cli-"));

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the command line in this process with a fixed clock (today 2026-11-26 unless given); standard input is the bytes given (a string as UTF-8). */
export const fazhi = (argv: readonly string[], options: { today?: string; fs?: Partial<OutputFs>; stdin?: string | Uint8Array } = {}): Outcome => {
  let stdout = "";
  let stderr = "";
  const env: CliEnv = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: () => (typeof options.stdin === "string" ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())),
    today: () => IsoDate.parse(options.today ?? "2026-11-26"),
    stamp: () => "20261126T080000Z",
    fs: { ...fs, ...options.fs },
  };
  const code = run(argv, env);
  return { code, stdout, stderr };
};

/** Run a process to its end, standard input the bytes given; its exit code and its output as UTF-8. */
export const runProcess = (command: string, args: readonly string[], input?: Uint8Array): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
