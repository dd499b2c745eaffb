import { go, makeChan, select } from "go";
import * as context from "go/context";
import { Mutex } from "go/sync";

/**
 * sumSquares squares every number in its own goroutine and returns the sum
 * of the squares.
 */
export async function sumSquares(nums: number[]): Promise<number> {
  const squares = makeChan<number>();
  for (const n of nums) go(() => squares.send(n * n), `square-${n}`);
  // Exactly one value per sender: count them instead of waiting for a close.
  let sum = 0;
  for (let i = 0; i < nums.length; i++) sum += (await squares.recv()) ?? 0;
  return sum;
}

/**
 * firstAnswer asks every mirror at once and returns the first answer.
 * The mirrors that answer later must not be left blocked.
 */
export async function firstAnswer(mirrors: Array<() => Promise<string>>): Promise<string> {
  const [ctx, cancel] = context.withCancel(context.background());
  const answers = makeChan<string>();
  mirrors.forEach((ask, i) => {
    go(async () => {
      const answer = await ask();
      // Deliver, or give up once the caller has its answer.
      await select(
        answers.sendCase(answer, () => undefined),
        ctx.done().recvCase(() => undefined),
      );
    }, `mirror-${i}`);
  });
  try {
    return (await answers.recv()) ?? "";
  } finally {
    cancel();
  }
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

  /** withLock runs fn holding the mutex and releases it however fn ends. */
  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await this.mu.lock();
    try {
      return await fn();
    } finally {
      this.mu.unlock();
    }
  }

  /**
   * add changes the stock of item by n and reports true; it refuses (returns
   * false) to go below zero, and rejects if the store fails.
   */
  add(item: string, n: number): Promise<boolean> {
    return this.withLock(async () => {
      const next = (await this.store.get(item)) + n;
      if (next < 0) return false;
      await this.store.set(item, next);
      return true;
    });
  }

  /** count returns the stock of item. */
  count(item: string): Promise<number> {
    return this.withLock(() => this.store.get(item));
  }
}
