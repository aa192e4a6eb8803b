// Operation counts instead of wall-clock time: how many Map and Set look-ups and insertions a call
// makes. A linear algorithm stays within a small multiple of its input size; a quadratic one does not.
import { vi } from "vitest";

export const countCollectionOps = (fn: () => unknown): number => {
  const spies = [
    vi.spyOn(Map.prototype, "get"),
    vi.spyOn(Map.prototype, "set"),
    vi.spyOn(Map.prototype, "has"),
    vi.spyOn(Set.prototype, "has"),
    vi.spyOn(Set.prototype, "add"),
  ];
  try {
    fn();
    return spies.reduce((n, s) => n + s.mock.calls.length, 0);
  } finally {
    for (const s of spies) s.mockRestore();
  }
};
