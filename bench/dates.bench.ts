import { type IsoDate, addDays, addWorkdays, chinaWorkdayCalendar, isWorkday } from "../src/index.js";
import { fmt, measure, ratio, table } from "./harness.js";

// Workday arithmetic against what a competent engineer would write by hand: a loop over integer
// day numbers with a Set of the changed days (holiday rest days, make-up workdays), no validation.
// Goal: addWorkdays and isWorkday ≤ 3× that loop.
const DAY_MS = 86_400_000;
const dayOf = (s: string): number => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / DAY_MS;

export const benchDates = (): void => {
  const cal = chinaWorkdayCalendar();
  const rest = new Set(cal.years.flatMap((y) => y.restDays.map((d) => dayOf(d.date))));
  const work = new Set(cal.years.flatMap((y) => y.workdays.map((d) => dayOf(d.date))));
  const isWork = (d: number): boolean => work.has(d) || (!rest.has(d) && (((d + 3) % 7) + 7) % 7 < 5);

  // Every day of 2021–2025, as strings (what callers hold) and as day numbers (the baseline's input).
  const dates: IsoDate[] = [];
  for (let d = "2021-01-01" as IsoDate; d <= "2025-12-31"; d = addDays(d, 1)) dates.push(d);
  const days = dates.map(dayOf);

  const ours1 = () => {
    let n = 0;
    for (const d of dates) if (isWorkday(cal, d)) n += 1;
    return n;
  };
  const base1 = () => {
    let n = 0;
    for (const d of days) if (isWork(d)) n += 1;
    return n;
  };

  const STEP = 20;
  const starts = dates.filter((_, i) => i % 7 === 0 && i > 60 && i < dates.length - 60);
  const startDays = starts.map(dayOf);
  const ours2 = () => {
    let last = "";
    for (const d of starts) last = addWorkdays(cal, d, STEP) + addWorkdays(cal, d, -STEP);
    return last;
  };
  const walk = (d: number, n: number): number => {
    const dir = n > 0 ? 1 : -1;
    for (let k = 0; k < Math.abs(n); k++) do d += dir; while (!isWork(d));
    return d;
  };
  const base2 = () => {
    let last = 0;
    for (const d of startDays) last = walk(d, STEP) + walk(d, -STEP);
    return last;
  };

  if (ours1() !== base1()) throw new Error("isWorkday disagrees with the baseline");
  starts.forEach((d, i) => {
    if (dayOf(addWorkdays(cal, d, STEP)) !== walk(startDays[i]!, STEP)) throw new Error(`addWorkdays disagrees at ${d}`);
  });

  const m1 = measure("isWorkday", ours1, { minRuns: 20, minMs: 500 });
  const b1 = measure("isWorkday baseline", base1, { minRuns: 20, minMs: 500 });
  const m2 = measure("addWorkdays", ours2, { minRuns: 20, minMs: 500 });
  const b2 = measure("addWorkdays baseline", base2, { minRuns: 20, minMs: 500 });
  table("Workday arithmetic (goal: ≤ 3× an integer-day loop with a Set of changed days)", [
    { what: `isWorkday × ${dates.length} days (2021–2025)`, median: fmt(m1.median), baseline: fmt(b1.median), "vs baseline": ratio(m1.median, b1.median) },
    { what: `addWorkdays ±${STEP} from ${starts.length} dates`, median: fmt(m2.median), baseline: fmt(b2.median), "vs baseline": ratio(m2.median, b2.median) },
  ]);
};
