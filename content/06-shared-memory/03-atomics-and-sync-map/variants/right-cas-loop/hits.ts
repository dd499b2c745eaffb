import { Map as SyncMap } from "go/sync";
import * as atomic from "go/sync/atomic";
import type { Sink } from "./sink";

/** Hits counts hits per path with compare-and-swap on a sync.Map of numbers. */
export class Hits {
  private readonly all = new atomic.Int64();
  private readonly paths = new SyncMap<string, number>();

  constructor(private readonly sink: Sink) {}

  /** hit counts one hit of path, reports the path's new count and returns it. */
  async hit(path: string): Promise<number> {
    this.all.add(1);
    const [, loaded] = this.paths.loadOrStore(path, 0);
    if (!loaded) await this.sink.newSeries(path);
    let n: number;
    for (;;) {
      const [old] = this.paths.load(path);
      n = (old ?? 0) + 1;
      if (this.paths.compareAndSwap(path, old ?? 0, n)) break; // lost a race: read again
    }
    await this.sink.report(path, n);
    return n;
  }

  /** total returns the number of hits so far. */
  total(): number {
    return this.all.load();
  }

  /** count returns the number of hits of path so far (0 if none). */
  count(path: string): number {
    return this.paths.load(path)[0] ?? 0;
  }
}
