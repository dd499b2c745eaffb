// Errors and rejections after the last test fail the Run too, as in Node's
// vitest: the runner waits for what learner code left behind before it
// reports. It used to wait 10 ms every Run; it now knows which of the
// learner's timers are pending (setTimeout and setInterval are wrapped before
// learner code runs) and waits only while one of them is due within those
// 10 ms, then one more turn of the event loop, in which the browser reports
// the rejections the last callbacks left.

/** Learner timers due within this many ms after the last test still run before the result. */
export const LATE_ERRORS_MS = 10;

type TimerFn = (handler: unknown, timeout?: unknown, ...args: unknown[]) => unknown;
type ClearFn = (id: unknown) => void;

/** The timer functions of a worker's global scope. */
export interface TimerScope {
  setTimeout: TimerFn;
  setInterval: TimerFn;
  clearTimeout: ClearFn;
  clearInterval: ClearFn;
}

const apply = Reflect.apply;

/**
 * A TimerWatch knows when each timer learner code set is next due. It wraps
 * the scope's timer functions; the wrappers call the originals with the
 * same arguments (the delay converted to a number once, as the browser would).
 */
export class TimerWatch {
  /** Pending learner timers: id to when next due, in `clock` ms. */
  private readonly due = new Map<unknown, number>();

  constructor(private readonly clock: () => number) {}

  /** Replaces the scope's timer functions with watching ones. */
  install(scope: TimerScope): void {
    const { due, clock } = this;
    const { setTimeout: setT, setInterval: setI, clearTimeout: clearT, clearInterval: clearI } = scope;
    const after = (ms: number) => {
      const d = ms | 0;
      return clock() + (d > 0 ? d : 0);
    };
    const wrap = (set: TimerFn, repeat: boolean): TimerFn =>
      function (this: unknown, handler: unknown, timeout?: unknown, ...args: unknown[]) {
        // A string handler is code to evaluate, which the sandbox's CSP refuses: left to the browser.
        if (typeof handler !== "function") return apply(set, scope, [handler, timeout, ...args]);
        const ms = Number(timeout);
        const id: unknown = apply(set, scope, [
          function (this: unknown, ...called: unknown[]) {
            if (repeat) due.set(id, after(ms));
            else due.delete(id);
            return apply(handler, this, called);
          },
          ms,
          ...args,
        ]);
        due.set(id, after(ms));
        return id;
      };
    const unwatch = (clear: ClearFn): ClearFn =>
      function (this: unknown, id: unknown) {
        due.delete(id);
        apply(clear, scope, [id]);
      };
    scope.setTimeout = wrap(setT, false);
    scope.setInterval = wrap(setI, true);
    scope.clearTimeout = unwatch(clearT);
    scope.clearInterval = unwatch(clearI);
  }

  /** When the next learner timer is due (`clock` ms), or Infinity when none is pending. */
  nextDue(): number {
    let next = Infinity;
    for (const when of this.due.values()) if (when < next) next = when;
    return next;
  }

  /**
   * Resolves when no learner timer is due before LATE_ERRORS_MS from now
   * and the event loop has turned once since the last one ran. `sleep` is
   * the runner's own timer, which learner code cannot replace.
   */
  async settle(sleep: (ms: number) => Promise<void>): Promise<void> {
    const deadline = this.clock() + LATE_ERRORS_MS;
    for (;;) {
      await sleep(0);
      const next = this.nextDue();
      const now = this.clock();
      if (next > deadline || now >= deadline) return;
      await sleep(Math.max(0, next - now));
    }
  }
}
