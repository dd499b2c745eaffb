import { describe, expect, it } from "vitest";
import * as time from "go/time";
import { runAll } from "./limit";

/**
 * A virtual clock for plain promises. clock.sleep(d) resolves when the clock
 * reaches now + d; the clock moves to the next sleeper only once every
 * pending promise callback has run (a macrotask later), so a task finishes
 * exactly on time, and a runner that starts the next task "as soon as one
 * finishes" has done so before the clock moves on.
 */
class Clock {
  now = 0;
  private sleepers: Array<{ at: number; wake: () => void }> = [];

  /** sleep resolves after d of virtual time. */
  sleep(d: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.now + d, wake }));
  }

  /**
   * run drives the clock until `work` has settled and every sleeper has
   * woken (so tasks still running after a rejection finish, and any task
   * started late shows up). `idle` is called whenever everything is waiting
   * on the clock, before it moves. Resolves with how `work` settled and when.
   */
  async run<T>(work: Promise<T>, idle: () => void = () => {}) {
    let outcome: { value?: T; error?: unknown; settled: boolean; at: number } = { settled: false, at: -1 };
    work.then(
      (value) => (outcome = { value, settled: true, at: this.now }),
      (error: unknown) => (outcome = { error, settled: true, at: this.now }),
    );
    for (let step = 0; step < 1000; step++) {
      await macrotask(); // every microtask has run
      if (!outcome.settled) idle();
      if (this.sleepers.length === 0) break;
      this.now = Math.min(...this.sleepers.map((s) => s.at));
      const due = this.sleepers.filter((s) => s.at === this.now);
      this.sleepers = this.sleepers.filter((s) => s.at !== this.now);
      for (const s of due) s.wake();
    }
    return outcome;
  }
}

interface Port {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}
const Channel = (globalThis as unknown as { MessageChannel: new () => { port1: Port; port2: Port } }).MessageChannel;

/**
 * macrotask resolves once every pending promise callback has run. A message
 * through a MessageChannel, not setTimeout(0): browsers clamp nested timers
 * to 4 ms, which would make every step of the clock cost 4 ms.
 */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new Channel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** What the tasks saw: start order, how many run now, the most at once, how many finished. */
interface Probe {
  clock: Clock;
  started: number[];
  live: number;
  peak: number;
  finished: number;
}

const newProbe = (): Probe => ({ clock: new Clock(), started: [], live: 0, peak: 0, finished: 0 });

/** Task `id`: takes `d` of virtual time, then resolves with `id * 10`, or rejects with `fail`. */
function task(probe: Probe, id: number, d: number, fail?: string) {
  return async () => {
    probe.started.push(id);
    probe.live++;
    probe.peak = Math.max(probe.peak, probe.live);
    await probe.clock.sleep(d);
    probe.live--;
    probe.finished++;
    if (fail !== undefined) throw new Error(fail);
    return id * 10;
  };
}

/** Tasks with the given durations, ids 0..n-1. */
const tasks = (probe: Probe, durations: number[]) => durations.map((d, id) => task(probe, id, d));

const ms = (d: number) => `${d / time.Millisecond}ms`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

describe("Task 1: runs every task and keeps the order", () => {
  it("returns results in input order even when later tasks finish first", async () => {
    const probe = newProbe();
    const work = runAll(
      tasks(
        probe,
        [300, 100, 200].map((n) => n * time.Millisecond),
      ),
      2,
    );
    const out = await probe.clock.run(work);
    expect(out.error, `runAll rejected: ${errorText(out.error)}`).toBeUndefined();
    expect(out.value, "results must be in the order of the tasks, not the order they finished").toEqual([0, 10, 20]);
  });

  it("runs each task exactly once", async () => {
    const probe = newProbe();
    const durations = [5, 1, 3, 1, 2, 4, 1, 1, 3, 2, 1, 5].map((n) => n * 100 * time.Millisecond);
    const out = await probe.clock.run(runAll(tasks(probe, durations), 3));
    expect(out.value, "every task's result, in input order").toEqual(durations.map((_, id) => id * 10));
    expect(
      [...probe.started].sort((a, b) => a - b),
      `tasks started: [${probe.started}]; each of the 12 must start exactly once`,
    ).toEqual(durations.map((_, id) => id));
  });

  it("resolves only once every task has finished", async () => {
    const probe = newProbe();
    const out = await probe.clock.run(
      runAll(
        tasks(
          probe,
          [100, 400, 100].map((n) => n * time.Millisecond),
        ),
        3,
      ),
    );
    expect(
      out.at,
      `runAll resolved at ${ms(out.at)}; with a limit of 3 these tasks (100ms, 400ms, 100ms) run side by side and the last ends at 400ms`,
    ).toBe(400 * time.Millisecond);
    expect(out.value, "every task's result, in input order").toEqual([0, 10, 20]);
  });

  it("handles an empty list, and a limit larger than the list", async () => {
    const probe = newProbe();
    const empty = await probe.clock.run(runAll([], 3));
    expect(empty.value, "no tasks: resolve with an empty array").toEqual([]);
    const two = await probe.clock.run(runAll(tasks(probe, [100 * time.Millisecond, 200 * time.Millisecond]), 5));
    expect(two.value, "2 tasks with a limit of 5: both results").toEqual([0, 10]);
  });
});

