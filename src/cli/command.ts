// What a command is: its name, words for help, its arguments as data, and what it does.
import { type Args, HELP_OPTION, type OptionSpec, type PositionalSpec, optionSyntax } from "./args.js";
import type { CliEnv } from "./io.js";
import { type Text, usageError } from "./messages.js";

/** One fazhi command (a module under src/cli/commands). */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: Text;
  /** What it does, for its help (Chinese paragraph, then English). */
  readonly description: Text;
  readonly positionals: readonly PositionalSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples?: readonly string[];
  /**
   * Run. `problems` holds what is wrong with the command line so far; the command adds what is
   * wrong with the options' values and calls {@link stopOnProblems} before it does anything, so
   * that every problem is reported at once. Throws CliError for anything else.
   */
  readonly run: (args: Args, env: CliEnv, problems: Text[]) => void;
}

/** `fazhi matrix <file> [--roster r.json] …`: required parts bare, optional ones in brackets. */
export const usageLine = (c: Command): string =>
  [
    `fazhi ${c.name}`,
    ...c.positionals.map((p) => (p.required === true ? p.name : `[${p.name}]`)),
    ...Object.entries(c.options).map(([name, spec]) => (spec.required === true ? optionSyntax(name, spec) : `[${optionSyntax(name, spec)}]`)),
  ].join(" ");

/** A command's full help: usage, description, arguments and options (each Chinese / English), examples. */
export const helpText = (c: Command): string => {
  const rows: Array<[string, Text]> = [
    ...c.positionals.map((p): [string, Text] => [p.name, p.help]),
    ...Object.entries({ ...c.options, help: HELP_OPTION }).map(([name, spec]): [string, Text] => [`${optionSyntax(name, spec)}${spec.short !== undefined ? `, -${spec.short}` : ""}`, spec.help]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    `用法 Usage: ${usageLine(c)}`,
    "",
    c.description.zh,
    c.description.en,
    "",
    "参数与选项 Arguments and options:",
    ...rows.map(([k, h]) => `  ${k.padEnd(width)}  ${h.zh} / ${h.en}`),
    ...(c.examples !== undefined && c.examples.length > 0 ? ["", "例子 Examples:", ...c.examples.map((e) => `  ${e}`)] : []),
  ].join("\n");
};

/** End the command with a usage error when any option's value was wrong (all of them reported at once). */
export const stopOnProblems = (c: Command, problems: readonly Text[]): void => {
  if (problems.length > 0) throw usageError(problems, { name: c.name, usage: usageLine(c) });
};
