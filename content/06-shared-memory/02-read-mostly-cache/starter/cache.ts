import { Mutex } from "go/sync";
import type { Open, Store } from "./store";

/**
 * A Cache serves a read-mostly store that is loaded on first use. Many
 * goroutines may get at once; set waits for them and runs alone. It is safe
 * for concurrent use.
 */
export class Cache {
  // TODO: readers should share the lock: an RWMutex (rLock for get, lock for set).
  private readonly mu = new Mutex();
  private store: Store | null = null;
  private err: Error | null = null;

  /** The store is not opened here: the first get or set opens it. */
  constructor(private readonly open: Open) {}

  // TODO: concurrent first callers all see `store === null` and all call
  // open. Load exactly once with onceValues (or Once), and give every caller
  // the same error, or the same panic, when loading fails.
  private async loadStore(): Promise<[Store | null, Error | null]> {
    if (this.store === null && this.err === null) [this.store, this.err] = await this.open();
    return [this.store, this.err];
  }

  /**
   * get returns [value, null], value undefined if key is absent, or
   * [undefined, err] if loading the store failed.
   */
  async get(key: string): Promise<[string | undefined, Error | null]> {
    const [store, err] = await this.loadStore();
    if (err !== null || store === null) return [undefined, err];
    await this.mu.lock();
    try {
      return [await store.read(key), null];
    } finally {
      this.mu.unlock();
    }
  }

  /** set stores value under key; it returns the load error, if loading failed. */
  async set(key: string, value: string): Promise<Error | null> {
    const [store, err] = await this.loadStore();
    if (err !== null || store === null) return err;
    await this.mu.lock();
    try {
      await store.write(key, value);
      return null;
    } finally {
      this.mu.unlock();
    }
  }
}
