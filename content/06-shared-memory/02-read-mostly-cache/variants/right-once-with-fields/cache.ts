import { Once, RWMutex } from "go/sync";
import type { Open, Store } from "./store";

/** A Cache serves a read-mostly store that is loaded on first use. */
export class Cache {
  private readonly rw = new RWMutex();
  private readonly once = new Once();
  private store: Store | null = null;
  private err: Error | null = null;
  private panicked = false;
  private panicValue: unknown;

  /** The store is not opened here: the first get or set opens it. */
  constructor(private readonly open: Open) {}

  /** load opens the store once; later calls return the same store and error, or re-panic. */
  private async load(): Promise<[Store | null, Error | null]> {
    try {
      await this.once.do(async () => {
        try {
          [this.store, this.err] = await this.open();
        } catch (e) {
          this.panicked = true;
          this.panicValue = e;
          throw e;
        }
      });
    } catch {
      // The first caller's panic; handled below like every later caller's.
    }
    if (this.panicked) throw this.panicValue;
    return [this.store, this.err];
  }

  /** get returns [value, null], or [undefined, err] if loading failed. */
  async get(key: string): Promise<[string | undefined, Error | null]> {
    const [store, err] = await this.load();
    if (store === null) return [undefined, err];
    await this.rw.rLock();
    try {
      return [await store.read(key), null];
    } finally {
      this.rw.rUnlock();
    }
  }

  /** set stores value under key; it returns the load error, if loading failed. */
  async set(key: string, value: string): Promise<Error | null> {
    const [store, err] = await this.load();
    if (store === null) return err;
    await this.rw.lock();
    try {
      await store.write(key, value);
      return null;
    } finally {
      this.rw.unlock();
    }
  }
}
