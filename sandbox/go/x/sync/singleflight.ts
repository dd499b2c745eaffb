// Package "go/x/sync/singleflight": duplicate call suppression
// (golang.org/x/sync/singleflight).
//
//   Go                                           TypeScript
//   v, err, shared := g.Do(key, func() (any, error) { ... })
//                                                const [v, err, shared] = await g.do(key, async () => ...)
import { makeChan } from "../../internal/chan";
import type { Chan } from "../../internal/chan";
import { isGoPanic } from "../../internal/panic";
import { spawnGoroutine as spawn } from "../../internal/scheduler";

class Call<T> {
  val: T | undefined = undefined;
  err: Error | null = null;
  dups = 0;
  readonly done: Chan<void> = makeChan<void>();
}

/** The result of a singleflight call: [value, error, shared]. */
export type Result<T> = [T | undefined, Error | null, boolean];

/**
 * Group suppresses duplicate work (Go: singleflight.Group): concurrent calls
 * of do with the same key run fn once and all receive its result.
 */
export class Group<T = unknown> {
  private m = new Map<string, Call<T>>();

  /**
   * do runs fn for key, making sure only one execution is in flight for a
   * given key at a time (Go: g.Do(key, fn)). A duplicate caller waits for the
   * original to complete and receives the same result. fn's value is the
   * value; an Error thrown by fn is the error. shared reports whether the
   * result was given to multiple callers.
   */
  async do(key: string, fn: () => T | Promise<T>): Promise<Result<T>> {
    const existing = this.m.get(key);
    if (existing) {
      existing.dups++;
      await existing.done.recvOk();
      return [existing.val, existing.err, true];
    }
    const c = new Call<T>();
    this.m.set(key, c);
    try {
      c.val = await fn();
    } catch (e) {
      if (isGoPanic(e)) throw e;
      c.err = e instanceof Error ? e : new Error(String(e));
    } finally {
      if (this.m.get(key) === c) this.m.delete(key);
      c.done.close();
    }
    return [c.val, c.err, c.dups > 0];
  }

  /**
   * doChan is like do but returns a channel that receives the result when it
   * is ready (Go: g.DoChan). The channel is buffered, so it never blocks fn.
   */
  doChan(key: string, fn: () => T | Promise<T>): Chan<Result<T>> {
    const ch = makeChan<Result<T>>(1);
    spawn(async () => {
      await ch.send(await this.do(key, fn));
    });
    return ch;
  }

  /**
   * forget tells the group to forget key (Go: g.Forget(key)): the next call
   * of do for key runs fn instead of waiting for an earlier call.
   */
  forget(key: string): void {
    this.m.delete(key);
  }
}
