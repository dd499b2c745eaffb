// Ported from Go's src/context/x_test.go (the cases not already in
// context.test.ts). Go's otherContext wraps a context in a type of its own;
// here it is an object that delegates every method.
import { describe, it, expect } from "vitest";
import { go, GoPanic } from "go";
import { WaitGroup } from "go/sync";
import * as time from "go/time";
import * as context from "go/context";
import * as errors from "go/errors";
import * as synctest from "go/testing/synctest";

const shortDuration = time.Millisecond;
const veryLongDuration = 1000 * time.Hour;

function otherContext(c: context.Context): context.Context {
  return { deadline: () => c.deadline(), done: () => c.done(), err: () => c.err(), value: (k) => c.value(k) };
}

/** isDone reports whether a receive on ctx.done() would not block. */
function isDone(c: context.Context): boolean {
  return c.done()._closed;
}

describe("context String (TestBackground, TestTODO, TestWithCancel, TestValues, ...)", () => {
  it("names every kind of context as Go does", async () => {
    await synctest.run(async () => {
      expect(String(context.background())).toBe("context.Background");
      expect(String(context.todo())).toBe("context.TODO");
      const [c1] = context.withCancel(context.background());
      expect(String(c1)).toBe("context.Background.WithCancel");
      const [cc] = context.withCancelCause(context.todo());
      expect(String(cc)).toBe("context.TODO.WithCancel");
      expect(String(context.withoutCancel(c1))).toBe("context.Background.WithCancel.WithoutCancel");
      await time.sleep(time.Second);
      const [d] = context.withTimeout(context.background(), 1500 * time.Millisecond);
      expect(String(d)).toBe("context.Background.WithDeadline(2000-01-01 00:00:02.5 +0000 UTC [1.5s])");
      const [past] = context.withDeadline(context.background(), time.now().add(-time.Second));
      expect(String(past)).toBe("context.Background.WithDeadline(2000-01-01 00:00:00 +0000 UTC [-1s])");
      // A parent without its own toString prints as its type's name (Go: context_test.otherContext).
      expect(String(context.withCancel(otherContext(c1))[0])).toBe("Object.WithCancel");
    });
  });

  it("prints value contexts with their key and value (TestValues)", () => {
    const k1 = Symbol("k1");
    class Key2 {
      constructor(readonly n: number) {}
      toString() {
        return `key2(${this.n})`;
      }
    }
    const k2 = new Key2(1);
    const k3 = new Key2(3);
    const check = (c: context.Context, v1: unknown, v2: unknown, v3: unknown) =>
      expect([c.value(k1), c.value(k2), c.value(k3)]).toEqual([v1, v2, v3]);
    const c0 = context.background();
    check(c0, undefined, undefined, undefined);
    const c1 = context.withValue(context.background(), k1, "c1k1");
    check(c1, "c1k1", undefined, undefined);
    expect(String(c1)).toBe("context.Background.WithValue(Symbol(k1), c1k1)");
    const c2 = context.withValue(c1, k2, "c2k2");
    check(c2, "c1k1", "c2k2", undefined);
    expect(String(c2)).toBe("context.Background.WithValue(Symbol(k1), c1k1).WithValue(key2(1), c2k2)");
    const c3 = context.withValue(c2, k3, "c3k3");
    check(c3, "c1k1", "c2k2", "c3k3");
    const c4 = context.withValue(c3, k1, null);
    check(c4, null, "c2k2", "c3k3");
    expect(String(c4)).toBe(
      "context.Background.WithValue(Symbol(k1), c1k1).WithValue(key2(1), c2k2).WithValue(key2(3), c3k3).WithValue(Symbol(k1), <nil>)",
    );
    expect(String(context.withValue(c0, "k", 42))).toBe("context.Background.WithValue(k, int)");
    const o1 = otherContext(context.withValue(context.background(), k1, "c1k1"));
    check(o1, "c1k1", undefined, undefined);
    const o2 = context.withValue(o1, k2, "o2k2");
    check(o2, "c1k1", "o2k2", undefined);
    const o3 = otherContext(c4);
    check(o3, null, "c2k2", "c3k3");
    const o4 = context.withValue(o3, k3, null);
    check(o4, null, "c2k2", null);
  });
});

