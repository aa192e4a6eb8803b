import { readFileSync, readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { type Candidate, matchPlans, settingsOf } from "../src/compare/align.js";
import { type Profile, compareLinks, measureSets, profileOf, prepareProfiles } from "../src/compare/similarity.js";
import { Plan, alignPlans, diffPlans, parsePlanText, planCoverage } from "../src/index.js";
import { reword, rngOf } from "../test/compare/support/edits.js";
import { fmt, measure, ratio, table } from "./harness.js";

// alignPlans on two plans of 250 … 2,000 tasks each: the second an edited version of the first
// (10% deleted, 30% reworded, 5% split, 10% moved to another section, 10% new tasks, all
// renumbered). Goal: 1,000 tasks in ≤ 1 s, and the time per task growing no faster than log n.
// The baseline is a competent all-pairs matcher: the same weighted-bigram profiles and measure,
// every pair measured in full, then best-first 1:1 — what one writes without a candidate index.
//
// The task texts are synthetic: a character-level Markov chain (order 2) over the seed and the
// corpus's plans, so that they read like the genre (common words common, rare words rare) without
// repeating real tasks a thousand times. They are benchmark data, not documents.

const corpusTexts = (): string[] => {
  const dir = new URL("../test/corpus/plans/", import.meta.url);
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const raw = readFileSync(new URL(f, dir), "utf8");
      return raw.slice(raw.indexOf("\n----\n") + 6);
    });
  return [readFileSync(new URL("../seeds/wuzhi-2024.txt", import.meta.url), "utf8"), ...docs];
};

/** A character-level Markov chain of order 2 over the genre's texts. */
const markov = (texts: readonly string[], rnd: () => number) => {
  const next = new Map<string, string[]>();
  for (const t of texts) {
    const s = t.replace(/\s+/g, "");
    for (let i = 0; i + 2 < s.length; i++) {
      const k = s.slice(i, i + 2);
      (next.get(k) ?? next.set(k, []).get(k)!).push(s[i + 2] as string);
    }
  }
  const starts = [...next.keys()].filter((k) => /^[\u4e00-\u9fff]{2}$/.test(k)).sort();
  const sentence = (): string => {
    let s = starts[Math.floor(rnd() * starts.length)] as string;
    while (s.length < 90) {
      const options = next.get(s.slice(-2));
      if (options === undefined) break;
      const c = options[Math.floor(rnd() * options.length)] as string;
      s += c;
      if (c === "。" && s.length >= 20) break;
    }
    return s.endsWith("。") ? s : `${s}。`;
  };
  return (): string => Array.from({ length: 2 + Math.floor(rnd() * 4) }, sentence).join("");
};

const planOf = (id: string, sections: ReadonlyArray<readonly string[]>): Plan => {
  let no = 0;
  return Plan.parse({
    id,
    title: id,
    year: 2024,
    sections: sections.map((texts, s) => ({
      no: s + 1,
      title: `第${s + 1}部分`,
      tasks: texts.map((text) => {
        no += 1;
        return { id: `${id}.t${no}`, no, title: text.slice(0, text.indexOf("。")), text, clauses: [], requirements: [] };
      }),
    })),
  });
};

/** Two plans of n tasks: a synthetic plan and an edited version of it. */
const pair = (n: number): [Plan, Plan] => {
  const rnd = rngOf(n);
  const task = markov(corpusTexts(), rnd);
  const perSection = 25;
  const sections = Array.from({ length: Math.ceil(n / perSection) }, (_, s) => Array.from({ length: Math.min(perSection, n - s * perSection) }, task));
  const edited = sections.map(() => [] as string[]);
  sections.forEach((texts, s) => {
    for (const text of texts) {
      const r = rnd();
      if (r < 0.1) continue;
      const t = r < 0.4 ? reword(text, rnd) : text;
      const to = rnd() < 0.1 ? Math.floor(rnd() * sections.length) : s;
      const parts = t.split("。").filter((x) => x !== "");
      if (rnd() < 0.05 && parts.length >= 2) {
        edited[to]!.push(`${parts.slice(0, 1).join("。")}。`, `${parts.slice(1).join("。")}。`);
      } else edited[to]!.push(t);
      if (rnd() < 0.1) edited[to]!.splice(Math.floor(rnd() * edited[to]!.length), 0, task());
    }
  });
  return [planOf("bench-2024", sections), planOf("bench-2025", edited)];
};

