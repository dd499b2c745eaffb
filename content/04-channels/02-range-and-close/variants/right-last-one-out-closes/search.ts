import { go, makeChan } from "go";
import type { RecvChan } from "go";
import { Int64 } from "go/sync/atomic";

/** A Hit is a line found by one shard of the search. */
export interface Hit {
  shard: number;
  line: string;
}

/**
 * A Scanner searches one shard: it calls emit for every matching line, in
 * order, and returns when the shard is exhausted.
 */
export type Scanner = (emit: (line: string) => Promise<void>) => Promise<void>;

/**
 * search runs every scanner in its own goroutine and sends each hit on the
 * returned channel as soon as it is found. The channel is closed once every
 * scanner has returned, so a consumer can range over it.
 */
export function search(shards: Scanner[]): RecvChan<Hit> {
  const hits = makeChan<Hit>();
  if (shards.length === 0) {
    hits.close();
    return hits;
  }
  const running = new Int64();
  running.add(shards.length);
  shards.forEach((scan, shard) => {
    go(async () => {
      try {
        await scan((line) => hits.send({ shard, line }));
      } finally {
        if (running.add(-1) === 0) hits.close();
      }
    }, `shard ${shard}`);
  });
  return hits;
}

/**
 * firstScores receives at most n scores from ch and returns them in order;
 * fewer if ch is closed first. 0 is a valid score.
 */
export async function firstScores(ch: RecvChan<number>, n: number): Promise<number[]> {
  const out: number[] = [];
  if (n <= 0) return out;
  for await (const score of ch) {
    out.push(score);
    if (out.length === n) break;
  }
  return out;
}
