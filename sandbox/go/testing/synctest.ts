// Package "go/testing/synctest": run concurrent code in an isolated "bubble"
// with a virtual clock and a seeded scheduler (Go 1.24+: testing/synctest).
//
//   Go                                  TypeScript
//   synctest.Test(t, func(t) { ... })   await synctest.run(async () => { ... })
//   synctest.Wait()                     await synctest.wait()
//
// Inside run(), time.sleep(time.Minute) takes no real time: the clock starts
// at 2000-01-01 00:00:00 UTC and jumps forward only when every goroutine is
// durably blocked. When fn returns the clock stops (Go 1.25): goroutines
// still blocked then are reported. A deadlock, a leaked goroutine or a panic
// makes run() reject with Go's diagnostics.
import { Bubble, requireBubble, activeBubble } from "../internal/scheduler";
import { withoutOutput } from "../internal/replay";
import type { BubbleOptions, RunReport } from "../internal/scheduler";
import type { Trace } from "../internal/trace-types";
import type { Duration } from "../internal/timeval";

export type { RunReport, Trace };

/** Options of run(). */
export interface RunOptions {
  /** Seed of the scheduler (interleavings and select choices). Default 1. */
  seed?: number;
  /** When true, goroutines still blocked when fn returns are not an error. */
  allowLeaks?: boolean;
  /** Label of the trace (the harness sets it to the test name). */
  label?: string;
}

let lastReport: RunReport | null = null;

/**
 * run runs fn as the "main" goroutine of a fresh bubble and resolves with a
 * RunReport once fn has returned and every other goroutine has exited
 * (Go: synctest.Test). Once fn returns the bubble's clock stops: the other
 * goroutines may still run, but time no longer advances for them.
 * It rejects with:
 *   - "fatal error: all goroutines are asleep - deadlock!" plus a goroutine
 *     dump, when every goroutine is blocked and no timer is pending;
 *   - "panic: deadlock: main bubble goroutine has exited but blocked
 *     goroutines remain" plus a dump, when goroutines are still blocked after
 *     fn returns (unless allowLeaks);
 *   - "panic: <message>" plus the goroutine and location, on a panic or an
 *     exception escaping a goroutine;
 *   - the error thrown by fn itself (e.g. a failed expect) unchanged.
 * The rejection's Error carries the RunReport as its `report` property.
 * The same seed replays the same interleaving.
 */
export function run(fn: () => Promise<void> | void, opts: RunOptions = {}): Promise<RunReport> {
  return runBubble(fn, opts, {});
}

/** run, with the bubble options the package keeps to itself (see explore). */
function runBubble(
  fn: () => Promise<void> | void,
  opts: RunOptions,
  internal: Pick<BubbleOptions, "locate" | "emitTrace">,
): Promise<RunReport> {
  const b = new Bubble({
    seed: opts.seed ?? 1,
    allowLeaks: opts.allowLeaks ?? false,
    label: opts.label ?? "synctest.run",
    ...internal,
  });
  let p: Promise<RunReport>;
  try {
    p = b.start(fn);
  } catch (e) {
    return Promise.reject(e);
  }
  return p.then(
    (r) => {
      lastReport = r;
      return r;
    },
    (e: unknown) => {
      lastReport = b.report();
      throw e;
    },
  );
}

/**
 * wait blocks until every other goroutine in the bubble is durably blocked
 * (Go: synctest.Wait()), without advancing the clock. Use it to observe the
 * effect of goroutines before asserting. Only one goroutine may wait at a time.
 */
export function wait(): Promise<void> {
  const b = requireBubble("synctest.wait");
  return b.waitIdle(b.caller("synctest.wait"));
}

/** Options of explore(). */
export interface ExploreOptions {
  /** Number of seeds to try (default 100). */
  seeds?: number;
  /** First seed (default 1): seeds startSeed .. startSeed+seeds-1 are tried. */
  startSeed?: number;
  /** Passed to run(). */
  allowLeaks?: boolean;
  /** Trace label prefix. */
  label?: string;
}

/**
 * explore runs fn in a fresh bubble once per seed and rejects on the first
 * failing seed, with an Error whose message names the seed and how to replay
 * it: run(fn, { seed }). Use it to hunt for races whose outcome depends on
 * the interleaving.
 */
