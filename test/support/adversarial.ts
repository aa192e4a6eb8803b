// Adversarial inputs for the parser, shared by the robustness test and the benchmark: 1 MB each for
// the benchmark and for a longer test run (FAZHI_PROP_RUNS set, as in CI), a quarter of that in a
// quick `npm test`. A catastrophic (exponential or badly quadratic) path shows at either size.
import { requestedRuns } from "./runs.js";

const MB = 1 << 20;

/** The inputs, each about `bytes` long. */
export const adversarialInputs = (bytes: number): ReadonlyArray<readonly [string, () => string]> => [
  ["a heading marker repeated", () => "（一）".repeat(bytes / 3)],
  ["heading lines", () => "一、\n".repeat(bytes / 3)],
  ["one huge line", () => "各级各部门要认真落实".repeat(bytes / 10)],
  ["a long run of 、 in a unit list", () => `一、甲\n（一）乙。\n牵头单位：${"、".repeat(bytes)}`],
  ["a long run of 和 in a unit list", () => `一、甲\n（一）乙。\n牵头单位：县司法局${"和".repeat(bytes)}`],
  ["nested brackets", () => `一、甲\n（一）乙${"（".repeat(bytes / 2)}${"）".repeat(bytes / 2)}`],
  ["role words repeated", () => `一、甲\n（一）乙。\n${"牵头单位：".repeat(bytes / 5)}`],
  ["blank-line broken sentence", () => "一、甲\n（一）乙\n\n".repeat(bytes / 8)],
];

/** The size for a test run: 1 MB when FAZHI_PROP_RUNS asks for a longer run, else 256 KB. */
export const adversarialBytes = (): number => (requestedRuns() !== undefined ? MB : MB / 4);

/** The 1 MB inputs (the benchmark's). */
export const ADVERSARIAL = adversarialInputs(MB);
