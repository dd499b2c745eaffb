// Channels and select.
import type { Bubble, G } from "./scheduler";
import { activeBubble, currentG, requireBubble } from "./scheduler";
import { GoPanic } from "./panic";

/**
 * FIFO queue with O(1) shift. Its array is reused: a queue that empties
 * starts again at the front, and one that keeps a backlog is compacted in
 * place, so a channel used one value at a time allocates nothing.
 */
export class Queue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;
  private tail = 0;
  get length(): number {
    return this.tail - this.head;
  }
  push(v: T): void {
    if (this.tail === this.items.length) this.items.push(v);
    else this.items[this.tail] = v;
    this.tail++;
  }
  peek(): T | undefined {
    return this.head < this.tail ? this.items[this.head] : undefined;
  }
  shift(): T | undefined {
    if (this.head === this.tail) return undefined;
    const v = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.tail) this.head = this.tail = 0;
    else if (this.head > 64 && this.head * 2 > this.tail) {
      const n = this.tail - this.head;
      this.items.copyWithin(0, this.head, this.tail);
      this.items.fill(undefined, n, this.tail);
      this.head = 0;
      this.tail = n;
    }
    return v;
  }
  remove(v: T): void {
    const i = this.items.indexOf(v, this.head);
    if (i < 0 || i >= this.tail) return;
    this.items.copyWithin(i, i + 1, this.tail);
    this.items[--this.tail] = undefined;
    if (this.head === this.tail) this.head = this.tail = 0;
  }
  clear(): void {
    // A large array is dropped; a small one is kept for reuse.
    if (this.items.length > 64) this.items = [];
    else this.items.fill(undefined, this.head, this.tail);
    this.head = this.tail = 0;
  }
  /** drain removes and returns every item. */
  drain(): T[] {
    const out = this.items.slice(this.head, this.tail) as T[];
    this.clear();
    return out;
  }
}

/** Shared state of one blocked select. */
class SelectState {
  done = false;
  readonly entries: Array<[Chan<unknown>, Waiter]> = [];
}

const RECV = 0;
const RECV_OK = 1;
const SEND = 2;

/** A goroutine blocked on a channel (directly or through a select case). */
export interface Waiter {
  g: G;
  mode: number;
  sel: SelectState | null;
  idx: number;
  value: unknown;
}

/**
 * waiterOf returns g's waiter for a channel operation outside select. A
 * goroutine blocks on one such operation at a time, and its waiter leaves
 * the channel's queue before g resumes, so one object per goroutine serves
 * all of them.
 */
function waiterOf(g: G, mode: number, value: unknown): Waiter {
  const w = g.chanWaiter;
  if (w === null) return (g.chanWaiter = { g, mode, sel: null, idx: 0, value });
  w.mode = mode;
  w.value = value;
  return w;
}

/** Result a blocked select resumes with. */
interface SelResult {
  idx: number;
  value: unknown;
  ok: boolean;
}

let globalChanIds = 0;

/**
 * Chan is a Go channel carrying values of type T. Create one with
 * makeChan<T>(cap); nilChan<T>() gives a nil channel.
 */
export class Chan<T> {
  /** Channel id shown in traces. */
  readonly id: number;
  /** @internal */ readonly _cap: number;
  /** @internal */ readonly _isNil: boolean;
  /** @internal */ readonly _buf = new Queue<T>();
  /** @internal */ readonly _recvq = new Queue<Waiter>();
  /** @internal */ readonly _sendq = new Queue<Waiter>();
  /** @internal */ _closed = false;
  /**
   * @internal A timer channel (Go 1.23+): it reports len and cap 0, while
   * its one-slot buffer holds a fired value until someone receives it or
   * Stop/Reset discards it.
   */
  _timer = false;
  /** @internal Called when a buffered value is received (tickers re-arm). */
  _onTake: (() => void) | null = null;

  /** Use makeChan<T>(cap) instead. */
  constructor(cap = 0, isNil = false) {
    if (!Number.isInteger(cap) || cap < 0) throw new GoPanic("makechan: size out of range");
    this._cap = cap;
    this._isNil = isNil;
    const b = activeBubble();
    this.id = b ? b.newChanId() : ++globalChanIds;
  }

