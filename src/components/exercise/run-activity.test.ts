import { describe, expect, it } from "vitest";
import { runEnded, runStarted, runsIdle } from "./run-activity";

/** Whether `p` has settled after the microtasks queued now have run. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe("runsIdle", () => {
  it("resolves at once when no Run is in progress", async () => {
    expect(await settled(runsIdle())).toBe(true);
  });

  it("waits for every Run in progress to end", async () => {
    runStarted();
    runStarted(); // a second Run (the first one is being cancelled)
    const idle = runsIdle();
    expect(await settled(idle)).toBe(false);
    runEnded();
    expect(await settled(idle), "one Run is still in progress").toBe(false);
    runEnded();
    expect(await settled(idle)).toBe(true);
    expect(await settled(runsIdle()), "and later waits do not block").toBe(true);
  });
});
