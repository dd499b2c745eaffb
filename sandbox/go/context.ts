// Package "go/context": cancellation, deadlines and request-scoped values.
//
//   Go                                              TypeScript
//   ctx, cancel := context.WithTimeout(parent, d)    const [ctx, cancel] = context.withTimeout(parent, d)
//   defer cancel()                                   try { ... } finally { cancel() }
//   <-ctx.Done()                                     await ctx.done().recv()
//   case <-ctx.Done(): return ctx.Err()              ctx.done().recvCase(() => ctx.err())
//   errors.Is(err, context.DeadlineExceeded)         err === context.DeadlineExceeded
//
// Deadlines are time.Time values and timeouts time.Durations (integer ns, see
// "go/time"); withTimeout and withDeadline work only inside synctest.run,
// whose virtual clock arms their timers.
import { Chan, makeChan, nilChan, select } from "./internal/chan";
import { requireBubble, spawnGoroutine } from "./internal/scheduler";
import type { TimerEntry, Bubble } from "./internal/scheduler";
import { GoPanic } from "./internal/panic";
import { Time, bubbleOffset, bubbleTime, durationString } from "./internal/timeval";
import type { Duration } from "./internal/timeval";
import { stringify } from "./internal/names";
import { isStringer, typeName } from "./internal/fmt";

/**
 * A Context carries a deadline, a cancellation signal and request-scoped
 * values across API boundaries (Go: context.Context).
 */
export interface Context {
  /**
   * deadline returns the time when work done on behalf of this context
   * should be cancelled, and true; or [zero Time, false] when there is none.
   */
  deadline(): [Time, boolean];
  /**
   * done returns a channel that is closed when this context is cancelled or
   * its deadline passes. For contexts that can never be cancelled it returns a
   * nil channel (receiving blocks forever). Successive calls return the same
   * channel.
   */
  done(): Chan<void>;
  /**
   * err returns null while done is not closed; afterwards Canceled if the
   * context was cancelled or DeadlineExceeded if its deadline passed.
   */
  err(): Error | null;
  /** value returns the value associated with key, or undefined (Go: ctx.Value(key)). */
  value(key: unknown): unknown;
}

/** A CancelFunc cancels its context; calls after the first do nothing. */
export type CancelFunc = () => void;
/** A CancelCauseFunc cancels its context recording cause (returned by cause(ctx)). */
export type CancelCauseFunc = (cause?: Error | null) => void;

/** DeadlineExceededError is the type of DeadlineExceeded; timeout() reports true. */
export class DeadlineExceededError extends Error {
  constructor() {
    super("context deadline exceeded");
    this.name = "DeadlineExceeded";
  }
  /** timeout reports true: this error is a timeout (Go: net.Error's Timeout()). */
  timeout(): boolean {
    return true;
  }
}

/** Canceled is the error returned by Context.err when the context is cancelled ("context canceled"). */
export const Canceled: Error = Object.assign(new Error("context canceled"), { name: "Canceled" });
/** DeadlineExceeded is the error returned by Context.err when the deadline passes ("context deadline exceeded"). */
export const DeadlineExceeded: Error = new DeadlineExceededError();

/** contextName prints a parent context the way Go's String methods do. */
function contextName(c: Context): string {
  return isStringer(c) ? String(c) : typeName(c);
}

/** checkParent panics as Go does when a derived context gets no parent. */
function checkParent(parent: Context | null | undefined): asserts parent is Context {
  if (parent === null || parent === undefined) throw new GoPanic("cannot create context from nil parent");
}

const cancelCtxKey: unique symbol = Symbol("context.cancelCtxKey");

let sharedNil: Chan<void> | null = null;
function neverDone(): Chan<void> {
  return (sharedNil ??= nilChan<void>());
}

class EmptyCtx implements Context {
  constructor(private readonly label: string) {}
  deadline(): [Time, boolean] {
    return [Time.zero(), false];
  }
  done(): Chan<void> {
    return neverDone();
  }
  err(): Error | null {
    return null;
  }
  value(_key: unknown): unknown {
    return undefined;
  }
  toString(): string {
    return this.label;
  }
}

const bg = new EmptyCtx("context.Background");
const td = new EmptyCtx("context.TODO");

/**
 * background returns a non-nil, empty Context: never cancelled, no values,
 * no deadline (Go: context.Background()). Use it at the top of a call tree.
 */
export function background(): Context {
  return bg;
}

/** todo returns an empty Context to use when unsure which one to pass (Go: context.TODO()). */
export function todo(): Context {
  return td;
}

/** Something a cancelCtx cancels along with itself. */
interface Canceler {
  cancel(removeFromParent: boolean, err: Error, cause: Error | null): void;
}

