// 1 MB adversarial inputs for the parser, shared by the robustness test and the benchmark.
const MB = 1 << 20;

export const ADVERSARIAL: ReadonlyArray<readonly [string, () => string]> = [
  ["a heading marker repeated", () => "（一）".repeat(MB / 3)],
  ["heading lines", () => "一、\n".repeat(MB / 3)],
  ["one huge line", () => "各级各部门要认真落实".repeat(MB / 10)],
  ["a long run of 、 in a unit list", () => `一、甲\n（一）乙。\n牵头单位：${"、".repeat(MB)}`],
  ["a long run of 和 in a unit list", () => `一、甲\n（一）乙。\n牵头单位：县司法局${"和".repeat(MB)}`],
  ["nested brackets", () => `一、甲\n（一）乙${"（".repeat(MB / 2)}${"）".repeat(MB / 2)}`],
  ["role words repeated", () => `一、甲\n（一）乙。\n${"牵头单位：".repeat(MB / 5)}`],
  ["blank-line broken sentence", () => "一、甲\n（一）乙\n\n".repeat(MB / 8)],
];
