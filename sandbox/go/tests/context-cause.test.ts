// Ported from Go's src/context/x_test.go: causes, custom contexts, AfterFunc.
import { describe, it, expect } from "vitest";
import { go, gosched, makeChan } from "go";
import type { Chan } from "go";
import * as time from "go/time";
import * as context from "go/context";
import * as errors from "go/errors";
import * as synctest from "go/testing/synctest";

const shortDuration = time.Millisecond;

function otherContext(c: context.Context): context.Context {
  return { deadline: () => c.deadline(), done: () => c.done(), err: () => c.err(), value: (k) => c.value(k) };
}

describe("context causes and custom contexts (x_test)", () => {
  it("err and cause of every construction (TestCause)", async () => {
    await synctest.run(() => {
      const forever = 1e6 * time.Second;
      const parentCause = errors.errorf("parentCause");
      const childCause = errors.errorf("childCause");
      const tooSlow = errors.errorf("tooSlow");
      const finishedEarly = errors.errorf("finishedEarly");
      const { Canceled, DeadlineExceeded } = context;
      const bg = context.background;
      const cases: [string, () => context.Context, Error | null, Error | null][] = [
        ["Background", bg, null, null],
        ["TODO", context.todo, null, null],
        ["WithCancel", () => ((c) => (c[1](), c[0]))(context.withCancel(bg())), Canceled, Canceled],
        [
          "WithCancelCause",
          () => ((c) => (c[1](parentCause), c[0]))(context.withCancelCause(bg())),
          Canceled,
          parentCause,
        ],
        ["WithCancelCause nil", () => ((c) => (c[1](null), c[0]))(context.withCancelCause(bg())), Canceled, Canceled],
        ...(
          [
            ["parent cause before child", true, true, "pc", parentCause],
            ["parent cause after child", true, true, "cp", childCause],
            ["parent cause before nil", true, false, "pc", parentCause],
            ["parent cause after nil", true, false, "cp", Canceled],
            ["child cause after nil", false, true, "pc", Canceled],
            ["child cause before nil", false, true, "cp", childCause],
          ] as const
        ).map(([name, parentHasCause, childHasCause, order, want]): [string, () => context.Context, Error, Error] => [
          `WithCancelCause: ${name}`,
          () => {
            const [p, cancelParent] = context.withCancelCause(bg());
            const [c, cancelChild] = context.withCancelCause(p);
            const cp = () => cancelParent(parentHasCause ? parentCause : null);
            const cc = () => cancelChild(childHasCause ? childCause : null);
            const [first, second] = order === "pc" ? [cp, cc] : [cc, cp];
            first();
            second();
            return c;
          },
          Canceled,
          want,
        ]),
        [
          "WithTimeout",
          () => ((c) => (c[1](), c[0]))(context.withTimeout(bg(), 0)),
          DeadlineExceeded,
          DeadlineExceeded,
        ],
        ["WithTimeout canceled", () => ((c) => (c[1](), c[0]))(context.withTimeout(bg(), forever)), Canceled, Canceled],
        [
          "WithTimeoutCause",
          () => ((c) => (c[1](), c[0]))(context.withTimeoutCause(bg(), 0, tooSlow)),
          DeadlineExceeded,
          tooSlow,
        ],
        [
          "WithTimeoutCause canceled",
          () => ((c) => (c[1](), c[0]))(context.withTimeoutCause(bg(), forever, tooSlow)),
          Canceled,
          Canceled,
        ],
        [
          "WithTimeoutCause stacked",
          () => {
            const [p, cancel] = context.withCancelCause(bg());
            const [c] = context.withTimeoutCause(p, 0, tooSlow);
            cancel(finishedEarly);
            return c;
          },
          DeadlineExceeded,
          tooSlow,
        ],
        [
          "WithTimeoutCause stacked canceled",
          () => {
            const [p, cancel] = context.withCancelCause(bg());
            const [c] = context.withTimeoutCause(p, forever, tooSlow);
            cancel(finishedEarly);
            return c;
          },
          Canceled,
          finishedEarly,
        ],
        ["WithoutCancel", () => context.withoutCancel(bg()), null, null],
        [
          "WithoutCancel canceled",
          () => {
            const [c, cancel] = context.withCancelCause(bg());
            cancel(finishedEarly);
            return context.withoutCancel(c);
          },
          null,
          null,
        ],
        [
          "WithoutCancel timeout",
          () => {
            const [c, cancel] = context.withTimeoutCause(bg(), 0, tooSlow);
            cancel();
            return context.withoutCancel(c);
          },
          null,
          null,
        ],
      ];
      for (const [name, make, err, cause] of cases) {
        const ctx = make();
        expect([name, ctx.err(), context.cause(ctx)]).toEqual([name, err, cause]);
      }
    });
  });

  it("polling cause sees the cause once set (TestCauseRace)", async () => {
    await synctest.run(async () => {
      const cause = errors.newError("TestCauseRace");
      const [ctx, cancel] = context.withCancelCause(context.background());
      go(() => cancel(cause));
      while (context.cause(ctx) === null) await gosched();
      expect(context.cause(ctx)).toBe(cause);
    });
  });

  it("a custom done channel with a cancelCtx inside (TestCustomContextPropagation)", async () => {
    await synctest.run(async () => {
      const cause = errors.newError("TestCustomContextPropagation");
      const donec = makeChan<void>();
      const [ctx1, cancel1] = context.withCancelCause(context.background());
      const ctx2: context.Context = { ...otherContext(ctx1), done: () => donec };
      const [ctx3, cancel3] = context.withCancel(ctx2);
      cancel1(cause);
      donec.close();
      await ctx3.done().recv();
      expect(ctx3.err()).toBe(context.Canceled);
      expect(context.cause(ctx3)).toBe(cause);
      cancel3();
    });
  });

  it("cause of and under a custom context (TestCustomContextCause)", async () => {
    await synctest.run(async () => {
      class CustomCauseContext implements context.Context {
        doneCh: Chan<void> = makeChan<void>();
        errVal: Error | null = null;
        cancelChild: context.CancelFunc | null = null;
        deadline(): [time.Time, boolean] {
          return [time.Time.zero(), false];
        }
        done() {
          return this.doneCh;
        }
        err() {
          return this.errVal;
        }
        value() {
          return undefined;
        }
        cancel() {
          this.errVal = context.Canceled;
          this.doneCh.close();
          this.cancelChild?.();
        }
      }
      let ccc = new CustomCauseContext();
      ccc.cancel();
      expect([ccc.err(), context.cause(ccc)]).toEqual([context.Canceled, context.Canceled]);

      ccc = new CustomCauseContext();
      const [ctx, causeFunc] = context.withCancelCause(ccc);
      const cause = errors.newError("TestCustomContextCause");
      causeFunc(cause);
      expect([ctx.err(), context.cause(ctx), ccc.err(), context.cause(ccc)]).toEqual([
        context.Canceled,
        cause,
        null,
        null,
      ]);
      ccc.cancel();
      expect([ctx.err(), context.cause(ctx), ccc.err(), context.cause(ccc)]).toEqual([
        context.Canceled,
        cause,
        context.Canceled,
        context.Canceled,
      ]);

      ccc = new CustomCauseContext();
      const [ctx2, cancelFunc] = context.withCancel(ccc);
      ccc.cancelChild = cancelFunc;
      ccc.cancel();
      expect([ctx2.err(), context.cause(ctx2)]).toEqual([context.Canceled, context.Canceled]);
    });
  });

  it("afterFunc: after cancel, after timeout, at once, not after stop, asynchronously (TestAfterFunc*)", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      const donec = makeChan<void>();
      const stop = context.afterFunc(ctx, () => donec.close());
      await time.sleep(shortDuration);
      expect(donec._closed).toBe(false); // not called before ctx is done
      cancel();
      await donec.recv();
      expect(stop()).toBe(false);

      const [tctx, tcancel] = context.withTimeout(context.background(), shortDuration);
      const tdone = makeChan<void>();
      context.afterFunc(tctx, () => tdone.close());
      await tdone.recv();
      tcancel();

      const [cctx, ccancel] = context.withCancel(context.background());
      ccancel();
      const idone = makeChan<void>();
      context.afterFunc(cctx, () => idone.close());
      await idone.recv();

      const [sctx, scancel] = context.withCancel(context.background());
      let called = false;
      const sstop = context.afterFunc(sctx, () => void (called = true));
      expect(sstop()).toBe(true);
      scancel();
      await time.sleep(shortDuration);
      expect(called).toBe(false);
      expect(sstop()).toBe(false);

      const [actx, acancel] = context.withCancel(context.background());
      const adone = makeChan<void>();
      const astop = context.afterFunc(actx, () => adone.send());
      acancel(); // must not wait for f, which blocks until we receive
      await adone.recv();
      astop();
    });
  });
});