  /**
   * send sends v on the channel (Go: ch <- v). On an unbuffered channel it
   * completes only when a receiver has taken v; on a buffered channel it
   * blocks while the buffer is full. Blocked senders are served in arrival
   * order. Panics with "send on closed channel" if the channel is closed
   * (also when it is closed while send is blocked). On a nil channel it blocks
   * forever.
   */
  send(v: T): Promise<void> {
    const b = requireBubble("chan send");
    const g = b.caller("chan send");
    if (this._isNil) return b.park<void>(g, "nil chan");
    if (trySend(this, b, g, v)) return b.yield<void>(g);
    const w = waiterOf(g, SEND, v);
    this._sendq.push(w);
    return b.park<void>(g, "chan send", this.id);
  }

  /**
   * recv receives a value (Go: v := <-ch). It blocks until a value is
   * available. Once the channel is closed and drained it returns undefined at
   * once; use recvOk to tell a zero value from a closed channel. On a nil
   * channel it blocks forever.
   */
  recv(): Promise<T | undefined> {
    const b = requireBubble("chan receive");
    const g = b.caller("chan receive");
    if (this._isNil) return b.park(g, "nil chan");
    const r = tryRecv(this, b, g);
    if (r !== null) return b.yield(g, r[0]);
    const w = waiterOf(g, RECV, undefined);
    this._recvq.push(w);
    return b.park(g, "chan receive", this.id);
  }

  /**
   * recvOk receives like recv and also reports whether the value came from a
   * send (Go: v, ok := <-ch). ok is false only when the channel is closed and
   * drained, in which case v is undefined.
   */
  recvOk(): Promise<[T | undefined, boolean]> {
    const b = requireBubble("chan receive");
    const g = b.caller("chan receive");
    if (this._isNil) return b.park(g, "nil chan");
    const r = tryRecv(this, b, g);
    if (r !== null) return b.yield(g, r);
    const w = waiterOf(g, RECV_OK, undefined);
    this._recvq.push(w);
    return b.park(g, "chan receive", this.id);
  }

  /**
   * close closes the channel (Go: close(ch)). Buffered values can still be
   * received; then receives return (undefined, false). Blocked receivers wake
   * with (undefined, false); blocked senders panic. Panics with "close of
   * closed channel" or "close of nil channel".
   */
  close(): void {
    if (this._isNil) throw new GoPanic("close of nil channel");
    if (this._closed) throw new GoPanic("close of closed channel");
    this._closed = true;
    const b = activeBubble();
    if (b) {
      const g = currentG();
      b.event(g && g.bubble === b ? g.id : 0, "close", this.id);
    }
    for (const w of this._recvq.drain()) {
      if (w.sel && w.sel.done) continue;
      completeRecv(w, undefined, false);
    }
    for (const w of this._sendq.drain()) {
      if (w.sel && w.sel.done) continue;
      if (w.sel) finishSelect(w.sel);
      w.g.bubble.readyThrow(w.g, new GoPanic("send on closed channel"));
    }
  }

  /** len returns the number of values buffered in the channel (Go: len(ch)). */
  len(): number {
    return this._timer ? 0 : this._buf.length;
  }

  /** cap returns the channel's buffer capacity (Go: cap(ch)). */
  cap(): number {
    return this._timer ? 0 : this._cap;
  }

  /**
   * recvCase builds a select case that receives from the channel
   * (Go: case v, ok := <-ch:). When chosen, fn(v, ok) runs and its result
   * becomes select's result.
   */
  recvCase<R>(fn: (v: T | undefined, ok: boolean) => R): SelectCase<R> {
    return { kind: "recv", ch: this as Chan<unknown>, value: undefined, fn: fn as (v: unknown, ok: boolean) => R };
  }

  /**
   * sendCase builds a select case that sends v on the channel
   * (Go: case ch <- v:). When chosen, fn() runs and its result becomes
   * select's result. Choosing it on a closed channel panics.
   */
  sendCase<R>(v: T, fn: () => R): SelectCase<R> {
    return { kind: "send", ch: this as Chan<unknown>, value: v, fn: fn as (v: unknown, ok: boolean) => R };
  }

