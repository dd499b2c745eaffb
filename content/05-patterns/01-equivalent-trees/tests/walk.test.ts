import { describe, it, expect } from "vitest";
import { go, makeChan, select } from "go";
import type { Chan } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as tree from "./tree";
import type { Tree } from "./tree";
import { same, walk } from "./walk";

/** Schedules tried per explore: enough to catch every variant in variants/, few enough to keep a Run quick. */
const SEEDS = { seeds: 30 };

/** What a channel delivered before it closed, or before a minute of silence (a walk that never closes ch). */
async function collect(ch: Chan<number>, max = 200): Promise<{ values: number[]; closed: boolean }> {
  const values: number[] = [];
  while (values.length < max) {
    const [v, ok, silent] = await select(
      ch.recvCase((v, ok): [number | undefined, boolean, boolean] => [v, ok, false]),
      time.after(time.Minute).recvCase((): [number | undefined, boolean, boolean] => [undefined, false, true]),
    );
    if (silent) return { values, closed: false };
    if (!ok) return { values, closed: true };
    values.push(v!);
  }
  return { values, closed: false };
}

/** A tree whose nodes report each value read: which walk read it, in what order. */
interface Watched {
  tree: Tree | null;
  /** The distinct values read so far. */
  read: Set<number>;
}

/** The order of every first read, across watched trees: [tree name, value]. */
type Log = [string, number][];

/** watch instruments every node of t so that reading node.value records it. */
function watch(t: Tree | null, name = "t", log: Log = []): Watched {
  const read = new Set<number>();
  const visit = (n: Tree | null) => {
    if (!n) return;
    const v = n.value;
    Object.defineProperty(n, "value", {
      get() {
        if (!read.has(v)) log.push([name, v]);
        read.add(v);
        return v;
      },
    });
    visit(n.left);
    visit(n.right);
  };
  visit(t);
  return { tree: t, read };
}

/** A search tree holding 1..n, inserted in a seeded random order (shuffled, so it is bushy, not a list). */
const big = (n: number, seed: number, map: (v: number) => number = (v) => v) =>
  tree.fromValues(tree.perm(n, seed).map((i) => map(i + 1)));

const tens = (k: number) => Array.from({ length: 10 }, (_, i) => (i + 1) * k);
const show = (v: unknown) => JSON.stringify(v);

describe("Task 1: walk sends the values in order and closes the channel", () => {
  it("sends k, 2k, ..., 10k in ascending order, then closes ch", async () => {
    await synctest.run(async () => {
      for (const k of [1, 2, 3]) {
        for (const seed of [1, 2, 3]) {
          const t = tree.New(k, seed);
          const ch = makeChan<number>();
          go(() => walk(t, ch));
          const { values, closed } = await collect(ch);
          expect(values, `walk(tree.New(${k}), ch) sent ${show(values)}; in order: left subtree, node, right`).toEqual(
            tens(k),
          );
          expect(closed, `walk sent every value of ${t} but never closed ch, so a range over ch never ends`).toBe(true);
        }
      }
    });
  });

  it("walks trees that are lists, a single node and an empty tree", async () => {
    await synctest.run(async () => {
      const cases: [string, Tree | null, number[]][] = [
        ["a list leaning right", tree.fromValues(tens(1)), tens(1)],
        ["a list leaning left", tree.fromValues(tens(1).reverse()), tens(1)],
        ["a single node", tree.fromValues([7]), [7]],
        ["an empty tree (null)", null, []],
      ];
      for (const [name, t, want] of cases) {
        const ch = makeChan<number>();
        go(() => walk(t, ch));
        const { values, closed } = await collect(ch);
        expect(values, `walking ${name} sent ${show(values)}`).toEqual(want);
        expect(closed, `walking ${name}: ch was never closed`).toBe(true);
      }
    });
  });

  it("stops when done is closed, closes ch and returns", async () => {
    await synctest.explore(async () => {
      const w = watch(big(100, 7));
      const ch = makeChan<number>();
      const done = makeChan<void>();
      let returned = false;
      go(async () => {
        await walk(w.tree, ch, done);
        returned = true;
      });
      const first = [await ch.recv(), await ch.recv(), await ch.recv()];
      expect(first, "the first three values of a tree holding 1..100").toEqual([1, 2, 3]);
      done.close();
      await synctest.wait();
      expect(
        returned,
        `walk is still blocked after done was closed (seed ${synctest.seed()}): send in a select with done`,
      ).toBe(true);
      expect(
        w.read.size,
        `walk read ${w.read.size} values of 100 after 3 were received and done was closed; it should stop at its next send`,
      ).toBeLessThanOrEqual(5);
      const [, ok] = await ch.recvOk();
      expect(ok, "walk stopped by done still closes ch").toBe(false);
    }, SEEDS);
  });
});

