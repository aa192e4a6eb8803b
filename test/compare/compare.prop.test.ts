// The laws of plan comparison, on real plans (the seed and the corpus, as parsePlanText reads
// them) and generated permutations and edits of them.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { alignPlans } from "../../src/compare/align.js";
import { diffPlans } from "../../src/compare/diff.js";
import { planCoverage } from "../../src/compare/coverage.js";
import { planTasks } from "../../src/compare/tasks.js";
import type { Alignment, PlanDiff, TextEdit, UnitChange } from "../../src/model/compare.js";
import { arbEditedPair, arbPermutation, arbPlanWithTwins, arbRealPlan, edited, permuted } from "./support/plans.js";

const ids = (plan: Parameters<typeof planTasks>[0]) => planTasks(plan).map((t) => t.task.id);

/** An alignment as a set of groups, independent of listing order. */
const groupsOf = (a: Alignment) =>
  a.pairs
    .map((p) => ({ kind: p.kind, a: [...p.a].sort(), b: [...p.b].sort(), score: p.score, links: p.links.map((l) => `${l.a}>${l.b}:${l.score}:${l.phrases.join("|")}`).sort() }))
    .sort((x, y) => (x.a.join() < y.a.join() ? -1 : 1));

const spell = (edits: readonly TextEdit[], side: "a" | "b") => edits.filter((e) => e.op !== (side === "a" ? "insert" : "delete")).map((e) => e.text).join("");

const unitKey = (u: UnitChange, flip: boolean) => {
  const change = flip && u.change !== "renamed" ? (u.change === "added" ? "removed" : "added") : u.change;
  return u.change === "renamed" ? `${u.role}:renamed:${flip ? `${u.to}>${u.from}` : `${u.from}>${u.to}`}` : `${u.role}:${change}:${u.unit}`;
};

/**
 * A diff's pairs by their tasks (as sets: a group lists its tasks in plan order), with what
 * changed, seen from the previous plan (or flipped).
 */
const pairsOf = (d: PlanDiff, flip: boolean) =>
  d.tasks
    .map((t) => {
      const [from, to] = flip ? [t.next, t.previous] : [t.previous, t.next];
      const kind = flip && t.kind !== "same" ? (t.kind === "split" ? "merge" : "split") : t.kind;
      return {
        key: `${from.map((x) => x.id).sort().join(",")}>${to.map((x) => x.id).sort().join(",")}`,
        kind,
        score: t.score,
        reworded: t.reworded,
        units: t.units.map((u) => unitKey(u, flip)).sort(),
        schedule: t.schedule
          .map((s) => {
            const [p, n] = flip ? [s.next, s.previous] : [s.previous, s.next];
            const change = flip && (s.change === "added" || s.change === "removed") ? (s.change === "added" ? "removed" : "added") : s.change;
            return `${change}:${p?.id ?? ""}>${n?.id ?? ""}`;
          })
          .sort(),
      };
    })
    .sort((x, y) => (x.key < y.key ? -1 : 1));

describe("comparison laws", () => {
  test.prop([fc.oneof(arbRealPlan, arbPlanWithTwins)])("aligning a plan with itself pairs every task with itself", (plan) => {
    const a = alignPlans(plan, plan);
    expect(a.unpairedA).toEqual([]);
    expect(a.unpairedB).toEqual([]);
    expect(a.pairs.map((p) => [p.kind, p.a, p.b, p.score])).toEqual(ids(plan).map((id) => ["same", [id], [id], 1]));
    const d = diffPlans(plan, plan);
    expect(d.counts.unchanged).toBe(ids(plan).length);
  });

  test.prop([arbRealPlan.chain((p) => fc.tuple(fc.constant(p), arbPermutation(p)))])("a permutation of the tasks gives only moves", ([plan, { keys, picks }]) => {
    const next = permuted(plan, keys, picks, false);
    const d = diffPlans(plan, next);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    for (const t of d.tasks) {
      expect(t.kind).toBe("same");
      expect(t.reworded).toBe(false);
      expect(t.units).toEqual([]);
      expect(t.schedule).toEqual([]);
    }
    expect(d.tasks).toHaveLength(ids(plan).length);
    expect(d.counts.unchanged + d.counts.moved).toBe(ids(plan).length);
  });

  test.prop([arbEditedPair])("diffPlans(a, b) and diffPlans(b, a) are inverses", ({ plan, edits, extra, seed, keys }) => {
    const next = edited(plan, edits, extra, seed, keys);
    const forward = diffPlans(plan, next);
    const backward = diffPlans(next, plan);
    expect(backward.added.map((t) => t.id)).toEqual(forward.removed.map((t) => t.id));
    expect(backward.removed.map((t) => t.id)).toEqual(forward.added.map((t) => t.id));
    expect(pairsOf(backward, true)).toEqual(pairsOf(forward, false));
    expect(backward.counts.moved).toBe(forward.counts.moved);
    expect(backward.tasks.map((t) => t.move).sort()).toEqual(forward.tasks.map((t) => t.move).sort());
    for (const t of forward.tasks) {
      if (t.text === undefined) continue;
      const back = backward.tasks.find((b) => b.previous[0]!.id === t.next[0]!.id)!;
      expect(spell(t.text, "a")).toBe(spell(back.text!, "b"));
      expect(spell(t.text, "b")).toBe(spell(back.text!, "a"));
    }
  });

  test.prop([arbEditedPair, fc.array(fc.nat(1000), { minLength: 80, maxLength: 80 }), fc.array(fc.nat(20), { minLength: 80, maxLength: 80 })])(
    "the results do not depend on task order",
    ({ plan, edits, extra, seed, keys }, k2, picks) => {
      const next = edited(plan, edits, extra, seed, keys);
      const a2 = permuted(plan, k2, picks, true);
      const b2 = permuted(next, [...k2].reverse(), [...picks].reverse(), true);
      expect(groupsOf(alignPlans(a2, b2))).toEqual(groupsOf(alignPlans(plan, next)));
      const d1 = diffPlans(plan, next);
      const d2 = diffPlans(a2, b2);
      expect(d2.added.map((t) => t.id).sort()).toEqual(d1.added.map((t) => t.id).sort());
      expect(d2.removed.map((t) => t.id).sort()).toEqual(d1.removed.map((t) => t.id).sort());
      expect(pairsOf(d2, false)).toEqual(pairsOf(d1, false));
      const c1 = planCoverage(plan, next);
      const c2 = planCoverage(a2, b2);
      const links = (c: typeof c1) => c.items.flatMap((i) => i.takenUpBy.map((l) => `${i.task.id}>${l.task.id}:${l.score}`)).sort();
      expect(links(c2)).toEqual(links(c1));
    },
  );

  test.prop([arbEditedPair])("shared phrases are substrings of both texts; results are frozen", ({ plan, edits, extra, seed, keys }) => {
    const next = edited(plan, edits, extra, seed, keys);
    const text = new Map([...planTasks(plan), ...planTasks(next)].map((t) => [t.task.id, t.task.text || t.task.title]));
    const a = alignPlans(plan, next);
    expect(Object.isFrozen(a) && Object.isFrozen(a.pairs)).toBe(true);
    for (const p of a.pairs) {
      for (const l of p.links) {
        for (const phrase of l.phrases) {
          expect(text.get(l.a)).toContain(phrase);
          expect(text.get(l.b)).toContain(phrase);
        }
      }
    }
  });
});
