// Package "go/x/sync/errgroup": a WaitGroup that collects the first error
// and can cancel a shared Context (golang.org/x/sync/errgroup).
//
//   Go                                        TypeScript
//   g, ctx := errgroup.WithContext(ctx)       const [g, gctx] = errgroup.withContext(ctx)
//   g.SetLimit(3)                             g.setLimit(3)
//   g.Go(func() error { ... })                await g.go(async () => { ...; return null })
//   if err := g.Wait(); err != nil { ... }    const err = await g.wait()
import { GoPanic, isGoPanic } from "../../internal/panic";
import { spawnGoroutine } from "../../internal/scheduler";
import { Chan, makeChan } from "../../internal/chan";
import { WaitGroup } from "../../sync";
import { withCancelCause } from "../../context";
import type { Context, CancelCauseFunc } from "../../context";

/** What a task passed to Group.go may return: an error, or nothing for success. */
export type TaskResult = Error | null | undefined | void;

/**
 * A Group is a collection of goroutines working on subtasks of a common task
 * (Go: errgroup.Group). The zero value (new Group()) has no limit and does
 * not cancel anything on error.
 */
export class Group {
  private wg = new WaitGroup();
  private errVal: Error | null = null;
  private sem: Chan<void> | null = null;
  /** @internal */ cancel: CancelCauseFunc | null = null;

  private done(): void {
    if (this.sem) void this.sem._buf.shift();
    this.wakeSem();
    this.wg.done();
  }

  private wakeSem(): void {
    // A blocked go() waits on a send into sem; shifting the buffer above
    // makes room, so hand the slot to the oldest blocked sender.
    const s = this.sem;
    if (!s) return;
    const w = s._sendq.shift();
    if (w) {
      s._buf.push(undefined);
      w.g.bubble.ready(w.g, undefined);
    }
  }

  private start(fn: () => TaskResult | Promise<TaskResult>, name?: string): void {
    this.wg.add(1);
    spawnGoroutine(async () => {
      try {
        let err: TaskResult;
        try {
          err = await fn();
        } catch (e) {
          if (isGoPanic(e)) throw e;
          err = e instanceof Error ? e : new Error(String(e));
        }
        if (err && this.errVal === null) {
          this.errVal = err;
          if (this.cancel) this.cancel(err);
        }
      } finally {
        this.done();
      }
    }, name);
  }

  /**
   * go calls fn in a new goroutine (Go: g.Go(f)). The first non-null error
   * returned (or thrown) by any fn is kept and, for a group from
   * withContext, cancels the group's context. If a limit is set, go blocks
   * until the new goroutine can start without exceeding it, so always await
   * it. name labels the goroutine in traces.
   */
  async go(fn: () => TaskResult | Promise<TaskResult>, name?: string): Promise<void> {
    if (this.sem) await this.sem.send(undefined);
    this.start(fn, name);
  }

  /**
   * tryGo calls fn in a new goroutine only if that does not exceed the limit,
   * and reports whether it did (Go: g.TryGo(f)).
   */
  tryGo(fn: () => TaskResult | Promise<TaskResult>, name?: string): boolean {
    if (this.sem) {
      if (this.sem._buf.length >= this.sem.cap()) return false;
      this.sem._buf.push(undefined);
    }
    this.start(fn, name);
    return true;
  }

  /**
   * setLimit limits the number of active goroutines in the group to at most
   * n; a negative n means no limit (Go: g.SetLimit(n)). It panics if called
   * while goroutines of the group are active.
   */
  setLimit(n: number): void {
    if (n < 0) {
      this.sem = null;
      return;
    }
    if (this.sem && this.sem.len() !== 0) {
      throw new GoPanic(`errgroup: modify limit while ${this.sem.len()} goroutines in the group are still active`);
    }
    this.sem = makeChan<void>(n);
  }

  /**
   * wait blocks until every goroutine started with go has returned, then
   * returns the first error (or null) (Go: g.Wait()). For a group from
   * withContext it also cancels the context.
   */
  async wait(): Promise<Error | null> {
    await this.wg.wait();
    if (this.cancel) this.cancel(this.errVal);
    return this.errVal;
  }
}

/**
 * withContext returns a new Group and a Context derived from ctx
 * (Go: errgroup.WithContext). The context is cancelled the first time a
 * function passed to go returns an error, or when wait returns, whichever
 * occurs first; context.cause(ctx) is that error.
 */
export function withContext(ctx: Context): [Group, Context] {
  const [c, cancel] = withCancelCause(ctx);
  const g = new Group();
  g.cancel = cancel;
  return [g, c];
}
