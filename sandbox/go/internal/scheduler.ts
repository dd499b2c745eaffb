// The goroutine scheduler and the synctest "bubble".
//
// Design (read this before changing anything):
//
// * A goroutine is an async function. Every runtime operation a goroutine
//   awaits (channel ops, select, locks, sleep, wait groups, ...) "parks" it:
//   the goroutine gets a promise that only the scheduler resolves. Even an
//   operation that could complete at once (a buffered send with room) parks
//   the goroutine as *runnable*: every awaited runtime op is a preemption
//   point, which is what lets seeded exploration find check-then-act races.
//
// * One goroutine runs at a time (the "token"). When the running goroutine
//   parks or returns, the scheduler (in a microtask) picks the next one
//   uniformly at random among the runnable goroutines, using the bubble's
//   seeded PRNG (mulberry32). Given a seed and no foreign awaits, the whole
//   interleaving - and every select choice - is reproducible.
//
// * The runtime knows which goroutine calls an op from `current`, the goroutine
//   it last handed the token to. A goroutine that awaits something outside the
//   runtime (a real timer, fetch, a hand-made Promise) keeps the token until
//   the microtask queue drains; a macrotask "tick" then marks it "foreign"
//   (still running, not durably blocked) and lets the others run. When it
//   comes back and calls an op it is recognised as the foreign goroutine
//   (exactly when only one goroutine is foreign, best effort otherwise).
//
// * Quiescence: only the tick (a macrotask, so every pending microtask has
//   run) decides that the bubble is idle: no goroutine running, none runnable,
//   none foreign. Then, in order: if main has returned and every goroutine
//   has exited, the run ends; a goroutine in synctest.wait() is woken; the
//   virtual clock jumps to the next timer and fires it; otherwise, if main has
//   returned, the goroutines left are leaks (blocked with nothing that could
//   wake them), and if it has not, it is a deadlock. As in Go's synctest.Test,
//   after main returns the bubble keeps running (and advancing time) until
//   every goroutine has exited.
//
// * Outside a bubble there is no scheduler: go() and blocking ops throw (we
//   chose explicit bubbles over an implicit one so that every exercise test
//   gets a fresh clock, seed and leak check).
import type { BlockKind, Trace, TraceEvent, TraceGoroutine } from "./trace-types";
import { TraceRecorder, emitTrace } from "./trace";
import { GoPanic, panicText } from "./panic";
import { resolveLocation } from "./location";
import { runGC } from "./gc";

/** Life cycle of a goroutine. */
export type GState = "runnable" | "running" | "blocked" | "foreign" | "done";

/** A goroutine. */
export class G {
  state: GState = "runnable";
  started = false;
  blockKind: BlockKind | null = null;
  blockChan: number | undefined;
  blockedAt: Error | undefined;
  /** Value (or panic) the goroutine resumes with. */
  value: unknown;
  throwing: unknown = undefined;
  hasThrow = false;
  resolve: ((v: unknown) => void) | null = null;
  reject: ((e: unknown) => void) | null = null;
  constructor(
    readonly bubble: Bubble,
    readonly id: number,
    readonly name: string,
    readonly named: boolean,
    readonly parent: G | undefined,
    readonly fn: () => unknown,
    readonly createdAt: Error | undefined,
  ) {}
  /** Display name: "main", the name given to go(), or "goroutine N". */
  get displayName(): string {
    return this.name;
  }
}

/** Options of a bubble (see synctest.run). */
export interface BubbleOptions {
  seed: number;
  allowLeaks: boolean;
  label: string;
}

/** What a finished run reports. */
export interface RunReport {
  /** Seed of the scheduler's PRNG; replay with synctest.run(fn, { seed }). */
  seed: number;
  /** Virtual time, in ms, when the bubble ended. */
  virtualMs: number;
  /** Maximum number of live goroutines (main included) at any moment. */
  peakGoroutines: number;
  /** Number of goroutines created, main included. */
  goroutinesCreated: number;
  trace: Trace;
}

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type MacroFn = (fn: () => void) => void;
/** postMacrotask runs fn after the microtask queue has drained. */
export const postMacrotask: MacroFn = (() => {
  const g = globalThis as unknown as {
    setImmediate?: (fn: () => void) => unknown;
    MessageChannel?: new () => {
      port1: { onmessage: ((ev: unknown) => void) | null };
      port2: { postMessage(v: unknown): void };
    };
    setTimeout: (fn: () => void, ms: number) => unknown;
  };
  if (typeof g.setImmediate === "function") {
    const si = g.setImmediate;
    return (fn) => void si(fn);
  }
  if (typeof g.MessageChannel === "function") {
    const mc = new g.MessageChannel();
    const q: Array<() => void> = [];
    mc.port1.onmessage = () => {
      const f = q.shift();
      if (f) f();
    };
    return (fn) => {
      q.push(fn);
      mc.port2.postMessage(0);
    };
  }
  return (fn) => void g.setTimeout(fn, 0);
})();

