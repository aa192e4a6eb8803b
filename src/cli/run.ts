// The fazhi command line: dispatch to a command, help, version, and the exit code of every outcome.
import { FazhiError } from "../index.js";
import { closestWord } from "../text/distance.js";
import { readArgs } from "./args.js";
import { type Command, helpText } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { packageVersion } from "./inputs.js";
import { type CliEnv, nodeEnv, print } from "./io.js";
import { CliError, EXIT, text, usageError } from "./messages.js";

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

/** The list of commands and what is common to all of them. */
export const mainHelp = (): string => {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "fazhi —— 法治政府建设工作安排工具 / tools for rule-of-law government work plans",
    "",
    "用法 Usage: fazhi <命令 command> [参数与选项 arguments and options]",
    "",
    "命令 Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary.zh} / ${c.summary.en}`),
    `  ${"help".padEnd(width)}  显示某个命令的帮助：fazhi help <命令> / a command's help`,
    "",
    "每个命令都有 --help。文件参数可用 - 表示标准输入。Every command has --help; a file argument of - reads standard input.",
    "退出码 Exit codes: 0 成功 ok · 1 输入有误或无法读写文件 invalid input, or a file cannot be read or written · 2 用法错误 usage error",
    "版本 Version: fazhi --version",
  ].join("\n");
};

const unknownCommand = (name: string): CliError => {
  const meant = closestWord(name, [...COMMANDS.map((c) => c.name), "help"]);
  return usageError([
    meant !== undefined
      ? text(`未知命令“${name}”；是否指 ${meant}？`, `unknown command "${name}"; did you mean ${meant}?`)
      : text(`未知命令“${name}”；可用的命令：${COMMANDS.map((c) => c.name).join("、")}`, `unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(", ")}`),
  ]);
};

/** The Chinese part of a FazhiError's message (it ends with the English in parentheses). */
const chinese = (err: FazhiError): string => {
  const tail = ` (${err.messageEn})`;
  return err.message.endsWith(tail) ? err.message.slice(0, -tail.length) : err.message;
};

const runCommand = (command: Command, argv: readonly string[], env: CliEnv): number => {
  const { args, help, problems } = readArgs(argv, command.options, command.positionals);
  if (help) {
    print(env, helpText(command));
    return EXIT.ok;
  }
  command.run(args, env, [...problems]);
  return EXIT.ok;
};

/**
 * Run the command line (without the program name) and return the exit code: 0 done, 1 invalid
 * input or a file that cannot be read or written, 2 a usage error. Messages go to `env`'s
 * standard error, each in Chinese and English.
 */
export const run = (argv: readonly string[], env: CliEnv = nodeEnv()): number => {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      env.stderr(`${mainHelp()}\n`);
      return EXIT.usage;
    }
    if (first === "--help" || first === "-h") {
      print(env, mainHelp());
      return EXIT.ok;
    }
    if (first === "--version" || first === "-v" || first === "-V") {
      print(env, `fazhi ${packageVersion()}`);
      return EXIT.ok;
    }
    if (first === "help") {
      const [name, ...extra] = rest;
      if (name === undefined) print(env, mainHelp());
      else {
        const command = byName.get(name);
        if (command === undefined) throw unknownCommand(name);
        if (extra.length > 0) throw usageError([text(`多余的参数：${extra.join(" ")}`, `unexpected arguments: ${extra.join(" ")}`)]);
        print(env, helpText(command));
      }
      return EXIT.ok;
    }
    const command = byName.get(first);
    if (command === undefined) throw unknownCommand(first);
    return runCommand(command, rest, env);
  } catch (err) {
    if (err instanceof CliError) {
      env.stderr(`${err.lines.join("\n")}\n`);
      return err.exitCode;
    }
    if (err instanceof FazhiError) {
      // A documented refusal of the library (a date out of range, a year the holiday data does not cover).
      env.stderr(`${chinese(err)}\n${err.messageEn} [${err.code}]\n`);
      return EXIT.failed;
    }
    env.stderr(`内部错误，请报告此问题 Internal error, please report it: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.failed;
  }
};