describe("Task 2: same compares the values of two trees", () => {
  it("is true for trees holding the same values in different shapes", async () => {
    await synctest.run(async () => {
      for (const k of [1, 2, 3, 5, 10]) {
        for (const seed of [1, 2, 3, 4]) {
          const t1 = tree.New(k, seed);
          const t2 = tree.New(k, seed + 10);
          expect(await same(t1, t2), `same(${t1}, ${t2}): both hold ${k}..${10 * k}`).toBe(true);
        }
      }
      const t = tree.New(4, 1);
      expect(await same(t, t), `same(t, t) with t = ${t}`).toBe(true);
    });
  });

  it("is false for trees holding different values", async () => {
    await synctest.run(async () => {
      for (const [k1, k2] of [
        [1, 2],
        [2, 1],
        [3, 5],
      ]) {
        const t1 = tree.New(k1!, 1);
        const t2 = tree.New(k2!, 2);
        expect(await same(t1, t2), `same(tree.New(${k1}), tree.New(${k2})): ${t1} vs ${t2}`).toBe(false);
      }
      const last = tree.fromValues([5, 3, 8, 1, 4, 7, 9, 2, 6, 11]);
      const t = tree.New(1, 3);
      expect(await same(t, last), `same(${t}, ${last}): they differ only in the last value (10 vs 11)`).toBe(false);
      expect(await same(last, t), `same(${last}, ${t}): they differ only in the last value (11 vs 10)`).toBe(false);
    });
  });

  it("is false when one tree holds the values of the other and more", async () => {
    await synctest.run(async () => {
      const nine = tree.fromValues([4, 2, 6, 1, 3, 5, 8, 7, 9]);
      const ten = tree.New(1, 5);
      expect(await same(nine, ten), `same(${nine}, ${ten}): the second has a 10; check ok of both receives`).toBe(
        false,
      );
      expect(await same(ten, nine), `same(${ten}, ${nine}): the first has a 10; check ok of both receives`).toBe(false);
      expect(await same(null, ten), `same(empty, ${ten})`).toBe(false);
      expect(await same(ten, null), `same(${ten}, empty)`).toBe(false);
      expect(await same(null, null), "same(empty, empty): two empty trees hold the same (no) values").toBe(true);
    });
  });

  it("gives the same answers under every schedule", async () => {
    await synctest.explore(async () => {
      const s = synctest.seed();
      expect(await same(tree.New(2, s), tree.New(2, s + 1)), `equal trees, seed ${s}`).toBe(true);
      expect(await same(tree.New(2, s), tree.New(3, s)), `different values, seed ${s}`).toBe(false);
      const short = tree.fromValues([40, 20, 60, 10, 30, 50, 70]);
      expect(
        await same(
          short,
          big(7, s, (v) => v * 10),
        ),
        `the same 7 values, seed ${s}`,
      ).toBe(true);
      expect(
        await same(
          short,
          big(8, s, (v) => v * 10),
        ),
        `7 values vs the same plus 80, seed ${s}`,
      ).toBe(false);
    }, SEEDS);
  });
});

describe("Task 3: same walks both trees at once and stops early without leaking", () => {
  /** Pairs of trees whose comparison ends in every possible way. */
  const pairs = (s: number): [string, Tree | null, Tree | null][] => [
    ["equal trees", tree.New(1, s), tree.New(1, s + 1)],
    ["trees that differ at the first value", big(100, s), big(100, s + 1, (v) => v + 1)],
    ["a tree of 10 and a tree of 100", big(10, s), big(100, s + 1)],
    ["a tree of 100 and a tree of 10", big(100, s), big(10, s + 1)],
    ["an empty tree and a tree of 100", null, big(100, s)],
  ];

  it("leaves no walking goroutine behind, whatever the answer", async () => {
    await synctest.explore(async () => {
      for (const [name, t1, t2] of pairs(synctest.seed())) {
        await same(t1, t2);
        await synctest.wait();
        const left = synctest.goroutines() - 1;
        expect(
          left,
          `${left} walking goroutine(s) still blocked after same returned on ${name} (seed ${synctest.seed()}): close a done channel when same returns, and have walk select on it`,
        ).toBe(0);
      }
    }, SEEDS);
  });

  it("passes the bubble's leak report when same returns at a difference", async () => {
    const err = await synctest
      .run(async () => {
        await same(
          big(100, 1),
          big(100, 2, (v) => v * 2),
        );
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    const report = err instanceof Error ? err.message : String(err ?? "");
    expect(
      report,
      "the bubble reported goroutines still blocked when the test returned: the walkers of the two trees were abandoned on their sends",
    ).not.toMatch(/blocked goroutines remain|deadlock/);
  });

  it("stops walking at the first difference", async () => {
    await synctest.explore(async () => {
      const log: Log = [];
      const w1 = watch(big(100, 3), "t1", log);
      const w2 = watch(
        big(100, 4, (v) => (v === 1 ? 0 : v)),
        "t2",
        log,
      );
      expect(await same(w1.tree, w2.tree), "1..100 vs 0, 2..100 differ at the first value").toBe(false);
      await synctest.wait();
      for (const [name, w] of [
        ["t1", w1],
        ["t2", w2],
      ] as const) {
        expect(
          w.read.size,
          `the walk of ${name} produced ${w.read.size} of its 100 values although the trees differ at the first one: same must stop both walks there, not drain or pre-read the trees`,
        ).toBeLessThanOrEqual(5);
      }
    }, SEEDS);
  });

  it("runs the two walks at the same time, not one after the other", async () => {
    await synctest.explore(async () => {
      const log: Log = [];
      const w1 = watch(big(100, 5), "t1", log);
      const w2 = watch(big(100, 6), "t2", log);
      expect(await same(w1.tree, w2.tree), "two trees holding 1..100").toBe(true);
      const order = log.map(([name]) => name);
      const overlap = order.indexOf("t2") < order.lastIndexOf("t1") && order.indexOf("t1") < order.lastIndexOf("t2");
      expect(
        overlap,
        `one walk read all its values before the other began (seed ${synctest.seed()}): walk both trees in goroutines and compare pair by pair`,
      ).toBe(true);
    }, SEEDS);
  });
});