  /**
   * Ranging over a channel (Go: for v := range ch) receives values until the
   * channel is closed and drained: `for await (const v of ch) { ... }`.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: async (): Promise<IteratorResult<T>> => {
        const [v, ok] = await this.recvOk();
        return ok ? { value: v as T, done: false } : { value: undefined, done: true };
      },
    };
  }

  /** String form used in messages: "chan#3". */
  toString(): string {
    return this._isNil ? "chan(nil)" : `chan#${this.id}`;
  }
}

/** A receive-only view of a channel (Go: <-chan T). */
export type RecvChan<T> = Pick<Chan<T>, "recv" | "recvOk" | "recvCase" | "len" | "cap" | typeof Symbol.asyncIterator>;
/** A send-only view of a channel (Go: chan<- T). */
export type SendChan<T> = Pick<Chan<T>, "send" | "sendCase" | "close" | "len" | "cap">;

/** A case of select(), built by ch.recvCase, ch.sendCase or defaultCase. */
export interface SelectCase<R> {
  readonly kind: "recv" | "send" | "default";
  readonly ch: Chan<unknown> | null;
  readonly value: unknown;
  readonly fn: (v: unknown, ok: boolean) => R;
}

/**
 * defaultCase builds select's default case (Go: default:): it runs fn when no
 * other case is ready, so select does not block.
 */
export function defaultCase<R>(fn: () => R): SelectCase<R> {
  return { kind: "default", ch: null, value: undefined, fn: fn as (v: unknown, ok: boolean) => R };
}

function finishSelect(sel: SelectState): void {
  sel.done = true;
  for (const [ch, w] of sel.entries) {
    if (w.mode === SEND) ch._sendq.remove(w);
    else ch._recvq.remove(w);
  }
}

/** completeRecv hands (v, ok) to a blocked receiver. */
function completeRecv(w: Waiter, v: unknown, ok: boolean): void {
  const b = w.g.bubble;
  if (w.sel) {
    finishSelect(w.sel);
    const r: SelResult = { idx: w.idx, value: v, ok };
    b.ready(w.g, r);
  } else if (w.mode === RECV_OK) b.ready(w.g, [v, ok]);
  else b.ready(w.g, v);
}

/** completeSend tells a blocked sender its value was taken. */
function completeSend(w: Waiter): void {
  const b = w.g.bubble;
  if (w.sel) {
    finishSelect(w.sel);
    const r: SelResult = { idx: w.idx, value: undefined, ok: true };
    b.ready(w.g, r);
  } else {
    w.value = undefined; // the goroutine's reused waiter must not keep the value alive
    b.ready(w.g, undefined);
  }
}

function liveWaiter(q: Queue<Waiter>): Waiter | undefined {
  for (;;) {
    const w = q.shift();
    if (!w) return undefined;
    if (w.sel && w.sel.done) continue;
    return w;
  }
}

/** trySend performs a send that does not need to block; false if it would block. */
function trySend<T>(ch: Chan<T>, b: Bubble, g: G, v: T): boolean {
  if (ch._closed) throw new GoPanic("send on closed channel");
  const r = liveWaiter(ch._recvq);
  if (r) {
    if (!b.traceFull) {
      b.event(g.id, "send", ch.id, r.g.id, v);
      b.event(r.g.id, "recv", ch.id, g.id, v);
    }
    completeRecv(r, v, true);
    return true;
  }
  if (ch._buf.length < ch._cap) {
    ch._buf.push(v);
    if (!b.traceFull) b.event(g.id, "send", ch.id, 0, v);
    return true;
  }
  return false;
}

/** tryRecv performs a receive that does not need to block; null if it would block. */
function tryRecv<T>(ch: Chan<T>, b: Bubble, g: G): [T | undefined, boolean] | null {
  if (ch._buf.length > 0) {
    const v = ch._buf.shift() as T;
    if (!b.traceFull) b.event(g.id, "recv", ch.id, 0, v);
    if (ch._onTake) ch._onTake();
    const s = liveWaiter(ch._sendq);
    if (s) {
      ch._buf.push(s.value as T);
      if (!b.traceFull) b.event(s.g.id, "send", ch.id, 0, s.value);
      completeSend(s);
    }
    return [v, true];
  }
  const s = liveWaiter(ch._sendq);
  if (s) {
    const v = s.value as T;
    if (!b.traceFull) {
      b.event(s.g.id, "send", ch.id, g.id, v);
      b.event(g.id, "recv", ch.id, s.g.id, v);
    }
    completeSend(s);
    return [v, true];
  }
  if (ch._closed) return [undefined, false];
  return null;
}

