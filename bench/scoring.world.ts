// The scoring benchmark's county: 200 units, a plan of four tasks (quarterly, a quota, a deadline,
// ongoing work) with joint leads, a scheme that uses every mechanic, and a ledger generator.
import { IsoDate, Roster, ScoringScheme, buildMatrix, expandSchedule, parsePlanText } from "../src/index.js";
import type { Ledger, ProgressEntry } from "../src/index.js";
import { deepFreeze } from "../src/model/freeze.js";

export const UNITS = 200;
export const INCIDENT_TAGS = 20;
export const CONDITIONS = 5;
export const YEAR = 2024;

const names = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `县单位${from + i}局`).join("、");
const PLAN = [
  "基准县2024年度法治政府建设工作安排",
  "一、甲",
  "（一）执法监督。每季度开展一次执法监督。",
  `牵头单位：${names(0, 2)}`,
  `责任单位：${names(2, 50)}`,
  "（二）专题讲座。每年举办两期以上专题讲座。",
  `牵头单位：${names(50, 53)}`,
  `责任单位：${names(53, 100)}`,
  "（三）年度报告。6月底前报送年度报告。",
  `牵头单位：${names(100, 101)}`,
  `责任单位：${names(101, 150)}`,
  "（四）法治宣传。持续开展法治宣传。",
  `牵头单位：${names(150, 151)}`,
  `责任单位：${names(151, 200)}`,
].join("\n");

