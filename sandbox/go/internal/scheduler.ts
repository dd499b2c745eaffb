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
// * Quiescence: the bubble is idle when no goroutine is running, runnable
//   or foreign. The macrotask tick (every pending microtask has run) is the
//   authority; to advance time at machine speed, the scheduler also decides
//   without it when nobody is foreign, after a short chain of microtask hops
//   in which nothing happened (probeIdle). When idle, in order: if main has
//   returned and every goroutine has exited, the run ends; a goroutine in
//   synctest.wait() is woken; if main has returned, the goroutines left are
//   reported (Go 1.25: the clock stops when main returns, "deadlock: main
//   bubble goroutine has exited but blocked goroutines remain"); the virtual
//   clock jumps to the next timer and fires it (timers due at the same
//   instant in a seeded random order); otherwise it is a deadlock.
//
// * A forgotten await: an operation parks the goroutine, but only the
//   learner's `await` suspends it. A goroutine that keeps running after
//   starting an operation (it starts another one, or returns) panics with
//   "<op> at <file:line> was not awaited (forgot await?)" (see caller, exit
//   and the justParked marker in schedule).
//
// * Outside a bubble there is no scheduler: go() and blocking ops throw (we
//   chose explicit bubbles over an implicit one so that every exercise test
//   gets a fresh clock, seed and leak check).
import type { BlockKind, Trace, TraceEventKind, TraceGoroutine } from "./trace-types";
import { TraceRecorder, emitTrace } from "./trace";
import { GoPanic, panicText } from "./panic";
import { resolveLocation } from "./location";
import { capture, captured, microtask, mulberry32, postMacrotask, wallNow } from "./eventloop";
import { TimerEntry, TimerHeap } from "./timerheap";
import type { Waiter } from "./chan";

export { mulberry32, postMacrotask, TimerEntry };
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
  /** The runtime operation the goroutine last started ("chan send", ...). */
  op = "";
  /** Where it started op (captured while the bubble's stack budget lasts). */
  opAt: Error | undefined;
  /** Resumed, but not yet known to have continued from its await (see schedule). */
  unconfirmed = false;
  /** The promise of the goroutine's last operation. */
  opPromise: Promise<unknown> | null = null;
  /** Its function returned that promise (go(() => ch.send(v))): runG awaits it. */
  returnedOp = false;
  /** The timer of its time.sleep calls, reused once fired (a sleeping goroutine has one). */
  sleepTimer: TimerEntry | null = null;
  /** The waiter object its channel operations outside select reuse (see chan.ts). */
  chanWaiter: Waiter | null = null;
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
  /**
   * Whether blocking operations record where they start (STACK_BUDGET), for
   * deadlock dumps and "forgot await?" panics. Default true; explore runs
   * its seeds without and replays a failing one with (see synctest.ts).
   */
  locate?: boolean;
  /** Whether the finished bubble hands its trace to the trace listener. Default true. */
  emitTrace?: boolean;
}