function hasLive(q: Queue<Waiter>): boolean {
  for (;;) {
    const w = q.peek();
    if (!w) return false;
    if (w.sel && w.sel.done) {
      q.shift();
      continue;
    }
    return true;
  }
}

/** The result type of a select over cases C. */
export type SelectResult<C> = C extends SelectCase<infer R> ? Awaited<R> : never;

/**
 * select waits until one of its cases can proceed and runs that case
 * (Go: select { ... }). If several are ready it picks one uniformly at random
 * (seeded: reproducible per synctest seed). If none is ready it runs the
 * defaultCase when there is one, otherwise blocks until exactly one case
 * proceeds; cases not chosen have no effect. Nil-channel cases are never
 * ready; select() with no cases blocks forever. Resolves to the chosen case
 * callback's result (awaited if it is a promise).
 */
export function select<C extends readonly SelectCase<unknown>[]>(...cases: C): Promise<SelectResult<C[number]>> {
  return selectImpl(cases, "select") as Promise<SelectResult<C[number]>>;
}

/** selectImpl is select with a custom block kind (used by semaphores, context helpers). */
export function selectImpl(cases: readonly SelectCase<unknown>[], kind: "select" | "semaphore"): Promise<unknown> {
  const b = requireBubble("select");
  const g = b.caller("select");
  let dflt: SelectCase<unknown> | null = null;
  const ready: number[] = [];
  let live = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    if (c.kind === "default") {
      if (dflt) throw new Error("select: multiple defaults");
      dflt = c;
      continue;
    }
    const ch = c.ch!;
    if (ch._isNil) continue;
    live++;
    if (c.kind === "recv") {
      if (ch._buf.length > 0 || ch._closed || hasLive(ch._sendq)) ready.push(i);
    } else if (ch._closed || hasLive(ch._recvq) || ch._buf.length < ch._cap) ready.push(i);
  }
  if (ready.length > 0) {
    const i = ready.length === 1 ? ready[0]! : ready[Math.floor(b.rand() * ready.length)]!;
    const c = cases[i]!;
    if (c.kind === "recv") {
      const r = tryRecv(c.ch!, b, g)!;
      return b.yield<void>(g).then(() => c.fn(r[0], r[1]));
    }
    trySend(c.ch!, b, g, c.value);
    return b.yield<void>(g).then(() => c.fn(undefined, true));
  }
  if (dflt) {
    const d = dflt;
    return b.yield<void>(g).then(() => d.fn(undefined, false));
  }
  if (live === 0) return b.park(g, cases.length === 0 ? "select (no cases)" : kind);
  const sel = new SelectState();
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    if (c.kind === "default" || c.ch!._isNil) continue;
    const ch = c.ch!;
    const w: Waiter = { g, mode: c.kind === "send" ? SEND : RECV, sel, idx: i, value: c.value };
    sel.entries.push([ch, w]);
    if (c.kind === "send") ch._sendq.push(w);
    else ch._recvq.push(w);
  }
  return b.park<SelResult>(g, kind).then((r) => cases[r.idx]!.fn(r.value, r.ok));
}

/**
 * trySendInternal delivers v without blocking (used by timers and tickers):
 * it returns false when nobody can take it. It never panics.
 */
export function trySendInternal<T>(ch: Chan<T>, b: Bubble, gid: number, v: T): boolean {
  if (ch._closed || ch._isNil) return false;
  const r = liveWaiter(ch._recvq);
  if (r) {
    if (!b.traceFull) b.event(gid, "send", ch.id, r.g.id, v);
    completeRecv(r, v, true);
    return true;
  }
  if (ch._buf.length < ch._cap) {
    ch._buf.push(v);
    return true;
  }
  return false;
}

/** makeChan creates a channel of T with buffer capacity cap (Go: make(chan T, cap)). */
export function makeChan<T>(cap = 0): Chan<T> {
  return new Chan<T>(cap);
}

/**
 * nilChan returns a nil channel (Go: var ch chan T): send and receive block
 * forever and close panics. Use it to disable a select case.
 */
export function nilChan<T>(): Chan<T> {
  return new Chan<T>(0, true);
}