export async function explore(fn: () => Promise<void> | void, opts: ExploreOptions = {}): Promise<void> {
  const n = opts.seeds ?? 100;
  const start = opts.startSeed ?? 1;
  for (let i = 0; i < n; i++) {
    const seed = start + i;
    const o: RunOptions = { seed, label: `${opts.label ?? "explore"} seed ${seed}` };
    if (opts.allowLeaks !== undefined) o.allowLeaks = opts.allowLeaks;
    try {
      // Recording where each operation starts is a third of the runtime's
      // cost, and only a failure reads it: seeds run without, and a failing
      // seed runs again with it (same seed, same interleaving), so its
      // deadlock dump or "forgot await?" panic names the learner's lines.
      await runBubble(fn, o, { locate: false });
    } catch (first) {
      const e = await replayLocated(fn, o, first);
      const msg = e instanceof Error ? e.message : String(e);
      const err = new Error(
        `explore: failed with seed ${seed} (run ${i + 1} of ${n}); replay it with synctest.run(fn, { seed: ${seed} })\n\n${msg}`,
      );
      (err as Error & { cause?: unknown }).cause = e;
      (err as Error & { seed?: number }).seed = seed;
      throw err;
    }
  }
}

/**
 * replayLocated runs a seed that deadlocked, leaked or panicked again with
 * locations recorded and returns the replay's error when it failed the same
 * way (its trace is not emitted again), else the first error: code that does
 * not replay (a wall clock, Math.random) keeps its first diagnosis, without
 * locations. The harness drops the replay's console output (internal/replay.ts).
 */
async function replayLocated(fn: () => Promise<void> | void, opts: RunOptions, first: unknown): Promise<unknown> {
  const outcome = (e: unknown) => (e as { report?: RunReport } | null)?.report?.trace.outcome;
  const firstOutcome = outcome(first);
  // A failed expect in fn ("error") names its own line; these read recorded locations.
  if (firstOutcome !== "deadlock" && firstOutcome !== "leak" && firstOutcome !== "panic") return first;
  try {
    await withoutOutput(() => runBubble(fn, opts, { emitTrace: false }));
  } catch (again) {
    if (outcome(again) === firstOutcome) return again;
  }
  return first;
}

/** goroutines returns the number of live goroutines in the running bubble, main included. */
export function goroutines(): number {
  const b = activeBubble();
  return b ? b.live.size : 0;
}

/** peakGoroutines returns the most goroutines alive at once so far in the running bubble (or in the last run). */
export function peakGoroutines(): number {
  const b = activeBubble();
  if (b) return b.peak;
  return lastReport ? lastReport.peakGoroutines : 0;
}

/** elapsed returns the virtual time elapsed in the running bubble (or in the last run), as a time.Duration (ns). */
export function elapsed(): Duration {
  const b = activeBubble();
  if (b) return b.now;
  return lastReport ? lastReport.virtualNs : 0;
}

/** seed returns the seed of the running bubble. */
export function seed(): number {
  const b = activeBubble();
  return b ? b.opts.seed : lastReport ? lastReport.seed : 0;
}

/** lastRun returns the RunReport of the most recently finished run (passing or failing), or null. */
export function lastRun(): RunReport | null {
  return lastReport;
}

/**
 * A Gauge measures how many goroutines are inside a region at once. Call
 * enter() when a goroutine enters the region and leave() when it leaves (or
 * wrap the region with track(fn)); peak is the maximum seen.
 */
export class Gauge {
  /** Goroutines currently inside. */
  current = 0;
  /** Maximum of current so far. */
  peak = 0;
  /** Number of enter() calls so far. */
  total = 0;
  /** enter counts one more goroutine inside the region. */
  enter(): void {
    this.current++;
    this.total++;
    if (this.current > this.peak) this.peak = this.current;
  }
  /** leave counts one goroutine out of the region. */
  leave(): void {
    this.current--;
  }
  /** track runs fn inside the region (enter before, leave after, even on error). */
  async track<T>(fn: () => T | Promise<T>): Promise<T> {
    this.enter();
    try {
      return await fn();
    } finally {
      this.leave();
    }
  }
}

/** gauge returns a new Gauge for measuring the peak concurrency of a region. */
export function gauge(): Gauge {
  return new Gauge();
}