/** What a finished run reports. */
export interface RunReport {
  /** Seed of the scheduler's PRNG; replay with synctest.run(fn, { seed }). */
  seed: number;
  /** Virtual time elapsed when the bubble ended, in ns (a time.Duration). */
  virtualNs: number;
  /** Maximum number of live goroutines (main included) at any moment. */
  peakGoroutines: number;
  /** Number of goroutines created, main included. */
  goroutinesCreated: number;
  trace: Trace;
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
/**
 * Microtask hops the scheduler waits, with nobody running or runnable,
 * before it treats the bubble as durably blocked without a macrotask (see
 * probeIdle). Code outside goroutines that needs more hops than this before
 * it wakes a goroutine may see the clock advance first.
 */
const IDLE_PROBE_HOPS = 3;
/** Wall-clock ms the scheduler may run on microtasks alone before yielding to the event loop. */
const MAX_MICROTASK_MS = 8;
/**
 * Stack captures per bubble: each blocking operation records where it was
 * started (for deadlock dumps and "forgot await?" panics) until this many
 * have been taken. A capture costs microseconds; long runs stop paying it.
 */
export const STACK_BUDGET = 1000;

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
  /**
   * The goroutines in state "running", in the order they started running
   * (an array, not a Set: it holds one goroutine or none nearly always, and
   * a Set's delete re-allocates its table at every other park).
   */
  private readonly running: G[] = [];
  private readonly foreign = new Set<G>();
  private schedPending = false;
  /** Timers are firing, and schedule() runs next (see fireDue). */
  private firing = false;
  private tickPosted = false;
  private switches = 0;
  private silent = false;
  private stackBudget: number;
  /** Bumped whenever the bubble may stop being idle; a probe acts only if it is unchanged. */
  private probeGen = 0;
  /** performance.now() (or Date.now()) when the scheduler last ran in a macrotask. */
  private sliceStart = 0;
  waiter: G | null = null;
  readonly trace = new TraceRecorder();
  outcome: Trace["outcome"] = "ok";
  private settle!: { resolve: (r: RunReport) => void; reject: (e: unknown) => void };
  readonly done: Promise<RunReport>;

  constructor(readonly opts: BubbleOptions) {
    this.rand = mulberry32(opts.seed);
    this.stackBudget = opts.locate === false ? 0 : STACK_BUDGET;
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
    this.sliceStart = wallNow();
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
    this.probeGen++;
    this.runq.push(g);
    this.ensureTick();
    return g;
  }

