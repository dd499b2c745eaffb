// Composes the script one Run hands to its sandbox worker: the compiled
// bundle, then the call that starts the harness. The worker loads it as its
// own script (after the prelude), so bundle lines are script lines.

export interface ScriptOptions {
  runId: number;
  bundle: string;
  map: string;
  /** The Run's wall-clock limit. */
  timeoutMs: number;
}

/**
 * A hung async test fails on its own a little before the Run's wall clock,
 * so the learner sees which test hung instead of a bare timeout.
 */
export function perTestTimeout(timeoutMs: number): number {
  return Math.max(200, Math.floor(timeoutMs * 0.8));
}

export function sandboxScript(options: ScriptOptions): string {
  const config = { runId: options.runId, map: options.map, testTimeoutMs: perTestTimeout(options.timeoutMs) };
  return `${options.bundle}\n;self.__sandboxStart(${JSON.stringify(config)});\n`;
}
