// Ported from golang.org/x/sync/errgroup/errgroup_test.go.
import { describe, it, expect } from "vitest";
import { go, makeChan } from "go";
import * as time from "go/time";
import * as context from "go/context";
import * as errors from "go/errors";
import * as errgroup from "go/x/sync/errgroup";
import * as synctest from "go/testing/synctest";

const err1 = errors.newError("errgroup_test: 1");
const err2 = errors.newError("errgroup_test: 2");
const errDoom = errors.newError("group_test: doomed");

describe("errgroup.Group", () => {
  it("a zero group keeps the first error (TestZeroGroup)", async () => {
    await synctest.run(async () => {
      for (const errs of [[], [null], [err1], [err1, null], [err1, null, err2]]) {
        const g = new errgroup.Group();
        let firstErr: Error | null = null;
        for (const err of errs) {
          await g.go(() => err);
          if (firstErr === null && err !== null) firstErr = err;
          expect(await g.wait()).toBe(firstErr);
        }
      }
    });
  });

  const cases: [(Error | null)[], Error | null][] = [
    [[], null],
    [[null], null],
    [[errDoom], errDoom],
    [[errDoom, null], errDoom],
  ];

  it("withContext: wait returns the first error and cancels ctx (TestWithContext)", async () => {
    await synctest.run(async () => {
      for (const [errs, want] of cases) {
        const [g, ctx] = errgroup.withContext(context.background());
        for (const err of errs) await g.go(() => err);
        expect(await g.wait()).toBe(want);
        expect(ctx.done()._closed).toBe(true);
      }
    });
  });

  it("tryGo respects the limit, including 0 (TestTryGo)", async () => {
    await synctest.run(async () => {
      const g = new errgroup.Group();
      const n = 42;
      g.setLimit(n);
      const ch = makeChan<void>();
      const fn = async () => {
        await ch.send();
        return null;
      };
      for (let i = 0; i < n; i++) expect(g.tryGo(fn)).toBe(true);
      expect(g.tryGo(fn)).toBe(false);
      go(async () => {
        for (let i = 0; i < n; i++) await ch.recv();
      });
      await g.wait();
      expect(g.tryGo(fn)).toBe(true);
      go(() => ch.recv());
      await g.wait();
      g.setLimit(1); // switch limit
      expect(g.tryGo(fn)).toBe(true);
      expect(g.tryGo(fn)).toBe(false);
      go(() => ch.recv());
      await g.wait();
      g.setLimit(0); // block all calls
      for (let i = 0; i < 1 << 10; i++) expect(g.tryGo(fn)).toBe(false);
      await g.wait();
    });
  });

  it("go never exceeds the limit (TestGoLimit)", async () => {
    await synctest.run(async () => {
      const limit = 10;
      const g = new errgroup.Group();
      g.setLimit(limit);
      let active = 0;
      for (let i = 0; i <= 1 << 8; i++) {
        await g.go(async () => {
          const n = ++active;
          if (n > limit) return errors.errorf("saw %d active goroutines; want ≤ %d", n, limit);
          await time.sleep(time.Microsecond); // give other goroutines a chance to increment active
          active--;
          return null;
        });
      }
      expect(await g.wait()).toBeNull();
    });
  });

  it("the context's cause is the first error, else Canceled (TestCancelCause)", async () => {
    await synctest.run(async () => {
      for (const [errs, want] of cases) {
        const [g, ctx] = errgroup.withContext(context.background());
        for (const err of errs) g.tryGo(() => err);
        expect(await g.wait()).toBe(want);
        expect(context.cause(ctx)).toBe(want ?? context.Canceled);
      }
    });
  });

  it("setLimit panics while goroutines are active", async () => {
    await synctest.run(async () => {
      const g = new errgroup.Group();
      g.setLimit(2);
      await g.go(() => time.sleep(time.Millisecond).then(() => null));
      expect(() => g.setLimit(3)).toThrow("errgroup: modify limit while 1 goroutines in the group are still active");
      await g.wait();
    });
  });
});
