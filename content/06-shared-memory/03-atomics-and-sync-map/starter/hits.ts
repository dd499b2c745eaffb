import { Map as SyncMap } from "go/sync";
import * as atomic from "go/sync/atomic";
import type { Sink } from "./sink";

/**
 * Hits counts hits per path and in total, and reports each path's count to
 * a sink. It must be safe for concurrent use.
 */
export class Hits {
  private all = 0;
  private readonly paths = new Map<string, number>();

  constructor(private readonly sink: Sink) {}

  /**
   * hit counts one hit of path, reports the path's new count to the sink and
   * returns it. The first hit of a path creates its series in the sink.
   */
  async hit(path: string): Promise<number> {
    // TODO: correct for one caller at a time only. Between the read and the
    // write other hits run (at each await), and their updates are lost.
    // Use an atomic.Int64 for the total and, per path, an atomic.Int64 kept
    // in a sync.Map (SyncMap) and created with loadOrStore.
    const all = this.all;
    const before = this.paths.get(path);
    if (before === undefined) await this.sink.newSeries(path);
    const n = (before ?? 0) + 1;
    await this.sink.report(path, n);
    this.paths.set(path, n);
    this.all = all + 1;
    return n;
  }

  /** total returns the number of hits so far, over every path. */
  total(): number {
    return this.all;
  }

  /** count returns the number of hits of path so far (0 if none). */
  count(path: string): number {
    return this.paths.get(path) ?? 0;
  }
}
