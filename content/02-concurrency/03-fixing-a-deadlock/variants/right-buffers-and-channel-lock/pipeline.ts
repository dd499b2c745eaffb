import { go, makeChan } from "go";
import { WaitGroup } from "go/sync";

/**
 * sumSquares squares every number in its own goroutine and returns the sum
 * of the squares.
 */
export async function sumSquares(nums: number[]): Promise<number> {
  // A slot for every square: no sender waits for main, so main may wait first.
  const squares = makeChan<number>(nums.length);
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
  await wg.wait();
  squares.close();
  let sum = 0;
  for await (const sq of squares) sum += sq;
  return sum;
}

/**
 * firstAnswer asks every mirror at once and returns the first answer.
 * The mirrors that answer later must not be left blocked.
 */
export async function firstAnswer(mirrors: Array<() => Promise<string>>): Promise<string> {
  const answers = makeChan<string>();
  mirrors.forEach((ask, i) => {
    go(async () => {
      await answers.send(await ask());
    }, `mirror-${i}`);
  });
  const first = (await answers.recv()) ?? "";
  // Receive (and drop) the answers still to come, so every mirror can exit.
  go(async () => {
    for (let i = 1; i < mirrors.length; i++) await answers.recv();
  }, "drain");
  return first;
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
 * Inventory changes stock counts in a Store, safe for concurrent use: a
 * channel with one slot is the lock (send to take it, receive to give it back).
 */
export class Inventory {
  private lock = makeChan<void>(1);
  private store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /**
   * add changes the stock of item by n and reports true; it refuses (returns
   * false) to go below zero, and rejects if the store fails.
   */
  async add(item: string, n: number): Promise<boolean> {
    await this.lock.send();
    try {
      const next = (await this.store.get(item)) + n;
      if (next < 0) return false;
      await this.store.set(item, next);
      return true;
    } finally {
      await this.lock.recv();
    }
  }

  /** count returns the stock of item. */
  async count(item: string): Promise<number> {
    return this.store.get(item);
  }
}