/** Every mechanic: clauses of each kind, three levels with floors, a clause cap, a negative list, adjustments inside and outside with group caps, evidence, earlier-year credit and award tiers, the same problem once, vetoes, weighted components, quotas, joint leads. */
const SCHEME = {
  id: "bench",
  title: "基准方案（使用全部评分机制）",
  total: 100,
  rounding: "half_up",
  sameProblem: "first",
  jointLeads: "shared",
  quotaTies: "all_down",
  areas: [
    { id: "A", name: "责任落实", points: 40, floor: { kind: "zero" }, office: "县单位0局" },
    { id: "A1", name: "执法过错", points: 20, parent: "A", floor: { kind: "deduction", points: 15 } },
    { id: "B", name: "重点任务", points: 40, floor: { kind: "multiple", multiple: 2 } },
    { id: "C", name: "问题整改", points: 20 },
    { id: "N", name: "负面清单", points: 0, floor: { kind: "none" } },
  ],
  indicators: [
    ...Array.from({ length: INCIDENT_TAGS }, (_, k) => ({
      id: `inc${k}`, name: `执法过错${k}`, area: "A1", points: 1, appliesTo: {},
      ...(k % 4 === 0 ? { floor: { kind: "none" } } : {}),
      methods: [{ kind: "incidents", tag: `t${k}`, per: k % 2 === 0 ? 0.57 : 0.29, ...(k % 3 === 0 ? { cap: 0.8 } : {}) }],
    })),
    ...Array.from({ length: CONDITIONS }, (_, k) => ({
      id: `cond${k}`, name: `制度建设${k}`, area: "A", points: 3, appliesTo: {},
      methods: [{ kind: "condition", tag: `c${k}a`, points: 1.15 }, { kind: "condition", tag: `c${k}b`, points: 2.25 }],
    })),
    { id: "tier", name: "法治机构建设", area: "A", points: 5, appliesTo: {}, methods: [{ kind: "tier", tiers: [{ tag: "tierA", name: "制度不健全", deduct: 3 }, { tag: "tierB", name: "落实不到位", deduct: 2 }] }] },
    { id: "sup", name: "每季度执法监督", area: "B", points: 8, appliesTo: { taskIds: ["bench-2024.t01"], responsibleShare: 50 }, floor: { kind: "none" }, methods: [{ kind: "occurrences", requirementIds: ["bench-2024.t01.r1"], perMissing: 3, perLate: 1, latePer: { unit: "week", points: 0.25 } }] },
    { id: "lec", name: "专题讲座", area: "B", points: 8, appliesTo: { taskIds: ["bench-2024.t02"] }, methods: [{ kind: "occurrences", requirementIds: ["bench-2024.t02.r1"], perMissing: 8, perShort: 4 }] },
    { id: "rep", name: "年度报告和持续工作", area: "B", points: 6, appliesTo: { taskIds: ["bench-2024.t03", "bench-2024.t04"] }, methods: [{ kind: "occurrences", ruleKinds: ["deadline", "ongoing"], perMissing: 3, perLate: 1.5 }] },
    { id: "cnt", name: "专题研究次数", area: "B", points: 4, appliesTo: {}, methods: [{ kind: "count", metric: "n", atLeast: 3, perShort: 0.5, cap: 1 }, { kind: "count", taskIds: ["bench-2024.t02"], atLeast: 2, below: 1 }] },
    { id: "r0", name: "合格率", area: "B", points: 3, appliesTo: {}, methods: [{ kind: "rate", metric: "r0", bound: "at_least", target: 95, per: 0.5, rounding: "half_even" }] },
    { id: "r1", name: "败诉率", area: "B", points: 3, appliesTo: {}, methods: [{ kind: "rate", metric: "r1", bound: "at_most", target: 10, per: 1, step: 0.5, steps: "whole" }] },
    { id: "r2", name: "知晓率", area: "B", points: 3, appliesTo: {}, methods: [{ kind: "rate", metric: "r2", bound: "at_least", target: { benchmark: "avg" }, per: 0.25 }] },
    { id: "r3", name: "办结率", area: "B", points: 3, appliesTo: {}, methods: [{ kind: "rate", ratio: { numerator: "num", denominator: "den" }, bound: "at_least", target: 90, per: 0.2 }] },
    { id: "r4", name: "结案率", area: "B", points: 2, appliesTo: {}, methods: [{ kind: "rate", metric: "r4", bound: "at_least", target: 90, per: 1, step: 10, steps: "started" }] },
    { id: "trend", name: "发案量", area: "C", points: 6, appliesTo: {}, methods: [{ kind: "trend", metrics: ["m1", "m2"], when: "rose", per: 2 }, { kind: "trend", metrics: ["m3"], when: "not_fell", per: 1.5 }] },
    { id: "rect", name: "整改", area: "C", points: 14, appliesTo: {}, methods: [{ kind: "rectification", perOpen: 1.5, perLate: 0.75 }, { kind: "incidents", tag: "t0", per: 1 }] },
    { id: "neg", name: "负面清单", area: "N", points: 0, floor: { kind: "deduction", points: 5 }, appliesTo: {}, methods: [{ kind: "incidents", tag: "neg", per: 0.29 }] },
  ],
  components: [
    { id: "ca", name: "责任落实", weight: 40, areas: ["A", "N"] },
    { id: "cb", name: "重点任务", weight: 40, areas: ["B"] },
    { id: "cc", name: "问题整改", weight: 20, areas: ["C"] },
  ],
  adjustments: {
    cap: 20,
    penaltyCap: 6,
    groups: [{ id: "honours", name: "表彰类", cap: 5, othersShare: 50 }, { id: "ranks", name: "排名类", cap: 15 }],
    categories: [
      { id: "nat", name: "国家级表彰", per: 3, group: "honours", requiresEvidence: true },
      { id: "prov", name: "省级表彰", per: 2, group: "honours" },
      { id: "rank", name: "排名靠前", per: 1.5, group: "ranks" },
      { id: "pen", name: "被通报批评", sign: "penalty", per: 0.29, stage: "inside", area: "A" },
      { id: "crit", name: "被上级批评", sign: "penalty", per: 1 },
    ],
  },
  vetoes: [{ id: "v", name: "严重违法" }, { id: "v2", name: "较大过错", below: "优秀" }],
  grades: [{ name: "优秀", min: 90, maxShare: 30 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }],
  lowestGrade: "不合格",
};
// The points add up: A1 20 × 1 = 20 … kept exact by construction.
(SCHEME.areas[1] as { points: number }).points = INCIDENT_TAGS;
(SCHEME.areas[0] as { points: number }).points = INCIDENT_TAGS + CONDITIONS * 3 + 5;
(SCHEME.areas[2] as { points: number }).points = 8 + 8 + 6 + 4 + 3 + 3 + 3 + 3 + 2;
SCHEME.total = INCIDENT_TAGS + CONDITIONS * 3 + 5 + 40 + 20;

