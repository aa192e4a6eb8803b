// Every fazhi command, in the order help lists them. A new command is a new module here.
import type { Command } from "../command.js";
import { calendar } from "./calendar.js";
import { coverage } from "./coverage.js";
import { diff } from "./diff.js";
import { matrix } from "./matrix.js";
import { parse } from "./parse.js";
import { report } from "./report.js";
import { roster } from "./roster.js";
import { schema } from "./schema.js";
import { scheme } from "./scheme.js";
import { score } from "./score.js";
import { status } from "./status.js";

export const COMMANDS: readonly Command[] = [parse, matrix, roster, calendar, status, score, report, diff, coverage, scheme, schema];
