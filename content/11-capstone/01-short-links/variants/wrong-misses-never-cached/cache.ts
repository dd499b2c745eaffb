import type { Context } from "go/context";
import * as time from "go/time";
import type { Time } from "go/time";
import * as singleflight from "go/x/sync/singleflight";
import type { Link, MemoryStore } from "./store";

/** HitTTL is how long a found link is served from the cache. */
export const HitTTL = time.Minute;

/** MissTTL is how long "no such link" is remembered, so scanners do not reach the store. */
export const MissTTL = 10 * time.Second;

interface Entry {
  link: Link | null; // null: the store has no such link
  expires: Time;
}

/**
 * LinkCache is a read-through cache in front of the store for resolving
 * codes: links for HitTTL, misses for MissTTL. Concurrent misses for one
 * code share a single store read.
 */
export class LinkCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loads = new singleflight.Group<Link | null>();

  constructor(private readonly store: MemoryStore) {}

  /** get returns the link with this code, or null, reading the store only when the cache cannot answer. */
  async get(ctx: Context, code: string): Promise<Link | null> {
    const e = this.entries.get(code);
    if (e !== undefined && time.now().before(e.expires)) return e.link;
    const [link, err] = await this.loads.do(code, async () => {
      const l = await this.store.get(ctx, code);
      if (l !== null) this.entries.set(code, { link: l, expires: time.now().add(HitTTL) });
      return l;
    });
    if (err !== null) throw err;
    return link ?? null;
  }

  /** forget drops what the cache knows about code (call it when the link is created). */
  forget(code: string): void {
    this.entries.delete(code);
  }
}
