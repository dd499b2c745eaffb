import { describe, expect, it } from "vitest";
import { runAll } from "./limit";

/** One turn of the microtask queue: deterministic, and fast in every runtime. */
const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** A task that resolves with `value` after `ticks` turns, tracking concurrency. */
function tracked(probe: { live: number; peak: number; started: number[] }, id: number, value: number, ticks: number) {
  return async () => {
    probe.started.push(id);
    probe.live++;
    probe.peak = Math.max(probe.peak, probe.live);
    for (let i = 0; i < ticks; i++) await tick();
    probe.live--;
    return value;
  };
}

describe("Task 1: runs every task and keeps the order", () => {
  it("returns results in input order even when later tasks finish first", async () => {
    const probe = { live: 0, peak: 0, started: [] as number[] };
    const tasks = [tracked(probe, 0, 10, 5), tracked(probe, 1, 11, 1), tracked(probe, 2, 12, 3)];
    await expect(runAll(tasks, 2)).resolves.toEqual([10, 11, 12]);
  });

  it("handles an empty list", async () => {
    await expect(runAll([], 3)).resolves.toEqual([]);
  });
});

describe("Task 2: never exceeds the limit", () => {
  it("keeps at most `limit` tasks in flight", async () => {
    const probe = { live: 0, peak: 0, started: [] as number[] };
    const tasks = Array.from({ length: 12 }, (_, i) => tracked(probe, i, i, (i % 3) + 1));
    await runAll(tasks, 3);
    expect(probe.peak).toBe(3);
  });

  it("starts the next task as soon as one finishes", async () => {
    const probe = { live: 0, peak: 0, started: [] as number[] };
    // Task 0 is slow; tasks 1..3 are quick and must not wait for it.
    const tasks = [tracked(probe, 0, 0, 20), tracked(probe, 1, 1, 1), tracked(probe, 2, 2, 1), tracked(probe, 3, 3, 1)];
    const done = runAll(tasks, 2);
    for (let i = 0; i < 12; i++) await tick();
    expect(probe.started).toEqual([0, 1, 2, 3]);
    await done;
  });
});

describe("Task 3: errors", () => {
  it("rejects with the first error", async () => {
    const boom = async () => {
      throw new Error("boom");
    };
    await expect(runAll([async () => 1, boom, async () => 3], 2)).rejects.toThrow("boom");
  });
});
