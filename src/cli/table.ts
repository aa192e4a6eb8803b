// Plain-text tables for the terminal, aligned by display width (a Chinese character takes two
// columns), with a header row.

/** Columns a string takes in a terminal: East Asian wide and full-width characters count two. */
export const displayWidth = (s: string): number => {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
};

/** Rows under a header, each column as wide as its widest cell; columns listed in `right` align right. */
export const renderTable = (header: readonly string[], rows: ReadonlyArray<readonly string[]>, right: ReadonlySet<number> = new Set()): string => {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ""))));
  const cell = (s: string, i: number) => {
    const pad = " ".repeat((widths[i] as number) - displayWidth(s));
    return right.has(i) ? pad + s : s + pad;
  };
  return all.map((r) => header.map((_, i) => cell(r[i] ?? "", i)).join("  ").trimEnd()).join("\n");
};