export const world = () => {
  const { plan } = parsePlanText(PLAN, { id: "bench-2024" });
  const roster = Roster.parse({
    id: "bench",
    name: "基准县",
    source: { title: "benchmark (synthetic)" },
    units: Array.from({ length: UNITS }, (_, i) => ({ id: `u${i}`, name: `县单位${i}局`, kind: "government_department" })),
    groups: [],
  });
  const matrix = buildMatrix(plan, roster);
  const occurrences = expandSchedule(plan, { matrix });
  return { plan, roster, matrix, occurrences, scheme: ScoringScheme.parse(SCHEME), asOf: IsoDate.parse("2025-01-15") };
};

/** A deterministic ledger of n entries: every kind of fact, for every mechanic. */
export const ledgerOf = (n: number, occurrences: ReturnType<typeof world>["occurrences"]): Ledger => {
  let s = 42;
  const rnd = (k: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % k;
  };
  const bound = occurrences.filter((o) => o.window !== undefined && o.unitIds.length > 0);
  const two = (d: number) => String(d).padStart(2, "0");
  const date = (year = YEAR) => `${year}-${two(1 + rnd(12))}-${two(1 + rnd(28))}`;
  const value = () => (7000 + rnd(3001)) / 100; // 70.00 – 100.00
  const entries: ProgressEntry[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const unitId = `u${rnd(UNITS)}`;
    const id = `e${i}`;
    const r = rnd(100);
    let e: Record<string, unknown>;
    if (r < 45) {
      const which = rnd(100);
      const tag = which < 70 ? `t${rnd(INCIDENT_TAGS)}` : which < 85 ? `c${rnd(CONDITIONS)}${rnd(2) === 0 ? "a" : "b"}` : which < 90 ? (rnd(2) === 0 ? "tierA" : "tierB") : which < 95 ? "neg" : rnd(2) === 0 ? "pen" : "crit";
      // Some incidents of the 执法过错 items name a problem: one problem reported under two of them
      // is deducted once (sameProblem: "first").
      e = { id, kind: "incident", unitId, date: date(), tag, count: 1 + rnd(2), ...(which < 70 && rnd(10) === 0 ? { problemId: `P${rnd(50)}` } : {}) };
    } else if (r < 60) {
      const m = rnd(12);
      const metric = ["r0", "r1", "r2", "r4", "num", "den", "n", "m1", "m2", "m3", "m1", "m3"][m] as string;
      const last = m >= 7 && rnd(2) === 0;
      const v = metric === "r1" ? rnd(2001) / 100 : metric === "n" ? rnd(6) : metric === "num" ? 50 + rnd(50) : metric === "den" ? 100 : metric.startsWith("m") ? rnd(30) : value();
      e = { id, kind: "measure", unitId, date: date(last ? YEAR - 1 : YEAR), metric, value: v };
    } else if (r < 88) {
      const o = bound[rnd(bound.length)] as (typeof bound)[number];
      const u = o.unitIds[rnd(o.unitIds.length)] as string;
      const w = o.window as { from: string; to: string };
      const late = rnd(10) === 0;
      e = { id, kind: o.kind === "quota" ? "held" : rnd(20) === 0 ? "progress" : "done", unitId: u, taskId: o.taskId, requirementId: o.requirementId, date: late ? `${YEAR + 1}-01-${two(1 + rnd(14))}` : w.to.slice(0, 8) + two(1 + rnd(28)) };
    } else if (r < 95) {
      const c = rnd(3);
      e = { id, kind: "award", unitId, date: date(rnd(5) === 0 ? YEAR - 1 : YEAR), category: ["nat", "prov", "rank"][c], awardId: `A${rnd(40)}`, ...(rnd(3) > 0 ? { evidence: [{ title: "表彰文件" }] } : {}) };
    } else if (r < 99) {
      const pid = `Q${unitId}-${rnd(3)}`;
      e = rnd(2) === 0 ? { id, kind: "problem", unitId, date: date(), problemId: pid, dueBy: date() } : { id, kind: "rectified", unitId, date: date(), problemId: pid };
    } else if (r < 99 + 1 && rnd(50) === 0) {
      e = { id, kind: "veto", unitId, date: date(), vetoId: rnd(2) === 0 ? "v" : "v2" };
    } else {
      e = { id, kind: "measure", unitId: "u0", date: date(), metric: "avg", value: value() };
    }
    entries[i] = e as unknown as ProgressEntry;
  }
  // Frozen, as readLedger returns it: scoreUnits then checks it against the schema once, not on
  // every call (a ledger that is not frozen is checked each time, since it may have changed).
  return deepFreeze({ planId: "bench-2024", entries }) as unknown as Ledger;
};
