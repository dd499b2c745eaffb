import { Map as SyncMap, Mutex } from "go/sync";
import * as atomic from "go/sync/atomic";
import type { Sink } from "./sink";

/**
 * Hits counts hits per path and in total, and reports each path's count to
 * a sink. It is safe for concurrent use: the counters are atomic and the
 * per-path counters live in a sync.Map, created with loadOrStore.
 */
export class Hits {
  private readonly mu = new Mutex();
  private readonly all = new atomic.Int64();
  private readonly paths = new SyncMap<string, atomic.Int64>();

  constructor(private readonly sink: Sink) {}

  /**
   * hit counts one hit of path, reports the path's new count to the sink and
   * returns it. The first hit of a path creates its series in the sink.
   */
  async hit(path: string): Promise<number> {
    await this.mu.lock();
    try {
      return await this.hitLocked(path);
    } finally {
      this.mu.unlock();
    }
  }

  private async hitLocked(path: string): Promise<number> {
    this.all.add(1);
    // One counter per path, whoever gets here first: loadOrStore keeps the
    // first one stored and hands it to everybody, losers included.
    const [counter, loaded] = this.paths.loadOrStore(path, new atomic.Int64());
    if (!loaded) await this.sink.newSeries(path);
    // add returns the value after this very increment: no other hit can
    // slip in between reading and writing it.
    const n = counter.add(1);
    await this.sink.report(path, n);
    return n;
  }

  /** total returns the number of hits so far, over every path. */
  total(): number {
    return this.all.load();
  }

  /** count returns the number of hits of path so far (0 if none). */
  count(path: string): number {
    const [counter] = this.paths.load(path);
    return counter?.load() ?? 0;
  }
}