  /**
   * event records a trace event at the current virtual time: chan and peer
   * are 0 when absent; aux is the block kind, the detail or the value sent
   * (see TraceRecorder.add).
   */
  event(g: number, kind: TraceEventKind, chan = 0, peer = 0, aux?: unknown): void {
    this.trace.add(this.now, g, kind, chan, peer, aux);
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
      if (g.state === "running") return this.starting(g, op);
      if (g.state === "foreign") {
        this.foreign.delete(g);
        this.setRunning(g);
        return this.starting(g, op);
      }
    }
    if (this.foreign.size > 0) {
      const f = this.foreign.values().next().value as G;
      this.foreign.delete(f);
      this.setRunning(f);
      current = f;
      return this.starting(f, op);
    }
    if (g !== null && g.bubble === this && (g.state === "blocked" || g.state === "runnable")) {
      // g parked on an operation and kept running: the promise was not awaited.
      throw this.forgotAwait(g, `went on to ${op}`);
    }
    throw new Error(
      `go: ${op} called from outside any goroutine of the bubble (e.g. a plain setTimeout callback); start a goroutine with go()`,
    );
  }

  /** starting records that g starts op, with its location while the stack budget lasts. */
  private starting(g: G, op: string): G {
    g.op = op;
    if (this.stackBudget > 0) {
      this.stackBudget--;
      g.opAt = new Error(op);
    } else g.opAt = undefined;
    return g;
  }

  /**
   * forgotAwait builds the panic for a goroutine that started an operation
   * and moved on (next) without awaiting it: Go has no such state, and the
   * operation would otherwise silently never happen.
   */
  forgotAwait(g: G, next: string): GoPanic {
    const where = resolveLocation(g.opAt);
    const p = new GoPanic(
      `${g.op || "blocking operation"}${where ? ` at ${where}` : ""} was not awaited (forgot await?): ` +
        `goroutine ${g.id} ${next} while it was still pending`,
    );
    // Thrown from the next operation, the panic's own stack points at it;
    // detected at return, it has none of the learner's, so use the operation's.
    return next === "returned" && g.opAt ? (restack(p, g.opAt) as GoPanic) : p;
  }

  private setRunning(g: G): void {
    if (g.state !== "running") this.running.push(g);
    g.state = "running";
  }

  /** stopRunning takes g out of the running goroutines, if it is one. */
  private stopRunning(g: G): void {
    const r = this.running;
    if (r.length === 1 && r[0] === g) r.pop();
    else {
      const i = r.indexOf(g);
      if (i >= 0) r.splice(i, 1);
    }
  }

  /**
   * park suspends g. With kind null it is a yield: g stays runnable and the
   * scheduler may pick another goroutine first. Otherwise g is blocked until
   * ready(g) is called. The promise resolves with the value given to ready().
   */
  park<T>(g: G, kind: BlockKind | null, chan?: number): Promise<T> {
    if (this.finished) return new Promise<T>(() => {});
    this.stopRunning(g);
    this.probeGen++;
    this.justParked = g;
    if (kind === null) {
      g.state = "runnable";
      g.blockKind = null;
      this.runq.push(g);
    } else {
      g.state = "blocked";
      g.blockKind = kind;
      g.blockChan = chan;
      g.blockedAt = g.opAt;
      this.event(g.id, "block", chan ?? 0, 0, kind);
    }
    const p = new Promise<T>(capture);
    g.resolve = captured.resolve;
    g.reject = captured.reject;
    g.opPromise = p;
    if (this.running.length === 0) this.requestSchedule();
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
    this.probeGen++;
    this.event(g.id, "unblock");
    this.runq.push(g);
    if (this.running.length === 0) this.requestSchedule();
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
    if (this.schedPending || this.finished || this.firing) return;
    this.schedPending = true;
    microtask(this.scheduleTask);
  }

  /** The microtask of requestSchedule (allocated once: it runs at every switch). */
  private readonly scheduleTask = (): void => {
    this.schedPending = false;
    this.schedule();
  };

  private ensureTick(): void {
    if (this.tickPosted || this.finished) return;
    this.tickPosted = true;
    postMacrotask(() => this.tick());
  }

  /** schedule hands the token to a random runnable goroutine when nobody runs. */
  private schedule(): void {
    if (this.finished || this.running.length > 0) return;
    const justParked = this.justParked;
    this.justParked = null;
    // Timers already due (d <= 0) fire without waiting for quiescence.
    const t = this.timers.peek();
    if (t && t.when <= this.now) this.fireDue();
    if (this.finished) return;
    const n = this.runq.length;
    if (n === 0) {
      this.probeIdle();
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
    if (g === justParked) {
      // Resumed by the first switch after it parked: its body may already
      // have returned without awaiting the operation (then runG's exit is
      // queued before this marker, and exit sees unconfirmed).
      g.unconfirmed = true;
      microtask(() => void (g.unconfirmed = false));
    }
    this.ensureTick();
  }

  /**
   * probeIdle decides quiescence without waiting for a macrotask when it
   * can: with nobody running, runnable or awaiting a foreign promise, it lets
   * IDLE_PROBE_HOPS microtasks pass (so callbacks already queued outside the
   * goroutines run first) and, if nothing happened meanwhile, treats the
   * bubble as durably blocked and advances the clock. This is what makes a
   * timer firing cost a few microtasks instead of an event-loop turn. Every
   * MAX_MICROTASK_MS of wall time it yields to the event loop instead (test
   * timeouts, cancel messages), and goroutines awaiting foreign promises
   * always wait for the macrotask tick.
   */
  private probeIdle(): void {
    this.ensureTick();
    if (this.foreign.size > 0) return;
    // Reading the clock costs ~50 ns: look every 64 probes.
    if ((++this.probes & 63) === 0 && wallNow() - this.sliceStart > MAX_MICROTASK_MS) return;
    this.probeFor = ++this.probeGen;
    this.probeHops = IDLE_PROBE_HOPS;
    microtask(this.probeHop);
  }

  /** The goroutine that parked last, until the next switch (see schedule). */
  private justParked: G | null = null;
  private probeFor = 0;
  private probes = 0;
  private probeHops = 0;
  /** One hop of probeIdle's microtask chain; it gives up when anything happened since the probe started. */
  private readonly probeHop = (): void => {
    if (this.probeGen !== this.probeFor || this.finished) return;
    if (--this.probeHops > 0) {
      microtask(this.probeHop);
      return;
    }
    if (this.running.length > 0 || this.runq.length > 0 || this.foreign.size > 0) return;
    this.idle();
  };

  private resume(g: G): void {
    current = g;
    this.setRunning(g);
    if (!g.started) {
      g.started = true;
      microtask(() => void this.runG(g));
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
      const r = g.fn();
      // go(() => ch.send(v)) hands the operation's own promise to this await.
      if (r === g.opPromise) g.returnedOp = true;
      await r;
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
    this.stopRunning(g);
    this.foreign.delete(g);
    g.state = "done";
    this.live.delete(g);
    this.probeGen++;
    if (failed) {
      this.failGoroutine(g, err);
      return;
    }
    if (prev === "blocked" || prev === "runnable" || (g.unconfirmed && !g.returnedOp)) {
      // Only possible when an operation was not awaited.
      const idx = this.runq.indexOf(g);
      if (idx >= 0) this.runq.splice(idx, 1);
      this.failGoroutine(g, this.forgotAwait(g, "returned"));
      return;
    }
    this.event(g.id, "end");
    if (g === this.main) this.mainDone = true;
    if (this.running.length === 0) this.requestSchedule();
    this.ensureTick();
  }

  /** failGoroutine ends the bubble because g threw err. */
  failGoroutine(g: G, err: unknown): void {
    if (this.finished) return;
    if (err instanceof GoPanic) {
      const head = err.fatal ? `fatal error: ${err.message}` : `panic: ${err.message}`;
      this.event(g.id, "panic", 0, 0, head);
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
    this.event(g.id, "panic", 0, 0, msg);
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
    const by = g.parent ? `goroutine ${g.parent.id}` : g.name === "time.AfterFunc" ? "time.AfterFunc" : "goroutine ?";
    return `\tcreated by ${by}${at ? ` at ${at}` : ""}\n`;
  }

  /** fatal fails the bubble immediately (unrecoverable runtime error) and returns the exception to throw. */
  fatal(msg: string): GoPanic {
    const p = new GoPanic(msg, true);
    const g = current && current.bubble === this ? current : this.main!;
    this.failGoroutine(g, p);
    return p;
  }

  /** addTimer schedules fire(when, entry) at virtual time when (ns since the bubble started). */
  addTimer(when: number, fire: (when: number, t: TimerEntry) => void, detail: string): TimerEntry {
    const t = new TimerEntry(Math.max(when, this.now), ++this.timerSeq, fire, detail);
    this.timers.push(t);
    return t;
  }

  /**
   * rearmTimer schedules t again at when, as addTimer would a new timer with
   * the same callback. t must have fired (a stopped timer may still sit in
   * the heap): tickers and sleeps reuse their entry instead of allocating
   * one per period.
   */
  rearmTimer(t: TimerEntry, when: number): TimerEntry {
    t.when = Math.max(when, this.now);
    t.seq = ++this.timerSeq;
    t.active = true;
    t.popped = false;
    t.cancelled = false;
    this.timers.push(t);
    return t;
  }

  /** stopTimer cancels t; it reports whether t was still pending. */
  stopTimer(t: TimerEntry): boolean {
    if (t.popped) {
      // Popped in a batch of simultaneous timers but not fired yet.
      t.popped = false;
      t.cancelled = true;
      return true;
    }
    if (!t.active) return false;
    t.active = false;
    this.timers.activeCount--;
    return true;
  }

  /**
   * fireDue fires every timer due by now. Both callers (schedule and idle)
   * run schedule() right after, so the goroutines the timers make ready need
   * no scheduling microtask: it would find the token taken and do nothing,
   * at a cost of one microtask per firing.
   */
  private fireDue(): void {
    this.firing = true;
    try {
      this.fireTimers();
    } finally {
      this.firing = false;
    }
  }

  /**
   * fireTimers fires every timer due by now. Timers due at the same instant
   * fire in a random (seeded) order, as in Go, where their order is not
   * specified; a timer stopped by an earlier one in the batch does not fire.
   */
  private fireTimers(): void {
    for (;;) {
      const t = this.timers.peek();
      if (!t || t.when > this.now) return;
      this.timers.pop();
      const next = this.timers.peek();
      if (!next || next.when !== t.when) {
        if (!this.fireOne(t)) return;
        continue;
      }
      const batch = [t];
      for (let n = this.timers.peek(); n && n.when === t.when; n = this.timers.peek()) batch.push(this.timers.pop()!);
      for (let i = batch.length - 1; i > 0; i--) {
        const j = Math.floor(this.rand() * (i + 1));
        [batch[i], batch[j]] = [batch[j]!, batch[i]!];
      }
      for (const e of batch) {
        if (e.cancelled) continue;
        if (!this.fireOne(e)) return;
      }
    }
  }

  /** fireOne runs timer t; it returns false when the bubble ended. */
  private fireOne(t: TimerEntry): boolean {
    t.popped = false;
    this.event(0, "timer", 0, 0, t.detail);
    try {
      t.fire(t.when, t);
    } catch (e) {
      if (this.main) this.failGoroutine(current ?? this.main, e);
      return false;
    }
    return !this.finished;
  }

  private tick(): void {
    this.tickPosted = false;
    if (this.finished) return;
    this.sliceStart = wallNow();
    this.probeGen++;
    if (this.running.length > 0) {
      // The microtask queue is empty, so whoever still holds the token is
      // awaiting something outside the runtime.
      for (const g of this.running) {
        g.state = "foreign";
        this.foreign.add(g);
      }
      this.running.length = 0;
    }
    if (this.runq.length > 0) {
      this.schedule();
      return;
    }
    if (this.foreign.size > 0) return; // someone is running outside the runtime
    this.idle();
  }

  /**
   * idle acts on a durably blocked bubble (nobody running, runnable or
   * foreign): it ends the run, wakes synctest.wait, advances the clock to the
   * next timer, or reports a deadlock. As in Go 1.25, once main has returned
   * the clock no longer advances: goroutines still blocked then are reported.
   */
  private idle(): void {
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
    if (this.mainDone) {
      this.finishAfterMain();
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
      this.schedule();
      this.ensureTick();
      return;
    }
    this.deadlock("");
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
        `panic: deadlock: main bubble goroutine has exited but blocked goroutines remain ` +
          `(${n} goroutine${n === 1 ? "" : "s"})\n\n${this.dump(left)}`,
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
    if (this.opts.emitTrace !== false) emitTrace(report.trace);
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
    const all = this.all.slice();
    let goroutines: TraceGoroutine[] | undefined;
    const rec = this.trace;
    const trace: Trace = {
      label: this.opts.label,
      // Built when first read, as the events are: most traces are never looked
      // at (the harness keeps the first 30 of a Run), and resolving where each
      // goroutine was created means parsing its stack.
      get goroutines() {
        return (goroutines ??= all.map((g, i) => {
          const tg: TraceGoroutine = { id: g.id, name: g.name };
          if (g.parent) tg.parent = g.parent.id;
          // Resolving stacks is costly (~20-50 µs each): only the first 200 goroutines get one.
          const loc = i < 200 ? resolveLocation(g.createdAt) : undefined;
          if (loc) tg.location = loc;
          return tg;
        }));
      },
      get events() {
        return rec.events;
      },
      endTime: this.now,
      outcome: this.outcome,
    };
    if (this.trace.truncated) trace.truncated = true;
    return {
      seed: this.opts.seed,
      virtualNs: this.now,
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
