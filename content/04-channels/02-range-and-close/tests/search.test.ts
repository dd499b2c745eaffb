import { describe, it, expect } from "vitest";
import { go, makeChan } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { firstScores, search } from "./search";
import type { Hit, Scanner } from "./search";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;

/** A scanner that waits each step's delay, then emits its line (null: no line), then returns. */
const scanner =
  (...steps: Array<[time.Duration, string | null]>): Scanner =>
  async (emit) => {
    for (const [d, line] of steps) {
      await time.sleep(d);
      if (line !== null) await emit(line);
    }
  };

/** What a consumer ranging over search's channel saw. */
interface Seen {
  hits: string[];
  at: time.Duration[];
  /** When the range loop ended. */
  ended: time.Duration;
}

/** rangeOver ranges over search(shards) and records every hit with its time. */
async function rangeOver(shards: Scanner[]): Promise<Seen> {
  const start = time.now();
  const seen: Seen = { hits: [], at: [], ended: -1 };
  for await (const hit of search(shards)) {
    seen.hits.push(`${hit.shard}:${hit.line}`);
    seen.at.push(time.since(start));
  }
  seen.ended = time.since(start);
  return seen;
}

describe("Task 1: search delivers every hit, then ends the range", () => {
  it("delivers hits as they are found and closes when the slowest shard is done", async () => {
    await synctest.run(async () => {
      const seen = await rangeOver([
        scanner([100 * time.Millisecond, "alpha"], [300 * time.Millisecond, "gamma"], [50 * time.Millisecond, null]),
        scanner([200 * time.Millisecond, "beta"], [700 * time.Millisecond, null]),
        scanner(),
      ]);
      expect(seen.hits, "every hit of every shard, in the order they were found").toEqual([
        "0:alpha",
        "1:beta",
        "0:gamma",
      ]);
      expect(seen.at.map(ms), "each hit reaches the consumer the moment it is found").toEqual([
        "100ms",
        "200ms",
        "400ms",
      ]);
      expect(
        ms(seen.ended),
        "the range ends when the channel is closed, and that is when the last shard returns (900ms), not earlier",
      ).toBe("900ms");
    });
  });

  it("closes at once when there are no shards", async () => {
    await synctest.run(async () => {
      const seen = await rangeOver([]);
      expect(seen.hits, "no shards, no hits").toEqual([]);
      expect(ms(seen.ended), "with nothing to wait for, the channel is closed at once").toBe("0ms");
    });
  });

  it("keeps the channel open while an earlier shard is still slow", async () => {
    await synctest.run(async () => {
      // The first shard is the slowest; the last one started finishes first.
      const seen = await rangeOver([scanner([time.Second, "late"]), scanner([100 * time.Millisecond, "early"])]);
      expect(
        seen.hits,
        "the slow first shard's hit must still arrive: close after every shard, not the last one started",
      ).toEqual(["1:early", "0:late"]);
      expect(ms(seen.ended), "the channel closes when the slow shard is done").toBe("1000ms");
    });
  });
});

describe("Task 2: search closes the channel exactly once, under every schedule", () => {
  it("delivers every hit exactly once with four shards racing", async () => {
    await synctest.explore(async () => {
      const shards: Scanner[] = [];
      for (let s = 0; s < 4; s++) shards.push(scanner([0, "x"], [0, "y"], [0, "z"]));
      const got: Hit[] = [];
      for await (const hit of search(shards)) got.push(hit);
      const lines = got.map((h) => `${h.shard}:${h.line}`);
      expect(got.length, `got ${got.length} hits under seed ${synctest.seed()}; 4 shards found 3 each`).toBe(12);
      for (let s = 0; s < 4; s++) {
        expect(
          lines.filter((l) => l.startsWith(`${s}:`)),
          `shard ${s}'s hits, in the order it found them (seed ${synctest.seed()})`,
        ).toEqual([`${s}:x`, `${s}:y`, `${s}:z`]);
      }
    });
  });
});

describe("Task 3: firstScores tells a zero score from a closed channel", () => {
  it("takes the first n scores, zeros included, and leaves the rest in the channel", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(5);
      for (const s of [7, 0, 3, 9, 4]) await ch.send(s);
      const got = await firstScores(ch, 3);
      expect(got, "the first three scores; 0 is a score, not the end").toEqual([7, 0, 3]);
      expect(ch.len(), `${5 - ch.len()} scores were taken; take n = 3 and leave the rest for someone else`).toBe(2);
    });
  });

  it("stops when the channel is closed before n scores", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>();
      go(async () => {
        for (const s of [0, 5, 0]) {
          await time.sleep(100 * time.Millisecond);
          await ch.send(s);
        }
        ch.close();
      }, "scores");
      const start = time.now();
      const got = await firstScores(ch, 10);
      const took = time.since(start);
      expect(got, "the three scores sent before the close; a closed channel yields no more scores").toEqual([0, 5, 0]);
      expect(ms(took), "returns when the channel is closed, after the third score").toBe("300ms");
    });
  });
});
