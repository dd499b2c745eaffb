import { go, makeChan } from "go";
import type { RecvChan } from "go";
import { WaitGroup } from "go/sync";

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
  const wg = new WaitGroup();
  shards.forEach((scan, shard) => {
    wg.add(1);
    go(async () => {
      try {
        await scan((line) => hits.send({ shard, line }));
      } finally {
        wg.done();
      }
    }, `shard ${shard}`);
  });
  // TODO: close hits exactly once, after every scanner has returned. Which
  // goroutine may close it, with several senders?
  return hits;
}

/**
 * firstScores receives at most n scores from ch and returns them in order;
 * fewer if ch is closed first. 0 is a valid score.
 */
export async function firstScores(ch: RecvChan<number>, n: number): Promise<number[]> {
  // TODO: stop after n scores, or when ch is closed (use the ok result).
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push((await ch.recv()) ?? 0);
  }
  return out;
}