describe("context x_test", () => {
  it("cancel propagates synchronously, through foreign contexts too (TestWithCancel)", async () => {
    await synctest.run(async () => {
      const [c1, cancel] = context.withCancel(context.background());
      const o = otherContext(c1);
      const [c2] = context.withCancel(o);
      const contexts = [c1, o, c2];
      for (const c of contexts) {
        expect(c.done()._isNil).toBe(false);
        expect(c.err()).toBeNull();
        expect(isDone(c)).toBe(false);
      }
      cancel();
      for (const c of contexts) {
        expect(isDone(c)).toBe(true);
        expect(c.err()).toBe(context.Canceled);
      }
    });
  });

  it("deadlines fire, through foreign contexts and in the past (TestDeadline, TestTimeout)", async () => {
    await synctest.run(async () => {
      const testDeadline = async (c: context.Context) => {
        await c.done().recv();
        expect(c.err()).toBe(context.DeadlineExceeded);
      };
      const at = () => time.now().add(shortDuration);
      await testDeadline(context.withDeadline(context.background(), at())[0]);
      await testDeadline(otherContext(context.withDeadline(context.background(), at())[0]));
      const o = otherContext(context.withDeadline(context.background(), at())[0]);
      await testDeadline(context.withDeadline(o, time.now().add(veryLongDuration))[0]);
      await testDeadline(context.withDeadline(context.background(), time.now().add(-shortDuration))[0]);
      await testDeadline(context.withDeadline(context.background(), time.now())[0]);
      const o2 = otherContext(context.withTimeout(context.background(), shortDuration)[0]);
      await testDeadline(context.withTimeout(o2, veryLongDuration)[0]);
    });
  });

  it("cancel of a timeout child of a foreign context is synchronous (TestCanceledTimeout)", async () => {
    await synctest.run(async () => {
      const [c0, cancel0] = context.withTimeout(context.background(), time.Second);
      const [c, cancel] = context.withTimeout(otherContext(c0), veryLongDuration);
      cancel();
      expect(isDone(c)).toBe(true);
      expect(c.err()).toBe(context.Canceled);
      cancel0();
    });
  });

  it("a tree of contexts all end when cancelled in any order (TestSimultaneousCancels)", async () => {
    await synctest.run(async () => {
      const [root, cancel] = context.withCancel(context.background());
      const m = new Map<context.Context, context.CancelFunc>([[root, cancel]]);
      const q = [root];
      while (q.length !== 0 && m.size < 100) {
        const parent = q.shift()!;
        for (let i = 0; i < 4; i++) {
          const [ctx, c] = context.withCancel(parent);
          m.set(ctx, c);
          q.push(ctx);
        }
      }
      const wg = new WaitGroup();
      for (const c of m.values()) wg.go(() => c());
      for (const ctx of m.keys()) await ctx.done().recv();
      await wg.wait();
    });
  });

  it("a child cancelled from a goroutine watching its parent (TestInterlockedCancels)", async () => {
    await synctest.run(async () => {
      const [parent, cancelParent] = context.withCancel(context.background());
      const [child, cancelChild] = context.withCancel(parent);
      go(async () => {
        await parent.done().recv();
        cancelChild();
      });
      cancelParent();
      await child.done().recv();
    });
  });

  for (const testTimeout of [false, true])
    it(`layers of values, cancels and timeouts (TestLayers${testTimeout ? "Timeout" : "Cancel"})`, async () => {
      await synctest.explore(
        async () => {
          let seed = 42;
          const intn = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
          const vals: object[] = [];
          const cancels: context.CancelFunc[] = [];
          let numTimers = 0;
          let ctx = context.background();
          for (let i = 0; i < 30 || numTimers === 0 || cancels.length === 0 || vals.length === 0; i++) {
            const r = intn(3);
            if (r === 0) {
              const v = {};
              ctx = context.withValue(ctx, v, v);
              vals.push(v);
            } else {
              const [c, cancel] =
                r === 1
                  ? context.withCancel(ctx)
                  : context.withTimeout(ctx, testTimeout ? shortDuration : veryLongDuration);
              ctx = c;
              cancels.push(cancel);
              if (r === 2) numTimers++;
            }
          }
          const checkValues = () => {
            for (const key of vals) expect(ctx.value(key)).toBe(key);
          };
          if (!testTimeout) expect(isDone(ctx)).toBe(false);
          expect(String(ctx).startsWith("context.Background.")).toBe(true);
          checkValues();
          if (testTimeout) await ctx.done().recv();
          else {
            cancels[intn(cancels.length)]!();
            expect(isDone(ctx)).toBe(true);
          }
          checkValues();
          for (const c of cancels) c();
        },
        { seeds: 5 },
      );
    });

  it("a child of a parent cancelled with a cause gets the cause (TestWithCancelCanceledParent, ...SimultaneouslyCanceledParent)", async () => {
    await synctest.run(async () => {
      const [parent, pcancel] = context.withCancelCause(context.background());
      const cause = errors.errorf("Because!");
      pcancel(cause);
      const [c] = context.withCancel(parent);
      expect(isDone(c)).toBe(true);
      expect(c.err()).toBe(context.Canceled);
      expect(context.cause(c)).toBe(cause);
      for (let i = 0; i < 20; i++) {
        const [p, pc] = context.withCancelCause(context.background());
        const why = errors.errorf("Because!");
        go(() => pc(why));
        const [child] = context.withCancel(p);
        await child.done().recv();
        expect([child.err(), context.cause(child)]).toEqual([context.Canceled, why]);
      }
    });
  });

  it("withValue checks its key and every constructor its parent (TestWithValueChecksKey, TestInvalidDerivedFail)", async () => {
    const panicValue = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof GoPanic ? e.value : e;
      }
      return "no panic";
    };
    expect(panicValue(() => context.withValue(context.background(), null, "bar"))).toBe("nil key");
    expect(panicValue(() => context.withValue(context.background(), undefined, "bar"))).toBe("nil key");
    const nil = null as unknown as context.Context;
    const msg = "cannot create context from nil parent";
    await synctest.run(() => {
      expect(panicValue(() => context.withCancel(nil))).toBe(msg);
      expect(panicValue(() => context.withCancelCause(nil))).toBe(msg);
      expect(panicValue(() => context.withDeadline(nil, time.now().add(shortDuration)))).toBe(msg);
      expect(panicValue(() => context.withTimeout(nil, shortDuration))).toBe(msg);
    });
    expect(panicValue(() => context.withValue(nil, "foo", "bar"))).toBe(msg);
    expect(panicValue(() => context.withoutCancel(nil))).toBe(msg);
  });

  it("DeadlineExceeded reports timeout() (TestDeadlineExceededSupportsTimeout)", () => {
    const i = context.DeadlineExceeded as Error & { timeout?: () => boolean };
    expect(i.timeout?.()).toBe(true);
  });
});