describe("Task 2: never exceeds the limit", () => {
  it("keeps at most `limit` tasks in flight", async () => {
    const probe = newProbe();
    const durations = [5, 1, 3, 1, 2, 4, 1, 1, 3, 2, 1, 5].map((n) => n * 100 * time.Millisecond);
    await probe.clock.run(runAll(tasks(probe, durations), 3));
    expect(probe.peak, `${probe.peak} tasks ran at once; the limit is 3`).toBeLessThanOrEqual(3);
  });

  it("starts the next task as soon as one finishes, in input order", async () => {
    const probe = newProbe();
    const durations = [3, 1, 1, 1, 1, 1].map((n) => n * 100 * time.Millisecond);
    const total = durations.length;
    await probe.clock.run(runAll(tasks(probe, durations), 2), () => {
      const busy = Math.min(2, total - probe.finished);
      expect(
        probe.live,
        `at ${ms(probe.clock.now)}, ${probe.live} task(s) ran while ${total - probe.started.length} waited to start; ` +
          `with a limit of 2 start the next task as soon as one finishes (not after a whole batch)`,
      ).toBe(busy);
    });
    expect(probe.started, "tasks start in input order").toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("one slow task does not hold up the fast ones", async () => {
    // Limit 2: the 300ms task keeps one slot; the other slot runs the 100ms
    // tasks back to back. A pool ends at 400ms, batches of 2 at 500ms, one
    // at a time at 800ms.
    const probe = newProbe();
    const durations = [3, 1, 1, 1, 1, 1].map((n) => n * 100 * time.Millisecond);
    const out = await probe.clock.run(runAll(tasks(probe, durations), 2));
    expect(
      out.at,
      `6 tasks (one of 300ms, five of 100ms) with a limit of 2 took ${ms(out.at)}; a pool takes 400ms ` +
        `(batches take 500ms, one at a time 800ms)`,
    ).toBe(400 * time.Millisecond);
  });
});

describe("Task 3: errors", () => {
  it("rejects with the first error as soon as it happens", async () => {
    const probe = newProbe();
    const work = runAll(
      [
        task(probe, 0, 300 * time.Millisecond, "late failure"),
        task(probe, 1, 100 * time.Millisecond, "early failure"),
        task(probe, 2, 200 * time.Millisecond),
      ],
      3,
    );
    const out = await probe.clock.run(work);
    expect(
      out.settled && "error" in out,
      `runAll resolved with [${String(out.value)}]; a failed task must reject it`,
    ).toBe(true);
    expect(errorText(out.error), "reject with the error of the task that failed first").toBe("early failure");
    expect(out.at, `runAll rejected at ${ms(out.at)}; the first task failed at 100ms`).toBe(100 * time.Millisecond);
  });

  it("starts no new task after an error", async () => {
    const probe = newProbe();
    const work = runAll(
      [
        task(probe, 0, 100 * time.Millisecond, "disk full"),
        task(probe, 1, 300 * time.Millisecond),
        task(probe, 2, 100 * time.Millisecond),
        task(probe, 3, 100 * time.Millisecond),
      ],
      2,
    );
    const out = await probe.clock.run(work);
    expect(errorText(out.error), "reject with the task's error").toBe("disk full");
    expect(
      probe.started,
      `started tasks [${probe.started}]: once task 0 has failed, start no more (task 1 was already running)`,
    ).toEqual([0, 1]);
  });
});