/** The baseline: every pair measured in full, best first, one to one. Returns the pairs. */
const allPairs = (a: Plan, b: Plan): Set<string> => {
  const tasks = (p: Plan) => p.sections.flatMap((s) => s.tasks);
  const pa = tasks(a).map((t) => profileOf(t.text, t.id));
  const pb = tasks(b).map((t) => profileOf(t.text, t.id));
  prepareProfiles([...pa, ...pb]);
  const scored: Candidate[] = [];
  pa.forEach((x, i) =>
    pb.forEach((y, j) => {
      const m = measureSets(x, y);
      if (m.dice >= 0.25) scored.push({ i, j, ...m });
    }),
  );
  scored.sort((x, y) => y.dice - x.dice || compareLinks(pa[x.i] as Profile, pb[x.j] as Profile, pa[y.i] as Profile, pb[y.j] as Profile));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs = new Set<string>();
  for (const c of scored) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.add(`${(pa[c.i] as Profile).order}>${(pb[c.j] as Profile).order}`);
  }
  return pairs;
};

/** The share of the baseline's pairs that alignPlans also makes (any link of its groups). */
const agreement = (a: Plan, b: Plan, baseline: Set<string>): number => {
  const order = new Map([...a.sections, ...b.sections].flatMap((s) => s.tasks).map((t) => [t.id as string, profileOf(t.text, t.id).order]));
  const links = new Set(alignPlans(a, b).pairs.flatMap((p) => p.links.map((l) => `${order.get(l.a)}>${order.get(l.b)}`)));
  return [...baseline].filter((x) => links.has(x)).length / Math.max(1, baseline.size);
};

/** Median CPU time of the process over a few calls (user + system), in ms: on a busy machine it shows the work, where wall time also shows the waiting. */
const cpuMedian = (fn: () => unknown, runs = 3): number => {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return times.sort((x, y) => x - y)[Math.floor(runs / 2)] as number;
};

export const benchCompare = (): void => {
  const rows: Array<Record<string, string | number>> = [];
  let base = 0;
  let cpuBase = 0;
  for (const n of [250, 500, 1000, 2000]) {
    const [a, b] = pair(n);
    const tasks = a.sections.reduce((k, s) => k + s.tasks.length, 0) + b.sections.reduce((k, s) => k + s.tasks.length, 0);
    const ours = measure(`align ${n}`, () => alignPlans(a, b), { minRuns: 3, minMs: 1000, warmup: 1 });
    const cpu = cpuMedian(() => alignPlans(a, b));
    const perTask = ours.median / tasks;
    if (base === 0) base = perTask;
    if (cpuBase === 0) cpuBase = cpu / tasks;
    const naive = n <= 1000 ? measure(`all pairs ${n}`, () => allPairs(a, b), { minRuns: 3, minMs: 1000, warmup: 1 }) : undefined;
    const paired = matchPlans(a, b, settingsOf()).groups.length;
    const agree = naive === undefined ? undefined : agreement(a, b, allPairs(a, b));
    rows.push({
      "tasks (a + b)": `${n} + ${tasks - n}`,
      alignPlans: fmt(ours.median),
      "per task": fmt(perTask),
      "per task vs 250": ratio(perTask, base),
      "CPU time": fmt(cpu),
      "CPU per task vs 250": ratio(cpu / tasks, cpuBase),
      "all pairs (baseline)": naive === undefined ? "—" : fmt(naive.median),
      "baseline / alignPlans": naive === undefined ? "—" : ratio(naive.median, ours.median),
      "groups found": paired,
      "baseline pairs also found": agree === undefined ? "—" : `${(agree * 100).toFixed(1)}%`,
    });
  }
  table(`alignPlans (goal: 1,000 + 1,000 tasks ≤ 1 s; time per task growing no faster than log n) · load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`, rows);

  const [a, b] = pair(1000);
  const seed = parsePlanText(readFileSync(new URL("../seeds/wuzhi-2024.txt", import.meta.url), "utf8"), { id: "wuzhi-2024" }).plan;
  table("diffPlans and planCoverage", [
    { input: "seed with itself (35 tasks)", diffPlans: fmt(measure("diff seed", () => diffPlans(seed, seed), { minRuns: 20 }).median) },
    { input: "1,000 + 1,000 tasks", diffPlans: fmt(measure("diff 1000", () => diffPlans(a, b), { minRuns: 3, minMs: 1000, warmup: 1 }).median), planCoverage: fmt(measure("coverage 1000", () => planCoverage(a, b), { minRuns: 3, minMs: 1000, warmup: 1 }).median) },
  ]);
};
