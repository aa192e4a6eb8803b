import { buildMatrix, expandSchedule, scheduleToICalendar } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { loadPlan, loadRoster, yearIfNone } from "../inputs.js";
import { print } from "../io.js";
import { text } from "../messages.js";
import { ID, PLAN_FILE, ROSTER, dtstampValue, yearValue } from "../options.js";

export const calendar: Command = {
  name: "calendar",
  summary: text("全年时间节点，或 iCalendar", "the year's dated obligations, or iCalendar"),
  description: text("列出全年时间节点；--ics 输出 iCalendar（可导入日历软件）。", "List the year's dated obligations; --ics prints iCalendar for calendar programs."),
  positionals: [PLAN_FILE],
  options: {
    roster: ROSTER,
    year: { type: "string", value: "YYYY", help: text("展开哪一年，默认为计划年度", "the year to expand; default the plan's year") },
    ics: { type: "boolean", help: text("输出 iCalendar", "print iCalendar") },
    dtstamp: { type: "string", value: "YYYYMMDDTHHMMSSZ", help: text("iCalendar 的 DTSTAMP，默认为当前时刻", "the iCalendar DTSTAMP; default now") },
    id: ID,
  },
  examples: ["fazhi calendar seeds/wuzhi-2024.txt --ics > 2024.ics"],
  run(args, env, problems) {
    const year = yearValue(problems, args);
    const dtstamp = dtstampValue(problems, args);
    stopOnProblems(this, problems);
    // --year here picks the calendar year to expand; the plan keeps the year its text gives, and a
    // document that gives none is read in that year (else this year, said on standard error).
    const { plan } = loadPlan(env, args.positionals[0] as string, { id: args.string("id"), yearIfNone: year ?? yearIfNone(env), quiet: year !== undefined });
    const rosterFile = args.string("roster");
    const matrix = rosterFile === undefined ? undefined : buildMatrix(plan, loadRoster(env, rosterFile));
    const occurrences = expandSchedule(plan, { ...(year !== undefined ? { year } : {}), ...(matrix !== undefined ? { matrix } : {}) });
    if (args.flag("ics")) {
      print(env, scheduleToICalendar(occurrences, { dtstamp: dtstamp ?? env.stamp(), calendarName: plan.title }));
      return;
    }
    for (const o of occurrences) print(env, `${o.due ?? "（随事件 on event）"}  任务${String(o.taskNo).padStart(2)}  ${o.label}：${o.action}${o.count > 1 ? `（至少${o.count}次）` : ""}`);
  },
};