/** A pending timer of a bubble. */
export class TimerEntry {
  active = true;
  constructor(
    readonly when: number,
    readonly seq: number,
    readonly fire: () => void,
    readonly detail: string,
  ) {}
}

/** Min-heap of timers ordered by (when, seq). */
class TimerHeap {
  private h: TimerEntry[] = [];
  activeCount = 0;
  private less(a: TimerEntry, b: TimerEntry): boolean {
    return a.when < b.when || (a.when === b.when && a.seq < b.seq);
  }
  push(t: TimerEntry): void {
    const h = this.h;
    h.push(t);
    this.activeCount++;
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  /** peek returns the earliest active timer, dropping stopped ones. */
  peek(): TimerEntry | undefined {
    while (this.h.length > 0 && !this.h[0]!.active) this.popRaw();
    return this.h[0];
  }
  pop(): TimerEntry | undefined {
    const t = this.peek();
    if (t) {
      this.popRaw();
      t.active = false;
      this.activeCount--;
    }
    return t;
  }
  private popRaw(): void {
    const h = this.h;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

/**
 * restack gives e the stack frames of src (where the goroutine blocked or
 * panicked) instead of the scheduler's own, so test reporters point at the
 * learner's code.
 */
function restack(e: Error, src: Error | undefined): Error {
  try {
    const frames = src?.stack?.split("\n").filter((l) => /^\s+at /.test(l)) ?? [];
    e.stack = `${e.name}: ${e.message}${frames.length ? "\n" + frames.join("\n") : ""}`;
  } catch {
    // keep the original stack
  }
  return e;
}

/** The goroutine currently holding the token (across bubbles). */
let current: G | null = null;
/** The bubble of the synctest.run in progress. */
let active: Bubble | null = null;

/** activeBubble returns the running bubble or null. */
export function activeBubble(): Bubble | null {
  return active && !active.finished ? active : null;
}

/** outsideError explains that op needs a synctest bubble. */
export function outsideError(op: string): Error {
  return new Error(
    `go: ${op} works only inside synctest.run; every exercise test runs its body in synctest.run(async () => { ... })`,
  );
}

/** requireBubble returns the running bubble or throws a clear error naming op. */
export function requireBubble(op: string): Bubble {
  const b = activeBubble();
  if (!b) {
    if (active && active.finished) throw new AbandonedError();
    throw outsideError(op);
  }
  return b;
}

/** Thrown into code of a bubble that already ended; swallowed by the goroutine wrapper. */
export class AbandonedError extends Error {
  constructor() {
    super("go: this goroutine's bubble has already ended");
  }
}

/** Number of scheduler switches after which the scheduler yields to the event loop. */
const SWITCHES_PER_MACROTASK = 20000;

/** A synctest bubble: goroutines, a virtual clock, timers, a seeded scheduler and a trace. */
export class Bubble {
  readonly rand: () => number;
  now = 0;
  finished = false;
  mainDone = false;
  main: G | null = null;
  readonly all: G[] = [];
  readonly live = new Set<G>();
  peak = 0;
  private nextId = 1;
  private chanIds = 0;
  private timerSeq = 0;
  private readonly timers = new TimerHeap();
  private readonly runq: G[] = [];
  private readonly runningSet = new Set<G>();
  private readonly foreign = new Set<G>();
  private schedPending = false;
  private tickPosted = false;
  private switches = 0;
  private idleFires = 0;
  private silent = false;
  waiter: G | null = null;
  readonly trace = new TraceRecorder();
  outcome: Trace["outcome"] = "ok";
  private settle!: { resolve: (r: RunReport) => void; reject: (e: unknown) => void };
  readonly done: Promise<RunReport>;

  constructor(readonly opts: BubbleOptions) {
    this.rand = mulberry32(opts.seed);
    this.done = new Promise<RunReport>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  /** start makes this the active bubble and starts fn as its main goroutine. */
  start(fn: () => unknown): Promise<RunReport> {
    if (active && !active.finished) {
      if (current && current.bubble === active && current.state === "running") {
        throw new Error("synctest.run: cannot start a bubble inside another bubble");
      }
      // A previous run never finished (e.g. its test timed out while a
      // goroutine awaited a promise that never settles): abandon it rather
      // than failing every later test.
      // Its promise is left pending: its test has already failed or moved on,
      // and a late rejection would be reported against the new test.
      active.abandon();
    }
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the module tracks the one running bubble
    active = this;
    // Two GC cycles empty every sync.Pool: each bubble starts fresh.
    runGC();
    runGC();
    const g = this.spawn(fn, "main", undefined, undefined);
    this.main = g;
    this.requestSchedule();
    return this.done;
  }

  /** newChanId numbers channels per bubble (ids in traces are stable across seeds). */
  newChanId(): number {
    return ++this.chanIds;
  }

  /** spawn creates a runnable goroutine running fn. */
  spawn(fn: () => unknown, name: string | undefined, parent: G | undefined, createdAt: Error | undefined): G {
    const id = this.nextId++;
    const g = new G(this, id, name ?? `goroutine ${id}`, name !== undefined, parent, fn, createdAt);
    this.all.push(g);
    this.live.add(g);
    if (this.live.size > this.peak) this.peak = this.live.size;
    this.event(g.id, "start");
    this.runq.push(g);
    this.ensureTick();
    return g;
  }

  /** event records a trace event at the current virtual time. */
  event(g: number, kind: TraceEvent["kind"], extra?: Partial<TraceEvent>): void {
    if (this.trace.full) {
      this.trace.truncated = true;
      return;
    }
    const ev: TraceEvent = { t: this.now, g, kind };
    if (extra) Object.assign(ev, extra);
    this.trace.add(ev);
  }

  /** traceFull reports whether further events would be dropped (to skip building them). */
  get traceFull(): boolean {
    return this.trace.full;
  }

  /**
   * caller returns the goroutine calling a runtime operation named op.
   * It throws when the caller still has an un-awaited operation pending.
   */
  caller(op: string): G {
    const g = current;
    if (g !== null && g.bubble === this) {
      if (g.state === "running") return g;
      if (g.state === "foreign") {
        this.foreign.delete(g);
        this.setRunning(g);
        return g;
      }
    }
    if (this.foreign.size > 0) {
      const f = this.foreign.values().next().value as G;
      this.foreign.delete(f);
      this.setRunning(f);
      current = f;
      return f;
    }
    if (g !== null && g.bubble === this && (g.state === "blocked" || g.state === "runnable")) {
      const what = g.blockKind ? `${g.blockKind} ` : "";
      const where = g.blockedAt ? resolveLocation(g.blockedAt) : undefined;
      throw new Error(
        `go: goroutine ${g.id} started ${op} while its previous blocking operation ${what}${where ? `(at ${where}) ` : ""}` +
          `was still pending: every blocking operation (send, recv, select, lock, sleep, wait, ...) must be awaited`,
      );
    }
    throw new Error(
      `go: ${op} called from outside any goroutine of the bubble (e.g. a plain setTimeout callback); start a goroutine with go()`,
    );
  }

  private setRunning(g: G): void {
    g.state = "running";
    this.runningSet.add(g);
  }

  /**
   * park suspends g. With kind null it is a yield: g stays runnable and the
   * scheduler may pick another goroutine first. Otherwise g is blocked until
   * ready(g) is called. The promise resolves with the value given to ready().
   */
  park<T>(g: G, kind: BlockKind | null, chan?: number): Promise<T> {
    if (this.finished) return new Promise<T>(() => {});
    this.runningSet.delete(g);
    if (kind === null) {
      g.state = "runnable";
      g.blockKind = null;
      this.runq.push(g);
    } else {
      g.state = "blocked";
      g.blockKind = kind;
      g.blockChan = chan;
      g.blockedAt = new Error("blocked");
      const ev: Partial<TraceEvent> = { block: kind };
      if (chan !== undefined) ev.chan = chan;
      this.event(g.id, "block", ev);
    }
    const p = new Promise<T>((resolve, reject) => {
      g.resolve = resolve as (v: unknown) => void;
      g.reject = reject;
    });
    if (this.runningSet.size === 0) this.requestSchedule();
    return p;
  }

  /** yield parks g as runnable and resumes it later with value. */
  yield<T>(g: G, value?: T): Promise<T> {
    g.value = value;
    return this.park<T>(g, null);
  }

  /** ready makes a blocked goroutine runnable; it will resume with value. */
  ready(g: G, value?: unknown): void {
    if (g.state !== "blocked" || this.finished) return;
    g.state = "runnable";
    g.value = value;
    g.blockKind = null;
    this.event(g.id, "unblock");
    this.runq.push(g);
    if (this.runningSet.size === 0) this.requestSchedule();
    this.ensureTick();
  }

  /** readyThrow makes a blocked goroutine runnable; it will resume by throwing err. */
  readyThrow(g: G, err: unknown): void {
    if (g.state !== "blocked" || this.finished) return;
    g.hasThrow = true;
    g.throwing = err;
    this.ready(g, undefined);
  }

  /** requestSchedule runs the scheduler in a microtask. */
  requestSchedule(): void {
    if (this.schedPending || this.finished) return;
    this.schedPending = true;
    queueMicrotask(() => {
      this.schedPending = false;
      this.schedule();
    });
  }

  private ensureTick(): void {
    if (this.tickPosted || this.finished) return;
    this.tickPosted = true;
    postMacrotask(() => this.tick());
  }

  /** schedule hands the token to a random runnable goroutine when nobody runs. */
  private schedule(): void {
    if (this.finished || this.runningSet.size > 0) return;
    // Timers already due (d <= 0) fire without waiting for quiescence.
    const t = this.timers.peek();
    if (t && t.when <= this.now) this.fireDue();
    if (this.finished) return;
    const n = this.runq.length;
    if (n === 0) {
      this.ensureTick();
      return;
    }
    if (++this.switches % SWITCHES_PER_MACROTASK === 0) {
      // Let the event loop breathe (test timeouts, UI messages); the pick
      // happens in the tick with the same PRNG state.
      this.ensureTick();
      return;
    }
    const i = n === 1 ? 0 : Math.floor(this.rand() * n);
    const g = this.runq[i]!;
    this.runq[i] = this.runq[n - 1]!;
    this.runq.pop();
    this.resume(g);
    this.ensureTick();
  }

  private resume(g: G): void {
    current = g;
    this.setRunning(g);
    if (!g.started) {
      g.started = true;
      queueMicrotask(() => void this.runG(g));
      return;
    }
    const resolve = g.resolve!;
    const reject = g.reject!;
    g.resolve = g.reject = null;
    if (g.hasThrow) {
      const e = g.throwing;
      g.hasThrow = false;
      g.throwing = undefined;
      reject(e);
    } else {
      const v = g.value;
      g.value = undefined;
      resolve(v);
    }
  }

  private async runG(g: G): Promise<void> {
    let err: unknown;
    let failed = false;
    try {
      await g.fn();
    } catch (e) {
      failed = true;
      err = e;
    }
    this.exit(g, failed, err);
  }

  /** exit ends goroutine g, failing the bubble when it panicked. */
  private exit(g: G, failed: boolean, err: unknown): void {
    if (this.finished || g.state === "done") return;
    if (err instanceof AbandonedError) return;
    const prev = g.state;
    this.runningSet.delete(g);
    this.foreign.delete(g);
    g.state = "done";
    this.live.delete(g);
    if (failed) {
      this.failGoroutine(g, err);
      return;
    }
    if (prev === "blocked" || prev === "runnable") {
      // Only possible when an operation was not awaited.
      const idx = this.runq.indexOf(g);
      if (idx >= 0) this.runq.splice(idx, 1);
      const where = g.blockedAt ? resolveLocation(g.blockedAt) : undefined;
      this.fail(
        "error",
        new Error(
          `go: goroutine ${g.id}${g.named ? ` "${g.name}"` : ""} returned while its ${g.blockKind ?? "runtime"} operation${where ? ` at ${where}` : ""} ` +
            `was still pending: every blocking operation must be awaited`,
        ),
      );
      return;
    }
    this.event(g.id, "end");
    if (g === this.main) this.mainDone = true;
    if (this.runningSet.size === 0) this.requestSchedule();
    this.ensureTick();
  }

  /** failGoroutine ends the bubble because g threw err. */
  failGoroutine(g: G, err: unknown): void {
    if (this.finished) return;
    if (err instanceof GoPanic) {
      const head = err.fatal ? `fatal error: ${err.message}` : `panic: ${err.message}`;
      this.event(g.id, "panic", { detail: head });
      const at = resolveLocation(err);
      const e = new Error(
        `${head}\n\ngoroutine ${g.id}${g.id === 1 ? "" : ` "${g.name}"`} [running]:\n${at ? `\tat ${at}\n` : ""}${this.createdBy(g)}`,
      );
      e.name = err.fatal ? "GoFatalError" : "GoPanic";
      (e as Error & { cause?: unknown }).cause = err;
      this.fail("panic", restack(e, err));
      return;
    }
    if (g === this.main) {
      this.fail("error", err);
      return;
    }
    const msg = err instanceof Error ? err.message : panicText(err);
    this.event(g.id, "panic", { detail: msg });
    const at = err instanceof Error ? resolveLocation(err) : undefined;
    const e = new Error(
      `panic: ${err instanceof Error && err.name !== "Error" ? `${err.name}: ` : ""}${msg}\n\ngoroutine ${g.id} "${g.name}" [running]:\n${at ? `\tat ${at}\n` : ""}${this.createdBy(g)}`,
    );
    (e as Error & { cause?: unknown }).cause = err;
    e.name = "GoPanic";
    this.fail("panic", restack(e, err instanceof Error ? err : undefined));
  }

  private createdBy(g: G): string {
    if (g === this.main) return "\tcreated by synctest.run\n";
    const at = resolveLocation(g.createdAt);
    return `\tcreated by goroutine ${g.parent?.id ?? "?"}${at ? ` at ${at}` : ""}\n`;
  }

  /** fatal fails the bubble immediately (unrecoverable runtime error) and returns the exception to throw. */
  fatal(msg: string): GoPanic {
    const p = new GoPanic(msg, true);
    const g = current && current.bubble === this ? current : this.main!;
    this.failGoroutine(g, p);
    return p;
  }

  /** addTimer schedules fire at virtual time when (ms). */
  addTimer(when: number, fire: () => void, detail: string): TimerEntry {
    const t = new TimerEntry(Math.max(when, this.now), ++this.timerSeq, fire, detail);
    this.timers.push(t);
    return t;
  }

  /** stopTimer cancels t; it reports whether t was still pending. */
  stopTimer(t: TimerEntry): boolean {
    if (!t.active) return false;
    t.active = false;
    this.timers.activeCount--;
    return true;
  }

  private fireDue(): void {
    for (;;) {
      const t = this.timers.peek();
      if (!t || t.when > this.now) return;
      this.timers.pop();
      this.event(0, "timer", { detail: t.detail });
      try {
        t.fire();
      } catch (e) {
        if (this.main) this.failGoroutine(current ?? this.main, e);
        return;
      }
      if (this.finished) return;
    }
  }

  private tick(): void {
    this.tickPosted = false;
    if (this.finished) return;
    if (this.runningSet.size > 0) {
      // The microtask queue is empty, so whoever still holds the token is
      // awaiting something outside the runtime.
      for (const g of this.runningSet) {
        g.state = "foreign";
        this.foreign.add(g);
      }
      this.runningSet.clear();
    }
    if (this.runq.length > 0) {
      this.schedule();
      return;
    }
    if (this.foreign.size > 0) return; // someone is running outside the runtime
    if (this.mainDone && this.live.size === 0) {
      this.finish("ok", null);
      return;
    }
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      this.ready(w);
      this.schedule();
      return;
    }
    const t = this.timers.peek();
    if (t) {
      if (t.when > this.now) {
        this.now = t.when;
        runGC(); // a GC-like point: sync.Pool may drop what it caches
      }
      this.fireDue();
      if (this.finished) return;
      // Timers that wake nobody (an unread ticker) would advance the clock
      // forever: after many such fires in a row, report what is stuck.
      if (this.runq.length === 0 && ++this.idleFires > 10000) {
        if (this.mainDone) this.finishAfterMain();
        else this.deadlock(" (only timers that wake no goroutine remain)");
        return;
      }
      if (this.runq.length > 0) this.idleFires = 0;
      this.schedule();
      this.ensureTick();
      return;
    }
    if (this.mainDone) this.finishAfterMain();
    else this.deadlock("");
  }

  /** dump lists the goroutines gs the way Go prints them in a crash. */
  dump(gs: G[]): string {
    return gs
      .map((g) => {
        const label = g === this.main ? ` "main"` : g.named ? ` "${g.name}"` : "";
        const kind =
          g.state === "blocked"
            ? (g.blockKind ?? "other")
            : g.state === "foreign"
              ? "running (awaiting a non-Go promise)"
              : "runnable";
        const at = g.state === "blocked" ? resolveLocation(g.blockedAt) : undefined;
        return `goroutine ${g.id}${label} [${kind}]:\n${at ? `\tblocked at ${at}\n` : ""}${this.createdBy(g)}`;
      })
      .join("\n");
  }

  private deadlock(note: string): void {
    const gs = [...this.live];
    const msg = `fatal error: all goroutines are asleep - deadlock!${note}\n\n${this.dump(gs)}`;
    const e = new Error(msg);
    e.name = "GoDeadlock";
    const m = this.main && this.main.state === "blocked" ? this.main : gs.find((g) => g.state === "blocked");
    this.fail("deadlock", restack(e, m?.blockedAt));
  }

  private finishAfterMain(): void {
    const left = [...this.live];
    if (left.length > 0 && !this.opts.allowLeaks) {
      const n = left.length;
      const e = new Error(
        `leaked goroutines: ${n} goroutine${n === 1 ? "" : "s"} still blocked when the test ended\n\n${this.dump(left)}`,
      );
      e.name = "GoLeak";
      this.fail("leak", restack(e, left.find((g) => g.blockedAt)?.blockedAt));
      return;
    }
    this.finish("ok", null);
  }

  /** fail ends the bubble with err. */
  fail(outcome: Trace["outcome"], err: unknown): void {
    this.finish(outcome, err);
  }

  /** abandon ends the bubble without settling its promise (see start). */
  abandon(): void {
    this.silent = true;
    this.finish("error", new Error("synctest.run: bubble abandoned"));
  }

  private finish(outcome: Trace["outcome"], err: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.outcome = outcome;
    if (active === this) active = null;
    if (current && current.bubble === this) current = null;
    const report = this.report();
    emitTrace(report.trace);
    if (this.silent) return;
    if (err !== null && err !== undefined) {
      if (err instanceof Error) {
        try {
          Object.defineProperty(err, "report", { value: report, enumerable: false, configurable: true });
        } catch {
          // frozen error objects: fine
        }
      }
      this.settle.reject(err);
    } else {
      this.settle.resolve(report);
    }
  }

  /** report builds the RunReport (and Trace) of the bubble. */
  report(): RunReport {
    const goroutines: TraceGoroutine[] = this.all.map((g, i) => {
      const tg: TraceGoroutine = { id: g.id, name: g.name };
      if (g.parent) tg.parent = g.parent.id;
      // Resolving stacks is costly (~20-50 µs each): only the first 200 goroutines get one.
      const loc = i < 200 ? resolveLocation(g.createdAt) : undefined;
      if (loc) tg.location = loc;
      return tg;
    });
    const trace: Trace = {
      label: this.opts.label,
      goroutines,
      events: this.trace.events,
      endTime: this.now,
      outcome: this.outcome,
    };
    if (this.trace.truncated) trace.truncated = true;
    return {
      seed: this.opts.seed,
      virtualMs: this.now,
      peakGoroutines: this.peak,
      goroutinesCreated: this.all.length,
      trace,
    };
  }

  /** setWaiter parks g in synctest.wait until all other goroutines are durably blocked. */
  waitIdle(g: G): Promise<void> {
    if (this.waiter) throw new GoPanic("synctest.wait: another goroutine is already waiting");
    this.waiter = g;
    return this.park<void>(g, "other");
  }
}

/** currentG returns the goroutine holding the token, if any. */
export function currentG(): G | null {
  return current;
}

/** spawnGoroutine implements go(): it starts fn in a new goroutine of the active bubble. */
export function spawnGoroutine(fn: () => unknown, name?: string): void {
  const b = requireBubble("go()");
  const parent = current && current.bubble === b ? current : undefined;
  // Capturing a stack costs a few µs: beyond the first 1000 goroutines of a
  // bubble, creation locations are not recorded (dumps then omit them).
  b.spawn(fn, name, parent, b.all.length < 1000 ? new Error("go") : undefined);
}
