import { Mutex } from "go/sync";
import type { Sink } from "./sink";

/** Hits counts hits per path and in total, guarded by one Mutex. */
export class Hits {
  private readonly mu = new Mutex();
  private all = 0;
  private readonly paths = new Map<string, number>();

  constructor(private readonly sink: Sink) {}

  /** hit counts one hit of path, reports the path's new count and returns it. */
  async hit(path: string): Promise<number> {
    let n: number;
    await this.mu.lock();
    try {
      this.all++;
      n = (this.paths.get(path) ?? 0) + 1;
      this.paths.set(path, n);
    } finally {
      this.mu.unlock();
    }
    // The count is decided; the slow calls need no lock.
    if (n === 1) await this.sink.newSeries(path);
    await this.sink.report(path, n);
    return n;
  }

  /** total returns the number of hits so far. */
  total(): number {
    return this.all;
  }

  /** count returns the number of hits of path so far (0 if none). */
  count(path: string): number {
    return this.paths.get(path) ?? 0;
  }
}
