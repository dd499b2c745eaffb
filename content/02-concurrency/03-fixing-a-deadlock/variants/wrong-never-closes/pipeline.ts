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
  go(async () => {
    await wg.wait();
  }, "waiter");
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

/**
 * Store is where the stock counts live (a database, say): every call takes
 * time, and set can fail.
 */
export interface Store {
  /** get returns the stock of item, 0 if it has none. */
  get(item: string): Promise<number>;
  /** set records the stock of item; it rejects if the store is unavailable. */
  set(item: string, n: number): Promise<void>;
}

/**
 * Inventory changes stock counts in a Store, safe for concurrent use: the
 * mutex makes each read-change-write one step that no other add interleaves.
 */
export class Inventory {
  private mu = new Mutex();
  private store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /**
   * add changes the stock of item by n and reports true; it refuses (returns
   * false) to go below zero, and rejects if the store fails.
   */
  async add(item: string, n: number): Promise<boolean> {
    await this.mu.lock();
    // finally is Go's defer: it unlocks on the refusal, on success, and
    // when the store throws.
    try {
      const next = (await this.store.get(item)) + n;
      if (next < 0) return false;
      await this.store.set(item, next);
      return true;
    } finally {
      this.mu.unlock();
    }
  }

  /** count returns the stock of item. */
  async count(item: string): Promise<number> {
    return this.store.get(item);
  }
}