class CancelCtx implements Context, Canceler {
  /** @internal */ doneCh: Chan<void> | null = null;
  /** @internal */ errVal: Error | null = null;
  /** @internal */ causeVal: Error | null = null;
  /** @internal */ children = new Set<Canceler>();
  /** @internal */ parentCancel: CancelCtx | null = null;
  constructor(readonly parent: Context) {}
  deadline(): [Time, boolean] {
    return this.parent.deadline();
  }
  done(): Chan<void> {
    if (!this.doneCh) {
      this.doneCh = makeChan<void>();
      if (this.errVal) this.doneCh.close();
    }
    return this.doneCh;
  }
  err(): Error | null {
    return this.errVal;
  }
  value(key: unknown): unknown {
    if (key === cancelCtxKey) return this;
    return this.parent.value(key);
  }
  cancel(removeFromParent: boolean, err: Error, cause: Error | null): void {
    if (this.errVal) return;
    this.errVal = err;
    this.causeVal = cause ?? err;
    if (this.doneCh) this.doneCh.close();
    const kids = [...this.children];
    this.children.clear();
    for (const c of kids) c.cancel(false, err, this.causeVal);
    if (removeFromParent && this.parentCancel) this.parentCancel.children.delete(this);
  }
  toString(): string {
    return `${contextName(this.parent)}.WithCancel`;
  }
}

class TimerCtx extends CancelCtx {
  /** @internal */ timer: TimerEntry | null = null;
  /** @internal */ bubble: Bubble | null = null;
  constructor(
    parent: Context,
    readonly deadlineAt: Time,
  ) {
    super(parent);
  }
  override deadline(): [Time, boolean] {
    return [this.deadlineAt, true];
  }
  override cancel(removeFromParent: boolean, err: Error, cause: Error | null): void {
    super.cancel(removeFromParent, err, cause);
    if (this.timer && this.bubble) this.bubble.stopTimer(this.timer);
    this.timer = null;
  }
  override toString(): string {
    const left = this.bubble ? this.deadlineAt.sub(bubbleTime(this.bubble.now)) : 0;
    return `${contextName(this.parent)}.WithDeadline(${String(this.deadlineAt)} [${durationString(left)}])`;
  }
}

/** parentCancelCtx returns the runtime cancelCtx governing parent, if any. */
function parentCancelCtx(parent: Context): CancelCtx | null {
  const p = parent.value(cancelCtxKey);
  if (!(p instanceof CancelCtx)) return null;
  // A custom Context wrapping ours but with its own done channel is foreign.
  if (p.errVal === null && parent.done() !== p.done()) return null;
  return p;
}

/** propagateCancel arranges for child to be cancelled when parent is. */
function propagateCancel(parent: Context, child: CancelCtx): void {
  const pdone = parent.done();
  if (pdone._isNil) return; // parent is never cancelled
  const perr = parent.err();
  if (perr) {
    child.cancel(false, perr, cause(parent));
    return;
  }
  const p = parentCancelCtx(parent);
  if (p) {
    if (p.errVal) child.cancel(false, p.errVal, p.causeVal);
    else {
      p.children.add(child);
      child.parentCancel = p;
    }
    return;
  }
  // A Context implemented outside this package: watch it from a goroutine.
  spawnGoroutine(async () => {
    await select(
      pdone.recvCase(() => child.cancel(false, parent.err() ?? Canceled, cause(parent))),
      child.done().recvCase(() => undefined),
    );
  }, "context.propagateCancel");
}

/**
 * withCancel returns a copy of parent with a new done channel, closed when the
 * returned cancel function is called or when parent's done channel is closed,
 * whichever happens first (Go: context.WithCancel). Always call cancel when
 * the work is done, to release resources.
 */
export function withCancel(parent: Context): [Context, CancelFunc] {
  checkParent(parent);
  const c = new CancelCtx(parent);
  propagateCancel(parent, c);
  return [c, () => c.cancel(true, Canceled, null)];
}

/**
 * withCancelCause is like withCancel but its cancel function records a cause,
 * returned by cause(ctx) (Go: context.WithCancelCause). cancel(null) uses
 * Canceled as the cause. err() still returns Canceled.
 */
export function withCancelCause(parent: Context): [Context, CancelCauseFunc] {
  checkParent(parent);
  const c = new CancelCtx(parent);
  propagateCancel(parent, c);
  return [c, (why?: Error | null) => c.cancel(true, Canceled, why ?? null)];
}

/**
 * cause returns why ctx was cancelled (Go: context.Cause): the error given
 * to a CancelCauseFunc, else ctx.err(); null while not cancelled.
 */
export function cause(ctx: Context): Error | null {
  const c = ctx.value(cancelCtxKey);
  if (c instanceof CancelCtx) return c.causeVal;
  return ctx.err();
}

/**
 * withDeadline returns a copy of parent cancelled with DeadlineExceeded at
 * time d, or earlier when parent is cancelled or cancel is
 * called (Go: context.WithDeadline). A child's deadline never exceeds its
 * parent's: if parent's deadline is earlier, the result is like
 * withCancel(parent). Only inside synctest.run.
 */
export function withDeadline(parent: Context, d: Time): [Context, CancelFunc] {
  return withDeadlineCause(parent, d, null);
}

