import { go, makeChan } from "go";
import { Mutex, WaitGroup } from "go/sync";

/**
 * sumSquares squares every number in its own goroutine and returns the sum
 * of the squares.
 */
export async function sumSquares(nums: number[]): Promise<number> {
  const squares = makeChan<number>();
  const wg = new WaitGroup();
  for (const n of nums) {
    wg.add(1);
    go(async () => {
      try {
        await squares.send(n * n);
      } finally {
        wg.done();
      }
    }, `square-${n}`);
  }
  // Close once every sender is done, while main is already receiving.
  go(async () => {
    await wg.wait();
    squares.close();
  }, "closer");
  let sum = 0;
  for await (const sq of squares) sum += sq;
  return sum;
}

/**
 * firstAnswer asks every mirror at once and returns the first answer.
 * The mirrors that answer later must not be left blocked.
 */
export async function firstAnswer(mirrors: Array<() => Promise<string>>): Promise<string> {
  // One slot per mirror: the late ones can deliver their answer and exit.
  const answers = makeChan<string>(mirrors.length);
  mirrors.forEach((ask, i) => {
    go(async () => {
      await answers.send(await ask());
    }, `mirror-${i}`);
  });
  return (await answers.recv()) ?? "";
}

/** Inventory keeps stock counts safe for concurrent use. */
export class Inventory {
  private mu = new Mutex();
  private stock = new Map<string, number>();

  /** add changes the stock of item by n; it refuses (returns false) to go below zero. */
  async add(item: string, n: number): Promise<boolean> {
    await this.mu.lock();
    try {
      const next = (this.stock.get(item) ?? 0) + n;
      if (next < 0) return false;
      this.stock.set(item, next);
      return true;
    } finally {
      this.mu.unlock();
    }
  }

  /** count returns the stock of item. */
  async count(item: string): Promise<number> {
    await this.mu.lock();
    try {
      return this.stock.get(item) ?? 0;
    } finally {
      this.mu.unlock();
    }
  }
}
