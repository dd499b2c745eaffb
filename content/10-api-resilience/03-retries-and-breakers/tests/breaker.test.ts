import { describe, expect, it } from "vitest";
import { go } from "go";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import * as time from "go/time";
import { Breaker, ErrOpen } from "./breaker";

const CoolDown = 5 * time.Second;

/** A dependency that takes `took` and succeeds or fails as told, counting its calls. */
function dependency(took = 10 * time.Millisecond) {
  const d = {
    calls: 0,
    ok: async () => {
      d.calls++;
      await time.sleep(took);
      return "live";
    },
    fail: async (): Promise<string> => {
      d.calls++;
      await time.sleep(took);
      throw new Error("boom");
    },
  };
  return d;
}

const fallback = (err: Error) => `fallback: ${err.message}`;

describe("Task 4: a circuit breaker with a fallback", () => {
  it("opens after threshold consecutive failures; a success resets the count", async () => {
    await run(async () => {
      const b = new Breaker(3, CoolDown);
      const dep = dependency();
      const got = [];
      for (const fn of [dep.fail, dep.fail, dep.ok, dep.fail, dep.fail]) got.push(await b.call(fn, fallback));
      expect(got, "failures get the fallback with their own error").toEqual([
        "fallback: boom",
        "fallback: boom",
        "live",
        "fallback: boom",
        "fallback: boom",
      ]);
      expect(b.state(), "two failures since the last success: still closed").toBe("closed");
      await b.call(dep.fail, fallback);
      expect(b.state(), "the third consecutive failure opens the breaker").toBe("open");
    });
  });

  it("open, it answers from the fallback at once without calling the dependency", async () => {
    await run(async () => {
      const b = new Breaker(2, CoolDown);
      const dep = dependency();
      await b.call(dep.fail, fallback);
      await b.call(dep.fail, fallback);
      const before = dep.calls;
      const start = time.now();
      const got = await b.call(dep.ok, fallback);
      expect(got, "an open breaker hands the fallback ErrOpen").toBe(`fallback: ${ErrOpen.message}`);
      expect(dep.calls - before, "and never calls the dependency").toBe(0);
      expect(time.durationString(time.since(start)), "failing fast takes no time").toBe("0s");
    });
  });

  it("after the cool-down one probe goes through, and its success closes the breaker", async () => {
    // 30 schedules catch every variant and keep a Run quick.
    await explore(
      async () => {
        const b = new Breaker(1, CoolDown);
        const dep = dependency(50 * time.Millisecond);
        await b.call(dep.fail, fallback);
        await time.sleep(CoolDown - time.Millisecond);
        expect(b.state(), "1ms before the cool-down ends the breaker is still open").toBe("open");
        await time.sleep(time.Millisecond);
        expect(b.state(), "once the cool-down has passed it is half-open").toBe("half-open");
        const before = dep.calls;
        const got: string[] = [];
        const wg = new WaitGroup();
        for (let i = 0; i < 5; i++) {
          wg.add(1);
          go(async () => {
            try {
              got.push(await b.call(dep.ok, fallback));
            } finally {
              wg.done();
            }
          });
        }
        await wg.wait();
        got.sort();
        expect(dep.calls - before, "half-open lets exactly one probe reach the dependency").toBe(1);
        expect(got, "the probe gets the live answer; the others, arriving during it, get the fallback").toEqual([
          "fallback: circuit breaker is open",
          "fallback: circuit breaker is open",
          "fallback: circuit breaker is open",
          "fallback: circuit breaker is open",
          "live",
        ]);
        expect(b.state(), "the probe succeeded: closed").toBe("closed");
        expect(await b.call(dep.ok, fallback), "closed again, calls go through").toBe("live");
      },
      { seeds: 30 },
    );
  });

  it("a failed probe opens it again for a full cool-down", async () => {
    await run(async () => {
      const b = new Breaker(3, CoolDown);
      const dep = dependency();
      for (let i = 0; i < 3; i++) await b.call(dep.fail, fallback);
      await time.sleep(CoolDown);
      const probe = await b.call(dep.fail, fallback);
      expect(probe, "the failed probe's caller gets the fallback with the probe's error").toBe("fallback: boom");
      expect(b.state(), "one failed probe is enough to open the breaker again").toBe("open");
      await time.sleep(CoolDown - time.Millisecond);
      expect(b.state(), "the new cool-down counts from the probe's failure").toBe("open");
      await time.sleep(time.Millisecond);
      expect(b.state(), "and ends a full cool-down later").toBe("half-open");
    });
  });
});
