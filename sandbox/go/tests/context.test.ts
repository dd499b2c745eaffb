import { describe, it, expect } from "vitest";
import { go, makeChan, select } from "go";
import * as time from "go/time";
import * as context from "go/context";
import * as synctest from "go/testing/synctest";

describe("context", () => {
  it("background and todo are never done", () => {
    const bg = context.background();
    expect(bg.err()).toBeNull();
    expect(bg.deadline()).toEqual([time.Time.zero(), false]);
    expect(bg.deadline()[0].isZero()).toBe(true);
    expect(bg.value("x")).toBeUndefined();
    expect(context.todo().done()._isNil).toBe(true);
    expect(String(bg)).toBe("context.Background");
  });

  it("withCancel closes done and sets Canceled; cancellation propagates to children", async () => {
    await synctest.run(async () => {
      const [parent, cancel] = context.withCancel(context.background());
      const [child, cancelChild] = context.withCancel(parent);
      const [grandchild] = context.withTimeout(child, time.Hour);
      const [other, cancelOther] = context.withCancel(context.background());
      expect(child.err()).toBeNull();
      let woke = 0;
      go(async () => {
        await grandchild.done().recv();
        woke = synctest.elapsed();
      });
      await time.sleep(10 * time.Millisecond);
      cancel();
      await synctest.wait();
      expect(woke).toBe(10 * time.Millisecond);
      expect(parent.err()).toBe(context.Canceled);
      expect(child.err()).toBe(context.Canceled);
      expect(grandchild.err()).toBe(context.Canceled);
      expect(other.err()).toBeNull();
      cancel();
      cancelChild();
      cancelOther();
      expect(other.err()?.message).toBe("context canceled");
    });
  });

  it("a child of a cancelled parent is cancelled at once", async () => {
    await synctest.run(async () => {
      const [p, cancel] = context.withCancel(context.background());
      cancel();
      const [c, cc] = context.withCancel(p);
      expect(c.err()).toBe(context.Canceled);
      expect(await c.done().recvOk()).toEqual([undefined, false]);
      cc();
    });
  });

  it("withTimeout fires DeadlineExceeded at the virtual deadline", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const [ctx, cancel] = context.withTimeout(context.background(), 3 * time.Second);
      expect(ctx.deadline()).toEqual([start.add(3 * time.Second), true]);
      await ctx.done().recv();
      expect(synctest.elapsed()).toBe(3000 * time.Millisecond);
      expect(ctx.err()).toBe(context.DeadlineExceeded);
      expect(ctx.err()?.message).toBe("context deadline exceeded");
      expect(context.cause(ctx)).toBe(context.DeadlineExceeded);
      cancel();
      expect(ctx.err()).toBe(context.DeadlineExceeded);
    });
  });

  it("a child's deadline never exceeds its parent's", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const [p, cp] = context.withTimeout(context.background(), time.Second);
      const [c, cc] = context.withTimeout(p, time.Minute);
      expect(c.deadline()).toEqual([start.add(time.Second), true]);
      const [c2, cc2] = context.withTimeout(p, 100 * time.Millisecond);
      expect(c2.deadline()).toEqual([start.add(100 * time.Millisecond), true]);
      await c.done().recv();
      expect(synctest.elapsed()).toBe(1000 * time.Millisecond);
      expect(c.err()).toBe(context.DeadlineExceeded);
      expect(c2.err()).toBe(context.DeadlineExceeded);
      cp();
      cc();
      cc2();
    });
  });

  it("cancel stops the deadline timer", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), time.Second);
      cancel();
      expect(ctx.err()).toBe(context.Canceled);
      await time.sleep(2 * time.Second);
      expect(ctx.err()).toBe(context.Canceled);
    });
  });

  it("withDeadline in the past is already done", async () => {
    await synctest.run(async () => {
      await time.sleep(50 * time.Millisecond);
      const [ctx, cancel] = context.withDeadline(context.background(), time.now().add(-40 * time.Millisecond));
      expect(ctx.err()).toBe(context.DeadlineExceeded);
      cancel();
    });
  });

  it("withValue looks values up the chain and keeps cancellation", async () => {
    await synctest.run(async () => {
      const k1 = Symbol("k1");
      const k2 = Symbol("k2");
      const [base, cancel] = context.withCancel(context.background());
      const v1 = context.withValue(base, k1, "one");
      const v2 = context.withValue(v1, k2, "two");
      const [child, cc] = context.withCancel(v2);
      expect(child.value(k1)).toBe("one");
      expect(child.value(k2)).toBe("two");
      expect(child.value("nope")).toBeUndefined();
      cancel();
      expect(v2.err()).toBe(context.Canceled);
      expect(child.err()).toBe(context.Canceled);
      cc();
    });
  });

  it("withCancelCause records the cause", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withCancelCause(context.background());
      expect(context.cause(ctx)).toBeNull();
      const why = new Error("shutting down");
      cancel(why);
      expect(ctx.err()).toBe(context.Canceled);
      expect(context.cause(ctx)).toBe(why);
      const [child, cc] = context.withCancel(ctx);
      expect(context.cause(child)).toBe(why);
      cc();
    });
  });

  it("select on ctx.done() stops a worker", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), 350 * time.Millisecond);
      const ticks = makeChan<number>();
      let n = 0;
      go(async () => {
        for (;;) {
          const stop = await select(
            ctx.done().recvCase(() => true),
            time.after(100 * time.Millisecond).recvCase(() => false),
          );
          if (stop) break;
          n++;
        }
        ticks.close();
      });
      await ticks.recvOk();
      expect(n).toBe(3);
      expect(synctest.elapsed()).toBe(350 * time.Millisecond);
      cancel();
    });
  });

  it("afterFunc runs f in a goroutine when ctx is done; stop prevents it", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      let ran = 0;
      context.afterFunc(ctx, () => void ran++);
      const stop = context.afterFunc(ctx, () => void (ran += 100));
      expect(stop()).toBe(true);
      cancel();
      await synctest.wait();
      expect(ran).toBe(1);
    });
  });

  it("withoutCancel keeps values but not cancellation", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withCancel(context.withValue(context.background(), "k", 1));
      const w = context.withoutCancel(ctx);
      cancel();
      expect(w.err()).toBeNull();
      expect(w.value("k")).toBe(1);
    });
  });

  it("propagates from a custom Context implementation", async () => {
    await synctest.run(async () => {
      const [inner, cancel] = context.withCancel(context.background());
      const custom: context.Context = {
        deadline: () => inner.deadline(),
        done: () => inner.done(),
        err: () => inner.err(),
        value: () => undefined,
      };
      const [child, cc] = context.withCancel(custom);
      cancel();
      await child.done().recv();
      expect(child.err()).toBe(context.Canceled);
      cc();
    });
  });
});
