import type { Context } from "go/context";
import * as time from "go/time";
import type { Link, MemoryStore } from "./store";

/** HitTTL is how long a found link is served from the cache. */
export const HitTTL = time.Minute;

/** MissTTL is how long "no such link" is remembered, so scanners do not reach the store. */
export const MissTTL = 10 * time.Second;

/**
 * LinkCache is a read-through cache in front of the store for resolving
 * codes: links for HitTTL, misses for MissTTL. Concurrent misses for one
 * code share a single store read.
 */
export class LinkCache {
  constructor(private readonly store: MemoryStore) {}

  /** get returns the link with this code, or null, reading the store only when the cache cannot answer. */
  async get(ctx: Context, code: string): Promise<Link | null> {
    // TODO: cache links for HitTTL and misses for MissTTL; concurrent misses share one read.
    return this.store.get(ctx, code);
  }

  /** forget drops what the cache knows about code (call it when the link is created). */
  forget(code: string): void {
    // TODO
    void code;
  }
}