/**
 * withDeadlineCause is like withDeadline but records cause (returned by
 * cause(ctx)) when the deadline passes (Go: context.WithDeadlineCause).
 */
export function withDeadlineCause(parent: Context, d: Time, why: Error | null): [Context, CancelFunc] {
  checkParent(parent);
  const b = requireBubble("context.withDeadline");
  const [cur, ok] = parent.deadline();
  if (ok && cur.before(d)) return withCancel(parent);
  const c = new TimerCtx(parent, d);
  c.bubble = b;
  propagateCancel(parent, c);
  const at = bubbleOffset(d);
  if (at <= b.now) {
    c.cancel(true, DeadlineExceeded, why);
    return [c, () => c.cancel(false, Canceled, null)];
  }
  if (!c.errVal) {
    c.timer = b.addTimer(at, () => c.cancel(true, DeadlineExceeded, why), "context deadline");
  }
  return [c, () => c.cancel(true, Canceled, null)];
}

/**
 * withTimeout returns withDeadline(parent, now() + timeout)
 * (Go: context.WithTimeout). Cancel it as soon as the work is done.
 */
export function withTimeout(parent: Context, timeout: Duration): [Context, CancelFunc] {
  const b = requireBubble("context.withTimeout");
  return withDeadline(parent, bubbleTime(b.now).add(timeout));
}

/** withTimeoutCause is like withTimeout but records cause on timeout (Go: context.WithTimeoutCause). */
export function withTimeoutCause(parent: Context, timeout: Duration, why: Error | null): [Context, CancelFunc] {
  const b = requireBubble("context.withTimeoutCause");
  return withDeadlineCause(parent, bubbleTime(b.now).add(timeout), why);
}

class ValueCtx implements Context {
  constructor(
    readonly parent: Context,
    readonly key: unknown,
    readonly val: unknown,
  ) {}
  deadline(): [Time, boolean] {
    return this.parent.deadline();
  }
  done(): Chan<void> {
    return this.parent.done();
  }
  err(): Error | null {
    return this.parent.err();
  }
  value(key: unknown): unknown {
    return key === this.key ? this.val : this.parent.value(key);
  }
  toString(): string {
    return `${contextName(this.parent)}.WithValue(${stringify(this.key)}, ${stringify(this.val)})`;
  }
}

/**
 * withValue returns a copy of parent in which value(key) returns val
 * (Go: context.WithValue). Keys are compared with ===; use a unique symbol
 * or object per package to avoid collisions. Panics with "cannot create
 * context from nil parent" or "nil key" (undefined counts as nil).
 */
export function withValue(parent: Context, key: unknown, val: unknown): Context {
  checkParent(parent);
  if (key === null || key === undefined) throw new GoPanic("nil key");
  return new ValueCtx(parent, key, val);
}

class WithoutCancelCtx implements Context {
  constructor(readonly parent: Context) {}
  deadline(): [Time, boolean] {
    return [Time.zero(), false];
  }
  done(): Chan<void> {
    return neverDone();
  }
  err(): Error | null {
    return null;
  }
  value(key: unknown): unknown {
    if (key === cancelCtxKey) return undefined;
    return this.parent.value(key);
  }
  toString(): string {
    return `${contextName(this.parent)}.WithoutCancel`;
  }
}

/**
 * withoutCancel returns a copy of parent that keeps its values but is never
 * cancelled and has no deadline (Go: context.WithoutCancel).
 */
export function withoutCancel(parent: Context): Context {
  checkParent(parent);
  return new WithoutCancelCtx(parent);
}

/**
 * afterFunc arranges to call f in its own goroutine after ctx is done
 * (Go: context.AfterFunc). If ctx is already done, f starts at once. The
 * returned stop function stops the association; it returns true if it
 * stopped f from being run.
 */
export function afterFunc(ctx: Context, f: () => unknown): () => boolean {
  let state: "armed" | "ran" | "stopped" = "armed";
  const run = () => {
    if (state !== "armed") return;
    state = "ran";
    spawnGoroutine(f, "context.AfterFunc");
  };
  const canceler: Canceler = { cancel: () => run() };
  const p = parentCancelCtx(ctx);
  if (ctx.err()) run();
  else if (p) p.children.add(canceler);
  else if (!ctx.done()._isNil) {
    const [stopCtx, stopWatch] = withCancel(background());
    spawnGoroutine(async () => {
      await select(
        ctx.done().recvCase(() => run()),
        stopCtx.done().recvCase(() => undefined),
      );
    }, "context.AfterFunc watcher");
    return () => {
      const was = state === "armed";
      if (was) state = "stopped";
      stopWatch();
      return was;
    };
  }
  return () => {
    const was = state === "armed";
    if (was) state = "stopped";
    if (p) p.children.delete(canceler);
    return was;
  };
}

/** isContextError reports whether err is Canceled or DeadlineExceeded. */
export function isContextError(err: unknown): boolean {
  return err === Canceled || err === DeadlineExceeded;
}
