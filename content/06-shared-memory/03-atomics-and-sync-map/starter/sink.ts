/**
 * A Sink is the metrics backend the counters publish to, a remote service:
 * every call takes time, so it is awaited. It is safe for concurrent use.
 */
export interface Sink {
  /** newSeries creates the series of a path. Call it exactly once per path. */
  newSeries(path: string): Promise<void>;
  /** report publishes count, the number of hits of path including this one. */
  report(path: string, count: number): Promise<void>;
}
