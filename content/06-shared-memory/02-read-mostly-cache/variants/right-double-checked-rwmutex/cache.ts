import { RWMutex } from "go/sync";
import type { Open, Store } from "./store";

/** What loading produced: a store, an error, or a panic to re-raise. */
type Loaded = { store: Store | null; err: Error | null } | { panic: unknown };

/** A Cache serves a read-mostly store that is loaded on first use. */
export class Cache {
  private readonly rw = new RWMutex();
  private loaded: Loaded | null = null;

  /** The store is not opened here: the first get or set opens it. */
  constructor(private readonly open: Open) {}

  /** result returns what loading produced, loading under the write lock if nobody has yet. */
  private async result(): Promise<Loaded> {
    await this.rw.rLock();
    const seen = this.loaded;
    this.rw.rUnlock();
    if (seen !== null) return seen;
    await this.rw.lock();
    try {
      // Checked again: another goroutine may have loaded while we waited.
      if (this.loaded === null) {
        try {
          const [store, err] = await this.open();
          this.loaded = { store, err };
        } catch (e) {
          this.loaded = { panic: e };
        }
      }
      return this.loaded;
    } finally {
      this.rw.unlock();
    }
  }

  private async load(): Promise<[Store | null, Error | null]> {
    const r = await this.result();
    if ("panic" in r) throw r.panic;
    return [r.store, r.err];
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
