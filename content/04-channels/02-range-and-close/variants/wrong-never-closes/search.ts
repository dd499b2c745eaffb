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
  // Several senders: none of them may close. One closer, after all are done.
  go(async () => {
    await wg.wait();
  }, "closer");

  return hits;
}

/**
 * firstScores receives at most n scores from ch and returns them in order;
 * fewer if ch is closed first. 0 is a valid score.
 */
export async function firstScores(ch: RecvChan<number>, n: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < n) {
    const [score, ok] = await ch.recvOk();
    if (!ok) break; // closed and drained: not a score
    out.push(score!);
  }
  return out;
}
