import { makeChan } from "go";
import type { Chan } from "go";
import type { Context } from "go/context";
import * as time from "go/time";
import type { Time } from "go/time";
import type { Link, MemoryStore } from "./store";

/** HitTTL is how long a found link is served from the cache. */
export const HitTTL = time.Minute;

/** MissTTL is how long "no such link" is remembered, so scanners do not reach the store. */
export const MissTTL = 10 * time.Second;

/** A load in flight: done is closed when link or err is set. */
interface Call {
  done: Chan<void>;
  link: Link | null;
  err: Error | null;
}

/** LinkCache caches links and misses; concurrent misses wait on the one load in flight. */
export class LinkCache {
  private readonly entries = new Map<string, { link: Link | null; expires: Time }>();
  private readonly inflight = new Map<string, Call>();

  constructor(private readonly store: MemoryStore) {}

  /** get returns the link with this code, or null. */
  async get(ctx: Context, code: string): Promise<Link | null> {
    const e = this.entries.get(code);
    if (e && time.until(e.expires) > 0) return e.link;
    let c = this.inflight.get(code);
    if (c) {
      await c.done.recv();
    } else {
      c = { done: makeChan<void>(), link: null, err: null };
      this.inflight.set(code, c);
      try {
        c.link = await this.store.get(ctx, code);
        const ttl = c.link ? HitTTL : MissTTL;
        this.entries.set(code, { link: c.link, expires: time.now().add(ttl) });
      } catch (err) {
        c.err = err as Error;
      } finally {
        this.inflight.delete(code);
        c.done.close();
      }
    }
    if (c.err) throw c.err;
    return c.link;
  }

  /** forget drops what the cache knows about code. */
  forget(code: string): void {
    this.entries.delete(code);
  }
}
