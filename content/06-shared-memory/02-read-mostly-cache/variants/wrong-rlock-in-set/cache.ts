import { RWMutex, onceValues } from "go/sync";
import type { Open, Store } from "./store";

/**
 * A Cache serves a read-mostly store that is loaded on first use. Many
 * goroutines may get at once; set waits for them and runs alone. It is safe
 * for concurrent use.
 */
export class Cache {
  private readonly rw = new RWMutex();
  /** Loads the store on the first call; every later call gets the same result, error or panic included. */
  private readonly load: () => Promise<[Store | null, Error | null]>;

  /** The store is not opened here: the first get or set opens it. */
  constructor(open: Open) {
    this.load = onceValues(open);
  }

  /**
   * get returns [value, null], value undefined if key is absent, or
   * [undefined, err] if loading the store failed.
   */
  async get(key: string): Promise<[string | undefined, Error | null]> {
    const [store, err] = await this.load();
    if (err !== null || store === null) return [undefined, err];
    await this.rw.rLock(); // shared: other readers may hold it too
    try {
      return [await store.read(key), null];
    } finally {
      this.rw.rUnlock();
    }
  }

  /** set stores value under key; it returns the load error, if loading failed. */
  async set(key: string, value: string): Promise<Error | null> {
    const [store, err] = await this.load();
    if (err !== null || store === null) return err;
    await this.rw.rLock(); // a single write is quick
    try {
      await store.write(key, value);
      return null;
    } finally {
      this.rw.rUnlock();
    }
  }
}
