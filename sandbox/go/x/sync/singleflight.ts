// Package "go/x/sync/singleflight": duplicate call suppression
// (golang.org/x/sync/singleflight).
//
//   Go                                           TypeScript
//   v, err, shared := g.Do(key, func() (any, error) { ... })
//                                                const [v, err, shared] = await g.do(key, async () => ...)
//   ch := g.DoChan(key, fn); r := <-ch           const r = await g.doChan(key, fn).recv()
import { makeChan, nilChan, trySendInternal } from "../../internal/chan";
import type { Chan } from "../../internal/chan";
import { GoPanic, isGoPanic, panicText } from "../../internal/panic";
import { currentG, requireBubble, spawnGoroutine } from "../../internal/scheduler";

/**
 * PanicError is the value every caller of a call whose fn panicked panics
 * with (Go: singleflight's unexported *panicError): message is the panic
 * value's text, value the original panic value, stack where it panicked,
 * and unwrap() the value when it is an error.
 */
class PanicError extends Error {
  constructor(
    readonly value: unknown,
    stack: string | undefined,
  ) {
    super(panicText(value));
    this.name = "PanicError";
    if (stack !== undefined) this.stack = stack;
  }
  /** unwrap returns the panic value if it is an error (Go: Unwrap). */
  unwrap(): Error | null {
    return this.value instanceof Error ? this.value : null;
  }
}

class Call<T> {
  val: T | undefined = undefined;
  err: Error | null = null;
  panicked: PanicError | null = null;
  dups = 0;
  readonly chans: Chan<Result<T>>[] = [];
  readonly done: Chan<void> = makeChan<void>();
}

/** The result of a singleflight call: [value, error, shared] (Go: singleflight.Result). */
export type Result<T> = [T | undefined, Error | null, boolean];

/**
 * Group suppresses duplicate work (Go: singleflight.Group): concurrent calls
 * of do or doChan with the same key run fn once and all receive its result.
 */
export class Group<T = unknown> {
  private m = new Map<string, Call<T>>();

  /**
   * do runs fn for key, making sure only one execution is in flight for a
   * given key at a time (Go: g.Do(key, fn)). A duplicate caller waits for the
   * original to complete and receives the same result. fn's value is the
   * value; an Error thrown by fn is the error. shared reports whether the
   * result was given to multiple callers. If fn panics, every caller of do
   * panics with the same value (a PanicError wrapping fn's panic).
   */
  async do(key: string, fn: () => T | Promise<T>): Promise<Result<T>> {
    const existing = this.m.get(key);
    if (existing) {
      existing.dups++;
      await existing.done.recvOk();
      if (existing.panicked) throw new GoPanic(existing.panicked);
      return [existing.val, existing.err, true];
    }
    const c = new Call<T>();
    this.m.set(key, c);
    await this.doCall(c, key, fn);
    return [c.val, c.err, c.dups > 0];
  }

  /**
   * doChan is like do but returns at once a channel that receives the result
   * when it is ready (Go: g.DoChan). The key is registered before doChan
   * returns, so a do or doChan for the same key right after joins this
   * call. The channel is buffered and never closed. If fn panics, the panic
   * cannot be recovered: as in Go, it crashes the program (here the bubble)
   * from a new goroutine, since callers waiting on channels would otherwise
   * block forever.
   */
  doChan(key: string, fn: () => T | Promise<T>): Chan<Result<T>> {
    requireBubble("singleflight.doChan");
    const ch = makeChan<Result<T>>(1);
    const existing = this.m.get(key);
    if (existing) {
      existing.dups++;
      existing.chans.push(ch);
      return ch;
    }
    const c = new Call<T>();
    c.chans.push(ch);
    this.m.set(key, c);
    spawnGoroutine(() => this.doCall(c, key, fn), "singleflight.doChan");
    return ch;
  }

  /** doCall runs fn for c and hands the result (or the panic) to every waiter. */
  private async doCall(c: Call<T>, key: string, fn: () => T | Promise<T>): Promise<void> {
    try {
      c.val = await fn();
    } catch (e) {
      if (isGoPanic(e)) {
        if (e.fatal) throw e;
        c.panicked = new PanicError(e.value, e.stack);
      } else {
        c.err = e instanceof Error ? e : new Error(String(e));
      }
    }
    c.done.close();
    if (this.m.get(key) === c) this.m.delete(key);
    if (c.panicked) {
      const p = c.panicked;
      if (c.chans.length > 0) {
        // Go: `go panic(e)` then block forever, so nobody can recover it.
        spawnGoroutine(() => {
          throw new GoPanic(p);
        }, "singleflight panic");
        await nilChan<void>().recv();
      }
      throw new GoPanic(p);
    }
    // Buffered with room for exactly this send: it never blocks (Go: ch <- r).
    const b = requireBubble("singleflight");
    const gid = currentG()?.id ?? 0;
    for (const ch of c.chans) trySendInternal(ch, b, gid, [c.val, c.err, c.dups > 0] as Result<T>);
  }

  /**
   * forget tells the group to forget key (Go: g.Forget(key)): the next call
   * of do for key runs fn instead of waiting for an earlier call.
   */
  forget(key: string): void {
    this.m.delete(key);
  }
}
