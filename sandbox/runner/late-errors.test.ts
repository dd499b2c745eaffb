import { describe, expect, it } from "vitest";
import { LATE_ERRORS_MS, TimerWatch, type TimerScope } from "./late-errors";

/** A scope whose timers only record what they were asked, and a clock the test moves. */
function fakeScope() {
  let nextId = 1;
  const fns = new Map<number, () => void>();
  const cleared: unknown[] = [];
  const scope: TimerScope = {
    setTimeout: (handler, _ms, ...args) => {
      const id = nextId++;
      fns.set(id, () => (handler as (...a: unknown[]) => void)(...args));
      return id;
    },
    setInterval: (handler) => {
      const id = nextId++;
      fns.set(id, handler as () => void);
      return id;
    },
    clearTimeout: (id) => void cleared.push(id),
    clearInterval: (id) => void cleared.push(id),
  };
  return { scope, fire: (id: number) => fns.get(id)!(), cleared };
}

describe("TimerWatch", () => {
  it("knows when each learner timer is next due, until it fires or is cleared", () => {
    let now = 100;
    const watch = new TimerWatch(() => now);
    const { scope, fire, cleared } = fakeScope();
    watch.install(scope);
    expect(watch.nextDue()).toBe(Infinity);
    const seen: unknown[] = [];
    const a = scope.setTimeout((x: unknown) => seen.push(x), 5, "a") as number;
    const b = scope.setTimeout(() => {}, "20") as number;
    const c = scope.setInterval(() => {}, -3) as number;
    expect(watch.nextDue(), "a negative delay is 0").toBe(100);
    scope.clearInterval(c);
    expect(cleared).toEqual([c]);
    expect(watch.nextDue()).toBe(105);
    now = 106;
    fire(a);
    expect(seen, "the handler gets its arguments").toEqual(["a"]);
    expect(watch.nextDue(), "a string delay counts as a number").toBe(120);
    scope.clearTimeout(b);
    expect(watch.nextDue()).toBe(Infinity);
  });

  it("an interval is due again a period after each tick", () => {
    let now = 0;
    const watch = new TimerWatch(() => now);
    const { scope, fire } = fakeScope();
    watch.install(scope);
    const id = scope.setInterval(() => {}, 4) as number;
    now = 4;
    fire(id);
    expect(watch.nextDue()).toBe(8);
  });

  it("a timer whose handler throws is no longer pending", () => {
    const watch = new TimerWatch(() => 0);
    const { scope, fire } = fakeScope();
    watch.install(scope);
    const id = scope.setTimeout(() => {
      throw new Error("late");
    }, 1) as number;
    expect(() => fire(id)).toThrow("late");
    expect(watch.nextDue()).toBe(Infinity);
  });

  it("settle waits for a timer due within the window, not for one after it", async () => {
    const watch = new TimerWatch(() => performance.now());
    const scope = globalThis as unknown as TimerScope;
    const saved = { ...scope, setTimeout, setInterval, clearTimeout, clearInterval };
    const sleep = (ms: number) => new Promise<void>((resolve) => saved.setTimeout(resolve, ms));
    watch.install(scope);
    try {
      let fired = false;
      scope.setTimeout(() => (fired = true), LATE_ERRORS_MS - 4);
      const later = scope.setTimeout(() => {}, 10_000);
      await watch.settle(sleep);
      expect(fired).toBe(true);
      scope.clearTimeout(later);
    } finally {
      Object.assign(scope, {
        setTimeout: saved.setTimeout,
        setInterval: saved.setInterval,
        clearTimeout: saved.clearTimeout,
        clearInterval: saved.clearInterval,
      });
    }
  });
});
